#define G_LOG_DOMAIN "ct-render-html"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ct-fact-format.h"
#include "ct-render-private.h"

/* Spans and blocks as HTML. Everything here comes from the wiki, so every
 * piece of text and every attribute value goes through ct_html_escape
 * (cmark emits custom nodes raw, even in safe mode). URLs are built from
 * an entity id or a percent-encoded slug only, never from stored text. */

char *
ct_html_escape (const char *text)
{
  /* escapes & < > ' " : safe in text and in double-quoted attributes */
  return g_markup_escape_text (text ? text : "", -1);
}

static gboolean
has_footnotes (CtRenderContext *ctx)
{
  CtRenderMode mode = ctx->options->mode;
  return mode == CT_RENDER_STANDALONE || mode == CT_RENDER_SITE || mode == CT_RENDER_FRAGMENT;
}

/* Appends @text as ct_html_escape writes it. Titles and summaries rarely
 * hold anything it changes; those go in as they are, without the copy
 * and the printf a reference's HTML otherwise cost several times over
 * (thousands of references in a long post). Anything that may change,
 * controls (C0, DEL, and C1, which start with 0xC2) included, goes
 * through ct_html_escape itself. */
static void
append_escaped (GString    *out,
                const char *text)
{
  const guchar *p;

  if (text == NULL)
    return;
  for (p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 || *p == '&' || *p == '<' || *p == '>' || *p == '\'' || *p == '"'
        || *p == 0x7F || *p == 0xC2)
      break;
  if (*p == '\0')
    g_string_append_len (out, text, (const char *) p - text);
  else
    {
      g_autofree char *escaped = ct_html_escape (text);
      g_string_append (out, escaped);
    }
}

static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_escaped (out, value);
  g_string_append_c (out, '"');
}

/* The template's class, which the stylesheet (and the user's) styles. */
static const char *
block_class (const CtBlock *block)
{
  switch (block->template)
    {
    case CT_BLOCK_TEMPLATE_CAST:
      return "ct-cast";
    case CT_BLOCK_TEMPLATE_SCENES:
      return "ct-scenes";
    case CT_BLOCK_TEMPLATE_TIMELINE:
      return "ct-timeline";
    case CT_BLOCK_TEMPLATE_INFOBOX:
      return "ct-infobox";
    case CT_BLOCK_TEMPLATE_APPEARANCES:
    default:
      return "ct-appearances";
    }
}

/* The classes that say what a span is (docs/reference-syntax.md lists
 * them for restyling), or NULL. */
static char *
span_classes (const CtSpan *span)
{
  GString *classes;

  /* most spans are a plain resolved link: no string for them */
  if (!span->unresolved && span->role != CT_SPAN_ROLE_WHEN && span->role != CT_SPAN_ROLE_DETAIL
      && span->status != CT_FACT_RUMORED && span->status != CT_FACT_DISPUTED && !span->spoiler)
    return NULL;
  classes = g_string_new (NULL);

  if (span->unresolved)
    g_string_append (classes, " ct-unresolved");
  if (span->role == CT_SPAN_ROLE_WHEN)
    g_string_append (classes, " ct-when");
  else if (span->role == CT_SPAN_ROLE_DETAIL)
    g_string_append (classes, " ct-detail");
  if (span->status == CT_FACT_RUMORED)
    g_string_append (classes, " ct-rumored");
  else if (span->status == CT_FACT_DISPUTED)
    g_string_append (classes, " ct-disputed");
  if (span->spoiler)
    g_string_append (classes, " ct-spoiler");
  if (classes->len == 0)
    {
      g_string_free (classes, TRUE);
      return NULL;
    }
  g_string_erase (classes, 0, 1);
  return g_string_free (classes, FALSE);
}

void
ct_html_append_status (GString      *out,
                       CtFactStatus  status)
{
  const char *note = ct_fact_status_note (status);
  g_autofree char *escaped = NULL;

  if (note == NULL)
    return;
  escaped = ct_html_escape (note);
  g_string_append_printf (out, " <span class=\"ct-status ct-status-%s\">%s</span>",
                          ct_fact_status_to_string (status), escaped);
}

/* The class of an entity's span: "ct-ref ct-kind-KIND" and its marks,
 * all constant names with nothing to escape. */
static void
append_ref_class (GString      *out,
                  CtEntityKind  kind,
                  const char   *marks)
{
  g_string_append (out, " class=\"ct-ref ct-kind-");
  g_string_append (out, ct_entity_kind_to_string (kind));
  if (marks != NULL)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, marks);
    }
  g_string_append_c (out, '"');
}

