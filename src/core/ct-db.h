/* ct-db.h — the small SQLite layer under CtWiki (core-internal).
 *
 * One connection, a cache of prepared statements keyed by their SQL text,
 * nestable transactions, and SQLite result codes mapped onto CT_ERROR with
 * sentences that name the file.
 */
#pragma once

#include <sqlite3.h>
#include <gio/gio.h>

#include "ct-error.h"

G_BEGIN_DECLS

typedef struct _CtDb CtDb;

CtDb          *ct_db_open        (const char  *path,
                                  gboolean     read_only,
                                  GError     **error);
void           ct_db_close       (CtDb        *db);
/* How long a statement waits for another connection's lock before failing
 * with CT_ERROR_BUSY (default: 5 s). */
void           ct_db_set_busy_timeout (CtDb   *db,
                                       int     milliseconds);
sqlite3       *ct_db_handle      (CtDb        *db);
const char    *ct_db_path        (CtDb        *db);

/* A cached statement, reset and with no bindings. Owned by @db: release it
 * with ct_db_release (g_autoptr(sqlite3_stmt) does) so it holds no lock. */
sqlite3_stmt  *ct_db_prepare     (CtDb        *db,
                                  const char  *sql,
                                  GError     **error);
void           ct_db_release     (sqlite3_stmt *stmt);

/* Steps once: TRUE with *row set when a row came, or at the end; FALSE
 * and @error on failure. */
gboolean       ct_db_step        (CtDb         *db,
                                  sqlite3_stmt *stmt,
                                  gboolean     *row,
                                  GError      **error);
/* Runs a statement that returns no rows. */
gboolean       ct_db_run         (CtDb         *db,
                                  sqlite3_stmt *stmt,
                                  GError      **error);
/* Runs constant SQL text (one or more statements, no parameters). */
gboolean       ct_db_exec        (CtDb         *db,
                                  const char   *sql,
                                  GError      **error);

/* Nestable transactions: the outermost is BEGIN IMMEDIATE (so a writer
 * waits for another process up front instead of failing halfway), inner
 * ones are savepoints. Every begin is matched by commit or rollback. */
gboolean       ct_db_begin       (CtDb        *db,
                                  GError     **error);
gboolean       ct_db_commit      (CtDb        *db,
                                  GError     **error);
void           ct_db_rollback    (CtDb        *db);

/* A read transaction on a read-only connection: the statements up to
 * ct_db_end_read share one snapshot and one set of file locks, where each
 * would otherwise take and drop its own (a lock on the WAL index, a stat
 * of the file, a check of the WAL header, for every statement). TRUE when
 * one was begun, to be ended with ct_db_end_read; FALSE, doing nothing,
 * on a connection that can write (its transactions are ct_db_begin's) or
 * that is in a transaction already. */
gboolean       ct_db_begin_read  (CtDb        *db);
void           ct_db_end_read    (CtDb        *db);

/* Sets @error from SQLite result code @rc and the connection's message. */
void           ct_db_set_error   (CtDb        *db,
                                  int          rc,
                                  GError     **error);
CtError        ct_db_error_code  (int          rc);

/* PRAGMA quick_check of the whole file behind @handle. It reads every page,
 * so it runs where it matters (the daily backup, a statement that met
 * corruption, `continuity check --integrity`) and never on every open.
 * FALSE with CT_ERROR_CORRUPT naming the first problem. */
gboolean       ct_db_quick_check (sqlite3     *handle,
                                  const char  *path,
                                  GError     **error);
/* How many whole-file checks this process has run: for tests. */
guint          _ct_db_quick_check_count (void);
/* TRUE once a statement on @db met SQLITE_CORRUPT or SQLITE_NOTADB: from
 * then on no transaction or write starts on this connection. */
gboolean       ct_db_is_damaged  (CtDb        *db);

/* Binding and reading with GLib types. */
void           ct_db_bind_text   (sqlite3_stmt *stmt,
                                  int           index,
                                  const char   *text);   /* NULL binds NULL */
void           ct_db_bind_id     (sqlite3_stmt *stmt,
                                  int           index,
                                  gint64        id);     /* 0 binds NULL */
char          *ct_db_column_dup  (sqlite3_stmt *stmt,
                                  int           column);

/* The statement cache resets; this lets g_autoptr release a statement. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, ct_db_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtDb, ct_db_close)

G_END_DECLS
