/* ct-timeline-canvas-keys.c — the canvas's items as a model: every event
 * and film by its place in reading order ("slot"), whether it has a button
 * now or not. The keyboard moves over all of them; the view asks where
 * they are to keep one in place while it zooms. */
#define G_LOG_DOMAIN "ct-timeline-canvas"

#include "config.h"

#include "ct-timeline-canvas-private.h"
#include "ct-timeline-item.h"

gboolean
ct_timeline_canvas_focus_item (CtTimelineCanvas *self,
                               guint             slot)
{
  CtTimelineLayout *layout;
  GtkWidget *button;
  const CtTimelineRect *rect;

  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), FALSE);

  layout = _ct_timeline_canvas_layout_for (self, gtk_widget_get_width (GTK_WIDGET (self)));
  if (layout == NULL || slot >= self->slots->len)
    return FALSE;
  button = _ct_timeline_canvas_materialize (self, layout, slot);
  if (!gtk_widget_grab_focus (button))
    return FALSE;
  /* the viewport scrolls to a focused child only when its own setting
   * says so: make sure */
  rect = _ct_timeline_canvas_slot_rect (self, layout, slot);
  if (self->vadjustment != NULL)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);
      double page = gtk_adjustment_get_page_size (self->vadjustment);

      if (rect->y < value)
        gtk_adjustment_set_value (self->vadjustment, rect->y);
      else if (rect->y + rect->height > value + page)
        gtk_adjustment_set_value (self->vadjustment, rect->y + rect->height - page);
    }
  return TRUE;
}

gboolean
ct_timeline_canvas_move_focus (CtTimelineCanvas *self,
                               int               delta)
{
  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), FALSE);

  _ct_timeline_canvas_layout_for (self, gtk_widget_get_width (GTK_WIDGET (self)));
  if (self->slots->len == 0)
    return FALSE;
  if (gtk_widget_get_focus_child (GTK_WIDGET (self)) == NULL)
    self->focus_slot = -1;
  /* by slot, not by button: the next item may have none yet */
  return ct_timeline_canvas_focus_item (self, self->focus_slot < 0 ? 0
                                              : CLAMP ((gint64) self->focus_slot + delta, 0, (int) self->slots->len - 1));
}

gboolean
_ct_timeline_canvas_key_pressed_cb (GtkEventControllerKey *key,
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
      ct_timeline_canvas_focus_item (self, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
      if (self->slots->len > 0)
        ct_timeline_canvas_focus_item (self, self->slots->len - 1);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

gboolean
ct_timeline_canvas_get_slot_box (CtTimelineCanvas *self,
                                 int               slot,
                                 graphene_rect_t  *box)
{
  CtTimelineLayout *layout;
  const CtTimelineRect *rect;

  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  layout = _ct_timeline_canvas_layout_for (self, gtk_widget_get_width (GTK_WIDGET (self)));
  if (layout == NULL || slot < 0 || (guint) slot >= self->slots->len)
    return FALSE;
  rect = _ct_timeline_canvas_slot_rect (self, layout, (guint) slot);
  graphene_rect_init (box, rect->x, rect->y, rect->width, rect->height);
  return TRUE;
}

int
ct_timeline_canvas_get_slot_near (CtTimelineCanvas *self,
                                  double            y)
{
  CtTimelineLayout *layout;
  double best = G_MAXDOUBLE;
  int nearest = -1;

  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), -1);

  layout = _ct_timeline_canvas_layout_for (self, gtk_widget_get_width (GTK_WIDGET (self)));
  for (guint slot = 0; layout != NULL && slot < self->slots->len; slot++)
    {
      const CtTimelineRect *rect = _ct_timeline_canvas_slot_rect (self, layout, slot);
      double distance;

      if (y < rect->y)
        distance = rect->y - y;
      else if (y > rect->y + rect->height)
        distance = y - (rect->y + rect->height);
      else
        distance = 0;
      if (distance < best)
        {
          best = distance;
          nearest = (int) slot;
        }
    }
  return nearest;
}

guint
ct_timeline_canvas_get_n_items (CtTimelineCanvas *self)
{
  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), 0);

  _ct_timeline_canvas_layout_for (self, gtk_widget_get_width (GTK_WIDGET (self)));
  return self->slots->len;
}

int
ct_timeline_canvas_item_get_slot (GtkWidget *item)
{
  guint slot = ct_timeline_item_get_slot (item);

  return slot == CT_TIMELINE_NO_SLOT ? -1 : (int) slot;
}
