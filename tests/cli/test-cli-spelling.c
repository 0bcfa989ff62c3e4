/* `continuity check --spelling` through the real binary, against a real
 * wiki folder (tests/fixtures/wiki/john-wick.json) and Debian's en_US
 * dictionary, with ENCHANT_CONFIG_DIR set to an empty folder so the
 * user's own dictionary cannot change the answers. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-test-cli.h"
#include "ct-test-wiki.h"

static CtTestWiki fixture;
static char *config_dir;

static char *
write_post (const char *name,
            const char *text)
{
  g_autofree char *dir = g_build_filename (fixture.folder, "posts", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
test_misspelt (void)
{
  g_autofree char *path = write_post ("typos.md",
                                      "---\ntitle: Typos\n---\n# Stahelski’s Parabellum\n\n"
                                      "[[Rooney]] fights in Hallstatt; the choreografy is\n"
                                      "`qwzxfrob()` and https://qwzx.example are not prose, but this revew is.\n");
  g_autofree char *first = g_strdup_printf ("%s:6:37: spelling: choreografy (suggestions: choreography", path);
  g_autofree char *second = g_strdup_printf ("%s:7:63: spelling: revew (suggestions: ", path);
  g_auto(CtRun) run = { 0 };

  ct_run (&run, NULL, "check", "--spelling", path, NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.exit_code, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, first));
  g_assert_nonnull (strstr (run.out, second));
  g_assert_nonnull (strstr (run.out, "review"));
  /* only those two: the wiki's words, code and the URL are not flagged */
  g_assert_cmpuint (count_lines (run.out), ==, 2);
  g_assert_nonnull (strstr (run.err, "continuity: 2 misspelt word(s)"));
  g_unlink (path);
}

static void
test_clean (void)
{
  g_autofree char *path = write_post ("clean.md", "# Clean\n\n[[Rooney]] is Macarro, in Prague.\n");
  g_auto(CtRun) run = { 0 };
  g_auto(CtRun) plain = { 0 };
  g_autofree char *typo = write_post ("typo-only.md", "A revew.\n");

  ct_run (&run, NULL, "check", "--spelling", path, NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.exit_code, ==, 0);

  /* without --spelling, a typo is not a problem */
  ct_run (&plain, NULL, "check", typo, NULL);
  g_assert_cmpstr (plain.out, ==, "");
  g_assert_cmpint (plain.exit_code, ==, 0);
  g_unlink (path);
  g_unlink (typo);
}

static void
test_no_dictionary (void)
{
  g_autofree char *path = write_post ("klingon.md", "---\nlang: tlh\n---\nQapla'\n");
  g_auto(CtRun) run = { 0 };

  ct_run (&run, NULL, "check", "--spelling", path, NULL);
  g_assert_cmpint (run.exit_code, ==, 1);
  g_assert_nonnull (strstr (run.out, "No spelling dictionary for “tlh” is installed"));
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  int status;

  config_dir = g_dir_make_tmp ("ct-spell-cli-XXXXXX", NULL);
  g_setenv ("ENCHANT_CONFIG_DIR", config_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  ct_test_wiki_init (&fixture, "john-wick.json");
  g_test_add_func ("/cli/spelling/misspelt", test_misspelt);
  g_test_add_func ("/cli/spelling/clean", test_clean);
  g_test_add_func ("/cli/spelling/no-dictionary", test_no_dictionary);
  status = g_test_run ();

  ct_test_wiki_clear (&fixture);
  ct_test_rmtree (config_dir);
  g_free (config_dir);
  return status;
}
