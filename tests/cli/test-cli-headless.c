/* Headless commands must not load the GUI stack: the continuity binary
 * links only the core and the CLI, and GTK, libadwaita, GtkSourceView and
 * WebKit come in with continuity-gui.so only when a window is wanted
 * (docs/decisions.md). The dynamic loader itself reports what it loads
 * (LD_DEBUG=libs), so a stray link or a dlopen from a command fails here. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

static const char * const gui_libraries[] = {
  "libgtk", "libwebkit", "libjavascriptcore", "libadwaita", "libgtksourceview", "libgdk",
};

/* Opened only by the command that needs them: libarchive (and the ICU it
 * links) when a Letterboxd zip is read (ct-archive.c), enchant (and its
 * providers) when spelling is checked (ct-spell-enchant.c). */
static const char * const on_demand_libraries[] = {
  "libarchive", "libicu", "libenchant", "libhunspell",
};

/* The stderr of one run with LD_DEBUG=libs; the run must succeed unless
 * @any_status. */
static char *
loader_log_status (const char * const *argv,
                   const char         *input,
                   gboolean            any_status)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                               | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *err = NULL;

  g_subprocess_launcher_setenv (launcher, "LD_DEBUG", "libs", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (!any_status)
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return err;
}

static char *
loader_log (const char * const *argv,
            const char         *input)
{
  return loader_log_status (argv, input, FALSE);
}

static void
assert_headless (const char *log)
{
  /* the loader did report: without this the test could not fail */
  g_assert_nonnull (strstr (log, "libsqlite3"));
  g_assert_nonnull (strstr (log, "libcmark"));
  for (guint i = 0; i < G_N_ELEMENTS (gui_libraries); i++)
    if (strstr (log, gui_libraries[i]) != NULL)
      g_error ("a headless command loaded %s:\n%s", gui_libraries[i], log);
  for (guint i = 0; i < G_N_ELEMENTS (on_demand_libraries); i++)
    if (strstr (log, on_demand_libraries[i]) != NULL)
      g_error ("a command that reads no zip loaded %s:\n%s", on_demand_libraries[i], log);
}

static void
test_export (void)
{
  const char *argv[] = { g_getenv ("CT_CONTINUITY_BIN"), "export", "--format", "fragment", "-", NULL };
  g_autofree char *log = loader_log (argv, "# Heading\n\nSome *text* and [[A reference]].\n");

  assert_headless (log);
}

/* With a wiki: SQLite reads it, and still nothing else comes in. */
static void
test_export_with_wiki (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ct-test-headless-XXXXXX", NULL);
  g_autofree char *wiki = g_build_filename (folder, "sample", NULL);
  const char *new_argv[] = { g_getenv ("CT_CONTINUITY_BIN"), "new", "--sample", wiki, NULL };
  const char *argv[] = { g_getenv ("CT_CONTINUITY_BIN"), "export", "--wiki", wiki, "--format", "fragment", "-", NULL };
  g_autofree char *created = NULL;
  g_autofree char *log = NULL;

  g_assert_nonnull (folder);
  created = loader_log (new_argv, NULL);
  log = loader_log (argv, "A review of [[Ballerina]] and [[Rooney]].\n");
  assert_headless (log);

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", folder);
    g_assert_cmpint (system (rm), ==, 0);
  }
}

/* The other side of the on-demand list: checking spelling does load
 * enchant, so its absence elsewhere is the loader's word, not a name this
 * test got wrong. */
static void
test_spelling_loads_enchant (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ct-test-headless-XXXXXX", NULL);
  g_autofree char *post = g_build_filename (folder, "post.md", NULL);
  const char *argv[] = { g_getenv ("CT_CONTINUITY_BIN"), "check", "--spelling", post, NULL };
  g_autofree char *log = NULL;

  g_assert_true (g_file_set_contents (post, "A short review.\n", -1, NULL));
  /* the exit status depends on the dictionaries installed; loading does not */
  log = loader_log_status (argv, NULL, TRUE);
  g_assert_nonnull (strstr (log, "libenchant"));
  g_assert_null (strstr (log, "libgtk"));

  g_assert_cmpint (g_unlink (post), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_version (void)
{
  const char *argv[] = { g_getenv ("CT_CONTINUITY_BIN"), "--version", NULL };
  g_autofree char *log = loader_log (argv, NULL);

  assert_headless (log);
}

/* The other half: without a subcommand the module must load, with every
 * symbol it needs found in the executable (the core) or in the libraries
 * it links. LD_BIND_NOW makes the loader resolve all of them up front, so
 * a core function missing from the executable, or a library the module
 * forgot to link, fails here rather than in a user's session. Without a
 * display GTK stops at once, which shows the GUI's entry was reached. */
static void
test_gui_module_loads (void)
{
  const char *argv[] = { g_getenv ("CT_CONTINUITY_BIN"), "--help-gapplication", NULL };
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_launcher_setenv (launcher, "LD_BIND_NOW", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  if (strstr (err, "cannot start the window") != NULL)
    g_error ("the GUI module did not load: %s", err);
  g_assert_nonnull (strstr (err, "cannot open display"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/headless/export", test_export);
  g_test_add_func ("/cli/headless/version", test_version);
  g_test_add_func ("/cli/headless/gui-module-loads", test_gui_module_loads);
  g_test_add_func ("/cli/headless/export-with-wiki", test_export_with_wiki);
  g_test_add_func ("/cli/headless/spelling-loads-enchant", test_spelling_loads_enchant);

  return g_test_run ();
}
