#define G_LOG_DOMAIN "ct-graph-job"

#include "config.h"

#include <string.h>

#include "ct-graph-job.h"

#define KEPT_STEPS 240

void
ct_graph_result_free (CtGraphResult *self)
{
  if (self == NULL)
    return;
  ct_graph_free (self->graph);
  ct_graph_layout_free (self->layout);
  g_free (self->frames);
  g_free (self);
}

guint32
ct_graph_job_seed (gint64 center)
{
  return (guint32) (0x5eed ^ (guint64) center);
}

static void
store_frame (GArray              *frames,
             const CtGraphLayout *layout)
{
  guint n = ct_graph_layout_get_n_nodes (layout);

  for (guint i = 0; i < n; i++)
    {
      double x, y;
      float xy[2];

      ct_graph_layout_get_position (layout, i, &x, &y);
      xy[0] = (float) x;
      xy[1] = (float) y;
      g_array_append_vals (frames, xy, 2);
    }
}

gpointer
ct_graph_job_read (CtWiki        *wiki,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  const CtGraphRequest *request = data;
  g_autoptr(CtGraph) full = NULL;
  g_autoptr(GArray) frames = NULL;
  g_autoptr(CtGraphResult) result = g_new0 (CtGraphResult, 1);
  guint n, all_frames;

  full = ct_graph_neighbourhood (wiki, request->center, request->steps, 0, error);
  if (full == NULL)
    return NULL;
  result->graph = ct_graph_filter (full, request->kinds);
  result->layout = ct_graph_layout_new (result->graph, ct_graph_job_seed (request->center));
  n = result->graph->nodes->len;

  /* The steps are kept, then a few are picked evenly: how long the
   * layout takes to settle is not known in advance. Past KEPT_STEPS
   * the steps only nudge nodes apart (a dense graph may need thousands):
   * the last frame shows where they end, without megabytes of frames. */
  frames = g_array_new (FALSE, FALSE, sizeof (float));
  store_frame (frames, result->layout);
  while (!ct_graph_layout_step (result->layout))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (ct_graph_layout_get_n_steps (result->layout) <= KEPT_STEPS)
        store_frame (frames, result->layout);
    }
  store_frame (frames, result->layout);
  result->steps = ct_graph_layout_get_n_steps (result->layout);

  all_frames = n > 0 ? frames->len / (2 * n) : 1;
  result->n_frames = MIN (all_frames, CT_GRAPH_JOB_MAX_FRAMES);
  result->frames = g_new (float, (gsize) result->n_frames * 2 * MAX (n, 1));
  for (guint f = 0; f < result->n_frames; f++)
    {
      guint from = result->n_frames > 1 ? f * (all_frames - 1) / (result->n_frames - 1) : all_frames - 1;

      if (n > 0)
        memcpy (result->frames + (gsize) f * 2 * n,
                &g_array_index (frames, float, (gsize) from * 2 * n),
                sizeof (float) * 2 * n);
    }
  return g_steal_pointer (&result);
}

