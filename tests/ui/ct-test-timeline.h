/* ct-test-timeline.h — a window on a wiki for each timeline test, and
 * reading its drawn timeline back. */
#pragma once

#include "ct-test-ui.h"
#include "ct-timeline-view.h"

G_BEGIN_DECLS

typedef struct {
  char     *base;     /* a temporary folder holding the wiki */
  char     *folder;   /* the wiki */
  CtWindow *window;
  CtWiki   *wiki;
} CtTestTimelineFixture;

void            ct_test_timeline_fixture_teardown (CtTestTimelineFixture *f,
                                                   gconstpointer          data);

/* The item buttons of @view's drawing, in child (= accessible) order. */
GPtrArray      *ct_test_timeline_items            (CtTimelineView        *view);
guint           ct_test_timeline_n_items          (CtTimelineView        *view);
/* Waits until @view has read the wiki and drawn its items, and until the
 * read that opening the wiki causes (the posts' index) is over too. */
void            ct_test_timeline_settle           (CtTimelineView        *view);
/* Opens the Timeline tab (Ctrl+Shift+T) and waits for its items. */
CtTimelineView *ct_test_timeline_open_tab         (CtTestTimelineFixture *f);
/* Shows or hides spoilers, and waits for the new layout. */
void            ct_test_timeline_reveal           (CtTimelineView        *view,
                                                   gboolean               shown);

G_END_DECLS
