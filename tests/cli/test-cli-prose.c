/* `continuity check` with the prose checks: warnings where the prose
 * contradicts the wiki, hints for unlinked mentions only with --mentions,
 * neither of them an error. Runs the real binary on a wiki built from
 * tests/fixtures/wiki/prose.json. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-test-cli.h"
#include "ct-test-wiki.h"

static CtTestWiki fixture;

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

static void
test_check_prose (void)
{
  g_autofree char *post = write_post ("preview.md",
                                      "---\ntitle: Preview\n---\n"
                                      "[[Ballerina]] opens in July 2025, directed by [[Chad Stahelski]].\n"
                                      "\n"
                                      "`[[Ballerina]] opens in July 2025` is code. Rooney dances.\n");
  g_autofree char *expected = g_strdup_printf ("%s:4:24: warning: Release of “Ballerina”: the wiki says June 2025\n"
                                               "%s:4:47: warning: “Ballerina” is directed by Len Wiseman, the wiki says\n",
                                               post, post);
  g_autofree char *hint = g_strdup_printf ("%s:6:45: hint: “Rooney” is in the wiki: link it?\n", post);
  g_autofree char *with_hints = g_strconcat (expected, hint, NULL);
  g_auto(CtRun) run = { 0 };
  g_auto(CtRun) mentions = { 0 };

  ct_run (&run, NULL, "check", post, NULL);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "continuity: 0 error(s), 2 warning(s)\n");
  /* warnings, not errors: a blog's CI keeps building */
  g_assert_cmpint (run.exit_code, ==, 0);

  ct_run (&mentions, NULL, "check", "--mentions", post, NULL);
  g_assert_cmpstr (mentions.out, ==, with_hints);
  g_assert_cmpstr (mentions.err, ==, "continuity: 0 error(s), 2 warning(s)\n");
  g_assert_cmpint (mentions.exit_code, ==, 0);
  g_unlink (post);
}

static void
test_check_prose_stdin (void)
{
  g_auto(CtRun) run = { 0 };

  ct_run (&run, "[[Keanu Reeves]] as [[Rooney]].\n", "check", "--wiki", fixture.folder, "-", NULL);
  g_assert_cmpstr (run.out, ==, "<stdin>:1:1: warning: The credits give “Rooney” to Ana de Armas\n");
  g_assert_cmpint (run.exit_code, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  ct_test_wiki_init (&fixture, "prose.json");

  g_test_add_func ("/cli/check/prose", test_check_prose);
  g_test_add_func ("/cli/check/prose-stdin", test_check_prose_stdin);

  status = g_test_run ();
  ct_test_wiki_clear (&fixture);
  return status;
}
