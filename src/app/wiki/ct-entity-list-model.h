/* ct-entity-list-model.h — every entity of a wiki as a GListModel of
 * CtWikiItem, grouped by kind, each group opened by a heading with its
 * count. Rows are read from core a page at a time, when a list asks for
 * them, so a wiki of 100,000 entities costs only what is on screen. */
#pragma once

#include <gio/gio.h>

#include "ct-wiki.h"

G_BEGIN_DECLS

#define CT_TYPE_ENTITY_LIST_MODEL (ct_entity_list_model_get_type ())
G_DECLARE_FINAL_TYPE (CtEntityListModel, ct_entity_list_model, CT, ENTITY_LIST_MODEL, GObject)

CtEntityListModel *ct_entity_list_model_new          (CtWiki            *wiki);
CtWiki            *ct_entity_list_model_get_wiki     (CtEntityListModel *self);
/* Counts again and drops the rows read so far (the wiki changed). */
void               ct_entity_list_model_reload       (CtEntityListModel *self);
/* The row of entity @id, or G_MAXUINT when it is not in the wiki. */
guint              ct_entity_list_model_find         (CtEntityListModel *self,
                                                      gint64             id);
/* How many entity rows have been read from the wiki since the last
 * reload: what the lazy loading saves is measured with it. */
guint              ct_entity_list_model_get_n_loaded (CtEntityListModel *self);

G_END_DECLS
