/* keystroke-bench.c — keystroke to preview in the real window (run under
 * Xvfb by bench/run; never by the tests).
 *
 *   keystroke-bench [--startup [--wiki FOLDER]] [--keys N] [--sizes 100000,3000000]
 *
 * Opens a post of each size with a reference every ~200 words on the
 * sample wiki in a real CtWindow (editor and preview side by side), then:
 *
 * - "paused": types N keys at the end and N in the middle, each after the
 *   preview caught up, and times each key from the insert to the page's
 *   "applied" answer for that very text (the preview's "updated"), with
 *   the longest frame-clock interval meanwhile (a frame is 16.7 ms: more
 *   is a main-loop stall);
 * - "typing": types N keys 80 ms apart without waiting, and records how
 *   often the page applied an update (any text, stale ones too) and the
 *   longest frame interval; then the time from the last key to its
 *   update.
 *
 * --startup [--wiki FOLDER]: opens a window with a 100 KB post (in FOLDER's
 * posts when given, so the sidebar shows that wiki, e.g. wiki-bench's
 * 100,000 entities) and prints the time from gtk_init() to the first
 * frame (its first tick, and the end of its paint), to the wiki in the
 * sidebar and to the preview showing the text, with the RSS at the first
 * frame and once the preview shows the text; then exits.
 * Everything is printed; nothing is asserted.
 */
#define _GNU_SOURCE  /* RUSAGE_THREAD */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-preview.h"
#include "ct-text-mirror.h"
#include "ct-window.h"
#include "ct-wiki.h"

#define TYPING_INTERVAL_MS 80
#define TIMEOUT_US (120 * G_USEC_PER_SEC)

static const char *TITLES[] = {
  "Ballerina", "John Wick (film)", "Ana de Armas", "Keanu Reeves", "Ian McShane",
  "Winston", "Rooney", "Chad Stahelski", "The Bowery King", "John Wick (character)",
};

static const char *WORDS[] = {
  "the", "long", "take", "moves", "through", "a", "corridor", "while", "camera",
  "follows", "every", "strike", "and", "cut", "lands", "on", "beat", "of", "score",
  "choreography", "trades", "speed", "for", "weight", "in", "scene",
};

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
} Bench;

static gint64 main_start_us;
static double main_start_cpu_ms;

/* CPU time of the calling thread: unlike wall time, barely moved by
 * other processes on a loaded machine. */
static double
thread_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
         usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

static GString *
make_post (gsize size)
{
  GString *doc = g_string_sized_new (size + 1024);
  guint words = 0, n = 0;

  g_string_append (doc, "---\ntitle: Bench post\ntags: [bench]\n---\n# Bench post\n\n");
  while (doc->len < size)
    {
      g_string_append_printf (doc, "## Part %u\n\n", n++);
      for (guint s = 0; s < 6; s++)
        {
          for (guint w = 0; w < 30; w++, words++)
            {
              if (words % 200 == 0)
                g_string_append_printf (doc, "[[%s]] ", TITLES[(words / 200) % G_N_ELEMENTS (TITLES)]);
              g_string_append (doc, WORDS[(words * 7 + s) % G_N_ELEMENTS (WORDS)]);
              g_string_append_c (doc, w == 29 ? '.' : ' ');
            }
          g_string_append (doc, s % 2 ? "\n\n" : " ");
        }
      g_string_append (doc, "- a list item\n- another with [[Winston]]\n\n");
    }
  return doc;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *b = user_data;
  gint64 now = g_get_monotonic_time ();

  if (b->first_frame_us == 0)
    b->first_frame_us = now;
  if (b->last_tick_us != 0)
    b->max_interval_us = MAX (b->max_interval_us, now - b->last_tick_us);
  b->last_tick_us = now;
  return G_SOURCE_CONTINUE;
}

static long rss_kb (const char *field);
static long private_kb (void);

