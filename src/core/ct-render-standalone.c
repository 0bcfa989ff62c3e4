#define G_LOG_DOMAIN "ct-render"

#include "config.h"

#include <string.h>

#include "ct-fact-format.h"
#include "ct-render-private.h"
#include "ct-resources.h"

/* ct-render-standalone.c — the page around a standalone export: the
 * <head> that search engines, feed readers and link cards read (title,
 * description, date, keywords), the stylesheet in the chosen theme, and
 * the article. Everything taken from the post is the user's text, so all
 * of it is escaped, attributes included. */

/* Search engines show about 160 characters; a longer description is cut
 * at a word, never inside a character. */
#define DESCRIPTION_MAX_CHARS 160

/* @text with its whitespace runs made one space, cut to @max characters
 * at a word boundary with an ellipsis. */
static char *
shorten (const char *text,
         glong       max)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (g_utf8_strlen (out->str, -1) > max)
    {
      const char *cut = g_utf8_offset_to_pointer (out->str, max - 1);
      const char *space_at = g_utf8_strrchr (out->str, cut - out->str, ' ');

      if (space_at != NULL && space_at > out->str)
        cut = space_at;
      g_string_truncate (out, cut - out->str);
      g_string_append (out, "…");
    }
  return g_string_free (out, FALSE);
}

static void
append_meta (GString    *out,
             const char *name,
             const char *content)
{
  g_autofree char *escaped = g_markup_escape_text (content, -1);

  g_string_append_printf (out, "<meta name=\"%s\" content=\"%s\">\n", name, escaped);
}

static void
append_head_meta (GString             *out,
                  const CtFrontMatter *meta,
                  const char          *summary)
{
  const char *description = meta != NULL && meta->description != NULL && *meta->description != '\0'
                            ? meta->description : summary;

  if (description != NULL && *description != '\0')
    {
      g_autofree char *shortened = shorten (description, DESCRIPTION_MAX_CHARS);
      append_meta (out, "description", shortened);
    }
  if (meta == NULL)
    return;

  if (meta->date != NULL && *meta->date != '\0')
    {
      g_autofree char *machine = NULL;
      g_autofree char *shown = ct_post_date_format (meta->date, &machine);

      /* the registered Dublin Core name; only a date that parsed */
      if (machine != NULL)
        append_meta (out, "dcterms.date", machine);
    }
  if (meta->tags[0] != NULL)
    {
      g_autofree char *keywords = g_strjoinv (", ", meta->tags);
      append_meta (out, "keywords", keywords);
    }
}

/* The stylesheet in @theme: the shared one, whose light and dark colours
 * the class on <html> picks, and the paper rules — on paper only for the
 * screen themes (so printing any export keeps tables and infoboxes
 * whole), and everywhere for the print theme. */
static void
append_style (GString       *out,
              CtRenderTheme  theme)
{
  g_autoptr(GBytes) css = ct_render_get_stylesheet ();
  g_autoptr(GBytes) paper = ct_core_resource_bytes ("preview/print.css");

  g_string_append (out, "<style>\n");
  g_string_append_len (out, g_bytes_get_data (css, NULL), g_bytes_get_size (css));
  g_string_append (out, theme == CT_RENDER_THEME_PRINT ? "" : "@media print {\n");
  g_string_append_len (out, g_bytes_get_data (paper, NULL), g_bytes_get_size (paper));
  g_string_append (out, theme == CT_RENDER_THEME_PRINT ? "" : "}\n");
  g_string_append (out, "</style>\n");
}

char *
ct_render_standalone_page (const char          *body,
                           const char          *title,
                           const CtFrontMatter *meta,
                           const char          *summary,
                           CtRenderTheme        theme)
{
  /* the class the stylesheet's colours follow, per theme */
  static const char *html_open[CT_RENDER_N_THEMES] = {
    [CT_RENDER_THEME_AUTO] = "<html>\n",
    [CT_RENDER_THEME_LIGHT] = "<html class=\"light\">\n",
    [CT_RENDER_THEME_DARK] = "<html class=\"dark\">\n",
    [CT_RENDER_THEME_PRINT] = "<html class=\"light print\">\n",
  };
  g_autofree char *escaped_title = g_markup_escape_text (title ? title : "Untitled", -1);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (theme < CT_RENDER_N_THEMES, NULL);

  g_string_append (out, "<!DOCTYPE html>\n");
  g_string_append (out, html_open[theme]);
  g_string_append (out,
                   "<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Continuity " PACKAGE_VERSION "\">\n");
  append_head_meta (out, meta, summary);
  g_string_append_printf (out, "<title>%s</title>\n", escaped_title);
  append_style (out, theme);
  g_string_append (out, "</head>\n<body>\n<article class=\"ct-post\">\n");
  g_string_append (out, body);
  g_string_append (out, "</article>\n</body>\n</html>\n");

  return g_string_free (out, FALSE);
}
