#define G_LOG_DOMAIN "ct-cli-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-private.h"
#include "ct-render.h"

static gboolean
parse_format (const char   *name,
              CtRenderMode *mode)
{
  static const struct { const char *name; CtRenderMode mode; } formats[] = {
    { "standalone", CT_RENDER_STANDALONE },
    { "fragment", CT_RENDER_FRAGMENT },
    { "markdown", CT_RENDER_MARKDOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (name, formats[i].name))
      {
        *mode = formats[i].mode;
        return TRUE;
      }
  return FALSE;
}

/* References become links under this URL: only web URLs and paths, never
 * a script-capable scheme. */
static gboolean
site_url_is_safe (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  return scheme == NULL || g_ascii_strcasecmp (scheme, "http") == 0
         || g_ascii_strcasecmp (scheme, "https") == 0;
}

int
ct_cli_export (int    argc,
               char **argv)
{
  g_autofree char *wiki_dir = NULL;
  g_autofree char *format = NULL;
  g_autofree char *site_url = NULL;
  g_autofree char *output = NULL;
  gboolean raw_html = FALSE;
  GOptionEntry entries[] = {
    { "wiki", 0, 0, G_OPTION_ARG_FILENAME, &wiki_dir, N_("The wiki folder (default: found from the file)"), N_("DIR") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("standalone (default), fragment or markdown"), N_("FORMAT") },
    { "site-url", 0, 0, G_OPTION_ARG_STRING, &site_url, N_("Link references to pages under this URL"), N_("URL") },
    { "raw-html", 0, 0, G_OPTION_ARG_NONE, &raw_html, N_("Keep raw HTML from the Markdown (off: it is omitted)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write here instead of standard output"), N_("OUT") },
    { NULL }
  };
  CtRenderOptions options = { .mode = CT_RENDER_STANDALONE };
  g_autoptr(CtRenderResult) result = NULL;
  g_autoptr(CtWiki) wiki = NULL;
  guint errors;
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

  if (format != NULL && !parse_format (format, &options.mode))
    {
      ct_cli_fail (_("unknown format “%s”: use standalone, fragment or markdown"), format);
      return CT_EXIT_USAGE;
    }

  text = ct_cli_read_input (input, &length, &error);
  if (text == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }

  if (site_url != NULL && !site_url_is_safe (site_url))
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

  result = ct_render (text, length, &options, &error);
  if (result == NULL)
    {
      ct_cli_fail ("%s: %s", input, error->message);
      return CT_EXIT_FAILURE;
    }

  /* The output is written even with errors: unresolved references are
   * marked in it. The exit status tells scripts that something is wrong. */
  errors = ct_cli_print_diagnostics (stderr, g_str_equal (input, "-") ? "<stdin>" : input,
                                     result->diagnostics);

  if (!ct_cli_write_output (output, result->output, strlen (result->output), &error))
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }

  return errors > 0 ? CT_EXIT_FAILURE : CT_EXIT_OK;
}
