/* ct-completion-item.h — one proposal of CtCompletionProvider: what it
 * inserts and how the list shows it. */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define CT_TYPE_COMPLETION_ITEM (ct_completion_item_get_type ())
G_DECLARE_FINAL_TYPE (CtCompletionItem, ct_completion_item, CT, COMPLETION_ITEM, GObject)

/* @text replaces what was typed and is followed by @closer ("]]", "}}",
 * ": ") unless that is already there; @detail says what it is
 * ("Character", "alias of Rooney", "template"). */
CtCompletionItem *ct_completion_item_new        (const char       *text,
                                                 const char       *detail,
                                                 const char       *closer);
const char       *ct_completion_item_get_text   (CtCompletionItem *self);
const char       *ct_completion_item_get_detail (CtCompletionItem *self);
const char       *ct_completion_item_get_closer (CtCompletionItem *self);

G_END_DECLS
