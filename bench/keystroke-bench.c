/* keystroke-bench.c — keystroke to preview in the real window (run under
 * Xvfb by bench/run; never by the tests).
 *
 *   keystroke-bench [--startup [--wiki FOLDER]] [--first-keys ROUNDS]
 *                   [--keys N] [--sizes 100000,3000000]
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
 * --first-keys ROUNDS: for each size, ROUNDS times: opens the post, and
 * as soon as the preview first shows it, moves to the end (then, opened
 * again, to the middle) and types N keys, each once the last is applied:
 * the keys that used to wait for the page's first layout of the whole
 * post. Prints each key, where its wait was, and when the page was filled.
 *
 * --startup [--wiki FOLDER]: opens a window with a 100 KB post (in FOLDER's
 * posts when given, so the sidebar shows that wiki, e.g. wiki-bench's
 * 100,000 entities) and prints the time from gtk_init() to the first
 * frame (its first tick, and the end of its paint), to the wiki in the
 * sidebar and to the preview showing the text, with the RSS at the first
 * frame and once the preview shows the text; then exits.
 * Everything is printed; nothing is asserted.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "keystroke-bench.h"
#include "ct-text-mirror.h"
#include "ct-wiki.h"

#define TYPING_INTERVAL_MS 80

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
  int first_keys = 0;
  g_autofree char *wiki_folder = NULL;
  int keys = 40;
  g_autofree char *sizes = g_strdup ("100000,3000000");
  GOptionEntry entries[] = {
    { "startup", 0, 0, G_OPTION_ARG_NONE, &startup, "Time start-up to the first frame, then exit", NULL },
    { "first-keys", 0, 0, G_OPTION_ARG_INT, &first_keys, "Time the first keys after opening, ROUNDS times", "ROUNDS" },
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
        if (first_keys > 0)
          {
            for (int round = 0; round < first_keys; round++)
              {
                bench_first_keys (app, post, size, keys, FALSE);
                bench_first_keys (app, post, size, keys, TRUE);
              }
            continue;
          }
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

        bench_close (b);
      }
  }

  remove_folder (base);
  return 0;
}
