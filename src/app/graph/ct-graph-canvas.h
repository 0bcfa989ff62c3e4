/* ct-graph-canvas.h — draws a laid-out relationship graph: nodes coloured
 * by kind, edges with their labels; shows the layout settling, zooms,
 * pans, and lets a node be dragged or clicked. */
#pragma once

#include <gtk/gtk.h>

#include "ct-graph-job.h"

G_BEGIN_DECLS

#define CT_TYPE_GRAPH_CANVAS (ct_graph_canvas_get_type ())
G_DECLARE_FINAL_TYPE (CtGraphCanvas, ct_graph_canvas, CT, GRAPH_CANVAS, GtkWidget)

GtkWidget           *ct_graph_canvas_new          (void);
/* Shows @result (transfer full; NULL to clear), settling from its first
 * frame to its stable layout unless @animate is FALSE. */
void                 ct_graph_canvas_set_result   (CtGraphCanvas *self,
                                                   CtGraphResult *result,
                                                   gboolean       animate);
const CtGraph       *ct_graph_canvas_get_graph    (CtGraphCanvas *self);
/* The layout as shown, nodes dragged included (NULL before a result). */
const CtGraphLayout *ct_graph_canvas_get_layout   (CtGraphCanvas *self);
gboolean             ct_graph_canvas_is_animating (CtGraphCanvas *self);
/* Multiplies the zoom by @factor about the middle of the view. */
void                 ct_graph_canvas_zoom         (CtGraphCanvas *self,
                                                   double         factor);
/* Zoom and pan so the whole graph fits; the view keeps fitting a new
 * size until the user zooms or pans. */
void                 ct_graph_canvas_fit          (CtGraphCanvas *self);
/* For tests: screen = layout × @zoom + the middle + (@pan_x, @pan_y). */
void                 _ct_graph_canvas_get_view    (CtGraphCanvas *self,
                                                   double        *zoom,
                                                   double        *pan_x,
                                                   double        *pan_y);

G_END_DECLS
