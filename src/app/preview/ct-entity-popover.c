#define G_LOG_DOMAIN "ct-entity-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-entity-card.h"
#include "ct-entity-popover.h"
#include "ct-editor-insert.h"
#include "ct-scanner.h"

struct _CtEntityPopover
{
  GtkPopover   parent_instance;

  GtkTextView  *view;   /* weak */
  CtEntityCard *card;
  gboolean      filled;
};

G_DEFINE_FINAL_TYPE (CtEntityPopover, ct_entity_popover, GTK_TYPE_POPOVER)

static void
on_insert_clicked_cb (CtEntityPopover *self,
                      GtkButton       *button)
{
  g_autofree char *link = NULL;
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (GTK_POPOVER (self));
  if (self->view == NULL || !self->filled)
    return;
  /* The wiki refuses such titles; one from elsewhere is not linked wrongly. */
  if ((link = ct_reference_format_link (ct_entity_card_get_title (self->card), &error)) == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  /* At the caret, never into the front matter (ct-editor-insert.c). */
  ct_editor_insert_reference (self->view, link);
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
