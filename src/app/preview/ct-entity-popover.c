#define G_LOG_DOMAIN "ct-entity-popover"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ct-entity-card.h"
#include "ct-entity-popover.h"
#include "ct-front-matter.h"
#include "ct-scanner.h"

struct _CtEntityPopover
{
  GtkPopover   parent_instance;

  GtkTextView  *view;   /* weak */
  CtEntityCard *card;
  gboolean      filled;
};

G_DEFINE_FINAL_TYPE (CtEntityPopover, ct_entity_popover, GTK_TYPE_POPOVER)

/* Where an insertion from the card goes: the caret, unless that is in the
 * front matter (a caret never moved sits at 0, before the opening `---`),
 * where a link would break the post; then the body's first character.
 * Core says where the front matter ends. FALSE when the caret is in the
 * body, so the selection may be replaced. */
static gboolean
insertion_point (GtkTextBuffer *buffer,
                 GtkTextIter   *iter)
{
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  GtkTextIter start, end;
  gsize body_offset;
  guint body_line;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_get_iter_at_mark (buffer, iter, gtk_text_buffer_get_insert (buffer));
  text = gtk_text_iter_get_slice (&start, &end);
  if (!ct_front_matter_split (text, strlen (text), &body_offset, &body_line))
    return FALSE;
  before = gtk_text_iter_get_slice (&start, iter);
  if (strlen (before) >= body_offset)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, iter, (int) g_utf8_strlen (text, (gssize) body_offset));
  return TRUE;
}

static void
on_insert_clicked_cb (CtEntityPopover *self,
                      GtkButton       *button)
{
  GtkTextBuffer *buffer;
  g_autofree char *link = NULL;
  g_autoptr(GError) error = NULL;
  gboolean editable;
  GtkTextIter iter;

  gtk_popover_popdown (GTK_POPOVER (self));
  if (self->view == NULL || !self->filled)
    return;
  buffer = gtk_text_view_get_buffer (self->view);
  editable = gtk_text_view_get_editable (self->view);
  /* The wiki refuses such titles; one from elsewhere is not linked wrongly. */
  if ((link = ct_reference_format_link (ct_entity_card_get_title (self->card), &error)) == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  gtk_text_buffer_begin_user_action (buffer);
  if (insertion_point (buffer, &iter))
    {
      /* Front matter selected stays: only the body is written to. A
       * closing `---` with no line break after it gets one. */
      if (!gtk_text_iter_starts_line (&iter))
        gtk_text_buffer_insert_interactive (buffer, &iter, "\n", -1, editable);
      gtk_text_buffer_insert_interactive (buffer, &iter, link, -1, editable);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
  else
    {
      gtk_text_buffer_delete_selection (buffer, TRUE, editable);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, link, -1, editable);
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
ct_entity_popover_dispose (GObject *object)
{
  CtEntityPopover *self = CT_ENTITY_POPOVER (object);

  g_clear_weak_pointer (&self->view);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_ENTITY_POPOVER);

  G_OBJECT_CLASS (ct_entity_popover_parent_class)->dispose (object);
}

static void
ct_entity_popover_class_init (CtEntityPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ct_entity_popover_dispose;
  g_type_ensure (CT_TYPE_ENTITY_CARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-entity-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CtEntityPopover, card);
  gtk_widget_class_bind_template_callback (widget_class, on_insert_clicked_cb);
}

static void
ct_entity_popover_init (CtEntityPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CtEntityPopover *
ct_entity_popover_new (GtkTextView *view)
{
  CtEntityPopover *self = g_object_new (CT_TYPE_ENTITY_POPOVER, NULL);

  g_set_weak_pointer (&self->view, view);
  return self;
}

gboolean
ct_entity_popover_set_entity (CtEntityPopover  *self,
                              CtWiki           *wiki,
                              gint64            id,
                              GError          **error)
{
  g_return_val_if_fail (CT_IS_ENTITY_POPOVER (self), FALSE);
  g_return_val_if_fail (CT_IS_WIKI (wiki), FALSE);

  /* The card is shared with the editor's hover: one place fills it. */
  if (!ct_entity_card_set_entity (self->card, wiki, id, error))
    return FALSE;
  self->filled = TRUE;
  return TRUE;
}
