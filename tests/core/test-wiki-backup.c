/* The daily backup a wiki's first open for writing makes: made before
 * anything is written, seven kept, whole copies only when several are
 * made at once, and the day's whole-file check run once per process. */
#include "config.h"

#include <utime.h>
#include <glib/gstdio.h>

#include "ct-backup.h"
#include "ct-db.h"
#include "ct-test-wiki.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
list_backups (const char *folder)
{
  g_autofree char *dir = g_build_filename (folder, CT_BACKUP_DIR, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
test_backup_on_open (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "wiki-%Y-%m-%d.continuity");
  g_auto(GStrv) none = list_backups (folder);
  g_auto(GStrv) one = NULL;
  g_auto(GStrv) still_one = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_folder = NULL;
  g_autoptr(CtWiki) restored = NULL;

  /* a new wiki has nothing to back up */
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_clear_object (&wiki);

  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (ct_wiki_get_backup_problem (wiki));
  one = list_backups (folder);
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_assert_cmpstr (one[0], ==, today);

  /* once a day */
  g_clear_object (&wiki);
  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  still_one = list_backups (folder);
  g_assert_cmpuint (g_strv_length (still_one), ==, 1);

  /* the copy is a complete wiki */
  backup_folder = ct_test_tmpdir ();
  {
    g_autofree char *from = g_build_filename (folder, CT_BACKUP_DIR, today, NULL);
    g_autofree char *to = g_build_filename (backup_folder, CT_WIKI_DB_NAME, NULL);
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (from, &data, &length, NULL));
    g_assert_true (g_file_set_contents (to, data, length, NULL));
  }
  restored = ct_wiki_open (backup_folder, CT_WIKI_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_test_id (restored, "Rooney"), >, 0);

  g_clear_object (&restored);
  g_clear_object (&wiki);
  ct_test_rmtree (folder);
  ct_test_rmtree (backup_folder);
}

