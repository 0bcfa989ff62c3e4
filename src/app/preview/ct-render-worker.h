/* ct-render-worker.h — renders the newest text of a document for the
 * preview without ever blocking the main thread (STYLE 9, 12).
 *
 * Requests are coalesced: while the user types, at most one render runs
 * per CT_RENDER_WORKER_DEBOUNCE_MS, always of the newest text. Small texts,
 * and small edits of texts up to CT_RENDER_WORKER_MAIN_MAX, render on the
 * main thread (well under a millisecond, cheaper than a thread hop); the
 * rest in a GTask thread, one at a time, with a read-only CtWiki of the
 * worker's own when references resolve. A result
 * whose text is no longer the newest is dropped: the newest is rendered
 * next, but never for so long that the preview stops following the
 * typing. Each render re-renders only the blocks the edit touched
 * (ct-render-blocks.h).
 */
#pragma once

#include <glib-object.h>

#include "ct-render.h"
#include "ct-render-blocks.h"

G_BEGIN_DECLS

/* Texts longer than this render in a thread. */
#define CT_RENDER_WORKER_THREAD_THRESHOLD (64 * 1024)
/* The same with a wiki to resolve references against: the thread then
 * uses a read-only connection of its own. */
#define CT_RENDER_WORKER_WIKI_THREAD_THRESHOLD (16 * 1024)
/* Up to this text length, an edit whose blocks (with the one before and
 * after) add up to at most CT_RENDER_WORKER_MAIN_WINDOW bytes renders on
 * the main thread whatever the text's length. */
#define CT_RENDER_WORKER_MAIN_MAX (512 * 1024)
#define CT_RENDER_WORKER_MAIN_WINDOW (16 * 1024)
/* Pause between two renders while requests keep coming. */
#define CT_RENDER_WORKER_DEBOUNCE_MS 40
/* A stale result is still shown when nothing was shown for this long:
 * typing without a pause must not freeze the preview. */
#define CT_RENDER_WORKER_STARVE_MS 150

#define CT_TYPE_RENDER_WORKER (ct_render_worker_get_type ())
G_DECLARE_FINAL_TYPE (CtRenderWorker, ct_render_worker, CT, RENDER_WORKER, GObject)

CtRenderWorker *ct_render_worker_new            (void);

/* Copies @text and schedules its render. Returns the generation of the
 * request: "rendered" reports it back, and only for the newest one. */
guint           ct_render_worker_request        (CtRenderWorker *self,
                                                 const char     *text,
                                                 gssize          length);

/* Both re-render the last text when they change anything. */
void            ct_render_worker_set_wiki       (CtRenderWorker *self,
                                                 CtWiki         *wiki);
void            ct_render_worker_set_allow_raw_html (CtRenderWorker *self,
                                                     gboolean        allow_raw_html);

/* The same, taking @text (@length bytes and a NUL after them) instead of
 * copying it. */
guint           ct_render_worker_request_take   (CtRenderWorker *self,
                                                 char           *text,
                                                 gsize           length);

/* How long nothing may be shown before a stale result is shown anyway
 * (CT_RENDER_WORKER_STARVE_MS unless set; G_MAXUINT: never). */
void            ct_render_worker_set_max_lag    (CtRenderWorker *self,
                                                 guint           max_lag_ms);

/* The generation of the newest request (0 before the first). */
guint           ct_render_worker_get_generation (CtRenderWorker *self);

/* TRUE while a render runs in a thread. */
gboolean        ct_render_worker_is_rendering   (CtRenderWorker *self);

/* Where the time of the render being delivered went (monotonic µs), for
 * the keystroke benchmark: valid inside a "rendered" handler. */
typedef struct {
  gint64             requested_us;  /* its text was given to the worker */
  gint64             dispatched_us; /* the worker took it up */
  gint64             started_us;    /* its render began */
  gint64             ended_us;      /* … and ended (in its thread, if any) */
  gboolean           threaded;
  CtBlockRenderStats stats;         /* what the block renderer did */
} CtRenderWorkerTrace;

void            ct_render_worker_get_trace      (CtRenderWorker      *self,
                                                 CtRenderWorkerTrace *trace);

/* Calls @free_func on @data in a thread of its own, soon: what a long
 * post's result holds (its diagnostics, mentions …, tens of thousands of
 * allocations with many unlinked mentions) is then not freed on the main
 * thread. @data must be safe to free from another thread. */
void            ct_render_worker_free_later     (gpointer        data,
                                                 GDestroyNotify  free_func);

/* Signal "rendered" (guint generation, gpointer result, gpointer error):
 * exactly one of the CtRenderResult and the GError is non-NULL; both
 * belong to the worker and live until the handler returns. */

G_END_DECLS
