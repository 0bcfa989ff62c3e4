/* keystroke-bench.h — what the files of keystroke-bench share.
 *
 * keystroke-bench.c       keys once a post has settled (paused, typing,
 *                         hop by hop), and main()
 * keystroke-bench-page.c  the window with a post, waiting on the main
 *                         loop, asking the page, the generated post,
 *                         statistics and memory
 * keystroke-bench-open.c  right after opening: start-up to the first
 *                         frame, and the first keys while the page fills
 */
#pragma once

#include <stdio.h>
#include <adwaita.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-preview.h"
#include "ct-window.h"

#define TIMEOUT_US (120 * G_USEC_PER_SEC)

typedef struct {
  CtWindow     *window;
  CtEditorPage *page;
  CtPreview    *preview;
  GtkTextBuffer *buffer;

  gboolean      updated;        /* "updated" since the flag was cleared */
  gint64        updated_us;     /* monotonic time of the last "updated" */
  GArray       *applied_us;     /* monotonic times of every "applied" */
  gint64        last_tick_us;
  gint64        max_interval_us;/* longest frame interval since reset */
  gint64        first_frame_us;
  gint64        first_paint_us;
  long          first_paint_rss_kb;
  long          first_paint_private_kb;
  double        first_paint_cpu_ms;  /* the main thread's CPU time */
  gboolean      filled;         /* the page said "filled" since cleared */
  gint64        filled_us;
  double        fill_ms;        /* the page's own count, first slice to last */
  guint         fill_slices;
} Bench;

/* When main() started, by the clock and the main thread's CPU time. */
extern gint64 main_start_us;
extern double main_start_cpu_ms;

double   thread_cpu_ms   (void);
GString *make_post       (gsize          size);
/* A window with @post open, split view, once loaded with its wiki. */
Bench   *open_post       (CtApplication *app,
                          const char    *post);
void     bench_close     (Bench         *b);
gboolean tick_cb         (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       user_data);
void     on_realize_cb   (GtkWidget     *window,
                          Bench         *b);
void     on_updated_cb   (CtPreview     *preview,
                          Bench         *b);
/* Iterates until *@flag or TIMEOUT_US; FALSE on the deadline. */
gboolean wait_flag       (gboolean      *flag);
void     spin            (guint          ms);
void     settle          (Bench         *b);
double   page_eval       (Bench         *b,
                          const char    *script,
                          double        *wait_ms);
double   page_round_trip (Bench         *b);
double   page_layout_ms  (Bench         *b,
                          double        *wait_ms);
void     print_stats     (const char    *label,
                          GArray        *ms);
void     place_cursor    (Bench         *b,
                          gboolean       middle);
void     type_key        (Bench         *b,
                          guint          i);
long     rss_kb          (const char    *field);
long     private_kb      (void);
void     remove_folder   (const char    *folder);

/* keystroke-bench-open.c */
void     bench_startup    (CtApplication *app,
                           const char    *post);
void     bench_first_keys (CtApplication *app,
                           const char    *post,
                           gsize          size,
                           guint          keys,
                           gboolean       middle);
