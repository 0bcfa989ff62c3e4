/* wiki-bench — times the wiki database at scale (bench/README.md).
 *
 *   wiki-bench FOLDER
 *
 * Creates FOLDER/big (a 100,000-entity wiki generated through the JSON
 * import) and FOLDER/films (3,000 films with directors and credits imported
 * into an empty wiki), then times open (against the sample wiki), prefix
 * lookup (p50/p95), full-text search and dump. Prints one line per measurement; asserts nothing. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "ct-wiki.h"

/* Text is made of 2,000 made-up words ("kavo", "ribeta" …), each in about
 * 1.5 % of the entities, like the names and terms of a real franchise. */
#define N_WORDS 2000
static char *words[N_WORDS];

static void
make_words (void)
{
  static const char * const syllables[] = {
    "ka", "vo", "ri", "be", "ta", "lo", "mi", "su", "de", "no", "ra", "po",
    "li", "ve", "do", "sa", "ne", "ko", "tu", "ma",
  };
  guint n = G_N_ELEMENTS (syllables);

  for (guint i = 0; i < N_WORDS; i++)
    words[i] = g_strdup_printf ("%s%s%s", syllables[i % n], syllables[(i / n) % n],
                                i >= n * n ? syllables[(i / (n * n)) % n] : "");
}

static gint64 t0;

static void
start (void)
{
  t0 = g_get_monotonic_time ();
}

static double
stop_ms (void)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
die_on_error (GError *error);

#define N_OPENS 21

/* Median of N_OPENS opens for writing, as every command that edits does. */
static double
median_open_ms (const char *folder)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_OPENS; i++)
    {
      g_autoptr(CtWiki) wiki = NULL;
      double ms;

      start ();
      wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
      ms = stop_ms ();
      die_on_error (error);
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, N_OPENS / 2);
}

static void
die_on_error (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "wiki-bench: %s\n", error->message);
      exit (1);
    }
}

static void
add_sentence (GString *s,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", words[g_rand_int_range (rand, 0, N_WORDS)]);
}

/* 100,000 entities: 10,000 films, 40,000 people, 30,000 characters,
 * 12,000 scenes, 5,000 events, 2,000 organizations, 1,000 locations. */
static char *
generate_big (GRand *rand)
{
  static const struct { const char *kind; const char *name; guint n; } kinds[] = {
    { "film", "Film", 10000 }, { "person", "Person", 40000 }, { "character", "Character", 30000 },
    { "scene", "Scene", 12000 }, { "event", "Event", 5000 }, { "organization", "Organization", 2000 },
    { "location", "Location", 1000 },
  };
  GString *s = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [\n");
  gboolean first = TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < kinds[k].n; i++)
      {
        g_string_append_printf (s, "%s{\"kind\": \"%s\", \"title\": \"%s %u ", first ? "" : ",\n",
                                kinds[k].kind, kinds[k].name, i);
        add_sentence (s, rand, 2);
        g_string_append (s, "\", \"summary\": \"");
        add_sentence (s, rand, 8);
        g_string_append (s, "\", \"notes\": \"");
        add_sentence (s, rand, 30);
        g_string_append (s, "\", \"facts\": [");
        if (g_str_equal (kinds[k].kind, "film"))
          g_string_append_printf (s, "{\"key\": \"release_date\", \"value\": \"%u-%02u\"}",
                                  1970 + i % 55, 1 + i % 12);
        else if (g_str_equal (kinds[k].kind, "event"))
          g_string_append_printf (s, "{\"key\": \"chrono\", \"value\": \"%u\"}", i);
        g_string_append (s, "]}");
        first = FALSE;
      }
  g_string_append (s, "], \"credits\": []}\n");
  return g_string_free (s, FALSE);
}

/* 3,000 films, each with a director (fact and credit) and five cast
 * credits, over 3,000 directors, 6,000 actors and 15,000 characters. */
static char *
generate_films (void)
{
  GString *s = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [\n");

  /* films first: their director facts refer forward */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (s, "{\"kind\": \"film\", \"title\": \"Feature %u\", \"facts\": ["
                            "{\"key\": \"release_date\", \"value\": \"%u\"},"
                            "{\"key\": \"director\", \"entity\": \"Director %u\"}]},\n",
                            i, 1950 + i % 75, i);
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (s, "{\"kind\": \"person\", \"title\": \"Director %u\"},\n", i);
  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (s, "{\"kind\": \"person\", \"title\": \"Actor %u\"},\n", i);
  for (guint i = 0; i < 15000; i++)
    g_string_append_printf (s, "{\"kind\": \"character\", \"title\": \"Role %u\"}%s\n", i, i + 1 < 15000 ? "," : "");
  g_string_append (s, "], \"credits\": [\n");
  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (s, "{\"film\": \"Feature %u\", \"person\": \"Director %u\", \"role\": \"director\"},\n", i, i);
      for (guint c = 0; c < 5; c++)
        g_string_append_printf (s, "{\"film\": \"Feature %u\", \"person\": \"Actor %u\", \"character\": \"Role %u\","
                                " \"role\": \"cast\", \"billing\": %u}%s\n",
                                i, (i * 2 + c) % 6000, i * 5 + c, c + 1, (i + 1 < 3000 || c < 4) ? "," : "");
    }
  g_string_append (s, "]}\n");
  return g_string_free (s, FALSE);
}

