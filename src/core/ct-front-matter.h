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

G_END_DECLS
