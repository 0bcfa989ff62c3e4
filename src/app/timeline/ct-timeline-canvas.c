#define G_LOG_DOMAIN "ct-timeline-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-entity-card.h"
#include "ct-timeline-canvas-private.h"
#include "ct-timeline-item.h"
#include "ct-timeline-paint.h"

/* Each lane's width when both are shown: room for "John Wick: Chapter 3 –
 * Parabellum" at the default font; one lane (a sidebar) takes the width. */
#define LANE_WIDTH   260.0
#define SIDE_MARGINS 24.0
/* buttons bound per frame for the items just outside the view */
#define MARGIN_BINDS_PER_FRAME 8
/* how long the pointer rests on an item before its card shows */
#define HOVER_DELAY_MS 450


G_DEFINE_FINAL_TYPE (CtTimelineCanvas, ct_timeline_canvas, GTK_TYPE_WIDGET)

static double
lane_width_of (const CtTimelineLayoutOptions *options,
               double                         width)
{
  if (!options->one_lane)
    return LANE_WIDTH;
  return MAX (CT_TIMELINE_MIN_LANE_WIDTH, width - SIDE_MARGINS);
}

static double
lane_width_for (CtTimelineCanvas *self,
                double            width)
{
  return lane_width_of (&self->options, width);
}

double
ct_timeline_canvas_get_lane_width (CtTimelineCanvas              *self,
                                   const CtTimelineLayoutOptions *options)
{
  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), LANE_WIDTH);
  return lane_width_of (options, gtk_widget_get_width (GTK_WIDGET (self)));
}

/* @layout (taken) becomes the one drawn; the slots follow it. */
void
_ct_timeline_canvas_set_layout (CtTimelineCanvas *self,
                                CtTimelineLayout *layout,
                                double            lane_width)
{
  g_clear_pointer (&self->layout, ct_timeline_layout_free);
  self->layout = layout;
  self->layout_width = lane_width;
  g_array_set_size (self->slots, 0);
  for (guint i = 0; i < layout->items->len; i++)
    {
      CtTimelineItemKind kind = g_array_index (layout->items, CtTimelineItem, i).kind;

      if (kind == CT_TIMELINE_ITEM_EVENT || kind == CT_TIMELINE_ITEM_FILM)
        g_array_append_val (self->slots, i);
    }
}

CtTimelineLayout *
_ct_timeline_canvas_layout_for (CtTimelineCanvas *self,
                                double            width)
{
  CtTimelineLayoutOptions options = self->options;

  if (self->timeline == NULL)
    return NULL;
  options.lane_width = lane_width_for (self, width);
  if (self->layout == NULL || self->layout_width != options.lane_width)
    _ct_timeline_canvas_set_layout (self, ct_timeline_layout_new (self->timeline, &options), options.lane_width);
  return self->layout;
}

gint64
ct_timeline_canvas_item_get_id (GtkWidget *item)
{
  return ct_timeline_item_get_id (item);
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

/* Items -----------------------------------------------------------------
 *
 * A wiki can hold tens of thousands of events, and a button each costs
 * about a millisecond to make and to measure on the main thread: the
 * canvas keeps buttons only for the items in or near the visible part of
 * the scrolled window (and the focused one), in reading order, and binds
 * a button that scrolled away to an item coming into view, as GtkListView
 * does. The model is the layout's list of events and films ("slots"):
 * arrow keys, Home and End move over all of it, making the button of the
 * item they reach. */

static GtkWidget *
item_new (CtTimelineCanvas *self)
{
  GtkWidget *button = ct_timeline_item_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect (motion, "enter", G_CALLBACK (on_item_enter_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_item_leave_cb), self);
  gtk_widget_add_controller (button, motion);
  return button;
}

static void
item_bind (CtTimelineCanvas *self,
           CtTimelineLayout *layout,
           GtkWidget        *button,
           guint             slot)
{
  if (ct_timeline_item_get_slot (button) == slot)
    return;
  if (self->hovered == button)
    hide_card (self);
  ct_timeline_item_bind (button, self->timeline,
                         &g_array_index (layout->items, CtTimelineItem, g_array_index (self->slots, guint, slot)),
                         slot, self->slots->len);
}

const CtTimelineRect *
_ct_timeline_canvas_slot_rect (CtTimelineCanvas *self,
           CtTimelineLayout *layout,
           guint             slot)
{
  return &g_array_index (layout->items, CtTimelineItem, g_array_index (self->slots, guint, slot)).rect;
}

static void
item_allocate (CtTimelineCanvas *self,
               CtTimelineLayout *layout,
               GtkWidget        *button)
{
  const CtTimelineRect *rect = _ct_timeline_canvas_slot_rect (self, layout, ct_timeline_item_get_slot (button));
  int min_w, min_h;

  /* a child must get at least its minimum */
  gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
  gtk_widget_size_allocate (button,
                            &(GtkAllocation) { (int) rect->x, (int) rect->y,
                                               MAX ((int) rect->width, min_w),
                                               MAX ((int) rect->height, min_h) }, -1);
}

/* The part of the canvas (its coordinates) the scrolled window shows;
 * all of it outside one. */
static void
visible_range (CtTimelineCanvas *self,
               double           *top,
               double           *bottom)
{
  if (self->vadjustment == NULL || gtk_adjustment_get_page_size (self->vadjustment) <= 0)
    {
      *top = 0;
      *bottom = G_MAXDOUBLE;
      return;
    }
  /* the canvas is the scrolled window's only content, from its top */
  *top = gtk_adjustment_get_value (self->vadjustment);
  *bottom = *top + gtk_adjustment_get_page_size (self->vadjustment);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  guint x = ct_timeline_item_get_slot (*(GtkWidget * const *) a), y = ct_timeline_item_get_slot (*(GtkWidget * const *) b);

  return x < y ? -1 : x > y;
}

/* Puts the buttons in reading order among the canvas's children: the
 * order a screen reader and Tab follow. */
static void
order_children (CtTimelineCanvas *self)
{
  GtkWidget *prev = NULL;

  g_ptr_array_sort (self->items, compare_slots);
  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (self->items, i);

      if (gtk_widget_get_prev_sibling (child) != prev)
        gtk_widget_insert_after (child, GTK_WIDGET (self), prev);
      prev = child;
    }
}

