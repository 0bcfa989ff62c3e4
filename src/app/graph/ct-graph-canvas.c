#define G_LOG_DOMAIN "ct-graph-canvas"

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ct-graph-canvas.h"
#include "ct-graph-labels.h"

/* Drawn with cairo through gtk_snapshot_append_cairo: GTK 4.8 has no
 * path nodes (gtk_snapshot_append_stroke is 4.14). The layout is never
 * computed here: the worker hands over positions of the settling steps,
 * and each frame only interpolates two of them, so a frame's cost is the
 * drawing alone. */

#define ANIMATION_US   (1500 * G_TIME_SPAN_MILLISECOND)
#define MIN_ZOOM       0.05
#define MAX_ZOOM       8.0
#define LABEL_NODES    400    /* above this many, titles only when zoomed in */
#define CLICK_SLOP     4.0    /* pixels a press may move and still be a click */
#define EDGE_LABEL_ROOM 110.0 /* on-screen length an edge needs for its label */

struct _CtGraphCanvas
{
  GtkWidget      parent_instance;

  CtGraphResult *result;
  float         *shown;       /* current positions, 2 per node */
  guint          tick_id;
  gint64         started;     /* frame time the animation began, or 0 */

  double         zoom;
  double         pan_x;       /* screen = layout × zoom + middle + pan */
  double         pan_y;

  int            drag_node;   /* the node held, or -1 (panning) */
  double         drag_x;      /* where the drag began, in layout units */
  double         drag_y;
  double         drag_pan_x;
  double         drag_pan_y;
  double         pinch_zoom;  /* the zoom when a pinch began */
  gboolean       fitted;      /* the view is the fit, not the user's own: a new size
                               * (a window turned narrow, a first allocation) fits again */
  int            fit_width;   /* the size it was fitted to; 0 for a guess */
  int            fit_height;
};

G_DEFINE_FINAL_TYPE (CtGraphCanvas, ct_graph_canvas, GTK_TYPE_WIDGET)

enum {
  SIGNAL_NODE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The libadwaita palette (shade 3 in light style, 2 in dark, so each
 * stays readable against its background), in CtEntityKind order. */
static const char * const light_colours[CT_N_ENTITY_KINDS] = {
  "#3584e4", "#2ec27e", "#9141ac", "#ff7800", "#e01b24", "#986a44", "#e5a50a",
};
static const char * const dark_colours[CT_N_ENTITY_KINDS] = {
  "#62a0ea", "#57e389", "#c061cb", "#ffa348", "#f66151", "#b5835a", "#f8e45c",
};

static guint
n_nodes (CtGraphCanvas *self)
{
  return self->result ? self->result->graph->nodes->len : 0;
}

static void
to_screen (CtGraphCanvas *self,
           double         x,
           double         y,
           double        *sx,
           double        *sy)
{
  *sx = x * self->zoom + gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 + self->pan_x;
  *sy = y * self->zoom + gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 + self->pan_y;
}

static void
to_layout (CtGraphCanvas *self,
           double         sx,
           double         sy,
           double        *x,
           double        *y)
{
  *x = (sx - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - self->pan_x) / self->zoom;
  *y = (sy - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - self->pan_y) / self->zoom;
}

/* The node under screen point (@sx, @sy), or -1; the last drawn wins. */
static int
node_at (CtGraphCanvas *self,
         double         sx,
         double         sy)
{
  double x, y;
  double reach = CT_GRAPH_NODE_RADIUS + 4.0 / self->zoom;

  to_layout (self, sx, sy, &x, &y);
  for (int i = (int) n_nodes (self) - 1; i >= 0; i--)
    if (hypot (self->shown[2 * i] - x, self->shown[2 * i + 1] - y) <= reach)
      return i;
  return -1;
}

static void
show_final (CtGraphCanvas *self)
{
  for (guint i = 0; i < n_nodes (self); i++)
    {
      double x, y;

      ct_graph_layout_get_position (self->result->layout, i, &x, &y);
      self->shown[2 * i] = (float) x;
      self->shown[2 * i + 1] = (float) y;
    }
}

static void
stop_animation (CtGraphCanvas *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  self->started = 0;
  if (self->result != NULL)
    show_final (self);
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  CtGraphCanvas *self = CT_GRAPH_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  guint n = n_nodes (self);
  double progress, at, mix;
  guint a, b;

  if (self->started == 0)
    self->started = now;
  progress = (double) (now - self->started) / (double) ANIMATION_US;
  if (progress >= 1.0 || self->result->n_frames < 2)
    {
      self->tick_id = 0;
      stop_animation (self);
      gtk_widget_queue_draw (widget);
      return G_SOURCE_REMOVE;
    }

  /* Ease out: the big moves of the first steps get the most time. */
  progress = 1.0 - (1.0 - progress) * (1.0 - progress);
  at = progress * (self->result->n_frames - 1);
  a = (guint) floor (at);
  b = MIN (a + 1, self->result->n_frames - 1);
  mix = at - a;
  for (guint i = 0; i < 2 * n; i++)
    {
      float from = self->result->frames[(gsize) a * 2 * n + i];
      float to = self->result->frames[(gsize) b * 2 * n + i];

      self->shown[i] = (float) (from + (to - from) * mix);
    }
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
set_source_hex (cairo_t    *cr,
                const char *hex)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, hex);
  gdk_cairo_set_source_rgba (cr, &rgba);
}

