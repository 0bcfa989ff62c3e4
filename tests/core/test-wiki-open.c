/* Opening wiki folders: creation, finding, damaged and newer files (which
 * must be refused or opened read-only with their bytes unchanged),
 * migrations and transactions. The daily backups: test-wiki-backup.c. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-db.h"
#include "ct-migrations.h"
#include "ct-test-wiki.h"

/* A temporary wiki folder whose wiki.continuity is a copy of @fixture. */
static char *
folder_with (const char *fixture)
{
  g_autofree char *source = ct_test_fixture ("db", fixture, NULL);
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *dest = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &data, &length, NULL));
  g_assert_true (g_file_set_contents (dest, data, length, NULL));
  return g_steal_pointer (&folder);
}

static void
test_create_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = ct_test_tmpdir ();
  g_autofree char *folder = g_build_filename (parent, "deep", "wiki", NULL);
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autoptr(CtWiki) wiki = ct_wiki_open (folder, CT_WIKI_OPEN_CREATE, &error);
  g_autoptr(CtWiki) again = NULL;
  g_autofree char *header = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpstr (ct_wiki_get_folder (wiki), ==, folder);
  g_assert_false (ct_wiki_is_read_only (wiki));
  g_assert_null (ct_wiki_get_read_only_reason (wiki));
  g_assert_cmpint (ct_wiki_create_entity (wiki, CT_ENTITY_FILM, "John Wick", &error), >, 0);
  g_clear_object (&wiki);

  /* WAL mode is recorded in the header (bytes 18 and 19 are 2) */
  g_assert_true (g_file_get_contents (db, &header, &length, NULL));
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpint (header[18], ==, 2);
  g_assert_cmpint (header[19], ==, 2);

  again = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_test_id (again, "john wick"), >, 0);
  g_clear_object (&again);

  /* the database file itself stands for its folder */
  again = ct_wiki_open (db, CT_WIKI_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ct_wiki_get_folder (again), ==, folder);
  g_clear_object (&again);
  ct_test_rmtree (parent);
}

static void
test_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = ct_test_tmpdir ();
  g_autofree char *folder = g_build_filename (parent, "nowhere", NULL);
  g_autoptr(CtWiki) wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);

  g_assert_null (wiki);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  ct_test_rmtree (parent);
}

static void
test_find_folder (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autofree char *deep = g_build_filename (folder, "posts", "2025", NULL);
  g_autofree char *post = g_build_filename (deep, "review.md", NULL);
  g_autofree char *from_dir = NULL;
  g_autofree char *from_file = NULL;
  g_autofree char *outside = ct_test_tmpdir ();
  g_autofree char *none = NULL;

  g_assert_cmpint (g_mkdir_with_parents (deep, 0755), ==, 0);
  g_assert_true (g_file_set_contents (post, "# Review\n", -1, NULL));
  from_dir = ct_wiki_find_folder (deep);
  from_file = ct_wiki_find_folder (post);
  none = ct_wiki_find_folder (outside);
  g_assert_cmpstr (from_dir, ==, folder);
  g_assert_cmpstr (from_file, ==, folder);
  g_assert_null (none);

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
  ct_test_rmtree (outside);
}

typedef struct {
  const char *fixture;
  CtError     code;
  const char *words;
} BadFile;

static const BadFile bad_files[] = {
  { "not-sqlite.continuity", CT_ERROR_NOT_A_DATABASE, "is not a Continuity wiki: it is not an SQLite database" },
  { "truncated.continuity", CT_ERROR_CORRUPT, "is truncated: it has " },
  { "foreign.sqlite", CT_ERROR_NOT_A_DATABASE, "is an SQLite database of another program" },
};