/* The end of the first paint: what a user first sees is on the screen. */
static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  if (b->first_paint_us != 0)
    return;
  b->first_paint_us = g_get_monotonic_time ();
  b->first_paint_rss_kb = rss_kb ("VmRSS:");
  b->first_paint_private_kb = private_kb ();
  b->first_paint_cpu_ms = thread_cpu_ms () - main_start_cpu_ms;
}

static void
on_realize_cb (GtkWidget *window,
               Bench     *b)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), b);
}

static void
on_updated_cb (CtPreview *preview,
               Bench     *b)
{
  b->updated = TRUE;
  b->updated_us = g_get_monotonic_time ();
}

static void
on_script_message_cb (WebKitUserContentManager *manager,
                      JSCValue                 *message,
                      Bench                    *b)
{
  g_autoptr(JSCValue) type = jsc_value_object_get_property (message, "type");
  g_autofree char *name = jsc_value_to_string (type);

  if (g_strcmp0 (name, "applied") == 0)
    {
      gint64 now = g_get_monotonic_time ();
      g_array_append_val (b->applied_us, now);
    }
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates until *@flag or the deadline; FALSE on the deadline. */
static gboolean
wait_flag (gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!*flag && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return *flag;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (5, wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* Spins until no frame took over 100 ms for a second, or 60 s. */
static void
settle (Bench *b)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      b->max_interval_us = 0;
      b->last_tick_us = g_get_monotonic_time ();
      spin (1000);
      if (b->max_interval_us < 100 * 1000)
        break;
    }
}

typedef struct {
  gboolean done;
  double   value;
} Eval;

static void
eval_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Eval *eval = user_data;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, NULL);

  eval->value = value != NULL && jsc_value_is_number (value) ? jsc_value_to_double (value) : -1;
  eval->done = TRUE;
}

/* Runs @script in the page; its number, and in @wait_ms how long the
 * answer took (a web process still busy laying out or painting makes a
 * patch wait as long). */
static double
page_eval (Bench      *b,
           const char *script,
           double     *wait_ms)
{
  Eval eval = { FALSE, 0 };
  gint64 t0 = g_get_monotonic_time ();

  webkit_web_view_evaluate_javascript (ct_preview_get_web_view (b->preview), script, -1, NULL, NULL, NULL,
                                       eval_cb, &eval);
  wait_flag (&eval.done);
  if (wait_ms != NULL)
    *wait_ms = (g_get_monotonic_time () - t0) / 1000.0;
  return eval.value;
}

static double
page_round_trip (Bench *b)
{
  double ms;

  page_eval (b, "0", &ms);
  return ms;
}

/* The page's layout forced and timed in the page: what laying out the
 * whole post costs the web process when it is not done yet. */
