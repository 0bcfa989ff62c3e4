/* test-recovery-process.c — the real binary, as a separate process: typed
 * into without a pause, killed with SIGKILL mid-typing, started again at
 * once. Everything but the last autosave interval comes back, the second
 * start never fails to register on the bus, and the file named on the
 * command line is in front of the tab restored from a draft.
 *
 * The app is driven through test-only application actions over D-Bus
 * (src/app/ct-application-test-hooks.c, on with CONTINUITY_TEST_HOOKS=1).
 * run-ui-test gives this program (and so the app) a display, a session
 * bus and a private HOME. */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#define APP_PATH "/io/github/continuity/Continuity"
/* What may be lost beyond the autosave interval itself: the draft is
 * written by a worker, durably (fsync), on a busy 2-core machine. */
#define SLACK_USEC (2 * G_USEC_PER_SEC)

typedef struct {
  GDBusConnection *bus;
  char            *dir;
  char            *dump_path;
} Fixture;

static GSubprocess *
start_app (const char *path)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_setenv (launcher, "CONTINUITY_TEST_HOOKS", "1", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("CT_CONTINUITY_BIN"), path, NULL);
  g_assert_no_error (error);
  return process;
}

static gboolean
activate (Fixture    *f,
          const char *action,
          const char *argument)
{
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder params;

  g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&params, "v", g_variant_new_string (argument));
  reply = g_dbus_connection_call_sync (f->bus, APP_ID, APP_PATH, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", action, &params, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, 10000, NULL, NULL);
  return reply != NULL;
}

/* What the app's window holds: (selected URI, [(URI, text, modified)]),
 * or NULL while the app is not up yet. */
static GVariant *
dump (Fixture *f)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *value;

  g_unlink (f->dump_path);
  if (!activate (f, "test-dump", f->dump_path) ||
      !g_file_get_contents (f->dump_path, &text, NULL, NULL))
    return NULL;
  value = g_variant_parse (G_VARIANT_TYPE ("(sa(ssb))"), text, NULL, NULL, &error);
  g_assert_no_error (error);
  return value;
}

static char *
page_text (GVariant   *state,
           const char *uri)
{
  g_autoptr(GVariantIter) pages = NULL;
  const char *page_uri, *text;
  gboolean modified;

  g_variant_get (state, "(&sa(ssb))", NULL, &pages);
  while (g_variant_iter_next (pages, "(&s&sb)", &page_uri, &text, &modified))
    if (g_strcmp0 (page_uri, uri) == 0)
      return g_strdup (text);
  return NULL;
}

static gboolean
page_text_is (GVariant   *state,
              const char *uri,
              const char *expected)
{
  g_autofree char *text = page_text (state, uri);

  return g_strcmp0 (text, expected) == 0;
}

static void
stop (GSubprocess *process)
{
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
}

