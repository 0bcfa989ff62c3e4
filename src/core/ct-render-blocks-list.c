/* ct-render-blocks-list.c — the blocks of a preview render, shared by
 * chunks (CtBlockList, ct-render-blocks.h).
 *
 * Why chunks: a 3 MB post has some 10,000 top-level blocks, and one array
 * of them per result meant that every key shared, then released, every
 * block, and gave each block after the edit a new line number: work that
 * follows the document, not the edit. Here a list is a short array of
 * entries, each a reference to an immutable chunk of up to CHUNK_MAX
 * blocks and the number of lines the chunk's blocks moved since it was
 * made. A splice rebuilds only the chunks the window of an edit touched;
 * every other entry is the old chunk again, those after the edit with
 * the edit's line delta added to their shift. Its cost is the blocks
 * rendered again plus one entry copied per CHUNK_MAX blocks.
 */
#define G_LOG_DOMAIN "ct-render"

#include "config.h"

#include <string.h>

#include "ct-render-blocks-private.h"

/* Big enough that a post's entries are few (10,000 blocks: 157), small
 * enough that rebuilding the chunks at the ends of an edit is cheap. */
#define CHUNK_MAX 64

typedef struct {
  gatomicrefcount ref_count;
  guint           n;
  CtRenderBlock   blocks[CHUNK_MAX];  /* html: GRefString; lines as made */
} Chunk;

typedef struct {
  Chunk *chunk;
  int    shift;        /* added to the chunk's lines */
  guint  start;        /* index in the list of the chunk's first block */
} Entry;

struct _CtBlockList
{
  gatomicrefcount ref_count;
  guint           length;
  guint           n_entries;
  Entry          *entries;
};

static Chunk *
chunk_new (void)
{
  Chunk *chunk = g_new (Chunk, 1);

  g_atomic_ref_count_init (&chunk->ref_count);
  chunk->n = 0;
  return chunk;
}

static Chunk *
chunk_ref (Chunk *chunk)
{
  g_atomic_ref_count_inc (&chunk->ref_count);
  return chunk;
}

static void
chunk_unref (Chunk *chunk)
{
  if (!g_atomic_ref_count_dec (&chunk->ref_count))
    return;
  for (guint i = 0; i < chunk->n; i++)
    g_ref_string_release (chunk->blocks[i].html);
  g_free (chunk);
}

/* Collects blocks into new chunks, then entries. */
typedef struct {
  GArray *entries;     /* of Entry */
  Chunk  *open;        /* being filled, not yet in entries */
  guint   length;
} Builder;

static void
builder_init (Builder *b,
              guint    reserve)
{
  b->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), reserve);
  b->open = NULL;
  b->length = 0;
}

static void
builder_close (Builder *b)
{
  if (b->open != NULL)
    {
      Entry e = { b->open, 0, b->length - b->open->n };

      g_array_append_val (b->entries, e);
      b->open = NULL;
    }
}

/* Takes @html (a GRefString). */
static void
builder_add_block (Builder *b,
                   char    *html,
                   guint    first_line,
                   guint    last_line)
{
  CtRenderBlock *block;

  if (b->open == NULL)
    b->open = chunk_new ();
  block = &b->open->blocks[b->open->n++];
  block->html = html;
  block->first_line = first_line;
  block->last_line = last_line;
  b->length++;
  if (b->open->n == CHUNK_MAX)
    builder_close (b);
}

static void
builder_add_entry (Builder     *b,
                   const Entry *old,
                   int          line_delta)
{
  Entry e = { chunk_ref (old->chunk), old->shift + line_delta, b->length };

  builder_close (b);
  g_array_append_val (b->entries, e);
  b->length += old->chunk->n;
}

/* Copies block @k of entry @e, moved by @line_delta. */
static void
builder_copy_block (Builder     *b,
                    const Entry *e,
                    guint        k,
                    int          line_delta)
{
  const CtRenderBlock *block = &e->chunk->blocks[k];

  builder_add_block (b, g_ref_string_acquire (block->html),
                     (guint) ((int) block->first_line + e->shift + line_delta),
                     (guint) ((int) block->last_line + e->shift + line_delta));
}

