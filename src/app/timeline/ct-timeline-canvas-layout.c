/* ct-timeline-canvas-layout.c — the canvas's new layouts, made on a worker.
 *
 * A zoom or a filter places every item again: 10-20 ms at 20,000 events,
 * more than a frame, so it is not done on the main thread. A worker lays
 * out the timeline shown (only read there) while the drawing stays as it
 * is; when the layout lands the canvas swaps it in, in one frame, and a
 * zoom scrolls so that its anchor item stays where it was on screen. One
 * job at a time: options asked for meanwhile wait, and only the latest of
 * them is laid out next, so a pinch or a fast Ctrl+scroll never queues up
 * work. A new timeline (the wiki changed) comes with its own layout from
 * the reader: a job still running for the old one is dropped. */
#define G_LOG_DOMAIN "ct-timeline-canvas"

#include "config.h"

#include "ct-timeline-canvas-private.h"

typedef struct {
  const CtTimeline        *timeline;   /* the canvas's: kept until the job ends */
  CtTimelineLayoutOptions  options;
  guint                    serial;     /* the canvas's when the job began */
  CtTimelineLayout        *layout;     /* the result */
} LayoutJob;

static void
layout_job_free (LayoutJob *job)
{
  g_clear_pointer (&job->layout, ct_timeline_layout_free);
  g_free (job);
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LayoutJob *job = task_data;

  job->layout = ct_timeline_layout_new (job->timeline, &job->options);
  g_task_return_boolean (task, TRUE);
}

static gpointer
free_timeline_thread (gpointer data)
{
  ct_timeline_free (data);
  return NULL;
}

/* Frees @timeline away from the frames: tens of thousands of small blocks. */
void
_ct_timeline_canvas_free_timeline (CtTimeline *timeline)
{
  if (timeline != NULL)
    g_thread_unref (g_thread_new ("ct-timeline-free", free_timeline_thread, timeline));
}

static gboolean
same_items (const CtTimelineLayoutOptions *a,
            const CtTimelineLayoutOptions *b)
{
  return a->film_id == b->film_id && a->character_id == b->character_id
         && a->show_spoilers == b->show_spoilers && a->one_lane == b->one_lane;
}

static gboolean
same_options (const CtTimelineLayoutOptions *a,
              const CtTimelineLayoutOptions *b)
{
  return same_items (a, b) && a->zoom == b->zoom;
}

/* Only the zoom changed: the same items in new places. @layout becomes the
 * one drawn, and the scroll position moves with the anchor item. */
static void
swap_zoomed (CtTimelineCanvas *self,
             CtTimelineLayout *layout,
             double            lane_width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CtTimelineLayout *old = self->layout;
  int anchor = self->anchor_slot;
  double before = 0, after = 0;
  gboolean anchored = FALSE;
  int height;

  if (old != NULL && anchor >= 0 && (guint) anchor < self->slots->len)
    {
      before = _ct_timeline_canvas_slot_rect (self, old, (guint) anchor)->y;
      anchored = TRUE;
    }
  self->layout = NULL;   /* set_layout would free it: its slots are read below */
  _ct_timeline_canvas_set_layout (self, layout, lane_width);
  if (anchored && (guint) anchor < self->slots->len)
    after = _ct_timeline_canvas_slot_rect (self, layout, (guint) anchor)->y;
  else
    anchored = FALSE;
  ct_timeline_layout_free (old);
  gtk_widget_queue_resize (widget);

  if (!anchored || self->vadjustment == NULL)
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget), NULL, &height, NULL, NULL);
  /* set with the new size, before the next frame draws anything at the
   * old position; the viewport sets the same upper when it allocates */
  {
    GtkAdjustment *adj = self->vadjustment;
    double page = gtk_adjustment_get_page_size (adj);

    gtk_adjustment_configure (adj, gtk_adjustment_get_value (adj) + after - before,
                              gtk_adjustment_get_lower (adj), MAX (height, page),
                              gtk_adjustment_get_step_increment (adj),
                              gtk_adjustment_get_page_increment (adj), page);
  }
}

static void start_job (CtTimelineCanvas *self);

static void
layout_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  CtTimelineCanvas *self = CT_TIMELINE_CANVAS (source);
  LayoutJob *job = g_task_get_task_data (G_TASK (result));
  CtTimelineLayout *layout = g_steal_pointer (&job->layout);
  double width;

  self->laying_out = FALSE;
  self->job_timeline = NULL;
  /* the timeline the job read was replaced (or the canvas went) meanwhile */
  _ct_timeline_canvas_free_timeline (g_steal_pointer (&self->retired));
  if (self->slots == NULL)
    {
      ct_timeline_layout_free (layout);
      return;
    }
  if (job->serial != self->layout_serial || self->timeline == NULL)
    g_clear_pointer (&layout, ct_timeline_layout_free);
  else
    {
      width = ct_timeline_canvas_get_lane_width (self, &job->options);
      /* the one-lane sidebar changed width meanwhile: made here for the new one */
      if (width != job->options.lane_width)
        g_clear_pointer (&layout, ct_timeline_layout_free);
      if (layout != NULL && same_items (&self->options, &job->options))
        {
          self->options = job->options;
          swap_zoomed (self, layout, width);
        }
      else
        {
          self->options = job->options;
          _ct_timeline_canvas_rebuild_items (self, layout, width);
        }
      g_signal_emit_by_name (self, "laid-out");
    }

  /* what was asked for while this one ran */
  if (self->timeline != NULL && !same_options (&self->options, &self->wanted))
    start_job (self);
  else
    self->anchor_slot = -1;
}

static void
start_job (CtTimelineCanvas *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, layout_done_cb, NULL);
  LayoutJob *job = g_new0 (LayoutJob, 1);

  job->timeline = self->timeline;
  job->options = self->wanted;
  job->options.lane_width = ct_timeline_canvas_get_lane_width (self, &job->options);
  job->serial = self->layout_serial;
  self->laying_out = TRUE;
  self->job_timeline = self->timeline;
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) layout_job_free);
  g_task_run_in_thread (task, layout_thread);
}

void
ct_timeline_canvas_set_options (CtTimelineCanvas              *self,
                                const CtTimelineLayoutOptions *options,
                                int                            anchor_slot)
{
  g_return_if_fail (CT_IS_TIMELINE_CANVAS (self));

  self->wanted = *options;
  /* an anchor is a slot of the items shown: no use once they change */
  self->anchor_slot = same_items (&self->options, options) ? anchor_slot : -1;
  if (self->timeline == NULL)
    {
      self->options = *options;
      return;
    }
  if (!self->laying_out && !same_options (&self->options, &self->wanted))
    start_job (self);
}

const CtTimelineLayoutOptions *
ct_timeline_canvas_get_options (CtTimelineCanvas *self)
{
  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), NULL);
  return &self->wanted;
}

gboolean
ct_timeline_canvas_is_laying_out (CtTimelineCanvas *self)
{
  g_return_val_if_fail (CT_IS_TIMELINE_CANVAS (self), FALSE);
  return self->laying_out;
}

/* @timeline is about to be let go: kept for the job that reads it. */
gboolean
_ct_timeline_canvas_keep_for_job (CtTimelineCanvas *self,
                                  CtTimeline       *timeline)
{
  if (!self->laying_out || timeline == NULL || timeline != self->job_timeline)
    return FALSE;
  g_assert (self->retired == NULL);
  self->retired = timeline;
  self->layout_serial++;
  return TRUE;
}