static void
append_span (CtRenderContext *ctx,
             GString         *out,
             const CtSpan    *span)
{
  g_autofree char *marks = span_classes (span);
  g_autofree char *with_source = NULL;
  const char *tooltip = NULL;

  /* a reference's span is written thousands of times in a long post:
   * nothing is copied unless it changes */
  if (span->tooltip != NULL)
    tooltip = span->tooltip;
  else if (span->entity_id > 0)
    tooltip = span->summary;
  if (span->source != NULL && !has_footnotes (ctx))
    {
      with_source = tooltip ? g_strdup_printf (_("%s — Source: %s"), tooltip, span->source)
                            : g_strdup_printf (_("Source: %s"), span->source);
      tooltip = with_source;
    }

  if (span->entity_id > 0)
    {
      g_autofree char *url = ct_render_entity_url (ctx->options, span->kind, span->slug, span->entity_id);

      if (url != NULL)
        {
          g_string_append (out, "<a");
          append_ref_class (out, span->kind, marks);
          append_attribute (out, "href", url);
          if (ctx->options->mode == CT_RENDER_PREVIEW)
            g_string_append_printf (out, " data-entity-id=\"%" G_GINT64_FORMAT "\"", span->entity_id);
          append_attribute (out, "title", tooltip);
          g_string_append_c (out, '>');
          append_escaped (out, span->text);
          g_string_append (out, "</a>");
        }
      else
        {
          g_string_append (out, "<span");
          append_ref_class (out, span->kind, marks);
          append_attribute (out, "title", tooltip);
          g_string_append_c (out, '>');
          append_escaped (out, span->text);
          g_string_append (out, "</span>");
        }
    }
  else if (marks != NULL || tooltip != NULL)
    {
      g_string_append (out, "<span");
      append_attribute (out, "class", marks);
      append_attribute (out, "title", tooltip);
      g_string_append_c (out, '>');
      append_escaped (out, span->text);
      g_string_append (out, "</span>");
    }
  else
    append_escaped (out, span->text);

  ct_html_append_status (out, span->status);
  if (span->source != NULL && has_footnotes (ctx))
    {
      guint n = ct_render_context_footnote (ctx, span->source);
      g_string_append_printf (out, "<sup class=\"ct-fn\"><a href=\"#ct-fn-%u\">%u</a></sup>", n, n);
    }
}

static void
append_spans (CtRenderContext *ctx,
              GString         *out,
              GPtrArray       *spans)
{
  for (guint i = 0; spans != NULL && i < spans->len; i++)
    append_span (ctx, out, g_ptr_array_index (spans, i));
}

char *
ct_html_spans (CtRenderContext *ctx,
               GPtrArray       *spans)
{
  /* room for a link with its class and title, not grown byte by byte */
  GString *out = g_string_sized_new (256);

  append_spans (ctx, out, spans);
  return g_string_free (out, FALSE);
}

static void
append_notes (GString    *out,
              const char *notes)
{
  if (notes == NULL)
    return;
  g_string_append (out, "<div class=\"ct-notes\">\n");
  g_string_append (out, notes);
  g_string_append (out, "</div>\n");
}

static GPtrArray *
row_cell (const CtRow *row,
          guint        i)
{
  return i < row->cells->len ? g_ptr_array_index (row->cells, i) : NULL;
}

