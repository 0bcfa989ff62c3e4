/* ct-timeline-canvas-private.h — shared by the canvas's files: the
 * widget (ct-timeline-canvas.c), its items as a model, with the keys
 * that move over them (ct-timeline-canvas-keys.c), and its new layouts
 * made on a worker for a zoom or a filter (ct-timeline-canvas-layout.c). */
#pragma once

#include "ct-entity-card.h"
#include "ct-timeline-canvas.h"

G_BEGIN_DECLS

struct _CtTimelineCanvas
{
  GtkWidget                parent_instance;

  CtWiki                  *wiki;
  CtTimeline              *timeline;
  CtTimelineLayoutOptions  options;      /* of the layout drawn */
  CtTimelineLayoutOptions  wanted;       /* asked for: options, or laid out on the worker */
  CtTimelineLayout        *layout;       /* for layout_width, or NULL */
  double                   layout_width;
  GArray                  *slots;        /* of guint: the layout's events and films, by
                                          * index in layout->items, in reading order */
  GPtrArray               *items;        /* of GtkWidget: the buttons there are, in slot order */
  int                      focus_slot;   /* the focused item's slot, or -1 */
  GtkAdjustment           *vadjustment;  /* of the scrolled window the canvas is in */
  guint                    scroll_tick;

  gboolean                 laying_out;   /* a layout job runs */
  guint                    layout_serial;/* a new timeline drops the job's result */
  const CtTimeline        *job_timeline; /* what the job reads */
  CtTimeline              *retired;      /* that, replaced meanwhile: freed when it ends */
  int                      anchor_slot;  /* kept in place on screen by a zoom, or -1 */

  GtkWidget               *popover;      /* the hover card */
  CtEntityCard            *card;
  GtkWidget               *hovered;      /* weak: the item waiting for its card */
  guint                    hover_id;
};

/* The layout for @width, made when the width or the options changed. */
CtTimelineLayout     *_ct_timeline_canvas_layout_for   (CtTimelineCanvas *self,
                                                         double            width);
const CtTimelineRect *_ct_timeline_canvas_slot_rect    (CtTimelineCanvas *self,
                                                         CtTimelineLayout *layout,
                                                         guint             slot);
/* The button of @slot, made and placed now when it has none. */
GtkWidget            *_ct_timeline_canvas_materialize  (CtTimelineCanvas *self,
                                                         CtTimelineLayout *layout,
                                                         guint             slot);
/* @layout (taken) becomes the one drawn; the slots follow it. */
void                  _ct_timeline_canvas_set_layout   (CtTimelineCanvas *self,
                                                         CtTimelineLayout *layout,
                                                         double            lane_width);
/* New items for the options: every button is bound again. @made (taken,
 * or NULL) is the layout for them at @made_width, when there is one. */
void                  _ct_timeline_canvas_rebuild_items (CtTimelineCanvas *self,
                                                          CtTimelineLayout *made,
                                                          double            made_width);
/* Frees @timeline on a thread of its own. */
void                  _ct_timeline_canvas_free_timeline (CtTimeline       *timeline);
/* Keeps @timeline, about to be let go, for the layout job that reads it;
 * FALSE when no job does (then the caller frees it). */
gboolean              _ct_timeline_canvas_keep_for_job  (CtTimelineCanvas *self,
                                                          CtTimeline       *timeline);
gboolean              _ct_timeline_canvas_key_pressed_cb (GtkEventControllerKey *key,
                                                          guint                  keyval,
                                                          guint                  keycode,
                                                          GdkModifierType        state,
                                                          CtTimelineCanvas      *self);

G_END_DECLS
