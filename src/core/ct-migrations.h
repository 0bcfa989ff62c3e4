/* ct-migrations.h — the schema of wiki.continuity, created and upgraded by
 * the numbered scripts in resources/sql/NNN-name.sql (core-internal).
 *
 * PRAGMA user_version holds the number of the last script applied.
 */
#pragma once

#include "ct-db.h"

G_BEGIN_DECLS

/* "CtWk": marks the file as ours in the SQLite header. */
#define CT_WIKI_APPLICATION_ID 0x43745769

/* The schema version this build writes: the number of the last script. */
guint     ct_migrations_latest      (void);

/* The database's user_version, or -1 with @error set. */
gint64    ct_migrations_get_version (CtDb        *db,
                                     GError     **error);

/* Applies every script after the database's version, each in its own
 * transaction, so an interrupted upgrade stops at a consistent version. */
gboolean  ct_migrations_run         (CtDb        *db,
                                     GError     **error);

/* The same with explicit scripts: @scripts[i] upgrades version i to i + 1.
 * Exposed for tests of the framework itself. */
gboolean  ct_migrations_run_scripts (CtDb               *db,
                                     const char * const *scripts,
                                     guint               n_scripts,
                                     GError            **error);

G_END_DECLS