static void
append_table (CtRenderContext *ctx,
              GString         *out,
              const CtBlock   *block)
{
  if (block->caption != NULL)
    {
      g_autofree char *caption = ct_html_escape (_(block->caption));
      g_string_append_printf (out, "<caption>%s</caption>\n", caption);
    }
  g_string_append (out, "<thead>\n<tr>");
  for (guint c = 0; block->columns[c] != NULL; c++)
    {
      g_autofree char *header = ct_html_escape (_(block->columns[c]));
      g_string_append_printf (out, "<th>%s</th>", header);
    }
  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");
  for (guint r = 0; r < block->rows->len; r++)
    {
      const CtRow *row = g_ptr_array_index (block->rows, r);

      g_string_append (out, "<tr>");
      for (guint c = 0; block->columns[c] != NULL; c++)
        {
          g_string_append (out, "<td>");
          append_spans (ctx, out, row_cell (row, c));
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n");
}

static void
append_list (CtRenderContext *ctx,
             GString         *out,
             const CtBlock   *block)
{
  for (guint r = 0; r < block->rows->len; r++)
    {
      const CtRow *row = g_ptr_array_index (block->rows, r);

      g_string_append (out, "<li>");
      append_spans (ctx, out, row_cell (row, 0));
      if (row->notes != NULL)
        {
          g_string_append_c (out, '\n');
          append_notes (out, row->notes);
        }
      g_string_append (out, "</li>\n");
    }
}

static void
append_infobox (CtRenderContext *ctx,
                GString         *out,
                const CtBlock   *block)
{
  g_string_append (out, "<h2>");
  append_spans (ctx, out, block->heading);
  g_string_append (out, "</h2>\n");
  if (block->summary != NULL && *block->summary != '\0')
    {
      g_autofree char *summary = ct_html_escape (block->summary);
      g_string_append_printf (out, "<p class=\"ct-summary\">%s</p>\n", summary);
    }
  if (block->rows->len > 0)
    {
      g_string_append (out, "<dl>\n");
      for (guint r = 0; r < block->rows->len; r++)
        {
          const CtRow *row = g_ptr_array_index (block->rows, r);

          g_string_append (out, "<dt>");
          append_spans (ctx, out, row_cell (row, 0));
          g_string_append (out, "</dt>\n<dd>");
          append_spans (ctx, out, row_cell (row, 1));
          g_string_append (out, "</dd>\n");
        }
      g_string_append (out, "</dl>\n");
    }
  append_notes (out, block->notes);
}

/**
 * ct_html_block:
 * @attributes: added to the outer element as is (data-sourcepos), or ""
 */
char *
ct_html_block (CtRenderContext *ctx,
               const CtBlock   *block,
               const char      *attributes)
{
  GString *out = g_string_new (NULL);

  if (block->rows->len == 0 && block->next == NULL && block->empty != NULL)
    {
      g_autofree char *empty = ct_html_escape (_(block->empty));
      g_string_append_printf (out, "<p class=\"ct-empty %s\"%s>%s</p>\n",
                              block_class (block), attributes, empty);
      return g_string_free (out, FALSE);
    }

  switch (block->style)
    {
    case CT_BLOCK_TABLE:
      if (block->part == NULL)
        {
          g_string_append_printf (out, "<table class=\"%s\"%s>\n", block_class (block), attributes);
          append_table (ctx, out, block);
          g_string_append (out, "</table>\n");
          break;
        }
      /* tables in one element (cast, then crew): one block for the preview */
      g_string_append_printf (out, "<div class=\"%s\"%s>\n", block_class (block), attributes);
      for (const CtBlock *part = block; part != NULL; part = part->next)
        {
          if (part->rows->len == 0)
            continue;
          g_string_append_printf (out, "<table class=\"%s\">\n", part->part);
          append_table (ctx, out, part);
          g_string_append (out, "</table>\n");
        }
      g_string_append (out, "</div>\n");
      break;
    case CT_BLOCK_ORDERED:
    case CT_BLOCK_BULLETS:
      {
        const char *tag = block->style == CT_BLOCK_ORDERED ? "ol" : "ul";

        /* the drawing and its list as one element, as the preview counts blocks */
        if (block->figure != NULL)
          {
            g_string_append_printf (out, "<div class=\"ct-timeline-drawn\"%s>\n", attributes);
            g_string_append (out, block->figure);
            attributes = "";
          }
        g_string_append_printf (out, "<%s class=\"%s\"%s>\n", tag, block_class (block), attributes);
        append_list (ctx, out, block);
        g_string_append_printf (out, "</%s>\n", tag);
        if (block->figure != NULL)
          g_string_append (out, "</div>\n");
      }
      break;
    case CT_BLOCK_INFOBOX:
      g_string_append_printf (out, "<aside class=\"%s ct-kind-%s\"%s>\n", block_class (block),
                              ct_entity_kind_to_string (block->kind), attributes);
      append_infobox (ctx, out, block);
      g_string_append (out, "</aside>\n");
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (out, FALSE);
}

/* A citation with its http(s) URLs made links. */
static void
append_source (GString    *out,
               const char *source)
{
  const char *p = source;

  while (*p)
    {
      const char *http = strstr (p, "http://");
      const char *https = strstr (p, "https://");
      const char *url = http && (!https || http < https) ? http : https;
      const char *end;
      g_autofree char *before = NULL;
      g_autofree char *link = NULL;

      if (url == NULL)
        {
          g_autofree char *rest = ct_html_escape (p);
          g_string_append (out, rest);
          return;
        }
      for (end = url; *end && !g_ascii_isspace (*end) && *end != '<' && *end != '>' && *end != '"'; end++)
        ;
      while (end > url && strchr (".,;:)", end[-1]) != NULL)
        end--;
      before = g_strndup (p, url - p);
      link = g_strndup (url, end - url);
      {
        g_autofree char *escaped_before = ct_html_escape (before);
        g_autofree char *escaped_link = ct_html_escape (link);
        g_string_append_printf (out, "%s<a href=\"%s\">%s</a>", escaped_before, escaped_link, escaped_link);
      }
      p = end;
    }
}

char *
ct_html_left_out (const char *text,
                  const char *message)
{
  g_autofree char *escaped_text = ct_html_escape (text);
  g_autofree char *escaped_message = ct_html_escape (message);

  return g_strdup_printf ("<p class=\"ct-unresolved\" title=\"%s\">%s</p>\n",
                          escaped_message, escaped_text);
}

char *
ct_html_footnotes (CtRenderContext *ctx)
{
  GPtrArray *notes = ctx->root->footnotes;
  GString *out;

  if (notes->len == 0)
    return NULL;
  out = g_string_new ("<section class=\"ct-footnotes\">\n<ol>\n");
  for (guint i = 0; i < notes->len; i++)
    {
      g_string_append_printf (out, "<li id=\"ct-fn-%u\">", i + 1);
      append_source (out, g_ptr_array_index (notes, i));
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n</section>\n");
  return g_string_free (out, FALSE);
}
