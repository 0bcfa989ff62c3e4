/* ct-editor-insert.h — putting reference text from the wiki (a link, a
 * fact, a cast table …) into a post where it works: at the caret (over
 * the selection), never inside the front matter, and a block template in
 * a paragraph of its own. One user action: Ctrl+Z takes it back. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  ct_editor_insert_reference (GtkTextView *view,
                                  const char  *text);

G_END_DECLS
