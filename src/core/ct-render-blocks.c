/* ct-render-blocks.c — re-render only the blocks an edit touched.
 *
 * Why this is sound: CommonMark parses blocks line by line, left to right,
 * with no look-ahead past the line at hand. A top-level block that starts
 * on line L before the edit, with every line before L unchanged, still
 * starts on L, and parsing from L with a fresh parser gives what parsing
 * the whole text gives from L on. So the window starts at an unchanged
 * block before the edit. At its end, a block after the edit whose lines
 * are unchanged and that renders as before leaves the parser as it did
 * before, so every block after it is what it was. The two things that are
 * not local are handled apart: link reference definitions (any block may
 * use them) travel in front of the window, with the front matter (the
 * spoiler promise changes how links render); an edit that touches a
 * definition, the front matter or the first block renders in full.
 */
#define G_LOG_DOMAIN "ct-render"

#include "config.h"

#include <string.h>

#include "ct-diagnostic.h"
#include "ct-front-matter.h"
#include "ct-render-blocks-private.h"

struct _CtBlockRenderer
{
  gboolean        valid;         /* the fields below describe the last render */
  CtRenderMode    mode;
  gboolean        allow_raw_html;
  gboolean        has_wiki;

  GBytes         *text_bytes;    /* the last text, shared with the caller */
  const char     *text;          /* its bytes */
  gsize           length;
  GArray         *lines;         /* gsize: where each line starts */
  gsize           body_offset;
  guint           body_line;

  CtBlockList    *blocks;        /* shared with the results */
  GPtrArray      *diagnostics;   /* of CtDiagnostic, shared with a result */
  GPtrArray      *mentions;      /* of CtMention, shared with a result */
  char           *title;
  gboolean        title_from_front_matter;

  /* What goes in front of a window: the front matter, the definitions,
   * a blank line. */
  char           *prelude;
  gsize           prelude_length;
  guint           prelude_lines;
  /* A line that may define a link reference lies inside a block (or the
   * text has a lone CR, which ends lines for cmark but not here): every
   * render is a full one. */
  gboolean        always_full;

  /* For ct_block_renderer_render_within: render at most this many bytes
   * (0: no limit), and whether a render gave up for it. */
  gsize           budget;
  gboolean        over_budget;

  CtBlockRenderStats stats;
};

#define COMPARE_STEP 4096

/* Could the text define a link reference? Any "]:" counts: a
 * definition can sit in a quote or a list item, after any prefix. */
static gboolean
may_define (const char *text,
            gsize       length)
{
  return length >= 2 && g_strstr_len (text, length, "]:") != NULL;
}

static void
clear_state (CtBlockRenderer *self)
{
  self->valid = FALSE;
  self->text = NULL;
  g_clear_pointer (&self->text_bytes, g_bytes_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->blocks, ct_block_list_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->prelude, g_free);
}

/* The index of the block holding @line, or -1 when it lies between
 * blocks. */
static int
block_at_line (CtBlockList *blocks,
               guint        line)
{
  int i = ct_block_list_find_line (blocks, line);

  if ((guint) i < ct_block_list_get_length (blocks) && ct_block_list_get (blocks, (guint) i).first_line <= line)
    return i;
  return -1;
}

/* Block @i of the last render (its html borrowed). */
static inline CtRenderBlock
old_block (CtBlockRenderer *self,
           guint            i)
{
  return ct_block_list_get (self->blocks, i);
}

static gboolean
line_is_blank (CtBlockRenderer *self,
               guint            line)
{
  gsize s = _ct_blocks_line_start (self->lines, line);
  gsize e = _ct_blocks_line_end (self->lines, line, self->length);

  for (gsize i = s; i < e; i++)
    if (!g_ascii_isspace (self->text[i]))
      return FALSE;
  return TRUE;
}

/* The definitions of the text, for the prelude: each run of lines between
 * blocks that holds a "]:" (a definition's title may go on its next
 * line). Sets always_full when a "]:" lies inside a block. */
