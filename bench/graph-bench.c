/* graph-bench — the relationship graph on a generated 10,000-entity wiki:
 * reading a neighbourhood (nodes capped at 1,000), laying it out to stable
 * (total time and the cost of each step against a 16 ms frame), writing
 * its SVG. Printed, never asserted (bench/run).
 *
 *   graph-bench FOLDER      (the wiki is created in FOLDER/graph)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ct-graph-layout.h"

#define FRAME_US 16667   /* one frame at 60 Hz */

/* A franchise the size of a big fan wiki: every kind, tied the ways the
 * sample is (credits, directors, sequels, affiliations, scenes with their
 * film, location and characters, events with participants). */
enum {
  FILMS = 200, PEOPLE = 4000, CHARACTERS = 2000, ORGANIZATIONS = 100,
  LOCATIONS = 200, SCENES = 2000, EVENTS = 1500,
  CAST = 20,
};

static void
die_on_error (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "graph-bench: %s\n", error->message);
      exit (1);
    }
}

static void
entity (GString    *s,
        const char *kind,
        const char *title_prefix,
        guint       i,
        const char *facts)
{
  g_string_append_printf (s, "{\"kind\": \"%s\", \"title\": \"%s %u\", \"facts\": [%s]},\n",
                          kind, title_prefix, i, facts);
}

