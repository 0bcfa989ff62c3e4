/* ct-wiki-item.h — one row of the sidebar's lists: a heading of a kind
 * (with its count), an entity, a post, or a search hit. Plain data the
 * row widgets show; the lists make them from core's records. */
#pragma once

#include <gio/gio.h>

#include "ct-entity.h"

G_BEGIN_DECLS

typedef enum {
  CT_WIKI_ITEM_HEADING,   /* a kind's heading: kind, count */
  CT_WIKI_ITEM_ENTITY,    /* id, kind, title, summary, spoiler */
  CT_WIKI_ITEM_POST,      /* path, title, subtitle (date), draft, problems */
} CtWikiItemType;

#define CT_TYPE_WIKI_ITEM (ct_wiki_item_get_type ())
G_DECLARE_FINAL_TYPE (CtWikiItem, ct_wiki_item, CT, WIKI_ITEM, GObject)

CtWikiItem     *ct_wiki_item_new_heading  (CtEntityKind  kind,
                                           guint         count);
CtWikiItem     *ct_wiki_item_new_entity   (gint64        id,
                                           CtEntityKind  kind,
                                           const char   *title,
                                           const char   *summary,
                                           gboolean      spoiler);
CtWikiItem     *ct_wiki_item_new_post     (const char   *path,
                                           const char   *title,
                                           const char   *date,
                                           gboolean      draft,
                                           guint         problems);

CtWikiItemType  ct_wiki_item_get_item_type (CtWikiItem  *self);
gint64          ct_wiki_item_get_id        (CtWikiItem  *self);
CtEntityKind    ct_wiki_item_get_kind      (CtWikiItem  *self);
const char     *ct_wiki_item_get_title     (CtWikiItem  *self);
/* Entity: its summary; post: its date; heading: NULL. */
const char     *ct_wiki_item_get_subtitle  (CtWikiItem  *self);
/* Search hits: Pango markup of the snippet, matches in bold; else NULL. */
const char     *ct_wiki_item_get_snippet   (CtWikiItem  *self);
void            ct_wiki_item_set_snippet   (CtWikiItem  *self,
                                            const char  *markup);
const char     *ct_wiki_item_get_path      (CtWikiItem  *self);
guint           ct_wiki_item_get_count     (CtWikiItem  *self);
gboolean        ct_wiki_item_get_flag      (CtWikiItem  *self);  /* spoiler / draft */

/* The symbolic icon of each kind, for lists, tabs and pickers. */
const char     *ct_wiki_kind_icon_name     (CtEntityKind kind);

G_END_DECLS
