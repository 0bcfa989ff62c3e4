#define G_LOG_DOMAIN "ct-render-refs"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ct-front-matter.h"
#include "ct-render-private.h"
#include "ct-scanner-private.h"

/* How references get into cmark's output. Each closed reference the
 * scanner found is replaced in the source by a placeholder: a private-use
 * code point, the reference's index (padded with blanks to the length of
 * the reference when it is long enough) and a second private-use code point.
 * cmark passes that through untouched as text (it is neither punctuation
 * nor a blank, and it keeps the line count), so the block structure is the
 * one of the original. After parsing, the placeholders are found in the
 * consolidated TEXT nodes and replaced by CUSTOM_INLINE nodes, or, for a
 * block template alone in its paragraph, the paragraph by a CUSTOM_BLOCK.
 * Markdown mode uses the same walk to learn which references are blocks,
 * then splices its flattened output into the original source. */

/* ---- placeholders ---- */

typedef struct {
  CtRenderContext *ctx;
  GPtrArray       *refs;
  char             open[8];
  char             close[8];
  gsize            open_len;
  gsize            close_len;
  gboolean        *used;
  gboolean         splice;        /* Markdown mode at depth 0: no tree changes */
  char           **markdown;      /* per reference, when splicing */
} Walk;

/* Two private-use code points that do not occur in @text. */
static void
choose_delimiters (Walk       *walk,
                   const char *text,
                   gsize       length)
{
  /* U+E000 to U+F8FF are all 0xEE or 0xEF and two more bytes in UTF-8:
   * without those lead bytes (nearly every text) the first pair is free,
   * and memchr says so many bytes at a time */
  if (memchr (text, 0xEE, length) == NULL && memchr (text, 0xEF, length) == NULL)
    {
      walk->open_len = g_unichar_to_utf8 (0xE000, walk->open);
      walk->open[walk->open_len] = '\0';
      walk->close_len = g_unichar_to_utf8 (0xE001, walk->close);
      walk->close[walk->close_len] = '\0';
      return;
    }
  for (gunichar c = 0xE000; c + 1 <= 0xF8FF; c += 2)
    {
      walk->open_len = g_unichar_to_utf8 (c, walk->open);
      walk->open[walk->open_len] = '\0';
      walk->close_len = g_unichar_to_utf8 (c + 1, walk->close);
      walk->close[walk->close_len] = '\0';
      if (g_strstr_len (text, length, walk->open) == NULL
          && g_strstr_len (text, length, walk->close) == NULL)
        return;
    }
}

/* Parses a placeholder at @p; returns its reference index or -1. */
static int
parse_placeholder (Walk        *walk,
                   const char  *p,
                   const char **after)
{
  guint64 index;
  char *end;

  if (strncmp (p, walk->open, walk->open_len) != 0 || !g_ascii_isdigit (p[walk->open_len]))
    return -1;
  index = g_ascii_strtoull (p + walk->open_len, &end, 10);
  while (*end == ' ')
    end++;
  if (strncmp (end, walk->close, walk->close_len) != 0 || index >= walk->refs->len)
    return -1;
  *after = end + walk->close_len;
  return (int) index;
}

/* Writes @index in decimal into @buffer (at least 11 bytes, no nul);
 * returns the length. */
static gsize
format_index (char  *buffer,
              guint  index)
{
  char reversed[16];
  gsize n = 0;

  do
    {
      reversed[n++] = '0' + index % 10;
      index /= 10;
    }
  while (index > 0);
  for (gsize i = 0; i < n; i++)
    buffer[i] = reversed[n - 1 - i];
  return n;
}

static char *
substitute (Walk   *walk,
            gsize   body_offset,
            gsize  *length)
{
  CtRenderContext *ctx = walk->ctx;
  GString *out = g_string_sized_new (ctx->length - body_offset + 16);
  gsize pos = body_offset;

  for (guint i = 0; i < walk->refs->len; i++)
    {
      CtReference *ref = g_ptr_array_index (walk->refs, i);

      if (!ref->closed)
        continue;
      g_string_append_len (out, ctx->text + pos, ref->start - pos);
      {
        gsize before = out->len;
        gsize ref_length = ref->end - ref->start;
        char digits[16];

        /* the index in decimal, without a printf per reference */
        g_string_append_len (out, walk->open, walk->open_len);
        g_string_append_len (out, digits, format_index (digits, i));
        /* padded to the reference's length where it is long enough, so
         * the columns cmark reports (data-sourcepos) stay the source's */
        while (out->len - before + walk->close_len < ref_length)
          g_string_append_c (out, ' ');
        g_string_append (out, walk->close);
      }
      pos = ref->end;
    }
  g_string_append_len (out, ctx->text + pos, ctx->length - pos);

  *length = out->len;
  return g_string_free (out, FALSE);
}