static void on_scrolled_cb (CtTimelineCanvas *self);

/* Gives a button to every item within a page of the visible part (so a
 * scroll of a page finds its buttons made), and to the focused one;
 * buttons of items further away are bound to the newcomers, and those
 * left over dropped. */
static void
update_items (CtTimelineCanvas *self,
              CtTimelineLayout *layout)
{
  g_autoptr(GHashTable) bound = g_hash_table_new (NULL, NULL);   /* slot + 1 → button */
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) spare = g_ptr_array_new ();
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  double top, bottom, margin, seen_top, seen_bottom;
  gboolean more;

  visible_range (self, &seen_top, &seen_bottom);
  margin = seen_bottom < G_MAXDOUBLE ? MAX (seen_bottom - seen_top, 400) : 0;
  top = seen_top - margin;
  bottom = seen_bottom + margin;

  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (self->items, i);
      guint slot = ct_timeline_item_get_slot (child);

      if (slot != CT_TIMELINE_NO_SLOT && slot < self->slots->len)
        g_hash_table_insert (bound, GUINT_TO_POINTER (slot + 1), child);
      else
        g_ptr_array_add (spare, child);
    }
  g_ptr_array_set_size (self->items, 0);

  for (guint slot = 0; layout != NULL && slot < self->slots->len; slot++)
    {
      const CtTimelineRect *rect = _ct_timeline_canvas_slot_rect (self, layout, slot);
      GtkWidget *child;

      if ((rect->y + rect->height < top || rect->y > bottom) && (int) slot != self->focus_slot)
        continue;
      if (g_hash_table_steal_extended (bound, GUINT_TO_POINTER (slot + 1), NULL, (gpointer *) &child))
        g_ptr_array_add (self->items, child);
      else if (rect->y + rect->height < seen_top || rect->y > seen_bottom)
        g_array_append_val (later, slot);
      else
        g_array_append_val (missing, slot);
    }
  /* what is on screen now, the margin a few per frame: a jump of the
   * scroll bar binds a whole page at once, and each bind is a measure */
  g_array_append_vals (missing, later->data, MIN (later->len, MARGIN_BINDS_PER_FRAME));
  more = later->len > MARGIN_BINDS_PER_FRAME;

  /* what is left in @bound scrolled away; the focused button stays */
  {
    GHashTableIter iter;
    gpointer child;

    g_hash_table_iter_init (&iter, bound);
    while (g_hash_table_iter_next (&iter, NULL, &child))
      if (child == focus)
        g_ptr_array_add (self->items, child);
      else
        g_ptr_array_add (spare, child);
  }
  for (guint i = 0; i < missing->len; i++)
    {
      guint slot = g_array_index (missing, guint, i);
      GtkWidget *child;

      if (spare->len > 0)
        child = g_ptr_array_steal_index_fast (spare, spare->len - 1);
      else
        {
          child = item_new (self);
          gtk_widget_set_parent (child, GTK_WIDGET (self));
        }
      item_bind (self, layout, child, slot);
      g_ptr_array_add (self->items, child);
    }
  for (guint i = 0; i < spare->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (spare, i);

      /* still a right button of its item, only off screen: kept to be
       * bound again in the frames that do the rest */
      if (more && ct_timeline_item_get_slot (child) < self->slots->len)
        {
          g_ptr_array_add (self->items, child);
          continue;
        }
      if (self->hovered == child)
        hide_card (self);
      gtk_widget_unparent (child);
    }
  order_children (self);
  if (more)
    on_scrolled_cb (self);
}

