#define G_LOG_DOMAIN "ct-cli-new"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ct-cli-private.h"

int
ct_cli_new (int    argc,
            char **argv)
{
  gboolean sample = FALSE;
  GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, &sample, N_("Fill it with the sample John Wick universe"), NULL },
    { NULL }
  };
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) posts = NULL;

  if (!ct_cli_parse ("new", "DIR", _("Create a wiki in DIR (made if missing)."), entries, &argc, &argv))
    return CT_EXIT_USAGE;
  if (argc != 2)
    {
      ct_cli_fail (_("new takes one folder; see “continuity new --help”"));
      return CT_EXIT_USAGE;
    }

  wiki = sample ? ct_wiki_create_sample (argv[1], &error) : ct_wiki_create (argv[1], &error);
  if (wiki == NULL
      || (entities = ct_wiki_list_entities (wiki, -1, &error)) == NULL
      || (posts = ct_wiki_list_posts (wiki, &error)) == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }

  printf (_("Created the wiki %s with %u entities and %u posts.\n"),
          ct_wiki_get_folder (wiki), entities->len, posts->len);
  return CT_EXIT_OK;
}
