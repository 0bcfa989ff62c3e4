#define G_LOG_DOMAIN "ct-wiki-index"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-wiki-private.h"

/* Keeping the full-text index and the notes' mentions of entities in
 * step with what is stored. */

/* The entity's row in the full-text index, from what is stored now. Only
 * single-row statements: see _ct_wiki_defer_search. */
static gboolean
write_search_row (CtWiki  *self,
                  gint64   id,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) get = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;
  gboolean row;

  del = ct_db_prepare (self->db, "DELETE FROM search WHERE rowid = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (!ct_db_run (self->db, del, error))
    return FALSE;

  get = ct_db_prepare (self->db,
                       "SELECT e.title,"
                       " (SELECT group_concat (a.name, ' ') FROM name a WHERE a.entity_id = e.id AND a.is_alias = 1),"
                       " e.summary, e.notes FROM entity e WHERE e.id = ?", error);
  ins = ct_db_prepare (self->db, "INSERT INTO search (rowid, title, aliases, summary, body) VALUES (?, ?, ?, ?, ?)", error);
  if (get == NULL || ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (get, 1, id);
  if (!ct_db_step (self->db, get, &row, error))
    return FALSE;
  if (!row)
    return TRUE;   /* deleted meanwhile: nothing to index */

  sqlite3_bind_int64 (ins, 1, id);
  for (int i = 0; i < 4; i++)
    sqlite3_bind_value (ins, i + 2, sqlite3_column_value (get, i));
  return ct_db_run (self->db, ins, error);
}

void
_ct_wiki_defer_search (CtWiki *self)
{
  g_assert (self->deferred_search == NULL);
  self->deferred_search = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = **(gint64 * const *) a, y = **(gint64 * const *) b;

  return (x > y) - (x < y);
}

void
_ct_wiki_drop_search (CtWiki *self)
{
  g_clear_pointer (&self->deferred_search, g_hash_table_unref);
}

gboolean
_ct_wiki_flush_search (CtWiki  *self,
                       GError **error)
{
  g_autoptr(GHashTable) ids = g_steal_pointer (&self->deferred_search);
  g_autoptr(GPtrArray) sorted = NULL;
  GHashTableIter iter;
  gpointer key;

  if (ids == NULL)
    return TRUE;

  sorted = g_ptr_array_sized_new (g_hash_table_size (ids));
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (sorted, key);
  g_ptr_array_sort (sorted, compare_ids);
  for (guint i = 0; i < sorted->len; i++)
    if (!write_search_row (self, *(gint64 *) sorted->pdata[i], error))
      return FALSE;
  return TRUE;
}

gboolean
_ct_wiki_reindex_entity (CtWiki  *self,
                         gint64   id,
                         GError **error)
{
  g_autoptr(sqlite3_stmt) del_mentions = NULL;
  g_autoptr(sqlite3_stmt) notes = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  gboolean row;

  if (self->deferred_search != NULL)
    g_hash_table_add (self->deferred_search, g_memdup2 (&id, sizeof id));
  else if (!write_search_row (self, id, error))
    return FALSE;

  del_mentions = ct_db_prepare (self->db, "DELETE FROM entity_mention WHERE entity_id = ?", error);
  if (del_mentions == NULL)
    return FALSE;
  sqlite3_bind_int64 (del_mentions, 1, id);
  if (!ct_db_run (self->db, del_mentions, error))
    return FALSE;

  notes = ct_db_prepare (self->db, "SELECT notes FROM entity WHERE id = ?", error);
  if (notes == NULL)
    return FALSE;
  sqlite3_bind_int64 (notes, 1, id);
  if (!ct_db_step (self->db, notes, &row, error))
    return FALSE;
  if (!row || sqlite3_column_type (notes, 0) == SQLITE_NULL)
    return TRUE;

  mentions = _ct_wiki_collect_mentions ((const char *) sqlite3_column_text (notes, 0),
                                        sqlite3_column_bytes (notes, 0));
  ct_db_release (notes);
  for (guint i = 0; i < mentions->len; i++)
    {
      CtMention *m = g_ptr_array_index (mentions, i);
      g_autoptr(sqlite3_stmt) add =
        ct_db_prepare (self->db, "INSERT INTO entity_mention (entity_id, key, line) VALUES (?, ?, ?)", error);
      g_autofree char *key = _ct_wiki_name_key (m->name);

      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, id);
      ct_db_bind_text (add, 2, key);
      sqlite3_bind_int (add, 3, (int) m->line);
      if (!ct_db_run (self->db, add, error))
        return FALSE;
    }
  return TRUE;
}
