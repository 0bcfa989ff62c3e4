#define G_LOG_DOMAIN "ct-wiki-batch"

#include "config.h"

#include "ct-wiki-private.h"

/* ct-wiki-batch.c — questions a static site asks of every entity, asked
 * once for the whole wiki: one statement each instead of one per entity
 * page (ct-site.c). Each keeps the joins of the per-entity query it
 * stands for (ct-wiki-query.c), so a row that query would drop is
 * dropped here too; tests/core/test-wiki-batch.c asks every entity both
 * ways. */

GHashTable *
_ct_wiki_collect_ids (CtWiki      *self,
                      const char  *sql,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (self->db, sql, error);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean row;

  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      gint64 *id;

      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = g_new (gint64, 1);
      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* "Would ct_wiki_get_cast / _get_scenes / _get_events give a row for
 * this id?", for every id at once. */

GHashTable *
ct_wiki_list_with_cast (CtWiki  *self,
                        GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  return _ct_wiki_collect_ids (self,
                               "SELECT DISTINCT c.film_id"
                               " FROM credit c JOIN entity fi ON fi.id = c.film_id"
                               " JOIN entity pe ON pe.id = c.person_id", error);
}

GHashTable *
ct_wiki_list_with_scenes (CtWiki  *self,
                          GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  return _ct_wiki_collect_ids (self,
                               "SELECT DISTINCT ff.value_id"
                               " FROM fact ff JOIN entity e ON e.id = ff.entity_id"
                               " WHERE ff.key = 'film' AND ff.value_id IS NOT NULL AND e.kind = 'scene'",
                               error);
}

GHashTable *
ct_wiki_list_with_events (CtWiki  *self,
                          GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* an event's fact links to it, or names a scene whose `film` it is */
  return _ct_wiki_collect_ids (self,
                               "SELECT f.value_id FROM fact f JOIN entity e ON e.id = f.entity_id"
                               " WHERE f.value_id IS NOT NULL AND e.kind = 'event'"
                               " UNION "
                               "SELECT s.value_id FROM fact f JOIN entity e ON e.id = f.entity_id"
                               " JOIN fact s ON s.entity_id = f.value_id AND s.key = 'film'"
                               " WHERE f.key = 'scene' AND e.kind = 'event' AND s.value_id IS NOT NULL",
                               error);
}

GHashTable *
ct_wiki_list_fact_texts (CtWiki      *self,
                         const char  *key,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* fact_key_value finds the few rows; the sort is over those only */
  stmt = ct_db_prepare (self->db,
                        "SELECT entity_id, text FROM fact WHERE key = ?1 AND text IS NOT NULL"
                        " ORDER BY entity_id, position", error);
  if (stmt == NULL)
    return NULL;
  ct_db_bind_text (stmt, 1, key);
  while (TRUE)
    {
      gint64 id;

      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      if (!g_hash_table_contains (texts, &id))
        g_hash_table_insert (texts, g_memdup2 (&id, sizeof id), ct_db_column_dup (stmt, 1));
    }
  return g_steal_pointer (&texts);
}

/* The paths of the posts ct_wiki_list_posts lists, drafts only when
 * @drafts, sorted byte by byte: what a rerun of the site needs of the
 * posts to tell whether their files changed, without their tags and
 * titles (a twentieth of a rerun with nothing to do). */
GPtrArray *
ct_wiki_list_post_paths (CtWiki    *self,
                         gboolean   drafts,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  stmt = ct_db_prepare (self->db, "SELECT path FROM post WHERE ?1 OR draft = 0 ORDER BY path", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, drafts ? 1 : 0);
  while (TRUE)
    {
      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (paths, ct_db_column_dup (stmt, 0));
    }
  return g_steal_pointer (&paths);
}
