/* ct-backup.h — rotating copies of wiki.continuity in FOLDER/.backups,
 * made with SQLite's online backup API (core-internal). */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

#define CT_BACKUP_DIR  ".backups"
#define CT_BACKUP_KEEP 7

/* TRUE when @folder/.backups has no copy from @today's date yet: the next
 * ct_backup_daily() will make one. */
gboolean ct_backup_is_due (const char  *folder,
                           GDateTime   *today);

/* When @folder/.backups has no copy from @today's date yet, copies @db
 * there as wiki-YYYY-MM-DD.continuity, then deletes all but the @keep
 * newest copies. The copy must pass quick_check before it takes its
 * place, so a damaged file never pushes a good backup out of the seven.
 * Returns TRUE when nothing was needed or all went well. */
gboolean ct_backup_daily (sqlite3     *db,
                          const char  *folder,
                          GDateTime   *today,
                          guint        keep,
                          GError     **error);

G_END_DECLS
