#define G_LOG_DOMAIN "ct-render-worker"

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "ct-render-blocks.h"
#include "ct-render-worker.h"
#include "ct-wiki.h"

struct _CtRenderWorker
{
  GObject       parent_instance;

  /* The newest text (NUL-terminated, as ct_render reports a NUL inside)
   * and its generation; pending is TRUE until a render of it has started.
   * Thread renders share the bytes instead of copying them. */
  GBytes       *text;
  guint         generation;
  gboolean      pending;
  gint64        requested_us;  /* when the newest text came */
  CtRenderWorkerTrace trace;   /* of the render being delivered */

  /* Renders only what changed since its last render. Like thread_wiki it
   * goes with a thread render and comes back; a render only starts when
   * no thread render runs, so it is always here then. */
  CtBlockRenderer *renderer;
  gboolean      invalidate;    /* what references show changed: render all */
  gint64        last_shown_us; /* monotonic time a result was last emitted */
  guint         max_lag_ms;

  CtWiki       *wiki;
  gboolean      allow_raw_html;
  /* The thread's own read-only connection to the same wiki: a CtWiki
   * must not cross threads, and WAL lets it read beside the main one.
   * Handed to each thread render and back, so it is only ever used by
   * one thread at a time. */
  CtWiki       *thread_wiki;
  gboolean      thread_wiki_failed;  /* could not open it: main thread only */

  guint         source_id;     /* the scheduled render, or 0 */
  GCancellable *cancellable;   /* of the thread render in flight, or NULL */
  gint64        last_end_us;   /* monotonic time the last render ended */
};

enum {
  SIGNAL_RENDERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CtRenderWorker, ct_render_worker, G_TYPE_OBJECT)

typedef struct {
  GBytes   *text;
  guint     generation;
  CtBlockRenderer *renderer;
  gboolean  allow_raw_html;
  char     *wiki_folder;   /* render against this wiki, or NULL */
  CtWiki   *wiki;          /* the worker's thread_wiki, or opened here */
  gboolean  wiki_failed;
  CtRenderWorkerTrace trace;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_bytes_unref (job->text);
  g_clear_pointer (&job->renderer, ct_block_renderer_free);
  g_free (job->wiki_folder);
  g_clear_object (&job->wiki);
  g_free (job);
}

static void schedule (CtRenderWorker *self);

static void
deliver (CtRenderWorker *self,
         guint           generation,
         CtRenderResult *result,
         const GError   *error)
{
  gint64 now = g_get_monotonic_time ();

  self->last_end_us = now;

  /* The text changed while this render ran: the newest one is already
   * scheduled, and showing this one would only flash an older state —
   * unless nothing was shown for a while: while the user keeps typing,
   * every render of a long text would be stale, and the preview would
   * never move. */
  if (generation != self->generation &&
      now - self->last_shown_us < (gint64) self->max_lag_ms * G_TIME_SPAN_MILLISECOND)
    {
      g_debug ("dropped the stale render of generation %u (newest %u)",
               generation, self->generation);
      return;
    }
  self->last_shown_us = now;
  g_signal_emit (self, signals[SIGNAL_RENDERED], 0, generation, result, error);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  CtRenderOptions options = {
    .mode = CT_RENDER_PREVIEW,
    .allow_raw_html = job->allow_raw_html,
    .check_prose = TRUE,
  };
  GError *error = NULL;
  CtRenderResult *result;

  if (job->wiki_folder != NULL && job->wiki == NULL)
    {
      g_autoptr(GError) open_error = NULL;

      job->wiki = ct_wiki_open (job->wiki_folder, CT_WIKI_OPEN_READ_ONLY, &open_error);
      if (job->wiki == NULL)
        {
          /* Rendered again on the main thread with the app's connection. */
          g_warning ("The preview renders big documents on the main thread: %s", open_error->message);
          job->wiki_failed = TRUE;
          g_task_return_pointer (task, NULL, NULL);
          return;
        }
    }
  options.wiki = job->wiki;

  job->trace.started_us = g_get_monotonic_time ();
  /* The renderer keeps the text by reference: no copy of it per key. */
  result = ct_block_renderer_render_bytes (job->renderer, job->text, &options, 0, NULL, &error);
  job->trace.ended_us = g_get_monotonic_time ();
  ct_block_renderer_get_stats (job->renderer, &job->trace.stats);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) ct_render_result_free);
}