static void
test_backup_keeps_seven (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  g_autofree char *db_path = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *foreign = g_build_filename (folder, CT_BACKUP_DIR, "my-notes.txt", NULL);
  g_auto(GStrv) names = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (int day = 1; day <= 10; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (2025, 6, day, 12, 0, 0);
      g_autoptr(GError) error = NULL;

      g_assert_true (ct_backup_daily (db, folder, date, CT_BACKUP_KEEP, &error));
      g_assert_no_error (error);
      if (day == 1)
        g_assert_true (g_file_set_contents (foreign, "mine", -1, NULL));
    }
  sqlite3_close (db);

  /* the 7 newest copies, and the user's own file left alone */
  names = list_backups (folder);
  g_assert_cmpuint (g_strv_length (names), ==, 8);
  g_assert_cmpstr (names[0], ==, "my-notes.txt");
  g_assert_cmpstr (names[1], ==, "wiki-2025-06-04.continuity");
  g_assert_cmpstr (names[7], ==, "wiki-2025-06-10.continuity");

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

typedef struct {
  const char *folder;
  const char *db_path;
  GDateTime  *date;
  gboolean    ok;
  char       *message;
} BackupRace;

static gpointer
backup_thread (gpointer data)
{
  BackupRace *race = data;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (race->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  race->ok = ct_backup_daily (db, race->folder, race->date, CT_BACKUP_KEEP, &error);
  race->message = error ? g_strdup (error->message) : NULL;
  sqlite3_close (db);
  return NULL;
}

/* The app opens a wiki for each file it opens, on workers, and a command
 * may open it beside the app: several may make the day's backup at once.
 * Each must succeed with a whole copy; they used to share one ".partial"
 * file and unlink it under each other ("disk I/O error"). */
static void
test_backup_concurrent (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  g_autofree char *db_path = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);

  for (int day = 1; day <= 6; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (2025, 7, day, 12, 0, 0);
      BackupRace races[6];
      GThread *threads[G_N_ELEMENTS (races)];
      g_auto(GStrv) names = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (races); i++)
        {
          races[i] = (BackupRace) { folder, db_path, date, FALSE, NULL };
          threads[i] = g_thread_new ("backup", backup_thread, &races[i]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (races); i++)
        {
          g_thread_join (threads[i]);
          if (!races[i].ok)
            g_error ("a concurrent backup failed: %s", races[i].message);
          g_free (races[i].message);
        }
      /* only whole copies are left, none half-written beside them */
      names = list_backups (folder);
      g_assert_cmpuint (g_strv_length (names), ==, (guint) day);
    }

  /* A crash's leftover is removed once a day old, a fresh one (another
   * connection's copy under way) is not. */
  {
    g_autoptr(GDateTime) date = g_date_time_new_local (2025, 7, 7, 12, 0, 0);
    g_autofree char *dir = g_build_filename (folder, CT_BACKUP_DIR, NULL);
    g_autofree char *old = g_build_filename (dir, "wiki-2025-07-06.continuity.partial-AbC123", NULL);
    g_autofree char *fresh = g_build_filename (dir, "wiki-2025-07-07.continuity.partial-XyZ789", NULL);
    g_autoptr(GError) error = NULL;
    struct utimbuf long_ago = { 0, 1000000000 };  /* 2001 */
    sqlite3 *db = NULL;

    g_assert_true (g_file_set_contents (old, "half", -1, NULL));
    g_assert_true (g_file_set_contents (fresh, "half", -1, NULL));
    g_assert_cmpint (g_utime (old, &long_ago), ==, 0);
    g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_true (ct_backup_daily (db, folder, date, CT_BACKUP_KEEP, &error));
    g_assert_no_error (error);
    sqlite3_close (db);
    g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

typedef struct {
  const char *folder;
  GMutex     *gate;
  CtWiki     *wiki;
  char       *message;
} DayOpen;

static gpointer
day_open_thread (gpointer data)
{
  DayOpen *open = data;
  g_autoptr(GError) error = NULL;

  /* all start together: the lead holds the gate until each is made */
  g_mutex_lock (open->gate);
  g_mutex_unlock (open->gate);
  open->wiki = ct_wiki_open (open->folder, 0, &error);
  open->message = error ? g_strdup (error->message) : NULL;
  return NULL;
}

/* At start-up the app opens a wiki once per file it opens, on workers,
 * all at once. On the day's first open only one of them checks the whole
 * file and copies it (one quick_check of the file, one of the copy); the
 * others used to check and copy it too, several times a big wiki's
 * worth of reading at every first start of the day. */
static void
test_first_open_of_day_once (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) created = ct_test_wiki_fixture (&folder);
  g_autofree char *backups = g_build_filename (folder, CT_BACKUP_DIR, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GMutex gate;
  DayOpen opens[6];
  GThread *threads[G_N_ELEMENTS (opens)];
  guint checks;

  g_clear_object (&created);
  ct_test_rmtree (backups);
  g_assert_true (ct_backup_is_due (folder, now));

  g_mutex_init (&gate);
  g_mutex_lock (&gate);
  for (guint i = 0; i < G_N_ELEMENTS (opens); i++)
    {
      opens[i] = (DayOpen) { folder, &gate, NULL, NULL };
      threads[i] = g_thread_new ("open", day_open_thread, &opens[i]);
    }
  checks = _ct_db_quick_check_count ();
  g_mutex_unlock (&gate);
  for (guint i = 0; i < G_N_ELEMENTS (opens); i++)
    {
      g_thread_join (threads[i]);
      if (opens[i].wiki == NULL)
        g_error ("a concurrent first open failed: %s", opens[i].message);
      g_assert_null (ct_wiki_get_backup_problem (opens[i].wiki));
      g_clear_object (&opens[i].wiki);
    }
  g_mutex_clear (&gate);

  g_assert_cmpuint (_ct_db_quick_check_count () - checks, ==, 2);
  g_assert_false (ct_backup_is_due (folder, now));
  ct_test_rmtree (folder);
}

/* A header that passes the quick look but that SQLite refuses (payload
 * fractions other than 64/32/32): every statement of the schema checks
 * fails, and the first failure is the one reported, never overwritten
 * by the next (a GLib warning, fatal here). */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/wiki/backup/on-open", test_backup_on_open);
  g_test_add_func ("/wiki/backup/keeps-seven", test_backup_keeps_seven);
  g_test_add_func ("/wiki/backup/concurrent", test_backup_concurrent);
  g_test_add_func ("/wiki/backup/first-open-of-day-once", test_first_open_of_day_once);

  return g_test_run ();
}
