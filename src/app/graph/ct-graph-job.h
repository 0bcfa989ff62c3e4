/* ct-graph-job.h — reading and laying out a relationship graph off the
 * UI thread.
 *
 * The view's CtWikiReader runs it on a worker with a read-only connection
 * of its own: it reads the neighbourhood, filters it by kind and runs
 * the layout to stable, keeping positions along the way so the canvas
 * can show it settling without computing anything per frame.
 */
#pragma once

#include <gio/gio.h>

#include "ct-graph-layout.h"

G_BEGIN_DECLS

#define CT_GRAPH_JOB_MAX_FRAMES 90   /* 1.5 s of settling at 60 Hz */

typedef struct {
  CtGraph       *graph;     /* as filtered */
  CtGraphLayout *layout;    /* stable */
  float         *frames;    /* n_frames × n_nodes × (x, y), the last = layout's */
  guint          n_frames;
  guint          steps;     /* layout steps until stable */
} CtGraphResult;

void           ct_graph_result_free    (CtGraphResult       *self);

/* The seed of a centre's layout: the same entity is drawn the same way
 * every time it is opened. */
guint32        ct_graph_job_seed       (gint64               center);

typedef struct {
  gint64  center;
  guint   steps;
  guint   kinds;
} CtGraphRequest;

/* A CtWikiReadFunc: the CtGraphResult of @data (a CtGraphRequest) read
 * from @wiki, or NULL with @error set (cancelled, the centre gone). */
gpointer       ct_graph_job_read       (CtWiki              *wiki,
                                        gpointer             data,
                                        GCancellable        *cancellable,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtGraphResult, ct_graph_result_free)

G_END_DECLS
