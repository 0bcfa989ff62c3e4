/* ct-wiki-sidebar.h — the window's sidebar: the open wiki's posts, its
 * entities grouped by kind, its events in story order, and one search
 * field over all of them. It shows; the window opens what is activated. */
#pragma once

#include <adwaita.h>

#include "ct-app-types.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

#define CT_TYPE_WIKI_SIDEBAR (ct_wiki_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (CtWikiSidebar, ct_wiki_sidebar, CT, WIKI_SIDEBAR, GtkWidget)

GtkWidget  *ct_wiki_sidebar_new           (void);

/* The wiki shown, or NULL for none (then the sidebar offers to open one). */
void        ct_wiki_sidebar_set_wiki      (CtWikiSidebar *self,
                                           CtWiki        *wiki);
CtWiki     *ct_wiki_sidebar_get_wiki      (CtWikiSidebar *self);

/* Reads the post list again (after the post index changed). */
void        ct_wiki_sidebar_reload_posts  (CtWikiSidebar *self);
void        ct_wiki_sidebar_focus_search  (CtWikiSidebar *self);
/* "posts", "wiki" or "timeline". */
void        ct_wiki_sidebar_set_page      (CtWikiSidebar *self,
                                           const char    *name);

/* For tests: the real widgets, to type into and click. */
GtkEditable *_ct_wiki_sidebar_get_search_entry (CtWikiSidebar *self);
GtkListView *_ct_wiki_sidebar_get_list         (CtWikiSidebar *self,
                                                const char    *name); /* posts, wiki, timeline, search */
CtTimelineView *_ct_wiki_sidebar_get_timeline_view (CtWikiSidebar *self);

G_END_DECLS
