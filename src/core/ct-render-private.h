/* ct-render-private.h — what the files of the renderer share.
 *
 * ct-render.c          ct_render: front matter, cmark, modes, preview blocks
 * ct-render-standalone.c  the page around a standalone export: head, theme
 * ct-render-context.c  the state of one rendering (caches, diagnostics,
 *                      mentions, footnotes) and where entity links go
 * ct-render-refs.c     references: placeholders, the AST walk, splicing;
 *                      entity notes one level deeper
 * ct-resolve.c         names → entities (unknown, ambiguous, wrong kind)
 * ct-templates.c       links and templates → spans and blocks (data only)
 * ct-template-cast.c   {{cast}}: the cast table and the crew table
 * ct-render-html.c     spans and blocks → escaped HTML, per mode
 * ct-render-markdown.c spans and blocks → flattened Markdown
 *
 * Templates first gather their data into spans and blocks, which know
 * nothing of the output format; the two emitters turn them into HTML or
 * Markdown. That keeps one code path for what a template shows and one for
 * how each format escapes it.
 *
 * Who calls whom: render → refs → templates → resolve; render → html;
 * refs → html, markdown; every file → context, which calls none of them.
 * The one cycle left is refs ⇄ templates, and it is the domain's own: an
 * infobox or appearances template renders entity notes, which hold
 * templates again. CT_RENDER_MAX_DEPTH and the notes_of chain of contexts
 * bound it.
 */
#pragma once

#include <cmark.h>

#include "ct-diagnostic.h"
#include "ct-entity.h"
#include "ct-front-matter.h"
#include "ct-render.h"
#include "ct-scanner.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

/* How deep templates may render entity notes that hold templates. */
#define CT_RENDER_MAX_DEPTH 3

/* What a piece of plain text is, for writers that mark it. */
typedef enum {
  CT_SPAN_ROLE_TEXT,     /* just text */
  CT_SPAN_ROLE_WHEN,     /* a scene's time in the film, an event's "when" */
  CT_SPAN_ROLE_DETAIL,   /* what an appearance was (a role, a scene's part) */
} CtSpanRole;

/* A piece of inline output: plain text, or an entity link. What it is
 * (status, spoiler, role) is said in typed fields; each writer turns them
 * into its own syntax (HTML classes, Markdown words). */
typedef struct {
  char         *text;        /* what is shown */
  gint64        entity_id;   /* > 0: a link to this entity */
  CtEntityKind  kind;
  char         *slug;
  char         *summary;     /* tooltip of a link */
  CtSpanRole    role;
  CtFactStatus  status;      /* of the fact or credit it shows */
  gboolean      spoiler;     /* a spoiler fact, or a link to a spoiler entity */
  gboolean      unresolved;  /* a reference that failed: shown as written */
  char         *tooltip;     /* title attribute (unresolved: the message) or NULL */
  char         *source;      /* a citation: a footnote where the mode has them */
  gboolean      raw_markdown;/* Markdown mode: emit @text as is (it is source text) */
} CtSpan;

typedef enum {
  CT_BLOCK_TABLE,
  CT_BLOCK_ORDERED,
  CT_BLOCK_BULLETS,
  CT_BLOCK_INFOBOX,
} CtBlockStyle;

typedef struct {
  GPtrArray *cells;    /* of GPtrArray of CtSpan: one per column (one for lists) */
  char      *notes;    /* already rendered in the output format, or NULL */
} CtRow;

/* The template a block comes from: HTML names its class after it. */
typedef enum {
  CT_BLOCK_TEMPLATE_CAST,
  CT_BLOCK_TEMPLATE_SCENES,
  CT_BLOCK_TEMPLATE_TIMELINE,
  CT_BLOCK_TEMPLATE_INFOBOX,
  CT_BLOCK_TEMPLATE_APPEARANCES,
} CtBlockTemplate;

