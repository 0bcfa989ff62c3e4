/* ct-timeline-paint.h — the decoration of the drawn timeline: lanes,
 * film bands and their headings, connectors, in @widget's colours. Items
 * are buttons of the canvas, not drawn here. Only what lies between @top
 * and @bottom (canvas coordinates) is drawn: a timeline of 20,000 events
 * is a million pixels tall, and a cairo surface cannot be. */
#pragma once

#include <gtk/gtk.h>

#include "ct-timeline-layout.h"

G_BEGIN_DECLS

void ct_timeline_paint (GtkWidget              *widget,
                        GtkSnapshot            *snapshot,
                        const CtTimeline       *timeline,
                        const CtTimelineLayout *layout,
                        double                  top,
                        double                  bottom);

G_END_DECLS
