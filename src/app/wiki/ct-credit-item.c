#define G_LOG_DOMAIN "ct-credit-item"

#include "config.h"

#include "ct-credit-item.h"

struct _CtCreditItem
{
  GObject    parent_instance;

  gint64     id;
  gint64     open_id;
  char      *title;
  char      *subtitle;
  CtCredit  *credit;      /* NULL for a scene */
};

G_DEFINE_FINAL_TYPE (CtCreditItem, ct_credit_item, G_TYPE_OBJECT)

static void
ct_credit_item_finalize (GObject *object)
{
  CtCreditItem *self = CT_CREDIT_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_clear_pointer (&self->credit, ct_credit_free);

  G_OBJECT_CLASS (ct_credit_item_parent_class)->finalize (object);
}

static void
ct_credit_item_class_init (CtCreditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_credit_item_finalize;
}

static void
ct_credit_item_init (CtCreditItem *self)
{
}

CtCreditItem *
ct_credit_item_new_credit (const CtCredit *credit,
                           const char     *subtitle)
{
  CtCreditItem *self = g_object_new (CT_TYPE_CREDIT_ITEM, NULL);

  self->id = credit->id;
  self->open_id = credit->person_id;
  self->title = g_strdup (credit->person_title ? credit->person_title : "");
  self->subtitle = g_strdup (subtitle);
  self->credit = ct_credit_copy (credit);
  return self;
}

CtCreditItem *
ct_credit_item_new_scene (const CtEntity *scene)
{
  CtCreditItem *self = g_object_new (CT_TYPE_CREDIT_ITEM, NULL);

  self->id = scene->id;
  self->open_id = scene->id;
  self->title = g_strdup (scene->title ? scene->title : "");
  self->subtitle = g_strdup (scene->summary);
  return self;
}

gint64
ct_credit_item_get_id (CtCreditItem *self)
{
  g_return_val_if_fail (CT_IS_CREDIT_ITEM (self), 0);
  return self->id;
}

const char *
ct_credit_item_get_title (CtCreditItem *self)
{
  g_return_val_if_fail (CT_IS_CREDIT_ITEM (self), NULL);
  return self->title;
}

const char *
ct_credit_item_get_subtitle (CtCreditItem *self)
{
  g_return_val_if_fail (CT_IS_CREDIT_ITEM (self), NULL);
  return self->subtitle;
}

gint64
ct_credit_item_get_open_id (CtCreditItem *self)
{
  g_return_val_if_fail (CT_IS_CREDIT_ITEM (self), 0);
  return self->open_id;
}

const CtCredit *
ct_credit_item_get_credit (CtCreditItem *self)
{
  g_return_val_if_fail (CT_IS_CREDIT_ITEM (self), NULL);
  return self->credit;
}

gboolean
ct_credit_item_equal (CtCreditItem *a,
                      CtCreditItem *b)
{
  g_return_val_if_fail (CT_IS_CREDIT_ITEM (a) && CT_IS_CREDIT_ITEM (b), FALSE);

  if (a->id != b->id || a->open_id != b->open_id
      || g_strcmp0 (a->title, b->title) != 0 || g_strcmp0 (a->subtitle, b->subtitle) != 0
      || (a->credit == NULL) != (b->credit == NULL))
    return FALSE;
  if (a->credit == NULL)
    return TRUE;
  /* What an opened row's fields hold, besides what the row shows. */
  return a->credit->character_id == b->credit->character_id
         && g_strcmp0 (a->credit->character_title, b->credit->character_title) == 0
         && g_strcmp0 (a->credit->role, b->credit->role) == 0
         && a->credit->status == b->credit->status
         && g_strcmp0 (a->credit->source, b->credit->source) == 0;
}
