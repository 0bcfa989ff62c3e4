#define G_LOG_DOMAIN "ct-editor-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-completion-provider.h"
#include "ct-editor-page-private.h"
#include "ct-hover-provider.h"
#include "ct-problems.h"
#include "ct-scanner.h"

/* References in the editor lead to their entities: the card when the
 * pointer rests on one (CtHoverProvider), and "open-entity" on Ctrl+click
 * or from the context menu's "Open …". The page only says which entity;
 * the window decides how to open it. */

static gint64
entity_at_point (CtEditorPage *self,
                 double        x,
                 double        y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter, bx, by))
    return 0;
  return ct_hover_provider_entity_at (self->wiki, _ct_editor_page_get_text_mirror (self), &iter);
}

/* The context menu names the entity it would open ("Open Rooney"), so it
 * is rebuilt for the reference the menu is opened on. */
static void
update_open_menu (CtEditorPage *self,
                  gint64        id)
{
  g_autoptr(CtEntity) entity = NULL;

  self->menu_entity = id;
  g_menu_remove_all (self->open_menu);
  if (id > 0 && self->wiki != NULL)
    entity = ct_wiki_get_entity (self->wiki, id, NULL);
  if (entity != NULL)
    {
      /* Translators: context menu of a reference in the editor: "Open Rooney" */
      g_autofree char *label = g_strdup_printf (_("Open %s"), entity->title);

      g_menu_append (self->open_menu, label, "page.open-entity");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-entity", entity != NULL);
}

static void
on_view_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    CtEditorPage    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  gint64 id;

  if (button == GDK_BUTTON_SECONDARY)
    {
      GtkTextIter iter;
      int bx, by;

      /* Before the view builds its menu from the extra menu. */
      update_open_menu (self, entity_at_point (self, x, y));
      /* the quick fixes of what was clicked ("Use June 2025") */
      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                             (int) x, (int) y, &bx, &by);
      if (gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter, bx, by))
        ct_problems_update_fix_menu (self->problems, &iter);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY || n_press != 1 || (state & GDK_CONTROL_MASK) == 0)
    return;
  if ((id = entity_at_point (self, x, y)) == 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit_by_name (self, "open-entity", id);
}

/* The reference under the resting caret is found in a thread: whether
 * text is a reference depends on the whole text before it (code fences),
 * and scanning a 3 MB post took tens of milliseconds, a stalled frame
 * each time the caret came to rest. The thread gets a copy of the text
 * (a memcpy of the page's mirror); the wiki lookup stays here. */
typedef struct {
  char  *text;
  gsize  length;
  gsize  offset;
  guint  scan;      /* self->menu_scan when it started */
} CaretScan;

static void
caret_scan_free (gpointer data)
{
  CaretScan *scan = data;

  g_free (scan->text);
  g_free (scan);
}

static void
scan_caret_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CaretScan *scan = task_data;

  g_task_return_pointer (task, ct_reference_at (scan->text, scan->length, scan->offset, NULL, NULL), g_free);
}

static void
caret_scanned_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CtEditorPage *self = CT_EDITOR_PAGE (object);
  CaretScan *scan = g_task_get_task_data (G_TASK (result));
  g_autofree char *target = g_task_propagate_pointer (G_TASK (result), NULL);

  /* The page went away, or the caret moved on: a newer scan answers. */
  if (g_cancellable_is_cancelled (self->cancellable) || scan->scan != self->menu_scan)
    return;
  update_open_menu (self, ct_hover_provider_entity_named (self->wiki, target));
}

static gboolean
update_menu_at_caret_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  CtTextMirror *mirror = _ct_editor_page_get_text_mirror (self);
  g_autoptr(GTask) task = NULL;
  CaretScan *scan;
  GtkTextIter iter;

  self->menu_source = 0;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  ct_problems_update_fix_menu (self->problems, &iter);

  /* Until the scan answers, the menu offers nothing rather than the
   * entity at the caret's last place. */
  self->menu_scan++;
  update_open_menu (self, 0);
  if (self->wiki == NULL)
    return G_SOURCE_REMOVE;

  scan = g_new0 (CaretScan, 1);
  scan->offset = ct_text_mirror_byte_offset (mirror, &iter);
  scan->text = ct_text_mirror_dup (mirror, &scan->length);
  scan->scan = self->menu_scan;
  task = g_task_new (self, self->cancellable, caret_scanned_cb, NULL);
  g_task_set_source_tag (task, update_menu_at_caret_cb);
  g_task_set_task_data (task, scan, caret_scan_free);
  g_task_run_in_thread (task, scan_caret_thread);
  return G_SOURCE_REMOVE;
}

/* Shift+F10 or the Menu key open the menu at the caret. Finding the
 * reference there scans the text: once the caret rests, not on every
 * key while typing. */
static void
on_cursor_moved_cb (CtEditorPage  *self,
                    GParamSpec    *pspec,
                    GtkTextBuffer *buffer)
{
  g_clear_handle_id (&self->menu_source, g_source_remove);
  self->menu_source = g_timeout_add (200, update_menu_at_caret_cb, self);
}

static void
page_open_entity_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  if (self->menu_entity > 0)
    g_signal_emit_by_name (self, "open-entity", self->menu_entity);
}

void
_ct_editor_page_class_references_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.open-entity", NULL, page_open_entity_action);
}

void
_ct_editor_page_references_init (CtEditorPage *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  g_autoptr(GMenu) extra = g_menu_new ();

  self->hover = ct_hover_provider_new ();
  ct_hover_provider_set_text_mirror (self->hover, _ct_editor_page_get_text_mirror (self));
  ct_completion_provider_set_text_mirror (self->completion, _ct_editor_page_get_text_mirror (self));
  gtk_source_hover_add_provider (gtk_source_view_get_hover (self->view),
                                 GTK_SOURCE_HOVER_PROVIDER (self->hover));

  /* Any button, in the capture phase: seen before the view's own
   * gestures, which select text and open the menu. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_view_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));

  self->open_menu = g_menu_new ();
  g_menu_append_section (extra, NULL, G_MENU_MODEL (self->open_menu));
  g_menu_append_section (extra, NULL, ct_problems_get_fix_menu (self->problems));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->view), G_MENU_MODEL (extra));
  g_signal_connect_object (self->document, "notify::cursor-position",
                           G_CALLBACK (on_cursor_moved_cb), self, G_CONNECT_SWAPPED);
  update_open_menu (self, 0);
}

void
_ct_editor_page_references_set_wiki (CtEditorPage *self,
                                     CtWiki       *wiki)
{
  ct_hover_provider_set_wiki (self->hover, wiki);
  g_clear_handle_id (&self->menu_source, g_source_remove);
  update_menu_at_caret_cb (self);
}

gint64
_ct_editor_page_get_menu_entity (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), 0);

  return self->menu_entity;
}

GMenuModel *
_ct_editor_page_get_open_menu (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return G_MENU_MODEL (self->open_menu);
}
