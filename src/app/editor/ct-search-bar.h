/* ct-search-bar.h — find and replace in one document, over a
 * GtkSourceSearchContext. */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define CT_TYPE_SEARCH_BAR (ct_search_bar_get_type ())
G_DECLARE_FINAL_TYPE (CtSearchBar, ct_search_bar, CT, SEARCH_BAR, GtkWidget)

CtSearchBar *ct_search_bar_new              (void);

/* The view whose buffer is searched and whose selection shows matches. */
void         ct_search_bar_set_view         (CtSearchBar   *self,
                                             GtkSourceView *view);

/* Starts a search: seeds it with the selection, shows the replace row when
 * @replace, focuses the entry. "stop" asks the owner to hide the bar. */
void         ct_search_bar_begin            (CtSearchBar   *self,
                                             gboolean       replace);
void         ct_search_bar_end              (CtSearchBar   *self);

void         ct_search_bar_set_search_text  (CtSearchBar   *self,
                                             const char    *text);
void         ct_search_bar_set_replace_text (CtSearchBar   *self,
                                             const char    *text);

void         ct_search_bar_next             (CtSearchBar   *self);
void         ct_search_bar_previous         (CtSearchBar   *self);
void         ct_search_bar_replace          (CtSearchBar   *self);
void         ct_search_bar_replace_all      (CtSearchBar   *self);

/* -1 while still counting. */
int          ct_search_bar_get_occurrences  (CtSearchBar   *self);

/* What the bar says: "3 of 12", "12 matches", "No matches" or "". */
const char  *ct_search_bar_get_status       (CtSearchBar   *self);

G_END_DECLS
