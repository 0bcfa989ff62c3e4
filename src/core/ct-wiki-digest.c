#define G_LOG_DOMAIN "ct-wiki-digest"

#include "config.h"

#include <string.h>

#include "ct-wiki-private.h"

/* Reading the whole wiki as one state: a read transaction for many
 * statements, and a digest of everything the database holds, for
 * `continuity site` to tell that nothing changed since its last run
 * (ct-site-inputs.c).
 *
 * Every row of every table is read, whatever its columns: a table or a
 * column added later is covered without anyone remembering to add it
 * here. Left out are full-text indexes (virtual tables and their shadow
 * tables): they are derived from the rows, and nothing is rendered from
 * them. Reading the rows costs a few milliseconds for thousands of
 * entities — a small part of rendering even one page per entity. */

/* Appends one value to @row, typed and, for text, with its length:
 * "ab" + "c" never reads as "a" + "bc". Rows are hashed whole, since a
 * checksum update per value costs more than the value. */
static void
add_value (GString      *row,
           sqlite3_stmt *stmt,
           int           column)
{
  int type = sqlite3_column_type (stmt, column);

  g_string_append_c (row, (char) type);
  switch (type)
    {
    case SQLITE_INTEGER:
      {
        gint64 value = GINT64_TO_LE (sqlite3_column_int64 (stmt, column));
        g_string_append_len (row, (const char *) &value, sizeof value);
      }
      break;
    case SQLITE_FLOAT:
      {
        double value = sqlite3_column_double (stmt, column);
        g_string_append_len (row, (const char *) &value, sizeof value);
      }
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      {
        const char *data = type == SQLITE_TEXT ? (const char *) sqlite3_column_text (stmt, column)
                                               : sqlite3_column_blob (stmt, column);
        guint64 size = GUINT64_TO_LE ((guint64) sqlite3_column_bytes (stmt, column));

        g_string_append_len (row, (const char *) &size, sizeof size);
        if (data != NULL)
          g_string_append_len (row, data, sqlite3_column_bytes (stmt, column));
      }
      break;
    default:   /* NULL: the type says it */
      break;
    }
}

static gboolean
add_table (CtWiki      *self,
           GChecksum   *sum,
           const char  *table,
           GError     **error)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", table);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  GString *buffer;
  gboolean row;
  int rc;

  /* not through the statement cache: these run once per export */
  sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", quoted);
  rc = sqlite3_prepare_v2 (ct_db_handle (self->db), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* a WITHOUT ROWID table: its own key order */
      g_free (sql);
      sql = g_strdup_printf ("SELECT * FROM %s", quoted);
      rc = sqlite3_prepare_v2 (ct_db_handle (self->db), sql, -1, &stmt, NULL);
    }
  if (rc != SQLITE_OK)
    {
      ct_db_set_error (self->db, rc, error);
      return FALSE;
    }

  g_checksum_update (sum, (const guchar *) quoted, strlen (quoted) + 1);
  buffer = g_string_sized_new (64 * 1024);
  while (TRUE)
    {
      int columns;

      if (!ct_db_step (self->db, stmt, &row, error))
        {
          sqlite3_finalize (stmt);
          g_string_free (buffer, TRUE);
          return FALSE;
        }
      if (!row)
        break;
      columns = sqlite3_column_count (stmt);
      for (int i = 0; i < columns; i++)
        add_value (buffer, stmt, i);
      if (buffer->len >= 60 * 1024)
        {
          g_checksum_update (sum, (const guchar *) buffer->str, buffer->len);
          g_string_truncate (buffer, 0);
        }
    }
  g_checksum_update (sum, (const guchar *) buffer->str, buffer->len);
  g_string_free (buffer, TRUE);
  sqlite3_finalize (stmt);
  return TRUE;
}

/**
 * ct_wiki_content_digest:
 *
 * Returns: (transfer full) (nullable): a hexadecimal digest that changes
 *   whenever a row of the wiki changes, or %NULL with @error set
 */
char *
ct_wiki_content_digest (CtWiki  *self,
                        GError **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) virtual_tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean own_transaction;
  gboolean ok = TRUE;
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* one read transaction, so that another process committing half-way
   * cannot give a digest of two states (inside the caller's own
   * transaction, that one serves) */
  own_transaction = sqlite3_get_autocommit (ct_db_handle (self->db));
  if (own_transaction && !ct_db_exec (self->db, "BEGIN DEFERRED", error))
    return NULL;

  stmt = ct_db_prepare (self->db,
                        "SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_schema"
                        " WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
                        " ORDER BY name", error);
  ok = stmt != NULL;
  while (ok)
    {
      ok = ct_db_step (self->db, stmt, &row, error);
      if (!ok || !row)
        break;
      g_ptr_array_add (sqlite3_column_int (stmt, 1) ? virtual_tables : tables, ct_db_column_dup (stmt, 0));
    }
  ct_db_release (stmt);

  for (guint i = 0; ok && i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gboolean shadow = FALSE;

      for (guint v = 0; v < virtual_tables->len && !shadow; v++)
        {
          const char *name = g_ptr_array_index (virtual_tables, v);
          shadow = g_str_has_prefix (table, name) && table[strlen (name)] == '_';
        }
      if (!shadow)
        ok = add_table (self, sum, table, error);
    }

  /* it only read: ending it either way changes nothing */
  if (own_transaction)
    ct_db_exec (self->db, "ROLLBACK", NULL);
  return ok ? g_strdup (g_checksum_get_string (sum)) : NULL;
}

/* Reading in one transaction */

gboolean
ct_wiki_begin_reading (CtWiki  *self,
                       GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (ct_db_handle (self->db)), FALSE);

  return ct_db_exec (self->db, "BEGIN DEFERRED", error);
}

void
ct_wiki_end_reading (CtWiki *self)
{
  g_return_if_fail (CT_IS_WIKI (self));

  /* it only read: ending it cannot fail in a way that loses anything */
  if (!sqlite3_get_autocommit (ct_db_handle (self->db)))
    ct_db_exec (self->db, "COMMIT", NULL);
}
