/* ct-credit-item.h — one row of a film page's Cast, Crew or Scenes list:
 * plain data its recycled row widget is bound from (what the row shows,
 * what it opens), made from core's records when the page is read. */
#pragma once

#include <gio/gio.h>

#include "ct-entity.h"

G_BEGIN_DECLS

#define CT_TYPE_CREDIT_ITEM (ct_credit_item_get_type ())
G_DECLARE_FINAL_TYPE (CtCreditItem, ct_credit_item, CT, CREDIT_ITEM, GObject)

/* A credit: its person, what they did (@subtitle); opens the person. */
CtCreditItem   *ct_credit_item_new_credit  (const CtCredit *credit,
                                            const char     *subtitle);
/* A scene: its title and summary; opens the scene. */
CtCreditItem   *ct_credit_item_new_scene   (const CtEntity *scene);

/* The credit's id, or the scene's. */
gint64          ct_credit_item_get_id       (CtCreditItem  *self);
const char     *ct_credit_item_get_title    (CtCreditItem  *self);
const char     *ct_credit_item_get_subtitle (CtCreditItem  *self);
/* The entity the row opens: the person, or the scene. */
gint64          ct_credit_item_get_open_id  (CtCreditItem  *self);
/* The whole credit (for its fields), or NULL for a scene. */
const CtCredit *ct_credit_item_get_credit   (CtCreditItem  *self);
/* Both show the same thing: a row bound to @a need not be bound again. */
gboolean        ct_credit_item_equal        (CtCreditItem  *a,
                                             CtCreditItem  *b);

G_END_DECLS