typedef struct {
  gpointer       data;
  GDestroyNotify free_func;
} Garbage;

static void
free_garbage (gpointer data,
              gpointer user_data)
{
  Garbage *garbage = data;

  garbage->free_func (garbage->data);
  g_free (garbage);
}

void
ct_render_worker_free_later (gpointer       data,
                             GDestroyNotify free_func)
{
  /* One thread for the whole app, kept: freeing is short work that comes
   * with every key of a long post. */
  static GThreadPool *pool;
  Garbage *garbage;

  if (data == NULL)
    return;
  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (free_garbage, NULL, 1, FALSE, NULL));
  garbage = g_new (Garbage, 1);
  garbage->data = data;
  garbage->free_func = free_func;
  g_thread_pool_push (pool, garbage, NULL);
}

static void
render_thread_done_cb (GObject      *object,
                       GAsyncResult *res,
                       gpointer      user_data)
{
  g_autoptr(CtRenderWorker) self = g_object_ref (CT_RENDER_WORKER (object));
  GTask *task = G_TASK (res);
  RenderJob *job = g_task_get_task_data (task);
  CtRenderResult *result = NULL;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;  /* disposed meanwhile */

  g_clear_object (&self->cancellable);
  result = g_task_propagate_pointer (task, &error);
  self->renderer = g_steal_pointer (&job->renderer);

  /* The connection comes back for the next thread render, unless the
   * wiki changed meanwhile. */
  if (job->wiki != NULL && self->wiki != NULL && self->thread_wiki == NULL &&
      g_strcmp0 (job->wiki_folder, ct_wiki_get_folder (self->wiki)) == 0)
    self->thread_wiki = g_steal_pointer (&job->wiki);

  if (job->wiki_failed)
    {
      self->thread_wiki_failed = TRUE;
      if (job->generation == self->generation)
        self->pending = TRUE;
    }
  else
    {
      self->trace = job->trace;
      deliver (self, job->generation, result, error);
    }
  /* A thread render is a long post's: its mentions and what else no
   * handler kept are freed off the main thread. */
  ct_render_worker_free_later (result, (GDestroyNotify) ct_render_result_free);
  if (self->pending)
    schedule (self);
}

/* Resolving references costs lookups: with a wiki, smaller texts are
 * already worth a thread. */
static gsize
threshold (CtRenderWorker *self)
{
  return self->wiki != NULL ? CT_RENDER_WORKER_WIKI_THREAD_THRESHOLD : CT_RENDER_WORKER_THREAD_THRESHOLD;
}

static gsize
text_size (CtRenderWorker *self)
{
  return g_bytes_get_size (self->text) - 1;
}

/* Renders the newest text on the main thread and delivers it: always
 * when @whole, else only when the edit needs at most
 * CT_RENDER_WORKER_MAIN_WINDOW bytes rendered. FALSE: nothing was done. */
