#define G_LOG_DOMAIN "ct-wiki-links"

#include "config.h"

#include "ct-wiki-private.h"

/* Entity-valued facts seen from both ends, for the relationship graph
 * (ct-graph.c). */

void
ct_link_free (CtLink *self)
{
  if (self == NULL)
    return;
  g_free (self->from_title);
  g_free (self->key);
  g_free (self->to_title);
  g_free (self);
}

static CtLink *
link_from_row (sqlite3_stmt *stmt)
{
  CtLink *link = g_new0 (CtLink, 1);

  link->fact_id = sqlite3_column_int64 (stmt, 0);
  link->from_id = sqlite3_column_int64 (stmt, 1);
  link->from_kind = _ct_wiki_column_kind (stmt, 2);
  link->from_title = ct_db_column_dup (stmt, 3);
  link->key = ct_db_column_dup (stmt, 4);
  link->to_id = sqlite3_column_int64 (stmt, 5);
  link->to_kind = _ct_wiki_column_kind (stmt, 6);
  link->to_title = ct_db_column_dup (stmt, 7);
  link->status = _ct_wiki_column_status (stmt, 8);
  link->spoiler = sqlite3_column_int (stmt, 9) != 0;
  return link;
}

GPtrArray *
ct_wiki_get_links (CtWiki  *self,
                   gint64   entity_id,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* Two halves so each walks its own index (fact_entity_key, then
   * fact_value); a fact linking an entity to itself is told once. */
  stmt = ct_db_prepare (self->db,
                        "SELECT * FROM ("
                        " SELECT f.id, f.entity_id, a.kind, a.title, f.key, f.value_id, b.kind, b.title,"
                        "  f.status, f.spoiler, 0 AS half"
                        " FROM fact f JOIN entity a ON a.id = f.entity_id JOIN entity b ON b.id = f.value_id"
                        " WHERE f.entity_id = ?1 AND f.value_id IS NOT NULL"
                        " UNION ALL"
                        " SELECT f.id, f.entity_id, a.kind, a.title, f.key, f.value_id, b.kind, b.title,"
                        "  f.status, f.spoiler, 1 AS half"
                        " FROM fact f JOIN entity a ON a.id = f.entity_id JOIN entity b ON b.id = f.value_id"
                        " WHERE f.value_id = ?1 AND f.entity_id != ?1"
                        ") ORDER BY half, 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  return _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) link_from_row,
                           (GDestroyNotify) ct_link_free, error);
}
