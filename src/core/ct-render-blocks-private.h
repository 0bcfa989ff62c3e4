/* ct-render-blocks-private.h — what the block renderer's files share.
 *
 * ct-render-blocks.c        which blocks an edit touched, the window of
 *                           blocks rendered again, the result composed
 * ct-render-blocks-parts.c  the index of a text's lines, the diagnostics
 *                           (counted) and mentions a result takes over
 * ct-render-blocks-list.c   the blocks of a result, shared by chunks
 */
#pragma once

#include "ct-render-blocks.h"

G_BEGIN_DECLS

GPtrArray     *_ct_blocks_new_mentions    (void);
/* Of reference-counted diagnostics: made by _ct_blocks_moved_diagnostic,
 * shared by _ct_blocks_shared_diagnostic. */
GPtrArray     *_ct_blocks_new_diagnostics (guint                reserve);
gboolean       _ct_blocks_is_heading      (const CtRenderBlock *block);

/* Where each line of @text starts (gsize, the first at 0). */
GArray        *_ct_blocks_index_lines     (const char          *text,
                                           gsize                length);
/* The 1-based line holding byte @pos. */
guint          _ct_blocks_line_of         (GArray              *lines,
                                           gsize                pos);
gsize          _ct_blocks_line_start      (GArray              *lines,
                                           guint                line);
/* Just past the end of @line, its newline included. */
gsize          _ct_blocks_line_end        (GArray              *lines,
                                           guint                line,
                                           gsize                length);

/* Where each line of a text starts after an edit: @lines of the text
 * before, kept up to byte @prefix and moved by @delta past the @suffix
 * bytes that did not change, @text indexed only in between. */
GArray        *_ct_blocks_splice_lines    (GArray              *lines,
                                           gsize                old_length,
                                           const char          *text,
                                           gsize                length,
                                           gsize                prefix,
                                           gsize                suffix);

/* Blocks [0, s) of @self, then @blocks (their html taken, their lines the
 * new text's), then blocks (e, end) moved by @line_delta lines. Sets
 * @copied to the number of blocks put in new chunks. */
CtBlockList   *_ct_block_list_splice      (CtBlockList         *self,
                                           guint                s,
                                           guint                e,
                                           CtRenderBlock       *blocks,
                                           guint                n_blocks,
                                           int                  line_delta,
                                           guint               *copied);

/* Copies moved by @lines (and @bytes) of the text, for a result that
 * takes them from an earlier render. */
CtMention     *_ct_blocks_moved_mention    (const CtMention     *m,
                                            int                  lines);
CtDiagnostic  *_ct_blocks_moved_diagnostic (const CtDiagnostic  *d,
                                            gssize               bytes,
                                            int                  lines);
CtDiagnostic  *_ct_blocks_shared_diagnostic (const CtDiagnostic *d);

G_END_DECLS