typedef struct _CtBlock {
  CtBlockStyle        style;
  CtBlockTemplate     template;
  const char * const *columns;    /* table headers, untranslated (N_), NULL-terminated */
  GPtrArray          *heading;    /* infobox: spans of its title */
  CtEntityKind        kind;       /* infobox: the entity's kind */
  char               *summary;    /* infobox */
  GPtrArray          *rows;       /* of CtRow; infobox: label + value cells */
  char               *notes;      /* infobox: rendered notes, or NULL */
  const char         *empty;      /* shown when there are no rows, untranslated (N_) */
  const char         *caption;    /* table: its caption, untranslated (N_), or NULL */
  const char         *part;       /* table: its class inside the template's element */
  struct _CtBlock    *next;       /* a table that follows in the same element (the
                                   * crew after the cast), owned, or NULL */
  char               *figure;     /* timeline: its drawing (an <svg>, escaped
                                   * already) before the list, or NULL */
} CtBlock;

/* Where a CUSTOM_BLOCK came from: cmark has no setter for positions, so
 * the preview finds them in the node's user data. A CUSTOM_INLINE's user
 * data is its plain text (for the title taken from a heading). */
typedef struct {
  int start_line, start_column, end_line, end_column;
} CtSourcePos;

typedef struct _CtRenderContext CtRenderContext;

struct _CtRenderContext {
  const CtRenderOptions *options;
  CtRenderContext       *root;          /* the document's context (itself at depth 0) */
  guint                  depth;         /* 0 for the document, +1 per notes rendering */
  gint64                 notes_of;      /* entity whose notes this renders, or 0 */
  CtRenderContext       *parent;

  const char            *text;          /* the document (for diagnostic positions) */
  gsize                  length;
  int                    spoilers;      /* front matter: -1 unset, 0 false, 1 true */

  /* shared through root */
  GPtrArray             *diagnostics;   /* of CtDiagnostic */
  GPtrArray             *mentions;      /* of CtMention */
  GHashTable            *entities;      /* id → CtEntity, a cache */
  GHashTable            *facts;         /* id → GPtrArray of CtFact, a cache */
  GHashTable            *resolved;      /* kinds, wanted, name → Resolution, a cache */
  GPtrArray             *footnotes;     /* of char*: sources, numbered from 1 */
  char                  *recursion;     /* set when nested notes hit the limit */
  GPtrArray             *user_data;     /* owns the user data of custom nodes */

  char                  *last_message;  /* the last diagnostic's message (any depth),
                                         * for the tooltip of what failed */
  gboolean               holds_cache;   /* root: holds the wiki's cache (ct-wiki-cache.h) */
  struct _CtTimeline    *timeline;      /* root: read once for all the document's
                                         * {{timeline}} drawings, or NULL */
};

/* ct-span helpers (ct-templates.c) */
CtSpan   *ct_span_new_text        (const char *text);
CtSpan   *ct_span_new_entity      (const CtEntity *entity,
                                   const char     *label);
void      ct_span_free            (CtSpan         *span);
GPtrArray *ct_spans_new           (void);
void      ct_row_free             (CtRow          *row);
CtBlock  *ct_block_new            (CtBlockStyle     style,
                                   CtBlockTemplate  template,
                                   const char      *empty);
/* A new row of @n_cells empty cells, added to @block. */
CtRow    *ct_block_add_row        (CtBlock        *block,
                                   guint           n_cells);
/* A link to entity @id (title @fallback when it cannot be read). */
void      ct_spans_add_entity     (CtRenderContext *ctx,
                                   GPtrArray       *spans,
                                   gint64           id,
                                   const char      *fallback);
void      ct_block_free           (CtBlock        *block);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtBlock, ct_block_free)

/* ct-render-context.c */
void       ct_render_context_init    (CtRenderContext       *ctx,
                                      const CtRenderOptions *options,
                                      const char            *text,
                                      gsize                  length);
/* A context for the notes of @entity, one level below @parent. */
void       ct_render_context_init_child (CtRenderContext    *child,
                                         CtRenderContext    *parent,
                                         const CtEntity     *entity);
void       ct_render_context_clear   (CtRenderContext       *ctx);
const CtEntity *ct_render_context_entity (CtRenderContext *ctx,
                                          gint64           id);
void       ct_render_context_diagnose (CtRenderContext      *ctx,
                                       CtSeverity            severity,
                                       const CtReference    *ref,
                                       const char           *format,
                                       ...) G_GNUC_PRINTF (4, 5);
/* ct_wiki_lookup, remembered in the options' memo when there is one;
 * (transfer full), the caller must not change it. */
GPtrArray *ct_render_context_lookup  (CtRenderContext      *ctx,
                                      const char           *name,
                                      GError              **error);
