/* ct-render-card.h — the card of one entity, shown when a reference is
 * hovered in the preview (DESIGN §7). */
#pragma once

#include "ct-entity.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

/* How many facts a card shows at most: a card is a glance, the entity
 * page has the rest. */
#define CT_RENDER_CARD_MAX_FACTS 5

/* Returns: (transfer full): an HTML fragment (one <div class="ct-card">)
 * with the entity's kind, title, summary and its first non-spoiler facts;
 * spoiler facts are left out and counted, a spoiler entity's summary is
 * marked `ct-spoiler` (blurred by the stylesheet until pointed at); values
 * read as everywhere (dates formatted, status in words) and sources are
 * numbered under the facts, as text. Every
 * value from the wiki is escaped; nothing in it links or loads anything. */
char       *ct_render_entity_card  (CtWiki       *wiki,
                                    gint64        id,
                                    GError      **error);

G_END_DECLS