static void
build_prelude (CtBlockRenderer *self)
{
  GString *prelude = g_string_new_len (self->text, self->body_offset);
  const char *p = self->text + self->body_offset;
  const char *end = self->text + self->length;
  guint last_copied = 0;

  while ((p = g_strstr_len (p, end - p, "]:")) != NULL)
    {
      guint line = _ct_blocks_line_of (self->lines, (gsize) (p - self->text));
      guint first = line, last = line;

      p += 2;
      if (line <= last_copied)
        continue;
      if (block_at_line (self->blocks, line) >= 0)
        {
          self->always_full = TRUE;
          g_debug ("every render is full: a definition inside a block on line %u", line);
          break;
        }
      /* The run of non-blank lines around it, outside blocks. */
      while (first > self->body_line && block_at_line (self->blocks, first - 1) < 0 &&
             !line_is_blank (self, first - 1))
        first--;
      while (last < self->lines->len && block_at_line (self->blocks, last + 1) < 0 &&
             !line_is_blank (self, last + 1))
        last++;
      {
        gsize s = _ct_blocks_line_start (self->lines, first);
        gsize e = _ct_blocks_line_end (self->lines, last, self->length);

        g_string_append_len (prelude, self->text + s, e - s);
        if (e == s || self->text[e - 1] != '\n')
          g_string_append_c (prelude, '\n');
        g_string_append_c (prelude, '\n');
      }
      last_copied = last;
      p = self->text + _ct_blocks_line_end (self->lines, last, self->length);
    }

  /* A blank line: the window never reads as front matter, nor continues
   * what is before it. */
  g_string_append_c (prelude, '\n');
  self->prelude_lines = 0;
  for (gsize i = 0; i < prelude->len; i++)
    if (prelude->str[i] == '\n')
      self->prelude_lines++;
  self->prelude_length = prelude->len;
  self->prelude = g_string_free (prelude, FALSE);
}

static CtRenderResult *
render_full (CtBlockRenderer       *self,
             GBytes                *bytes,
             gsize                  length,
             const CtRenderOptions *options,
             GError               **error)
{
  g_autoptr(CtRenderResult) result = NULL;
  g_autoptr(CtFrontMatter) meta = NULL;
  const char *text = g_bytes_get_data (bytes, NULL);

  clear_state (self);
  self->stats.full = TRUE;
  self->stats.bytes = length;

  result = ct_render (text, length, options, error);
  if (result == NULL)
    return NULL;
  self->stats.blocks = result->blocks->len;
  self->stats.blocks_copied = result->blocks->len;

  result->block_list = ct_block_list_new (result->blocks);
  g_clear_pointer (&result->blocks, g_ptr_array_unref);
  {
    /* Counted copies, which the next results share where they can. */
    GPtrArray *diagnostics = _ct_blocks_new_diagnostics (result->diagnostics->len);

    for (guint i = 0; i < result->diagnostics->len; i++)
      g_ptr_array_add (diagnostics, _ct_blocks_moved_diagnostic (g_ptr_array_index (result->diagnostics, i), 0, 0));
    g_ptr_array_unref (result->diagnostics);
    result->diagnostics = diagnostics;
  }

  self->mode = options->mode;
  self->allow_raw_html = options->allow_raw_html;
  self->has_wiki = options->wiki != NULL;
  self->text_bytes = g_bytes_ref (bytes);
  self->text = text;
  self->length = length;
  self->lines = _ct_blocks_index_lines (text, length);
  ct_front_matter_split (text, length, &self->body_offset, &self->body_line);
  self->blocks = ct_block_list_ref (result->block_list);
  self->diagnostics = g_ptr_array_ref (result->diagnostics);
  self->mentions = g_ptr_array_ref (result->mentions);
  self->title = g_strdup (result->title);
  meta = ct_front_matter_parse (text, length, NULL);
  self->title_from_front_matter = meta != NULL && meta->title != NULL;
  self->always_full = memchr (text, '\r', length) != NULL;
  if (!self->always_full)
    build_prelude (self);
  self->valid = TRUE;

  return g_steal_pointer (&result);
}

/* A result of the remembered render, sharing its arrays. */
static CtRenderResult *
remembered_result (CtBlockRenderer *self)
{
  CtRenderResult *result = g_new0 (CtRenderResult, 1);

  result->output = g_strdup ("");
  result->block_list = ct_block_list_ref (self->blocks);
  result->diagnostics = g_ptr_array_ref (self->diagnostics);
  result->mentions = g_ptr_array_ref (self->mentions);
  result->title = g_strdup (self->title);
  result->body_line = self->body_line;
  return result;
}

static gboolean
same_block (const CtRenderBlock *a,
            const CtRenderBlock *b,
            int                  line_delta)
{
  return (int) a->first_line == (int) b->first_line + line_delta &&
         (int) a->last_line == (int) b->last_line + line_delta &&
         (a->html == b->html || strcmp (a->html, b->html) == 0);
}

