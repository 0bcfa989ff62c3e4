#define G_LOG_DOMAIN "ct-title-list"

#include "config.h"

#include "ct-title-list.h"

struct _CtTitleListItems
{
  GPtrArray *objects;   /* of GtkStringObject */
  GArray    *ids;       /* of gint64, one per object */
};

struct _CtTitleList
{
  GObject           parent_instance;

  CtTitleListItems *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtTitleList, ct_title_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

CtTitleListItems *
ct_title_list_items_new (const char         *all,
                         const char * const *titles,
                         const gint64       *ids,
                         guint               n)
{
  CtTitleListItems *items = g_new0 (CtTitleListItems, 1);
  gint64 none = 0;

  g_return_val_if_fail (all != NULL, NULL);
  g_return_val_if_fail (n == 0 || (titles != NULL && ids != NULL), NULL);

  items->objects = g_ptr_array_new_full (n + 1, g_object_unref);
  items->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n + 1);
  g_ptr_array_add (items->objects, gtk_string_object_new (all));
  g_array_append_val (items->ids, none);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items->objects, gtk_string_object_new (titles[i]));
  g_array_append_vals (items->ids, ids, n);
  return items;
}

void
ct_title_list_items_free (CtTitleListItems *items)
{
  if (items == NULL)
    return;
  g_ptr_array_unref (items->objects);
  g_array_unref (items->ids);
  g_free (items);
}

static gpointer
free_items_thread (gpointer data)
{
  ct_title_list_items_free (data);
  return NULL;
}

/* Thousands of objects: let go away from the frames. Those a widget still
 * shows keep their own reference, given back on the main thread. */
static void
free_items_later (CtTitleListItems *items)
{
  if (items == NULL)
    return;
  if (items->objects->len < 1000)
    ct_title_list_items_free (items);
  else
    g_thread_unref (g_thread_new ("ct-title-list-free", free_items_thread, items));
}

static guint
n_of (CtTitleList *self)
{
  return self->items ? self->items->objects->len : 0;
}

static GType
get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return n_of (CT_TITLE_LIST (model));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CtTitleList *self = CT_TITLE_LIST (model);

  if (position >= n_of (self))
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items->objects, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
ct_title_list_finalize (GObject *object)
{
  free_items_later (CT_TITLE_LIST (object)->items);
  G_OBJECT_CLASS (ct_title_list_parent_class)->finalize (object);
}

static void
ct_title_list_class_init (CtTitleListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_title_list_finalize;
}

static void
ct_title_list_init (CtTitleList *self)
{
}

CtTitleList *
ct_title_list_new (void)
{
  return g_object_new (CT_TYPE_TITLE_LIST, NULL);
}

gboolean
ct_title_list_equal (CtTitleList      *self,
                     CtTitleListItems *items)
{
  g_return_val_if_fail (CT_IS_TITLE_LIST (self), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (n_of (self) != items->objects->len)
    return FALSE;
  for (guint i = 0; i < items->objects->len; i++)
    if (g_array_index (self->items->ids, gint64, i) != g_array_index (items->ids, gint64, i)
        || g_strcmp0 (gtk_string_object_get_string (g_ptr_array_index (self->items->objects, i)),
                      gtk_string_object_get_string (g_ptr_array_index (items->objects, i))) != 0)
      return FALSE;
  return TRUE;
}

void
ct_title_list_set_items (CtTitleList      *self,
                         CtTitleListItems *items)
{
  CtTitleListItems *old;
  guint removed;

  g_return_if_fail (CT_IS_TITLE_LIST (self));
  g_return_if_fail (items != NULL);

  old = self->items;
  removed = n_of (self);
  self->items = items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, items->objects->len);
  free_items_later (old);
}

gint64
ct_title_list_get_id (CtTitleList *self,
                      guint        position)
{
  g_return_val_if_fail (CT_IS_TITLE_LIST (self), 0);

  if (position >= n_of (self))
    return 0;
  return g_array_index (self->items->ids, gint64, position);
}

guint
ct_title_list_find (CtTitleList *self,
                    gint64       id)
{
  g_return_val_if_fail (CT_IS_TITLE_LIST (self), 0);

  for (guint i = 1; id != 0 && i < n_of (self); i++)
    if (g_array_index (self->items->ids, gint64, i) == id)
      return i;
  return 0;
}
