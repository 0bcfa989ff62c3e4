/* ct-graph-layout.h — a seeded, stepwise force-directed layout of a
 * CtGraph (Fruchterman–Reingold with a grid cutoff), without GTK.
 *
 * The same graph and seed give the same positions, bit for bit, on every
 * run: a graph opened twice looks the same. Each step is cheap and
 * separate, so a caller can show the layout settling; it is stable when
 * the temperature has cooled and no two nodes overlap.
 */
#pragma once

#include "ct-graph.h"

G_BEGIN_DECLS

/* Sizes in layout units (pixels at zoom 1). */
#define CT_GRAPH_NODE_RADIUS   12.0   /* a node's disc */
#define CT_GRAPH_NODE_GAP      56.0   /* nearest two centres may be, once stable */
#define CT_GRAPH_EDGE_LENGTH  140.0   /* the length an edge pulls towards */

typedef struct _CtGraphLayout CtGraphLayout;

/* A layout of @graph (its nodes and edges are copied: the graph may go).
 * The centre (node 0) stays at the origin. */
CtGraphLayout *ct_graph_layout_new          (const CtGraph *graph,
                                             guint32        seed);
void           ct_graph_layout_free         (CtGraphLayout *self);
/* One step; TRUE once stable (further steps change nothing). */
gboolean       ct_graph_layout_step         (CtGraphLayout *self);
gboolean       ct_graph_layout_is_stable    (const CtGraphLayout *self);
/* Steps until stable or @max_steps; the number of steps taken. */
guint          ct_graph_layout_run          (CtGraphLayout *self,
                                             guint          max_steps);
guint          ct_graph_layout_get_n_steps  (const CtGraphLayout *self);
/* TRUE once the forces have cooled and steps only push overlapping
 * nodes apart (cheap steps, small moves). */
gboolean       ct_graph_layout_is_cold      (const CtGraphLayout *self);
guint          ct_graph_layout_get_n_nodes  (const CtGraphLayout *self);
void           ct_graph_layout_get_position (const CtGraphLayout *self,
                                             guint          node,
                                             double        *x,
                                             double        *y);
/* Moves a node (a drag); a stable layout stays stable. */
void           ct_graph_layout_set_position (CtGraphLayout *self,
                                             guint          node,
                                             double         x,
                                             double         y);
/* The box holding every node's centre. */
void           ct_graph_layout_get_bounds   (const CtGraphLayout *self,
                                             double        *x0,
                                             double        *y0,
                                             double        *x1,
                                             double        *y1);
/* The closest two node centres are (G_MAXDOUBLE for fewer than two). */
double         ct_graph_layout_min_distance (const CtGraphLayout *self);

/* The laid-out graph as an SVG document (ct-graph-svg.c): nodes coloured
 * by kind and titled, edges labelled; every title escaped, numbers
 * written the same in every locale, the same bytes for the same input. */
char          *ct_graph_svg                 (const CtGraph       *graph,
                                             const CtGraphLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtGraphLayout, ct_graph_layout_free)

G_END_DECLS
