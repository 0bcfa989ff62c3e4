/* prose-bench — times the prose checks on a big post (bench/README.md).
 *
 *   prose-bench FOLDER
 *
 * Creates FOLDER/prose-wiki (1,000 entities: 200 films with release dates
 * and directors, 400 people, 400 characters, each with an alias, imported
 * through the JSON interchange) and FOLDER/prose-post.md (about 3 MB of
 * review prose with references, release sentences and plain names), and
 * FOLDER/prose-names.txt (every title and alias, one a line, for grep).
 * Prints the time of the whole check, its parts, and cmark parsing and
 * rendering the same post in process, the library the check builds on.
 * Asserts nothing. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmark.h>
#include <glib/gstdio.h>

#include "ct-diagnostic.h"
#include "ct-prose-check.h"
#include "ct-wiki.h"

#define N_FILMS 200
#define N_PEOPLE 400
#define N_CHARACTERS 400
#define TARGET_BYTES (3 * 1024 * 1024)

static void
die_on_error (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "prose-bench: %s\n", error->message);
      exit (1);
    }
}

static char *
make_wiki_json (GString *names)
{
  GString *json = g_string_new ("{ \"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [\n");

  for (guint i = 0; i < N_FILMS; i++)
    {
      g_string_append_printf (json, "%s{ \"kind\": \"film\", \"title\": \"Film Kavo %u\", \"aliases\": [\"Kavo Part %u\"],"
                                    " \"facts\": [ { \"key\": \"release_date\", \"value\": \"20%02u-06\" },"
                                    " { \"key\": \"director\", \"entity\": \"Person Ribeta %u\" } ] }\n",
                              i ? "," : "", i, i, i % 30, i % N_PEOPLE);
      g_string_append_printf (names, "Film Kavo %u\nKavo Part %u\n", i, i);
    }
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_string_append_printf (json, ",{ \"kind\": \"person\", \"title\": \"Person Ribeta %u\", \"aliases\": [\"Ribeta%u\"] }\n", i, i);
      g_string_append_printf (names, "Person Ribeta %u\nRibeta%u\n", i, i);
    }
  for (guint i = 0; i < N_CHARACTERS; i++)
    {
      g_string_append_printf (json, ",{ \"kind\": \"character\", \"title\": \"Lomisu %u\", \"aliases\": [\"The Lomisu %u\"] }\n", i, i);
      g_string_append_printf (names, "Lomisu %u\nThe Lomisu %u\n", i, i);
    }
  g_string_append (json, "], \"credits\": [\n");
  for (guint i = 0; i < N_CHARACTERS; i++)
    g_string_append_printf (json, "%s{ \"film\": \"Film Kavo %u\", \"person\": \"Person Ribeta %u\","
                                  " \"character\": \"Lomisu %u\", \"role\": \"cast\", \"billing\": 1 }\n",
                            i ? "," : "", i % N_FILMS, i % N_PEOPLE, i);
  g_string_append (json, "] }\n");
  return g_string_free (json, FALSE);
}

static char *
make_post (void)
{
  GString *post = g_string_new ("---\ntitle: Bench\n---\n");
  guint i = 0;

  while (post->len < TARGET_BYTES)
    {
      g_string_append_printf (post,
                              "## Part %u\n\n"
                              "[[Film Kavo %u]] opens in July 20%02u, directed by [[Person Ribeta %u]]. "
                              "Person Ribeta %u plays a part, and [[Person Ribeta %u]] as [[Lomisu %u]] "
                              "steals the film from The Lomisu %u in a long take across the marble floor; "
                              "the camera stays wide and the cuts land on the beat of the music.\n\n"
                              "Nothing here names anyone: a quiet paragraph of prose about choreography, "
                              "mirrors, wooden floors, `code spans` and [a link](https://example.org/Lomisu) "
                              "that the checks read word by word without finding a single name in it.\n\n",
                              i, i % N_FILMS, i % 30, (i + 1) % N_PEOPLE, i % N_PEOPLE,
                              (i + 7) % N_PEOPLE, i % N_CHARACTERS, (i + 3) % N_CHARACTERS);
      i++;
    }
  return g_string_free (post, FALSE);
}

static double
time_check (CtWiki            *wiki,
            const char        *text,
            gsize              length,
            CtProseCheckFlags  flags,
            guint             *found)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_diagnostic_free);
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();

      ct_prose_check (wiki, text, length, flags, diagnostics, &error);
      die_on_error (error);
      best = MIN (best, (g_get_monotonic_time () - t0) / 1000.0);
      *found = diagnostics->len;
    }
  return best;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *folder = NULL;
  g_autofree char *post_path = NULL;
  g_autofree char *names_path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *post = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(CtWiki) wiki = NULL;
  GError *error = NULL;
  double all, facts, mentions, small_ms, cmark_ms = G_MAXDOUBLE;
  guint n_all, n_facts, n_mentions;
  gsize length;

  if (argc != 2)
    {
      fprintf (stderr, "usage: prose-bench FOLDER\n");
      return 2;
    }
  folder = g_build_filename (argv[1], "prose-wiki", NULL);
  post_path = g_build_filename (argv[1], "prose-post.md", NULL);
  names_path = g_build_filename (argv[1], "prose-names.txt", NULL);

  json = make_wiki_json (names);
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);   /* from an earlier run */
  else
    {
      wiki = ct_wiki_create (folder, &error);
      die_on_error (error);
      ct_wiki_import (wiki, json, -1, &error);
    }
  die_on_error (error);
  post = make_post ();
  length = strlen (post);
  g_file_set_contents (post_path, post, length, &error);
  die_on_error (error);
  g_file_set_contents (names_path, names->str, names->len, &error);
  die_on_error (error);

  all = time_check (wiki, post, length, CT_PROSE_CHECK_ALL, &n_all);
  facts = time_check (wiki, post, length, CT_PROSE_CHECK_FACTS, &n_facts);
  mentions = time_check (wiki, post, length, CT_PROSE_CHECK_MENTIONS, &n_mentions);
  /* what every check pays whatever the text: the wiki's names read and the
   * matcher built (the editor checks posts under 16 KB on its main thread) */
  {
    const char small[] = "[[Film Kavo 1]] opens in July 2001. Person Ribeta 3 as Lomisu 2.\n";
    guint n_small;

    small_ms = time_check (wiki, small, sizeof small - 1, CT_PROSE_CHECK_ALL, &n_small);
  }
  for (guint run = 0; run < 3; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      cmark_node *doc = cmark_parse_document (post, length, CMARK_OPT_DEFAULT);
      char *html = cmark_render_html (doc, CMARK_OPT_DEFAULT);

      free (html);
      cmark_node_free (doc);
      cmark_ms = MIN (cmark_ms, (g_get_monotonic_time () - t0) / 1000.0);
    }

  printf ("prose check %.1f MB post, %u entities: all %.1f ms (%u diagnostics) | facts %.1f ms (%u) | "
          "mentions %.1f ms (%u) | cmark parse+render in process %.1f ms (x%.2f)\n",
          length / 1048576.0, N_FILMS + N_PEOPLE + N_CHARACTERS, all, n_all, facts, n_facts,
          mentions, n_mentions, cmark_ms, all / cmark_ms);
  printf ("prose check of one short paragraph against the same wiki: %.2f ms\n", small_ms);
  printf ("prose mentions-ms %.1f\n", mentions);
  return 0;
}
