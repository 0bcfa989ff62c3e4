/* Damage deep inside a wiki file. Opening checks the header and the schema
 * only (it must cost the same on any size of wiki), so it does not see a
 * damaged page in the middle of a table; what keeps a damaged database
 * from being written is elsewhere, and tested here: the first open of the
 * day runs quick_check before anything is written, a write that reaches
 * the damage fails and leaves the connection refusing every later write,
 * the file keeps its bytes, and `continuity check --integrity` finds it. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "ct-backup.h"
#include "ct-test-wiki.h"

#define N_PEOPLE 3000

/* A wiki of N_PEOPLE people (a few hundred pages), with today's backup
 * already made, closed. */
static char *
make_wiki (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autoptr(GString) json = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_open (folder, CT_WIKI_OPEN_CREATE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < N_PEOPLE; i++)
    g_string_append_printf (json, "%s{\"kind\": \"person\", \"title\": \"Person %u\","
                            " \"notes\": \"Person %u worked on many films, mostly in the"
                            " camera department, and once as a stunt double.\"}",
                            i ? ", " : "", i, i);
  g_string_append (json, "]}");
  g_assert_true (ct_wiki_import (wiki, json->str, json->len, &error));
  g_assert_no_error (error);
  g_clear_object (&wiki);

  /* the day's backup, so the next open is the quick one */
  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (ct_wiki_get_backup_problem (wiki));
  return g_steal_pointer (&folder);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Overwrites the last leaf page of @table's b-tree (where the next row
 * goes) with 0xff, an invalid page type: a disk that lost a sector in the
 * middle of the file. The header, the schema and every other page stay
 * as they were. */
static void
damage_last_leaf (const char *db,
                  const char *table)
{
  g_autofree char *data = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'", table);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  guint32 root, page, page_size;
  gsize length;
  guint8 *header;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = (guint32) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  g_assert_true (g_file_get_contents (db, &data, &length, NULL));
  page_size = ((guint32) (guint8) data[16] << 8) | (guint8) data[17];
  /* interior table pages (0x05) hold the right-most child at offset 8 */
  for (page = root;; page = read_be32 (header + 8))
    {
      g_assert_cmpuint ((gsize) page * page_size, <=, length);
      header = (guint8 *) data + (gsize) (page - 1) * page_size + (page == 1 ? 100 : 0);
      if (header[0] != 0x05)
        break;
    }
  g_assert_cmpint (header[0], ==, 0x0d);   /* a table leaf */
  g_assert_cmpuint (page, !=, root);       /* deep in the file, not the root */
  memset (data + (gsize) (page - 1) * page_size, 0xff, page_size);
  g_assert_true (g_file_set_contents (db, data, length, NULL));
}

static void
assert_damage_error (const GError *error,
                     const char   *db)
{
  g_assert_error (error, CT_ERROR, CT_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, db));
  if (strstr (error->message, "is damaged (") == NULL)
    g_error ("“%s” does not say the file is damaged", error->message);
}

static void
assert_damage_message (const char *message,
                       const char *db)
{
  g_assert_nonnull (strstr (message, db));
  if (strstr (message, "is damaged (") == NULL)
    g_error ("“%s” does not say the file is damaged", message);
}

static void
test_failing_write (void)
{
  g_autofree char *folder = make_wiki ();
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(CtEntity) first = NULL;
  gint64 id;

  damage_last_leaf (db, "entity");
  before = ct_test_checksum (db);

  /* the quick open does not read the damaged page */
  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* a new entity goes to the last leaf: the write fails there */
  id = ct_wiki_create_entity (wiki, CT_ENTITY_PERSON, "Newcomer", &error);
  g_assert_cmpint (id, <=, 0);
  assert_damage_error (error, db);
  g_clear_error (&error);

  /* and from then on nothing is written, not even where the pages are
   * sound: the first person's row is on the first leaf */
  first = ct_wiki_get_entity (wiki, ct_test_id (wiki, "Person 0"), &error);
  g_assert_no_error (error);
  g_free (first->summary);
  first->summary = g_strdup ("Changed after the damage was found");
  g_assert_false (ct_wiki_update_entity (wiki, first, &error));
  assert_damage_error (error, db);
  g_clear_object (&wiki);

  after = ct_test_checksum (db);
  g_assert_cmpstr (before, ==, after);
  ct_test_rmtree (folder);
}

/* The day's first open for writing reads every page before writing any,
 * and refuses; the good backups are kept, none is added. */
static void
test_first_open_of_the_day (void)
{
  g_autofree char *folder = make_wiki ();
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *backups = g_build_filename (folder, CT_BACKUP_DIR, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "wiki-%Y-%m-%d.continuity");
  g_autofree char *today_path = g_build_filename (backups, today, NULL);
  g_autofree char *old_path = g_build_filename (backups, "wiki-2001-01-01.continuity", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;

  g_assert_cmpint (g_rename (today_path, old_path), ==, 0);
  damage_last_leaf (db, "entity");
  before = ct_test_checksum (db);

  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_null (wiki);
  assert_damage_error (error, db);

  after = ct_test_checksum (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (today_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (old_path, G_FILE_TEST_EXISTS));
  ct_test_rmtree (folder);
}

static int
run (const char **argv,
     char       **out,
     char       **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
run_check (const char  *folder,
           char       **out,
           char       **err)
{
  const char *argv[] = { g_getenv ("CT_CONTINUITY_BIN"), "check", "--wiki", folder, "--integrity", NULL };

  return run (argv, out, err);
}

static void
test_check_command (void)
{
  g_autofree char *folder = make_wiki ();
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (run_check (folder, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "no damage found"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  damage_last_leaf (db, "entity");
  before = ct_test_checksum (db);
  g_assert_cmpint (run_check (folder, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "is damaged ("));
  g_assert_nonnull (strstr (err, db));
  after = ct_test_checksum (db);
  g_assert_cmpstr (before, ==, after);
  ct_test_rmtree (folder);
}

/* dump streams as it reads, so it meets the damage halfway through: the
 * file given with -o keeps what it held, and no partial file is left. */
static void
test_dump_meets_damage (void)
{
  g_autofree char *folder = make_wiki ();
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *outdir = ct_test_tmpdir ();
  g_autofree char *target = g_build_filename (outdir, "wiki.json", NULL);
  const char *argv[] = { g_getenv ("CT_CONTINUITY_BIN"), "dump", "--wiki", folder, "-o", target, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GDir) dir = NULL;
  guint files = 0;

  g_assert_true (g_file_set_contents (target, "yesterday's dump\n", -1, NULL));
  damage_last_leaf (db, "entity");
  g_assert_cmpint (run (argv, &out, &err), ==, 1);
  assert_damage_message (err, db);

  g_assert_true (g_file_get_contents (target, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "yesterday's dump\n");
  dir = g_dir_open (outdir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    files++;
  g_assert_cmpuint (files, ==, 1);
  ct_test_rmtree (outdir);
  ct_test_rmtree (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/wiki/integrity/failing-write", test_failing_write);
  g_test_add_func ("/wiki/integrity/first-open-of-the-day", test_first_open_of_the_day);
  g_test_add_func ("/wiki/integrity/check-command", test_check_command);
  g_test_add_func ("/wiki/integrity/dump-meets-damage", test_dump_meets_damage);

  return g_test_run ();
}