static double
page_layout_ms (Bench  *b,
                double *wait_ms)
{
  return page_eval (b, "(() => { const t = performance.now(); void document.body.offsetHeight; "
                    "return performance.now() - t; })()", wait_ms);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_stats (const char *label,
             GArray     *ms)
{
  double p50, p95, max;

  if (ms->len == 0)
    {
      printf ("%-44s  no samples\n", label);
      return;
    }
  g_array_sort (ms, compare_double);
  p50 = g_array_index (ms, double, ms->len / 2);
  p95 = g_array_index (ms, double, MIN (ms->len - 1, (guint) (ms->len * 0.95)));
  max = g_array_index (ms, double, ms->len - 1);
  printf ("%-44s  p50 %7.1f  p95 %7.1f  max %7.1f ms  (n=%u)\n", label, p50, p95, max, ms->len);
}

static void
place_cursor (Bench *b,
              gboolean middle)
{
  GtkTextIter iter;

  if (middle)
    {
      /* The end of a paragraph line in the middle of the post. */
      gtk_text_buffer_get_iter_at_line (b->buffer, &iter, gtk_text_buffer_get_line_count (b->buffer) / 2);
      while (gtk_text_iter_ends_line (&iter) && !gtk_text_iter_is_end (&iter))
        gtk_text_iter_forward_line (&iter);
      gtk_text_iter_forward_to_line_end (&iter);
    }
  else
    gtk_text_buffer_get_end_iter (b->buffer, &iter);
  gtk_text_buffer_place_cursor (b->buffer, &iter);
}

static void
type_key (Bench *b,
          guint  i)
{
  /* NUL-terminated, as typed text is: GTK's accessibility handler of
   * insert-text reads the text as a C string whatever its length says. */
  char key[2] = { "abcdefgh ijklmnop qrstuvw xyz "[i % 30], '\0' };

  gtk_text_buffer_insert_interactive_at_cursor (b->buffer, key, 1, TRUE);
}

/* Where a paused key's time went, hop by hop (CtPreviewTrace). */
enum {
  HOP_INSERT,      /* the insert call: the buffer and its handlers */
  HOP_TO_PREVIEW,  /* insert to the text reaching the preview */
  HOP_TO_WORKER,   /* … to the render worker taking it up */
  HOP_TO_RENDER,   /* … to the render starting (a thread's start) */
  HOP_RENDER,      /* the render */
  HOP_TO_MAIN,     /* its end to the result on the main thread */
  HOP_TO_PAGE,     /* … to the patch sent to the page */
  HOP_ROUND_TRIP,  /* sent to the page's "applied" back */
  HOP_PAGE,        /* of which the page's own patching */
  HOP_PAGE_WAIT,   /* of which sent to the page's patch starting */
  N_HOPS
};

static const char *HOP_NAMES[N_HOPS] = {
  "insert call", "insert→preview has text", "→worker takes it", "→render starts",
  "render", "→result on main", "→patch sent", "sent→applied back", "(page's own patch)",
  "(sent→page starts)",
};

typedef struct {
  GArray *ms[N_HOPS];
  guint   threaded;
  guint   full;
  guint64 render_bytes;
  guint64 blocks_sent;
  guint   n;
} Hops;

static void
hops_init (Hops *h)
{
  memset (h, 0, sizeof *h);
  for (guint i = 0; i < N_HOPS; i++)
    h->ms[i] = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
hops_add (Hops   *h,
          Bench  *b,
          gint64  t0,
          gint64  t_inserted)
{
  CtPreviewTrace t;
  double ms[N_HOPS];

  if (!ct_preview_get_trace (b->preview, &t))
    return;
  ms[HOP_INSERT] = (t_inserted - t0) / 1000.0;
  ms[HOP_TO_PREVIEW] = (t.requested_us - t0) / 1000.0;
  ms[HOP_TO_WORKER] = (t.dispatched_us - t.requested_us) / 1000.0;
  ms[HOP_TO_RENDER] = (t.render_start_us - t.dispatched_us) / 1000.0;
  ms[HOP_RENDER] = (t.render_end_us - t.render_start_us) / 1000.0;
  ms[HOP_TO_MAIN] = (t.delivered_us - t.render_end_us) / 1000.0;
  ms[HOP_TO_PAGE] = (t.sent_us - t.delivered_us) / 1000.0;
  ms[HOP_ROUND_TRIP] = (t.applied_us - t.sent_us) / 1000.0;
  ms[HOP_PAGE] = t.page_ms;
  ms[HOP_PAGE_WAIT] = t.page_wait_ms;
  for (guint i = 0; i < N_HOPS; i++)
    g_array_append_val (h->ms[i], ms[i]);
  h->threaded += t.threaded;
  h->full += t.full;
  h->render_bytes += t.render_bytes;
  h->blocks_sent += t.blocks_sent;
  h->n++;
}

static void print_stats (const char *label, GArray *ms);

static void
hops_print (Hops       *h,
            const char *prefix)
{
  for (guint i = 0; i < N_HOPS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s   %s", prefix, HOP_NAMES[i]);

      print_stats (label, h->ms[i]);
      g_array_unref (h->ms[i]);
    }
  if (h->n > 0)
    printf ("%s   renders: %u of %u in a thread, %u full; %.0f bytes rendered, %.1f blocks sent per key\n",
            prefix, h->threaded, h->n, h->full, (double) h->render_bytes / h->n,
            (double) h->blocks_sent / h->n);
}

/* One key at a time, each once the preview shows the text before it. */
static void
bench_paused (Bench      *b,
              const char *where,
              gsize       size,
              guint       keys)
{
  g_autoptr(GArray) latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *l1 = NULL, *l2 = NULL;
  Hops hops;

  hops_init (&hops);
  place_cursor (b, g_str_equal (where, "middle"));
  spin (300);
  /* Placing the cursor scrolls the page there: the first key's patch
   * waits for whatever that costs the page. */
  printf ("%5.2f MB %-6s page answers a script, 300 ms after the caret moved: %.1f ms\n",
          size / 1e6, where, page_round_trip (b));
  for (guint i = 0; i < keys; i++)
    {
      gint64 t0, t_inserted;
      double ms;

      b->updated = FALSE;
      b->max_interval_us = 0;
      b->last_tick_us = g_get_monotonic_time ();
      t0 = g_get_monotonic_time ();
      type_key (b, i);
      t_inserted = g_get_monotonic_time ();
      if (!wait_flag (&b->updated))
        {
          printf ("  the preview did not update within %d s\n", (int) (TIMEOUT_US / G_USEC_PER_SEC));
          break;
        }
      ms = (b->updated_us - t0) / 1000.0;
      g_array_append_val (latency, ms);
      hops_add (&hops, b, t0, t_inserted);
      /* Frames went on until the update: count the one after it too. */
      spin (20);
      ms = b->max_interval_us / 1000.0;
      g_array_append_val (stall, ms);
      spin (30);  /* a short pause, as between words */
    }
  /* In typing order, before the sorting below: an outlier's place says
   * what it was (the first key at the end scrolls both views there). */
  printf ("%5.2f MB %-6s key→applied by key:", size / 1e6, where);
  for (guint i = 0; i < latency->len; i++)
    printf (" %.0f", g_array_index (latency, double, i));
  printf (" ms\n");
  l1 = g_strdup_printf ("%5.2f MB %-6s key→applied (paused)", size / 1e6, where);
  l2 = g_strdup_printf ("%5.2f MB %-6s longest frame interval", size / 1e6, where);
  print_stats (l1, latency);
  print_stats (l2, stall);
  {
    g_autofree char *prefix = g_strdup_printf ("%5.2f MB %-6s", size / 1e6, where);
    hops_print (&hops, prefix);
  }
}

/* Keys every TYPING_INTERVAL_MS without waiting for the preview. */
static void
bench_typing (Bench      *b,
              const char *where,
              gsize       size,
              guint       keys)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *l1 = NULL, *l2 = NULL;
  gint64 start, last, t_last_key = 0;
  guint first_applied;
  double settle;

  place_cursor (b, g_str_equal (where, "middle"));
  spin (300);
  first_applied = b->applied_us->len;
  start = g_get_monotonic_time ();
  for (guint i = 0; i < keys; i++)
    {
      double ms;

      b->max_interval_us = 0;
      b->last_tick_us = g_get_monotonic_time ();
      t_last_key = g_get_monotonic_time ();
      type_key (b, i);
      spin (TYPING_INTERVAL_MS);
      ms = b->max_interval_us / 1000.0;
      g_array_append_val (stall, ms);
    }
  /* (t_last_key: when the last key was typed, taken in the loop: the
   * spin after it may run over.) */

  /* The gaps between page updates while the keys came (from the first
   * key), and the wait for the last one. */
  last = start;
  for (guint i = first_applied; i < b->applied_us->len; i++)
    {
      gint64 t = g_array_index (b->applied_us, gint64, i);
      double ms = (t - last) / 1000.0;

      if (t > t_last_key)
        break;
      g_array_append_val (gaps, ms);
      last = t;
    }
  {
    double tail = (t_last_key - last) / 1000.0;
    g_array_append_val (gaps, tail);
  }
  /* The newest text may have landed during the last key's pause. */
  if (b->updated_us < t_last_key)
    {
      b->updated = FALSE;
      wait_flag (&b->updated);
    }
  settle = (b->updated_us - t_last_key) / 1000.0;

  l1 = g_strdup_printf ("%5.2f MB %-6s gap between updates (typing)", size / 1e6, where);
  l2 = g_strdup_printf ("%5.2f MB %-6s longest frame interval (typing)", size / 1e6, where);
  print_stats (l1, gaps);
  print_stats (l2, stall);
  printf ("%5.2f MB %-6s last key→applied after typing      %7.1f ms\n", size / 1e6, where, settle);
}

static long
proc_kb (const char *file,
         const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents (file, &status, NULL, NULL) ||
      (p = strstr (status, field)) == NULL)
    return -1;
  return strtol (p + strlen (field) + 1, NULL, 10);
}

