#define G_LOG_DOMAIN "ct-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ct-db.h"

struct _CtDb {
  sqlite3    *handle;
  char       *path;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt */
  guint       depth;        /* open transactions */
  gboolean    reading;      /* in ct_db_begin_read's transaction */
  char       *damage;       /* set once corruption was met: no more writes */
};

/* Long enough for the GUI and a command-line run to take turns. */
#define BUSY_TIMEOUT_MS 5000

CtError
ct_db_error_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT: return CT_ERROR_CONSTRAINT;
    case SQLITE_FULL:       return CT_ERROR_FULL;
    case SQLITE_CORRUPT:    return CT_ERROR_CORRUPT;
    case SQLITE_NOTADB:     return CT_ERROR_NOT_A_DATABASE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:     return CT_ERROR_BUSY;
    case SQLITE_READONLY:   return CT_ERROR_READ_ONLY;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:       return CT_ERROR_IO;
    default:                return CT_ERROR_FAILED;
    }
}

static void
set_error_for (const char  *path,
               sqlite3     *handle,
               int          rc,
               GError     **error)
{
  const char *detail = handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  CtError code = ct_db_error_code (rc);

  switch (code)
    {
    case CT_ERROR_FULL:
      g_set_error (error, CT_ERROR, code,
                   _("Could not write to %s: the disk is full. Nothing was changed; free some space and try again."), path);
      break;
    case CT_ERROR_CORRUPT:
      g_set_error (error, CT_ERROR, code,
                   _("%s is damaged (%s). Continuity did not change it; restore a copy from its .backups folder."), path, detail);
      break;
    case CT_ERROR_NOT_A_DATABASE:
      g_set_error (error, CT_ERROR, code, _("%s is not a Continuity wiki database."), path);
      break;
    case CT_ERROR_BUSY:
      g_set_error (error, CT_ERROR, code,
                   _("%s is busy: another program kept it locked for too long. Try again."), path);
      break;
    case CT_ERROR_READ_ONLY:
      g_set_error (error, CT_ERROR, code, _("%s is open read-only: the change was not made."), path);
      break;
    case CT_ERROR_CONSTRAINT:
      g_set_error (error, CT_ERROR, code, _("The wiki refused the change (%s)."), detail);
      break;
    default:
      g_set_error (error, CT_ERROR, code, _("Could not use %s: %s."), path, detail);
      break;
    }
}

static guint quick_checks;

guint
_ct_db_quick_check_count (void)
{
  return g_atomic_int_get (&quick_checks);
}

gboolean
ct_db_quick_check (sqlite3     *handle,
                   const char  *path,
                   GError     **error)
{
  sqlite3_stmt *check = NULL;
  int rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &check, NULL);
  g_autofree char *problem = NULL;

  g_atomic_int_inc (&quick_checks);

  while (rc == SQLITE_OK && (rc = sqlite3_step (check)) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (check, 0);

      /* The first problem is enough to name; "*** in database main ***"
       * is a heading, not a problem. */
      if (g_strcmp0 (result, "ok") == 0 || g_str_has_prefix (result, "***"))
        {
          rc = SQLITE_OK;
          continue;
        }
      problem = g_strdup (result);
      break;
    }
  /* quick_check itself can fail on a file too damaged to walk */
  if (problem == NULL && rc != SQLITE_DONE && rc != SQLITE_OK)
    problem = g_strdup (sqlite3_errmsg (handle));
  sqlite3_finalize (check);

  if (problem == NULL)
    return TRUE;
  g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
               _("%s is damaged (%s). Continuity did not change it; restore a copy from its .backups folder."),
               path, problem);
  return FALSE;
}

gboolean
ct_db_is_damaged (CtDb *db)
{
  return db->damage != NULL;
}

/* Opening checks only the header and the schema (O(1)); damage deeper in
 * the file shows when a statement reaches it. From then on the
 * connection writes nothing more, and quick_check names the problem for
 * the message. */
static void
note_damage (CtDb *db,
             int   rc)
{
  g_autoptr(GError) check = NULL;

  if (db->damage != NULL)
    return;
  if (!ct_db_quick_check (db->handle, db->path, &check))
    db->damage = g_strdup (check->message);
  else
    db->damage = g_strdup_printf (_("%s is damaged (%s). Continuity did not change it; restore a copy from its .backups folder."),
                                  db->path, sqlite3_errstr (rc));
}

static gboolean
refuse_if_damaged (CtDb    *db,
                   GError **error)
{
  if (db->damage == NULL)
    return FALSE;
  g_set_error_literal (error, CT_ERROR, CT_ERROR_CORRUPT, db->damage);
  return TRUE;
}

void
ct_db_set_error (CtDb    *db,
                 int      rc,
                 GError **error)
{
  CtError code = ct_db_error_code (rc);

  if (code == CT_ERROR_CORRUPT || code == CT_ERROR_NOT_A_DATABASE)
    {
      note_damage (db, rc);
      refuse_if_damaged (db, error);
      return;
    }
  set_error_for (db->path, db->handle, rc, error);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

CtDb *
ct_db_open (const char  *path,
            gboolean     read_only,
            GError     **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *handle = NULL;
  CtDb *db;
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  int rc;

  /* A URI so mode=ro is enforced by SQLite itself, not just by us. */
  {
    g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
    uri = g_strdup_printf ("file:%s%s", escaped, read_only ? "?mode=ro" : "");
  }
  flags |= read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (uri, &handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for (path, handle, rc, error);
      sqlite3_close_v2 (handle);
      return NULL;
    }

  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);

  db = g_new0 (CtDb, 1);
  db->handle = handle;
  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  return db;
}

