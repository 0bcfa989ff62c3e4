/* render-bench — the renderer in process against cmark itself
 * (bench/README.md).
 *
 *   render-bench FOLDER
 *
 * Creates the sample wiki in FOLDER/sample, then renders generated review
 * text of about 100 KB and 3 MB, with a reference every ~200 words to the
 * sample's entities, as a fragment with ct_render and as HTML with
 * cmark_markdown_to_html on the same bytes. Runs are interleaved and the
 * medians compared, so a busy machine slows both sides alike. The ratio
 * is what the renderer adds to cmark: front matter, the reference scan,
 * placeholders, resolution and the templates' HTML. Asserts nothing. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmark.h>
#include <glib/gstdio.h>

#include "ct-diagnostic.h"
#include "ct-render.h"
#include "ct-entity.h"
#include "bench-text.h"
#include "ct-wiki.h"

static double
median (GArray *times)
{
  g_array_sort (times, bench_compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static void
bench (CtWiki     *wiki,
       GPtrArray  *entities,
       const char *label,
       gsize       size,
       guint       runs)
{
  guint n_refs;
  g_autofree char *text = g_string_free (bench_review_text (size, entities, "---\ntitle: Bench\ntags: [bench]\n---\n\n",
                                                            TRUE, &n_refs), FALSE);
  gsize length = strlen (text);
  CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT, .wiki = wiki };
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  double ours_ms, theirs_ms, cold_ms = 0;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CtRenderResult) result = NULL;
      double t0 = bench_now_ms ();
      double ms;
      char *html;

      result = ct_render (text, length, &options, &error);
      bench_die_on_error (error);
      ms = bench_now_ms () - t0;
      if (i == 0)
        cold_ms = ms;   /* the connection's cache was empty */
      g_array_append_val (ours, ms);
      if (result->diagnostics->len > 0)
        {
          fprintf (stderr, "render-bench: a reference failed: %s\n",
                   ((CtDiagnostic *) g_ptr_array_index (result->diagnostics, 0))->message);
          exit (1);
        }

      t0 = bench_now_ms ();
      html = cmark_markdown_to_html (text, length, CMARK_OPT_DEFAULT);
      ms = bench_now_ms () - t0;
      g_array_append_val (theirs, ms);
      free (html);
    }

  ours_ms = median (ours);
  theirs_ms = median (theirs);
  printf ("render in-process %6s (%zu bytes, %u references, %u entities): continuity %8.2f ms | "
          "cmark_markdown_to_html %8.2f ms (x%.2f; %.1f us per reference over cmark; "
          "first render %.2f ms)\n",
          label, length, n_refs, entities->len, ours_ms, theirs_ms, ours_ms / theirs_ms,
          (ours_ms - theirs_ms) * 1000.0 / MAX (n_refs, 1), cold_ms);
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
      fprintf (stderr, "usage: render-bench FOLDER\n");
      return 2;
    }
  folder = g_build_filename (argv[1], "sample", NULL);
  wiki = ct_wiki_create_sample (folder, &error);
  bench_die_on_error (error);
  entities = ct_wiki_list_entities (wiki, -1, &error);
  bench_die_on_error (error);

  bench (wiki, entities, "100 KB", 100 * 1024, 101);
  bench (wiki, entities, "3 MB", 3 * 1024 * 1024, 9);
  return 0;
}
