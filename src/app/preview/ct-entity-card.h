/* ct-entity-card.h — the card of an entity as a native widget: kind,
 * title, summary, the first facts (spoiler facts left out and counted).
 * The same card shows in the preview's click popover (CtEntityPopover)
 * and when the pointer rests on a reference in the editor. */
#pragma once

#include <gtk/gtk.h>

#include "ct-wiki.h"

G_BEGIN_DECLS

#define CT_TYPE_ENTITY_CARD (ct_entity_card_get_type ())
G_DECLARE_FINAL_TYPE (CtEntityCard, ct_entity_card, CT, ENTITY_CARD, GtkWidget)

CtEntityCard *ct_entity_card_new        (void);

/* Fills the card; FALSE (with @error) when the entity cannot be read. */
gboolean      ct_entity_card_set_entity (CtEntityCard  *self,
                                         CtWiki        *wiki,
                                         gint64         id,
                                         GError       **error);
/* The title shown, NULL before set_entity. */
const char   *ct_entity_card_get_title  (CtEntityCard  *self);

G_END_DECLS
