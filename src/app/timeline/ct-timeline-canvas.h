/* ct-timeline-canvas.h — the drawn timeline: lanes, film groups and
 * connectors drawn with GtkSnapshot, and each event and film a small
 * focusable button placed on the drawing.
 *
 * GTK 4.8 cannot give a drawn shape an accessible object of its own, so
 * the items are real child widgets (buttons with a label a screen reader
 * reads: "Event: …, between Chapter 3 and Chapter 4, in Ballerina"), in
 * reading order; the parent only paints what needs no interaction. On a
 * big wiki only the items in or near view have buttons, recycled as the
 * view scrolls; the keyboard reaches every item. Where
 * everything goes comes from core's ct_timeline_layout_new, the same
 * layout the SVG export draws.
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-timeline-layout.h"

G_BEGIN_DECLS

#define CT_TYPE_TIMELINE_CANVAS (ct_timeline_canvas_get_type ())
G_DECLARE_FINAL_TYPE (CtTimelineCanvas, ct_timeline_canvas, CT, TIMELINE_CANVAS, GtkWidget)

GtkWidget  *ct_timeline_canvas_new          (void);

/* Shows @timeline (taken) with @options (lane_width is the canvas's own:
 * fixed, or the allocated width with one_lane). @wiki gives the hover
 * cards. Items are buttons activating win.open-entity. @layout (taken,
 * or NULL) is @timeline's layout for @options at options->lane_width,
 * made off the main thread: used when that is still the canvas's. */
void        ct_timeline_canvas_set_timeline (CtTimelineCanvas              *self,
                                             CtWiki                        *wiki,
                                             CtTimeline                    *timeline,
                                             const CtTimelineLayoutOptions *options,
                                             CtTimelineLayout              *layout);

/* The lane width the canvas lays out @options at, for its width now. */
double      ct_timeline_canvas_get_lane_width (CtTimelineCanvas            *self,
                                               const CtTimelineLayoutOptions *options);
const CtTimeline *ct_timeline_canvas_get_timeline (CtTimelineCanvas       *self);
/* Lays the items out again for @options (a zoom, a filter) on a worker;
 * what is drawn stays until the new layout lands, then "laid-out" is
 * emitted. When only the zoom changes, item @anchor_slot (or -1: none)
 * stays where it is on screen. */
void        ct_timeline_canvas_set_options  (CtTimelineCanvas              *self,
                                             const CtTimelineLayoutOptions *options,
                                             int                            anchor_slot);
/* The options last asked for (drawn, or being laid out). */
const CtTimelineLayoutOptions *ct_timeline_canvas_get_options (CtTimelineCanvas *self);
/* A layout for new options is being made. */
gboolean    ct_timeline_canvas_is_laying_out (CtTimelineCanvas             *self);

/* Spoiler items left out by the options. */
guint       ct_timeline_canvas_get_n_hidden (CtTimelineCanvas              *self);

/* Moves the keyboard focus to the item @delta places after (before, when
 * negative) the focused one; the first item when none has focus. The
 * item gets its button and is scrolled into view. */
gboolean    ct_timeline_canvas_move_focus   (CtTimelineCanvas              *self,
                                             int                            delta);

/* Moves the keyboard focus to item @slot (see below), as Home and End do. */
gboolean    ct_timeline_canvas_focus_item   (CtTimelineCanvas              *self,
                                             guint                          slot);

/* The entity of item button @item (a child of the canvas). */
gint64      ct_timeline_canvas_item_get_id  (GtkWidget                     *item);

/* The canvas has buttons only for the items in or near view (and the
 * focused one), in reading order; the items themselves are the layout's
 * events and films, numbered in reading order ("slots"). */
guint       ct_timeline_canvas_get_n_items  (CtTimelineCanvas             *self);

/* The slot @item (an item button) shows, or -1. */
int         ct_timeline_canvas_item_get_slot (GtkWidget                   *item);

/* Where item @slot goes in the layout for the current width and options:
 * right after a change of options, before anything is allocated there.
 * FALSE when there is no such item. */
gboolean    ct_timeline_canvas_get_slot_box (CtTimelineCanvas             *self,
                                             int                           slot,
                                             graphene_rect_t              *box);

/* The item whose box is nearest to @y (canvas coordinates), or -1 when
 * nothing is drawn. */
int         ct_timeline_canvas_get_slot_near (CtTimelineCanvas            *self,
                                              double                       y);

G_END_DECLS
