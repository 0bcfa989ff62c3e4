#define G_LOG_DOMAIN "ct-wiki-browse"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ct-fact-keys.h"
#include "ct-wiki-private.h"

/* Paging through the entities for the wiki window's lists, which may hold
 * 100,000 rows: every query here walks the entity_browse index of
 * resources/sql/003-browse.sql, whose first column is this expression.
 * SQLite uses an index on an expression only for the same expression, so
 * it is written once, here, and must stay as in the migration. */
#define KIND_ORDER \
  "(CASE kind WHEN 'film' THEN 0 WHEN 'person' THEN 1 WHEN 'character' THEN 2 WHEN 'scene' THEN 3" \
  " WHEN 'event' THEN 4 WHEN 'organization' THEN 5 ELSE 6 END)"

G_STATIC_ASSERT (CT_ENTITY_FILM == 0 && CT_ENTITY_PERSON == 1 && CT_ENTITY_CHARACTER == 2
                 && CT_ENTITY_SCENE == 3 && CT_ENTITY_EVENT == 4 && CT_ENTITY_ORGANIZATION == 5
                 && CT_ENTITY_LOCATION == 6 && CT_N_ENTITY_KINDS == 7);

void
ct_entity_brief_free (CtEntityBrief *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->summary);
  g_free (self);
}

gboolean
ct_wiki_count_entities (CtWiki  *self,
                        int      kind,
                        guint   *count,
                        GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (kind >= -1 && kind < CT_N_ENTITY_KINDS, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  /* Both count entries of the entity_kind index, not table rows. */
  stmt = ct_db_prepare (self->db,
                        kind < 0 ? "SELECT count(*) FROM entity"
                                 : "SELECT count(*) FROM entity WHERE kind = ?", error);
  if (stmt == NULL)
    return FALSE;
  if (kind >= 0)
    ct_db_bind_text (stmt, 1, ct_entity_kind_to_string (kind));
  if (!ct_db_step (self->db, stmt, &row, error))
    return FALSE;
  *count = row ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

gboolean
ct_wiki_count_by_kind (CtWiki  *self,
                       guint   *counts,
                       GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  for (guint i = 0; i < CT_N_ENTITY_KINDS; i++)
    counts[i] = 0;
  stmt = ct_db_prepare (self->db, "SELECT kind, count(*) FROM entity GROUP BY kind", error);
  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      CtEntityKind kind;
      gboolean row;

      if (!ct_db_step (self->db, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      if (ct_entity_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind))
        counts[kind] = (guint) sqlite3_column_int64 (stmt, 1);
    }
  return TRUE;
}

/* OFFSET steps through the index only: the table row is read for the
 * rows kept. A query per case, as "?1 IS NULL OR …" would keep SQLite from
 * starting at the kind's range of the index. */
static const char * const brief_queries[2] = {
  "SELECT id, kind, title, summary, spoiler FROM entity"
  " ORDER BY " KIND_ORDER ", title_key, id LIMIT ?2 OFFSET ?3",
  "SELECT id, kind, title, summary, spoiler FROM entity WHERE " KIND_ORDER " = ?1"
  " ORDER BY title_key, id LIMIT ?2 OFFSET ?3",
};

const char *
_ct_wiki_brief_sql (int kind)
{
  return brief_queries[kind >= 0];
}

static CtEntityBrief *
brief_from_row (sqlite3_stmt *stmt)
{
  CtEntityBrief *brief = g_new0 (CtEntityBrief, 1);

  brief->id = sqlite3_column_int64 (stmt, 0);
  ct_entity_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &brief->kind);
  brief->title = ct_db_column_dup (stmt, 2);
  brief->summary = ct_db_column_dup (stmt, 3);
  brief->spoiler = sqlite3_column_int (stmt, 4) != 0;
  return brief;
}

GPtrArray *
ct_wiki_list_briefs (CtWiki  *self,
                     int      kind,
                     guint    offset,
                     guint    limit,
                     GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  g_return_val_if_fail (kind >= -1 && kind < CT_N_ENTITY_KINDS, NULL);

  stmt = ct_db_prepare (self->db, brief_queries[kind >= 0], error);
  if (stmt == NULL)
    return NULL;
  if (kind >= 0)
    sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  return _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) brief_from_row,
                           (GDestroyNotify) ct_entity_brief_free, error);
}

/* The rows before the entity in index order, as three range counts on the
 * index: a row-value comparison "(a, b, id) < (?, ?, ?)" would scan the
 * table (SQLite 3.40). */
#define POSITION_IN_KIND \
  " (SELECT count(*) FROM entity WHERE " KIND_ORDER " = ?1 AND title_key < ?2)" \
  " + (SELECT count(*) FROM entity WHERE " KIND_ORDER " = ?1 AND title_key = ?2 AND id < ?3)"

static const char * const position_queries[2] = {
  "SELECT (SELECT count(*) FROM entity WHERE " KIND_ORDER " < ?1) +" POSITION_IN_KIND,
  "SELECT" POSITION_IN_KIND,
};

gboolean
ct_wiki_brief_position (CtWiki  *self,
                        int      kind,
                        gint64   id,
                        guint    *position,
                        GError **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autofree char *key = NULL;
  gboolean row;
  int order;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (kind >= -1 && kind < CT_N_ENTITY_KINDS, FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  find = ct_db_prepare (self->db, "SELECT " KIND_ORDER ", title_key FROM entity WHERE id = ?", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, id);
  if (!ct_db_step (self->db, find, &row, error))
    return FALSE;
  if (!row)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("The wiki has no entity number %lld."), (long long) id);
      return FALSE;
    }
  order = sqlite3_column_int (find, 0);
  key = ct_db_column_dup (find, 1);
  ct_db_release (find);
  if (kind >= 0 && order != kind)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("Entity number %lld is not %s."),
                   (long long) id, ct_entity_kind_with_article (kind));
      return FALSE;
    }

  count = ct_db_prepare (self->db, position_queries[kind >= 0], error);
  if (count == NULL)
    return FALSE;
  sqlite3_bind_int (count, 1, order);
  ct_db_bind_text (count, 2, key);
  sqlite3_bind_int64 (count, 3, id);
  if (!ct_db_step (self->db, count, &row, error))
    return FALSE;
  *position = row ? (guint) sqlite3_column_int64 (count, 0) : 0;
  return TRUE;
}
