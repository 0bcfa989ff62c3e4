/* ct-graph-view.h — a tab showing the relationship graph around one
 * entity: the drawing, its controls (steps, kinds, zoom, Export SVG…)
 * and the Relations list, which says in rows what the drawing shows. */
#pragma once

#include <gtk/gtk.h>

#include "ct-graph.h"

G_BEGIN_DECLS

#define CT_TYPE_GRAPH_VIEW (ct_graph_view_get_type ())
G_DECLARE_FINAL_TYPE (CtGraphView, ct_graph_view, CT, GRAPH_VIEW, GtkBox)

/* Opens entities through the window's "win.open-entity" action. */
CtGraphView   *ct_graph_view_new              (CtWiki      *wiki,
                                               gint64       center);
CtWiki        *ct_graph_view_get_wiki         (CtGraphView *self);
gint64         ct_graph_view_get_center       (CtGraphView *self);
/* Centres the graph on another entity (read and laid out again). */
void           ct_graph_view_set_center       (CtGraphView *self,
                                               gint64       center);
/* "Graph: Ballerina", for the tab. */
const char    *ct_graph_view_get_title        (CtGraphView *self);
/* Shows or hides the entities of @kind (as the Kinds menu does). */
void           ct_graph_view_set_kind_visible (CtGraphView *self,
                                               CtEntityKind kind,
                                               gboolean     visible);
void           ct_graph_view_set_steps        (CtGraphView *self,
                                               guint        steps);
/* The graph shown, or NULL while the first one is being read. */
const CtGraph *ct_graph_view_get_graph        (CtGraphView *self);
/* TRUE while a graph is read or laid out, or still settling on screen. */
gboolean       ct_graph_view_is_busy          (CtGraphView *self);
GtkListBox    *ct_graph_view_get_relations    (CtGraphView *self);
/* Writes the graph as shown to @target as SVG (what Export SVG… does
 * with the file chosen), then says so in a toast; FALSE when there is
 * no graph to write. */
gboolean       ct_graph_view_export_to        (CtGraphView *self,
                                               GFile       *target);

G_END_DECLS
