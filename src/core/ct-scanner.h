/* ct-scanner.h — finds references (`[[…]]`, `{{…}}`, DESIGN §5) in raw
 * Markdown, with their byte offsets, lines and columns.
 *
 * The one implementation used by the renderer, the editor's highlighting
 * and completion, `continuity check` and the post index, so they all agree
 * on what is a reference. The rules (docs/reference-syntax.md):
 *
 * - Only text that cmark would parse as inline content of a paragraph or
 *   heading is scanned: nothing in front matter, fenced or indented code
 *   blocks, HTML blocks, code spans (any backtick run), autolinks `<…>`,
 *   inline raw HTML (tags, comments, declarations, processing
 *   instructions) or inline link destinations `](…)`.
 * - `\[[` and `\{{` are escaped: plain text.
 * - A reference does not span lines: `[[` without `]]` later on the same
 *   line is unclosed.
 * - A reference cannot contain another opener: in `[[a [[b]]]]` the inner
 *   `[[b]]` is the reference and the outer `[[` is unclosed (the trailing
 *   `]]` is text). A run of brackets `[[[a]]]` is `[` + `[[a]]` + `]`.
 * - `[[Target|label]]`: target and label split on the first `|`, both
 *   trimmed; an empty label counts as none.
 * - `{{name: target | key}}`: the name is lower-cased and trimmed; target
 *   and key split on the first `|` and are trimmed. `{{timeline}}` has no
 *   target.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CT_REF_LINK,      /* [[…]] */
  CT_REF_TEMPLATE,  /* {{…}} */
} CtRefType;

typedef struct {
  CtRefType  type;
  gsize      start, end;    /* bytes of the whole [[…]] or {{…}}; an unclosed one
                             * covers only its opener */
  guint      line, column;  /* 1-based, column in characters */
  char      *name;          /* template name, lower-case, trimmed; NULL for links */
  char      *target;        /* entity name, trimmed; NULL for {{timeline}} and unclosed */
  char      *label;         /* [[X|label]] or NULL */
  char      *key;           /* {{fact: X | key}} or NULL */
  gboolean   closed;        /* FALSE for an unclosed [[ or {{ */
} CtReference;

/* Returns: (transfer full): the references of @text (@length bytes, the
 * whole document including front matter), of CtReference in document
 * order. Offsets, lines and columns are in the whole document. */
GPtrArray   *ct_scan_references  (const char        *text,
                                  gsize              length);
void         ct_reference_free   (CtReference       *self);
CtReference *ct_reference_copy   (const CtReference *self);

/* TRUE when @text might hold a reference: it contains `[[` or `{{`. A
 * cheap test before scanning. */
gboolean     ct_text_has_reference_opener (const char *text,
                                           gsize       length);

/* What part of a reference the caret is in, for completion
 * (ct-reference-edit.c, with the scanner's own rules). */
typedef enum {
  CT_REFERENCE_CONTEXT_NONE,             /* not in a reference */
  CT_REFERENCE_CONTEXT_LINK_TITLE,       /* [[prefix */
  CT_REFERENCE_CONTEXT_LINK_LABEL,       /* [[Title|prefix: the writer's own words */
  CT_REFERENCE_CONTEXT_TEMPLATE_NAME,    /* {{prefix */
  CT_REFERENCE_CONTEXT_TEMPLATE_TARGET,  /* {{name: prefix */
  CT_REFERENCE_CONTEXT_TEMPLATE_KEY,     /* {{name: target | prefix (a fact key) */
} CtReferenceContextKind;

typedef struct {
  CtReferenceContextKind  kind;
  gsize                   start;         /* the opener `[[` or `{{` */
  gsize                   prefix_start;  /* what is typed of the part so far, */
  gsize                   prefix_end;    /* blanks before it skipped; ends at the caret */
  char                   *name;          /* TEMPLATE_TARGET, _KEY: the template, lower-case */
  char                   *target;        /* TEMPLATE_KEY: the entity name, trimmed */
} CtReferenceContext;

/* Returns: (transfer full): the reference the caret at byte @caret of
 * @text (@length bytes, the whole document) is in, and which part of it,
 * by the same rules as ct_scan_references: nothing in code, raw HTML,
 * link destinations or after `\[[`; a reference closed before the caret
 * is left behind. Half-typed references count: `{{cast: Jo` is a target.
 * Never NULL; kind is CT_REFERENCE_CONTEXT_NONE when it is in none. */
CtReferenceContext *ct_reference_context_at   (const char         *text,
                                               gsize               length,
                                               gsize               caret);
void                ct_reference_context_free (CtReferenceContext *self);

/* Returns: (transfer full): `[[title]]`, written so that the scanner reads
 * @title back (blanks around it dropped, as everywhere in references), or
 * NULL with @error set when no link can say it (a line break, `|`, `]]`,
 * `[[` or `{{` in it, or nothing but blanks). (ct-reference-edit.c) */
char               *ct_reference_format_link  (const char         *title,
                                               GError            **error);

/* Returns: (transfer full): `{{name: target}}` or `{{name: target | key}}`
 * (@key may be NULL), read back by the scanner as written, or NULL with
 * @error set when @target or @key cannot be said in a template (a line
 * break, `|`, `{{`, `}}`, or nothing but blanks). (ct-reference-edit.c) */
char               *ct_reference_format_template (const char      *name,
                                                  const char      *target,
                                                  const char      *key,
                                                  GError         **error);
/* Whether @text is one template that makes a block ({{cast: …}},
 * {{infobox: …}} …), which must stand alone in a paragraph. */
gboolean            ct_reference_is_block     (const char         *text);
/* Returns: (transfer full) (nullable): the target (entity name, trimmed)
 * of the closed reference whose bytes hold @offset in @text (@length
 * bytes, the whole document), as ct_scan_references reads it, and its
 * bytes in @start, @end (the whole [[…]] or {{…}}); NULL when there is
 * none or it has no target ({{timeline}}). For hovering and opening a
 * reference in the editor. (ct-reference-edit.c) */
char               *ct_reference_at           (const char         *text,
                                               gsize               length,
                                               gsize               offset,
                                               gsize              *start,
                                               gsize              *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtReference, ct_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtReferenceContext, ct_reference_context_free)

G_END_DECLS
