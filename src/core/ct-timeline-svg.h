/* ct-timeline-svg.h — a timeline's layout as an SVG drawing.
 *
 * The bytes depend on the data and the options only (numbers through
 * g_ascii_formatd, items in layout order), so a drawing can live in git
 * and be compared with a golden file. Every text from the wiki is escaped.
 * The drawing is an image with a <title> and a <desc>; each item carries
 * its label (aria-label and a <title> tooltip). Where it sits in HTML, the
 * list of events beside it is the accessible fallback.
 */
#pragma once

#include "ct-timeline-layout.h"

G_BEGIN_DECLS

/* Where an item links to, or NULL for no link. */
typedef char *(*CtTimelineHrefFunc) (CtEntityKind  kind,
                                     const char   *slug,
                                     gint64        id,
                                     gpointer      user_data);

/* Returns: (transfer full): a complete <svg> element (no XML prolog, so
 * it can sit in HTML as it is; an .svg file adds one). */
char *ct_timeline_svg (const CtTimeline              *timeline,
                       const CtTimelineLayoutOptions *options,
                       CtTimelineHrefFunc             href,
                       gpointer                       user_data);

G_END_DECLS