/* Unclosed references stay text, with a warning each. */
static void
diagnose_unclosed (Walk *walk)
{
  for (guint i = 0; i < walk->refs->len; i++)
    {
      CtReference *ref = g_ptr_array_index (walk->refs, i);

      if (!ref->closed)
        ct_render_context_diagnose (walk->ctx, CT_SEVERITY_WARNING, ref,
                                    _("This “%s” is not closed by “%s” on the same line; "
                                    "write “\\%s” to mean the brackets themselves"),
                                    ref->type == CT_REF_LINK ? "[[" : "{{",
                                    ref->type == CT_REF_LINK ? "]]" : "}}",
                                    ref->type == CT_REF_LINK ? "[[" : "{{");
    }
}

typedef struct {
  Walk  *walk;
  gsize  body_offset;
  int    cmark_options;
} ParseData;

/* The body with @refs as placeholders, parsed (CtScanParseFunc). */
static cmark_node *
parse_substituted (GPtrArray *refs,
                   gpointer   user_data)
{
  ParseData *data = user_data;
  gsize length;
  g_autofree char *body = NULL;

  data->walk->refs = refs;
  body = substitute (data->walk, data->body_offset, &length);
  return cmark_parse_document (body, length, data->cmark_options);
}

/* ---- the walk ---- */

static gboolean
inside_image (cmark_node *node)
{
  for (cmark_node *n = cmark_node_parent (node); n; n = cmark_node_parent (n))
    if (cmark_node_get_type (n) == CMARK_NODE_IMAGE)
      return TRUE;
  return FALSE;
}

/* What a container line starts with, turned into what its continuation
 * lines need: `> ` stays, a list marker becomes blanks. */
static char *
continuation_of (CtRenderContext   *ctx,
                 const CtReference *ref)
{
  const char *start = ctx->text + ref->start;
  const char *line = start;
  GString *prefix = g_string_new (NULL);

  while (line > ctx->text && line[-1] != '\n')
    line--;
  for (const char *p = line; p < start; p++)
    g_string_append_c (prefix, (*p == '>' || *p == '\t') ? *p : ' ');
  return g_string_free (prefix, FALSE);
}

static char *
spans_plain_text (GPtrArray *spans)
{
  GString *text;

  /* a link is one span: its text is the plain text */
  if (spans != NULL && spans->len == 1)
    return g_strdup (((CtSpan *) g_ptr_array_index (spans, 0))->text);
  text = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    g_string_append (text, ((CtSpan *) g_ptr_array_index (spans, i))->text);
  return g_string_free (text, FALSE);
}

/* Renders reference @index; for HTML modes, returns the node to put in
 * its place (a CUSTOM_BLOCK when *@is_block is set). */
