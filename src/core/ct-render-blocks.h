/* ct-render-blocks.h — the preview's renderer whose cost follows the edit,
 * not the document (DESIGN §6).
 *
 * It remembers the text and the top-level blocks of its last render. For
 * the next text it finds the bytes that changed, re-renders only the run
 * of blocks around them with ct_render (so every block is exactly what a
 * full render gives), and takes every other block, diagnostic and mention
 * from the last render, moved by the lines and bytes the edit added. The
 * run grows until the block after it renders as before (an unclosed code
 * fence grows it to the end of the text). Whatever it cannot bound — the
 * front matter, the first block (the title), link reference definitions,
 * which any block may use — makes a full render instead.
 *
 * Its results hold their blocks in @block_list (a CtBlockList, below),
 * not in @blocks, which is NULL: a list shares whole chunks of blocks
 * with the last result, so an update costs what the edit touched. A
 * block that did not change has the same html pointer, so comparing
 * blocks is a pointer compare. Their @diagnostics share the ones the edit
 * did not move with the last result's (reference counted): read them,
 * unref the array, never free one alone. Not thread-safe: use one from one thread
 * at a time; its results and their lists may go to any thread.
 */
#pragma once

#include "ct-render.h"

G_BEGIN_DECLS

typedef struct _CtBlockRenderer CtBlockRenderer;

/* The blocks of a render, immutable and atomically reference counted,
 * held in shared chunks (ct-render-blocks-list.c). */
/* A list of copies of @blocks (of CtRenderBlock). */
CtBlockList    *ct_block_list_new        (GPtrArray   *blocks);
CtBlockList    *ct_block_list_ref        (CtBlockList *self);
void            ct_block_list_unref      (CtBlockList *self);
guint           ct_block_list_get_length (CtBlockList *self);
/* Block @i (its html lives as long as @self); O(log blocks). */
CtRenderBlock   ct_block_list_get        (CtBlockList *self,
                                          guint        i);
/* The index of the first block whose last line is at or after @line
 * (the length when none is). */
int             ct_block_list_find_line  (CtBlockList *self,
                                          guint        line);
/* The number of leading and of trailing blocks of @a and @b with the same
 * html (lines aside), skipping the chunks both share whole. */
void            ct_block_list_common     (CtBlockList *a,
                                          CtBlockList *b,
                                          guint       *prefix,
                                          guint       *suffix);

/* Blocks [from, to) whose first line is @by more than before. */
typedef struct {
  guint from, to;
  int   by;
} CtBlockShift;

/* Appends to @runs (of CtBlockShift, joined when they touch) how the first
 * lines of blocks [from, to) of @self moved from those of blocks
 * [from + offset, to + offset) of @old; by chunks where both share them. */
void            ct_block_list_append_shifts (CtBlockList *self,
                                             CtBlockList *old,
                                             guint        from,
                                             guint        to,
                                             int          offset,
                                             GArray      *runs);

/* What the last ct_block_renderer_render did, for tests and benchmarks. */
typedef struct {
  gboolean full;          /* rendered the whole text */
  gsize    bytes;         /* bytes of the text given to ct_render */
  guint    blocks;        /* blocks rendered (the others were reused) */
  guint    blocks_copied; /* blocks put in a new chunk of the result's
                           * list: those rendered and their chunks'
                           * neighbours; every other chunk is shared */
} CtBlockRenderStats;

CtBlockRenderer *ct_block_renderer_new        (void);
void             ct_block_renderer_free       (CtBlockRenderer       *self);

/* The next render is a full one: what references resolve to changed. */
void             ct_block_renderer_invalidate (CtBlockRenderer       *self);

/* As ct_render (@options->mode must be CT_RENDER_PREVIEW, and its output
 * is ""), re-rendering only what changed since the last call. */
CtRenderResult  *ct_block_renderer_render     (CtBlockRenderer       *self,
                                               const char            *text,
                                               gssize                 length,
                                               const CtRenderOptions *options,
                                               GError               **error);

/* The same when at most @max_bytes of text need rendering (the window
 * around the edit, or the whole text when it must render in full).
 * Otherwise renders nothing, sets @too_big and returns NULL without an
 * error, and the renderer is as it was: the caller renders elsewhere (a
 * thread), still only what changed. Small edits then render where they
 * are asked for, without a thread's round trip. */
CtRenderResult  *ct_block_renderer_render_within (CtBlockRenderer       *self,
                                                  const char            *text,
                                                  gssize                 length,
                                                  const CtRenderOptions *options,
                                                  gsize                  max_bytes,
                                                  gboolean              *too_big,
                                                  GError               **error);

void             ct_block_renderer_get_stats  (CtBlockRenderer       *self,
                                               CtBlockRenderStats    *stats);

/* As ct_block_renderer_render_within (@max_bytes 0: no limit) for the
 * text in @text, whose last byte is a NUL that is not part of it: the
 * renderer keeps a reference to @text instead of a copy. */
CtRenderResult  *ct_block_renderer_render_bytes (CtBlockRenderer       *self,
                                                 GBytes                *text,
                                                 const CtRenderOptions *options,
                                                 gsize                  max_bytes,
                                                 gboolean              *too_big,
                                                 GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtBlockRenderer, ct_block_renderer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtBlockList, ct_block_list_unref)

G_END_DECLS
