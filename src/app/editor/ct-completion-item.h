/* ct-completion-item.h — one proposal of CtCompletionProvider: what it
 * inserts and what the list shows of it, column by column. */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define CT_TYPE_COMPLETION_ITEM (ct_completion_item_get_type ())
G_DECLARE_FINAL_TYPE (CtCompletionItem, ct_completion_item, CT, COMPLETION_ITEM, GObject)

/* @text replaces what was typed and is followed by @closer ("]]", "}}",
 * ": ") unless that is already there; @detail says what it is
 * ("Character", "Template"), shown before it. */
CtCompletionItem *ct_completion_item_new         (const char       *text,
                                                  const char       *detail,
                                                  const char       *closer);
const char       *ct_completion_item_get_text    (CtCompletionItem *self);
const char       *ct_completion_item_get_detail  (CtCompletionItem *self);
const char       *ct_completion_item_get_closer  (CtCompletionItem *self);

/* Shown after the text: "alias of Rooney", a fact key's label, what a
 * template makes. May be NULL. */
void              ct_completion_item_set_note    (CtCompletionItem *self,
                                                  const char       *note);
const char       *ct_completion_item_get_note    (CtCompletionItem *self);

/* The entity a name proposal stands for (0 for none): its summary is
 * shown under the list, and using it ranks it higher next time. */
void              ct_completion_item_set_entity  (CtCompletionItem *self,
                                                  gint64            entity_id);
gint64            ct_completion_item_get_entity  (CtCompletionItem *self);

/* The line under the list while the proposal is selected, read from the
 * wiki only then (most proposals are never selected). */
gboolean          ct_completion_item_has_comment (CtCompletionItem *self);
void              ct_completion_item_set_comment (CtCompletionItem *self,
                                                  const char       *comment);
const char       *ct_completion_item_get_comment (CtCompletionItem *self);

G_END_DECLS