static long
rss_kb (const char *field)
{
  return proc_kb ("/proc/self/status", field);
}

/* Most of the RSS is shared libraries' pages (GTK, WebKit, and Mesa's
 * LLVM that GL set-up maps); what the process itself holds is private. */
static long
private_kb (void)
{
  return proc_kb ("/proc/self/smaps_rollup", "Private_Clean:") +
         proc_kb ("/proc/self/smaps_rollup", "Private_Dirty:");
}

/* The bench's own wiki and posts. */
static void
remove_folder (const char *folder)
{
  const char *rm[] = { "rm", "-rf", folder, NULL };

  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static Bench *
open_post (CtApplication *app,
           const char    *post)
{
  Bench *b = g_new0 (Bench, 1);
  g_autoptr(GFile) file = g_file_new_for_path (post);
  gboolean ready = FALSE;
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  b->applied_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  b->window = ct_window_new (app, ct_application_get_drafts (app),
                             ct_application_get_wiki_registry (app));
  gtk_window_set_default_size (GTK_WINDOW (b->window), 1400, 900);
  gtk_widget_add_tick_callback (GTK_WIDGET (b->window), tick_cb, b, NULL);
  g_signal_connect (b->window, "realize", G_CALLBACK (on_realize_cb), b);
  gtk_window_present (GTK_WINDOW (b->window));
  ct_window_open_file (b->window, file);
  b->page = ct_window_find_page (b->window, file);
  g_assert (b->page != NULL);
  while (!ready && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, TRUE);
      ready = !ct_document_get_busy (ct_editor_page_get_document (b->page)) &&
              ct_editor_page_get_wiki (b->page) != NULL;
    }
  b->buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (b->page));
  ct_editor_page_set_view_mode (b->page, "split");
  b->preview = b->page->preview;
  g_signal_connect (b->preview, "updated", G_CALLBACK (on_updated_cb), b);
  g_signal_connect (webkit_web_view_get_user_content_manager (ct_preview_get_web_view (b->preview)),
                    "script-message-received::ctPreview", G_CALLBACK (on_script_message_cb), b);
  return b;
}