static cmark_node *
render_one (Walk       *walk,
            guint       index,
            gboolean    alone,
            gboolean    in_image,
            cmark_node *paragraph,
            gboolean   *is_block)
{
  CtRenderContext *ctx = walk->ctx;
  CtReference *ref = g_ptr_array_index (walk->refs, index);
  g_autofree char *source = g_strndup (ctx->text + ref->start, ref->end - ref->start);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(CtBlock) block = NULL;
  cmark_node *node = NULL;

  walk->used[index] = TRUE;
  ct_template_render (ctx, ref, source, alone, &spans, &block);

  if (ctx->depth == 0 && ctx->root->recursion != NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, "%s", ctx->root->recursion);
      g_clear_pointer (&ctx->root->recursion, g_free);
    }

  *is_block = block != NULL;

  if (ctx->options->mode == CT_RENDER_MARKDOWN)
    {
      char *markdown;

      if (block != NULL)
        {
          /* nested notes go through cmark's renderer, which adds the
           * container prefixes itself */
          g_autofree char *continuation = walk->splice ? continuation_of (ctx, ref) : g_strdup ("");
          markdown = ct_markdown_block (ctx, block, continuation);
        }
      else
        markdown = ct_markdown_spans (ctx, spans);

      if (walk->splice)
        {
          walk->markdown[index] = markdown;
          return NULL;
        }
      node = cmark_node_new (block != NULL ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE);
      cmark_node_set_on_enter (node, markdown);
      g_free (markdown);
      return node;
    }

  if (block != NULL)
    {
      g_autofree char *attributes = NULL;
      g_autofree char *html = NULL;
      CtSourcePos *pos = g_new0 (CtSourcePos, 1);

      /* the paragraph holds only the reference: its source columns are the
       * reference's, not the placeholder's */
      pos->start_line = cmark_node_get_start_line (paragraph);
      pos->start_column = cmark_node_get_start_column (paragraph);
      pos->end_line = cmark_node_get_end_line (paragraph);
      pos->end_column = pos->start_column + (int) (ref->end - ref->start) - 1;
      g_ptr_array_add (ctx->root->user_data, pos);

      if (ctx->options->mode == CT_RENDER_PREVIEW && ctx->depth == 0)
        attributes = g_strdup_printf (" data-sourcepos=\"%d:%d-%d:%d\"",
                                      pos->start_line, pos->start_column,
                                      pos->end_line, pos->end_column);
      html = ct_html_block (ctx, block, attributes ? attributes : "");
      node = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);
      cmark_node_set_on_enter (node, html);
      cmark_node_set_user_data (node, pos);
    }
  else if (in_image)
    {
      /* cmark writes image alt text as plain text and drops custom nodes */
      g_autofree char *plain = spans_plain_text (spans);
      node = cmark_node_new (CMARK_NODE_TEXT);
      cmark_node_set_literal (node, plain);
    }
  else
    {
      g_autofree char *html = ct_html_spans (ctx, spans);
      char *plain = spans_plain_text (spans);

      node = cmark_node_new (CMARK_NODE_CUSTOM_INLINE);
      cmark_node_set_on_enter (node, html);
      cmark_node_set_user_data (node, plain);
      g_ptr_array_add (ctx->root->user_data, plain);
    }
  return node;
}

/* [@start, @end) of a copy this file owns: the byte at @end is set to
 * nul for cmark to copy the piece, then put back, which saves a copy of
 * every piece of text between references. */
static void
insert_text_before (cmark_node *node,
                    char       *start,
                    char       *end)
{
  cmark_node *text_node;
  char saved;

  if (end <= start)
    return;
  saved = *end;
  *end = '\0';
  text_node = cmark_node_new (CMARK_NODE_TEXT);
  cmark_node_set_literal (text_node, start);
  *end = saved;
  cmark_node_insert_before (node, text_node);
}

static void
replace_in_text_node (Walk       *walk,
                      cmark_node *node)
{
  g_autofree char *literal = g_strdup (cmark_node_get_literal (node));
  cmark_node *parent = cmark_node_parent (node);
  gboolean in_image = inside_image (node);
  const char *p = literal;
  char *text_start = literal;
  char *hit;

  /* a block template alone in its paragraph replaces the paragraph */
  if (cmark_node_get_type (parent) == CMARK_NODE_PARAGRAPH
      && cmark_node_first_child (parent) == node && cmark_node_last_child (parent) == node)
    {
      const char *after;
      int index = parse_placeholder (walk, literal, &after);

      if (index >= 0 && *after == '\0' && !walk->used[index])
        {
          CtReference *ref = g_ptr_array_index (walk->refs, index);

          if (ref->type == CT_REF_TEMPLATE && ct_template_is_block (ref->name))
            {
              gboolean is_block;
              cmark_node *replacement = render_one (walk, index, TRUE, FALSE, parent, &is_block);

              if (replacement == NULL)
                return;  /* Markdown mode */
              if (is_block)
                {
                  cmark_node_replace (parent, replacement);
                  cmark_node_free (parent);
                }
              else
                {
                  cmark_node_insert_before (node, replacement);
                  cmark_node_free (node);
                }
              return;
            }
        }
    }

  while ((hit = strstr (p, walk->open)) != NULL)
    {
      const char *after;
      int index = parse_placeholder (walk, hit, &after);
      gboolean is_block;
      cmark_node *replacement;

      if (index < 0 || walk->used[index])
        {
          p = hit + walk->open_len;
          continue;
        }
      replacement = render_one (walk, index, FALSE, in_image, parent, &is_block);
      if (replacement != NULL)
        {
          insert_text_before (node, text_start, hit);
          cmark_node_insert_before (node, replacement);
        }
      p = after;
      text_start = literal + (after - literal);
    }

  if (!walk->splice)
    {
      insert_text_before (node, text_start, literal + strlen (literal));
      cmark_node_free (node);
    }
}

