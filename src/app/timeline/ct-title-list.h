/* ct-title-list.h — a list of entity titles for a dropdown (the timeline's
 * film and character filters), as GtkStringObject items that each carry
 * an entity id.
 *
 * A wiki can have 10,000 films: a GtkStringList filled on the main thread
 * makes 10,000 objects and emits a change per title there (~25 ms, more
 * than a frame). Here the items are made on the worker that read the wiki
 * (ct_title_list_items_new), and the list takes them in one step, with
 * one "items-changed"; the old items are let go on a thread. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CT_TYPE_TITLE_LIST (ct_title_list_get_type ())
G_DECLARE_FINAL_TYPE (CtTitleList, ct_title_list, CT, TITLE_LIST, GObject)

/* Items for a title list, made on any thread: position 0 is @all (an
 * "All Films" row, id 0), then @titles[i] with @ids[i]. Opaque; freed
 * with ct_title_list_items_free when not given to a list. */
typedef struct _CtTitleListItems CtTitleListItems;

CtTitleListItems *ct_title_list_items_new   (const char         *all,
                                             const char * const *titles,
                                             const gint64       *ids,
                                             guint               n);
void              ct_title_list_items_free  (CtTitleListItems   *items);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtTitleListItems, ct_title_list_items_free)

CtTitleList *ct_title_list_new        (void);

/* Does @items hold what the list shows already (same ids, same titles)? */
gboolean     ct_title_list_equal      (CtTitleList      *self,
                                       CtTitleListItems *items);
/* Shows @items (taken) instead of what was there, in one change. */
void         ct_title_list_set_items  (CtTitleList      *self,
                                       CtTitleListItems *items);
/* The entity id at @position (0 for the "all" row and out of range). */
gint64       ct_title_list_get_id     (CtTitleList      *self,
                                       guint             position);
/* The position of entity @id, or 0 (the "all" row) when it is not there. */
guint        ct_title_list_find       (CtTitleList      *self,
                                       gint64            id);

G_END_DECLS