/* Near enough to the view to be drawn. */
static gboolean
on_screen (double x,
           double y,
           int    width,
           int    height)
{
  return x > -200 && y > -50 && x < width + 200 && y < height + 50;
}

typedef struct {
  GtkWidget *widget;
  double     scale;   /* of titles; edge labels are smaller */
} Measure;

static double
text_scale_of (const Measure *measure,
               gboolean       edge)
{
  return edge ? measure->scale * 0.8 : measure->scale;
}

/* The size Pango gives @text, for core's placing of the labels. */
static void
measure_cb (const char *text,
            gboolean    edge,
            double     *width,
            double     *height,
            gpointer    data)
{
  Measure *measure = data;
  PangoLayout *layout = gtk_widget_create_pango_layout (measure->widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  *width = w * text_scale_of (measure, edge);
  *height = h * text_scale_of (measure, edge);
  g_object_unref (layout);
}

/* @label's text in its box, over a halo of the background so it stays
 * readable where edges cross it. */
static void
draw_label (const Measure      *measure,
            cairo_t            *cr,
            const CtGraphLabel *label,
            const GdkRGBA      *colour,
            const GdkRGBA      *halo)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (measure->widget, label->text);
  double scale = text_scale_of (measure, label->edge);

  cairo_save (cr);
  cairo_move_to (cr, label->x, label->y);
  cairo_scale (cr, scale, scale);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  gdk_cairo_set_source_rgba (cr, halo);
  cairo_stroke_preserve (cr);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_fill (cr);
  cairo_restore (cr);
  g_object_unref (layout);
}

