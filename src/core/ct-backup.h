/* ct-backup.h — rotating copies of wiki.continuity in FOLDER/.backups,
 * made with SQLite's online backup API (core-internal). */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

#define CT_BACKUP_DIR  ".backups"
#define CT_BACKUP_KEEP 7

/* When @folder/.backups has no copy from @today's date yet, copies @db
 * there as wiki-YYYY-MM-DD.continuity, then deletes all but the @keep
 * newest copies. Returns TRUE when nothing was needed or all went well. */
gboolean ct_backup_daily (sqlite3     *db,
                          const char  *folder,
                          GDateTime   *today,
                          guint        keep,
                          GError     **error);

G_END_DECLS
