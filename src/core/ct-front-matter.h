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
  char     *description; /* a sentence for search engines and link cards, NULL when absent */
  GStrv     tags;       /* never NULL */
  gboolean  draft;
  int       spoilers;   /* -1 absent, 0 false, 1 true */
  char     *lang;       /* the post's language as written (en_GB, de-AT), NULL when absent */
} CtFrontMatter;

/* Parses the front matter of @text with libyaml. A text without front
 * matter gives an empty record. Invalid YAML, or a value of the wrong
 * shape, fails with CT_ERROR_INVALID and the line in @text. */
CtFrontMatter *ct_front_matter_parse (const char  *text,
                                      gsize        length,
                                      GError     **error);
void           ct_front_matter_free  (CtFrontMatter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtFrontMatter, ct_front_matter_free)

/* Editing the front matter (ct-front-matter-edit.c) */

typedef enum {
  CT_FRONT_MATTER_TITLE,
  CT_FRONT_MATTER_DATE,
  CT_FRONT_MATTER_TAGS,
  CT_FRONT_MATTER_DRAFT,
  CT_FRONT_MATTER_SPOILERS,
} CtFrontMatterField;

/* One field to set or remove. Which member is read depends on @field:
 * @text for title and date (YYYY-MM-DD), @tags for tags, @flag for draft
 * and spoilers. */
typedef struct {
  CtFrontMatterField  field;
  gboolean            remove;
  const char         *text;
  const char * const *tags;
  gboolean            flag;
} CtFrontMatterChange;

/* Returns a copy of @text whose front matter has @change applied: the
 * key's lines are replaced (or removed, or added at the end of the block),
 * and every other byte — other keys, their order, comments, the body — is
 * kept. A text without front matter gets a block at the top. Values are
 * written as YAML that reads back as given; tags keep the style the file
 * used (a flow list, a block list, or comma-separated text).
 *
 * Fails with CT_ERROR_INVALID and a sentence, leaving the text to the
 * user, when the front matter cannot be rewritten safely: YAML that does
 * not parse, a mapping in braces, a key written twice, an anchor on the
 * value, or a date that is not a calendar day. */
char  *ct_front_matter_set            (const char                *text,
                                       gsize                      length,
                                       const CtFrontMatterChange *change,
                                       GError                   **error);

/* "a, b ,, c" → { "a", "b", "c" }: how a comma-separated tags field
 * reads, for an entry where tags are typed on one line. */
GStrv  ct_front_matter_tags_from_text (const char                *text);

/* @value written as a YAML scalar that reads back as @value: plain when
 * that is safe, else double-quoted with escapes; @in_list: it goes inside
 * [ ]. For writers of keys Continuity does not edit (an import's source
 * address). */
char  *ct_front_matter_scalar         (const char                *value,
                                       gboolean                   in_list);

G_END_DECLS
