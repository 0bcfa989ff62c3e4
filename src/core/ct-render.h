/* ct-render.h — Markdown (with references) to HTML, in one code path for
 * every mode (DESIGN §6). */
#pragma once

#include "ct-types.h"

G_BEGIN_DECLS

typedef enum {
  CT_RENDER_PREVIEW,     /* blocks with data-sourcepos, continuity: links */
  CT_RENDER_STANDALONE,  /* one HTML file with inline CSS */
  CT_RENDER_FRAGMENT,    /* clean body HTML */
  CT_RENDER_SITE,        /* links between pages of an exported site */
  CT_RENDER_MARKDOWN,    /* references flattened, front matter kept */
} CtRenderMode;

/* How a standalone page looks (the other modes take the host's style). */
typedef enum {
  CT_RENDER_THEME_AUTO,   /* light, or dark when the reader's system asks for it */
  CT_RENDER_THEME_LIGHT,
  CT_RENDER_THEME_DARK,
  CT_RENDER_THEME_PRINT,  /* paper: black on white, serif, link targets written out */
} CtRenderTheme;

#define CT_RENDER_N_THEMES 4

/* What renders through one connection while the wiki cannot change (one
 * read transaction: a site worker's pages) may share: the names resolved,
 * the entities and facts read. Each render keeps its own otherwise. */
typedef struct _CtRenderMemo CtRenderMemo;

typedef struct {
  CtRenderMode  mode;
  CtWiki       *wiki;            /* NULL: references stay unresolved */
  gboolean      allow_raw_html;  /* FALSE: cmark's safe mode */
  const char   *site_url;        /* standalone, fragment, markdown: references link to
                                  * SITE_URL/KIND/SLUG.html; NULL: plain text.
                                  * site: the relative path to the site's root
                                  * (NULL: "..", for pages one folder deep) */
  const char   *title;           /* standalone: overrides the derived title */
  CtRenderTheme theme;           /* standalone only */
  gboolean      check_prose;     /* also check the prose against the wiki
                                  * (ct-prose-check.h): the editor's preview
                                  * and `continuity check` do, exports don't */
  gboolean      no_drawings;     /* standalone, site: {{timeline}} as its list
                                  * only, without the SVG drawing before it */
  CtRenderMemo *memo;            /* NULL: nothing kept past the render */
} CtRenderOptions;

/* One top-level block of a preview: its HTML carries data-sourcepos lines
 * relative to @first_line, so a block that only moved renders the same
 * bytes and the preview can skip it. */
typedef struct {
  char  *html;
  guint  first_line;   /* 1-based line in the whole document */
  guint  last_line;
} CtRenderBlock;

typedef struct _CtBlockList CtBlockList;

struct _CtRenderResult {
  char      *output;       /* the whole result in the requested mode */
  GPtrArray *blocks;       /* of CtRenderBlock (preview mode), else empty;
                            * NULL from a CtBlockRenderer, which fills: */
  CtBlockList *block_list; /* (ct-render-blocks.h), else NULL */
  GPtrArray *diagnostics;  /* of CtDiagnostic, in document order; the same
                            * ones `continuity check` prints */
  GPtrArray *mentions;     /* of CtMention */
  char      *title;        /* front matter title, else first heading, else NULL */
  guint      body_line;    /* 1-based line where the body starts (after front matter) */
};

/* An entity a document refers to: one per resolved reference (link or
 * template target), in document order, so an entity can appear more than
 * once. References inside entity notes shown by a template are not the
 * document's and are not listed. */
typedef struct {
  gint64  entity_id;
  char   *title;
  guint   line;
} CtMention;

CtRenderResult *ct_render               (const char            *text,
                                         gssize                 length,
                                         const CtRenderOptions *options,
                                         GError               **error);
void            ct_render_result_free   (CtRenderResult        *self);
void            ct_mention_free         (CtMention             *self);
CtRenderMemo   *ct_render_memo_new      (void);
void            ct_render_memo_free     (CtRenderMemo          *self);
/* Renders with @self read what @answers holds from there instead of
 * asking the wiki (borrowed: it must outlive @self); for a site's
 * workers, whose renders all see the state the answers were read in. */
typedef struct _CtWikiAnswers CtWikiAnswers;
void            ct_render_memo_set_answers (CtRenderMemo       *self,
                                            const CtWikiAnswers *answers);

/* The template names ({{fact}}, {{cast}} …), NULL-terminated, for
 * completion. */
const char * const *ct_render_template_names (void);

/* The stylesheet shared by the preview and standalone exports. */
GBytes         *ct_render_get_stylesheet (void);

/* Checks that @text is UTF-8; otherwise says where it is not. */
gboolean        ct_text_validate_utf8   (const char            *text,
                                         gsize                  length,
                                         GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtRenderResult, ct_render_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtRenderMemo, ct_render_memo_free)

G_END_DECLS