/* What one window render gave, in the document's lines and bytes. */
typedef struct {
  guint           s, e;            /* old blocks [s, e] were replaced */
  gboolean        to_end;          /* e is the last block */
  gsize           old_start, old_end;  /* their bytes in the old text */
  CtRenderResult *result;          /* of prelude + window */
  int             line_shift;      /* window line → document line */
  gssize          byte_shift;      /* window byte → document byte */
  guint           first, last;     /* the window's own blocks in result->blocks */
} Window;

/* Renders the new text's lines of old blocks [s, e]; FALSE when that
 * cannot render (a full render then says why). */
static gboolean
render_window (CtBlockRenderer       *self,
               const char            *text,
               gsize                  length,
               gssize                 delta,
               const CtRenderOptions *options,
               Window                *w)
{
  CtRenderBlock first = old_block (self, w->s);
  gsize new_end;
  g_autofree char *window = NULL;
  gsize window_length;

  w->old_start = _ct_blocks_line_start (self->lines, first.first_line);
  if (w->to_end)
    w->old_end = self->length;
  else
    w->old_end = _ct_blocks_line_end (self->lines,
                                      old_block (self, w->e).last_line,
                                      self->length);
  new_end = w->to_end ? length : (gsize) ((gssize) w->old_end + delta);

  window_length = self->prelude_length + (new_end - w->old_start);
  /* The windows tried before count too: the budget bounds the work. */
  if (self->budget > 0 && self->stats.bytes + window_length > self->budget)
    {
      self->over_budget = TRUE;
      return FALSE;
    }
  window = g_malloc (window_length + 1);
  memcpy (window, self->prelude, self->prelude_length);
  memcpy (window + self->prelude_length, text + w->old_start, new_end - w->old_start);
  window[window_length] = '\0';

  g_clear_pointer (&w->result, ct_render_result_free);
  w->result = ct_render (window, window_length, options, NULL);
  if (w->result == NULL)
    return FALSE;
  self->stats.bytes += window_length;

  w->line_shift = (int) first.first_line - (int) self->prelude_lines - 1;
  w->byte_shift = (gssize) w->old_start - (gssize) self->prelude_length;
  w->first = 0;
  while (w->first < w->result->blocks->len &&
         ((CtRenderBlock *) g_ptr_array_index (w->result->blocks, w->first))->first_line <= self->prelude_lines)
    w->first++;
  w->last = w->result->blocks->len;
  for (guint i = w->first; i < w->last; i++)
    {
      CtRenderBlock *b = g_ptr_array_index (w->result->blocks, i);

      b->first_line += w->line_shift;
      b->last_line += w->line_shift;
    }
  return TRUE;
}

/* Every "]:" of the last text was a definition between blocks (or the
 * text renders in full). One that the window's blocks now hold — an
 * opened fence, a quote that continues — no longer defines anything,
 * which changes the links of blocks outside the window. */
static gboolean
window_swallows_definition (const Window *w,
                            const char   *text,
                            gsize         start,
                            gsize         end,
                            GArray       *new_lines)
{
  const char *p = text + start;

  while ((p = g_strstr_len (p, text + end - p, "]:")) != NULL)
    {
      guint line = _ct_blocks_line_of (new_lines, (gsize) (p - text));

      for (guint i = w->first; i < w->last; i++)
        {
          const CtRenderBlock *b = g_ptr_array_index (w->result->blocks, i);

          if (b->first_line <= line && line <= b->last_line)
            return TRUE;
        }
      p += 2;
    }
  return FALSE;
}

