/* ct-timeline-layout.h — where each item of a timeline is drawn.
 *
 * One layout for the app's widget and the SVG writer, so the exported
 * drawing is the one on screen. Time runs down the page, the two lanes
 * side by side (in-universe on the left, release order on the right, the
 * connectors between them), which fits a sidebar as well as a tab.
 * Positions follow the time scale (chrono, or the release year) as far as
 * the boxes allow: never overlapping, and zoom spreads them out.
 * Units are pixels at scale 1.
 */
#pragma once

#include "ct-timeline.h"

G_BEGIN_DECLS

typedef struct {
  gint64    film_id;         /* show only this film's events (and the film); 0 all */
  gint64    character_id;    /* show only events this character takes part in; 0 all */
  gboolean  show_spoilers;   /* FALSE: spoiler events and films are left out */
  double    lane_width;      /* of each lane; at least CT_TIMELINE_MIN_LANE_WIDTH */
  double    zoom;            /* 1: as close as the scale allows; clamped to 0.5 .. 8 */
  gboolean  one_lane;        /* in-universe lane only (a sidebar): no release
                              * lane, no connectors */
} CtTimelineLayoutOptions;

#define CT_TIMELINE_MIN_LANE_WIDTH 120.0
#define CT_TIMELINE_BOX_HEIGHT     44.0
#define CT_TIMELINE_HEADING_HEIGHT 22.0

typedef enum {
  CT_TIMELINE_ITEM_LANE,     /* a lane: index is its CtTimelineLane (UNIVERSE or RELEASE) */
  CT_TIMELINE_ITEM_GROUP,    /* a run of events: index is the film, or -1 (no film) */
  CT_TIMELINE_ITEM_EVENT,    /* index into CtTimeline.events */
  CT_TIMELINE_ITEM_FILM,     /* index into CtTimeline.films */
} CtTimelineItemKind;

typedef struct {
  double x, y, width, height;
} CtTimelineRect;

typedef struct {
  CtTimelineItemKind kind;
  int                index;
  gboolean           unplaced;   /* GROUP: the "not placed" group */
  CtTimelineRect     rect;       /* the box, band or lane */
  CtTimelineRect     heading;    /* LANE, GROUP: where the title goes */
} CtTimelineItem;

/* From a group of in-universe events to the film they belong to. */
typedef struct {
  guint              group;      /* index of the GROUP item */
  guint              film;       /* index of the FILM item */
  double             x1, y1, x2, y2;
} CtTimelineConnector;

typedef struct {
  double             width;
  double             height;
  GArray            *items;        /* of CtTimelineItem, in reading order: each
                                    * lane, then its groups and their events */
  GArray            *connectors;   /* of CtTimelineConnector */
  guint              n_hidden;     /* spoiler events and films left out */
} CtTimelineLayout;

CtTimelineLayout *ct_timeline_layout_new  (const CtTimeline              *timeline,
                                           const CtTimelineLayoutOptions *options);
void              ct_timeline_layout_free (CtTimelineLayout              *self);

/* The heading of a GROUP item: the film's title, "No film" or "Not placed". */
const char       *ct_timeline_group_title (const CtTimeline              *timeline,
                                           const CtTimelineItem          *group);
/* The heading of a LANE item, translated. */
const char       *ct_timeline_lane_title  (CtTimelineLane                 lane);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtTimelineLayout, ct_timeline_layout_free)

G_END_DECLS
