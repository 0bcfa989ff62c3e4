#define G_LOG_DOMAIN "ct-entity-list-model"

#include "config.h"

#include <string.h>

#include "ct-entity-list-model.h"
#include "ct-wiki-item.h"

/* Rows are read in pages of this many: one query fills a screen or two. */
#define PAGE_SIZE 128
/* Pages kept: enough for a long fling; past it the cache starts over. */
#define MAX_PAGES 64
/* Pages handed out last, which a list may still show: a change of the
 * wiki reads these again, and only these. */
#define RECENT_PAGES 8

struct _CtEntityListModel
{
  GObject      parent_instance;

  CtWiki      *wiki;
  guint        counts[CT_N_ENTITY_KINDS];
  guint        n_items;          /* entities + one heading per kind present */
  GHashTable  *pages;            /* page number → GPtrArray of CtWikiItem */
  CtWikiItem  *headings[CT_N_ENTITY_KINDS];
  guint        n_loaded;
  guint        recent[RECENT_PAGES];  /* page + 1, latest first; 0: none */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtEntityListModel, ct_entity_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
count (CtEntityListModel *self)
{
  g_autoptr(GError) error = NULL;

  memset (self->counts, 0, sizeof self->counts);
  self->n_items = 0;
  if (!ct_wiki_count_by_kind (self->wiki, self->counts, &error))
    {
      g_warning ("Cannot count the wiki's entities: %s", error->message);
      return;
    }
  for (guint kind = 0; kind < CT_N_ENTITY_KINDS; kind++)
    if (self->counts[kind] > 0)
      self->n_items += self->counts[kind] + 1;
}

/* Position → a heading (*entity_index = G_MAXUINT) or the entity's index
 * in core's order (by kind, then title), which is the list's order. */
static gboolean
locate (CtEntityListModel *self,
        guint              position,
        CtEntityKind      *kind,
        guint             *entity_index)
{
  guint base = 0;

  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    {
      if (self->counts[k] == 0)
        continue;
      if (position == 0)
        {
          *kind = k;
          *entity_index = G_MAXUINT;
          return TRUE;
        }
      position--;
      if (position < self->counts[k])
        {
          *kind = k;
          *entity_index = base + position;
          return TRUE;
        }
      position -= self->counts[k];
      base += self->counts[k];
    }
  return FALSE;
}

static GPtrArray *
read_page (CtEntityListModel *self,
           guint              page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) briefs = ct_wiki_list_briefs (self->wiki, -1, page * PAGE_SIZE, PAGE_SIZE, &error);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  if (briefs == NULL)
    {
      g_warning ("Cannot read the wiki's entities: %s", error->message);
      return items;
    }
  for (guint i = 0; i < briefs->len; i++)
    {
      const CtEntityBrief *brief = g_ptr_array_index (briefs, i);

      g_ptr_array_add (items, ct_wiki_item_new_entity (brief->id, brief->kind, brief->title,
                                                       brief->summary, brief->spoiler));
    }
  self->n_loaded += items->len;
  return items;
}

static void
note_recent (CtEntityListModel *self,
             guint              page)
{
  guint at = RECENT_PAGES - 1;

  for (guint i = 0; i < RECENT_PAGES; i++)
    if (self->recent[i] == page + 1)
      at = i;
  memmove (self->recent + 1, self->recent, at * sizeof self->recent[0]);
  self->recent[0] = page + 1;
}

/* The list position of the entity at @index of core's order, with @counts. */
static guint
position_of (const guint *counts,
             guint        index)
{
  guint position = 0, base = 0;

  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    {
      if (counts[k] == 0)
        continue;
      if (index < base + counts[k])
        return position + 1 + (index - base);
      position += counts[k] + 1;
      base += counts[k];
    }
  return position;
}

static guint
heading_position (const guint  *counts,
                  CtEntityKind  kind)
{
  guint position = 0;

  for (guint k = 0; k < kind; k++)
    position += counts[k] ? counts[k] + 1 : 0;
  return position;
}