static CtRenderResult *
compose (CtBlockRenderer *self,
         const Window    *w,
         int              line_delta,
         gssize           delta)
{
  g_autoptr(CtRenderResult) result = g_new0 (CtRenderResult, 1);
  GPtrArray *wblocks = w->result->blocks;
  guint n_window = w->last - w->first;
  g_autofree CtRenderBlock *made = g_new (CtRenderBlock, MAX (n_window, 1));
  guint old_window_last_line;
  guint window_first_line = old_block (self, w->s).first_line;

  result->output = g_strdup ("");
  result->body_line = self->body_line;

  for (guint i = w->first; i < w->last; i++)
    {
      const CtRenderBlock *b = g_ptr_array_index (wblocks, i);
      CtRenderBlock was = { NULL, 0, 0 };
      CtRenderBlock *m = &made[i - w->first];

      /* The ends of the window render as before: keep their html, so
       * the preview sees them unchanged at a glance. */
      if (i == w->first)
        was = old_block (self, w->s);
      else if (i == w->last - 1 && !w->to_end)
        was = old_block (self, w->e);
      m->html = was.html != NULL && strcmp (was.html, b->html) == 0
        ? g_ref_string_acquire (was.html) : g_ref_string_new (b->html);
      m->first_line = b->first_line;
      m->last_line = b->last_line;
    }
  /* Only the chunks at the ends of the window are made again. */
  result->block_list = _ct_block_list_splice (self->blocks, w->s, w->e, made, n_window, line_delta,
                                              &self->stats.blocks_copied);
  self->stats.blocks = n_window;

  /* Diagnostics: those before the window, the window's own, those after
   * it moved by the edit. */
  result->diagnostics = _ct_blocks_new_diagnostics (self->diagnostics->len + w->result->diagnostics->len);
  for (guint i = 0; i < self->diagnostics->len; i++)
    {
      const CtDiagnostic *d = g_ptr_array_index (self->diagnostics, i);

      if (d->start < w->old_start)
        g_ptr_array_add (result->diagnostics, _ct_blocks_shared_diagnostic (d));
    }
  for (guint i = 0; i < w->result->diagnostics->len; i++)
    {
      const CtDiagnostic *d = g_ptr_array_index (w->result->diagnostics, i);

      if (d->start < self->prelude_length)
        continue;
      g_ptr_array_add (result->diagnostics, _ct_blocks_moved_diagnostic (d, w->byte_shift, w->line_shift));
    }
  for (guint i = 0; i < self->diagnostics->len; i++)
    {
      const CtDiagnostic *d = g_ptr_array_index (self->diagnostics, i);

      if (d->start < w->old_end || (w->to_end && d->start >= w->old_start))
        continue;
      g_ptr_array_add (result->diagnostics, _ct_blocks_moved_diagnostic (d, delta, line_delta));
    }

  /* Mentions carry lines only: the window's lines in the old text. */
  old_window_last_line = w->to_end ? G_MAXUINT : _ct_blocks_line_of (self->lines, w->old_end - 1);
  result->mentions = _ct_blocks_new_mentions ();
  for (guint i = 0; i < self->mentions->len; i++)
    {
      const CtMention *m = g_ptr_array_index (self->mentions, i);

      if (m->line < window_first_line)
        g_ptr_array_add (result->mentions, _ct_blocks_moved_mention (m, 0));
    }
  for (guint i = 0; i < w->result->mentions->len; i++)
    {
      const CtMention *m = g_ptr_array_index (w->result->mentions, i);

      if (m->line > self->prelude_lines)
        g_ptr_array_add (result->mentions, _ct_blocks_moved_mention (m, w->line_shift));
    }
  for (guint i = 0; i < self->mentions->len; i++)
    {
      const CtMention *m = g_ptr_array_index (self->mentions, i);

      if (m->line > old_window_last_line)
        g_ptr_array_add (result->mentions, _ct_blocks_moved_mention (m, line_delta));
    }

  return g_steal_pointer (&result);
}

/* The title of the composed result: the front matter's, else the first
 * heading's, when that can be told without a full render. */
static gboolean
compose_title (CtBlockRenderer *self,
               const Window    *w,
               CtRenderResult  *result)
{
  if (self->title_from_front_matter)
    {
      result->title = g_strdup (self->title);
      return TRUE;
    }
  for (guint i = 0; i < w->s; i++)
    {
      CtRenderBlock b = old_block (self, i);

      if (_ct_blocks_is_heading (&b))
        {
          result->title = g_strdup (self->title);
          return TRUE;
        }
    }
  if (w->result->title != NULL)
    {
      result->title = g_strdup (w->result->title);
      return TRUE;
    }
  return FALSE;  /* the first heading may be past the window */
}