static char *
generate (void)
{
  GString *s = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [\n");

  for (guint i = 0; i < FILMS; i++)
    {
      g_autofree char *facts =
        i == 0 ? g_strdup_printf ("{\"key\": \"director\", \"entity\": \"Person %u\"}", i * 20)
               : g_strdup_printf ("{\"key\": \"director\", \"entity\": \"Person %u\"},"
                                  " {\"key\": \"set_after\", \"entity\": \"Film %u\"}", i * 20, i - 1);
      entity (s, "film", "Film", i, facts);
    }
  for (guint i = 0; i < PEOPLE; i++)
    entity (s, "person", "Person", i, "");
  for (guint i = 0; i < ORGANIZATIONS; i++)
    entity (s, "organization", "Organization", i, "");
  for (guint i = 0; i < LOCATIONS; i++)
    entity (s, "location", "Location", i, "");
  for (guint i = 0; i < CHARACTERS; i++)
    {
      g_autofree char *facts = g_strdup_printf ("{\"key\": \"affiliation\", \"entity\": \"Organization %u\"}",
                                                i % ORGANIZATIONS);
      entity (s, "character", "Character", i, facts);
    }
  for (guint i = 0; i < SCENES; i++)
    {
      g_autofree char *facts =
        g_strdup_printf ("{\"key\": \"film\", \"entity\": \"Film %u\"}, {\"key\": \"location\", \"entity\": \"Location %u\"},"
                         " {\"key\": \"characters\", \"entity\": \"Character %u\"},"
                         " {\"key\": \"characters\", \"entity\": \"Character %u\"}",
                         i % FILMS, (i * 7) % LOCATIONS, (i * 3) % CHARACTERS, (i * 3 + 1) % CHARACTERS);
      entity (s, "scene", "Scene", i, facts);
    }
  for (guint i = 0; i < EVENTS; i++)
    {
      g_autofree char *facts =
        g_strdup_printf ("{\"key\": \"chrono\", \"value\": \"%u\"}, {\"key\": \"film\", \"entity\": \"Film %u\"},"
                         " {\"key\": \"participants\", \"entity\": \"Character %u\"}",
                         i, i % FILMS, (i * 11) % CHARACTERS);
      entity (s, "event", "Event", i, facts);
    }
  g_string_truncate (s, s->len - 2);
  g_string_append (s, "\n], \"credits\": [\n");
  for (guint i = 0; i < FILMS; i++)
    for (guint b = 0; b < CAST; b++)
      g_string_append_printf (s, "{\"film\": \"Film %u\", \"person\": \"Person %u\", \"character\": \"Character %u\","
                              " \"role\": \"cast\", \"billing\": %u},\n",
                              i, (i * 13 + b * 7) % PEOPLE, (i * 7 + b) % CHARACTERS, b + 1);
  g_string_truncate (s, s->len - 2);
  g_string_append (s, "\n]}\n");
  return g_string_free (s, FALSE);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *sorted,
               double  p)
{
  guint at = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, gint64, at) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(CtGraph) graph = NULL;
  g_autoptr(CtGraphLayout) layout = NULL;
  g_autoptr(GArray) forces = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) separating = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_steps;
  g_autofree char *folder = NULL;
  g_autofree char *json = NULL;
  g_autofree char *svg = NULL;
  gint64 center, t0, total = 0, over = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: graph-bench FOLDER\n");
      return 2;
    }
  folder = g_build_filename (argv[1], "graph", NULL);
  json = generate ();
  wiki = ct_wiki_create (folder, &error);
  die_on_error (error);
  ct_wiki_import (wiki, json, -1, &error);
  die_on_error (error);
  {
    g_autoptr(GPtrArray) found = ct_wiki_lookup (wiki, "Film 0", &error);

    die_on_error (error);
    center = ((CtLookup *) found->pdata[0])->entity_id;
  }

  /* Reading: only the neighbourhood, through indexes (best of 5). */
  for (guint n = 1; n <= 4; n++)
    {
      gint64 best = G_MAXINT64;

      for (guint run = 0; run < 5; run++)
        {
          g_clear_pointer (&graph, ct_graph_free);
          t0 = g_get_monotonic_time ();
          graph = ct_graph_neighbourhood (wiki, center, n, 0, &error);
          die_on_error (error);
          best = MIN (best, g_get_monotonic_time () - t0);
        }
      printf ("graph: read %u step%s out of 10,000 entities: %4u nodes, %4u edges%s   %8.1f ms\n",
              n, n > 1 ? "s" : " ", graph->nodes->len, graph->edges->len,
              graph->truncated ? " (capped)" : "         ", best / 1000.0);
    }

  /* Layout of the capped neighbourhood, step by step as the UI's worker
   * runs it. A step's time is what a frame would cost were the layout
   * computed on the UI thread while it animates (it is not: the worker
   * computes it, the canvas interpolates). */
  layout = ct_graph_layout_new (graph, 0x5eed);
  while (!ct_graph_layout_is_stable (layout))
    {
      gboolean cold = ct_graph_layout_is_cold (layout);
      gint64 took;

      t0 = g_get_monotonic_time ();
      ct_graph_layout_step (layout);
      took = g_get_monotonic_time () - t0;
      total += took;
      over += took > FRAME_US;
      g_array_append_val (cold ? separating : forces, took);
    }
  n_steps = forces->len + separating->len;
  g_array_sort (forces, compare_times);
  printf ("graph: layout of %u nodes, %u edges: stable after %u steps               %8.1f ms\n",
          graph->nodes->len, graph->edges->len, n_steps, total / 1000.0);
  printf ("graph: force steps (%u): p50 %.2f ms, p95 %.2f ms, max %.2f ms (p95 = x%.2f of a 16 ms frame)\n",
          forces->len, percentile_ms (forces, 0.5), percentile_ms (forces, 0.95), percentile_ms (forces, 1.0),
          percentile_ms (forces, 0.95) / (FRAME_US / 1000.0));
  if (separating->len > 0)
    {
      g_array_sort (separating, compare_times);
      printf ("graph: overlap steps (%u): p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
              separating->len, percentile_ms (separating, 0.5), percentile_ms (separating, 0.95),
              percentile_ms (separating, 1.0));
    }
  printf ("graph: steps over a 16 ms frame: %" G_GINT64_FORMAT " of %u\n", over, n_steps);
  printf ("graph: closest two nodes once stable: %.1f (gap wanted %.1f)\n",
          ct_graph_layout_min_distance (layout), CT_GRAPH_NODE_GAP);

  t0 = g_get_monotonic_time ();
  svg = ct_graph_svg (graph, layout);
  printf ("graph: SVG of %u nodes (%zu KB)                                       %8.1f ms\n",
          graph->nodes->len, strlen (svg) >> 10, (g_get_monotonic_time () - t0) / 1000.0);
  return 0;
}