static gboolean
render_here (CtRenderWorker  *self,
             CtRenderOptions *options,
             gint64           dispatched_us,
             gboolean         whole)
{
  g_autoptr(CtRenderResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean too_big = FALSE;

  if (!whole && text_size (self) > CT_RENDER_WORKER_MAIN_MAX)
    return FALSE;

  options->wiki = self->wiki;
  self->trace.requested_us = self->requested_us;
  self->trace.threaded = FALSE;
  self->trace.dispatched_us = dispatched_us;
  self->trace.started_us = g_get_monotonic_time ();
  result = ct_block_renderer_render_bytes (self->renderer, self->text, options,
                                           whole ? 0 : CT_RENDER_WORKER_MAIN_WINDOW, &too_big, &error);
  if (too_big)
    return FALSE;
  self->trace.ended_us = g_get_monotonic_time ();
  ct_block_renderer_get_stats (self->renderer, &self->trace.stats);
  deliver (self, self->generation, result, error);
  return TRUE;
}

static gboolean
start_render_cb (gpointer user_data)
{
  /* A "rendered" handler may drop the last reference to the worker. */
  g_autoptr(CtRenderWorker) self = g_object_ref (CT_RENDER_WORKER (user_data));
  CtRenderOptions options = {
    .mode = CT_RENDER_PREVIEW,
    .allow_raw_html = self->allow_raw_html,
    .check_prose = TRUE,
  };
  gint64 dispatched_us;

  self->source_id = 0;
  self->pending = FALSE;
  dispatched_us = g_get_monotonic_time ();
  if (self->invalidate)
    {
      ct_block_renderer_invalidate (self->renderer);
      self->invalidate = FALSE;
    }

  /* The rule for the wiki: a CtWiki holds one SQLite connection that is
   * not safe to share across threads, so the main thread renders with the
   * app's wiki and a thread with the worker's own read-only connection
   * (or here too, if that one could not be opened).
   *
   * A text too long for the main thread may still need only a few blocks
   * rendered again (a key typed in a paragraph): those render here too,
   * well under a millisecond, and save the thread's round trip, which on
   * a loaded machine costs more than the render. Past
   * CT_RENDER_WORKER_MAIN_MAX the edit-independent part of even a small
   * render (finding the edit, indexing lines, sharing every block) is
   * itself worth a thread. */
  if (render_here (self, &options, dispatched_us, text_size (self) <= threshold (self) ||
                   (self->wiki != NULL && self->thread_wiki_failed)))
    {
      if (self->pending)
        schedule (self);
    }
  else
    {
      g_autoptr(GTask) task = NULL;
      RenderJob *job = g_new0 (RenderJob, 1);

      /* The bytes never change: the next request replaces ours. */
      job->text = g_bytes_ref (self->text);
      job->renderer = g_steal_pointer (&self->renderer);
      job->generation = self->generation;
      job->allow_raw_html = self->allow_raw_html;
      job->trace.requested_us = self->requested_us;
      job->trace.threaded = TRUE;
      job->trace.dispatched_us = dispatched_us;
      if (self->wiki != NULL)
        {
          job->wiki_folder = g_strdup (ct_wiki_get_folder (self->wiki));
          job->wiki = g_steal_pointer (&self->thread_wiki);
        }

      self->cancellable = g_cancellable_new ();
      task = g_task_new (self, self->cancellable, render_thread_done_cb, NULL);
      g_task_set_source_tag (task, start_render_cb);
      g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
      g_task_run_in_thread (task, render_thread);
    }

  return G_SOURCE_REMOVE;
}

/* Starts the next render at once after a quiet spell, otherwise after the
 * debounce pause; never while a thread render is still running (its
 * completion calls back here). */
static void
schedule (CtRenderWorker *self)
{
  gint64 since_last;

  if (self->source_id != 0 || self->cancellable != NULL || !self->pending)
    return;

  since_last = g_get_monotonic_time () - self->last_end_us;
  if (since_last >= CT_RENDER_WORKER_DEBOUNCE_MS * G_TIME_SPAN_MILLISECOND)
    /* Before GTK draws the next frame (G_PRIORITY_HIGH_IDLE + 20): a
     * small edit renders here in well under a millisecond and its patch
     * reaches the page while the window paints, not a frame later. And
     * before the text view's background layout (+ 25), which can keep
     * the main loop busy for seconds. */
    self->source_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, start_render_cb, self, NULL);
  else
    self->source_id = g_timeout_add (CT_RENDER_WORKER_DEBOUNCE_MS, start_render_cb, self);
}

static void
rerender (CtRenderWorker *self)
{
  if (self->text == NULL)
    return;
  self->invalidate = TRUE;
  self->generation++;
  self->pending = TRUE;
  schedule (self);
}

static void
on_wiki_changed_cb (CtRenderWorker *self,
                    gint64          entity_id,
                    CtWiki         *wiki)
{
  rerender (self);
}

static void
ct_render_worker_dispose (GObject *object)
{
  CtRenderWorker *self = CT_RENDER_WORKER (object);

  if (self->wiki != NULL)
    g_signal_handlers_disconnect_by_data (self->wiki, self);
  g_clear_handle_id (&self->source_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->wiki);
  g_clear_object (&self->thread_wiki);

  G_OBJECT_CLASS (ct_render_worker_parent_class)->dispose (object);
}

