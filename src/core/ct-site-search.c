#define G_LOG_DOMAIN "ct-site-search"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-fact-format.h"
#include "ct-resources.h"
#include "ct-site-private.h"

/* search.html: the one page of the site with a script (DESIGN §9 allows
 * it here only). The index is a JSON block in the page itself, not a
 * file the script fetches: fetch() of a local file is refused on
 * file://, and the site must work opened from disk.
 *
 * The JSON is written here, not by a generator, so its bytes are fixed
 * (a rerun keeps the page when nothing changed) and so "<", ">" and "&"
 * are written as \u escapes: no title can end the <script> block or open
 * a comment in it, whatever it holds. */

static void
json_string (GString    *out,
             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '"');
}

static void
json_entry (GString            *out,
            gboolean            first,
            const char         *title,
            const char         *kind,
            const char         *summary,
            const char * const *aliases,
            gboolean            spoiler,
            const char         *url)
{
  g_string_append (out, first ? "\n{\"title\": " : ",\n{\"title\": ");
  json_string (out, title);
  g_string_append (out, ", \"kind\": ");
  json_string (out, kind);
  g_string_append (out, ", \"summary\": ");
  json_string (out, summary);
  if (aliases != NULL && aliases[0] != NULL)
    {
      g_string_append (out, ", \"aliases\": [");
      for (guint i = 0; aliases[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          json_string (out, aliases[i]);
        }
      g_string_append_c (out, ']');
    }
  if (spoiler)
    g_string_append (out, ", \"spoiler\": true");
  g_string_append (out, ", \"url\": ");
  json_string (out, url);
  g_string_append_c (out, '}');
}

/* A post's line in the results: its date and tags, as on the home page. */
static char *
post_summary (const CtPost *post)
{
  GString *summary = g_string_new (NULL);

  if (post->date != NULL)
    {
      g_autofree char *shown = ct_post_date_format (post->date, NULL);
      g_string_append (summary, shown);
    }
  for (guint t = 0; post->tags != NULL && post->tags[t] != NULL; t++)
    g_string_append_printf (summary, "%s#%s", summary->len > 0 ? " " : "", post->tags[t]);
  return g_string_free (summary, FALSE);
}

/* The index: posts newest first, then entities by title, as the plan
 * holds them, so its bytes depend on the wiki only. */
static void
append_index (GString          *out,
              const CtSitePlan *plan)
{
  gboolean first = TRUE;

  g_string_append (out, "[");
  for (guint i = 0; i < plan->posts->len; i++)
    {
      const CtSitePost *site_post = g_ptr_array_index (plan->posts, i);
      g_autofree char *summary = post_summary (site_post->post);

      json_entry (out, first, site_post->post->title, _("Post"), summary, NULL, FALSE, site_post->file);
      first = FALSE;
    }
  for (guint i = 0; i < plan->entities->len; i++)
    {
      const CtSiteEntity *site_entity = g_ptr_array_index (plan->entities, i);
      const CtEntity *entity = site_entity->entity;

      json_entry (out, first, entity->title, ct_entity_kind_label (entity->kind), entity->summary,
                  (const char * const *) entity->aliases, entity->spoiler, site_entity->file);
      first = FALSE;
    }
  g_string_append (out, "\n]");
}

char *
ct_site_render_search (const CtSitePlan *plan)
{
  g_autoptr(GBytes) script = ct_core_resource_bytes ("site/search.js");
  GString *out = g_string_new (NULL);
  g_autofree char *count = NULL;

  ct_site_page_open (out, plan, "", _("Search"), "ct-site-search");
  g_string_append_printf (out, "<h1>%s</h1>\n", _("Search"));
  g_string_append (out, "<form id=\"ct-search-form\" class=\"ct-site-search-page\" action=\"search.html\" "
                        "method=\"get\" role=\"search\">\n");
  g_string_append_printf (out, "<input id=\"ct-search-q\" type=\"search\" name=\"q\" aria-label=\"%s\">\n"
                               "<button type=\"submit\">%s</button>\n</form>\n",
                          _("Search titles, aliases and summaries"), _("Search"));
  /* the script's words, translated here since it has no gettext */
  /* Translators: on the site's search page; %s becomes the number */
  count = g_markup_printf_escaped (_("Pages found: %s"), "%u");
  g_string_append_printf (out, "<p id=\"ct-search-status\" class=\"ct-site-meta\" data-empty=\"%s\" "
                               "data-count=\"%s\" data-spoiler=\"%s\"></p>\n",
                          _("Type a word to find posts and pages."), count, _("Spoiler"));
  g_string_append (out, "<ul id=\"ct-search-results\" class=\"ct-site-list\"></ul>\n");
  g_string_append (out, "<noscript><p>");
  g_string_append_printf (out, _("Search needs JavaScript; the <a href=\"%s\">home page</a> lists every post and page."),
                          "index.html");
  g_string_append (out, "</p></noscript>\n");

  g_string_append (out, "<script type=\"application/json\" id=\"ct-search-index\">");
  append_index (out, plan);
  g_string_append (out, "</script>\n<script>\n");
  g_string_append_len (out, g_bytes_get_data (script, NULL), g_bytes_get_size (script));
  g_string_append (out, "</script>\n");
  return ct_site_page_close (out);
}