/* Placeholders cmark did not leave in text (a link's URL or title, a
 * reference definition) go back to the text as written. */
static char *
restore (Walk       *walk,
         const char *value)
{
  GString *out;
  const char *p = value;
  const char *hit;

  if (value == NULL || strstr (value, walk->open) == NULL)
    return NULL;

  out = g_string_new (NULL);
  while ((hit = strstr (p, walk->open)) != NULL)
    {
      const char *after;
      int index = parse_placeholder (walk, hit, &after);

      g_string_append_len (out, p, hit - p);
      if (index < 0)
        {
          g_string_append (out, walk->open);
          p = hit + walk->open_len;
          continue;
        }
      {
        CtReference *ref = g_ptr_array_index (walk->refs, index);
        g_string_append_len (out, walk->ctx->text + ref->start, ref->end - ref->start);
      }
      p = after;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

static void
restore_node (Walk       *walk,
              cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      {
        g_autofree char *url = restore (walk, cmark_node_get_url (node));
        g_autofree char *title = restore (walk, cmark_node_get_title (node));
        if (url)
          cmark_node_set_url (node, url);
        if (title)
          cmark_node_set_title (node, title);
      }
      break;
    case CMARK_NODE_CODE:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_HTML_BLOCK:
      {
        g_autofree char *literal = restore (walk, cmark_node_get_literal (node));
        if (literal)
          cmark_node_set_literal (node, literal);
      }
      break;
    default:
      break;
    }
}

static char *
splice_markdown (Walk *walk)
{
  CtRenderContext *ctx = walk->ctx;
  GString *out = g_string_sized_new (ctx->length + 64);
  gsize pos = 0;

  for (guint i = 0; i < walk->refs->len; i++)
    {
      CtReference *ref = g_ptr_array_index (walk->refs, i);

      if (walk->markdown[i] == NULL)
        continue;
      g_string_append_len (out, ctx->text + pos, ref->start - pos);
      g_string_append (out, walk->markdown[i]);
      pos = ref->end;
    }
  g_string_append_len (out, ctx->text + pos, ctx->length - pos);
  return g_string_free (out, FALSE);
}

cmark_node *
ct_render_references (CtRenderContext  *ctx,
                      gsize             body_offset,
                      int               cmark_options,
                      char            **markdown)
{
  Walk walk = { ctx };
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) text_nodes = NULL;
  cmark_node *doc;
  cmark_iter *iter;
  cmark_event_type ev;

  if (!ct_text_has_reference_opener (ctx->text, ctx->length))
    {
      if (markdown != NULL)
        *markdown = g_strndup (ctx->text, ctx->length);
      return cmark_parse_document (ctx->text + body_offset, ctx->length - body_offset, cmark_options);
    }

  choose_delimiters (&walk, ctx->text, ctx->length);
  {
    ParseData data = { &walk, body_offset, cmark_options };

    /* one parse serves the scanner and the render */
    refs = _ct_scan_references_parsed (ctx->text, ctx->length, parse_substituted, &data, &doc);
    walk.refs = refs;
  }
  diagnose_unclosed (&walk);
  walk.splice = ctx->options->mode == CT_RENDER_MARKDOWN && ctx->depth == 0;
  walk.used = g_new0 (gboolean, refs->len);
  walk.markdown = g_new0 (char *, refs->len + 1);

  /* cmark 0.30 merges adjacent text nodes at the end of its parse, so a
   * placeholder is whole in one TEXT node; merging again here would be one
   * more walk of the whole tree. Markdown mode still asks for it: cmark's
   * Markdown writer escapes a character by the one after it in the same
   * node, and its output must not depend on how a parser left them. */
  if (ctx->options->mode == CT_RENDER_MARKDOWN)
    cmark_consolidate_text_nodes (doc);

  /* collect first: the replacements change the tree */
  text_nodes = g_ptr_array_new ();
  iter = cmark_iter_new (doc);
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev != CMARK_EVENT_ENTER)
        continue;
      if (cmark_node_get_type (node) == CMARK_NODE_TEXT)
        {
          if (strstr (cmark_node_get_literal (node), walk.open) != NULL)
            g_ptr_array_add (text_nodes, node);
        }
      else
        restore_node (&walk, node);
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < text_nodes->len; i++)
    replace_in_text_node (&walk, g_ptr_array_index (text_nodes, i));

  if (walk.splice && markdown != NULL)
    *markdown = splice_markdown (&walk);

  g_free (walk.used);
  g_strfreev (walk.markdown);
  return doc;
}

