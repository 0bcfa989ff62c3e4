/* ct-editor-page-preview.c — the page and its preview in step: the text
 * goes over at most once per frame, the preview follows the editor's
 * scrolling, and clicks in the preview move the cursor or show an
 * entity's card. */
#define G_LOG_DOMAIN "ct-editor-page"

#include "config.h"

#include <string.h>

#include "ct-editor-page-private.h"
#include "ct-entity-popover.h"
#include "ct-preview.h"
#include "ct-problems.h"
#include "ct-text-mirror.h"

/* The page's copy of its text, kept in step with each edit, so a long
 * post is not copied out of the buffer on every keystroke: the preview
 * and the spelling read it. */
CtTextMirror *
_ct_editor_page_get_text_mirror (CtEditorPage *self)
{
  CtTextMirror *mirror = g_object_get_data (G_OBJECT (self), "ct-text-mirror");

  if (mirror == NULL)
    {
      mirror = ct_text_mirror_new (GTK_TEXT_BUFFER (self->document));
      g_object_set_data_full (G_OBJECT (self), "ct-text-mirror", mirror,
                              (GDestroyNotify) ct_text_mirror_free);
    }
  return mirror;
}

static gboolean
push_text_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;
  gsize length;
  char *text;

  self->text_source = 0;
  text = ct_text_mirror_dup (_ct_editor_page_get_text_mirror (self), &length);
  /* The preview keeps this copy: no second one on this thread. */
  ct_preview_set_text_take (self->preview, text, length);
  ct_problems_text_sent (self->problems);
  return G_SOURCE_REMOVE;
}

void
_ct_editor_page_queue_text (CtEditorPage *self)
{
  /* Once the events at hand are handled (a paste's or a replace's several
   * changes give one push), but before the frame is drawn
   * (GDK_PRIORITY_REDRAW): a small edit is then rendered and on its way
   * to the page while the editor paints, instead of a frame later. The
   * push is a copy of the kept text and, for a small edit, a render well
   * under a millisecond; a long one goes to a thread. And before the text
   * view lays out lines in the background (GDK_PRIORITY_REDRAW + 5),
   * which can take seconds for a long post. */
  if (self->text_source == 0)
    self->text_source = g_idle_add_full (GDK_PRIORITY_REDRAW - 10, push_text_cb, self, NULL);
}

static guint
top_visible_line (CtEditorPage *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->editor_scroller);
  GtkTextIter iter;

  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->view), &iter,
                               (int) gtk_adjustment_get_value (vadj), NULL);
  return gtk_text_iter_get_line (&iter) + 1;
}

static gboolean
sync_scroll_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;

  self->scroll_source = 0;
  if (g_settings_get_boolean (self->settings, "sync-scroll") &&
      g_strcmp0 (self->view_mode, "split") == 0)
    ct_preview_scroll_to_line (self->preview, top_visible_line (self));
  return G_SOURCE_REMOVE;
}

void
_ct_editor_page_schedule_sync_scroll (CtEditorPage *self)
{
  /* A scroll we caused from the preview must not bounce back to it. */
  if (self->ignore_scroll_source != 0 || self->scroll_source != 0)
    return;
  self->scroll_source = g_idle_add_full (G_PRIORITY_LOW, sync_scroll_cb, self, NULL);
}

static gboolean
end_ignore_scroll_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;

  self->ignore_scroll_source = 0;
  return G_SOURCE_REMOVE;
}

static void
on_preview_line_activated_cb (CtEditorPage *self,
                              guint         line,
                              CtPreview    *preview)
{
  g_clear_handle_id (&self->ignore_scroll_source, g_source_remove);
  self->ignore_scroll_source = g_timeout_add (300, end_ignore_scroll_cb, self);
  ct_editor_page_go_to_line (self, line);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* A click on a reference: the entity's card, at the link, until entities
 * have pages of their own. */
static void
on_preview_link_activated_cb (CtEditorPage *self,
                              const char   *uri,
                              CtPreview    *preview)
{
  gint64 id = ct_entity_id_from_uri (uri);
  g_autoptr(GError) error = NULL;
  GdkRectangle rect;
  graphene_point_t point;

  if (id == 0 || self->wiki == NULL)
    return;
  if (!ct_entity_popover_set_entity (self->entity_popover, self->wiki, id, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  if (ct_preview_get_link_rect (preview, &rect) &&
      gtk_widget_compute_point (GTK_WIDGET (ct_preview_get_web_view (preview)), GTK_WIDGET (self),
                                &GRAPHENE_POINT_INIT (rect.x, rect.y), &point))
    {
      rect.x = (int) point.x;
      rect.y = (int) point.y;
      gtk_popover_set_pointing_to (GTK_POPOVER (self->entity_popover), &rect);
    }
  gtk_popover_popup (GTK_POPOVER (self->entity_popover));
}

void
_ct_editor_page_class_preview_init (GtkWidgetClass *widget_class)
{
  /* The template connects the preview's signals to these by name. */
  gtk_widget_class_bind_template_callback (widget_class, on_preview_line_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_link_activated_cb);
}
