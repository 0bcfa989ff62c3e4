/* continuity new / dump / import through the real binary (DESIGN §8). */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-resources.h"
#include "ct-test-cli.h"
#include "ct-test-wiki.h"

static void
test_new (void)
{
  g_autofree char *parent = ct_test_tmpdir ();
  g_autofree char *folder = g_build_filename (parent, "my wiki", NULL);
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *posts = g_build_filename (folder, "posts", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(CtRun) run = { 0 };
  g_auto(CtRun) again = { 0 };
  g_auto(CtRun) usage = { 0 };

  ct_run (&run, NULL, "new", folder, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (posts, G_FILE_TEST_IS_DIR));

  /* never over an existing wiki */
  before = ct_test_checksum (db);
  ct_run (&again, NULL, "new", folder, NULL);
  g_assert_cmpint (again.exit_code, ==, 1);
  g_assert_nonnull (strstr (again.err, "already holds a wiki"));
  after = ct_test_checksum (db);
  g_assert_cmpstr (before, ==, after);

  ct_run (&usage, NULL, "new", NULL);
  g_assert_cmpint (usage.exit_code, ==, 2);
  ct_test_rmtree (parent);
}

static void
test_new_sample (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *wiki_dir = g_build_filename (folder, "sample", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GPtrArray) films = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_auto(CtRun) run = { 0 };
  g_auto(CtRun) help = { 0 };

  /* build-aux/run-sample relies on this */
  ct_run (&help, NULL, "new", "--help", NULL);
  g_assert_cmpint (help.exit_code, ==, 0);
  g_assert_nonnull (strstr (help.out, "--sample"));

  ct_run (&run, NULL, "new", wiki_dir, "--sample", NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  wiki = ct_wiki_open (wiki_dir, CT_WIKI_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  films = ct_wiki_list_entities (wiki, CT_ENTITY_FILM, &error);
  g_assert_cmpuint (films->len, >, 0);
  /* every post of the sample is copied and indexed */
  posts = ct_wiki_list_posts (wiki, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, >, 0);
  for (guint i = 0; i < posts->len; i++)
    {
      CtPost *post = g_ptr_array_index (posts, i);
      g_autofree char *path = g_build_filename (wiki_dir, post->path, NULL);
      g_assert_true (g_str_has_prefix (post->path, "posts/"));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

static void
test_new_sample_clash (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *posts = g_build_filename (folder, "posts", NULL);
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *mine = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) files = ct_sample_resource_list ();
  g_auto(CtRun) run = { 0 };

  /* a file of the user's where the sample has a post */
  for (guint i = 0; files[i] != NULL && mine == NULL; i++)
    if (g_str_has_prefix (files[i], "posts/"))
      mine = g_build_filename (folder, files[i], NULL);
  g_assert_nonnull (mine);
  g_assert_cmpint (g_mkdir_with_parents (posts, 0755), ==, 0);
  g_assert_true (g_file_set_contents (mine, "my own words", -1, NULL));

  ct_run (&run, NULL, "new", folder, "--sample", NULL);
  g_assert_cmpint (run.exit_code, ==, 1);
  g_assert_nonnull (strstr (run.err, "nothing was created"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (mine, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "my own words");
  ct_test_rmtree (folder);
}

static void
test_dump_import (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *first = g_build_filename (folder, "first", NULL);
  g_autofree char *second = g_build_filename (folder, "second", NULL);
  g_autofree char *dump_file = g_build_filename (folder, "dump.json", NULL);
  g_autofree char *fixture = ct_test_fixture ("wiki", "john-wick.json", NULL);
  g_autofree char *dumped = NULL;
  g_auto(CtRun) new1 = { 0 };
  g_auto(CtRun) new2 = { 0 };
  g_auto(CtRun) import1 = { 0 };
  g_auto(CtRun) dump1 = { 0 };
  g_auto(CtRun) import2 = { 0 };
  g_auto(CtRun) dump2 = { 0 };

  ct_run (&new1, NULL, "new", first, NULL);
  ct_run (&new2, NULL, "new", second, NULL);
  ct_run (&import1, NULL, "import", "--wiki", first, fixture, NULL);
  g_assert_cmpint (import1.exit_code, ==, 0);
  g_assert_cmpstr (import1.err, ==, "");

  ct_run (&dump1, NULL, "dump", "--wiki", first, "-o", dump_file, NULL);
  g_assert_cmpint (dump1.exit_code, ==, 0);
  g_assert_cmpstr (dump1.out, ==, "");
  g_assert_true (g_file_get_contents (dump_file, &dumped, NULL, NULL));

  /* import from standard input, dump to standard output: same bytes */
  ct_run (&import2, dumped, "import", "--wiki", second, "-", NULL);
  g_assert_cmpint (import2.exit_code, ==, 0);
  ct_run (&dump2, NULL, "dump", "--wiki", second, NULL);
  g_assert_cmpint (dump2.exit_code, ==, 0);
  g_assert_cmpstr (dump2.out, ==, dumped);

  ct_test_rmtree (folder);
}

static void
test_import_error (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *bad = g_build_filename (folder, "bad.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_auto(CtRun) created = { 0 };
  g_auto(CtRun) run = { 0 };
  g_auto(CtRun) missing = { 0 };

  ct_run (&created, NULL, "new", folder, NULL);
  before = ct_test_checksum (db);
  g_assert_true (g_file_set_contents (bad,
    "{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": ["
    "{\"kind\": \"film\", \"title\": \"Ballerina\", \"facts\": [{\"key\": \"director\", \"entity\": \"Len Wisman\"}]}]}",
    -1, NULL));

  ct_run (&run, NULL, "import", "--wiki", folder, bad, NULL);
  g_assert_cmpint (run.exit_code, ==, 1);
  expected = g_strdup_printf ("continuity: %s: entities[0].facts[0].entity: no entity titled \"Len Wisman\"\n", bad);
  g_assert_cmpstr (run.err, ==, expected);
  after = ct_test_checksum (db);
  g_assert_cmpstr (before, ==, after);

  ct_run (&missing, NULL, "import", "--wiki", folder, NULL);
  g_assert_cmpint (missing.exit_code, ==, 2);
  ct_test_rmtree (folder);
}

static void
test_find_wiki_from_cwd (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *posts = g_build_filename (folder, "posts", NULL);
  g_autofree char *outside = ct_test_tmpdir ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *fixture = ct_test_fixture ("wiki", "john-wick.json", NULL);
  g_auto(CtRun) created = { 0 };
  g_auto(CtRun) imported = { 0 };
  g_auto(CtRun) dumped = { 0 };
  g_auto(CtRun) nowhere = { 0 };

  ct_run (&created, NULL, "new", folder, NULL);

  /* from a folder inside the wiki, no --wiki needed */
  g_assert_cmpint (g_chdir (posts), ==, 0);
  ct_run (&imported, NULL, "import", fixture, NULL);
  g_assert_cmpint (imported.exit_code, ==, 0);
  ct_run (&dumped, NULL, "dump", NULL);
  g_assert_cmpint (dumped.exit_code, ==, 0);
  g_assert_nonnull (strstr (dumped.out, "\"title\" : \"Rooney\""));

  g_assert_cmpint (g_chdir (outside), ==, 0);
  ct_run (&nowhere, NULL, "dump", NULL);
  g_assert_cmpint (nowhere.exit_code, ==, 1);
  g_assert_nonnull (strstr (nowhere.err, "No wiki here"));
  g_assert_nonnull (strstr (nowhere.err, "--wiki"));

  g_assert_cmpint (g_chdir (cwd), ==, 0);
  ct_test_rmtree (folder);
  ct_test_rmtree (outside);
}

static void
test_dump_damaged (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_auto(CtRun) run = { 0 };

  g_assert_true (g_file_set_contents (db, "not a database at all, but long enough to have a header ........"
                                      "...................................................", -1, NULL));
  ct_run (&run, NULL, "dump", "--wiki", folder, NULL);
  g_assert_cmpint (run.exit_code, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "continuity: "));
  g_assert_nonnull (strstr (run.err, db));
  g_assert_nonnull (strstr (run.err, "is not a Continuity wiki"));
  ct_test_rmtree (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/wiki/cli/new", test_new);
  g_test_add_func ("/wiki/cli/new-sample", test_new_sample);
  g_test_add_func ("/wiki/cli/new-sample-clash", test_new_sample_clash);
  g_test_add_func ("/wiki/cli/dump-import", test_dump_import);
  g_test_add_func ("/wiki/cli/import-error", test_import_error);
  g_test_add_func ("/wiki/cli/find-wiki-from-cwd", test_find_wiki_from_cwd);
  g_test_add_func ("/wiki/cli/dump-damaged", test_dump_damaged);

  return g_test_run ();
}
