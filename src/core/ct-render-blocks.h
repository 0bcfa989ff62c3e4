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
 * Blocks of its results share their HTML (a GRefString) with the blocks
 * of the last result: a block that did not change has the same html
 * pointer, so comparing blocks is a pointer compare. Not thread-safe: use
 * one from one thread at a time.
 */
#pragma once

#include "ct-render.h"

G_BEGIN_DECLS

typedef struct _CtBlockRenderer CtBlockRenderer;

/* What the last ct_block_renderer_render did, for tests and benchmarks. */
typedef struct {
  gboolean full;          /* rendered the whole text */
  gsize    bytes;         /* bytes of the text given to ct_render */
  guint    blocks;        /* blocks rendered (the others were reused) */
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtBlockRenderer, ct_block_renderer_free)

G_END_DECLS
