/* ct-timeline-canvas-private.h — shared by the canvas's files: the
 * widget (ct-timeline-canvas.c) and its items as a model, with the keys
 * that move over them (ct-timeline-canvas-keys.c). */
#pragma once

#include "ct-entity-card.h"
#include "ct-timeline-canvas.h"

G_BEGIN_DECLS

struct _CtTimelineCanvas
{
  GtkWidget                parent_instance;

  CtWiki                  *wiki;
  CtTimeline              *timeline;
  CtTimelineLayoutOptions  options;
  CtTimelineLayout        *layout;       /* for layout_width, or NULL */
  double                   layout_width;
  GArray                  *slots;        /* of guint: the layout's events and films, by
                                          * index in layout->items, in reading order */
  GPtrArray               *items;        /* of GtkWidget: the buttons there are, in slot order */
  int                      focus_slot;   /* the focused item's slot, or -1 */
  GtkAdjustment           *vadjustment;  /* of the scrolled window the canvas is in */
  guint                    scroll_tick;

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
gboolean              _ct_timeline_canvas_key_pressed_cb (GtkEventControllerKey *key,
                                                          guint                  keyval,
                                                          guint                  keycode,
                                                          GdkModifierType        state,
                                                          CtTimelineCanvas      *self);

G_END_DECLS
