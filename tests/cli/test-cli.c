/* Tests of the headless interface (DESIGN §8), through the real binary. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-test-cli.h"

static void
test_version (void)
{
  g_auto(CtRun) run = { 0 };

  ct_run (&run, NULL, "--version", NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.out, ==, "continuity " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(CtRun) run = { 0 };

  ct_run (&run, NULL, "--help", NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_nonnull (strstr (run.out, "export"));
  g_assert_cmpstr (run.err, ==, "");
}

/* Each command's --help names it once, after the program's name. */
static void
test_command_help (void)
{
  g_auto(CtRun) run = { 0 };

  ct_run (&run, NULL, "export", "--help", NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_nonnull (strstr (run.out, "continuity export [OPTION…] FILE.md|-\n"));
  g_assert_null (strstr (run.out, "export export"));
}

static void
test_export_stdin_fragment (void)
{
  g_auto(CtRun) run = { 0 };

  ct_run (&run, "# Ballerina\n\n*Rooney*\n", "export", "--format", "fragment", "-", NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.out, ==, "<h1>Ballerina</h1>\n<p><em>Rooney</em></p>\n");
}

static void
test_export_to_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ct-cli-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (dir, "post.md", NULL);
  g_autofree char *out = g_build_filename (dir, "post.html", NULL);
  g_autofree char *html = NULL;
  g_auto(CtRun) run = { 0 };

  g_assert_true (g_file_set_contents (in, "# Post\n", -1, NULL));
  ct_run (&run, NULL, "export", "-o", out, in, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<title>Post</title>"));

  g_unlink (in);
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_export_bad_usage (void)
{
  g_auto(CtRun) no_file = { 0 };
  g_auto(CtRun) bad_format = { 0 };
  g_auto(CtRun) bad_option = { 0 };

  ct_run (&no_file, NULL, "export", NULL);
  g_assert_cmpint (no_file.exit_code, ==, 2);

  ct_run (&bad_format, "x", "export", "--format", "pdf", "-", NULL);
  g_assert_cmpint (bad_format.exit_code, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "pdf"));

  ct_run (&bad_option, "x", "export", "--frobnicate", "-", NULL);
  g_assert_cmpint (bad_option.exit_code, ==, 2);
}

static void
test_export_theme (void)
{
  g_auto(CtRun) print = { 0 };
  g_auto(CtRun) bad_theme = { 0 };

  ct_run (&print, "# Post\n", "export", "--theme", "print", "-", NULL);
  g_assert_cmpint (print.exit_code, ==, 0);
  g_assert_true (g_str_has_prefix (print.out, "<!DOCTYPE html>\n<html class=\"light print\">"));

  ct_run (&bad_theme, "x", "export", "--theme", "sepia", "-", NULL);
  g_assert_cmpint (bad_theme.exit_code, ==, 2);
  g_assert_nonnull (strstr (bad_theme.err, "sepia"));
}

static void
test_export_failures (void)
{
  g_auto(CtRun) missing = { 0 };
  g_auto(CtRun) latin1 = { 0 };

  ct_run (&missing, NULL, "export", "/nonexistent/post.md", NULL);
  g_assert_cmpint (missing.exit_code, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "continuity: "));
  g_assert_nonnull (strstr (missing.err, "/nonexistent/post.md"));

  ct_run (&latin1, "caf\xe9\n", "export", "-", NULL);
  g_assert_cmpint (latin1.exit_code, ==, 1);
  g_assert_nonnull (strstr (latin1.err, "UTF-8"));
  g_assert_cmpstr (latin1.out, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/command-help", test_command_help);
  g_test_add_func ("/cli/export/stdin-fragment", test_export_stdin_fragment);
  g_test_add_func ("/cli/export/to-file", test_export_to_file);
  g_test_add_func ("/cli/export/bad-usage", test_export_bad_usage);
  g_test_add_func ("/cli/export/failures", test_export_failures);
  g_test_add_func ("/cli/export/theme", test_export_theme);

  return g_test_run ();
}
