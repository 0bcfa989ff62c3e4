/* bench-text.h — what the in-process render benches share (render-bench,
 * block-update-bench): the generated review text they render, the
 * thread's CPU clock they time it with, and their medians. */
#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <glib.h>

#include "ct-entity.h"

/* CPU time of this thread, in ms: the machine may be shared with other
 * work, and waiting for a core is neither side's cost. */
static double
bench_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
bench_die_on_error (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "%s: %s\n", G_LOG_DOMAIN, error->message);
      exit (1);
    }
}

static int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static const char * const bench_words[] = {
  "the", "long", "take", "lands", "on", "a", "beat", "while", "Rooney", "moves",
  "through", "studio", "mirrors", "and", "glass", "choreography", "trades", "speed",
  "for", "clarity", "every", "cut", "is", "earned", "by", "stunt", "team", "work",
};

/* Review text of at least @size bytes after @front_matter: paragraphs of
 * 80 plain words, a heading every ten paragraphs, and one reference to
 * @entities per 200 words. With @markup, *emphasis* now and then and
 * every fifth reference a {{fact}} when it names a film. The number of
 * references goes to @n_refs when not NULL. */
static GString *
bench_review_text (gsize       size,
                   GPtrArray  *entities,
                   const char *front_matter,
                   gboolean    markup,
                   guint      *n_refs)
{
  GString *s = g_string_new (front_matter);
  guint word = 0, refs = 0;

  for (guint para = 0; s->len < size; para++)
    {
      if (para % 10 == 0)
        g_string_append_printf (s, "## Part %u\n\n", para / 10);
      for (guint w = 0; w < 80; w++, word++)
        {
          gboolean emphasis = markup && w % 17 == 5;

          if (word % 200 == 199)
            {
              const CtEntity *e = g_ptr_array_index (entities, refs % entities->len);

              if (markup && refs % 5 == 4 && e->kind == CT_ENTITY_FILM)
                g_string_append_printf (s, "{{fact: %s | release_date}} ", e->title);
              else
                g_string_append_printf (s, "[[%s]] ", e->title);
              refs++;
            }
          g_string_append (s, emphasis ? "*" : "");
          g_string_append (s, bench_words[word % G_N_ELEMENTS (bench_words)]);
          g_string_append (s, emphasis ? "* " : " ");
        }
      g_string_append (s, "\n\n");
    }
  if (n_refs != NULL)
    *n_refs = refs;
  return s;
}
