/* ct-editor-insert.h — putting reference text from the wiki (a link, a
 * fact, a cast table …) into a post where it works: at the caret, never
 * inside the front matter, and a block template in a paragraph of its own. */
#pragma once

#include "ct-editor-page.h"

G_BEGIN_DECLS

void  ct_editor_insert_reference (CtEditorPage *page,
                                  const char   *text);

G_END_DECLS
