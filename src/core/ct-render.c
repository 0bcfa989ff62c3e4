#define G_LOG_DOMAIN "ct-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>
#include <cmark.h>

#include "ct-diagnostic.h"
#include "ct-error.h"
#include "ct-fact-format.h"
#include "ct-front-matter.h"
#include "ct-prose-check.h"
#include "ct-render-private.h"
#include "ct-render-blocks.h"
#include "ct-resources.h"

static void
ct_render_block_free (CtRenderBlock *block)
{
  g_free (block->html);
  g_free (block);
}

void
ct_mention_free (CtMention *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self);
}

void
ct_render_result_free (CtRenderResult *self)
{
  if (self == NULL)
    return;
  g_free (self->output);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->block_list, ct_block_list_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_free (self->title);
  g_free (self);
}

/* Where @text stops being UTF-8 (as g_utf8_validate_len judges, a nul
 * included), or NULL. A review is nearly all ASCII: runs of it pass eight
 * bytes at a time, and g_utf8_validate_len, a byte at a time, sees only
 * the stretches around other characters. On a 3 MB post that is a
 * millisecond or two less before the parse. */
static const char *
find_invalid_utf8 (const char *text,
                   gsize       length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *stop;
      const char *bad;

      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          /* a byte of 0x80 or more, or (with false alarms only) a nul */
          if (((word | ((word - ones) & ~word)) & highs) != 0)
            break;
          p += 8;
        }
      /* up to 64 bytes on, and on past continuation bytes, so the stretch
       * ends where a character starts */
      stop = p + MIN ((gsize) (end - p), 64);
      while (stop < end && ((guchar) *stop & 0xC0) == 0x80)
        stop++;
      if (!g_utf8_validate_len (p, stop - p, &bad))
        return bad;
      p = stop;
    }
  return NULL;
}

gboolean
ct_text_validate_utf8 (const char  *text,
                       gsize        length,
                       GError     **error)
{
  const char *bad;
  guint line = 1;

  bad = find_invalid_utf8 (text, length);
  if (bad == NULL)
    return TRUE;

  for (const char *p = text; p < bad; p++)
    if (*p == '\n')
      line++;
  g_set_error (error, CT_ERROR, CT_ERROR_ENCODING,
               "The text is not valid UTF-8 (line %u, byte %" G_GSIZE_FORMAT "); "
               "convert it to UTF-8 first, for example by opening and saving it in Continuity",
               line, (gsize) (bad - text) + 1);
  return FALSE;
}

GBytes *
ct_render_get_stylesheet (void)
{
  return ct_core_resource_bytes ("preview/continuity.css");
}

/* cmark writes data-sourcepos="L1:C1-L2:C2" with lines counted in the whole
 * body. Rewrite the lines relative to the block's own first line, so a
 * block renders the same bytes wherever it moves. */