/* Renders the new text by windows; NULL when only a full render will do. */
static CtRenderResult *
render_partial (CtBlockRenderer       *self,
                GBytes                *bytes,
                gsize                  length,
                const CtRenderOptions *options)
{
  const char *text = g_bytes_get_data (bytes, NULL);
  gsize common = MIN (length, self->length);
  gsize prefix = 0, suffix = 0;
  gssize delta = (gssize) length - (gssize) self->length;
  g_autoptr(GArray) new_lines = NULL;
  gsize body_offset;
  guint body_line;
  guint edit_line, edit_last_line, fb, n = ct_block_list_get_length (self->blocks);
  int line_delta;
  Window w = { 0, };
  CtRenderResult *result;
  CtRenderBlock b;

  /* memcmp finds the edit in wide steps (a byte loop over 3 MB took
   * milliseconds); the byte loops only pin it down. */
  while (prefix + COMPARE_STEP <= common && memcmp (text + prefix, self->text + prefix, COMPARE_STEP) == 0)
    prefix += COMPARE_STEP;
  while (prefix < common && text[prefix] == self->text[prefix])
    prefix++;
  while (suffix + COMPARE_STEP <= common - prefix &&
         memcmp (text + length - suffix - COMPARE_STEP,
                 self->text + self->length - suffix - COMPARE_STEP, COMPARE_STEP) == 0)
    suffix += COMPARE_STEP;
  while (suffix < common - prefix &&
         text[length - 1 - suffix] == self->text[self->length - 1 - suffix])
    suffix++;
  if (prefix == length && length == self->length)
    return remembered_result (self);

  ct_front_matter_split (text, length, &body_offset, &body_line);
  if (body_offset != self->body_offset || prefix < body_offset)
    {
      g_debug ("full render: the front matter changed");
      return NULL;
    }
  if (memchr (text + prefix, '\r', length - suffix - prefix) != NULL)
    {
      g_debug ("full render: a carriage return");
      return NULL;
    }

  /* Only the changed bytes are searched for lines. */
  new_lines = _ct_blocks_splice_lines (self->lines, self->length, text, length, prefix, suffix);
  line_delta = (int) new_lines->len - (int) self->lines->len;

  /* The changed lines, one more on each side, must not touch a
   * definition: it could change any block. */
  edit_line = _ct_blocks_line_of (self->lines, prefix);
  edit_last_line = _ct_blocks_line_of (self->lines, self->length - suffix);
  {
    guint a = edit_line > 1 ? edit_line - 1 : 1;
    gsize old_s = _ct_blocks_line_start (self->lines, a);
    gsize old_e = _ct_blocks_line_end (self->lines, edit_last_line + 1, self->length);
    gsize new_e = _ct_blocks_line_end (new_lines, _ct_blocks_line_of (new_lines, length - suffix) + 1, length);

    if (may_define (self->text + old_s, old_e - old_s) || may_define (text + old_s, new_e - old_s))
      {
        g_debug ("full render: the edit touches a definition");
        return NULL;
      }
  }

  /* The first body block decides the header's title: not in a window. */
  fb = 0;
  while (fb < n && old_block (self, fb).first_line < self->body_line)
    fb++;

  /* Old blocks [i, e] hold the edit; the window is one more each side. */
  {
    guint i = (guint) ct_block_list_find_line (self->blocks, edit_line), e;

    e = i;
    while (e + 1 < n && old_block (self, e + 1).first_line <= edit_last_line)
      e++;
    if (i <= fb + 1)
      {
        g_debug ("full render: the edit touches the first block");
        return NULL;
      }
    w.s = i - 1;
    w.e = e + 1;
  }

  for (;;)
    {
      guint span = MAX (w.e - w.s, 1);

      w.to_end = w.e >= n - 1;
      if (w.to_end)
        w.e = n - 1;
      if (!render_window (self, text, length, delta, options, &w))
        {
          g_clear_pointer (&w.result, ct_render_result_free);
          if (!self->over_budget)
            g_debug ("full render: the window does not render");
          return NULL;
        }
      if (w.last == w.first ||
          !same_block (g_ptr_array_index (w.result->blocks, w.first),
                       (b = old_block (self, w.s), &b), 0))
        {
          /* Not what the argument above promises; be safe anyway. */
          if (w.s <= fb + span)
            break;
          w.s -= span;
          continue;
        }
      if (!w.to_end &&
          !same_block (g_ptr_array_index (w.result->blocks, w.last - 1),
                       (b = old_block (self, w.e), &b), line_delta))
        {
          w.e += span;  /* the edit reaches further: an open fence … */
          continue;
        }

      if (window_swallows_definition (&w, text, w.old_start,
                                      w.to_end ? length : (gsize) ((gssize) w.old_end + delta),
                                      new_lines))
        break;

      result = compose (self, &w, line_delta, delta);
      if (!compose_title (self, &w, result))
        {
          ct_render_result_free (result);
          break;
        }
      g_clear_pointer (&w.result, ct_render_result_free);

      /* Remember it as the last render. */
      g_bytes_unref (self->text_bytes);
      self->text_bytes = g_bytes_ref (bytes);
      self->text = text;
      self->length = length;
      g_clear_pointer (&self->lines, g_array_unref);
      self->lines = g_steal_pointer (&new_lines);
      ct_block_list_unref (self->blocks);
      self->blocks = ct_block_list_ref (result->block_list);
      g_ptr_array_unref (self->diagnostics);
      self->diagnostics = g_ptr_array_ref (result->diagnostics);
      g_ptr_array_unref (self->mentions);
      self->mentions = g_ptr_array_ref (result->mentions);
      g_free (self->title);
      self->title = g_strdup (result->title);
      return result;
    }

  g_clear_pointer (&w.result, ct_render_result_free);
  return NULL;
}

