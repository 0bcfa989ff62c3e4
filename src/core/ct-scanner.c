#define G_LOG_DOMAIN "ct-scanner"

#include "config.h"

#include <string.h>
#include <cmark.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ct-front-matter.h"
#include "ct-scanner-private.h"

/* The scanner works in two passes. cmark parses the body to tell which
 * lines hold inline content (paragraphs and headings): that is exactly
 * where the renderer will see text, and it settles code blocks, HTML
 * blocks, containers and lazy lines the way CommonMark does. Then each
 * such block is scanned byte by byte for the inline constructs that hide
 * text from us (code spans, autolinks, raw HTML, link destinations,
 * escapes) and for references. cmark 0.30 gives no positions for inline
 * nodes, which is why the inline pass is ours. */


void
ct_reference_free (CtReference *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->target);
  g_free (self->label);
  g_free (self->key);
  g_free (self);
}

CtReference *
ct_reference_copy (const CtReference *self)
{
  CtReference *copy = g_memdup2 (self, sizeof *self);

  copy->name = g_strdup (self->name);
  copy->target = g_strdup (self->target);
  copy->label = g_strdup (self->label);
  copy->key = g_strdup (self->key);
  return copy;
}

gboolean
ct_text_has_reference_opener (const char *text,
                              gsize       length)
{
  for (gsize i = 0; i + 1 < length; i++)
    if ((text[i] == '[' || text[i] == '{') && text[i + 1] == text[i])
      return TRUE;
  return FALSE;
}

static gboolean
is_ascii_punct (char c)
{
  return c > 0 && g_ascii_ispunct (c);
}

/* A trimmed copy of [start, end), valid UTF-8 whatever the input. */
char *
_ct_scanner_trimmed (const char *start,
                     const char *end)
{
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  return g_utf8_make_valid (start, end - start);
}

/* ---- references ---- */

static void
position (Scanner *self,
          gsize    offset,
          guint   *line,
          guint   *column)
{
  GArray *starts = self->line_starts;
  guint lo = 0, hi = starts->len;
  guint count;
  const char *p;
  const char *end;

  /* the last line starting at or before @offset */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  *line = self->first_line + lo;
  /* characters are the bytes that do not continue one (the text is valid
   * UTF-8), counted sixteen at a time where SSE2 is there: every
   * reference counts from the start of its line, on both passes, and a
   * paragraph is often one long line. */
  count = 1;
  p = self->text + g_array_index (starts, gsize, lo);
  end = self->text + offset;
#ifdef __SSE2__
  {
    const __m128i top = _mm_set1_epi8 ((char) 0xC0);
    const __m128i continuation = _mm_set1_epi8 ((char) 0x80);

    for (; end - p >= 16; p += 16)
      {
        __m128i v = _mm_loadu_si128 ((const __m128i *) p);
        int mask = _mm_movemask_epi8 (_mm_cmpeq_epi8 (_mm_and_si128 (v, top), continuation));

        count += 16 - __builtin_popcount ((unsigned) mask);
      }
  }
#endif
  for (; p < end; p++)
    count += ((guchar) *p & 0xC0) != 0x80;
  *column = count;
}

static void
split_at_bar (const char  *start,
              const char  *end,
              char       **before,
              char       **after)
{
  const char *bar = _ct_scanner_find_char (start, end, '|');

  *before = _ct_scanner_trimmed (start, bar);
  *after = NULL;
  if (bar < end)
    {
      *after = _ct_scanner_trimmed (bar + 1, end);
      if (**after == '\0')
        g_clear_pointer (after, g_free);
    }
}

static void
fill_template (CtReference *ref,
               const char  *start,
               const char  *end)
{
  const char *colon = _ct_scanner_find_char (start, end, ':');
  g_autofree char *name = _ct_scanner_trimmed (start, colon);

  ref->name = g_utf8_strdown (name, -1);
  if (colon < end)
    split_at_bar (colon + 1, end, &ref->target, &ref->key);
}

/* From an opener at @p (`[[` or `{{`): adds the reference and returns where
 * scanning goes on. */
