#include "config.h"

#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ct-test-cli.h"

void
ct_run_clear (CtRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
ct_run (CtRun      *run,
        const char *input,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("CT_CONTINUITY_BIN");
  const char *arg;
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  va_start (args, input);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Standard input comes from a file, not a pipe: a command that fails
   * before reading it (bad usage) exits in a few milliseconds, and writing
   * to a pipe it has closed would kill this test with SIGPIPE. */
  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
    g_autofree char *stdin_path = NULL;
    int fd = g_file_open_tmp ("ct-test-cli-stdin-XXXXXX", &stdin_path, &error);

    g_assert_no_error (error);
    close (fd);
    g_assert_true (g_file_set_contents (stdin_path, input ? input : "", -1, NULL));
    g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
    proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
    g_assert_no_error (error);
    run->exit_code = g_subprocess_get_exit_status (proc);
    g_unlink (stdin_path);
  }
}
