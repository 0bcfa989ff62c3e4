#define G_LOG_DOMAIN "ct-graph-job"

#include "config.h"

#include <string.h>

#include "ct-graph-job.h"

#define KEPT_STEPS 240

typedef struct {
  char   *wiki_folder;
  gint64  center;
  guint   steps;
  guint   kinds;
} Request;

static void
request_free (Request *request)
{
  g_free (request->wiki_folder);
  g_free (request);
}

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

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_open (request->wiki_folder, CT_WIKI_OPEN_READ_ONLY, &error);
  g_autoptr(CtGraph) full = NULL;
  g_autoptr(GArray) frames = NULL;
  g_autoptr(CtGraphResult) result = g_new0 (CtGraphResult, 1);
  guint n, all_frames;

  if (wiki == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  full = ct_graph_neighbourhood (wiki, request->center, request->steps, 0, &error);
  if (full == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
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
      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
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
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) ct_graph_result_free);
}

void
ct_graph_job_run_async (const char          *wiki_folder,
                        gint64               center,
                        guint                steps,
                        guint                kinds,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->wiki_folder = g_strdup (wiki_folder);
  request->center = center;
  request->steps = steps;
  request->kinds = kinds;
  g_task_set_source_tag (task, ct_graph_job_run_async);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_in_thread);
}

CtGraphResult *
ct_graph_job_run_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
