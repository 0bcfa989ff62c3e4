#define G_LOG_DOMAIN "ct-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ct-backup.h"
#include "ct-db.h"

#define PREFIX "wiki-"
#define SUFFIX ".continuity"

static gboolean
is_backup_name (const char *name)
{
  /* wiki-YYYY-MM-DD.continuity: only our own files are ever deleted. */
  return strlen (name) == strlen (PREFIX "YYYY-MM-DD" SUFFIX)
         && g_str_has_prefix (name, PREFIX) && g_str_has_suffix (name, SUFFIX);
}

/* A copy left half-made by a crash (wiki-….continuity.partial-XXXXXX,
 * with SQLite's -journal beside it), old enough that no connection can
 * still be writing it: a day. */
static gboolean
is_stale_partial (const char *dir,
                  const char *name)
{
  g_autofree char *path = NULL;
  GStatBuf st;

  if (!g_str_has_prefix (name, PREFIX) || strstr (name, SUFFIX ".partial-") == NULL)
    return FALSE;
  path = g_build_filename (dir, name, NULL);
  return g_stat (path, &st) == 0 && st.st_mtime < (g_get_real_time () / G_USEC_PER_SEC) - 24 * 60 * 60;
}

static gboolean
copy_database (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  /* A name of its own: the app opens the wiki on several workers at
   * start-up and a command may open it beside the app, so several copies
   * of the day can be made at once; sharing one ".partial" they unlinked
   * and locked each other's file. Each renames its whole copy into place,
   * and whichever lands last is as good as the others. */
  g_autofree char *partial = g_strconcat (path, ".partial-XXXXXX", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not back up the wiki to %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  close (fd);  /* SQLite opens it by name; an empty file is a new database */
  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          /* -1: all pages in one step; the wiki is small and this keeps
           * the copy a single consistent snapshot. */
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = (rc == SQLITE_DONE) ? SQLITE_OK : rc;
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  /* The day's integrity check: on the copy, so the wiki itself is not
   * read twice, and before the rename, so a damaged copy is never kept. */
  if (rc == SQLITE_OK && !ct_db_quick_check (dest, sqlite3_db_filename (db, "main"), error))
    {
      sqlite3_close_v2 (dest);
      g_unlink (partial);
      return FALSE;
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CT_ERROR, ct_db_error_code (rc),
                   _("Could not back up the wiki to %s: %s"), path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      g_unlink (partial);
      return FALSE;
    }
  sqlite3_close_v2 (dest);

  /* Renamed only when complete: a crash never leaves a half copy that
   * looks like a good one. */
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not back up the wiki to %s: %s"),
                   path, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  return TRUE;
}

static void
prune (const char *dir,
       GPtrArray  *names,
       guint       keep)
{
  /* @names is sorted by the date in the name, oldest first. */
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_unlink (path);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
todays_path (const char *folder,
             GDateTime  *today)
{
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *name = g_strconcat (PREFIX, date, SUFFIX, NULL);

  return g_build_filename (folder, CT_BACKUP_DIR, name, NULL);
}

gboolean
ct_backup_is_due (const char *folder,
                  GDateTime  *today)
{
  g_autofree char *path = todays_path (folder, today);

  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

gboolean
ct_backup_daily (sqlite3     *db,
                 const char  *folder,
                 GDateTime   *today,
                 guint        keep,
                 GError     **error)
{
  g_autofree char *dir = g_build_filename (folder, CT_BACKUP_DIR, NULL);
  g_autofree char *path = todays_path (folder, today);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *entry;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not create the backup folder %s: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }

  if (!copy_database (db, path, error))
    return FALSE;

  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (entry = g_dir_read_name (listing)) != NULL)
    if (is_backup_name (entry))
      g_ptr_array_add (names, g_strdup (entry));
    else if (is_stale_partial (dir, entry))
      {
        g_autofree char *stale = g_build_filename (dir, entry, NULL);
        g_unlink (stale);
      }

  g_ptr_array_sort (names, compare_names);
  prune (dir, names, keep);
  return TRUE;
}
