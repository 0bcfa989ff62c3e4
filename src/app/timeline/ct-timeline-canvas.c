#define G_LOG_DOMAIN "ct-timeline-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-entity-card.h"
#include "ct-timeline-canvas.h"

/* Each lane's width when both are shown: room for "John Wick: Chapter 3 –
 * Parabellum" at the default font; one lane (a sidebar) takes the width. */
#define LANE_WIDTH   260.0
#define SIDE_MARGINS 24.0
/* how long the pointer rests on an item before its card shows */
#define HOVER_DELAY_MS 450

struct _CtTimelineCanvas
{
  GtkWidget                parent_instance;

  CtWiki                  *wiki;
  CtTimeline              *timeline;
  CtTimelineLayoutOptions  options;
  CtTimelineLayout        *layout;       /* for layout_width, or NULL */
  double                   layout_width;
  GPtrArray               *items;        /* of GtkWidget: the buttons, in layout order */

  GtkWidget               *popover;      /* the hover card */
  CtEntityCard            *card;
  GtkWidget               *hovered;      /* weak: the item waiting for its card */
  guint                    hover_id;
};

G_DEFINE_FINAL_TYPE (CtTimelineCanvas, ct_timeline_canvas, GTK_TYPE_WIDGET)

static double
lane_width_for (CtTimelineCanvas *self,
                double            width)
{
  if (!self->options.one_lane)
    return LANE_WIDTH;
  return MAX (CT_TIMELINE_MIN_LANE_WIDTH, width - SIDE_MARGINS);
}

static CtTimelineLayout *
layout_for (CtTimelineCanvas *self,
            double            width)
{
  CtTimelineLayoutOptions options = self->options;

  if (self->timeline == NULL)
    return NULL;
  options.lane_width = lane_width_for (self, width);
  if (self->layout == NULL || self->layout_width != options.lane_width)
    {
      g_clear_pointer (&self->layout, ct_timeline_layout_free);
      self->layout = ct_timeline_layout_new (self->timeline, &options);
      self->layout_width = options.lane_width;
    }
  return self->layout;
}

gint64
ct_timeline_canvas_item_get_id (GtkWidget *item)
{
  gint64 *id = g_object_get_data (G_OBJECT (item), "ct-entity-id");

  return id ? *id : 0;
}

/* Hover card ------------------------------------------------------------ */

static gboolean
show_card_cb (gpointer data)
{
  CtTimelineCanvas *self = data;
  g_autoptr(GError) error = NULL;
  graphene_rect_t bounds;

  self->hover_id = 0;
  if (self->hovered == NULL || self->wiki == NULL)
    return G_SOURCE_REMOVE;
  if (!ct_entity_card_set_entity (self->card, self->wiki, ct_timeline_canvas_item_get_id (self->hovered), &error))
    return G_SOURCE_REMOVE;   /* deleted meanwhile: the refresh is on its way */
  if (!gtk_widget_compute_bounds (self->hovered, GTK_WIDGET (self), &bounds))
    return G_SOURCE_REMOVE;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                 bounds.size.width, bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->popover));
  return G_SOURCE_REMOVE;
}

static void
hide_card (CtTimelineCanvas *self)
{
  g_clear_handle_id (&self->hover_id, g_source_remove);
  g_clear_weak_pointer (&self->hovered);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_item_enter_cb (GtkEventControllerMotion *motion,
                  double                    x,
                  double                    y,
                  CtTimelineCanvas         *self)
{
  hide_card (self);
  g_set_weak_pointer (&self->hovered, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion)));
  self->hover_id = g_timeout_add (HOVER_DELAY_MS, show_card_cb, self);
}

static void
on_item_leave_cb (GtkEventControllerMotion *motion,
                  CtTimelineCanvas         *self)
{
  hide_card (self);
}

/* Items ----------------------------------------------------------------- */