static CtBlockList *
builder_end (Builder *b)
{
  CtBlockList *list = g_new0 (CtBlockList, 1);

  builder_close (b);
  g_atomic_ref_count_init (&list->ref_count);
  list->length = b->length;
  list->n_entries = b->entries->len;
  list->entries = (Entry *) (void *) g_array_free (b->entries, FALSE);
  return list;
}

/* The entry holding block @i (< length). */
static guint
entry_of (const CtBlockList *self,
          guint              i)
{
  guint lo = 0, hi = self->n_entries - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (self->entries[mid].start <= i)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

CtBlockList *
ct_block_list_new (GPtrArray *blocks)
{
  Builder b;

  builder_init (&b, blocks->len / CHUNK_MAX + 1);
  for (guint i = 0; i < blocks->len; i++)
    {
      const CtRenderBlock *block = g_ptr_array_index (blocks, i);

      builder_add_block (&b, g_ref_string_new (block->html), block->first_line, block->last_line);
    }
  return builder_end (&b);
}

CtBlockList *
_ct_block_list_splice (CtBlockList   *self,
                       guint          s,
                       guint          e,
                       CtRenderBlock *blocks,
                       guint          n_blocks,
                       int            line_delta,
                       guint         *copied)
{
  Builder b;
  guint ks, ke, k, shared = 0;

  g_return_val_if_fail (s <= e && e < self->length, NULL);

  ks = entry_of (self, s);
  ke = entry_of (self, e);
  builder_init (&b, self->n_entries + n_blocks / CHUNK_MAX + 2);

  for (k = 0; k < ks; k++)
    {
      builder_add_entry (&b, &self->entries[k], 0);
      shared += self->entries[k].chunk->n;
    }
  /* The chunks holding the ends of the window are made again, with the
   * blocks before and after it that they held. */
  for (guint i = self->entries[ks].start; i < s; i++)
    builder_copy_block (&b, &self->entries[ks], i - self->entries[ks].start, 0);
  for (guint i = 0; i < n_blocks; i++)
    builder_add_block (&b, blocks[i].html, blocks[i].first_line, blocks[i].last_line);
  for (guint i = e + 1 - self->entries[ke].start; i < self->entries[ke].chunk->n; i++)
    builder_copy_block (&b, &self->entries[ke], i, line_delta);
  k = ke + 1;
  /* Many edits in one place would leave a trail of small chunks: a small
   * rebuilt one takes in the chunk after it. */
  if (b.open != NULL && b.open->n < CHUNK_MAX / 2 && k < self->n_entries &&
      b.open->n + self->entries[k].chunk->n <= CHUNK_MAX)
    {
      for (guint i = 0; i < self->entries[k].chunk->n; i++)
        builder_copy_block (&b, &self->entries[k], i, line_delta);
      k++;
    }
  for (; k < self->n_entries; k++)
    {
      builder_add_entry (&b, &self->entries[k], line_delta);
      shared += self->entries[k].chunk->n;
    }
  *copied = b.length - shared;
  return builder_end (&b);
}

CtBlockList *
ct_block_list_ref (CtBlockList *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ct_block_list_unref (CtBlockList *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint k = 0; k < self->n_entries; k++)
    chunk_unref (self->entries[k].chunk);
  g_free (self->entries);
  g_free (self);
}

guint
ct_block_list_get_length (CtBlockList *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

CtRenderBlock
ct_block_list_get (CtBlockList *self,
                   guint        i)
{
  static const CtRenderBlock none = { NULL, 0, 0 };
  const Entry *e;
  CtRenderBlock block;

  g_return_val_if_fail (self != NULL && i < self->length, none);

  e = &self->entries[entry_of (self, i)];
  block = e->chunk->blocks[i - e->start];
  block.first_line = (guint) ((int) block.first_line + e->shift);
  block.last_line = (guint) ((int) block.last_line + e->shift);
  return block;
}

int
ct_block_list_find_line (CtBlockList *self,
                         guint        line)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, -1);

  /* The first block whose last line is at or after @line. */
  hi = self->length;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (ct_block_list_get (self, mid).last_line < line)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (int) lo;
}

