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
#include "ct-wiki.h"

/* CPU time of this thread, in ms: the machine may be shared with other
 * work, and waiting for a core is neither side's cost. */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
die_on_error (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "render-bench: %s\n", error->message);
      exit (1);
    }
}

static const char * const words[] = {
  "the", "long", "take", "lands", "on", "a", "beat", "while", "Rooney", "moves",
  "through", "studio", "mirrors", "and", "glass", "choreography", "trades", "speed",
  "for", "clarity", "every", "cut", "is", "earned", "by", "stunt", "team", "work",
};

/* Review text of at least @size bytes: paragraphs of plain words with
 * *emphasis* now and then, a heading every ten paragraphs, and one
 * reference per 200 words — mostly links, every fifth a {{fact}}. */
static char *
make_text (gsize      size,
           GPtrArray *entities,
           guint     *n_refs)
{
  GString *s = g_string_new ("---\ntitle: Bench\ntags: [bench]\n---\n\n");
  guint word = 0;
  guint refs = 0;

  for (guint para = 0; s->len < size; para++)
    {
      if (para % 10 == 0)
        g_string_append_printf (s, "## Part %u\n\n", para / 10);
      for (guint w = 0; w < 80; w++, word++)
        {
          if (word % 200 == 199)
            {
              const CtEntity *e = g_ptr_array_index (entities, refs % entities->len);

              if (refs % 5 == 4 && e->kind == CT_ENTITY_FILM)
                g_string_append_printf (s, "{{fact: %s | release_date}} ", e->title);
              else
                g_string_append_printf (s, "[[%s]] ", e->title);
              refs++;
            }
          g_string_append (s, w % 17 == 5 ? "*" : "");
          g_string_append (s, words[word % G_N_ELEMENTS (words)]);
          g_string_append (s, w % 17 == 5 ? "* " : " ");
        }
      g_string_append (s, "\n\n");
    }
  *n_refs = refs;
  return g_string_free (s, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
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
  g_autofree char *text = make_text (size, entities, &n_refs);
  gsize length = strlen (text);
  CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT, .wiki = wiki };
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  double ours_ms, theirs_ms, cold_ms = 0;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CtRenderResult) result = NULL;
      double t0 = now_ms ();
      double ms;
      char *html;

      result = ct_render (text, length, &options, &error);
      die_on_error (error);
      ms = now_ms () - t0;
      if (i == 0)
        cold_ms = ms;   /* the connection's cache was empty */
      g_array_append_val (ours, ms);
      if (result->diagnostics->len > 0)
        {
          fprintf (stderr, "render-bench: a reference failed: %s\n",
                   ((CtDiagnostic *) g_ptr_array_index (result->diagnostics, 0))->message);
          exit (1);
        }

      t0 = now_ms ();
      html = cmark_markdown_to_html (text, length, CMARK_OPT_DEFAULT);
      ms = now_ms () - t0;
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
  die_on_error (error);
  entities = ct_wiki_list_entities (wiki, -1, &error);
  die_on_error (error);

  bench (wiki, entities, "100 KB", 100 * 1024, 101);
  bench (wiki, entities, "3 MB", 3 * 1024 * 1024, 9);
  return 0;
}