static gboolean
same_item (CtWikiItem *a,
           CtWikiItem *b)
{
  return ct_wiki_item_get_id (a) == ct_wiki_item_get_id (b)
         && g_strcmp0 (ct_wiki_item_get_title (a), ct_wiki_item_get_title (b)) == 0
         && g_strcmp0 (ct_wiki_item_get_subtitle (a), ct_wiki_item_get_subtitle (b)) == 0
         && ct_wiki_item_get_flag (a) == ct_wiki_item_get_flag (b);
}

/* As many rows as before: an edit, a rename, a post indexed. Only the
 * pages a list may show are read again, and only rows that differ are
 * told as changed: telling every row replaced made GTK's list look up
 * every item, which read the whole wiki (seconds at 100,000 entities). */
static void
refresh_recent (CtEntityListModel *self)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->pages);

  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint r = 0; r < RECENT_PAGES && self->recent[r] != 0; r++)
    {
      guint page = self->recent[r] - 1;
      GPtrArray *before = g_hash_table_lookup (old, GUINT_TO_POINTER (page));
      GPtrArray *after = read_page (self, page);
      int first = -1, last = -1;

      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), after);
      for (guint i = 0; i < MAX (after->len, before ? before->len : 0); i++)
        if (before == NULL || i >= before->len || i >= after->len
            || !same_item (g_ptr_array_index (before, i), g_ptr_array_index (after, i)))
          {
            first = first < 0 ? (int) i : first;
            last = (int) i;
          }
      if (first >= 0)
        g_list_model_items_changed (G_LIST_MODEL (self),
                                    position_of (self->counts, page * PAGE_SIZE + (guint) first),
                                    (guint) (last - first + 1), (guint) (last - first + 1));
    }
}

/* Where new entity @id of @kind is in core's order, or FALSE. */
static gboolean
find_new (CtEntityListModel *self,
          gint64             id,
          CtEntityKind       kind,
          guint             *index)
{
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (self->wiki, id, NULL);

  return entity != NULL && entity->kind == kind && ct_wiki_brief_position (self->wiki, -1, id, index, NULL);
}

/* Where entity @id of @kind was, among the pages kept, or FALSE. */
static gboolean
find_kept (CtEntityListModel *self,
           gint64             id,
           CtEntityKind       kind,
           guint             *index)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        if (ct_wiki_item_get_id (g_ptr_array_index (items, i)) == id
            && ct_wiki_item_get_kind (g_ptr_array_index (items, i)) == kind)
          {
            *index = GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
            return TRUE;
          }
    }
  return FALSE;
}

/* The wiki changed (@id: the one entity, or 0). Rows are told changed
 * where they changed, when that can be known cheaply; else all of them. */
static void
refresh (CtEntityListModel *self,
         gint64             id)
{
  guint before[CT_N_ENTITY_KINDS];
  guint removed = self->n_items;
  int changed_kind = -1, n_changed = 0, delta = 0;
  guint index = 0;

  memcpy (before, self->counts, sizeof before);
  count (self);
  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    if (before[k] != self->counts[k])
      {
        changed_kind = (int) k;
        delta = (int) self->counts[k] - (int) before[k];
        n_changed++;
      }

  if (n_changed == 0)
    {
      refresh_recent (self);
      return;
    }

  /* one entity more or less in a kind still shown: that row, and the
   * heading's count; the rows after it only move */
  if (n_changed == 1 && id != 0 && (delta == 1 || delta == -1)
      && before[changed_kind] > 0 && self->counts[changed_kind] > 0
      && (delta == 1 ? find_new (self, id, changed_kind, &index) : find_kept (self, id, changed_kind, &index)))
    {
      guint heading = heading_position (self->counts, changed_kind);
      guint row = position_of (delta == 1 ? self->counts : before, index);

      g_hash_table_remove_all (self->pages);
      memset (self->recent, 0, sizeof self->recent);
      g_clear_object (&self->headings[changed_kind]);
      if (delta == 1)
        g_list_model_items_changed (G_LIST_MODEL (self), row, 0, 1);
      else
        g_list_model_items_changed (G_LIST_MODEL (self), row, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), heading, 1, 1);
      return;
    }

  /* kinds appeared or went, an import: start over */
  g_hash_table_remove_all (self->pages);
  memset (self->recent, 0, sizeof self->recent);
  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    g_clear_object (&self->headings[k]);
  self->n_loaded = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

