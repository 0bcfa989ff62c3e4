#define G_LOG_DOMAIN "ct-completion-item"

#include "config.h"

#include "ct-completion-item.h"

struct _CtCompletionItem
{
  GObject  parent_instance;

  char    *text;
  char    *detail;
  char    *closer;
  char    *note;
  char    *comment;
  gint64   entity_id;
  guint    has_comment : 1;
};

static void proposal_iface_init (GtkSourceCompletionProposalInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtCompletionItem, ct_completion_item, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROPOSAL,
                                                      proposal_iface_init))

static char *
ct_completion_item_get_typed_text (GtkSourceCompletionProposal *proposal)
{
  return g_strdup (CT_COMPLETION_ITEM (proposal)->text);
}

static void
proposal_iface_init (GtkSourceCompletionProposalInterface *iface)
{
  iface->get_typed_text = ct_completion_item_get_typed_text;
}

static void
ct_completion_item_finalize (GObject *object)
{
  CtCompletionItem *self = CT_COMPLETION_ITEM (object);

  g_free (self->text);
  g_free (self->detail);
  g_free (self->closer);
  g_free (self->note);
  g_free (self->comment);

  G_OBJECT_CLASS (ct_completion_item_parent_class)->finalize (object);
}

static void
ct_completion_item_class_init (CtCompletionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_completion_item_finalize;
}

static void
ct_completion_item_init (CtCompletionItem *self)
{
}

CtCompletionItem *
ct_completion_item_new (const char *text,
                        const char *detail,
                        const char *closer)
{
  CtCompletionItem *self = g_object_new (CT_TYPE_COMPLETION_ITEM, NULL);

  self->text = g_strdup (text);
  self->detail = g_strdup (detail);
  self->closer = g_strdup (closer);
  return self;
}

const char *
ct_completion_item_get_text (CtCompletionItem *self)
{
  g_return_val_if_fail (CT_IS_COMPLETION_ITEM (self), NULL);
  return self->text;
}

const char *
ct_completion_item_get_detail (CtCompletionItem *self)
{
  g_return_val_if_fail (CT_IS_COMPLETION_ITEM (self), NULL);
  return self->detail;
}

const char *
ct_completion_item_get_closer (CtCompletionItem *self)
{
  g_return_val_if_fail (CT_IS_COMPLETION_ITEM (self), NULL);
  return self->closer;
}

void
ct_completion_item_set_note (CtCompletionItem *self,
                             const char       *note)
{
  g_return_if_fail (CT_IS_COMPLETION_ITEM (self));
  g_free (self->note);
  self->note = g_strdup (note);
}

const char *
ct_completion_item_get_note (CtCompletionItem *self)
{
  g_return_val_if_fail (CT_IS_COMPLETION_ITEM (self), NULL);
  return self->note;
}

void
ct_completion_item_set_entity (CtCompletionItem *self,
                               gint64            entity_id)
{
  g_return_if_fail (CT_IS_COMPLETION_ITEM (self));
  self->entity_id = entity_id;
}

gint64
ct_completion_item_get_entity (CtCompletionItem *self)
{
  g_return_val_if_fail (CT_IS_COMPLETION_ITEM (self), 0);
  return self->entity_id;
}

gboolean
ct_completion_item_has_comment (CtCompletionItem *self)
{
  g_return_val_if_fail (CT_IS_COMPLETION_ITEM (self), FALSE);
  return self->has_comment;
}

void
ct_completion_item_set_comment (CtCompletionItem *self,
                                const char       *comment)
{
  g_return_if_fail (CT_IS_COMPLETION_ITEM (self));
  g_free (self->comment);
  self->comment = g_strdup (comment);
  self->has_comment = TRUE;
}

const char *
ct_completion_item_get_comment (CtCompletionItem *self)
{
  g_return_val_if_fail (CT_IS_COMPLETION_ITEM (self), NULL);
  return self->comment;
}
