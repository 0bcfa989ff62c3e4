/* ct-entity-popover.h — the card of an entity as a popover, opened by a
 * click on a reference in the preview until entities have pages of their
 * own: kind, title, summary, the first facts (spoiler facts left out),
 * and Insert Link, which puts [[Title]] at the editor's cursor. */
#pragma once

#include <gtk/gtk.h>

#include "ct-wiki.h"

G_BEGIN_DECLS

#define CT_TYPE_ENTITY_POPOVER (ct_entity_popover_get_type ())
G_DECLARE_FINAL_TYPE (CtEntityPopover, ct_entity_popover, CT, ENTITY_POPOVER, GtkPopover)

/* Insert Link writes into @view. */
CtEntityPopover *ct_entity_popover_new        (GtkTextView     *view);

/* Fills the card; FALSE (with @error) when the entity cannot be read. */
gboolean         ct_entity_popover_set_entity (CtEntityPopover *self,
                                               CtWiki          *wiki,
                                               gint64           id,
                                               GError         **error);

G_END_DECLS
