#define G_LOG_DOMAIN "ct-render"

#include "config.h"

#include <string.h>

#include "ct-diagnostic.h"
#include "ct-render-blocks-private.h"

/* ct-render-blocks-parts.c — the block renderer's parts: the index of a
 * text's lines, and what a result takes over from an earlier render. */

GPtrArray *
_ct_blocks_new_mentions (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ct_mention_free);
}

/* The renderer's diagnostics are reference counted: a result shares
 * with the one before it those the edit did not move (with an unlinked
 * mention every few words, a long post has tens of thousands). */
static void
clear_diagnostic (gpointer data)
{
  CtDiagnostic *d = data;

  g_free (d->message);
  g_clear_pointer (&d->fixes, g_ptr_array_unref);
}

static void
release_diagnostic (gpointer data)
{
  g_atomic_rc_box_release_full (data, clear_diagnostic);
}

GPtrArray *
_ct_blocks_new_diagnostics (guint reserve)
{
  return g_ptr_array_new_full (reserve, release_diagnostic);
}

CtDiagnostic *
_ct_blocks_shared_diagnostic (const CtDiagnostic *d)
{
  return g_atomic_rc_box_acquire ((CtDiagnostic *) d);
}

GArray *
_ct_blocks_index_lines (const char *text,
                        gsize       length)
{
  GArray *lines = g_array_sized_new (FALSE, FALSE, sizeof (gsize), length / 40 + 1);
  const char *p = text, *end = text + length;
  gsize start = 0;

  g_array_append_val (lines, start);
  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      start = (gsize) (++p - text);
      g_array_append_val (lines, start);
    }
  return lines;
}

guint
_ct_blocks_line_of (GArray *lines,
                    gsize   pos)
{
  guint lo = 0, hi = lines->len - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (g_array_index (lines, gsize, mid) <= pos)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo + 1;
}

gsize
_ct_blocks_line_start (GArray *lines,
                       guint   line)
{
  return g_array_index (lines, gsize, MIN (line, lines->len) - 1);
}

gsize
_ct_blocks_line_end (GArray *lines,
                     guint   line,
                     gsize   length)
{
  return line < lines->len ? g_array_index (lines, gsize, line) : length;
}

gboolean
_ct_blocks_is_heading (const CtRenderBlock *block)
{
  const char *h = block->html;

  return h[0] == '<' && h[1] == 'h' && h[2] >= '1' && h[2] <= '6';
}

GArray *
_ct_blocks_splice_lines (GArray     *lines,
                         gsize       old_length,
                         const char *text,
                         gsize       length,
                         gsize       prefix,
                         gsize       suffix)
{
  GArray *spliced = g_array_sized_new (FALSE, FALSE, sizeof (gsize), lines->len + 16);
  const gsize *old = (const gsize *) (void *) lines->data;
  gssize delta = (gssize) length - (gssize) old_length;
  const char *p = text + prefix, *end = text + length - suffix;
  guint k = 0;

  /* A line starts after a newline: those starting at or before @prefix
   * follow unchanged bytes; those past the old changed bytes moved. */
  while (k < lines->len && old[k] <= prefix)
    k++;
  g_array_append_vals (spliced, old, k);
  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      gsize start = (gsize) (++p - text);

      g_array_append_val (spliced, start);
    }
  while (k < lines->len && old[k] <= old_length - suffix)
    k++;
  for (; k < lines->len; k++)
    {
      gsize start = (gsize) ((gssize) old[k] + delta);

      g_array_append_val (spliced, start);
    }
  return spliced;
}

CtMention *
_ct_blocks_moved_mention (const CtMention *m,
                          int              lines)
{
  CtMention *copy = g_new0 (CtMention, 1);

  copy->entity_id = m->entity_id;
  copy->title = g_strdup (m->title);
  copy->line = m->line + lines;
  return copy;
}

CtDiagnostic *
_ct_blocks_moved_diagnostic (const CtDiagnostic *d,
                             gssize              bytes,
                             int                 lines)
{
  CtDiagnostic *copy = g_atomic_rc_box_dup (sizeof *d, (CtDiagnostic *) d);

  copy->message = g_strdup (d->message);
  if (d->fixes != NULL)
    copy->fixes = g_ptr_array_copy (d->fixes, (GCopyFunc) ct_quick_fix_copy, NULL);
  copy->start += bytes;
  copy->end += bytes;
  copy->line += lines;
  /* A fix's offsets are into the text, like the diagnostic's own. */
  for (guint i = 0; copy->fixes != NULL && i < copy->fixes->len; i++)
    {
      CtQuickFix *fix = g_ptr_array_index (copy->fixes, i);

      fix->start += bytes;
      fix->end += bytes;
    }
  return copy;
}
