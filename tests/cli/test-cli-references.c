/* `continuity check` and `continuity export` with references, through the
 * real binary against a real wiki folder (tests/fixtures/wiki/refs.json). */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-test-cli.h"
#include "ct-test-wiki.h"

static CtTestWiki fixture;
static char *good_post;
static char *bad_post;

static const char good_text[] =
  "---\ntitle: Good\n---\n# Good\n\n[[Rooney]] in {{fact: Ballerina | release_date}}.\n\n{{cast: Ballerina}}\n";
static const char bad_text[] =
  "# Bad\n\nSee [[Rooney]] and\n    [[Nobody]] for {{fact: Ballerina | sequel}}.\n";

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
assert_line (const char *output,
             const char *line)
{
  g_autofree char *with_break = g_strdup_printf ("%s\n", line);

  if (strstr (output, with_break) == NULL)
    g_error ("missing line “%s” in:\n%s", line, output);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* A file's wiki is found from its folder; positions are the reference's. */
static void
test_check_file (void)
{
  g_auto(CtRun) good = { 0 };
  g_auto(CtRun) bad = { 0 };
  g_autofree char *unknown = g_strdup_printf ("%s:4:5: error: No entity in the wiki is titled or aliased “Nobody”", bad_post);
  g_autofree char *rumored = g_strdup_printf ("%s:4:20: warning: The fact “sequel” of “Ballerina” is rumored, "
                                              "not confirmed; the output marks it so", bad_post);

  ct_run (&good, NULL, "check", good_post, NULL);
  g_assert_cmpstr (good.out, ==, "");
  g_assert_cmpstr (good.err, ==, "");
  g_assert_cmpint (good.exit_code, ==, 0);

  ct_run (&bad, NULL, "check", bad_post, good_post, NULL);
  g_assert_cmpint (bad.exit_code, ==, 1);
  assert_line (bad.out, unknown);
  assert_line (bad.out, rumored);
  g_assert_cmpuint (count_lines (bad.out), ==, 2);
  assert_line (bad.err, "continuity: 1 error(s), 1 warning(s)");
}

/* Without files: every post, then every entity's notes as wiki:TITLE. */
static void
test_check_wiki (void)
{
  g_auto(CtRun) run = { 0 };
  g_autofree char *unknown = g_strdup_printf ("%s:4:5: error: No entity in the wiki is titled or aliased “Nobody”", bad_post);

  ct_run (&run, NULL, "check", "--wiki", fixture.folder, NULL);
  g_assert_cmpint (run.exit_code, ==, 1);
  assert_line (run.out, unknown);
  assert_line (run.out, "wiki:Mirror:3:1: error: The notes of “Mirror” embed themselves through templates, "
                        "so they are shown only once");
  /* as a document of its own, Chain A's notes nest three deep: allowed */
  g_assert_null (strstr (run.out, "wiki:Chain"));
  /* posts come first, sorted by path */
  g_assert_true (strstr (run.out, bad_post) < strstr (run.out, "wiki:"));
  g_assert_null (strstr (run.out, good_post));
}

static void
test_check_without_wiki (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ct-nowiki-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lone.md", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:1:5: warning: No wiki is open, so “Rooney” cannot be looked up", path);
  g_auto(CtRun) run = { 0 };

  g_file_set_contents (path, "See [[Rooney]] {{nosuch}}\n", -1, NULL);
  ct_run (&run, NULL, "check", path, NULL);
  assert_line (run.out, expected);
  /* what needs no wiki is still checked */
  g_assert_nonnull (strstr (run.out, ":1:16: error: There is no template “nosuch”"));
  g_assert_cmpint (run.exit_code, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The sample wiki's posts and notes use the reference language cleanly. */
static void
test_check_sample (void)
{
  g_autofree char *parent = g_dir_make_tmp ("ct-sample-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (parent, "sample", NULL);
  g_auto(CtRun) created = { 0 };
  g_auto(CtRun) run = { 0 };

  ct_run (&created, NULL, "new", dir, "--sample", NULL);
  g_assert_cmpint (created.exit_code, ==, 0);
  ct_run (&run, NULL, "check", "--wiki", dir, NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.exit_code, ==, 0);

  remove_tree (parent);
}

/* The timeline's data problems come after the notes', as wiki:TITLE. */
static void
test_check_timeline (void)
{
  g_autofree char *parent = g_dir_make_tmp ("ct-cycle-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (parent, "cycle", NULL);
  g_autofree char *json = g_build_filename (parent, "cycle.json", NULL);
  g_auto(CtRun) created = { 0 };
  g_auto(CtRun) imported = { 0 };
  g_auto(CtRun) run = { 0 };

  g_file_set_contents (json,
                       "{ \"format\": \"continuity-wiki\", \"version\": 1, \"entities\": ["
                       "{ \"kind\": \"film\", \"title\": \"One\", \"facts\": [ { \"key\": \"set_after\", \"entity\": \"Two\" } ] },"
                       "{ \"kind\": \"film\", \"title\": \"Two\", \"facts\": [ { \"key\": \"set_after\", \"entity\": \"One\" } ] }"
                       "] }", -1, NULL);
  ct_run (&created, NULL, "new", dir, NULL);
  g_assert_cmpint (created.exit_code, ==, 0);
  ct_run (&imported, NULL, "import", "--wiki", dir, json, NULL);
  g_assert_cmpint (imported.exit_code, ==, 0);
  ct_run (&run, NULL, "check", "--wiki", dir, NULL);
  g_assert_cmpstr (run.out, ==, "wiki:One: error: “One” is set after “Two”, which is set after “One”: "
                                "these films have no in-universe order. Remove one set_after or set_before.\n");
  g_assert_cmpint (run.exit_code, ==, 1);

  remove_tree (parent);
}

static void
test_export_resolves (void)
{
  g_auto(CtRun) run = { 0 };

  ct_run (&run, NULL, "export", "--format", "fragment", good_post, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "<span class=\"ct-ref ct-kind-character\" title=\"A Ruska Roma assassin.\">Rooney</span>"));
  g_assert_nonnull (strstr (run.out, "<div class=\"ct-cast\">"));
  g_assert_nonnull (strstr (run.out, "<section class=\"ct-footnotes\">"));
}

static void
test_export_markdown_site_url (void)
{
  g_auto(CtRun) run = { 0 };

  ct_run (&run, NULL, "export", "--format", "markdown", "--site-url", "https://example.org/w", good_post, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "---\ntitle: Good\n---\n# Good\n\n"
                                            "[Rooney](https://example.org/w/character/rooney.html) in June 2025.\n"));
  g_assert_nonnull (strstr (run.out, "| Person | Character | Role | Billing |\n"));
}

/* Errors: the output is still written, marked; diagnostics go to stderr
 * and the exit status is 1. */
static void
test_export_errors (void)
{
  g_auto(CtRun) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("%s:4:5: error: No entity in the wiki is titled or aliased “Nobody”", bad_post);

  ct_run (&run, NULL, "export", "--format", "fragment", bad_post, NULL);
  g_assert_cmpint (run.exit_code, ==, 1);
  assert_line (run.err, expected);
  g_assert_nonnull (strstr (run.out, "<span class=\"ct-unresolved\""));
}

/* Standard input finds no wiki from a file, but --wiki gives one. */
static void
test_export_stdin_with_wiki (void)
{
  g_auto(CtRun) run = { 0 };

  ct_run (&run, "[[The ballerina]]\n", "export", "--wiki", fixture.folder, "--format", "fragment", "-", NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.out, ==, "<p><span class=\"ct-ref ct-kind-character\" title=\"A Ruska Roma assassin.\">Rooney</span></p>\n");
}

static void
test_export_refuses_script_site_url (void)
{
  g_auto(CtRun) run = { 0 };

  ct_run (&run, "[[Rooney]]\n", "export", "--site-url", "javascript:alert(1)//", "-", NULL);
  g_assert_cmpint (run.exit_code, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "--site-url"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  ct_test_wiki_init (&fixture, "refs.json");
  good_post = write_post ("good.md", good_text);
  bad_post = write_post ("bad.md", bad_text);

  g_test_add_func ("/cli/check/file", test_check_file);
  g_test_add_func ("/cli/check/wiki", test_check_wiki);
  g_test_add_func ("/cli/check/without-wiki", test_check_without_wiki);
  g_test_add_func ("/cli/check/sample", test_check_sample);
  g_test_add_func ("/cli/export/resolves", test_export_resolves);
  g_test_add_func ("/cli/export/markdown-site-url", test_export_markdown_site_url);
  g_test_add_func ("/cli/export/errors", test_export_errors);
  g_test_add_func ("/cli/export/stdin-with-wiki", test_export_stdin_with_wiki);
  g_test_add_func ("/cli/export/script-site-url", test_export_refuses_script_site_url);
  g_test_add_func ("/cli/check/timeline", test_check_timeline);

  status = g_test_run ();

  g_free (good_post);
  g_free (bad_post);
  ct_test_wiki_clear (&fixture);
  return status;
}