static void
ct_graph_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CtGraphCanvas *self = CT_GRAPH_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const char * const *colours = dark ? dark_colours : light_colours;
  const CtGraph *graph;
  cairo_t *cr;
  GdkRGBA fg, dim, halo;
  guint n = n_nodes (self);
  double text_scale = CLAMP (self->zoom, 0.85, 1.25);
  gboolean titles = n <= LABEL_NODES || self->zoom >= 1.0;
  gboolean edge_labels = n <= LABEL_NODES || self->zoom >= 1.5;
  double r = CT_GRAPH_NODE_RADIUS * CLAMP (self->zoom, 0.5, 2.0);
  Measure measure = { widget, text_scale };
  GArray *labels;
  double *xy;
  double x, y;

  if (n == 0 || width <= 0 || height <= 0)
    return;
  graph = self->result->graph;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = (GdkRGBA) { fg.red, fg.green, fg.blue, 0.6 };
  /* the view's background in each style (libadwaita 1.2's view_bg) */
  halo = dark ? (GdkRGBA) { 0.118, 0.118, 0.118, 0.85 } : (GdkRGBA) { 1.0, 1.0, 1.0, 0.85 };

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Confirmed relations solid, rumored or disputed ones dashed: one
   * path each, two strokes in all. */
  cairo_set_line_width (cr, 1.2);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
  for (int dashed = 0; dashed < 2; dashed++)
    {
      static const double dashes[] = { 5.0, 4.0 };

      cairo_set_dash (cr, dashes, dashed ? 2 : 0, 0);
      for (guint k = 0; k < graph->edges->len; k++)
        {
          CtGraphEdge *edge = graph->edges->pdata[k];
          double sx, sy, tx, ty;

          if ((edge->status != CT_FACT_CONFIRMED) != dashed)
            continue;
          to_screen (self, self->shown[2 * edge->source], self->shown[2 * edge->source + 1], &sx, &sy);
          to_screen (self, self->shown[2 * edge->target], self->shown[2 * edge->target + 1], &tx, &ty);
          cairo_move_to (cr, sx, sy);
          cairo_line_to (cr, tx, ty);
        }
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* Core places the labels (titles first, then edge labels where room
   * is left) so that none covers another at this zoom; what is left out
   * shows on hover or when zoomed in. */
  xy = g_new (double, 2 * n);
  for (guint i = 0; i < n; i++)
    to_screen (self, self->shown[2 * i], self->shown[2 * i + 1], &xy[2 * i], &xy[2 * i + 1]);
  labels = ct_graph_labels_place (graph, xy, &(CtGraphLabelOptions) {
                                    .radius = r,
                                    .min_edge_length = EDGE_LABEL_ROOM,
                                    .titles_only = !edge_labels,
                                    .centre_only = !titles,
                                    /* titles reach out sideways */
                                    .clip = TRUE,
                                    .clip_x0 = -200, .clip_y0 = -50,
                                    .clip_x1 = width + 200, .clip_y1 = height + 50,
                                    .measure = measure_cb,
                                    .measure_data = &measure,
                                  });
  for (guint l = 0; l < labels->len; l++)
    {
      const CtGraphLabel *label = &g_array_index (labels, CtGraphLabel, l);

      if (label->text != NULL)
        draw_label (&measure, cr, label, label->edge ? &dim : &fg, &halo);
    }
  g_array_unref (labels);
  g_free (xy);

  for (guint i = 0; i < n; i++)
    {
      CtGraphNode *node = graph->nodes->pdata[i];

      to_screen (self, self->shown[2 * i], self->shown[2 * i + 1], &x, &y);
      if (!on_screen (x, y, width, height))
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      set_source_hex (cr, colours[node->kind]);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, i == 0 ? 3.0 : 1.0);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, i == 0 ? 0.9 : 0.4);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

