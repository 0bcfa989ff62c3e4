#define G_LOG_DOMAIN "ct-cli-letterboxd"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-private.h"
#include "ct-letterboxd.h"

/* continuity import --letterboxd EXPORT.zip|DIR: the import itself is in
 * core (ct_letterboxd_import); this prints what it did, one fact a line,
 * so a script can read it. */

int
ct_cli_import_letterboxd (const char *export_path,
                          const char *wiki_dir,
                          int         argc)
{
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtLetterboxdReport) report = NULL;

  if (argc != 1)
    {
      ct_cli_fail (_("import --letterboxd takes the export (a .zip or its folder) and no other file; see “continuity import --help”"));
      return CT_EXIT_USAGE;
    }

  wiki = ct_cli_open_wiki (wiki_dir, CT_WIKI_OPEN_DEFAULT, &error);
  if (wiki == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }
  report = ct_letterboxd_import (wiki, export_path, NULL, NULL, NULL, &error);
  if (report == NULL)
    {
      /* "reviews.csv:12: a quoted field is never closed." */
      ct_cli_fail ("%s: %s", export_path, error->message);
      return CT_EXIT_FAILURE;
    }

  g_print (_("Films: %u added, %u already in the wiki\n"), report->films_added, report->films_reused);
  g_print (_("Posts: %u written, %u updated, %u unchanged, %u skipped because you edited them\n"),
           report->posts_written, report->posts_updated, report->posts_unchanged, report->posts_edited);
  for (guint i = 0; i < report->edited_paths->len; i++)
    g_print (_("Skipped (edited since the last import): %s\n"),
             (const char *) g_ptr_array_index (report->edited_paths, i));
  return CT_EXIT_OK;
}
