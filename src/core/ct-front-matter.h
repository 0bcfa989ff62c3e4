/* ct-front-matter.h — the YAML block (`---` … `---`) a post may start with. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the front matter ends: the Markdown body starts at byte
 * @body_offset, on 1-based line @body_line. Returns FALSE (and sets the
 * body to the whole text) when the text has no front matter. */
gboolean ct_front_matter_split (const char *text,
                                gsize       length,
                                gsize      *body_offset,
                                guint      *body_line);


/* What Continuity reads from a post's front matter (DESIGN §5). */
typedef struct {
  char     *title;      /* NULL when absent */
  char     *date;       /* as written (2025-06-06), NULL when absent */
  GStrv     tags;       /* never NULL */
  gboolean  draft;
  int       spoilers;   /* -1 absent, 0 false, 1 true */
} CtFrontMatter;

/* Parses the front matter of @text with libyaml. A text without front
 * matter gives an empty record. Invalid YAML, or a value of the wrong
 * shape, fails with CT_ERROR_INVALID and the line in @text. */
CtFrontMatter *ct_front_matter_parse (const char  *text,
                                      gsize        length,
                                      GError     **error);
void           ct_front_matter_free  (CtFrontMatter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtFrontMatter, ct_front_matter_free)

G_END_DECLS