/* A title left out where labels crowd is still there on hover. */
static gboolean
on_query_tooltip_cb (GtkWidget     *widget,
                     int            x,
                     int            y,
                     gboolean       keyboard,
                     GtkTooltip    *tooltip,
                     CtGraphCanvas *self)
{
  CtGraphNode *node;
  g_autofree char *text = NULL;
  int at;

  if (keyboard || n_nodes (self) == 0 || (at = node_at (self, x, y)) < 0)
    return FALSE;
  node = self->result->graph->nodes->pdata[at];
  /* Translators: a graph node's tooltip: "Ana de Armas (Person)" */
  text = g_strdup_printf (_("%s (%s)"), node->title, ct_entity_kind_label (node->kind));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  CtGraphCanvas  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_node = n_nodes (self) > 0 ? node_at (self, x, y) : -1;
  if (self->drag_node >= 0)
    {
      /* A node taken mid-settle: settle at once, then move it. */
      stop_animation (self);
      self->drag_x = self->shown[2 * self->drag_node];
      self->drag_y = self->shown[2 * self->drag_node + 1];
    }
  self->drag_pan_x = self->pan_x;
  self->drag_pan_y = self->pan_y;
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   CtGraphCanvas  *self)
{
  if (self->drag_node >= 0)
    {
      double x = self->drag_x + dx / self->zoom;
      double y = self->drag_y + dy / self->zoom;

      self->shown[2 * self->drag_node] = (float) x;
      self->shown[2 * self->drag_node + 1] = (float) y;
      ct_graph_layout_set_position (self->result->layout, (guint) self->drag_node, x, y);
    }
  else
    {
      self->pan_x = self->drag_pan_x + dx;
      self->pan_y = self->drag_pan_y + dy;
      self->fitted = FALSE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CtGraphCanvas  *self)
{
  /* A press that hardly moved is a click: it opens the node. */
  if (self->drag_node >= 0 && hypot (dx, dy) < CLICK_SLOP)
    {
      ct_graph_layout_set_position (self->result->layout, (guint) self->drag_node,
                                    self->drag_x, self->drag_y);
      self->shown[2 * self->drag_node] = (float) self->drag_x;
      self->shown[2 * self->drag_node + 1] = (float) self->drag_y;
      g_signal_emit (self, signals[SIGNAL_NODE_ACTIVATED], 0, (guint) self->drag_node);
    }
  self->drag_node = -1;
}

/* Zooms by @factor keeping screen point (@sx, @sy) where it is. */
static void
zoom_at (CtGraphCanvas *self,
         double         factor,
         double         sx,
         double         sy)
{
  double x, y, zoom = CLAMP (self->zoom * factor, MIN_ZOOM, MAX_ZOOM);
  double nx, ny;

  to_layout (self, sx, sy, &x, &y);
  self->zoom = zoom;
  to_screen (self, x, y, &nx, &ny);
  self->pan_x += sx - nx;
  self->pan_y += sy - ny;
  self->fitted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              CtGraphCanvas            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Ctrl+scroll zooms, as in every GNOME viewer; plain scroll pans. */
  if (state & GDK_CONTROL_MASK)
    {
      double px = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double py = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

      zoom_at (self, dy < 0 ? 1.15 : 1.0 / 1.15, px, py);
    }
  else
    {
      self->pan_x -= dx * 40.0;
      self->pan_y -= dy * 40.0;
      self->fitted = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return TRUE;
}

static void
on_pinch_begin_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   CtGraphCanvas    *self)
{
  self->pinch_zoom = self->zoom;
}

static void
on_pinch_cb (GtkGestureZoom *gesture,
             double          scale,
             CtGraphCanvas  *self)
{
  double x, y;

  /* The scale is from the pinch's start, not from the last event. */
  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    zoom_at (self, self->pinch_zoom * scale / self->zoom, x, y);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CtGraphCanvas         *self)
{
  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      ct_graph_canvas_zoom (self, 1.25);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      ct_graph_canvas_zoom (self, 0.8);
      return TRUE;
    case GDK_KEY_0: case GDK_KEY_KP_0:
      ct_graph_canvas_fit (self);
      return TRUE;
    case GDK_KEY_Left:  self->pan_x += 40; break;
    case GDK_KEY_Right: self->pan_x -= 40; break;
    case GDK_KEY_Up:    self->pan_y += 40; break;
    case GDK_KEY_Down:  self->pan_y -= 40; break;
    default:
      return FALSE;
    }
  self->fitted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
ct_graph_canvas_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CtGraphCanvas *self = CT_GRAPH_CANVAS (widget);

  if (self->fitted && (width != self->fit_width || height != self->fit_height))
    ct_graph_canvas_fit (self);
}

static void
ct_graph_canvas_dispose (GObject *object)
{
  CtGraphCanvas *self = CT_GRAPH_CANVAS (object);

  stop_animation (self);
  g_clear_pointer (&self->result, ct_graph_result_free);
  g_clear_pointer (&self->shown, g_free);
  G_OBJECT_CLASS (ct_graph_canvas_parent_class)->dispose (object);
}

