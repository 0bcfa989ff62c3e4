/* ct-timeline.h — the wiki's timeline as data: what the drawn timeline,
 * its SVG and `continuity check` all read (issue 8, DESIGN §4).
 *
 * Module map:
 *   ct-timeline.c         the query: events and films into two lanes
 *   ct-timeline-check.c   the films' set_after/set_before order, its cycles
 *                         and the event chronos that contradict it
 *   ct-timeline-layout.c  where each item goes (abstract pixels), shared by
 *                         the widget and the SVG so both draw the same
 *   ct-timeline-svg.c     the layout as SVG
 *
 * Two lanes. In-universe order: events with a `chrono`, lowest first,
 * grouped (by the layout) into runs of one film. Release order: films by
 * `release_date` and the real-world events (an event whose `frame` fact is
 * "real world": filming, a release), placed by their `chrono` read as a
 * year with the month after the point (2023.11), or by a date in `when`.
 * Events that are neither placed nor real-world are "not placed": shown,
 * never hidden.
 */
#pragma once

#include "ct-diagnostic.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

typedef enum {
  CT_TIMELINE_LANE_UNIVERSE,   /* in-universe order, by chrono */
  CT_TIMELINE_LANE_UNPLACED,   /* in-universe, no chrono */
  CT_TIMELINE_LANE_RELEASE,    /* real world: beside the films' releases */
} CtTimelineLane;

typedef struct {
  gint64          id;
  char           *title;
  char           *slug;
  char           *when;          /* as a reader reads it ("June 2025",
                                  * "between Chapter 3 and Chapter 4"), or NULL */
  double          chrono;        /* meaningful when has_chrono */
  gboolean        has_chrono;
  CtTimelineLane  lane;
  double          release_key;   /* LANE_RELEASE: its place among the releases */
  gboolean        spoiler;       /* the event, or its when/chrono/film fact */
  gint64          film_id;       /* 0 when it names no film */
  int             film;          /* index into CtTimeline.films, or -1 */
  GArray         *participants;  /* of gint64: character ids */
} CtTimelineEvent;

typedef struct {
  gint64          id;
  char           *title;
  char           *slug;
  char           *release;       /* as a reader reads it ("June 2025"), or NULL */
  double          release_key;   /* 2025.06 for 2025-06; meaningful when release != NULL */
  gboolean        spoiler;
  GArray         *after;         /* of gint64: films this one is set after,
                                  * from its set_after and the others' set_before */
} CtTimelineFilm;

/* An item of the release lane. */
typedef struct {
  gboolean        is_film;
  guint           index;         /* into films or events */
} CtTimelineRelease;

/* A problem with the timeline's data, for `continuity check` and the
 * timeline view: the entity it is about and a diagnostic (it has no place
 * in a text: start, end, line and column are 0). */
typedef struct {
  gint64          entity_id;
  char           *title;         /* that entity's title */
  CtDiagnostic   *diagnostic;
} CtTimelineProblem;

typedef struct _CtTimeline {
  GPtrArray      *events;        /* of CtTimelineEvent: in-universe by chrono,
                                  * then not placed (by title), then real-world
                                  * ones in release order */
  GPtrArray      *films;         /* of CtTimelineFilm, by release (undated last, by title) */
  GArray         *release;       /* of CtTimelineRelease: the release lane in order */
  guint           n_universe;    /* events[0 .. n_universe) are LANE_UNIVERSE */
  guint           n_unplaced;    /* then this many LANE_UNPLACED */
  GPtrArray      *problems;      /* of CtTimelineProblem, by entity title */
} CtTimeline;

/* Reads the whole timeline of @wiki and checks it (ct-timeline-check.c). */
CtTimeline *ct_timeline_new             (CtWiki      *wiki,
                                         GError     **error);
void        ct_timeline_free            (CtTimeline  *self);

/* The film with @id, or -1. */
int         ct_timeline_find_film       (const CtTimeline *self,
                                         gint64            id);
/* Does event @event name character @character_id among its participants? */
gboolean    ct_timeline_event_has_participant (const CtTimelineEvent *event,
                                         gint64            character_id);

/* The label a screen reader reads for an item, also the drawing's tooltip
 * text: "Event: Rooney trains with the Ruska Roma, before Chapter 3, in
 * Ballerina", "Film: Ballerina, released June 2025". */
char       *ct_timeline_event_label     (const CtTimeline      *self,
                                         const CtTimelineEvent *event);
char       *ct_timeline_film_label      (const CtTimelineFilm  *film);

/* The same problems alone, for `continuity check --wiki`. */
GPtrArray  *ct_timeline_check_wiki      (CtWiki      *wiki,
                                         GError     **error);  /* of CtTimelineProblem */

void        ct_timeline_problem_free    (CtTimelineProblem *self);

/* Internal to ct-timeline*.c: fills self->problems from events and films. */
void        _ct_timeline_check          (CtTimeline  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtTimeline, ct_timeline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtTimelineProblem, ct_timeline_problem_free)

G_END_DECLS