/* The button of @slot, made (and placed) now when it has none. */
GtkWidget *
_ct_timeline_canvas_materialize (CtTimelineCanvas *self,
             CtTimelineLayout *layout,
             guint             slot)
{
  GtkWidget *child;

  for (guint i = 0; i < self->items->len; i++)
    if (ct_timeline_item_get_slot (g_ptr_array_index (self->items, i)) == slot)
      return g_ptr_array_index (self->items, i);
  child = item_new (self);
  gtk_widget_set_parent (child, GTK_WIDGET (self));
  item_bind (self, layout, child, slot);
  g_ptr_array_add (self->items, child);
  order_children (self);
  /* placed at once: focusing it scrolls the view to where it is */
  item_allocate (self, layout, child);
  return child;
}

static gboolean
scrolled_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  CtTimelineCanvas *self = CT_TIMELINE_CANVAS (widget);

  self->scroll_tick = 0;
  gtk_widget_queue_allocate (widget);
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

/* The scrolled window changes its adjustment while it allocates, too:
 * asking for an allocation then could leave the canvas without one for
 * the frame. The next frame's update phase comes before its layout. */
static void
on_scrolled_cb (CtTimelineCanvas *self)
{
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scrolled_tick_cb, NULL, NULL);
}

/* The items shown depend on the options (filters, spoilers), not on the
 * width: the slots are the same for every layout until the next change. */
void
_ct_timeline_canvas_rebuild_items (CtTimelineCanvas *self,
                                   CtTimelineLayout *made,
                                   double            made_width)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  gint64 focused = focus ? ct_timeline_canvas_item_get_id (focus) : 0;
  CtTimelineLayout *layout;

  hide_card (self);
  /* every button shows an item of the old model: all are to be bound again */
  for (guint i = 0; i < self->items->len; i++)
    ct_timeline_item_set_slot (g_ptr_array_index (self->items, i), CT_TIMELINE_NO_SLOT);
  self->focus_slot = -1;
  g_clear_pointer (&self->layout, ct_timeline_layout_free);
  /* made on the worker for the width there is now: not again here */
  if (made != NULL && made_width == lane_width_for (self, gtk_widget_get_width (GTK_WIDGET (self))))
    _ct_timeline_canvas_set_layout (self, made, made_width);
  else if (made != NULL)
    ct_timeline_layout_free (made);

  layout = _ct_timeline_canvas_layout_for (self, gtk_widget_get_width (GTK_WIDGET (self)));
  /* a refresh (the wiki changed) keeps the keyboard where it was */
  for (guint slot = 0; layout != NULL && focused != 0 && slot < self->slots->len; slot++)
    {
      const CtTimelineItem *item = &g_array_index (layout->items, CtTimelineItem,
                                                   g_array_index (self->slots, guint, slot));
      gint64 id = item->kind == CT_TIMELINE_ITEM_EVENT
                  ? ((CtTimelineEvent *) g_ptr_array_index (self->timeline->events, item->index))->id
                  : ((CtTimelineFilm *) g_ptr_array_index (self->timeline->films, item->index))->id;

      if (id == focused)
        {
          item_bind (self, layout, focus, slot);
          self->focus_slot = (int) slot;
          break;
        }
    }
  /* made now, so the buttons are there as soon as the drawing is */
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    update_items (self, layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
ct_timeline_canvas_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CtTimelineCanvas *self = CT_TIMELINE_CANVAS (widget);
  CtTimelineLayout *layout = _ct_timeline_canvas_layout_for (self, gtk_widget_get_width (widget));
  double top, bottom;

  if (layout == NULL)
    return;
  /* a page more on each side: a scroll shows this drawing for a frame
   * before the next one is made */
  visible_range (self, &top, &bottom);
  if (bottom < G_MAXDOUBLE)
    {
      double page = bottom - top;

      top -= page;
      bottom += page;
    }
  ct_timeline_paint (widget, snapshot, self->timeline, layout, top, bottom);

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
    CtTimelineLayout *layout = _ct_timeline_canvas_layout_for (self, for_size > 0 ? for_size : width);

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
  CtTimelineLayout *layout = _ct_timeline_canvas_layout_for (self, width);

  update_items (self, layout);
  for (guint i = 0; layout != NULL && i < self->items->len; i++)
    item_allocate (self, layout, g_ptr_array_index (self->items, i));
  gtk_popover_present (GTK_POPOVER (self->popover));
}

