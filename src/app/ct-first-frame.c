#define G_LOG_DOMAIN "ct-first-frame"

#include "config.h"

#include "ct-first-frame.h"

/* Shared by the handlers and the idle that may still hold it: whichever
 * lets go last frees it, so a widget destroyed before it was ever mapped
 * (its "map" handler goes with it) leaves nothing behind. */
typedef struct {
  GWeakRef          widget;
  CtFirstFrameFunc  func;
  gulong            handler;
} Waiter;

static void
waiter_clear (Waiter *waiter)
{
  g_weak_ref_clear (&waiter->widget);
}

static void
waiter_release (gpointer data,
                GClosure *closure)
{
  g_rc_box_release_full (data, (GDestroyNotify) waiter_clear);
}

static void
waiter_release_idle (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) waiter_clear);
}

static gboolean
idle_cb (gpointer data)
{
  Waiter *waiter = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&waiter->widget);

  if (widget != NULL && !gtk_widget_in_destruction (widget))
    waiter->func (widget);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Waiter        *waiter)
{
  /* Not from inside the paint: the work may be long, and the frame is
   * only on the screen once the paint returns. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, idle_cb, g_rc_box_acquire (waiter), waiter_release_idle);
  g_signal_handler_disconnect (clock, waiter->handler);
}

static void
map_cb (GtkWidget *widget,
        Waiter    *waiter)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  /* Held for the next handler first: letting go of this one may be the
   * last reference. */
  Waiter *held = g_rc_box_acquire (waiter);

  g_signal_handler_disconnect (widget, waiter->handler);
  waiter->handler = g_signal_connect_data (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                           held, waiter_release, 0);
}

void
ct_after_first_frame (GtkWidget        *widget,
                      CtFirstFrameFunc  func)
{
  Waiter *waiter;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  waiter = g_rc_box_new0 (Waiter);
  g_weak_ref_init (&waiter->widget, widget);
  waiter->func = func;
  waiter->handler = g_signal_connect_data (widget, "map", G_CALLBACK (map_cb),
                                           waiter, waiter_release, 0);
  if (gtk_widget_get_mapped (widget))
    map_cb (widget, waiter);
}