/* --startup: the window with a post, as a user starts it, timed to what
 * they see: the first frame, the wiki in the sidebar, the text in the
 * preview. */
static void
bench_startup (CtApplication *app,
               const char    *post)
{
  Bench *b = g_new0 (Bench, 1);
  g_autoptr(GFile) file = g_file_new_for_path (post);
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;
  gint64 wiki_us = 0, preview_us = 0;
  long wiki_entities_rss = -1;

  b->applied_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  b->window = ct_window_new (app, ct_application_get_drafts (app),
                             ct_application_get_wiki_registry (app));
  gtk_window_set_default_size (GTK_WINDOW (b->window), 1400, 900);
  gtk_widget_add_tick_callback (GTK_WIDGET (b->window), tick_cb, b, NULL);
  g_signal_connect (b->window, "realize", G_CALLBACK (on_realize_cb), b);
  gtk_window_present (GTK_WINDOW (b->window));
  ct_window_open_file (b->window, file);
  b->page = ct_window_find_page (b->window, file);
  g_assert (b->page != NULL);
  b->preview = b->page->preview;
  g_signal_connect (b->preview, "updated", G_CALLBACK (on_updated_cb), b);

  while (g_get_monotonic_time () < end && (b->first_paint_us == 0 || wiki_us == 0 || !b->updated))
    {
      g_main_context_iteration (NULL, TRUE);
      if (wiki_us == 0 && ct_window_get_wiki (b->window) != NULL)
        {
          wiki_us = g_get_monotonic_time ();
          wiki_entities_rss = rss_kb ("VmRSS:");
        }
      if (preview_us == 0 && b->updated)
        preview_us = b->updated_us;
    }

  printf ("startup: gtk_init() to first frame %.1f ms; RSS %ld kB (peak %ld kB)\n",
          (b->first_frame_us - main_start_us) / 1000.0, b->first_paint_rss_kb, rss_kb ("VmHWM:"));
  printf ("startup: main thread CPU to the first frame painted %.1f ms; private memory then %ld kB\n",
          b->first_paint_cpu_ms, b->first_paint_private_kb);
  printf ("startup: first frame painted %.1f ms | wiki in the sidebar %.1f ms (RSS %ld kB) | "
          "text in the preview %.1f ms; RSS then %ld kB (private %ld kB)\n",
          (b->first_paint_us - main_start_us) / 1000.0,
          wiki_us ? (wiki_us - main_start_us) / 1000.0 : -1.0, wiki_entities_rss,
          preview_us ? (preview_us - main_start_us) / 1000.0 : -1.0, rss_kb ("VmRSS:"), private_kb ());
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtApplication) app = NULL;
  g_autoptr(CtWiki) wiki = NULL;
  g_autofree char *base = NULL;
  g_autofree char *folder = NULL;
  gboolean startup = FALSE;
  g_autofree char *wiki_folder = NULL;
  int keys = 40;
  g_autofree char *sizes = g_strdup ("100000,3000000");
  GOptionEntry entries[] = {
    { "startup", 0, 0, G_OPTION_ARG_NONE, &startup, "Time start-up to the first frame, then exit", NULL },
    { "wiki", 0, 0, G_OPTION_ARG_FILENAME, &wiki_folder, "With --startup: the post goes into this wiki", "FOLDER" },
    { "keys", 0, 0, G_OPTION_ARG_INT, &keys, "Keys per measure", "N" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Post sizes in bytes", "A,B" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("— keystroke to preview");

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  base = g_dir_make_tmp ("ct-keystroke-bench-XXXXXX", &error);
  folder = g_build_filename (base, "wiki", NULL);
  wiki = ct_wiki_create_sample (folder, &error);
  if (wiki == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&wiki);

  /* Start-up is timed from here: the wiki above is the bench's own. */
  main_start_us = g_get_monotonic_time ();
  main_start_cpu_ms = thread_cpu_ms ();
  gtk_init ();
  adw_init ();
  app = ct_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }


  if (startup)
    {
      const char *posts = wiki_folder != NULL ? wiki_folder : folder;
      g_autofree char *post = g_build_filename (posts, "posts", "startup.md", NULL);
      g_autoptr(GString) doc = make_post (100000);

      g_file_set_contents (post, doc->str, doc->len, NULL);
      bench_startup (app, post);
      g_unlink (post);
      remove_folder (base);
      _exit (0);  /* the figure is taken; no teardown to time */
    }

  {
    g_auto(GStrv) list = g_strsplit (sizes, ",", -1);

    for (guint i = 0; list[i] != NULL; i++)
      {
        gsize size = g_ascii_strtoull (list[i], NULL, 10);
        g_autofree char *name = g_strdup_printf ("bench-%" G_GSIZE_FORMAT ".md", size);
        g_autofree char *post = g_build_filename (folder, "posts", name, NULL);
        g_autoptr(GString) doc = make_post (size);
        Bench *b;
        gint64 t0 = g_get_monotonic_time ();

        g_file_set_contents (post, doc->str, doc->len, NULL);
        b = open_post (app, post);
        b->updated = FALSE;
        wait_flag (&b->updated);
        printf ("%5.2f MB open to first preview %.0f ms\n", size / 1e6,
                (g_get_monotonic_time () - t0) / 1000.0);
        {
          double wait_ms, layout_ms = page_layout_ms (b, &wait_ms);

          printf ("%5.2f MB then the page's layout, forced: %.0f ms in the page, answered in %.0f ms\n",
                  size / 1e6, layout_ms, wait_ms);
          layout_ms = page_layout_ms (b, &wait_ms);
          printf ("%5.2f MB and again: %.1f ms in the page, answered in %.0f ms\n", size / 1e6, layout_ms, wait_ms);
        }
        /* The text view lays out a long text in the background after it
         * opens: typing is timed once that is done. */
        t0 = g_get_monotonic_time ();
        settle (b);
        printf ("%5.2f MB quiet (no frame over 100 ms for 1 s) %.0f ms later\n", size / 1e6,
                (g_get_monotonic_time () - t0) / 1000.0);
        printf ("%5.2f MB page answers a script in %.1f ms\n", size / 1e6, page_round_trip (b));
        fflush (stdout);

        /* The text for the preview, per keystroke on the main thread:
         * out of the buffer as it was taken before, and from the copy
         * kept in step with the edits as it is taken now. */
        {
          g_autoptr(GArray) copy = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) mirrored = g_array_new (FALSE, FALSE, sizeof (double));
          g_autofree char *label = g_strdup_printf ("%5.2f MB text out of the buffer", size / 1e6);
          g_autofree char *label2 = g_strdup_printf ("%5.2f MB text from the kept copy", size / 1e6);
          CtTextMirror *mirror = g_object_get_data (G_OBJECT (b->page), "ct-text-mirror");

          for (guint k = 0; k < 9; k++)
            {
              gint64 c0 = g_get_monotonic_time ();
              g_autofree char *text = ct_document_dup_text (ct_editor_page_get_document (b->page));
              double ms = (g_get_monotonic_time () - c0) / 1000.0;

              g_array_append_val (copy, ms);
              if (mirror != NULL)
                {
                  gsize length;
                  g_autofree char *again = NULL;

                  c0 = g_get_monotonic_time ();
                  again = ct_text_mirror_dup (mirror, &length);
                  ms = (g_get_monotonic_time () - c0) / 1000.0;
                  g_array_append_val (mirrored, ms);
                }
            }
          print_stats (label, copy);
          print_stats (label2, mirrored);
        }
        bench_paused (b, "end", size, keys);
        bench_paused (b, "middle", size, keys);
        bench_typing (b, "end", size, keys);
        bench_typing (b, "middle", size, keys);
        printf ("%5.2f MB RSS %ld kB (peak %ld kB)\n", size / 1e6, rss_kb ("VmRSS:"), rss_kb ("VmHWM:"));
        fflush (stdout);

        gtk_text_buffer_set_modified (b->buffer, FALSE);
        gtk_window_destroy (GTK_WINDOW (b->window));
        spin (200);
        g_array_unref (b->applied_us);
        g_free (b);
      }
  }

  remove_folder (base);
  return 0;
}