/* Which buttons there are follows the scrolled window's position. */
static void
set_vadjustment (CtTimelineCanvas *self,
                 GtkAdjustment    *vadjustment)
{
  if (self->vadjustment == vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_scrolled_cb, self);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_set_object (&self->vadjustment, vadjustment);
  if (vadjustment != NULL)
    {
      g_signal_connect_swapped (vadjustment, "value-changed", G_CALLBACK (on_scrolled_cb), self);
      g_signal_connect_swapped (vadjustment, "changed", G_CALLBACK (on_scrolled_cb), self);
    }
}

static void
ct_timeline_canvas_root (GtkWidget *widget)
{
  CtTimelineCanvas *self = CT_TIMELINE_CANVAS (widget);
  GtkWidget *scroller;

  GTK_WIDGET_CLASS (ct_timeline_canvas_parent_class)->root (widget);
  scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  set_vadjustment (self, scroller ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)) : NULL);
}

static void
ct_timeline_canvas_unroot (GtkWidget *widget)
{
  set_vadjustment (CT_TIMELINE_CANVAS (widget), NULL);
  GTK_WIDGET_CLASS (ct_timeline_canvas_parent_class)->unroot (widget);
}

/* Focus that comes by Tab or a click is followed too, so the arrows go on
 * from there and the focused button is kept when it scrolls away. */
static void
ct_timeline_canvas_set_focus_child (GtkWidget *widget,
                                    GtkWidget *child)
{
  CtTimelineCanvas *self = CT_TIMELINE_CANVAS (widget);

  GTK_WIDGET_CLASS (ct_timeline_canvas_parent_class)->set_focus_child (widget, child);
  if (child != NULL && child != self->popover && ct_timeline_item_get_slot (child) != CT_TIMELINE_NO_SLOT)
    self->focus_slot = (int) ct_timeline_item_get_slot (child);
  else if (child == NULL)
    self->focus_slot = -1;
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
  g_clear_pointer (&self->slots, g_array_unref);
  set_vadjustment (self, NULL);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->layout, ct_timeline_layout_free);
  if (!_ct_timeline_canvas_keep_for_job (self, self->timeline))
    _ct_timeline_canvas_free_timeline (self->timeline);
  self->timeline = NULL;
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
  widget_class->set_focus_child = ct_timeline_canvas_set_focus_child;
  widget_class->root = ct_timeline_canvas_root;
  widget_class->unroot = ct_timeline_canvas_unroot;
  /* A layout made on the worker (a zoom, a filter) is drawn now. */
  g_signal_new ("laid-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "ct-timeline-canvas");
  /* a list of items a screen reader walks in order */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ct_timeline_canvas_init (CtTimelineCanvas *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  self->items = g_ptr_array_new ();
  self->slots = g_array_new (FALSE, FALSE, sizeof (guint));
  self->focus_slot = -1;
  self->anchor_slot = -1;
  self->options = self->wanted = (CtTimelineLayoutOptions) { .zoom = 1 };

  self->card = ct_entity_card_new ();
  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_widget_set_can_focus (self->popover, FALSE);
  gtk_widget_set_can_target (self->popover, FALSE);
  gtk_popover_set_child (GTK_POPOVER (self->popover), GTK_WIDGET (self->card));
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  g_signal_connect (key, "key-pressed", G_CALLBACK (_ct_timeline_canvas_key_pressed_cb), self);
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
                                 const CtTimelineLayoutOptions *options,
                                 CtTimelineLayout              *layout)
{
  CtTimeline *old;

  g_return_if_fail (CT_IS_TIMELINE_CANVAS (self));

  g_set_object (&self->wiki, wiki);
  old = self->timeline != timeline ? self->timeline : NULL;
  self->timeline = timeline;
  self->options = self->wanted = *options;
  self->anchor_slot = -1;
  /* a layout job still running is for what was shown before */
  self->layout_serial++;
  _ct_timeline_canvas_rebuild_items (self, layout, layout ? options->lane_width : 0);
  /* the buttons and the layout no longer point into it */
  if (!_ct_timeline_canvas_keep_for_job (self, old))
    _ct_timeline_canvas_free_timeline (old);
}

const CtTimeline *
ct_timeline_canvas_get_timeline (CtTimelineCanvas *self)
{
  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), NULL);
  return self->timeline;
}

guint
ct_timeline_canvas_get_n_hidden (CtTimelineCanvas *self)
{
  CtTimelineLayout *layout;

  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), 0);
  layout = _ct_timeline_canvas_layout_for (self, gtk_widget_get_width (GTK_WIDGET (self)));
  return layout ? layout->n_hidden : 0;
}