/* Whether blocks @i of @a and @j of @b start the same chunk: then the
 * whole chunk is the same blocks in both, moved by the same lines. */
static gboolean
same_chunk_at (CtBlockList  *a,
               guint         i,
               CtBlockList  *b,
               guint         j,
               const Entry **ea,
               const Entry **eb)
{
  *ea = &a->entries[entry_of (a, i)];
  *eb = &b->entries[entry_of (b, j)];
  return (*ea)->chunk == (*eb)->chunk && (*ea)->start == i && (*eb)->start == j;
}

static gboolean
html_equal (CtBlockList *a,
            guint        i,
            CtBlockList *b,
            guint        j)
{
  CtRenderBlock x = ct_block_list_get (a, i);
  CtRenderBlock y = ct_block_list_get (b, j);

  /* Blocks that did not change share their html. */
  return x.html == y.html || strcmp (x.html, y.html) == 0;
}

void
ct_block_list_common (CtBlockList *a,
                      CtBlockList *b,
                      guint       *prefix,
                      guint       *suffix)
{
  guint p = 0, s = 0;

  g_return_if_fail (a != NULL && b != NULL);

  while (p < a->length && p < b->length)
    {
      const Entry *ea, *eb;

      if (same_chunk_at (a, p, b, p, &ea, &eb) && p + ea->chunk->n <= MIN (a->length, b->length))
        p += ea->chunk->n;
      else if (html_equal (a, p, b, p))
        p++;
      else
        break;
    }
  while (s < a->length - p && s < b->length - p)
    {
      guint i = a->length - 1 - s, j = b->length - 1 - s;
      const Entry *ea = &a->entries[entry_of (a, i)];
      const Entry *eb = &b->entries[entry_of (b, j)];
      guint n = ea->chunk->n;

      /* Both at the last block of the same chunk: skip it whole. */
      if (ea->chunk == eb->chunk && i == ea->start + n - 1 && j == eb->start + n - 1 &&
          s + n <= MIN (a->length - p, b->length - p))
        s += n;
      else if (html_equal (a, i, b, j))
        s++;
      else
        break;
    }
  *prefix = p;
  *suffix = s;
}

/* Adds [from, to, by] to @runs, joined with the run before it when that
 * has the same @by and ends at @from; by 0 is no run. */
static void
add_run (GArray *runs,
         guint   from,
         guint   to,
         int     by)
{
  CtBlockShift *last = runs->len > 0 ? &g_array_index (runs, CtBlockShift, runs->len - 1) : NULL;
  CtBlockShift run = { from, to, by };

  if (by == 0 || from == to)
    return;
  if (last != NULL && last->to == from && last->by == by)
    last->to = to;
  else
    g_array_append_val (runs, run);
}

void
ct_block_list_append_shifts (CtBlockList *self,
                             CtBlockList *old,
                             guint        from,
                             guint        to,
                             int          offset,
                             GArray      *runs)
{
  guint i = from;

  g_return_if_fail (self != NULL && old != NULL && runs != NULL);
  g_return_if_fail (to <= self->length && (int) to + offset <= (int) old->length);

  while (i < to)
    {
      guint j = (guint) ((int) i + offset);
      const Entry *ea, *eb;

      /* A chunk both lists hold moved as a whole. */
      if (same_chunk_at (self, i, old, j, &ea, &eb) && i + ea->chunk->n <= to)
        {
          add_run (runs, i, i + ea->chunk->n, ea->shift - eb->shift);
          i += ea->chunk->n;
        }
      else
        {
          add_run (runs, i, i + 1,
                   (int) ct_block_list_get (self, i).first_line - (int) ct_block_list_get (old, j).first_line);
          i++;
        }
    }
}