static GtkWidget *
item_new (CtTimelineCanvas     *self,
          const CtTimelineItem *item)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  g_autofree char *label = NULL;
  const char *detail_text;
  gint64 id;
  gboolean spoiler;

  if (item->kind == CT_TIMELINE_ITEM_EVENT)
    {
      CtTimelineEvent *event = g_ptr_array_index (self->timeline->events, item->index);

      id = event->id;
      spoiler = event->spoiler;
      label = ct_timeline_event_label (self->timeline, event);
      gtk_label_set_text (GTK_LABEL (title), event->title);
      detail_text = event->when;
      gtk_widget_add_css_class (button, "ct-timeline-event");
    }
  else
    {
      CtTimelineFilm *film = g_ptr_array_index (self->timeline->films, item->index);

      id = film->id;
      spoiler = film->spoiler;
      label = ct_timeline_film_label (film);
      gtk_label_set_text (GTK_LABEL (title), film->title);
      detail_text = film->release;
      gtk_widget_add_css_class (button, "ct-timeline-film");
    }

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "ct-timeline-title");
  gtk_box_append (GTK_BOX (box), title);
  gtk_label_set_text (GTK_LABEL (detail), detail_text ? detail_text : "");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_visible (detail, detail_text != NULL);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "ct-timeline-item");
  if (spoiler)
    gtk_widget_add_css_class (button, "ct-timeline-spoiler");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "ct-entity-id", g_memdup2 (&id, sizeof id), g_free);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-entity");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  g_signal_connect (motion, "enter", G_CALLBACK (on_item_enter_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_item_leave_cb), self);
  gtk_widget_add_controller (button, motion);
  return button;
}

/* The items shown depend on the options (filters, spoilers), not on the
 * width: they are made once per change, and every layout after that has
 * the same boxes in the same order. */
static void
rebuild_items (CtTimelineCanvas *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  gint64 focused = focus ? ct_timeline_canvas_item_get_id (focus) : 0;
  CtTimelineLayout *layout;

  hide_card (self);
  for (guint i = 0; i < self->items->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->items, i));
  g_ptr_array_set_size (self->items, 0);
  g_clear_pointer (&self->layout, ct_timeline_layout_free);

  layout = layout_for (self, gtk_widget_get_width (GTK_WIDGET (self)));
  for (guint i = 0; layout != NULL && i < layout->items->len; i++)
    {
      const CtTimelineItem *item = &g_array_index (layout->items, CtTimelineItem, i);
      GtkWidget *button;

      if (item->kind != CT_TIMELINE_ITEM_EVENT && item->kind != CT_TIMELINE_ITEM_FILM)
        continue;
      button = item_new (self, item);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      g_ptr_array_add (self->items, button);
      /* a refresh (the wiki changed) keeps the keyboard where it was */
      if (focused != 0 && ct_timeline_canvas_item_get_id (button) == focused)
        {
          gtk_widget_grab_focus (button);
          focused = 0;
        }
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Drawing ---------------------------------------------------------------- */

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static void
fill_rounded (GtkSnapshot          *snapshot,
              const CtTimelineRect *r,
              float                 radius,
              const GdkRGBA        *color)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height);
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &rect);
  gtk_snapshot_pop (snapshot);
}

static void
draw_text (CtTimelineCanvas     *self,
           GtkSnapshot          *snapshot,
           const CtTimelineRect *r,
           const char           *text,
           gboolean              large,
           const GdkRGBA        *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attributes = pango_attr_list_new ();
  int height;

  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (!large)
    pango_attr_list_insert (attributes, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_width (layout, (int) ((r->width - 8) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (r->x + 4, r->y + (r->height - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  pango_attr_list_unref (attributes);
  g_object_unref (layout);
}

static void
draw_connectors (CtTimelineCanvas *self,
                 GtkSnapshot      *snapshot,
                 CtTimelineLayout *layout,
                 const GdkRGBA    *accent)
{
  cairo_t *cr;

  if (layout->connectors->len == 0)
    return;
  /* GskPath is GTK 4.14: the curves go through cairo */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, layout->width, layout->height));
  gdk_cairo_set_source_rgba (cr, accent);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < layout->connectors->len; i++)
    {
      const CtTimelineConnector *c = &g_array_index (layout->connectors, CtTimelineConnector, i);
      double mid = (c->x1 + c->x2) / 2;

      cairo_move_to (cr, c->x1, c->y1);
      cairo_curve_to (cr, mid, c->y1, mid, c->y2, c->x2, c->y2);
      cairo_stroke (cr);
      cairo_arc (cr, c->x2 - 3, c->y2, 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
ct_timeline_canvas_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CtTimelineCanvas *self = CT_TIMELINE_CANVAS (widget);
  CtTimelineLayout *layout = layout_for (self, gtk_widget_get_width (widget));
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA fg, accent, warning, lane, band, unplaced, dim;

  if (layout == NULL)
    return;
  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };
  if (!gtk_style_context_lookup_color (style, "warning_color", &warning))
    warning = (GdkRGBA) { 0.9, 0.65, 0.04, 1 };
  /* shades of the text colour: right in light and dark alike */
  lane = with_alpha (&fg, 0.04);
  band = with_alpha (&fg, 0.07);
  unplaced = with_alpha (&warning, 0.18);
  dim = with_alpha (&fg, 0.7);
  accent = with_alpha (&accent, 0.8);

  for (guint i = 0; i < layout->items->len; i++)
    {
      const CtTimelineItem *item = &g_array_index (layout->items, CtTimelineItem, i);

      if (item->kind == CT_TIMELINE_ITEM_LANE)
        {
          fill_rounded (snapshot, &item->rect, 10, &lane);
          draw_text (self, snapshot, &item->heading, ct_timeline_lane_title (item->index), TRUE, &fg);
        }
      else if (item->kind == CT_TIMELINE_ITEM_GROUP)
        {
          fill_rounded (snapshot, &item->rect, 8, item->unplaced ? &unplaced : &band);
          draw_text (self, snapshot, &item->heading, ct_timeline_group_title (self->timeline, item), FALSE, &dim);
        }
    }
  draw_connectors (self, snapshot, layout, &accent);

  for (guint i = 0; i < self->items->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->items, i), snapshot);
  gtk_widget_snapshot_child (widget, self->popover, snapshot);
}

/* Size ------------------------------------------------------------------- */

static void
ct_timeline_canvas_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CtTimelineCanvas *self = CT_TIMELINE_CANVAS (widget);
  double width = self->options.one_lane ? CT_TIMELINE_MIN_LANE_WIDTH + SIDE_MARGINS
                                        : 2 * LANE_WIDTH + SIDE_MARGINS + 56;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = (int) width;
      return;
    }
  {
    CtTimelineLayout *layout = layout_for (self, for_size > 0 ? for_size : width);

    *minimum = *natural = layout ? (int) layout->height : 0;
  }
}

