/* keystroke-bench-open.c — right after a post opens: start-up to the
 * first frame (--startup), and the first keys while the page is still
 * being filled and laid out (--first-keys). */
#include "config.h"

#include "keystroke-bench.h"

/* --startup: the window with a post, as a user starts it, timed to what
 * they see: the first frame, the wiki in the sidebar, the text in the
 * preview. */
void
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

/* The first keys after a post opens: the post is opened, and once the
 * preview first shows it the caret goes to the end or the middle with the
 * editor scrolled there (the preview follows), and keys are typed one at
 * a time, each once the last is applied. Before the page filled in
 * slices, these keys waited for WebKit's first layout and paint of the
 * whole post. */
void
bench_first_keys (CtApplication *app,
                  const char    *post,
                  gsize          size,
                  guint          keys,
                  gboolean       middle)
{
  const char *where = middle ? "middle" : "end";
  g_autoptr(GArray) latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) waits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *l1 = NULL, *l2 = NULL;
  guint deferred = 0, unfilled_at_first = 0;
  gint64 opened_us;
  Bench *b;

  b = open_post (app, post);
  b->updated = FALSE;
  b->filled = FALSE;
  wait_flag (&b->updated);
  opened_us = g_get_monotonic_time ();

  place_cursor (b, middle);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (b->page->view),
                                gtk_text_buffer_get_insert (b->buffer), 0.0, TRUE, 0.0, 0.5);
  printf ("%5.2f MB first keys %-6s", size / 1e6, where);
  for (guint i = 0; i < keys; i++)
    {
      CtPreviewTrace t;
      gint64 t0;
      double ms;

      b->updated = FALSE;
      t0 = g_get_monotonic_time ();
      type_key (b, i);
      if (!wait_flag (&b->updated))
        {
          printf (" (no update within %d s)", (int) (TIMEOUT_US / G_USEC_PER_SEC));
          break;
        }
      ms = (b->updated_us - t0) / 1000.0;
      g_array_append_val (latency, ms);
      printf (" %.0f", ms);
      if (ct_preview_get_trace (b->preview, &t))
        {
          g_array_append_val (waits, t.page_wait_ms);
          deferred += t.deferred;
          if (i == 0)
            unfilled_at_first = t.page_unfilled;
        }
      spin (30);
    }
  printf (" ms\n");
  l1 = g_strdup_printf ("%5.2f MB first keys %-6s key→applied", size / 1e6, where);
  l2 = g_strdup_printf ("%5.2f MB first keys %-6s (sent→page starts)", size / 1e6, where);
  print_stats (l1, latency);
  print_stats (l2, waits);
  printf ("%5.2f MB first keys %-6s %u blocks unfilled at the first key; %u of %u keys landed unfilled\n",
          size / 1e6, where, unfilled_at_first, deferred, latency->len);
  if (!b->filled)
    {
      gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

      while (!b->filled && g_get_monotonic_time () < end)
        spin (20);
    }
  if (b->filled)
    printf ("%5.2f MB first keys %-6s page filled %.0f ms after the first preview (%u slices, %.0f ms by the page)\n",
            size / 1e6, where, (b->filled_us - opened_us) / 1000.0, b->fill_slices, b->fill_ms);
  else
    printf ("%5.2f MB first keys %-6s page not filled 5 s after the keys: %.0f blocks left after %.0f slices\n",
            size / 1e6, where, page_eval (b, "ctPreview.stats.unfilled", NULL),
            page_eval (b, "ctPreview.stats.slices", NULL));
  printf ("%5.2f MB first keys %-6s slices: longest %.0f ms in the page (finding the view and building %.0f), the last of %.0f bytes\n",
          size / 1e6, where, page_eval (b, "ctPreview.stats.maxSliceMs", NULL),
          page_eval (b, "ctPreview.stats.maxBuildMs", NULL),
          page_eval (b, "ctPreview.stats.sliceBytes", NULL));
  fflush (stdout);
  bench_close (b);
}
