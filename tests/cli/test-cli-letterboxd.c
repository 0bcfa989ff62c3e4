/* continuity import --letterboxd through the real binary (DESIGN §8). */
#include "config.h"

#include <string.h>

#include "ct-test-cli.h"
#include "ct-test-wiki.h"

static char *
export_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "core", "data", "letterboxd", name, NULL);
}

static void
test_import (void)
{
  g_autofree char *parent = ct_test_tmpdir ();
  g_autofree char *folder = g_build_filename (parent, "wiki", NULL);
  g_autofree char *basic = export_path ("basic");
  g_autofree char *post = g_build_filename (folder, "posts", "letterboxd", "2024-02-11-amelie-2001.md", NULL);
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  g_auto(CtRun) created = { 0 };
  g_auto(CtRun) first = { 0 };
  g_auto(CtRun) second = { 0 };
  g_auto(CtRun) third = { 0 };

  ct_run (&created, NULL, "new", folder, NULL);
  g_assert_cmpint (created.exit_code, ==, 0);

  ct_run (&first, NULL, "import", "--wiki", folder, "--letterboxd", basic, NULL);
  g_assert_cmpstr (first.err, ==, "");
  g_assert_cmpint (first.exit_code, ==, 0);
  g_assert_cmpstr (first.out, ==,
                   "Films: 6 added, 0 already in the wiki\n"
                   "Posts: 6 written, 0 updated, 0 unchanged, 0 skipped because you edited them\n");

  ct_run (&second, NULL, "import", "--wiki", folder, "--letterboxd", basic, NULL);
  g_assert_cmpint (second.exit_code, ==, 0);
  g_assert_cmpstr (second.out, ==,
                   "Films: 0 added, 6 already in the wiki\n"
                   "Posts: 0 written, 0 updated, 6 unchanged, 0 skipped because you edited them\n");

  /* An edited post is named, and kept. */
  g_assert_true (g_file_get_contents (post, &text, NULL, NULL));
  edited = g_strconcat (text, "Mine now.\n", NULL);
  g_assert_true (g_file_set_contents (post, edited, -1, NULL));
  ct_run (&third, NULL, "import", "--wiki", folder, "--letterboxd", basic, NULL);
  g_assert_cmpint (third.exit_code, ==, 0);
  g_assert_cmpstr (third.out, ==,
                   "Films: 0 added, 6 already in the wiki\n"
                   "Posts: 0 written, 0 updated, 5 unchanged, 1 skipped because you edited them\n"
                   "Skipped (edited since the last import): posts/letterboxd/2024-02-11-amelie-2001.md\n");
  ct_test_rmtree (parent);
}

static void
test_errors (void)
{
  g_autofree char *parent = ct_test_tmpdir ();
  g_autofree char *folder = g_build_filename (parent, "wiki", NULL);
  g_autofree char *malformed = export_path ("malformed");
  g_autofree char *basic = export_path ("basic");
  g_autofree char *expected = NULL;
  g_auto(CtRun) created = { 0 };
  g_auto(CtRun) bad = { 0 };
  g_auto(CtRun) usage = { 0 };
  g_auto(CtRun) dump = { 0 };

  ct_run (&created, NULL, "new", folder, NULL);
  ct_run (&bad, NULL, "import", "--wiki", folder, "--letterboxd", malformed, NULL);
  g_assert_cmpint (bad.exit_code, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  expected = g_strdup_printf ("continuity: %s: reviews.csv:3: a quoted field is never closed.\n", malformed);
  g_assert_cmpstr (bad.err, ==, expected);

  /* Nothing was written: the wiki dumps empty. */
  ct_run (&dump, NULL, "dump", "--wiki", folder, NULL);
  g_assert_null (strstr (dump.out, "Furiosa"));

  ct_run (&usage, NULL, "import", "--wiki", folder, "--letterboxd", basic, "extra.json", NULL);
  g_assert_cmpint (usage.exit_code, ==, 2);
  g_assert_nonnull (strstr (usage.err, "--letterboxd"));
  ct_test_rmtree (parent);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/letterboxd/import", test_import);
  g_test_add_func ("/cli/letterboxd/errors", test_errors);

  return g_test_run ();
}