CtBlockRenderer *
ct_block_renderer_new (void)
{
  return g_new0 (CtBlockRenderer, 1);
}

void
ct_block_renderer_free (CtBlockRenderer *self)
{
  if (self == NULL)
    return;
  clear_state (self);
  g_free (self);
}

void
ct_block_renderer_invalidate (CtBlockRenderer *self)
{
  g_return_if_fail (self != NULL);

  clear_state (self);
}

/* @bytes: the text, then a NUL. */
static CtRenderResult *
render (CtBlockRenderer       *self,
        GBytes                *bytes,
        const CtRenderOptions *options,
        gsize                  budget,
        gboolean              *too_big,
        GError               **error)
{
  CtRenderResult *result = NULL;
  gsize length = g_bytes_get_size (bytes) - 1;

  self->stats.full = FALSE;
  self->stats.bytes = 0;
  self->stats.blocks = 0;
  self->stats.blocks_copied = 0;
  self->budget = budget;
  self->over_budget = FALSE;
  *too_big = FALSE;

  if (self->valid && !self->always_full &&
      self->mode == options->mode &&
      self->allow_raw_html == options->allow_raw_html &&
      self->has_wiki == (options->wiki != NULL))
    result = render_partial (self, bytes, length, options);
  /* A partial render changes nothing until it succeeds: giving up leaves
   * the last render for the next call. */
  if (result == NULL && (self->over_budget || (budget > 0 && length > budget)))
    {
      self->budget = 0;
      *too_big = TRUE;
      return NULL;
    }
  self->budget = 0;
  if (result == NULL)
    result = render_full (self, bytes, length, options, error);
  return result;
}

/* A copy of @text with a NUL after it, as the renderer keeps it. */
static GBytes *
copy_text (const char *text,
           gssize      length)
{
  char *copy;

  if (length < 0)
    length = strlen (text);
  copy = g_malloc (length + 1);
  memcpy (copy, text, length);
  copy[length] = '\0';
  return g_bytes_new_take (copy, length + 1);
}

CtRenderResult *
ct_block_renderer_render (CtBlockRenderer       *self,
                          const char            *text,
                          gssize                 length,
                          const CtRenderOptions *options,
                          GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gboolean too_big;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (options != NULL && options->mode == CT_RENDER_PREVIEW, NULL);

  bytes = copy_text (text, length);
  return render (self, bytes, options, 0, &too_big, error);
}

CtRenderResult *
ct_block_renderer_render_within (CtBlockRenderer       *self,
                                 const char            *text,
                                 gssize                 length,
                                 const CtRenderOptions *options,
                                 gsize                  max_bytes,
                                 gboolean              *too_big,
                                 GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (options != NULL && options->mode == CT_RENDER_PREVIEW, NULL);
  g_return_val_if_fail (max_bytes > 0, NULL);
  g_return_val_if_fail (too_big != NULL, NULL);

  bytes = copy_text (text, length);
  return render (self, bytes, options, max_bytes, too_big, error);
}

CtRenderResult *
ct_block_renderer_render_bytes (CtBlockRenderer       *self,
                                GBytes                *text,
                                const CtRenderOptions *options,
                                gsize                  max_bytes,
                                gboolean              *too_big,
                                GError               **error)
{
  gboolean ignored;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL && g_bytes_get_size (text) > 0, NULL);
  g_return_val_if_fail (((const char *) g_bytes_get_data (text, NULL))[g_bytes_get_size (text) - 1] == '\0', NULL);
  g_return_val_if_fail (options != NULL && options->mode == CT_RENDER_PREVIEW, NULL);

  return render (self, text, options, max_bytes, too_big != NULL ? too_big : &ignored, error);
}

void
ct_block_renderer_get_stats (CtBlockRenderer    *self,
                             CtBlockRenderStats *stats)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (stats != NULL);

  *stats = self->stats;
}
