#define G_LOG_DOMAIN "ct-render-markdown"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ct-fact-format.h"
#include "ct-render-private.h"

/* Spans and blocks as plain Markdown, for Hugo, Jekyll and friends: links
 * become `[label](SITE_URL/KIND/SLUG.html)` when a site URL is given, else
 * the label as text; blocks become pipe tables and lists. Text from the
 * wiki is backslash-escaped so it cannot turn into Markdown syntax (or raw
 * HTML) in the reader's engine. */

char *
ct_markdown_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '\n' || *p == '\r')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("\\`*_[]<>&|#~{}!", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
append_span (CtRenderContext *ctx,
             GString         *out,
             const CtSpan    *span)
{
  g_autofree char *text = NULL;
  g_autofree char *url = NULL;

  /* the document's own text stays as written; notes' text is data */
  if (span->raw_markdown && ctx->depth == 0)
    {
      g_string_append (out, span->text);
      return;
    }

  text = ct_markdown_escape (span->text);
  if (span->entity_id > 0)
    url = ct_render_entity_url (ctx->options, span->kind, span->slug, span->entity_id);
  if (url != NULL)
    g_string_append_printf (out, "[%s](%s)", text, url);
  else
    g_string_append (out, text);

  /* HTML's stylesheet sets a "when" apart with " ·"; plain text needs it
   * written, or "June 2025 Ballerina release" reads as one phrase */
  if (span->role == CT_SPAN_ROLE_WHEN)
    g_string_append (out, " ·");
  if (ct_fact_status_note (span->status) != NULL)
    {
      g_autofree char *note = ct_markdown_escape (ct_fact_status_note (span->status));
      g_string_append_printf (out, " *%s*", note);
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
ct_markdown_spans (CtRenderContext *ctx,
                   GPtrArray       *spans)
{
  GString *out = g_string_new (NULL);

  append_spans (ctx, out, spans);
  return g_string_free (out, FALSE);
}

/* Appends @text's lines, each after a line break and @indent. */
static void
append_indented (GString    *out,
                 const char *text,
                 const char *indent)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  /* text ends with a line break: no empty last line */
  if (n > 0 && *lines[n - 1] == '\0')
    n--;
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (out, '\n');
      if (*lines[i] != '\0')
        g_string_append (out, indent);
      g_string_append (out, lines[i]);
    }
}

static GPtrArray *
row_cell (const CtRow *row,
          guint        i)
{
  return i < row->cells->len ? g_ptr_array_index (row->cells, i) : NULL;
}

static void
append_table_row (GString *out,
                  GStrv    cells,
                  gboolean translate)
{
  g_string_append (out, "|");
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = translate ? ct_markdown_escape (_(cells[i])) : g_strdup (cells[i]);
      g_string_append_printf (out, " %s |", cell);
    }
}

static void
append_table (CtRenderContext *ctx,
              GString         *out,
              const CtBlock   *block,
              const char      *nl)
{
  guint n = g_strv_length ((GStrv) block->columns);
  g_autoptr(GStrvBuilder) rule = g_strv_builder_new ();
  g_auto(GStrv) rule_cells = NULL;

  append_table_row (out, (GStrv) block->columns, TRUE);
  for (guint c = 0; c < n; c++)
    g_strv_builder_add (rule, "---");
  rule_cells = g_strv_builder_end (rule);
  g_string_append (out, nl);
  append_table_row (out, rule_cells, FALSE);

  for (guint r = 0; r < block->rows->len; r++)
    {
      const CtRow *row = g_ptr_array_index (block->rows, r);
      GString *line = g_string_new ("|");

      for (guint c = 0; c < n; c++)
        {
          g_autofree char *text = ct_markdown_spans (ctx, row_cell (row, c));
          g_string_append_printf (line, " %s |", text);
        }
      g_string_append (out, nl);
      g_string_append (out, line->str);
      g_string_free (line, TRUE);
    }
}