static char *
relativize_sourcepos (const char *html,
                      int         block_line)
{
  static const char attr[] = "data-sourcepos=\"";
  GString *out = g_string_sized_new (strlen (html) + 16);
  const char *p = html;
  const char *hit;

  while ((hit = strstr (p, attr)) != NULL)
    {
      const char *q = hit + sizeof attr - 1;
      char *end;
      long l1, c1, l2, c2;

      g_string_append_len (out, p, q - p);
      l1 = strtol (q, &end, 10);
      if (*end != ':') { p = q; continue; }
      c1 = strtol (end + 1, &end, 10);
      if (*end != '-') { p = q; continue; }
      l2 = strtol (end + 1, &end, 10);
      if (*end != ':') { p = q; continue; }
      c2 = strtol (end + 1, &end, 10);
      g_string_append_printf (out, "%ld:%ld-%ld:%ld",
                              l1 - block_line + 1, c1, l2 - block_line + 1, c2);
      p = end;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

static char *
node_plain_text (cmark_node *node)
{
  GString *text = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      if (ev != CMARK_EVENT_ENTER)
        continue;
      switch (cmark_node_get_type (cur))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (text, cmark_node_get_literal (cur));
          break;
        case CMARK_NODE_CUSTOM_INLINE:
          /* a reference: its plain text (ct-render-refs.c) */
          if (cmark_node_get_user_data (cur) != NULL)
            g_string_append (text, cmark_node_get_user_data (cur));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (text, ' ');
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);

  {
    char *plain = g_strstrip (g_string_free (text, FALSE));
    if (*plain == '\0')
      g_clear_pointer (&plain, g_free);
    return plain;
  }
}

static char *
first_heading_text (cmark_node *doc)
{
  for (cmark_node *n = cmark_node_first_child (doc); n; n = cmark_node_next (n))
    if (cmark_node_get_type (n) == CMARK_NODE_HEADING)
      return node_plain_text (n);
  return NULL;
}

/* The first paragraph's words: a standalone page's description when the
 * front matter has none. */
static char *
first_paragraph_text (cmark_node *doc)
{
  for (cmark_node *n = cmark_node_first_child (doc); n; n = cmark_node_next (n))
    if (cmark_node_get_type (n) == CMARK_NODE_PARAGRAPH)
      return node_plain_text (n);
  return NULL;
}

static void
render_preview_blocks (CtRenderResult *result,
                       cmark_node     *doc,
                       int             options)
{
  for (cmark_node *n = cmark_node_first_child (doc); n; n = cmark_node_next (n))
    {
      CtRenderBlock *block = g_new0 (CtRenderBlock, 1);
      int start = cmark_node_get_start_line (n);
      int end = cmark_node_get_end_line (n);

      if (cmark_node_get_type (n) == CMARK_NODE_CUSTOM_BLOCK && cmark_node_get_user_data (n) != NULL)
        {
          const CtSourcePos *pos = cmark_node_get_user_data (n);
          start = pos->start_line;
          end = pos->end_line;
        }
      char *html = cmark_render_html (n, options | CMARK_OPT_SOURCEPOS);

      block->html = relativize_sourcepos (html, start);
      block->first_line = (guint) start + result->body_line - 1;
      block->last_line = (guint) MAX (start, end) + result->body_line - 1;
      free (html);
      g_ptr_array_add (result->blocks, block);
    }
}

/* The title and the spoiler promise; YAML that does not parse is a
 * warning on the first line (the body still renders). Returns the front
 * matter for the header, or NULL. */
static CtFrontMatter *
read_front_matter (CtRenderContext *ctx,
                   CtRenderResult  *result,
                   const char      *text,
                   gsize            length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtFrontMatter) meta = ct_front_matter_parse (text, length, &error);

  if (meta == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The front matter is not read: %s"), error->message);
      const char *nl = memchr (text, '\n', length);

      g_ptr_array_add (ctx->diagnostics,
                       ct_diagnostic_new (CT_SEVERITY_WARNING, text, 0, nl ? (gsize) (nl - text) : length,
                                          message));
      return NULL;
    }
  result->title = g_strdup (meta->title);
  ctx->spoilers = meta->spoilers;
  return g_steal_pointer (&meta);
}

/* The post's front matter as a reader sees it above the text (preview and
 * standalone; a fragment goes into a page that has its own): the title
 * unless the text opens with a heading of its own, a Draft badge, the
 * date as the locale writes it, the tags. NULL when there is nothing to
 * show. Everything in it is the user's text, so all of it is escaped. */
static char *
post_header (const CtFrontMatter *meta,
             cmark_node          *doc,
             const char          *attributes)
{
  cmark_node *first = cmark_node_first_child (doc);
  gboolean show_title = meta->title != NULL && *meta->title != '\0'
                        && !(first != NULL && cmark_node_get_type (first) == CMARK_NODE_HEADING
                             && cmark_node_get_heading_level (first) == 1);
  GString *out;
  GString *line;

  line = g_string_new (NULL);
  if (meta->draft)
    {
      g_autofree char *draft = g_markup_escape_text (_("Draft"), -1);
      g_string_append_printf (line, "<span class=\"ct-post-draft\">%s</span>", draft);
    }
  if (meta->date != NULL && *meta->date != '\0')
    {
      g_autofree char *machine = NULL;
      g_autofree char *shown = ct_post_date_format (meta->date, &machine);
      g_autofree char *escaped = g_markup_escape_text (shown, -1);

      g_string_append (line, line->len ? " <time" : "<time");
      if (machine != NULL)
        g_string_append_printf (line, " datetime=\"%s\"", machine);   /* digits and dashes only */
      g_string_append_printf (line, ">%s</time>", escaped);
    }
  for (guint i = 0; meta->tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_markup_escape_text (meta->tags[i], -1);
      g_string_append_printf (line, "%s<span class=\"ct-post-tag\">%s</span>", line->len ? " " : "", tag);
    }

  if (!show_title && line->len == 0)
    {
      g_string_free (line, TRUE);
      return NULL;
    }
  out = g_string_new (NULL);
  g_string_append_printf (out, "<header class=\"ct-post-header\"%s>\n", attributes);
  if (show_title)
    {
      g_autofree char *title = g_markup_escape_text (meta->title, -1);
      g_string_append_printf (out, "<h1 class=\"ct-post-title\">%s</h1>\n", title);
    }
  if (line->len > 0)
    g_string_append_printf (out, "<p class=\"ct-post-meta\">%s</p>\n", line->str);
  g_string_append (out, "</header>\n");
  g_string_free (line, TRUE);
  return g_string_free (out, FALSE);
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const CtDiagnostic *da = *(CtDiagnostic * const *) a;
  const CtDiagnostic *db = *(CtDiagnostic * const *) b;

  return da->start < db->start ? -1 : da->start > db->start;
}