static void
bench_films (const char *root)
{
  g_autofree char *folder = g_build_filename (root, "films", NULL);
  g_autofree char *json = generate_films ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_create (folder, &error);

  die_on_error (error);
  start ();
  ct_wiki_import (wiki, json, -1, &error);
  die_on_error (error);
  printf ("wiki: import 3,000 films (27,000 entities, 18,000 credits, one transaction)  %8.0f ms\n", stop_ms ());
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *folder = NULL;
  g_autofree char *json = NULL;
  g_autofree char *dump = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  double total;
  guint found;

  if (argc != 2)
    {
      fprintf (stderr, "usage: wiki-bench FOLDER\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);
  make_words ();

  bench_films (argv[1]);

  folder = g_build_filename (argv[1], "big", NULL);
  json = generate_big (rand);
  wiki = ct_wiki_create (folder, &error);
  die_on_error (error);
  start ();
  ct_wiki_import (wiki, json, -1, &error);
  die_on_error (error);
  printf ("wiki: generate 100,000 entities by import (%zu MB of JSON)          %8.0f ms\n",
          strlen (json) >> 20, stop_ms ());
  g_clear_object (&wiki);

  /* open: header and schema checks and WAL setup (the day's backup, with
   * its whole-file quick_check, already done by the first open) */
  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_clear_object (&wiki);
  {
    g_autofree char *sample = g_build_filename (argv[1], "sample", NULL);
    g_autoptr(CtWiki) small = ct_wiki_create_sample (sample, &error);
    double big_ms, sample_ms;

    die_on_error (error);
    g_clear_object (&small);
    small = ct_wiki_open (sample, CT_WIKI_OPEN_DEFAULT, &error);
    g_clear_object (&small);
    big_ms = median_open_ms (folder);
    sample_ms = median_open_ms (sample);
    printf ("wiki: open 100,000 entities %.2f ms | sample wiki %.2f ms (+%.2f ms; median of %d)\n",
            big_ms, sample_ms, big_ms - sample_ms, N_OPENS);
  }
  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  die_on_error (error);

  found = 0;
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < 1000; i++)
      {
        g_autofree char *prefix = g_strdup_printf ("%s %u", (i % 2) ? "chara" : "PERSON", i * 7);
        g_autoptr(GPtrArray) hits = NULL;
        double ms;

        start ();
        hits = ct_wiki_complete (wiki, prefix, 10, &error);
        ms = stop_ms ();
        die_on_error (error);
        found += hits->len;
        g_array_append_val (times, ms);
      }
    g_array_sort (times, compare_doubles);
    printf ("wiki: prefix lookup, 10 completions (1,000 lookups; %u found) p50 %.3f ms p95 %.3f ms\n",
            found, g_array_index (times, double, 499), g_array_index (times, double, 949));
  }

  found = 0;
  start ();
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *query = g_strdup_printf ("%s %s", words[(i * 37) % N_WORDS], words[(i * 53 + 11) % N_WORDS]);
      g_autoptr(GPtrArray) hits = ct_wiki_search (wiki, query, 20, &error);
      die_on_error (error);
      found += hits->len;
    }
  total = stop_ms ();
  printf ("wiki: full-text search, two words, 20 ranked hits with snippets (mean of 100; %u found) %8.2f ms\n",
          found, total / 100);

  /* The worst case: a word in 40 % of the wiki, all of it ranked. */
  start ();
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GPtrArray) hits = ct_wiki_search (wiki, "person", 20, &error);
      die_on_error (error);
    }
  printf ("wiki: full-text search, one word in 40,000 entities (mean of 10)    %8.2f ms\n", stop_ms () / 10);

  start ();
  dump = ct_wiki_dump (wiki, &error);
  die_on_error (error);
  printf ("wiki: dump 100,000 entities (%zu MB of JSON)                        %8.0f ms\n",
          strlen (dump) >> 20, stop_ms ());

  return 0;
}