static GtkSizeRequestMode
ct_timeline_canvas_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ct_timeline_canvas_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  CtTimelineCanvas *self = CT_TIMELINE_CANVAS (widget);
  CtTimelineLayout *layout = layout_for (self, width);
  guint next = 0;

  for (guint i = 0; layout != NULL && i < layout->items->len; i++)
    {
      const CtTimelineItem *item = &g_array_index (layout->items, CtTimelineItem, i);
      GtkWidget *child;
      int min_w, min_h;

      if (item->kind != CT_TIMELINE_ITEM_EVENT && item->kind != CT_TIMELINE_ITEM_FILM)
        continue;
      if (next >= self->items->len)
        break;
      child = g_ptr_array_index (self->items, next++);
      /* a child must get at least its minimum */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { (int) item->rect.x, (int) item->rect.y,
                                                   MAX ((int) item->rect.width, min_w),
                                                   MAX ((int) item->rect.height, min_h) }, -1);
    }
  gtk_popover_present (GTK_POPOVER (self->popover));
}

/* Keys and zoom ---------------------------------------------------------- */

gboolean
ct_timeline_canvas_move_focus (CtTimelineCanvas *self,
                               int               delta)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  int at = -1;
  int next;

  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), FALSE);

  if (self->items->len == 0)
    return FALSE;
  for (guint i = 0; focus != NULL && i < self->items->len; i++)
    if (g_ptr_array_index (self->items, i) == focus)
      at = (int) i;
  next = at < 0 ? 0 : CLAMP (at + delta, 0, (int) self->items->len - 1);
  return gtk_widget_grab_focus (g_ptr_array_index (self->items, next));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *key,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CtTimelineCanvas      *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Down:
    case GDK_KEY_KP_Right:
      ct_timeline_canvas_move_focus (self, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Left:
      ct_timeline_canvas_move_focus (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
      ct_timeline_canvas_move_focus (self, -(int) self->items->len);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
      ct_timeline_canvas_move_focus (self, (int) self->items->len);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* GObject ---------------------------------------------------------------- */

static void
ct_timeline_canvas_dispose (GObject *object)
{
  CtTimelineCanvas *self = CT_TIMELINE_CANVAS (object);

  g_clear_handle_id (&self->hover_id, g_source_remove);
  g_clear_weak_pointer (&self->hovered);
  if (self->items != NULL)
    for (guint i = 0; i < self->items->len; i++)
      gtk_widget_unparent (g_ptr_array_index (self->items, i));
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->layout, ct_timeline_layout_free);
  g_clear_pointer (&self->timeline, ct_timeline_free);
  g_clear_object (&self->wiki);

  G_OBJECT_CLASS (ct_timeline_canvas_parent_class)->dispose (object);
}

static void
ct_timeline_canvas_class_init (CtTimelineCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_timeline_canvas_dispose;
  widget_class->snapshot = ct_timeline_canvas_snapshot;
  widget_class->measure = ct_timeline_canvas_measure;
  widget_class->get_request_mode = ct_timeline_canvas_get_request_mode;
  widget_class->size_allocate = ct_timeline_canvas_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "ct-timeline-canvas");
  /* a list of items a screen reader walks in order */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ct_timeline_canvas_init (CtTimelineCanvas *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  self->items = g_ptr_array_new ();
  self->options = (CtTimelineLayoutOptions) { .zoom = 1 };

  self->card = ct_entity_card_new ();
  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_widget_set_can_focus (self->popover, FALSE);
  gtk_widget_set_can_target (self->popover, FALSE);
  gtk_popover_set_child (GTK_POPOVER (self->popover), GTK_WIDGET (self->card));
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline: events in in-universe order and films in release order"), -1);
}

GtkWidget *
ct_timeline_canvas_new (void)
{
  return g_object_new (CT_TYPE_TIMELINE_CANVAS, NULL);
}

void
ct_timeline_canvas_set_timeline (CtTimelineCanvas              *self,
                                 CtWiki                        *wiki,
                                 CtTimeline                    *timeline,
                                 const CtTimelineLayoutOptions *options)
{
  g_return_if_fail (CT_IS_TIMELINE_CANVAS (self));

  g_set_object (&self->wiki, wiki);
  if (self->timeline != timeline)
    g_clear_pointer (&self->timeline, ct_timeline_free);
  self->timeline = timeline;
  self->options = *options;
  rebuild_items (self);
}

const CtTimeline *
ct_timeline_canvas_get_timeline (CtTimelineCanvas *self)
{
  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), NULL);
  return self->timeline;
}

