#define G_LOG_DOMAIN "ct-cli-site"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "ct-cli-private.h"
#include "ct-site.h"

/* `continuity site`: the whole wiki and its posts as a static HTML site
 * (docs/site.md). The work is ct_site_export; this parses options, brings
 * the post index up to date and shows progress on a terminal. */

static void
print_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  /* one line, redrawn; only on a terminal (see below) */
  fputc ('\r', stderr);
  fprintf (stderr, _("continuity: %u of %u pages"), done, total);
  if (done == total)
    fputc ('\n', stderr);
  fflush (stderr);
}

int
ct_cli_site (int    argc,
             char **argv)
{
  g_autofree char *wiki_dir = NULL;
  g_autofree char *output = NULL;
  gboolean drafts = FALSE;
  int jobs = 0;
  GOptionEntry entries[] = {
    { "wiki", 0, 0, G_OPTION_ARG_FILENAME, &wiki_dir, N_("The wiki folder (default: found from the current folder)"), N_("DIR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The folder to write the site in (created if missing)"), N_("OUTDIR") },
    { "jobs", 0, 0, G_OPTION_ARG_INT, &jobs, N_("Pages rendered in parallel (default: one per CPU)"), N_("N") },
    { "drafts", 0, 0, G_OPTION_ARG_NONE, &drafts, N_("Include posts marked as drafts"), NULL },
    { NULL }
  };
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GHashTable) post_files = NULL;
  g_autoptr(GError) error = NULL;
  CtSiteOptions options = { 0 };
  CtSiteStats stats = { 0 };

  if (!ct_cli_parse ("site", "-o OUTDIR",
                     _("Export the whole wiki and its posts as a static HTML site.\n"
                       "OUTDIR must be new, empty, or a site made by this command before."),
                     entries, &argc, &argv))
    return CT_EXIT_USAGE;

  if (argc != 1)
    {
      ct_cli_fail (_("site takes no file names; see “continuity site --help”"));
      return CT_EXIT_USAGE;
    }
  if (output == NULL || *output == '\0')
    {
      ct_cli_fail (_("site needs an output folder: -o OUTDIR"));
      return CT_EXIT_USAGE;
    }
  if (jobs < 0 || jobs > 1024)
    {
      ct_cli_fail (_("--jobs must be between 1 and 1024"));
      return CT_EXIT_USAGE;
    }

  /* the posts as the index check just read them: a rerun need not
   * stat them again to tell they are unchanged */
  wiki = ct_cli_open_wiki_indexed (wiki_dir, &post_files, &error);
  if (wiki == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }

  options.output_dir = output;
  options.jobs = (guint) jobs;
  options.drafts = drafts;
  options.post_files = post_files;
  if (!ct_site_export (wiki, &options, isatty (STDERR_FILENO) ? print_progress_cb : NULL, NULL,
                       NULL, &stats, &error))
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }
  /* With the progress, on a terminal only: scripts rely on a site export
   * printing nothing unless it fails (docs/cli.md). */
  if (isatty (STDERR_FILENO))
    fprintf (stderr, _("continuity: %u files written, %u kept (unchanged), %u removed\n"),
             stats.pages, stats.kept, stats.removed);
  return CT_EXIT_OK;
}
