#define G_LOG_DOMAIN "ct-cli-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-private.h"
#include "ct-export.h"

int
ct_cli_export (int    argc,
               char **argv)
{
  g_autofree char *wiki_dir = NULL;
  g_autofree char *format = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *site_url = NULL;
  g_autofree char *output = NULL;
  gboolean raw_html = FALSE;
  GOptionEntry entries[] = {
    { "wiki", 0, 0, G_OPTION_ARG_FILENAME, &wiki_dir, N_("The wiki folder (default: found from the file)"), N_("DIR") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("standalone (default), fragment or markdown"), N_("FORMAT") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme, N_("standalone: auto (default, follows the reader), light, dark or print"), N_("THEME") },
    { "site-url", 0, 0, G_OPTION_ARG_STRING, &site_url, N_("Link references to pages under this URL"), N_("URL") },
    { "raw-html", 0, 0, G_OPTION_ARG_NONE, &raw_html, N_("Keep raw HTML from the Markdown (off: it is omitted)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write here instead of standard output"), N_("OUT") },
    { NULL }
  };
  CtExportOptions options = { .format = CT_EXPORT_STANDALONE };
  g_autoptr(CtExportResult) result = NULL;
  g_autoptr(CtWiki) wiki = NULL;
  guint errors;
  gconstpointer data;
  gsize size;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *input;
  gsize length;

  if (!ct_cli_parse ("export", "FILE.md|-", _("Render one post to HTML or Markdown."),
                     entries, &argc, &argv))
    return CT_EXIT_USAGE;

  if (argc != 2)
    {
      ct_cli_fail (_("export takes one file (or - for standard input); see “continuity export --help”"));
      return CT_EXIT_USAGE;
    }
  input = argv[1];

  if (format != NULL && !ct_export_format_from_name (format, &options.format))
    {
      ct_cli_fail (_("unknown format “%s”: use standalone, fragment or markdown"), format);
      return CT_EXIT_USAGE;
    }

  if (theme != NULL && !ct_export_theme_from_name (theme, &options.theme))
    {
      ct_cli_fail (_("unknown theme “%s”: use auto, light, dark or print"), theme);
      return CT_EXIT_USAGE;
    }

  text = ct_cli_read_input (input, &length, &error);
  if (text == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }

  if (site_url != NULL && !ct_export_check_site_url (site_url, NULL))
    {
      ct_cli_fail (_("--site-url must be an http:// or https:// URL, or a path: “%s”"), site_url);
      return CT_EXIT_USAGE;
    }

  wiki = ct_cli_find_wiki (wiki_dir, input, &error);
  if (error != NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }

  options.wiki = wiki;
  options.allow_raw_html = raw_html;
  options.site_url = site_url;

  /* The window's Export takes this same path (with the wiki's folder). */
  result = ct_export_post (text, length, &options, &error);
  if (result == NULL)
    {
      ct_cli_fail ("%s: %s", input, error->message);
      return CT_EXIT_FAILURE;
    }

  /* The output is written even with errors: unresolved references are
   * marked in it. The exit status tells scripts that something is wrong. */
  errors = ct_cli_print_diagnostics (stderr, g_str_equal (input, "-") ? "<stdin>" : input,
                                     result->diagnostics);

  data = g_bytes_get_data (result->bytes, &size);
  if (!ct_cli_write_output (output, data, size, &error))
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }

  return errors > 0 ? CT_EXIT_FAILURE : CT_EXIT_OK;
}
