/* ct-scanner-private.h — what the scanner shares with the other side of
 * the reference language in core.
 *
 * ct-scanner.c         finding references: blocks (cmark), then inlines
 * ct-reference-edit.c  references as the editor meets them: what the caret
 *                      is in (completion), and writing a link
 *
 * Both read references with the same Scanner, so completion, highlighting
 * and rendering cannot disagree on what is a reference.
 */
#pragma once

#include <cmark.h>
#include <string.h>

#include "ct-scanner.h"

G_BEGIN_DECLS

typedef struct {
  const char *text;         /* the whole document */
  gsize       length;
  GArray     *line_starts;  /* of gsize: byte offset of each body line, as
                             * we number lines (after each \n) */
  GArray     *cmark_starts; /* the same as cmark numbers them: after \n,
                             * \r\n and a lone \r */
  guint       first_line;   /* document line of body line 1 */
  GPtrArray  *refs;
  GArray     *hidden;       /* of gsize pairs: byte ranges of code spans,
                             * autolinks, raw HTML and link destinations;
                             * only kept for ct_reference_context_at */
  GArray     *blocks;       /* of gsize pairs: byte ranges of the blocks of
                             * inline content, when set (the prose checks
                             * read sentences in them, ct-prose-check.c) */
  gboolean    bounds_only;  /* references get start, end, type and closed
                             * only: the renderer's check of its guess */
} Scanner;

/* Numbers the lines of @text (the whole document) and notes where its
 * body starts, after any front matter. */
void      _ct_scanner_init        (Scanner     *self,
                                   const char  *text,
                                   gsize        length);
void      _ct_scanner_clear       (Scanner     *self);
/* Scans the blocks of inline content (paragraphs and headings) into
 * self->refs (and self->hidden when it is set). With @only (a byte offset)
 * just the block holding it is scanned and its byte range returned in
 * @block_start and @block_end: FALSE when @only is in no such block (code,
 * HTML, front matter …). */
gboolean  _ct_scanner_scan_blocks (Scanner     *self,
                                   const gsize *only,
                                   gsize       *block_start,
                                   gsize       *block_end);
/* A trimmed copy of [start, end), valid UTF-8 whatever the input. */
char     *_ct_scanner_trimmed     (const char  *start,
                                   const char  *end);

/* For the renderer's single parse (ct-scanner.c says how): @parse turns
 * the references it is given into the renderer's parse of the body. The
 * references returned are the ones ct_scan_references finds; *@doc is
 * @parse's parse for them. */
typedef cmark_node *(*CtScanParseFunc) (GPtrArray *refs,
                                        gpointer   user_data);
GPtrArray *_ct_scan_references_parsed (const char        *text,
                                       gsize              length,
                                       CtScanParseFunc    parse,
                                       gpointer           user_data,
                                       cmark_node       **doc);

/* The first @c in [p, end), or @end. */
static inline const char *
_ct_scanner_find_char (const char *p,
                       const char *end,
                       char        c)
{
  const char *hit = memchr (p, c, end - p);
  return hit ? hit : end;
}

/* ct-scanner-inline.c: each starts at the construct's first byte and
 * returns the byte after it (see there for what each does when the
 * construct is not closed). */
const char *_ct_scanner_skip_code_span        (const char *p,
                                               const char *end);
const char *_ct_scanner_match_angle           (const char *p,
                                               const char *end);
const char *_ct_scanner_skip_link_destination (const char *p,
                                               const char *end);

G_END_DECLS
