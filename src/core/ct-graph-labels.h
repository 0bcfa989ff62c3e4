/* ct-graph-labels.h — where a drawn graph's labels go so that none covers
 * another, without GTK: the canvas (measuring with Pango, at its zoom)
 * and the SVG export (estimating from the text) place them the same way.
 *
 * Node titles come first, the centre's before all, then edge labels. Each
 * label tries its usual place, then a few others near its node or edge;
 * where none is free it is shortened with an ellipsis, and where even that
 * does not fit it is left out at this zoom: zooming in makes room, the
 * canvas's tooltip and the SVG's <title> give it on hover, and the
 * Relations list beside the graph is the form a screen reader reads.
 */
#pragma once

#include "ct-graph.h"

G_BEGIN_DECLS

/* The size of @text drawn as an edge label (@edge) or a node title. */
typedef void (*CtGraphMeasureFunc) (const char *text,
                                    gboolean    edge,
                                    double     *width,
                                    double     *height,
                                    gpointer    user_data);

typedef struct {
  double              radius;          /* of the node discs, which labels keep off */
  double              min_edge_length; /* shorter edges go unlabelled */
  gboolean            titles_only;     /* no edge labels at all */
  gboolean            centre_only;     /* no node titles but the centre's */
  gboolean            clip;            /* place only labels anchored inside: */
  double              clip_x0, clip_y0, clip_x1, clip_y1;
  CtGraphMeasureFunc  measure;         /* NULL: ct_graph_label_estimate () */
  gpointer            measure_data;
} CtGraphLabelOptions;

typedef struct {
  gboolean  edge;        /* an edge's label; else a node's title */
  guint     index;       /* of the node or the edge */
  char     *text;        /* as drawn: whole or shortened with "…"; NULL: left out */
  double    x, y;        /* the box's top left */
  double    width, height;
} CtGraphLabel;

/* The labels of @graph with its nodes at @xy (2 per node, in drawing
 * units): an array of CtGraphLabel, node titles in node order, then edge
 * labels in edge order. The same input gives the same places. */
GArray *ct_graph_labels_place     (const CtGraph             *graph,
                                   const double              *xy,
                                   const CtGraphLabelOptions *options);

/* A size for @text without a font at hand (the SVG export's): generous,
 * so that a real font's text fits inside it. Titles are 12 units high
 * text, edge labels 10. */
void    ct_graph_label_estimate   (const char                *text,
                                   gboolean                   edge,
                                   double                    *width,
                                   double                    *height,
                                   gpointer                   user_data);

#define CT_GRAPH_TITLE_SIZE 12.0
#define CT_GRAPH_EDGE_LABEL_SIZE 10.0

G_END_DECLS