static void
check_refused (const char      *folder,
               CtWikiOpenFlags  flags,
               CtError          code,
               const char      *words)
{
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *before = ct_test_checksum (db);
  g_autofree char *after = NULL;
  g_autofree char *backups = g_build_filename (folder, ".backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_open (folder, flags, &error);

  g_assert_null (wiki);
  g_assert_error (error, CT_ERROR, (gint) code);
  /* the message names the file and the problem */
  g_assert_true (g_str_has_prefix (error->message, db));
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);

  /* and the file is exactly as it was, with nothing written beside it */
  after = ct_test_checksum (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

static void
test_refuse_damaged (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *folder = folder_with (bad_files[i].fixture);

      check_refused (folder, CT_WIKI_OPEN_DEFAULT, bad_files[i].code, bad_files[i].words);
      check_refused (folder, CT_WIKI_OPEN_READ_ONLY, bad_files[i].code, bad_files[i].words);
      check_refused (folder, CT_WIKI_OPEN_CREATE, bad_files[i].code, bad_files[i].words);
      ct_test_rmtree (folder);
    }
}

/* Opening checks the header and the schema only, so that it costs the same
 * at any size; random-pages.continuity keeps both intact and has noise in
 * its tables' pages. Opening it for writing is still refused: with no
 * backup from today, opening runs the day's quick_check before anything
 * is written. Read-only, it opens, and the integrity check finds the
 * damage. */
static void
test_damaged_pages (void)
{
  g_autofree char *folder = folder_with ("random-pages.continuity");
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *backups = g_build_filename (folder, ".backups", NULL);
  g_autofree char *before = ct_test_checksum (db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;

  check_refused (folder, CT_WIKI_OPEN_DEFAULT, CT_ERROR_CORRUPT, "is damaged (");
  check_refused (folder, CT_WIKI_OPEN_CREATE, CT_ERROR_CORRUPT, "is damaged (");

  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (ct_wiki_check_integrity (wiki, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, db));
  g_assert_nonnull (strstr (error->message, "is damaged ("));
  g_clear_object (&wiki);

  after = ct_test_checksum (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  ct_test_rmtree (folder);
}

static void
test_refuse_empty_file (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  GStatBuf st;

  g_assert_true (g_file_set_contents (db, "", 0, NULL));
  check_refused (folder, CT_WIKI_OPEN_CREATE, CT_ERROR_CORRUPT, "is empty (0 bytes)");
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  ct_test_rmtree (folder);
}

static void
test_too_new (void)
{
  g_autofree char *folder = folder_with ("too-new.continuity");
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *before = ct_test_checksum (db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) films = NULL;
  g_autoptr(CtEntity) rooney = NULL;

  g_assert_no_error (error);
  g_assert_true (ct_wiki_is_read_only (wiki));
  g_assert_true (g_str_has_prefix (ct_wiki_get_read_only_reason (wiki), db));
  g_assert_nonnull (strstr (ct_wiki_get_read_only_reason (wiki), "newer version of Continuity (format 99"));

  /* readable … */
  films = ct_wiki_list_entities (wiki, CT_ENTITY_FILM, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (films->len, ==, 3);

  /* … but every change is refused with the reason */
  g_assert_cmpint (ct_wiki_create_entity (wiki, CT_ENTITY_FILM, "John Wick: Chapter 4", &error), ==, 0);
  g_assert_error (error, CT_ERROR, CT_ERROR_TOO_NEW);
  g_assert_cmpstr (error->message, ==, ct_wiki_get_read_only_reason (wiki));
  g_clear_error (&error);
  rooney = ct_wiki_get_entity (wiki, ct_test_id (wiki, "Rooney"), &error);
  g_assert_false (ct_wiki_update_entity (wiki, rooney, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_false (ct_wiki_delete_entity (wiki, rooney->id, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_false (ct_wiki_import (wiki, "{}", -1, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_false (ct_wiki_index_posts (wiki, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_TOO_NEW);

  g_clear_object (&wiki);
  after = ct_test_checksum (db);
  g_assert_cmpstr (before, ==, after);
  ct_test_rmtree (folder);
}

static void
test_read_only_flag (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  g_autoptr(CtWiki) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = ct_wiki_open (folder, CT_WIKI_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ct_wiki_is_read_only (reader));
  /* it sees what the writer committed */
  g_assert_cmpint (ct_test_id (reader, "Rooney"), >, 0);
  g_assert_cmpint (ct_wiki_create_entity (reader, CT_ENTITY_FILM, "Chapter 4", &error), ==, 0);
  g_assert_error (error, CT_ERROR, CT_ERROR_READ_ONLY);

  g_clear_object (&reader);
  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

static void
test_two_connections (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) gui = ct_test_wiki_fixture (&folder);
  g_autoptr(CtWiki) cli = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* The GUI and a command-line run share a wiki: each sees the other's
   * committed changes. */
  cli = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  id = ct_wiki_create_entity (cli, CT_ENTITY_FILM, "John Wick: Chapter 4", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_test_id (gui, "John Wick: Chapter 4"), ==, id);
  g_assert_cmpint (ct_wiki_create_entity (gui, CT_ENTITY_FILM, "John Wick: Chapter 2", &error), >, 0);
  g_assert_cmpint (ct_test_id (cli, "John Wick: Chapter 2"), >, 0);

  g_clear_object (&cli);
  g_clear_object (&gui);
  ct_test_rmtree (folder);
}

static gint64
version_of (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  CtDb *db = ct_db_open (db_path, TRUE, &error);
  gint64 version;

  g_assert_no_error (error);
  version = ct_migrations_get_version (db, &error);
  g_assert_no_error (error);
  ct_db_close (db);
  return version;
}

static void
test_migrate_v0 (void)
{
  g_autofree char *folder = folder_with ("v0-empty.continuity");
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;

  g_assert_cmpint (version_of (db), ==, 0);
  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_wiki_create_entity (wiki, CT_ENTITY_PERSON, "Keanu Reeves", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&wiki);
  g_assert_cmpint (version_of (db), ==, ct_migrations_latest ());
  ct_test_rmtree (folder);
}

/* Every older schema version has a fixture (tests/fixtures/db/vN.continuity,
 * all with the John Wick fixture's content); each opens, upgrades to the
 * latest and keeps its content. The latest version's own file waits for the
 * next version. */
static void
test_migrate_every_version (void)
{
  g_assert_cmpuint (ct_migrations_latest (), ==, 3);
  for (guint v = 1; v < ct_migrations_latest (); v++)
    {
      g_autofree char *name = g_strdup_printf ("v%u.continuity", v);
      g_autofree char *folder = folder_with (name);
      g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CtWiki) wiki = NULL;
      g_autofree char *dump = NULL;
      g_autofree char *expected_dump = NULL;
      g_autofree char *expected_folder = NULL;
      g_autoptr(CtWiki) expected = ct_test_wiki_fixture (&expected_folder);
      g_autoptr(GPtrArray) hits = NULL;

      g_assert_cmpint (version_of (db), ==, v);

      /* read-only: readable as it is, and left so */
      wiki = ct_wiki_open (folder, CT_WIKI_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (ct_wiki_get_read_only_reason (wiki), "older format"));
      dump = ct_wiki_dump (wiki, &error);
      g_assert_no_error (error);
      g_clear_object (&wiki);
      g_clear_pointer (&dump, g_free);
      g_assert_cmpint (version_of (db), ==, v);

      wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      dump = ct_wiki_dump (wiki, &error);
      expected_dump = ct_wiki_dump (expected, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (dump, ==, expected_dump);

      /* version 2: the title counts more than the summary */
      hits = ct_wiki_search (wiki, "roma", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, >=, 2);
      g_assert_cmpstr (((CtSearchHit *) hits->pdata[0])->title, ==, "Ruska Roma");

      /* version 3: every entity has its title key for the browse order */
      {
        g_autoptr(GPtrArray) films = ct_wiki_list_entities (wiki, CT_ENTITY_FILM, &error);
        g_autoptr(GPtrArray) briefs = ct_wiki_list_briefs (wiki, CT_ENTITY_FILM, 0, 1000, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (briefs->len, ==, films->len);
        for (guint i = 0; i < films->len; i++)
          g_assert_cmpint (((CtEntityBrief *) briefs->pdata[i])->id, ==, ((CtEntity *) films->pdata[i])->id);
      }

      g_clear_object (&wiki);
      g_assert_cmpint (version_of (db), ==, ct_migrations_latest ());
      g_clear_object (&expected);
      ct_test_rmtree (folder);
      ct_test_rmtree (expected_folder);
    }
}

static void
test_migration_atomic (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *path = g_build_filename (folder, "m.db", NULL);
  g_autoptr(GError) error = NULL;
  const char *scripts[] = {
    "CREATE TABLE one (x);",
    "CREATE TABLE two (x); INSERT INTO two VALUES (1); CREATE TABLE broken (;",
    "CREATE TABLE three (x);",
  };
  CtDb *db = ct_db_open (path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_false (ct_migrations_run_scripts (db, scripts, 3, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "to version 2"));
  g_clear_error (&error);

  /* version 1 applied; version 2 left no trace */
  g_assert_cmpint (ct_migrations_get_version (db, &error), ==, 1);
  g_assert_true (ct_db_exec (db, "SELECT * FROM one", &error));
  g_assert_false (ct_db_exec (db, "SELECT * FROM two", &error));
  g_clear_error (&error);

  /* a fixed script 2 resumes from version 1 */
  scripts[1] = "CREATE TABLE two (x);";
  g_assert_true (ct_migrations_run_scripts (db, scripts, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ct_migrations_get_version (db, &error), ==, 3);
  g_assert_true (ct_db_exec (db, "SELECT * FROM two; SELECT * FROM three", &error));

  ct_db_close (db);
  ct_test_rmtree (folder);
}

static void
test_nested_transactions (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *path = g_build_filename (folder, "t.db", NULL);
  g_autoptr(GError) error = NULL;
  CtDb *db = ct_db_open (path, FALSE, &error);
  g_autoptr(sqlite3_stmt) count = NULL;
  gboolean row;

  g_assert_true (ct_db_exec (db, "CREATE TABLE t (x)", &error));
  g_assert_true (ct_db_begin (db, &error));
  g_assert_true (ct_db_exec (db, "INSERT INTO t VALUES (1)", &error));
  g_assert_true (ct_db_begin (db, &error));
  g_assert_true (ct_db_exec (db, "INSERT INTO t VALUES (2)", &error));
  ct_db_rollback (db);                     /* the inner change only */
  g_assert_true (ct_db_begin (db, &error));
  g_assert_true (ct_db_exec (db, "INSERT INTO t VALUES (3)", &error));
  g_assert_true (ct_db_commit (db, &error));
  g_assert_true (ct_db_commit (db, &error));
  g_assert_no_error (error);

  count = ct_db_prepare (db, "SELECT group_concat (x) FROM t", &error);
  g_assert_true (ct_db_step (db, count, &row, &error));
  g_assert_cmpstr ((const char *) sqlite3_column_text (count, 0), ==, "1,3");
  ct_db_release (g_steal_pointer (&count));

  ct_db_close (db);
  ct_test_rmtree (folder);
}

static gint64
read_x (CtDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (db, "SELECT x FROM t", &error);
  gboolean row = FALSE;

  g_assert_no_error (error);
  g_assert_true (ct_db_step (db, stmt, &row, &error));
  g_assert_true (row);
  return sqlite3_column_int64 (stmt, 0);
}

/* A read-only connection reads in one transaction: one snapshot until it
 * ends, and no write can start inside it. A connection that can write
 * is left alone (its transactions are ct_db_begin's). */
static void
test_read_transaction (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *path = g_build_filename (folder, "r.db", NULL);
  g_autoptr(GError) error = NULL;
  CtDb *writer = ct_db_open (path, FALSE, &error);
  CtDb *reader;

  g_assert_true (ct_db_exec (writer, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1)", &error));
  reader = ct_db_open (path, TRUE, &error);
  g_assert_no_error (error);

  g_assert_false (ct_db_begin_read (writer));
  g_assert_true (sqlite3_get_autocommit (ct_db_handle (writer)));

  g_assert_true (ct_db_begin_read (reader));
  g_assert_false (ct_db_begin_read (reader));      /* not nested */
  g_assert_cmpint (read_x (reader), ==, 1);

  /* another connection's commit is not seen half-way through … */
  g_assert_true (ct_db_exec (writer, "UPDATE t SET x = 2", &error));
  g_assert_cmpint (read_x (reader), ==, 1);

  /* … and the read-only connection says why it cannot write */
  g_assert_false (ct_db_begin (reader, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_READ_ONLY);
  g_clear_error (&error);

  ct_db_end_read (reader);
  g_assert_true (sqlite3_get_autocommit (ct_db_handle (reader)));
  g_assert_cmpint (read_x (reader), ==, 2);

  ct_db_close (reader);
  ct_db_close (writer);
  ct_test_rmtree (folder);
}

static gpointer
commit_later (gpointer data)
{
  CtDb *holder = data;

  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (ct_db_commit (holder, NULL));
  return NULL;
}

static void
test_busy (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *path = g_build_filename (folder, "b.db", NULL);
  g_autoptr(GError) error = NULL;
  CtDb *a = ct_db_open (path, FALSE, &error);
  CtDb *b = ct_db_open (path, FALSE, &error);
  GThread *thread;
  gint64 start;

  g_assert_true (ct_db_exec (a, "PRAGMA journal_mode = WAL; CREATE TABLE t (x)", &error));

  /* while one writer holds the lock, another fails after its timeout … */
  g_assert_true (ct_db_begin (a, &error));
  ct_db_set_busy_timeout (b, 100);
  g_assert_false (ct_db_begin (b, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "is busy"));
  g_clear_error (&error);

  /* … or, with the normal timeout, waits for it and goes on */
  ct_db_set_busy_timeout (b, 5000);
  thread = g_thread_new ("holder", commit_later, a);
  start = g_get_monotonic_time ();
  g_assert_true (ct_db_begin (b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 200 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (ct_db_exec (b, "INSERT INTO t VALUES (1)", &error));
  g_assert_true (ct_db_commit (b, &error));
  g_thread_join (thread);

  ct_db_close (a);
  ct_db_close (b);
  ct_test_rmtree (folder);
}

static void
test_error_codes (void)
{
  g_assert_cmpint (ct_db_error_code (SQLITE_CONSTRAINT_UNIQUE), ==, CT_ERROR_CONSTRAINT);
  g_assert_cmpint (ct_db_error_code (SQLITE_FULL), ==, CT_ERROR_FULL);
  g_assert_cmpint (ct_db_error_code (SQLITE_CORRUPT), ==, CT_ERROR_CORRUPT);
  g_assert_cmpint (ct_db_error_code (SQLITE_NOTADB), ==, CT_ERROR_NOT_A_DATABASE);
  g_assert_cmpint (ct_db_error_code (SQLITE_BUSY_SNAPSHOT), ==, CT_ERROR_BUSY);
  g_assert_cmpint (ct_db_error_code (SQLITE_READONLY), ==, CT_ERROR_READ_ONLY);
  g_assert_cmpint (ct_db_error_code (SQLITE_IOERR_WRITE), ==, CT_ERROR_IO);
  g_assert_cmpint (ct_db_error_code (SQLITE_MISUSE), ==, CT_ERROR_FAILED);
}

static void
test_refuse_bad_payload_fractions (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_open (folder, CT_WIKI_OPEN_CREATE, &error);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_no_error (error);
  g_clear_object (&wiki);
  g_assert_true (g_file_get_contents (db, &data, &length, NULL));
  g_assert_cmpuint (length, >=, 100);
  data[21] = 65;
  g_assert_true (g_file_set_contents (db, data, length, NULL));

  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_READ_ONLY, &error);
  g_assert_null (wiki);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, db));
  ct_test_rmtree (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/wiki/open/create-reopen", test_create_reopen);
  g_test_add_func ("/wiki/open/missing", test_missing);
  g_test_add_func ("/wiki/open/find-folder", test_find_folder);
  g_test_add_func ("/wiki/open/refuse-damaged", test_refuse_damaged);
  g_test_add_func ("/wiki/open/refuse-empty-file", test_refuse_empty_file);
  g_test_add_func ("/wiki/open/damaged-pages", test_damaged_pages);
  g_test_add_func ("/wiki/open/bad-payload-fractions", test_refuse_bad_payload_fractions);
  g_test_add_func ("/wiki/open/too-new", test_too_new);
  g_test_add_func ("/wiki/open/read-only-flag", test_read_only_flag);
  g_test_add_func ("/wiki/open/two-connections", test_two_connections);
  g_test_add_func ("/wiki/migrate/v0-empty", test_migrate_v0);
  g_test_add_func ("/wiki/migrate/every-version", test_migrate_every_version);
  g_test_add_func ("/wiki/migrate/atomic", test_migration_atomic);
  g_test_add_func ("/wiki/db/nested-transactions", test_nested_transactions);
  g_test_add_func ("/wiki/db/busy", test_busy);
  g_test_add_func ("/wiki/db/error-codes", test_error_codes);
  g_test_add_func ("/wiki/db/read-transaction", test_read_transaction);

  return g_test_run ();
}
