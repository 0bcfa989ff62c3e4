#define G_LOG_DOMAIN "ct-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>

#include "ct-cli-private.h"
#include "ct-diagnostic.h"

static const CtCliCommand commands[] = {
  { "export", ct_cli_export, N_("Render one post to HTML or Markdown") },
  { "dump", ct_cli_dump, N_("Write the wiki's entities and credits as JSON") },
  { "import", ct_cli_import, N_("Merge entities and credits from JSON into the wiki") },
  { "new", ct_cli_new, N_("Create a wiki (optionally the sample universe)") },
  { "check", ct_cli_check, N_("Report broken references in posts and entity notes") },
  { "site", ct_cli_site, N_("Export the whole wiki and its posts as a static HTML site") },
};

static const CtCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

gboolean
ct_cli_handles (int    argc,
                char **argv)
{
  if (argc < 2)
    return FALSE;
  return find_command (argv[1]) != NULL
      || g_str_equal (argv[1], "--version")
      || g_str_equal (argv[1], "--help")
      || g_str_equal (argv[1], "-h")
      || g_str_equal (argv[1], "help");
}

static void
print_help (void)
{
  printf (_("Usage:\n"
            "  continuity [FILE.md…]              open files in the editor\n"
            "  continuity COMMAND [OPTION…]       run a command without a window\n"
            "\n"
            "Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    printf ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  printf (_("\n"
            "Run “continuity COMMAND --help” for the options of a command.\n"
            "Exit status: 0 success, 1 failure or errors found, 2 bad usage.\n"));
}

void
ct_cli_fail (const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "continuity: %s\n", message);
}

gboolean
ct_cli_parse (const char    *command,
              const char    *parameter_string,
              const char    *summary,
              GOptionEntry  *entries,
              int           *argc,
              char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  /* GOption prints g_get_prgname() before the parameters: make it
   * "continuity COMMAND" rather than the binary's path. */
  g_autofree char *prgname = g_strdup_printf ("continuity %s", command);
  g_set_prgname (prgname);
  context = g_option_context_new (parameter_string);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      ct_cli_fail ("%s", error->message);
      fputs (help, stderr);
      return FALSE;
    }

  return TRUE;
}

char *
ct_cli_read_input (const char  *path,
                   gsize       *length,
                   GError     **error)
{
  char *contents = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      /* keep it nul-terminated for callers that want a C string */
      *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
      contents = g_malloc (*length + 1);
      memcpy (contents, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), *length);
      contents[*length] = '\0';
      return contents;
    }

  if (!g_file_get_contents (path, &contents, length, error))
    return NULL;

  return contents;
}

gboolean
ct_cli_write_output (const char  *path,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  if (path == NULL || g_str_equal (path, "-"))
    {
      /* Straight to the file descriptor after what stdio holds: a page of
       * several megabytes gains nothing from going through stdio's
       * buffer, which would be allocated and copied through for it. */
      gsize done = 0;

      if (fflush (stdout) != 0)
        goto failed;
      while (done < length)
        {
          gssize n = write (STDOUT_FILENO, data + done, length - done);

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            goto failed;
          done += n;
        }
      return TRUE;

    failed:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not write to standard output: %s", g_strerror (errno));
      return FALSE;
    }

  /* g_file_set_contents writes a temporary file and renames it: an
   * interrupted export never leaves half a file behind. */
  return g_file_set_contents (path, data, length, error);
}

CtWiki *
ct_cli_open_wiki (const char       *wiki_dir,
                  CtWikiOpenFlags   flags,
                  GError          **error)
{
  g_autofree char *found = NULL;

  if (wiki_dir == NULL)
    {
      g_autofree char *cwd = g_get_current_dir ();

      found = ct_wiki_find_folder (cwd);
      if (found == NULL)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                       _("No wiki here: neither %s nor a folder above it holds %s. Use --wiki DIR, or create one with “continuity new DIR”."),
                       cwd, CT_WIKI_DB_NAME);
          return NULL;
        }
      wiki_dir = found;
    }
  return ct_wiki_open (wiki_dir, flags, error);
}

CtWiki *
ct_cli_open_wiki_indexed (const char   *wiki_dir,
                          GHashTable  **post_files,
                          GError      **error)
{
  g_autoptr(CtWiki) wiki = NULL;
  gboolean current = FALSE;

  /* Most runs find the posts indexed already. A read-only connection
   * tells, and is cheaper to open (the connection that inspected the
   * file reads; no writer, no backup due-check), a fifth of a `site`
   * with nothing to do; the wiki is opened for writing only to index.
   * Anything the read-only open cannot do (an older format to upgrade, a
   * wiki that is not there) is left to that open, which says why. */
  wiki = ct_cli_open_wiki (wiki_dir, CT_WIKI_OPEN_READ_ONLY, NULL);
  if (wiki != NULL && ct_wiki_posts_indexed (wiki, &current, post_files, NULL) && current)
    return g_steal_pointer (&wiki);
  g_clear_object (&wiki);

  wiki = ct_cli_open_wiki (wiki_dir, CT_WIKI_OPEN_DEFAULT, error);
  if (wiki == NULL)
    return NULL;
  if (!ct_wiki_is_read_only (wiki) && !ct_wiki_index_posts (wiki, NULL, error))
    return NULL;
  return g_steal_pointer (&wiki);
}

CtWiki *
ct_cli_find_wiki (const char  *wiki_dir,
                  const char  *file,
                  GError     **error)
{
  g_autofree char *found = NULL;

  if (wiki_dir != NULL)
    return ct_wiki_open (wiki_dir, CT_WIKI_OPEN_READ_ONLY, error);

  if (file == NULL || g_str_equal (file, "-"))
    {
      g_autofree char *cwd = g_get_current_dir ();
      found = ct_wiki_find_folder (cwd);
    }
  else
    found = ct_wiki_find_folder (file);

  if (found == NULL)
    return NULL;
  return ct_wiki_open (found, CT_WIKI_OPEN_READ_ONLY, error);
}

guint
ct_cli_print_diagnostics (FILE       *out,
                          const char *path,
                          GPtrArray  *diagnostics)
{
  guint errors = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      CtDiagnostic *d = g_ptr_array_index (diagnostics, i);

      fprintf (out, "%s:%u:%u: %s: %s\n", path, d->line, d->column,
               ct_severity_to_string (d->severity), d->message);
      if (d->severity == CT_SEVERITY_ERROR)
        errors++;
    }
  return errors;
}

int
ct_cli_main (int    argc,
             char **argv)
{
  const CtCliCommand *command;

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("continuity %s\n", PACKAGE_VERSION);
      return CT_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help ();
      return CT_EXIT_OK;
    }

  command = find_command (argv[1]);
  g_assert (command != NULL);

  /* argv[0] becomes the subcommand so GOptionContext prints its name. */
  return command->run (argc - 1, argv + 1);
}