static void
ct_render_worker_finalize (GObject *object)
{
  CtRenderWorker *self = CT_RENDER_WORKER (object);

  g_clear_pointer (&self->text, g_bytes_unref);
  g_clear_pointer (&self->renderer, ct_block_renderer_free);

  G_OBJECT_CLASS (ct_render_worker_parent_class)->finalize (object);
}

static void
ct_render_worker_class_init (CtRenderWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_render_worker_dispose;
  object_class->finalize = ct_render_worker_finalize;

  signals[SIGNAL_RENDERED] =
    g_signal_new ("rendered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_POINTER, G_TYPE_POINTER);
}

static void
ct_render_worker_init (CtRenderWorker *self)
{
  self->renderer = ct_block_renderer_new ();
  self->max_lag_ms = CT_RENDER_WORKER_STARVE_MS;
}

void
ct_render_worker_set_max_lag (CtRenderWorker *self,
                              guint           max_lag_ms)
{
  g_return_if_fail (CT_IS_RENDER_WORKER (self));

  self->max_lag_ms = max_lag_ms;
}

CtRenderWorker *
ct_render_worker_new (void)
{
  return g_object_new (CT_TYPE_RENDER_WORKER, NULL);
}

guint
ct_render_worker_request (CtRenderWorker *self,
                          const char     *text,
                          gssize          length)
{
  g_return_val_if_fail (CT_IS_RENDER_WORKER (self), 0);
  g_return_val_if_fail (text != NULL || length == 0, 0);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  /* Copied with its length: a NUL inside must reach ct_render, which
   * reports it, rather than cut the text short here. */
  {
    char *copy = g_malloc (length + 1);

    memcpy (copy, text, length);
    copy[length] = '\0';
    return ct_render_worker_request_take (self, copy, length);
  }
}

guint
ct_render_worker_request_take (CtRenderWorker *self,
                               char           *text,
                               gsize           length)
{
  g_return_val_if_fail (CT_IS_RENDER_WORKER (self), 0);
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (text[length] == '\0', 0);

  g_clear_pointer (&self->text, g_bytes_unref);
  self->text = g_bytes_new_take (text, length + 1);
  self->requested_us = g_get_monotonic_time ();
  self->generation++;
  self->pending = TRUE;
  schedule (self);

  return self->generation;
}

void
ct_render_worker_set_wiki (CtRenderWorker *self,
                           CtWiki         *wiki)
{
  g_return_if_fail (CT_IS_RENDER_WORKER (self));

  if (self->wiki != NULL)
    g_signal_handlers_disconnect_by_data (self->wiki, self);
  if (g_set_object (&self->wiki, wiki))
    {
      /* A fact fixed in the wiki shows in every open post at once. */
      if (wiki != NULL)
        g_signal_connect_object (wiki, "changed", G_CALLBACK (on_wiki_changed_cb), self, G_CONNECT_SWAPPED);
      g_clear_object (&self->thread_wiki);
      self->thread_wiki_failed = FALSE;
      rerender (self);
    }
}

void
ct_render_worker_set_allow_raw_html (CtRenderWorker *self,
                                     gboolean        allow_raw_html)
{
  g_return_if_fail (CT_IS_RENDER_WORKER (self));

  allow_raw_html = !!allow_raw_html;
  if (self->allow_raw_html == allow_raw_html)
    return;
  self->allow_raw_html = allow_raw_html;
  rerender (self);
}

guint
ct_render_worker_get_generation (CtRenderWorker *self)
{
  g_return_val_if_fail (CT_IS_RENDER_WORKER (self), 0);

  return self->generation;
}

void
ct_render_worker_get_trace (CtRenderWorker      *self,
                            CtRenderWorkerTrace *trace)
{
  g_return_if_fail (CT_IS_RENDER_WORKER (self));
  g_return_if_fail (trace != NULL);

  *trace = self->trace;
}

gboolean
ct_render_worker_is_rendering (CtRenderWorker *self)
{
  g_return_val_if_fail (CT_IS_RENDER_WORKER (self), FALSE);

  return self->cancellable != NULL;
}
