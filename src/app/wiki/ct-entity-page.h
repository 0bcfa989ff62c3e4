/* ct-entity-page.h — one entity of the wiki in a tab: its title, summary,
 * aliases and spoiler flag, its facts, a film's cast, crew and scenes, its
 * notes and where it is mentioned. Every edit is one core transaction and
 * can be undone (Ctrl+Z) and redone (Shift+Ctrl+Z) on the page. */
#pragma once

#include <adwaita.h>

#include "ct-app-types.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

#define CT_TYPE_ENTITY_PAGE (ct_entity_page_get_type ())
G_DECLARE_FINAL_TYPE (CtEntityPage, ct_entity_page, CT, ENTITY_PAGE, GtkWidget)

CtEntityPage *ct_entity_page_new        (CtWiki       *wiki,
                                         gint64        entity_id);
CtWiki       *ct_entity_page_get_wiki   (CtEntityPage *self);
gint64        ct_entity_page_get_id     (CtEntityPage *self);
/* The entity's current title ("title" notifies). */
const char   *ct_entity_page_get_title  (CtEntityPage *self);
/* The sentence the page shows after a refused edit, or NULL. */
const char   *ct_entity_page_get_error  (CtEntityPage *self);

G_END_DECLS