static void
ct_graph_canvas_class_init (CtGraphCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_graph_canvas_dispose;
  widget_class->snapshot = ct_graph_canvas_snapshot;
  widget_class->size_allocate = ct_graph_canvas_size_allocate;

  signals[SIGNAL_NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "graph-canvas");
  /* A picture for screen readers; the Relations list beside it holds
   * what it shows as rows (GTK 4.8 cannot expose drawn items). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ct_graph_canvas_init (CtGraphCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->zoom = 1.0;
  self->drag_node = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_cb), self);
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
}

GtkWidget *
ct_graph_canvas_new (void)
{
  return g_object_new (CT_TYPE_GRAPH_CANVAS, NULL);
}

void
ct_graph_canvas_set_result (CtGraphCanvas *self,
                            CtGraphResult *result,
                            gboolean       animate)
{
  g_return_if_fail (CT_IS_GRAPH_CANVAS (self));

  stop_animation (self);
  g_clear_pointer (&self->result, ct_graph_result_free);
  g_clear_pointer (&self->shown, g_free);
  self->result = result;
  if (result != NULL)
    {
      self->shown = g_new0 (float, 2 * n_nodes (self) + 2);
      if (animate && result->n_frames > 1 && n_nodes (self) > 0)
        {
          memcpy (self->shown, result->frames, sizeof (float) * 2 * n_nodes (self));
          self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick_cb, NULL, NULL);
        }
      else
        show_final (self);
      ct_graph_canvas_fit (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const CtGraph *
ct_graph_canvas_get_graph (CtGraphCanvas *self)
{
  g_return_val_if_fail (CT_IS_GRAPH_CANVAS (self), NULL);
  return self->result ? self->result->graph : NULL;
}

const CtGraphLayout *
ct_graph_canvas_get_layout (CtGraphCanvas *self)
{
  g_return_val_if_fail (CT_IS_GRAPH_CANVAS (self), NULL);
  return self->result ? self->result->layout : NULL;
}

gboolean
ct_graph_canvas_is_animating (CtGraphCanvas *self)
{
  g_return_val_if_fail (CT_IS_GRAPH_CANVAS (self), FALSE);
  return self->tick_id != 0;
}

void
ct_graph_canvas_zoom (CtGraphCanvas *self,
                      double         factor)
{
  g_return_if_fail (CT_IS_GRAPH_CANVAS (self));
  zoom_at (self, factor,
           gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
ct_graph_canvas_fit (CtGraphCanvas *self)
{
  double x0, y0, x1, y1;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (CT_IS_GRAPH_CANVAS (self));

  if (self->result == NULL)
    return;
  /* Not allocated yet: a first guess at a typical tab's size, made again
   * once the size is known (size_allocate). */
  self->fitted = TRUE;
  self->fit_width = width > 1 && height > 1 ? width : 0;
  self->fit_height = height;
  if (width <= 1 || height <= 1)
    {
      width = 800;
      height = 600;
    }
  ct_graph_layout_get_bounds (self->result->layout, &x0, &y0, &x1, &y1);
  /* room for the titles under the nodes at the edges, less of it in a
   * narrow view (a phone) */
  self->zoom = CLAMP (MIN ((width - MIN (240.0, width / 3.0)) / MAX (x1 - x0, 1.0),
                           (height - MIN (80.0, height / 4.0)) / MAX (y1 - y0, 1.0)),
                      MIN_ZOOM, 1.5);
  self->pan_x = -(x0 + x1) / 2.0 * self->zoom;
  self->pan_y = -(y0 + y1) / 2.0 * self->zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_ct_graph_canvas_get_view (CtGraphCanvas *self,
                           double        *zoom,
                           double        *pan_x,
                           double        *pan_y)
{
  g_return_if_fail (CT_IS_GRAPH_CANVAS (self));
  *zoom = self->zoom;
  *pan_x = self->pan_x;
  *pan_y = self->pan_y;
}
