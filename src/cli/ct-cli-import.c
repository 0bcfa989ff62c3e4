#define G_LOG_DOMAIN "ct-cli-import"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-private.h"

int
ct_cli_import (int    argc,
               char **argv)
{
  g_autofree char *wiki_dir = NULL;
  g_autofree char *letterboxd = NULL;
  GOptionEntry entries[] = {
    { "wiki", 0, 0, G_OPTION_ARG_FILENAME, &wiki_dir, N_("The wiki folder (default: the one holding the current folder)"), N_("DIR") },
    { "letterboxd", 0, 0, G_OPTION_ARG_FILENAME, &letterboxd, N_("Import a Letterboxd export (its .zip or unpacked folder): films and a post per review"), N_("EXPORT") },
    { NULL }
  };
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length;

  if (!ct_cli_parse ("import", "FILE.json|-",
                     _("Merge entities and credits from JSON into the wiki, by title. Nothing changes unless all of it can be imported."),
                     entries, &argc, &argv))
    return CT_EXIT_USAGE;
  if (letterboxd != NULL)
    return ct_cli_import_letterboxd (letterboxd, wiki_dir, argc);
  if (argc != 2)
    {
      ct_cli_fail (_("import takes one file (or - for standard input); see “continuity import --help”"));
      return CT_EXIT_USAGE;
    }

  json = ct_cli_read_input (argv[1], &length, &error);
  if (json == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }

  wiki = ct_cli_open_wiki (wiki_dir, CT_WIKI_OPEN_DEFAULT, &error);
  if (wiki == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }
  if (!ct_wiki_import (wiki, json, (gssize) length, &error))
    {
      /* "FILE.json: entities[12].facts[3].entity: no entity titled …" */
      ct_cli_fail ("%s: %s", argv[1], error->message);
      return CT_EXIT_FAILURE;
    }
  return CT_EXIT_OK;
}