/* ---- entity notes ---- */

/* What cmark's safe mode would drop from HTML (CommonMark §6.6, cmark's
 * _scan_dangerous_url): script-capable URL schemes. */
static gboolean
is_dangerous_url (const char *url)
{
  static const char * const schemes[] = { "javascript:", "vbscript:", "file:", "data:", NULL };
  static const char * const images[] = { "data:image/png", "data:image/gif", "data:image/jpeg",
                                         "data:image/webp", NULL };

  for (guint i = 0; images[i]; i++)
    if (g_ascii_strncasecmp (url, images[i], strlen (images[i])) == 0)
      return FALSE;
  for (guint i = 0; schemes[i]; i++)
    if (g_ascii_strncasecmp (url, schemes[i], strlen (schemes[i])) == 0)
      return TRUE;
  return FALSE;
}

/* Raw HTML becomes text and dangerous links lose their URL, so the
 * Markdown that cmark writes back is inert in any engine. */
static void
make_inert (cmark_node *doc)
{
  g_autoptr(GPtrArray) html = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (doc);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev != CMARK_EVENT_ENTER)
        continue;
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_HTML_BLOCK:
          g_ptr_array_add (html, node);
          break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          if (cmark_node_get_url (node) != NULL && is_dangerous_url (cmark_node_get_url (node)))
            cmark_node_set_url (node, "");
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < html->len; i++)
    {
      cmark_node *node = g_ptr_array_index (html, i);
      cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);

      cmark_node_set_literal (text, cmark_node_get_literal (node));
      if (cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK)
        {
          cmark_node *paragraph = cmark_node_new (CMARK_NODE_PARAGRAPH);
          cmark_node_append_child (paragraph, text);
          text = paragraph;
        }
      cmark_node_replace (node, text);
      cmark_node_free (node);
    }
}

static char *
left_out (CtRenderContext *ctx,
          const CtEntity  *entity,
          const char      *message)
{
  g_autofree char *text = g_strdup_printf (_("(The notes of “%s” are left out here.)"), entity->title);

  if (ctx->options->mode == CT_RENDER_MARKDOWN)
    return ct_markdown_left_out (text);
  return ct_html_left_out (text, message);
}

char *
ct_render_notes (CtRenderContext *ctx,
                 const CtEntity  *entity)
{
  CtRenderContext child;
  char *output = NULL;
  gsize body_offset;
  guint body_line;
  cmark_node *doc;

  if (entity->notes == NULL || *entity->notes == '\0'
      || !g_utf8_validate (entity->notes, -1, NULL))
    return NULL;

  for (CtRenderContext *c = ctx; c != NULL; c = c->parent)
    if (c->notes_of == entity->id)
      {
        g_autofree char *message =
          g_strdup_printf (_("The notes of “%s” embed themselves through templates, "
                             "so they are shown only once"), entity->title);
        if (ctx->root->recursion == NULL)
          ctx->root->recursion = g_strdup (message);
        return left_out (ctx, entity, message);
      }

  if (ctx->depth + 1 > CT_RENDER_MAX_DEPTH)
    {
      g_autofree char *message =
        g_strdup_printf (_("Templates nest more than %d deep through entity notes; "
                           "the notes of “%s” are left out"), CT_RENDER_MAX_DEPTH, entity->title);
      if (ctx->root->recursion == NULL)
        ctx->root->recursion = g_strdup (message);
      return left_out (ctx, entity, message);
    }

  ct_render_context_init_child (&child, ctx, entity);
  ct_front_matter_split (child.text, child.length, &body_offset, &body_line);

  /* notes come from the database: never raw HTML, whatever the setting */
  doc = ct_render_references (&child, body_offset, CMARK_OPT_DEFAULT, NULL);
  if (ctx->options->mode == CT_RENDER_MARKDOWN)
    {
      char *markdown;

      /* the reader's Markdown engine may keep raw HTML: hand it none */
      make_inert (doc);
      markdown = cmark_render_commonmark (doc, CMARK_OPT_DEFAULT, 0);
      output = g_strdup (markdown);
      free (markdown);
    }
  else
    {
      char *html = cmark_render_html (doc, CMARK_OPT_DEFAULT);
      output = g_strdup (html);
      free (html);
    }
  cmark_node_free (doc);
  g_free (child.last_message);

  return output;
}