static const char *
scan_reference (Scanner    *self,
                const char *p,
                const char *end)
{
  char open = *p;
  char close = open == '[' ? ']' : '}';
  const char *content = p + 2;
  const char *line_end = _ct_scanner_find_char (content, end, '\n');
  CtReference *ref = g_new0 (CtReference, 1);
  const char *q;

  ref->type = open == '[' ? CT_REF_LINK : CT_REF_TEMPLATE;
  ref->start = p - self->text;
  if (!self->bounds_only)
    position (self, ref->start, &ref->line, &ref->column);

  for (q = content; q + 1 < line_end; q++)
    {
      if (q[0] == close && q[1] == close)
        break;
      if ((q[0] == '[' || q[0] == '{') && q[1] == q[0])
        {
          q = line_end;  /* another opener first: this one is unclosed */
          break;
        }
    }

  if (q + 1 >= line_end)
    {
      ref->closed = FALSE;
      ref->end = ref->start + 2;
      if (ref->type == CT_REF_TEMPLATE && !self->bounds_only)
        {
          /* keep the name typed so far: the editor completes it */
          const char *stop = content;
          while (stop < line_end && *stop != ':' && *stop != '|' && *stop != '}'
                 && *stop != '{' && *stop != '[')
            stop++;
          fill_template (ref, content, stop);
        }
      g_ptr_array_add (self->refs, ref);
      return content;
    }

  ref->closed = TRUE;
  ref->end = (q + 2) - self->text;
  if (self->bounds_only)
    ;
  else if (ref->type == CT_REF_LINK)
    split_at_bar (content, q, &ref->target, &ref->label);
  else
    fill_template (ref, content, q);

  g_ptr_array_add (self->refs, ref);
  return q + 2;
}

/* Remembers [start, end) as text no reference can be in (when asked). */
static void
hide (Scanner    *self,
      const char *start,
      const char *end)
{
  gsize range[2];

  if (self->hidden == NULL || end == NULL)
    return;
  range[0] = start - self->text;
  range[1] = end - self->text;
  g_array_append_vals (self->hidden, range, 2);
}

/* The bytes scan_inline acts on. Prose is nearly all other bytes, and
 * scan_inline walks the whole body twice per render (a fifth of a render
 * when it went through its switch byte by byte): they are skipped sixteen
 * at a time where SSE2 is there (every x86-64), by table elsewhere. */
static const guint8 inline_special[256] = {
  ['\\'] = 1, ['`'] = 1, ['<'] = 1, [']'] = 1, ['['] = 1, ['{'] = 1,
};

static inline const char *
skip_plain (const char *p,
            const char *end)
{
#ifdef __SSE2__
  const __m128i backslash = _mm_set1_epi8 ('\\');
  const __m128i backtick = _mm_set1_epi8 ('`');
  const __m128i angle = _mm_set1_epi8 ('<');
  const __m128i open_bracket = _mm_set1_epi8 ('[');
  const __m128i close_bracket = _mm_set1_epi8 (']');
  const __m128i brace = _mm_set1_epi8 ('{');

  while (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      __m128i hit = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, backslash), _mm_cmpeq_epi8 (v, backtick)),
                                  _mm_or_si128 (_mm_cmpeq_epi8 (v, angle), _mm_cmpeq_epi8 (v, brace)));
      int mask;

      hit = _mm_or_si128 (hit, _mm_or_si128 (_mm_cmpeq_epi8 (v, open_bracket),
                                             _mm_cmpeq_epi8 (v, close_bracket)));
      mask = _mm_movemask_epi8 (hit);
      if (mask != 0)
        return p + __builtin_ctz ((unsigned) mask);
      p += 16;
    }
#endif
  while (p < end && !inline_special[(guint8) *p])
    p++;
  return p;
}

static void
scan_inline (Scanner    *self,
             const char *p,
             const char *end)
{
  while (p < end)
    {
      p = skip_plain (p, end);
      if (p == end)
        break;

      switch (*p)
        {
        case '\\':
          p += (p + 1 < end && is_ascii_punct (p[1])) ? 2 : 1;
          break;

        case '`':
          {
            const char *q = _ct_scanner_skip_code_span (p, end);
            hide (self, p, q);
            p = q;
          }
          break;

        case '<':
          {
            const char *q = _ct_scanner_match_angle (p, end);
            hide (self, p, q);
            p = q ? q : p + 1;
          }
          break;

        case ']':
          if (p + 1 < end && p[1] == '(')
            {
              const char *q = _ct_scanner_skip_link_destination (p + 1, end);
              hide (self, p + 1, q);
              p = q ? q : p + 1;
            }
          else
            p++;
          break;

        case '[':
        case '{':
          if (p + 1 < end && p[1] == *p)
            {
              /* a longer run: the last two brackets open the reference */
              while (p + 2 < end && p[2] == *p)
                p++;
              p = scan_reference (self, p, end);
            }
          else
            p++;
          break;

        default:
          p++;
          break;
        }
    }
}

