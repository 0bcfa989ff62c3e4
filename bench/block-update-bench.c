/* block-update-bench — what one key costs the preview's block renderer
 * in a long post, against a full render of the same text (bench/README.md,
 * "Keystroke to preview").
 *
 *   block-update-bench FOLDER
 *
 * Creates the sample wiki in FOLDER/sample and a generated 100 KB and
 * 3 MB post with a reference every ~200 words, renders each once, then
 * types one letter at a time in the middle and at the end, each time
 * asking ct_block_renderer_render_bytes for the update (as the preview's
 * worker does) and timing it and the release of the result before it
 * (which the preview does on the main thread). The peer is ct_render of
 * the whole text in preview mode, timed in the same run: the ratio says
 * whether an update follows the edit (a few blocks) or the document.
 * CPU time of this thread, medians and the 95th percentile of 41 keys.
 * Asserts nothing. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ct-entity.h"
#include "bench-text.h"
#include "ct-render-blocks.h"
#include "ct-wiki.h"

#define KEYS 41

static void
stats (GArray *ms,
       double *p50,
       double *p95)
{
  g_array_sort (ms, bench_compare_doubles);
  *p50 = g_array_index (ms, double, ms->len / 2);
  *p95 = g_array_index (ms, double, MIN (ms->len - 1, (guint) (ms->len * 0.95)));
}

static void
bench (CtWiki     *wiki,
       GPtrArray  *entities,
       const char *label,
       gsize       size,
       gboolean    middle)
{
  /* render-bench's text without its emphasis and facts */
  g_autoptr(GString) text = bench_review_text (size, entities, "---\ntitle: Bench\n---\n\n", FALSE, NULL);
  CtRenderOptions options = { .mode = CT_RENDER_PREVIEW, .check_prose = TRUE, .wiki = wiki };
  g_autoptr(CtBlockRenderer) renderer = ct_block_renderer_new ();
  g_autoptr(GArray) update = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) release = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  CtRenderResult *last;
  CtBlockRenderStats st = { 0, };
  guint64 copied = 0;
  double u50, u95, r50, r95, f50, f95;
  gsize at;
  guint n_blocks, n_diagnostics;

  {
    g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len + 1);
    g_autoptr(GError) error = NULL;

    last = ct_block_renderer_render_bytes (renderer, bytes, &options, 0, NULL, &error);
    bench_die_on_error (g_steal_pointer (&error));
  }
  n_blocks = ct_block_list_get_length (last->block_list);
  n_diagnostics = last->diagnostics->len;

  /* After a word in the middle of the post, or at its very end. */
  if (middle)
    {
      at = text->len / 2;
      while (text->str[at] != ' ')
        at++;
    }
  else
    at = text->len - 2;

  for (guint i = 0; i < KEYS; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      CtRenderResult *result;
      double t0, t1, t2;

      g_string_insert_c (text, at + i, "keystroke"[i % 9]);
      /* The worker hands the renderer the text it holds: no copy timed. */
      bytes = g_bytes_new (text->str, text->len + 1);
      t0 = bench_now_ms ();
      result = ct_block_renderer_render_bytes (renderer, bytes, &options, 0, NULL, &error);
      t1 = bench_now_ms ();
      bench_die_on_error (g_steal_pointer (&error));
      ct_render_result_free (last);
      t2 = bench_now_ms ();
      last = result;
      ct_block_renderer_get_stats (renderer, &st);
      copied += st.blocks_copied;
      t2 -= t1;
      t1 -= t0;
      g_array_append_val (update, t1);
      g_array_append_val (release, t2);

      /* The peer, on the same text, every fourth key (it is slow). */
      if (i % 4 == 0)
        {
          g_autoptr(CtRenderResult) whole = NULL;
          double f;

          t0 = bench_now_ms ();
          whole = ct_render (text->str, text->len, &options, &error);
          f = bench_now_ms () - t0;
          bench_die_on_error (g_steal_pointer (&error));
          g_array_append_val (full, f);
        }
    }
  ct_render_result_free (last);

  stats (update, &u50, &u95);
  stats (release, &r50, &r95);
  stats (full, &f50, &f95);
  printf ("%-6s %-6s %5u blocks, %5u diagnostics: update p50 %6.2f p95 %6.2f ms, release p50 %5.3f p95 %5.3f ms, "
          "%.0f blocks copied per key; full render p50 %7.1f ms: update = full / %.0f\n",
          label, middle ? "middle" : "end", n_blocks, n_diagnostics, u50, u95, r50, r95,
          (double) copied / KEYS, f50, f50 / MAX (u50, 0.001));
  fflush (stdout);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GPtrArray) entities = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: block-update-bench FOLDER\n");
      return 2;
    }
  folder = g_build_filename (argv[1], "sample", NULL);
  wiki = ct_wiki_create_sample (folder, &error);
  bench_die_on_error (g_steal_pointer (&error));
  entities = ct_wiki_list_entities (wiki, -1, &error);
  bench_die_on_error (g_steal_pointer (&error));

  bench (wiki, entities, "100 KB", 100 * 1024, TRUE);
  bench (wiki, entities, "100 KB", 100 * 1024, FALSE);
  bench (wiki, entities, "3 MB", 3 * 1024 * 1024, TRUE);
  bench (wiki, entities, "3 MB", 3 * 1024 * 1024, FALSE);
  return 0;
}