void
ct_timeline_canvas_set_options (CtTimelineCanvas              *self,
                                const CtTimelineLayoutOptions *options)
{
  gboolean same_items;

  g_return_if_fail (CT_IS_TIMELINE_CANVAS (self));

  same_items = self->options.film_id == options->film_id && self->options.character_id == options->character_id
               && self->options.show_spoilers == options->show_spoilers && self->options.one_lane == options->one_lane;
  self->options = *options;
  if (same_items)
    {
      /* only the zoom: same buttons, new places */
      g_clear_pointer (&self->layout, ct_timeline_layout_free);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  else
    rebuild_items (self);
}

const CtTimelineLayoutOptions *
ct_timeline_canvas_get_options (CtTimelineCanvas *self)
{
  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), NULL);
  return &self->options;
}

/* The layout's item for button @item: the buttons are the layout's events
 * and films, in order. */
static const CtTimelineItem *
layout_item_of (CtTimelineCanvas *self,
                CtTimelineLayout *layout,
                GtkWidget        *item)
{
  guint index;
  guint seen = 0;

  if (layout == NULL || !g_ptr_array_find (self->items, item, &index))
    return NULL;
  for (guint i = 0; i < layout->items->len; i++)
    {
      const CtTimelineItem *found = &g_array_index (layout->items, CtTimelineItem, i);

      if (found->kind != CT_TIMELINE_ITEM_EVENT && found->kind != CT_TIMELINE_ITEM_FILM)
        continue;
      if (seen++ == index)
        return found;
    }
  return NULL;
}

gboolean
ct_timeline_canvas_get_item_box (CtTimelineCanvas *self,
                                 GtkWidget        *item,
                                 graphene_rect_t  *box)
{
  const CtTimelineItem *found;

  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  found = layout_item_of (self, layout_for (self, gtk_widget_get_width (GTK_WIDGET (self))), item);
  if (found == NULL)
    return FALSE;
  graphene_rect_init (box, found->rect.x, found->rect.y, found->rect.width, found->rect.height);
  return TRUE;
}

GtkWidget *
ct_timeline_canvas_get_item_near (CtTimelineCanvas *self,
                                  double            y)
{
  GtkWidget *nearest = NULL;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (self->items, i);
      graphene_rect_t box;
      double distance;

      if (!ct_timeline_canvas_get_item_box (self, item, &box))
        continue;
      if (y < box.origin.y)
        distance = box.origin.y - y;
      else if (y > box.origin.y + box.size.height)
        distance = y - (box.origin.y + box.size.height);
      else
        distance = 0;
      if (distance < best)
        {
          best = distance;
          nearest = item;
        }
    }
  return nearest;
}

guint
ct_timeline_canvas_get_n_hidden (CtTimelineCanvas *self)
{
  CtTimelineLayout *layout;

  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), 0);
  layout = layout_for (self, gtk_widget_get_width (GTK_WIDGET (self)));
  return layout ? layout->n_hidden : 0;
}
