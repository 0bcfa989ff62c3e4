#define G_LOG_DOMAIN "ct-cli-dump"

#include "config.h"

#include <unistd.h>
#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>

#include "ct-cli-private.h"

/* Streams the dump to @output (or standard output) as it is read. A file
 * is written through g_file_replace(): a temporary file renamed into place
 * on success, so a failed dump never leaves half a file behind. */
static gboolean
dump_to (CtWiki      *wiki,
         const char  *output,
         GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) replace = NULL;
  g_autoptr(GCancellable) abandon = NULL;

  if (output == NULL || g_str_equal (output, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!ct_wiki_dump_to_stream (wiki, out, error))
        return FALSE;
      if (!g_output_stream_close (out, NULL, error))
        {
          g_prefix_error (error, _("Could not write to standard output: "));
          return FALSE;
        }
      return TRUE;
    }

  file = g_file_new_for_commandline_arg (output);
  replace = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (replace == NULL)
    return FALSE;
  if (ct_wiki_dump_to_stream (wiki, G_OUTPUT_STREAM (replace), error))
    return g_output_stream_close (G_OUTPUT_STREAM (replace), NULL, error);

  /* Closing with a cancelled cancellable drops the temporary file and
   * keeps whatever was at @output before. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (replace), abandon, NULL);
  return FALSE;
}

int
ct_cli_dump (int    argc,
             char **argv)
{
  g_autofree char *wiki_dir = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "wiki", 0, 0, G_OPTION_ARG_FILENAME, &wiki_dir, N_("The wiki folder (default: the one holding the current folder)"), N_("DIR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write here instead of standard output"), N_("FILE.json") },
    { NULL }
  };
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GError) error = NULL;

  if (!ct_cli_parse ("dump", "", _("Write the wiki's entities and credits as JSON, sorted and stable."),
                     entries, &argc, &argv))
    return CT_EXIT_USAGE;
  if (argc != 1)
    {
      ct_cli_fail (_("dump takes no file arguments; use -o FILE to write to a file"));
      return CT_EXIT_USAGE;
    }

  /* Read-only: a dump never changes the wiki, and works on a wiki from a
   * newer Continuity too. */
  wiki = ct_cli_open_wiki (wiki_dir, CT_WIKI_OPEN_READ_ONLY, &error);
  if (wiki == NULL || !dump_to (wiki, output, &error))
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }
  return CT_EXIT_OK;
}
