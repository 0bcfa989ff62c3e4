/* ct-graph-job.h — reading and laying out a relationship graph off the
 * UI thread.
 *
 * The worker opens the wiki read-only on its own connection (a CtWiki is
 * for one thread), reads the neighbourhood, filters it by kind and runs
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

void           ct_graph_job_run_async  (const char          *wiki_folder,
                                        gint64               center,
                                        guint                steps,
                                        guint                kinds,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
CtGraphResult *ct_graph_job_run_finish (GAsyncResult        *result,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtGraphResult, ct_graph_result_free)

G_END_DECLS