/* Byte range of body lines [first, last] (1-based), without the final
 * line break. */
static void
line_range (Scanner     *self,
            int          first,
            int          last,
            const char **start,
            const char **end)
{
  GArray *starts = self->cmark_starts;
  guint a = CLAMP (first, 1, (int) starts->len) - 1;
  guint b = CLAMP (last, first, (int) starts->len);  /* one past the last line */

  *start = self->text + g_array_index (starts, gsize, a);
  *end = b < starts->len ? self->text + g_array_index (starts, gsize, b) : self->text + self->length;
  if (*end > *start && (*end)[-1] == '\n')
    (*end)--;
  if (*end > *start && (*end)[-1] == '\r')
    (*end)--;
}

/* The text of body line @line (1-based) after container markers (`>`
 * and blanks). */
static const char *
line_content (Scanner    *self,
              int         line,
              const char **end)
{
  const char *start, *p;

  line_range (self, line, line, &start, end);
  for (p = start; p < *end && (*p == ' ' || *p == '\t' || *p == '>'); p++)
    ;
  return p;
}

/* cmark 0.30 reports the end of a setext heading one line too far (on the
 * line after its underline), so the heading's end is found here: an ATX
 * heading is one line, a setext one ends at its `===` or `---` line. */
static int
heading_end_line (Scanner    *self,
                  cmark_node *heading)
{
  int first = cmark_node_get_start_line (heading);
  int last = cmark_node_get_end_line (heading);
  const char *end;
  const char *p = line_content (self, first, &end);

  if (p < end && *p == '#')
    return first;
  for (int line = first + 1; line <= last; line++)
    {
      gboolean underline = TRUE;

      p = line_content (self, line, &end);
      if (p == end || (*p != '=' && *p != '-'))
        continue;
      for (const char *q = p; q < end && underline; q++)
        underline = *q == *p || *q == ' ' || *q == '\t' || *q == '\r';
      if (underline)
        return line;
    }
  return last;
}

void
_ct_scanner_init (Scanner    *self,
                  const char *text,
                  gsize       length)
{
  gsize body_offset;

  memset (self, 0, sizeof *self);
  self->text = text;
  self->length = length;
  self->refs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_reference_free);

  ct_front_matter_split (text, length, &body_offset, &self->first_line);

  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (self->line_starts, body_offset);
  if (memchr (text + body_offset, '\r', length - body_offset) == NULL)
    {
      /* no carriage return (nearly every text): both numberings agree,
       * and memchr finds the line breaks many bytes at a time */
      const char *end = text + length;

      for (const char *p = text + body_offset; (p = memchr (p, '\n', end - p)) != NULL && p + 1 < end; p++)
        {
          gsize next = p + 1 - text;
          g_array_append_val (self->line_starts, next);
        }
      self->cmark_starts = g_array_ref (self->line_starts);
      return;
    }

  self->cmark_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (self->cmark_starts, body_offset);
  for (gsize i = body_offset; i + 1 < length; i++)
    {
      gsize next = i + 1;

      if (text[i] == '\n')
        g_array_append_val (self->line_starts, next);
      if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
        g_array_append_val (self->cmark_starts, next);
    }
}

void
_ct_scanner_clear (Scanner *self)
{
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->cmark_starts, g_array_unref);
  g_clear_pointer (&self->hidden, g_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->refs, g_ptr_array_unref);
}

/* The block pass over @doc, a parse of the body (or of a text with the
 * same lines and blocks). */