/* The facts of entity @id, from the context's cache (transfer none);
 * NULL with @error set when they cannot be read. */
GPtrArray *ct_render_context_facts   (CtRenderContext      *ctx,
                                       gint64                id,
                                       GError              **error);
/* ct_wiki_get_cast and ct_wiki_get_appearances, from the memo's answers
 * when it has them (transfer full; the caller must not change them). */
GPtrArray *ct_render_context_cast    (CtRenderContext      *ctx,
                                       gint64                film_id,
                                       GError              **error);
GPtrArray *ct_render_context_appearances (CtRenderContext  *ctx,
                                          gint64            id,
                                          GError          **error);
void       ct_render_context_mention (CtRenderContext      *ctx,
                                       const CtEntity       *entity,
                                       const CtReference    *ref);
guint      ct_render_context_footnote (CtRenderContext      *ctx,
                                       const char           *source);

/* ct-render-refs.c: the document with references (found by the scanner
 * as ct_scan_references finds them). @doc is parsed from the placeholder
 * text; HTML modes get custom nodes in it, Markdown mode gets
 * the flattened source back in @markdown. */
cmark_node *ct_render_references     (CtRenderContext       *ctx,
                                      gsize                  body_offset,
                                      int                    cmark_options,
                                      char                 **markdown);
/* Renders entity notes (Markdown with references) one level deeper, in
 * the context's mode; NULL when there is nothing to show. */
char      *ct_render_notes           (CtRenderContext       *ctx,
                                      const CtEntity        *entity);

/* ct-resolve.c */
#define CT_KIND_BIT(k) (1u << (k))
#define CT_KINDS_ANY   0u
const CtEntity *ct_resolve_entity    (CtRenderContext       *ctx,
                                      const CtReference     *ref,
                                      const char            *name,
                                      guint                  kinds,
                                      const char            *wanted);
/* ct-templates.c: one reference, as inline spans or, when it is a block
 * template standing @alone in its paragraph, as a block. Exactly one of
 * *@spans and *@block is set; failures become an unresolved span holding
 * @source (the reference as written) and a diagnostic. */
void       ct_template_render        (CtRenderContext       *ctx,
                                      const CtReference     *ref,
                                      const char            *source,
                                      gboolean               alone,
                                      GPtrArray            **spans,
                                      CtBlock              **block);
gboolean   ct_template_is_block      (const char            *name);

/* ct-template-cast.c */
CtBlock   *ct_template_cast          (CtRenderContext       *ctx,
                                      const CtReference     *ref,
                                      const CtEntity        *film);

/* ct-render-html.c */
char      *ct_html_spans             (CtRenderContext       *ctx,
                                      GPtrArray             *spans);
char      *ct_html_block             (CtRenderContext       *ctx,
                                      const CtBlock         *block,
                                      const char            *attributes);
char      *ct_html_footnotes         (CtRenderContext       *ctx);
/* The words after a value that is not confirmed ("(rumored)"), the one
 * way every HTML writer shows a status; nothing for a confirmed one. */
void       ct_html_append_status     (GString               *out,
                                      CtFactStatus           status);
char      *ct_html_escape            (const char            *text);
/* In place of notes left out (@message says why). */
char      *ct_html_left_out          (const char            *text,
                                      const char            *message);

/* ct-render-markdown.c */
char      *ct_markdown_spans         (CtRenderContext       *ctx,
                                      GPtrArray             *spans);
char      *ct_markdown_block         (CtRenderContext       *ctx,
                                      const CtBlock         *block,
                                      const char            *continuation);
char      *ct_markdown_escape        (const char            *text);
char      *ct_markdown_left_out      (const char            *text);

/* ct-render-context.c: where a link goes in the context's mode, or NULL
 * for plain text (escaped by the caller as it fits). */
char      *ct_render_entity_url      (const CtRenderOptions *options,
                                      CtEntityKind           kind,
                                      const char            *slug,
                                      gint64                 id);

/* ct-render-standalone.c: the whole HTML file around @body. @meta
 * (nullable) gives the description, date and keywords; @summary
 * (nullable) is the description when the front matter has none. */
char *ct_render_standalone_page (const char          *body,
                                 const char          *title,
                                 const CtFrontMatter *meta,
                                 const char          *summary,
                                 CtRenderTheme        theme);

G_END_DECLS
