/* ct-timeline-view.h — the timeline of a wiki, drawn (issue 8): zoom
 * buttons, filters by film and by character, "Reveal Spoilers", the
 * timeline's problems (a set_after cycle, a contradicting chrono) and the
 * drawing in a scrolled window. It lives in the sidebar's Timeline page
 * (compact: one lane) and in a tab of its own (both lanes).
 *
 * The timeline is read off the main thread from the wiki's folder, again
 * whenever the wiki says it "changed".
 */
#pragma once

#include <adwaita.h>

#include "ct-wiki.h"

G_BEGIN_DECLS

#define CT_TYPE_TIMELINE_VIEW (ct_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (CtTimelineView, ct_timeline_view, CT, TIMELINE_VIEW, GtkWidget)

GtkWidget  *ct_timeline_view_new            (gboolean        compact);
void        ct_timeline_view_set_wiki       (CtTimelineView *self,
                                             CtWiki         *wiki);
CtWiki     *ct_timeline_view_get_wiki       (CtTimelineView *self);

/* Zoom steps: 1 is the closest the time scale allows. */
double      ct_timeline_view_get_zoom       (CtTimelineView *self);
void        ct_timeline_view_set_zoom       (CtTimelineView *self,
                                             double          zoom);
/* Zooms keeping the item nearest to @y (in @self's coordinates: where the
 * pointer or the fingers are) where it is on screen; set_zoom keeps the
 * one in the middle of the view. */
void        ct_timeline_view_zoom_around    (CtTimelineView *self,
                                             double          zoom,
                                             double          y);

/* For tests: FALSE while a read of the wiki or a new layout is on its
 * way; the drawing (its item buttons are its children); the problems
 * listed, by message. */
gboolean    _ct_timeline_view_is_ready      (CtTimelineView *self);
GtkWidget  *_ct_timeline_view_get_canvas    (CtTimelineView *self);
guint       _ct_timeline_view_get_n_problems (CtTimelineView *self);
const char *_ct_timeline_view_get_problem   (CtTimelineView *self,
                                             guint           index);

G_END_DECLS
