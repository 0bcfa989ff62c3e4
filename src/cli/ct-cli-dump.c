#define G_LOG_DOMAIN "ct-cli-dump"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ct-cli-private.h"

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
  g_autofree char *json = NULL;

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
  if (wiki == NULL || (json = ct_wiki_dump (wiki, &error)) == NULL
      || !ct_cli_write_output (output, json, strlen (json), &error))
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }
  return CT_EXIT_OK;
}