static gboolean
scan_blocks_of (Scanner     *self,
                cmark_node  *doc,
                const gsize *only,
                gsize       *block_start,
                gsize       *block_end)
{
  cmark_iter *iter;
  cmark_event_type ev;
  int scanned_to = 0;
  gboolean found = FALSE;

  iter = cmark_iter_new (doc);
  while (!found && (ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING))
        {
          int first = cmark_node_get_start_line (node);
          int last = type == CMARK_NODE_HEADING ? heading_end_line (self, node)
                                                : cmark_node_get_end_line (node);
          const char *start, *end;

          /* blocks never share lines: a position cmark got wrong cannot
           * make a line count twice */
          first = MAX (first, scanned_to + 1);
          if (first <= last)
            {
              line_range (self, first, last, &start, &end);
              if (only == NULL)
                {
                  scan_inline (self, start, end);
                  if (self->blocks != NULL)
                    {
                      gsize range[2] = { start - self->text, end - self->text };
                      g_array_append_vals (self->blocks, range, 2);
                    }
                }
              else if (self->text + *only >= start && self->text + *only <= end)
                {
                  scan_inline (self, start, end);
                  *block_start = start - self->text;
                  *block_end = end - self->text;
                  found = TRUE;
                }
              scanned_to = last;
            }
          /* leaf blocks hold only inlines: skip them */
          cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
        }
    }
  cmark_iter_free (iter);
  return found;
}

gboolean
_ct_scanner_scan_blocks (Scanner     *self,
                         const gsize *only,
                         gsize       *block_start,
                         gsize       *block_end)
{
  gsize body_offset = g_array_index (self->line_starts, gsize, 0);
  cmark_node *doc;
  gboolean found;

  doc = cmark_parse_document (self->text + body_offset, self->length - body_offset, CMARK_OPT_DEFAULT);
  found = scan_blocks_of (self, doc, only, block_start, block_end);
  cmark_node_free (doc);
  return found;
}

GPtrArray *
ct_scan_references (const char *text,
                    gsize       length)
{
  Scanner self;
  GPtrArray *refs;

  if (!ct_text_has_reference_opener (text, length))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) ct_reference_free);

  _ct_scanner_init (&self, text, length);
  _ct_scanner_scan_blocks (&self, NULL, NULL, NULL);
  refs = g_steal_pointer (&self.refs);
  _ct_scanner_clear (&self);
  return refs;
}

static gboolean
references_equal (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const CtReference *x = g_ptr_array_index (a, i);
      const CtReference *y = g_ptr_array_index (b, i);

      if (x->start != y->start || x->end != y->end || x->closed != y->closed)
        return FALSE;
    }
  return TRUE;
}

/* The renderer parses the body once, with placeholders in place of the
 * references, and the block pass needs a parse too. So the references
 * are first guessed by scanning the whole body as one inline block (no
 * parse); @parse makes the renderer's parse with them; and the guess is
 * kept when the block pass over that very parse finds the same
 * references. A placeholder never changes the blocks around a real
 * reference, so that parse is then the one the true references would have
 * led to. Only when they differ (a stray backtick pairing across blocks,
 * `[[` in a code block) are the references found as ct_scan_references
 * finds them, with a parse of their own, and @parse is called again. */
GPtrArray *
_ct_scan_references_parsed (const char        *text,
                            gsize              length,
                            CtScanParseFunc    parse,
                            gpointer           user_data,
                            cmark_node       **doc)
{
  Scanner self;
  g_autoptr(GPtrArray) guess = NULL;
  GPtrArray *refs;
  gsize body_offset;

  _ct_scanner_init (&self, text, length);
  body_offset = g_array_index (self.line_starts, gsize, 0);
  scan_inline (&self, text + body_offset, text + length);
  guess = g_steal_pointer (&self.refs);
  *doc = parse (guess, user_data);

  /* the check compares bounds only: it needs no names, lines or columns */
  self.refs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_reference_free);
  self.bounds_only = TRUE;
  scan_blocks_of (&self, *doc, NULL, NULL, NULL);
  self.bounds_only = FALSE;
  if (references_equal (guess, self.refs))
    {
      _ct_scanner_clear (&self);
      return g_steal_pointer (&guess);
    }

  cmark_node_free (*doc);
  g_ptr_array_set_size (self.refs, 0);
  _ct_scanner_scan_blocks (&self, NULL, NULL, NULL);
  refs = g_steal_pointer (&self.refs);
  _ct_scanner_clear (&self);
  *doc = parse (refs, user_data);
  return refs;
}