static GType
get_item_type (GListModel *model)
{
  return CT_TYPE_WIKI_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return CT_ENTITY_LIST_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CtEntityListModel *self = CT_ENTITY_LIST_MODEL (model);
  CtEntityKind kind;
  guint index, page;
  GPtrArray *items;

  if (!locate (self, position, &kind, &index))
    return NULL;

  if (index == G_MAXUINT)
    {
      if (self->headings[kind] == NULL)
        self->headings[kind] = ct_wiki_item_new_heading (kind, self->counts[kind]);
      return g_object_ref (self->headings[kind]);
    }

  page = index / PAGE_SIZE;
  note_recent (self, page);
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      items = read_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }

  /* The wiki changed under us and a reload is on its way: a row that is
   * gone shows as an empty placeholder until then. */
  if (index % PAGE_SIZE >= items->len)
    return ct_wiki_item_new_entity (0, kind, "", NULL, FALSE);
  return g_object_ref (g_ptr_array_index (items, index % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
on_wiki_changed_cb (CtEntityListModel *self,
                    gint64             entity_id,
                    CtWiki            *wiki)
{
  refresh (self, entity_id);
}

static void
ct_entity_list_model_dispose (GObject *object)
{
  CtEntityListModel *self = CT_ENTITY_LIST_MODEL (object);

  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    g_clear_object (&self->headings[k]);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->wiki);

  G_OBJECT_CLASS (ct_entity_list_model_parent_class)->dispose (object);
}

static void
ct_entity_list_model_class_init (CtEntityListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ct_entity_list_model_dispose;
}

static void
ct_entity_list_model_init (CtEntityListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

CtEntityListModel *
ct_entity_list_model_new (CtWiki *wiki)
{
  CtEntityListModel *self;

  g_return_val_if_fail (CT_IS_WIKI (wiki), NULL);

  self = g_object_new (CT_TYPE_ENTITY_LIST_MODEL, NULL);
  self->wiki = g_object_ref (wiki);
  g_signal_connect_object (wiki, "changed", G_CALLBACK (on_wiki_changed_cb), self, G_CONNECT_SWAPPED);
  count (self);
  return self;
}

CtWiki *
ct_entity_list_model_get_wiki (CtEntityListModel *self)
{
  g_return_val_if_fail (CT_IS_ENTITY_LIST_MODEL (self), NULL);
  return self->wiki;
}

void
ct_entity_list_model_reload (CtEntityListModel *self)
{
  guint removed;

  g_return_if_fail (CT_IS_ENTITY_LIST_MODEL (self));

  removed = self->n_items;
  g_hash_table_remove_all (self->pages);
  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    g_clear_object (&self->headings[k]);
  self->n_loaded = 0;
  count (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

guint
ct_entity_list_model_find (CtEntityListModel *self,
                           gint64             id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = NULL;
  guint index, position = 0;

  g_return_val_if_fail (CT_IS_ENTITY_LIST_MODEL (self), G_MAXUINT);

  entity = ct_wiki_get_entity (self->wiki, id, &error);
  if (entity == NULL || !ct_wiki_brief_position (self->wiki, -1, id, &index, &error))
    return G_MAXUINT;

  /* Core's index counts the entities of every kind before this one;
   * the list adds a heading per kind present. */
  for (guint k = 0, base = 0; k < CT_N_ENTITY_KINDS; k++)
    {
      if (self->counts[k] == 0)
        continue;
      if (k == entity->kind)
        return index >= base ? position + 1 + (index - base) : G_MAXUINT;
      position += self->counts[k] + 1;
      base += self->counts[k];
    }
  return G_MAXUINT;
}

guint
ct_entity_list_model_get_n_loaded (CtEntityListModel *self)
{
  g_return_val_if_fail (CT_IS_ENTITY_LIST_MODEL (self), 0);
  return self->n_loaded;
}
