/* ct-timeline-canvas.h — the drawn timeline: lanes, film groups and
 * connectors drawn with GtkSnapshot, and each event and film a small
 * focusable button placed on the drawing.
 *
 * GTK 4.8 cannot give a drawn shape an accessible object of its own, so
 * the items are real child widgets (buttons with a label a screen reader
 * reads: "Event: …, between Chapter 3 and Chapter 4, in Ballerina"), in
 * reading order; the parent only paints what needs no interaction. Where
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
 * cards. Items are buttons activating win.open-entity. */
void        ct_timeline_canvas_set_timeline (CtTimelineCanvas              *self,
                                             CtWiki                        *wiki,
                                             CtTimeline                    *timeline,
                                             const CtTimelineLayoutOptions *options);
const CtTimeline *ct_timeline_canvas_get_timeline (CtTimelineCanvas       *self);
void        ct_timeline_canvas_set_options  (CtTimelineCanvas              *self,
                                             const CtTimelineLayoutOptions *options);
const CtTimelineLayoutOptions *ct_timeline_canvas_get_options (CtTimelineCanvas *self);

/* Spoiler items left out by the options. */
guint       ct_timeline_canvas_get_n_hidden (CtTimelineCanvas              *self);

/* Moves the keyboard focus to the item @delta places after (before, when
 * negative) the focused one; the first item when none has focus. */
gboolean    ct_timeline_canvas_move_focus   (CtTimelineCanvas              *self,
                                             int                            delta);

/* The entity of item button @item (a child of the canvas). */
gint64      ct_timeline_canvas_item_get_id  (GtkWidget                     *item);

/* Where @item (an item button) goes in the layout for the current width
 * and options: right after a change of options, before it is allocated
 * there. FALSE when @item is not one of this canvas's. */
gboolean    ct_timeline_canvas_get_item_box (CtTimelineCanvas              *self,
                                             GtkWidget                     *item,
                                             graphene_rect_t               *box);

/* The item button whose box is nearest to @y (canvas coordinates), or
 * NULL when nothing is drawn. */
GtkWidget  *ct_timeline_canvas_get_item_near (CtTimelineCanvas             *self,
                                              double                        y);

G_END_DECLS