static void
test_kill_and_restart (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *typed_path = g_build_filename (f->dir, "typed.md", NULL);
  g_autofree char *named_path = g_build_filename (f->dir, "named.md", NULL);
  g_autoptr(GFile) typed_file = g_file_new_for_path (typed_path);
  g_autoptr(GFile) named_file = g_file_new_for_path (named_path);
  g_autofree char *typed_uri = g_file_get_uri (typed_file);
  g_autofree char *named_uri = g_file_get_uri (named_file);
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, "autosave-interval");
  g_autoptr(GVariant) interval_value = g_settings_schema_key_get_default_value (key);
  const gint64 interval = g_variant_get_uint32 (interval_value) * G_USEC_PER_SEC;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GString) expected = g_string_new ("Typed start.\n");
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *restored = NULL;
  const char *selected;
  gint64 start, killed, deadline;
  guint words, kept, must_keep = 0;

  g_file_set_contents (typed_path, "Typed start.\n", -1, NULL);
  g_file_set_contents (named_path, "Named on the command line.\n", -1, NULL);

  first = start_app (typed_path);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((state = dump (f)) == NULL || (restored = page_text (state, typed_uri)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_clear_pointer (&state, g_variant_unref);
      g_usleep (100000);
    }
  g_clear_pointer (&restored, g_free);
  g_clear_pointer (&state, g_variant_unref);

  /* A word every 100 ms for three intervals and more: steady typing with
   * never a pause as long as the interval. */
  start = g_get_monotonic_time ();
  for (words = 0; g_get_monotonic_time () - start < 3 * interval + G_USEC_PER_SEC; words++)
    {
      g_autofree char *word = g_strdup_printf ("w%03u ", words);
      gint64 now = g_get_monotonic_time ();

      g_assert_true (activate (f, "test-type", word));
      g_array_append_val (times, now);
      g_usleep (100000);
    }
  /* No pause: killed straight after the last key. */
  killed = g_get_monotonic_time ();
  stop (first);

  second = start_app (named_path);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  for (;;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_clear_pointer (&state, g_variant_unref);
      g_clear_pointer (&restored, g_free);
      state = dump (f);
      if (state != NULL && (restored = page_text (state, typed_uri)) != NULL &&
          g_str_has_prefix (restored, "Typed start.\n") && strlen (restored) > strlen ("Typed start.\n") &&
          page_text_is (state, named_uri, "Named on the command line.\n"))
        break;
      g_usleep (100000);
    }

  /* The restored text is what was typed, up to some word. */
  g_assert_true (g_str_has_prefix (restored, "Typed start.\n"));
  for (kept = 0; kept < words; kept++)
    {
      g_string_append_printf (expected, "w%03u ", kept);
      if (strlen (restored) < expected->len)
        break;
    }
  g_string_truncate (expected, strlen (restored));
  g_assert_cmpstr (restored, ==, expected->str);
  for (guint i = 0; i < words; i++)
    if (killed - g_array_index (times, gint64, i) > interval + SLACK_USEC)
      must_keep = i + 1;
  g_test_message ("typed %u words over %.1f s; %u came back; the last %.1f s were lost",
                  words, (killed - start) / 1e6, kept,
                  kept < words ? (killed - g_array_index (times, gint64, kept)) / 1e6 : 0.0);
  g_assert_cmpuint (kept, >=, must_keep);
  g_assert_cmpuint (must_keep, >, 0);

  /* The named file is in front, not the tab that came back from a draft. */
  g_variant_get (state, "(&sa(ssb))", &selected, NULL);
  g_assert_cmpstr (selected, ==, named_uri);

  stop (second);
}

/* The first instance still owns the bus name but does not answer (as for
 * a moment after kill -9, or when it hangs): a second one must not hand
 * its file to it and exit, leaving the user with no window. */
static void
test_primary_not_answering (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "second.md", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GVariant) state = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean alive;
  pid_t first_pid;

  g_file_set_contents (path, "Second.\n", -1, NULL);
  first = start_app (path);
  while ((state = dump (f)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100000);
    }
  first_pid = atoi (g_subprocess_get_identifier (first));
  kill (first_pid, SIGSTOP);

  second = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("CT_CONTINUITY_BIN"), path, NULL);
  g_assert_no_error (error);
  /* The ping waits 5 s for an answer; then the second starts on its own
   * and keeps running (a remote instance would have exited by now). */
  deadline = g_get_monotonic_time () + 12 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline && g_subprocess_get_identifier (second) != NULL)
    g_usleep (200000);
  alive = g_subprocess_get_identifier (second) != NULL;

  /* Never leave a stopped process behind, whatever the outcome. */
  kill (first_pid, SIGCONT);
  stop (first);
  if (alive)
    g_subprocess_force_exit (second);
  g_subprocess_communicate_utf8 (second, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (alive);
  if (strstr (err, "does not answer") == NULL)
    g_test_message ("second instance said: %s", err);
  g_assert_nonnull (strstr (err, "does not answer"));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("ct-test-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  f->dump_path = g_build_filename (f->dir, "dump.txt", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->dump_path);
  g_clear_object (&f->bus);
}

int
main (int    argc,
      char **argv)
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: WebKit's sandbox in the app needs the
   * XDG folders to exist; run-ui-test already gives a private HOME. */
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/recovery-process/kill-and-restart", Fixture, NULL,
              fixture_setup, test_kill_and_restart, fixture_teardown);
  g_test_add ("/ui/recovery-process/primary-not-answering", Fixture, NULL,
              fixture_setup, test_primary_not_answering, fixture_teardown);
  return g_test_run ();
}