/**
 * ct_render:
 * @text: Markdown, optionally starting with YAML front matter
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 *
 * Returns: (transfer full) (nullable): the result, or %NULL when @text is
 *   not UTF-8
 */
CtRenderResult *
ct_render (const char             *text,
           gssize                  length,
           const CtRenderOptions  *options,
           GError                **error)
{
  g_autoptr(CtRenderResult) result = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *footnotes = NULL;
  g_autofree char *header = NULL;
  g_autoptr(CtFrontMatter) meta = NULL;
  CtRenderContext ctx;
  gsize body_offset;
  guint body_line;
  int cmark_options;
  cmark_node *doc;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if (!ct_text_validate_utf8 (text, length, error))
    return NULL;

  result = g_new0 (CtRenderResult, 1);
  result->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_render_block_free);

  ct_front_matter_split (text, length, &body_offset, &body_line);
  result->body_line = body_line;

  ct_render_context_init (&ctx, options, text, length);
  meta = read_front_matter (&ctx, result, text, length);

  cmark_options = CMARK_OPT_DEFAULT;
  if (options->allow_raw_html)
    cmark_options |= CMARK_OPT_UNSAFE;

  doc = ct_render_references (&ctx, body_offset, cmark_options,
                              options->mode == CT_RENDER_MARKDOWN ? &markdown : NULL);
  if (result->title == NULL)
    result->title = first_heading_text (doc);

  switch (options->mode)
    {
    case CT_RENDER_PREVIEW:
      /* the front matter's lines are the header's block, so the editor
       * and the preview still scroll together */
      if (meta != NULL && body_line > 1)
        {
          g_autofree char *pos = g_strdup_printf (" data-sourcepos=\"1:1-%u:3\"", body_line - 1);
          header = post_header (meta, doc, pos);
        }
      if (header != NULL)
        {
          CtRenderBlock *block = g_new0 (CtRenderBlock, 1);

          block->html = g_steal_pointer (&header);
          block->first_line = 1;
          block->last_line = body_line - 1;
          g_ptr_array_add (result->blocks, block);
        }
      render_preview_blocks (result, doc, cmark_options);
      result->output = g_strdup ("");
      break;

    case CT_RENDER_FRAGMENT:
    case CT_RENDER_SITE:
      {
        char *html = cmark_render_html (doc, cmark_options);
        footnotes = ct_html_footnotes (&ctx);
        /* Without footnotes cmark's buffer is the output, not copied (a
         * whole 3 MB page again). GLib's allocator is the system's
         * malloc since 2.46, so g_free may free what cmark allocated. */
        if (footnotes == NULL)
          result->output = html;
        else
          {
            result->output = g_strconcat (html, footnotes, NULL);
            free (html);
          }
      }
      break;

    case CT_RENDER_STANDALONE:
      {
        char *html = cmark_render_html (doc, cmark_options);
        g_autofree char *body = NULL;
        g_autofree char *summary = first_paragraph_text (doc);

        footnotes = ct_html_footnotes (&ctx);
        if (meta != NULL)
          header = post_header (meta, doc, "");
        body = g_strconcat (header ? header : "", html, footnotes, NULL);
        result->output = ct_render_standalone_page (body, options->title ? options->title : result->title,
                                                    meta, summary, options->theme);
        free (html);
      }
      break;

    case CT_RENDER_MARKDOWN:
      result->output = g_steal_pointer (&markdown);
      break;

    default:
      g_assert_not_reached ();
    }

  cmark_node_free (doc);

  /* The prose checks join the reference diagnostics here, so the editor,
   * the preview and `continuity check` get them from the one render. A
   * wiki that cannot be read leaves them out; the references say why. */
  if (options->wiki != NULL && options->check_prose)
    {
      g_autoptr(GError) prose_error = NULL;

      if (!ct_prose_check (options->wiki, text, length, CT_PROSE_CHECK_ALL, ctx.diagnostics, &prose_error))
        g_debug ("The prose was not checked: %s", prose_error->message);
    }

  /* stable: problems of one reference keep the order they were found in */
  g_ptr_array_sort (ctx.diagnostics, compare_diagnostics);
  result->diagnostics = g_steal_pointer (&ctx.diagnostics);
  result->mentions = g_steal_pointer (&ctx.mentions);
  ct_render_context_clear (&ctx);

  return g_steal_pointer (&result);
}