void
ct_db_close (CtDb *db)
{
  if (db == NULL)
    return;
  g_hash_table_unref (db->statements);
  sqlite3_close_v2 (db->handle);
  g_free (db->path);
  g_free (db->damage);
  g_free (db);
}

void
ct_db_set_busy_timeout (CtDb *db,
                        int   milliseconds)
{
  sqlite3_busy_timeout (db->handle, milliseconds);
}

sqlite3 *
ct_db_handle (CtDb *db)
{
  return db->handle;
}

const char *
ct_db_path (CtDb *db)
{
  return db->path;
}

sqlite3_stmt *
ct_db_prepare (CtDb        *db,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ct_db_set_error (db, rc, error);
      return NULL;
    }
  /* Keyed by the statement's own copy of the text: callers pass literals,
   * but nothing requires them to outlive the cache. */
  g_hash_table_insert (db->statements, (gpointer) sqlite3_sql (stmt), stmt);
  return stmt;
}

void
ct_db_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
ct_db_step (CtDb         *db,
            sqlite3_stmt *stmt,
            gboolean     *row,
            GError      **error)
{
  int rc = sqlite3_step (stmt);

  *row = (rc == SQLITE_ROW);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  ct_db_set_error (db, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
ct_db_run (CtDb         *db,
           sqlite3_stmt *stmt,
           GError      **error)
{
  gboolean row;
  gboolean ok;

  if (refuse_if_damaged (db, error))
    return FALSE;
  ok = ct_db_step (db, stmt, &row, error);

  sqlite3_reset (stmt);
  return ok;
}

gboolean
ct_db_exec (CtDb        *db,
            const char  *sql,
            GError     **error)
{
  int rc;

  if (refuse_if_damaged (db, error))
    return FALSE;
  rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ct_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
ct_db_begin (CtDb    *db,
             GError **error)
{
  /* Only a read-only connection reads in a transaction of its own, and
   * it cannot write: say so, rather than SQLite's "cannot start a
   * transaction within a transaction". */
  if (db->reading)
    {
      set_error_for (db->path, db->handle, SQLITE_READONLY, error);
      return FALSE;
    }
  /* Savepoints may share one name: ROLLBACK TO and RELEASE act on the
   * innermost, which is exactly the nesting we want. ct_db_exec refuses
   * on a connection that met damage. */
  if (!ct_db_exec (db, db->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT ct_nested", error))
    return FALSE;
  db->depth++;
  return TRUE;
}

gboolean
ct_db_commit (CtDb    *db,
              GError **error)
{
  g_return_val_if_fail (db->depth > 0, FALSE);

  if (!ct_db_exec (db, db->depth == 1 ? "COMMIT" : "RELEASE ct_nested", error))
    {
      /* A failed COMMIT (disk full, busy) leaves the transaction open:
       * undo it so the file stays as it was. */
      ct_db_rollback (db);
      return FALSE;
    }
  db->depth--;
  return TRUE;
}

void
ct_db_rollback (CtDb *db)
{
  g_return_if_fail (db->depth > 0);

  if (db->depth == 1)
    {
      /* SQLite may already have rolled back by itself (e.g. SQLITE_FULL). */
      if (!sqlite3_get_autocommit (db->handle))
        sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
    }
  else
    sqlite3_exec (db->handle, "ROLLBACK TO ct_nested; RELEASE ct_nested", NULL, NULL, NULL);
  db->depth--;
}

/* Runs constant @sql through the statement cache; FALSE on failure. */
static gboolean
step_cached (CtDb       *db,
             const char *sql)
{
  sqlite3_stmt *stmt = ct_db_prepare (db, sql, NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

gboolean
ct_db_begin_read (CtDb *db)
{
  if (db->reading || !sqlite3_get_autocommit (db->handle)
      || sqlite3_db_readonly (db->handle, "main") != 1)
    return FALSE;
  /* Deferred: the snapshot is taken by the first statement that reads.
   * Both statements are kept prepared: a render begins and ends one, and
   * parsing them again each time allocated the parser's stack just after
   * a render had freed its whole tree, which made malloc sort out every
   * freed node right there. */
  if (!step_cached (db, "BEGIN"))
    return FALSE;
  db->reading = TRUE;
  return TRUE;
}

void
ct_db_end_read (CtDb *db)
{
  g_return_if_fail (db->reading);

  db->reading = FALSE;
  /* Nothing was written: ending it only drops the locks and the snapshot.
   * SQLite may have ended it already (an I/O error rolls back). */
  if (!sqlite3_get_autocommit (db->handle) && !step_cached (db, "COMMIT"))
    sqlite3_exec (db->handle, "COMMIT", NULL, NULL, NULL);
}

void
ct_db_bind_text (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
ct_db_bind_id (sqlite3_stmt *stmt,
               int           index,
               gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
ct_db_column_dup (sqlite3_stmt *stmt,
                  int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}
