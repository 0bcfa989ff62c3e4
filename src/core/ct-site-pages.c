#define G_LOG_DOMAIN "ct-site-pages"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ct-error.h"
#include "ct-fact-format.h"
#include "ct-front-matter.h"
#include "ct-render.h"
#include "ct-resources.h"
#include "ct-scanner.h"
#include "ct-render-private.h"
#include "ct-site-private.h"
#include "ct-timeline-svg.h"

/* The pages of the exported site. Text from the wiki and the posts goes
 * through esc() or through ct_render (which escapes what it takes from
 * the wiki); hrefs are built from the plan's file names only, which
 * ct-site.c makes from [a-z0-9-] slugs. Pages live at the root ("") or
 * one folder deep ("../"): @root is the way back to the root. */

static void
esc (GString    *out,
     const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  /* Most text has nothing to escape: appended as it is, without the copy
   * g_markup_escape_text makes. Anything it would change (markup
   * characters, control characters, and C1 controls, whose UTF-8 starts
   * with 0xC2) goes through it, so the bytes are the same either way. */
  for (const guchar *p = (const guchar *) text; ; p++)
    {
      if (*p == '\0')
        {
          g_string_append_len (out, text, (const char *) p - text);
          return;
        }
      if (*p == '&' || *p == '<' || *p == '>' || *p == '\'' || *p == '"'
          || (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f || *p == 0xc2)
        break;
    }
  escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

static void
append_href (GString    *out,
             const char *root,
             const char *file)
{
  g_string_append (out, " href=\"");
  esc (out, root);
  esc (out, file);
  g_string_append_c (out, '"');
}

static const char *
site_name (const CtSitePlan *plan,
           char            **owned)
{
  *owned = g_path_get_basename (plan->wiki_folder);
  return *owned;
}

/* The site's header: the same on every page with the same @root. */
static char *
site_header (const CtSitePlan *plan,
             const char       *root)
{
  GString *out = g_string_new (NULL);
  g_autofree char *name = NULL;

  site_name (plan, &name);
  g_string_append (out, "<header class=\"ct-site-header\">\n<nav>\n<a class=\"ct-site-name\"");
  append_href (out, root, "index.html");
  g_string_append_c (out, '>');
  esc (out, name);
  g_string_append (out, "</a>\n<ul>\n<li><a");
  append_href (out, root, "timeline.html");
  g_string_append_printf (out, ">%s</a></li>\n", _("Timeline"));
  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    {
      g_autofree char *file = NULL;

      if (plan->kind_count[k] == 0)
        continue;
      file = g_strdup_printf ("%s/index.html", ct_entity_kind_to_string (k));
      g_string_append (out, "<li><a");
      append_href (out, root, file);
      g_string_append_printf (out, ">%s</a></li>\n", ct_entity_kind_plural_label (k));
    }
  g_string_append (out, "</ul>\n");
  /* a plain GET form: search.html reads ?q=, so this page needs no script */
  g_string_append (out, "<form class=\"ct-site-search\" role=\"search\" method=\"get\" action=\"");
  esc (out, root);
  g_string_append_printf (out, "search.html\">\n<input type=\"search\" name=\"q\" aria-label=\"%s\" "
                               "placeholder=\"%s\">\n</form>\n",
                          _("Search the site"), _("Search"));
  g_string_append (out, "</nav>\n</header>\n<main class=\"ct-post\">\n");
  return g_string_free (out, FALSE);
}

void
ct_site_plan_headers (CtSitePlan *plan)
{
  g_autofree char *name = NULL;

  plan->site_name = g_strdup (site_name (plan, &name));
  plan->header_root = site_header (plan, "");
  plan->header_below = site_header (plan, "../");
}

void
ct_site_page_open (GString          *out,
                   const CtSitePlan *plan,
                   const char       *root,
                   const char       *title,
                   const char       *body_class)
{
  const char *name = plan->site_name;

  g_assert (name != NULL && (g_str_equal (root, "") || g_str_equal (root, "../")));
  g_string_append (out,
                   "<!DOCTYPE html>\n"
                   "<html>\n"
                   "<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Continuity " PACKAGE_VERSION "\">\n"
                   "<title>");
  esc (out, title);
  if (g_strcmp0 (title, name) != 0)
    {
      g_string_append (out, " · ");
      esc (out, name);
    }
  g_string_append (out, "</title>\n<link rel=\"stylesheet\"");
  append_href (out, root, "style.css");
  g_string_append (out, ">\n</head>\n<body class=\"ct-site ");
  g_string_append (out, body_class);
  g_string_append (out, "\">\n");
  /* the same header on every page, made once (ct_site_plan_headers) */
  g_string_append (out, *root == '\0' ? plan->header_root : plan->header_below);
}

char *
ct_site_page_close (GString *out)
{
  g_string_append (out, "</main>\n<footer class=\"ct-site-footer\">");
  g_string_append_printf (out, _("Made with Continuity %s"), PACKAGE_VERSION);
  g_string_append (out, "</footer>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

static void
spoiler_label (GString *out)
{
  /* Spoilers are marked, not hidden: a wiki reader chose to read the page */
  g_string_append_printf (out, " <span class=\"ct-site-spoiler-label\">%s</span>", _("Spoiler"));
}

/* <li> with a link to @entity and its summary */
static void
entity_item (GString            *out,
             const CtSiteEntity *site_entity,
             const char         *root)
{
  const CtEntity *entity = site_entity->entity;

  g_string_append_printf (out, "<li%s><a class=\"ct-ref ct-kind-%s\"",
                          entity->spoiler ? " class=\"ct-spoiler\"" : "",
                          ct_entity_kind_to_string (entity->kind));
  append_href (out, root, site_entity->file);
  g_string_append_c (out, '>');
  esc (out, entity->title);
  g_string_append (out, "</a>");
  if (entity->spoiler)
    spoiler_label (out);
  if (entity->summary != NULL && *entity->summary != '\0')
    {
      g_string_append (out, " <span class=\"ct-site-summary\">");
      esc (out, entity->summary);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</li>\n");
}

static void
entity_list (GString          *out,
             const CtSitePlan *plan,
             CtEntityKind      kind,
             const char       *root)
{
  g_string_append (out, "<ul class=\"ct-site-list\">\n");
  for (guint i = 0; i < plan->entities->len; i++)
    {
      const CtSiteEntity *site_entity = g_ptr_array_index (plan->entities, i);
      if (site_entity->entity->kind == kind)
        entity_item (out, site_entity, root);
    }
  g_string_append (out, "</ul>\n");
}

static void
post_meta (GString      *out,
           const CtPost *post)
{
  gboolean any = FALSE;

  g_string_append (out, "<p class=\"ct-site-meta\">");
  if (post->date != NULL)
    {
      g_autofree char *machine = NULL;
      g_autofree char *shown = ct_post_date_format (post->date, &machine);

      g_string_append (out, "<time");
      if (machine != NULL)
        {
          g_string_append (out, " datetime=\"");
          esc (out, machine);
          g_string_append_c (out, '"');
        }
      g_string_append_c (out, '>');
      esc (out, shown);
      g_string_append (out, "</time>");
      any = TRUE;
    }
  for (guint t = 0; post->tags[t] != NULL; t++)
    {
      g_string_append (out, t == 0 && any ? " " : "");
      g_string_append (out, "<span class=\"ct-site-tag\">");
      esc (out, post->tags[t]);
      g_string_append (out, "</span>");
      if (post->tags[t + 1] != NULL)
        g_string_append_c (out, ' ');
    }
  if (post->draft)
    g_string_append_printf (out, " <span class=\"ct-site-draft\">%s</span>", _("Draft"));
  g_string_append (out, "</p>\n");
}

/* ---- index.html ---- */

static char *
render_home (const CtSitePlan *plan)
{
  GString *out = g_string_new (NULL);
  g_autofree char *name = NULL;

  ct_site_page_open (out, plan, "", site_name (plan, &name), "ct-site-home");
  g_string_append (out, "<h1>");
  esc (out, name);
  g_string_append (out, "</h1>\n");

  g_string_append_printf (out, "<section class=\"ct-site-posts\">\n<h2>%s</h2>\n", _("Posts"));
  if (plan->posts->len == 0)
    g_string_append_printf (out, "<p class=\"ct-empty\">%s</p>\n", _("No posts yet."));
  else
    {
      g_string_append (out, "<ul class=\"ct-site-list\">\n");
      for (guint i = 0; i < plan->posts->len; i++)
        {
          const CtSitePost *site_post = g_ptr_array_index (plan->posts, i);

          g_string_append (out, "<li><a");
          append_href (out, "", site_post->file);
          g_string_append_c (out, '>');
          esc (out, site_post->post->title);
          g_string_append (out, "</a>\n");
          post_meta (out, site_post->post);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</section>\n");

  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    {
      g_autofree char *file = NULL;

      if (plan->kind_count[k] == 0)
        continue;
      file = g_strdup_printf ("%s/index.html", ct_entity_kind_to_string (k));
      g_string_append_printf (out, "<section class=\"ct-site-group\">\n<h2><a");
      append_href (out, "", file);
      g_string_append_printf (out, ">%s</a> <span class=\"ct-site-count\">%u</span></h2>\n",
                              ct_entity_kind_plural_label (k), plan->kind_count[k]);
      entity_list (out, plan, k, "");
      g_string_append (out, "</section>\n");
    }
  return ct_site_page_close (out);
}

/* ---- KIND/index.html ---- */

static char *
render_kind (const CtSitePlan *plan,
             CtEntityKind      kind)
{
  GString *out = g_string_new (NULL);

  ct_site_page_open (out, plan, "../", ct_entity_kind_plural_label (kind), "ct-site-kind-index");
  g_string_append_printf (out, "<h1>%s</h1>\n", ct_entity_kind_plural_label (kind));
  entity_list (out, plan, kind, "../");
  return ct_site_page_close (out);
}

/* ---- timeline.html ---- */

static char *
site_href (CtEntityKind  kind,
           const char   *slug,
           gint64        id,
           gpointer      data)
{
  return ct_render_entity_url (data, kind, slug, id);
}

static char *
render_timeline (const CtSitePlan  *plan,
                 CtWiki            *wiki,
                 CtRenderMemo      *memo,
                 GError           **error)
{
  /* the drawing once, across the page; the two lists after it are its
   * accessible fallback */
  CtRenderOptions options = { .mode = CT_RENDER_SITE, .wiki = wiki, .site_url = ".", .no_drawings = TRUE,
                              .memo = memo };
  CtTimelineLayoutOptions drawing = { .lane_width = 300, .zoom = 1, .show_spoilers = TRUE };
  g_autoptr(CtRenderResult) events = ct_render ("{{timeline}}\n", -1, &options, error);
  g_autoptr(CtTimeline) timeline = NULL;
  GString *out;

  if (events == NULL)
    return NULL;
  timeline = ct_timeline_new (wiki, error);
  if (timeline == NULL)
    return NULL;
  out = g_string_new (NULL);
  ct_site_page_open (out, plan, "", _("Timeline"), "ct-site-timeline");
  g_string_append_printf (out, "<h1>%s</h1>\n", _("Timeline"));
  if (timeline->events->len + timeline->films->len > 0)
    {
      g_autofree char *svg = ct_timeline_svg (timeline, &drawing, site_href, &options);

      g_string_append (out, "<div class=\"ct-timeline-drawn\">\n");
      g_string_append (out, svg);
      g_string_append (out, "</div>\n");
    }
  g_string_append (out, "<div class=\"ct-site-columns\">\n");
  g_string_append_printf (out, "<section>\n<h2>%s</h2>\n", _("In-universe order"));
  g_string_append (out, events->output);
  g_string_append_printf (out, "</section>\n<section>\n<h2>%s</h2>\n", _("Films in release order"));
  if (plan->films->len == 0)
    g_string_append_printf (out, "<p class=\"ct-empty\">%s</p>\n", _("No films yet."));
  else
    {
      g_string_append (out, "<ol class=\"ct-timeline ct-site-releases\">\n");
      for (guint i = 0; i < plan->films->len; i++)
        {
          const CtSiteEntity *film = g_ptr_array_index (plan->films, i);

          g_string_append (out, "<li>");
          if (film->release != NULL)
            {
              g_autofree char *release = ct_fact_text_display (CT_ENTITY_FILM, "release_date", film->release);

              g_string_append (out, "<span class=\"ct-when\">");
              esc (out, release);
              g_string_append (out, "</span> ");
            }
          g_string_append (out, "<a class=\"ct-ref ct-kind-film\"");
          append_href (out, "", film->file);
          g_string_append_c (out, '>');
          esc (out, film->entity->title);
          g_string_append (out, "</a></li>\n");
        }
      g_string_append (out, "</ol>\n");
    }
  g_string_append (out, "</section>\n</div>\n");
  return ct_site_page_close (out);
}

/* ---- posts/SLUG.html ---- */

char *
ct_site_read_wiki_file (const char  *folder,
                        const char  *path,
                        gsize       *length,
                        GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autofree char *full = g_strdup (folder);
  char *contents = NULL;

  if (g_path_is_absolute (path) || parts[0] == NULL)
    goto refuse;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      GStatBuf st;
      char *next;

      if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
        goto refuse;
      next = g_build_filename (full, parts[i], NULL);
      g_free (full);
      full = next;
      if (g_lstat (full, &st) != 0)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not read %s: %s"), full, g_strerror (errno));
          return NULL;
        }
      if (S_ISLNK (st.st_mode) || (parts[i + 1] == NULL && !S_ISREG (st.st_mode)))
        goto refuse;
    }
  if (!g_file_get_contents (full, &contents, length, error))
    return NULL;
  return contents;

refuse:
  g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
               _("“%s” is not a file inside the wiki folder (symbolic links are not followed); "
                 "move it into the wiki or remove it"), path);
  return NULL;
}

static char *
render_post (const CtSitePlan  *plan,
             CtWiki            *wiki,
             CtRenderMemo      *memo,
             const CtSitePost  *site_post,
             GError           **error)
{
  const CtPost *post = site_post->post;
  CtRenderOptions options = { .mode = CT_RENDER_SITE, .wiki = wiki, .memo = memo };
  g_autoptr(CtRenderResult) result = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char *body, *heading_end;
  GString *out;
  gsize length;

  raw = ct_site_read_wiki_file (plan->wiki_folder, post->path, &length, error);
  if (raw == NULL)
    return NULL;
  /* as the post index reads it: a stray byte does not hold up the site */
  text = g_utf8_make_valid (raw, length);
  result = ct_render (text, -1, &options, error);
  if (result == NULL)
    return NULL;

  out = g_string_new (NULL);
  ct_site_page_open (out, plan, "../", post->title, "ct-site-post");
  g_string_append (out, "<article>\n<header class=\"ct-site-post-header\">\n");
  /* the post's own first heading is its title; otherwise show one */
  body = result->output;
  if (g_str_has_prefix (body, "<h1") && (heading_end = strstr (body, "</h1>\n")) != NULL)
    {
      heading_end += strlen ("</h1>\n");
      g_string_append_len (out, body, heading_end - body);
      body = heading_end;
    }
  else
    {
      g_string_append (out, "<h1>");
      esc (out, post->title);
      g_string_append (out, "</h1>\n");
    }
  post_meta (out, post);
  g_string_append (out, "</header>\n");
  g_string_append (out, body);
  g_string_append (out, "</article>\n");
  return ct_site_page_close (out);
}

/* ---- KIND/SLUG.html ---- */

/* TRUE when {{…: @title}} names exactly @title: not when the title holds
 * "}}", "|" or a line break, which the reference syntax cannot carry. */
static gboolean
is_referenceable (const char *title)
{
  g_autofree char *doc = g_strdup_printf ("{{infobox: %s}}", title);
  g_autoptr(GPtrArray) refs = ct_scan_references (doc, strlen (doc));
  const CtReference *ref;
  g_autofree char *stripped = g_strstrip (g_strdup (title));

  if (refs->len != 1)
    return FALSE;
  ref = g_ptr_array_index (refs, 0);
  return ref->closed && ref->start == 0 && ref->end == strlen (doc) && ref->key == NULL
         && g_strcmp0 (ref->target, stripped) == 0;
}

static void
section (GString    *doc,
         const char *heading,
         const char *template,
         const char *title)
{
  g_string_append_printf (doc, "## %s\n\n{{%s: %s}}\n\n", heading, template, title);
}

/* The entity's page body, as a document of block templates, so the page
 * shows exactly what {{infobox}}, {{cast}}… show in a post, and its
 * footnotes are numbered once for the whole page. */
static char *
entity_document (const CtSitePlan *plan,
                 const CtEntity   *entity)
{
  GString *doc = g_string_new (NULL);
  const gint64 *id = &entity->id;

  g_string_append_printf (doc, "{{infobox: %s}}\n\n", entity->title);
  switch (entity->kind)
    {
    case CT_ENTITY_FILM:
      if (g_hash_table_contains (plan->with_cast, id))
        section (doc, _("Cast and crew"), "cast", entity->title);
      if (g_hash_table_contains (plan->with_scenes, id))
        section (doc, _("Scenes"), "scenes", entity->title);
      break;
    case CT_ENTITY_PERSON:
      if (g_hash_table_contains (plan->with_appearances, id))
        section (doc, _("Filmography"), "appearances", entity->title);
      break;
    case CT_ENTITY_CHARACTER:
    case CT_ENTITY_LOCATION:
      if (g_hash_table_contains (plan->with_appearances, id))
        section (doc, _("Appearances"), "appearances", entity->title);
      break;
    case CT_ENTITY_SCENE:
    case CT_ENTITY_EVENT:
    case CT_ENTITY_ORGANIZATION:
    default:
      break;
    }
  if (entity->kind != CT_ENTITY_EVENT && g_hash_table_contains (plan->with_events, id))
    section (doc, _("Timeline"), "timeline", entity->title);
  return g_string_free (doc, FALSE);
}

static void
append_backlinks (GString           *out,
                  const CtSitePlan  *plan,
                  const CtEntity    *entity)
{
  GPtrArray *backlinks = g_hash_table_lookup (plan->backlinks, &entity->id);
  g_autoptr(GHashTable) listed = NULL;
  gboolean any = FALSE;

  if (backlinks == NULL)
    return;
  listed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < backlinks->len; i++)
    {
      CtBacklink *backlink = g_ptr_array_index (backlinks, i);
      const CtSiteEntity *source = NULL;
      const char *file;

      /* drafts left out of the site are not mentioned either */
      if (backlink->is_post)
        file = g_hash_table_lookup (plan->post_files, backlink->path);
      else
        {
          source = g_hash_table_lookup (plan->entity_files, &backlink->entity_id);
          file = source ? source->file : NULL;
        }
      if (file == NULL || !g_hash_table_add (listed, (gpointer) file))
        continue;
      if (!any)
        g_string_append_printf (out, "<section class=\"ct-site-backlinks\">\n<h2>%s</h2>\n<ul>\n",
                                _("Mentioned in"));
      any = TRUE;
      g_string_append (out, "<li><a");
      append_href (out, "../", file);
      g_string_append_c (out, '>');
      esc (out, backlink->title);
      g_string_append_printf (out, "</a> <span class=\"ct-site-meta\">%s</span></li>\n",
                              source ? ct_entity_kind_label (source->entity->kind) : _("Post"));
    }
  if (any)
    g_string_append (out, "</ul>\n</section>\n");
}

static char *
render_entity (const CtSitePlan    *plan,
               CtWiki              *wiki,
               CtRenderMemo        *memo,
               const CtSiteEntity  *site_entity,
               GError             **error)
{
  const CtEntity *entity = site_entity->entity;
  const char *kind = ct_entity_kind_to_string (entity->kind);
  /* The drawing of the universe is on timeline.html: one per entity page
   * read the whole timeline again for each, and made a site of 5,000
   * events and 300 pages with timelines 7 times slower (13 s → 95 s). */
  CtRenderOptions options = { .mode = CT_RENDER_SITE, .wiki = wiki, .no_drawings = TRUE, .memo = memo };
  g_autoptr(CtRenderResult) result = NULL;
  g_autofree char *kind_index = g_strdup_printf ("%s/index.html", kind);
  g_autofree char *body_class = g_strdup_printf ("ct-site-entity ct-kind-%s%s", kind,
                                                 entity->spoiler ? " ct-spoiler" : "");
  GString *out = g_string_new (NULL);
  const char *footnotes = NULL;

  if (is_referenceable (entity->title))
    {
      g_autofree char *doc = entity_document (plan, entity);

      if ((result = ct_render (doc, -1, &options, error)) == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }

  ct_site_page_open (out, plan, "../", entity->title, body_class);
  g_string_append (out, "<header class=\"ct-site-entity-header\">\n<p class=\"ct-site-kind\"><a");
  append_href (out, "../", kind_index);
  g_string_append_printf (out, ">%s</a></p>\n<h1>", ct_entity_kind_label (entity->kind));
  esc (out, entity->title);
  g_string_append (out, "</h1>\n");
  if (entity->spoiler)
    g_string_append_printf (out, "<p class=\"ct-site-spoiler-note\">%s</p>\n",
                            _("Spoiler: this page reveals the plot."));
  if (entity->aliases[0] != NULL)
    {
      g_string_append_printf (out, "<p class=\"ct-site-aliases\">%s ", _("Also known as"));
      for (guint i = 0; entity->aliases[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          esc (out, entity->aliases[i]);
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n");

  if (result != NULL)
    {
      /* the page's footnotes go last, after "Mentioned in" */
      footnotes = g_strrstr (result->output, "<section class=\"ct-footnotes\">");
      g_string_append_len (out, result->output,
                           footnotes ? footnotes - result->output : (gssize) strlen (result->output));
    }
  else
    {
      /* a title the reference syntax cannot name: the plain facts of the
       * page are still worth having */
      g_string_append (out, "<p class=\"ct-summary\">");
      esc (out, entity->summary);
      g_string_append (out, "</p>\n");
    }

  append_backlinks (out, plan, entity);
  if (footnotes != NULL)
    g_string_append (out, footnotes);
  return ct_site_page_close (out);
}

/* ---- all pages ---- */

char *
ct_site_render_page (const CtSitePlan  *plan,
                     CtWiki            *wiki,
                     CtRenderMemo      *memo,
                     const CtSitePage  *page,
                     GError           **error)
{
  switch (page->type)
    {
    case CT_SITE_PAGE_HOME:
      return render_home (plan);
    case CT_SITE_PAGE_TIMELINE:
      return render_timeline (plan, wiki, memo, error);
    case CT_SITE_PAGE_KIND:
      return render_kind (plan, page->index);
    case CT_SITE_PAGE_POST:
      return render_post (plan, wiki, memo, g_ptr_array_index (plan->posts, page->index), error);
    case CT_SITE_PAGE_ENTITY:
      return render_entity (plan, wiki, memo, g_ptr_array_index (plan->entities, page->index), error);
    case CT_SITE_PAGE_SEARCH:
      return ct_site_render_search (plan);
    case CT_SITE_PAGE_MEDIA:  /* copied as bytes by ct-site.c */
    default:
      g_assert_not_reached ();
    }
}

GBytes *
ct_site_stylesheet (void)
{
  g_autoptr(GBytes) base = ct_render_get_stylesheet ();
  g_autoptr(GBytes) site = ct_core_resource_bytes ("site/site.css");
  GByteArray *both = g_byte_array_new ();

  g_byte_array_append (both, g_bytes_get_data (base, NULL), g_bytes_get_size (base));
  g_byte_array_append (both, g_bytes_get_data (site, NULL), g_bytes_get_size (site));
  return g_byte_array_free_to_bytes (both);
}
