/* ct-spell-highlighter.h — misspelt words underlined in an editor, and
 * the context menu that fixes them (docs/spelling.md).
 *
 * The words come from core's ct-spell (the same engine as `continuity
 * check --spelling`); this object only decides what to check when, and
 * shows the answer. It checks off the typing path: after typing pauses,
 * only the part of the post on screen and the part just edited, in a
 * worker thread; the main thread only copies the text and sets tags.
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-text-mirror.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

#define CT_TYPE_SPELL_HIGHLIGHTER (ct_spell_highlighter_get_type ())
G_DECLARE_FINAL_TYPE (CtSpellHighlighter, ct_spell_highlighter, CT, SPELL_HIGHLIGHTER, GObject)

/* Follows the "spell-check" setting, and remembers the language chosen
 * for each file in "spell-languages". @view's buffer is a CtDocument;
 * @mirror is the page's copy of its text (the preview's too), which must
 * outlive the highlighter. */
CtSpellHighlighter *ct_spell_highlighter_new           (GtkTextView        *view,
                                                        CtTextMirror       *mirror);
void                ct_spell_highlighter_set_wiki      (CtSpellHighlighter *self,
                                                        CtWiki             *wiki);
gboolean            ct_spell_highlighter_get_enabled   (CtSpellHighlighter *self);
void                ct_spell_highlighter_set_enabled   (CtSpellHighlighter *self,
                                                        gboolean            enabled);
/* The writer's choice of language for this document (NULL: none, then
 * the locale's); a `lang:` in the front matter still wins. */
void                ct_spell_highlighter_set_chosen_language (CtSpellHighlighter *self,
                                                        const char         *language);
/* The language the text was last checked in, or NULL before a check. */
const char         *ct_spell_highlighter_get_language  (CtSpellHighlighter *self);
/* Why nothing is underlined (no dictionary for the language), or NULL. */
const char         *ct_spell_highlighter_get_problem   (CtSpellHighlighter *self);
GtkTextTag         *ct_spell_highlighter_get_tag       (CtSpellHighlighter *self);
/* The context menu's spelling section: suggestions, "Add to Dictionary",
 * "Ignore" for the word last asked about, and the language submenu. */
GMenuModel         *ct_spell_highlighter_get_menu      (CtSpellHighlighter *self);
/* Fills the menu for the word at @iter; FALSE when it is not misspelt. */
gboolean            ct_spell_highlighter_update_menu_at (CtSpellHighlighter *self,
                                                        const GtkTextIter  *iter);
/* How many checks have finished: tests wait on it. */
guint               ct_spell_highlighter_get_checks    (CtSpellHighlighter *self);

G_END_DECLS