/* A list item must not start like a block of its own ("- x", "1. x"). */
static char *
item_text (const char *text)
{
  const char *p = text;

  while (g_ascii_isdigit (*p))
    p++;
  if (*text != '\0' && strchr ("-+=>", *text) != NULL)
    return g_strdup_printf ("\\%s", text);
  if (p > text && (*p == '.' || *p == ')'))
    return g_strdup_printf ("%.*s\\%s", (int) (p - text), text, p);
  return g_strdup (text);
}

static void
append_list (CtRenderContext *ctx,
             GString         *out,
             const CtBlock   *block,
             const char      *continuation,
             const char      *nl)
{
  for (guint r = 0; r < block->rows->len; r++)
    {
      const CtRow *row = g_ptr_array_index (block->rows, r);
      g_autofree char *spans = ct_markdown_spans (ctx, row_cell (row, 0));
      g_autofree char *text = item_text (spans);
      g_autofree char *marker = block->style == CT_BLOCK_ORDERED ? g_strdup_printf ("%u. ", r + 1)
                                                                 : g_strdup ("- ");

      if (r > 0)
        g_string_append (out, nl);
      g_string_append_printf (out, "%s%s", marker, text);
      if (row->notes != NULL)
        {
          g_autofree char *indent = g_strdup_printf ("%s%*s", continuation, (int) strlen (marker), "");
          g_string_append (out, nl);
          append_indented (out, row->notes, indent);
        }
    }
}

static void
append_infobox (CtRenderContext *ctx,
                GString         *out,
                const CtBlock   *block,
                const char      *continuation,
                const char      *nl)
{
  static const char * const columns[] = { N_("Fact"), N_("Value"), NULL };
  g_autofree char *heading = ct_markdown_spans (ctx, block->heading);

  g_string_append_printf (out, "**%s**", heading);
  if (block->summary != NULL && *block->summary != '\0')
    {
      g_autofree char *summary = ct_markdown_escape (block->summary);
      g_string_append_printf (out, "%s%s%s", nl, nl, summary);
    }
  if (block->rows->len > 0)
    {
      CtBlock table = *block;

      table.columns = columns;
      g_string_append_printf (out, "%s%s", nl, nl);
      append_table (ctx, out, &table, nl);
    }
  if (block->notes != NULL)
    {
      g_string_append (out, nl);
      append_indented (out, block->notes, continuation);
    }
}

/**
 * ct_markdown_block:
 * @continuation: what each line after the first starts with, so the block
 *   stays in its container (`> ` in a quote, blanks in a list item)
 */
char *
ct_markdown_block (CtRenderContext *ctx,
                   const CtBlock   *block,
                   const char      *continuation)
{
  GString *out = g_string_new (NULL);
  g_autofree char *nl = g_strdup_printf ("\n%s", continuation);

  if (block->rows->len == 0 && block->next == NULL && block->empty != NULL)
    {
      g_autofree char *empty = ct_markdown_escape (_(block->empty));
      g_string_append_printf (out, "*%s*", empty);
      return g_string_free (out, FALSE);
    }

  switch (block->style)
    {
    case CT_BLOCK_TABLE:
      if (block->caption == NULL)
        {
          append_table (ctx, out, block, nl);
          break;
        }
      /* tables with captions (cast, then crew): each after its caption */
      for (const CtBlock *part = block; part != NULL; part = part->next)
        {
          g_autofree char *caption = NULL;

          if (part->rows->len == 0)
            continue;
          caption = ct_markdown_escape (_(part->caption));
          if (out->len > 0)
            g_string_append_printf (out, "%s%s", nl, nl);
          g_string_append_printf (out, "**%s**%s%s", caption, nl, nl);
          append_table (ctx, out, part, nl);
        }
      break;
    case CT_BLOCK_ORDERED:
    case CT_BLOCK_BULLETS:
      append_list (ctx, out, block, continuation, nl);
      break;
    case CT_BLOCK_INFOBOX:
      append_infobox (ctx, out, block, continuation, nl);
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (out, FALSE);
}

char *
ct_markdown_left_out (const char *text)
{
  g_autofree char *escaped = ct_markdown_escape (text);

  return g_strdup_printf ("*%s*\n", escaped);
}
