/* The queries the renderer and the UI use, on the John Wick fixture. */
#include "config.h"

#include <string.h>

#include "ct-fact-keys.h"
#include "ct-test-wiki.h"

typedef struct {
  CtWiki *wiki;
  char   *folder;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->wiki = ct_test_wiki_fixture (&f->folder);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->wiki);
  ct_test_rmtree (f->folder);
  g_free (f->folder);
}

static void
test_get_entity (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) rooney = ct_wiki_get_entity (f->wiki, ct_test_id (f->wiki, "Rooney"), &error);
  g_autoptr(CtEntity) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rooney->kind, ==, CT_ENTITY_CHARACTER);
  g_assert_cmpstr (rooney->title, ==, "Rooney");
  g_assert_cmpstr (rooney->slug, ==, "rooney");
  g_assert_cmpstr (rooney->summary, ==, "A ballerina-assassin of the Ruska Roma.");
  g_assert_cmpuint (g_strv_length (rooney->aliases), ==, 1);
  g_assert_cmpstr (rooney->aliases[0], ==, "Eve Macarro");
  g_assert_false (rooney->spoiler);

  missing = ct_wiki_get_entity (f->wiki, 999999, &error);
  g_assert_null (missing);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
}

static void
test_lookup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_title = ct_wiki_lookup (f->wiki, "  rOONEY ", &error);
  g_autoptr(GPtrArray) by_alias = ct_wiki_lookup (f->wiki, "baba yaga", &error);
  g_autoptr(GPtrArray) title_wins = ct_wiki_lookup (f->wiki, "John Wick", &error);
  g_autoptr(GPtrArray) none = ct_wiki_lookup (f->wiki, "Caine", &error);
  CtLookup *l;

  g_assert_no_error (error);
  g_assert_cmpuint (by_title->len, ==, 1);
  l = g_ptr_array_index (by_title, 0);
  g_assert_cmpstr (l->title, ==, "Rooney");
  g_assert_cmpint (l->match, ==, CT_MATCH_TITLE);
  g_assert_cmpint (l->kind, ==, CT_ENTITY_CHARACTER);

  g_assert_cmpuint (by_alias->len, ==, 1);
  l = g_ptr_array_index (by_alias, 0);
  g_assert_cmpstr (l->title, ==, "John Wick (character)");
  g_assert_cmpint (l->match, ==, CT_MATCH_ALIAS);
  g_assert_cmpstr (l->matched, ==, "Baba Yaga");

  /* "John Wick" is the film's title and the character's alias: the title wins. */
  g_assert_cmpuint (title_wins->len, ==, 1);
  g_assert_cmpstr (((CtLookup *) title_wins->pdata[0])->title, ==, "John Wick");

  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_lookup_ambiguous_alias (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) winston = ct_wiki_get_entity (f->wiki, ct_test_id (f->wiki, "Winston"), &error);
  g_autoptr(GPtrArray) found = NULL;
  char *aliases[] = { "Winston Scott", "Parabellum", NULL };

  /* Give Winston the alias Parabellum, which the film already has. */
  g_strfreev (winston->aliases);
  winston->aliases = g_strdupv (aliases);
  g_assert_true (ct_wiki_update_entity (f->wiki, winston, &error));
  g_assert_no_error (error);

  found = ct_wiki_lookup (f->wiki, "parabellum", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (((CtLookup *) found->pdata[0])->title, ==, "John Wick: Chapter 3 – Parabellum");
  g_assert_cmpstr (((CtLookup *) found->pdata[1])->title, ==, "Winston");
}

static void
test_list_entities (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) films = ct_wiki_list_entities (f->wiki, CT_ENTITY_FILM, &error);
  g_autoptr(GPtrArray) all = ct_wiki_list_entities (f->wiki, -1, &error);
  g_autofree char *titles = NULL;

  g_assert_no_error (error);
  titles = ct_test_entity_titles (films);
  g_assert_cmpstr (titles, ==, "Ballerina; John Wick; John Wick: Chapter 3 – Parabellum");
  g_assert_cmpuint (all->len, ==, 21);
  /* by title, case-insensitively */
  for (guint i = 1; i < all->len; i++)
    {
      g_autofree char *a = g_utf8_casefold (((CtEntity *) all->pdata[i - 1])->title, -1);
      g_autofree char *b = g_utf8_casefold (((CtEntity *) all->pdata[i])->title, -1);
      g_assert_cmpstr (a, <, b);
    }
}

static char *
lookup_titles (GPtrArray *found)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      CtLookup *l = g_ptr_array_index (found, i);
      g_string_append_printf (out, "%s%s=%s", i ? "; " : "", l->matched, l->title);
    }
  return g_string_free (out, FALSE);
}

static void
test_complete (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jo = ct_wiki_complete (f->wiki, "jo", 10, &error);
  g_autoptr(GPtrArray) limited = ct_wiki_complete (f->wiki, "JO", 2, &error);
  g_autoptr(GPtrArray) alias = ct_wiki_complete (f->wiki, "eve", 10, &error);
  g_autoptr(GPtrArray) none = ct_wiki_complete (f->wiki, "zzz", 10, &error);
  g_autofree char *jo_text = NULL;
  g_autofree char *alias_text = NULL;

  g_assert_no_error (error);
  /* The character matches by its title and by its alias "John Wick":
   * offered once, by its title, which ranks first. Then a word inside a
   * title, then an alias with such a word. */
  jo_text = lookup_titles (jo);
  g_assert_cmpstr (jo_text, ==,
                   "John Wick=John Wick; John Wick (character)=John Wick (character); "
                   "John Wick: Chapter 3 – Parabellum=John Wick: Chapter 3 – Parabellum; "
                   "Rooney meets John Wick=Rooney meets John Wick; "
                   "From the World of John Wick: Ballerina=Ballerina");
  g_assert_cmpuint (limited->len, ==, 2);
  alias_text = lookup_titles (alias);
  g_assert_cmpstr (alias_text, ==, "Eve Macarro=Rooney; Keanu Reeves=Keanu Reeves");
  g_assert_cmpuint (none->len, ==, 0);
}

static char *
ranked_titles (GPtrArray *found)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const CtLookup *l = g_ptr_array_index (found, i);

      g_string_append_printf (out, "%s%u:%s", i ? "; " : "", l->rank, l->matched);
    }
  return g_string_free (out, FALSE);
}

/* Titles that start with what was typed, shortest first, then aliases
 * that do, then a word that does, then the rest. */
static void
test_complete_rank (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roo = NULL;
  g_autoptr(GPtrArray) eve = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *roo_text = NULL;
  g_autofree char *eve_text = NULL;
  const char *titles[] = { "Kangaroo court", "The Rooster", "Rooftop duel", "Rooftop" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, titles[i], &error), >, 0);
  g_assert_no_error (error);

  roo = ct_wiki_complete (f->wiki, "Roo", 0, &error);
  g_assert_no_error (error);
  roo_text = ranked_titles (roo);
  g_assert_cmpstr (roo_text, ==,
                   "0:Rooney; 0:Rooftop; 0:Rooftop duel; 0:Rooney meets John Wick; "
                   "0:Rooney's family is killed; 2:The Rooster; 3:Kangaroo court");

  /* An alias that starts with it comes after titles that do. */
  eve = ct_wiki_complete (f->wiki, "eve", 0, &error);
  g_assert_no_error (error);
  eve_text = ranked_titles (eve);
  g_assert_true (g_str_has_prefix (eve_text, "1:Eve Macarro"));

  /* Nothing typed: every name, alphabetically. */
  all = ct_wiki_complete (f->wiki, "", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (g_utf8_collate (((CtLookup *) all->pdata[0])->matched,
                                   ((CtLookup *) all->pdata[1])->matched), <, 0);
}

static void
test_complete_accents (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) accented = NULL;
  g_autoptr(GPtrArray) upper = NULL;

  g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_CHARACTER, "José Ñúñez", &error), >, 0);
  g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "Île de la Cité", &error), >, 0);
  g_assert_no_error (error);

  plain = ct_wiki_complete (f->wiki, "jose nu", 10, &error);
  accented = ct_wiki_complete (f->wiki, "JOSÉ", 10, &error);
  upper = ct_wiki_complete (f->wiki, "ILE", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plain->len, ==, 1);
  g_assert_cmpstr (((CtLookup *) plain->pdata[0])->title, ==, "José Ñúñez");
  g_assert_cmpuint (accented->len, ==, 1);
  g_assert_cmpuint (upper->len, ==, 1);
  g_assert_cmpstr (((CtLookup *) upper->pdata[0])->title, ==, "Île de la Cité");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = ct_wiki_search (f->wiki, "ruska", 10, &error);
  g_autoptr(GPtrArray) prefix = ct_wiki_search (f->wiki, "theat", 10, &error);
  g_autoptr(GPtrArray) hostile = ct_wiki_search (f->wiki, "\"AND OR NOT ( * ^ :", 10, &error);
  g_autoptr(GPtrArray) empty = ct_wiki_search (f->wiki, "   ", 10, &error);
  CtSearchHit *first;

  g_assert_no_error (error);
  /* the title match ranks first */
  g_assert_cmpuint (hits->len, >=, 3);
  first = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (first->title, ==, "Ruska Roma");
  g_assert_false (first->is_post);
  g_assert_cmpint (first->entity_id, ==, ct_test_id (f->wiki, "Ruska Roma"));
  for (guint i = 1; i < hits->len; i++)
    g_assert_cmpfloat (((CtSearchHit *) hits->pdata[i - 1])->rank, <=, ((CtSearchHit *) hits->pdata[i])->rank);

  /* prefix of a word in a summary, with the match marked in the snippet */
  g_assert_cmpuint (prefix->len, ==, 1);
  first = g_ptr_array_index (prefix, 0);
  g_assert_cmpstr (first->title, ==, "Ruska Roma");
  g_assert_nonnull (strstr (first->snippet, "\x01theatre\x02"));

  /* FTS syntax in the query is plain text, never an error */
  g_assert_cmpuint (hostile->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_search_accents (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "Café Müller", &error), >, 0);
  hits = ct_wiki_search (f->wiki, "cafe muller", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((CtSearchHit *) hits->pdata[0])->title, ==, "Café Müller");
}

static void
test_facts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (f->wiki, ct_test_id (f->wiki, "Ballerina"), &error);
  CtFact *fact;

  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, ==, 4);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpstr (fact->key, ==, "release_date");
  g_assert_cmpstr (fact->text, ==, "2025-06");
  g_assert_cmpint (fact->value_id, ==, 0);
  g_assert_cmpstr (fact->source, ==, "Preview article");
  g_assert_cmpint (fact->status, ==, CT_FACT_CONFIRMED);
  fact = g_ptr_array_index (facts, 1);
  g_assert_cmpstr (fact->key, ==, "director");
  g_assert_null (fact->text);
  g_assert_cmpint (fact->value_id, ==, ct_test_id (f->wiki, "Len Wiseman"));
  g_assert_cmpstr (fact->value_title, ==, "Len Wiseman");
  g_assert_cmpint (fact->value_kind, ==, CT_ENTITY_PERSON);
  fact = g_ptr_array_index (facts, 3);
  g_assert_cmpstr (fact->key, ==, "runtime_min");
  g_assert_cmpint (fact->status, ==, CT_FACT_RUMORED);
  g_assert_cmpint (fact->position, ==, 3);
}

static void
test_cast (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cast = ct_wiki_get_cast (f->wiki, ct_test_id (f->wiki, "Ballerina"), &error);
  GString *text = g_string_new (NULL);
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < cast->len; i++)
    {
      CtCredit *c = g_ptr_array_index (cast, i);
      g_string_append_printf (text, "%d %s %s %s|", c->billing, c->person_title,
                              c->role, c->character_title ? c->character_title : "-");
      g_assert_cmpstr (c->film_title, ==, "Ballerina");
    }
  joined = g_string_free (text, FALSE);
  /* billing order, unbilled last */
  g_assert_cmpstr (joined, ==,
                   "1 Ana de Armas cast Rooney|2 Ian McShane cast Winston|"
                   "3 Keanu Reeves cameo John Wick (character)|0 Len Wiseman director -|");
}

static void
test_scenes (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenes = ct_wiki_get_scenes (f->wiki, ct_test_id (f->wiki, "Ballerina"), &error);
  g_autoptr(GPtrArray) none = ct_wiki_get_scenes (f->wiki, ct_test_id (f->wiki, "John Wick"), &error);
  g_autofree char *titles = NULL;

  g_assert_no_error (error);
  /* by the integer `order` (2 before 10), not by its text */
  titles = ct_test_entity_titles (scenes);
  g_assert_cmpstr (titles, ==, "Opening recital; Ballet studio ambush; Village siege");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = ct_wiki_get_events (f->wiki, 0, &error);
  g_autoptr(GPtrArray) ballerina = ct_wiki_get_events (f->wiki, ct_test_id (f->wiki, "Ballerina"), &error);
  g_autoptr(GPtrArray) wick = ct_wiki_get_events (f->wiki, ct_test_id (f->wiki, "John Wick (character)"), &error);
  g_autofree char *all_titles = NULL;
  g_autofree char *ballerina_titles = NULL;
  g_autofree char *wick_titles = NULL;

  g_assert_no_error (error);
  /* chrono is a number: -20 < 0 < 3.5 */
  all_titles = ct_test_entity_titles (all);
  g_assert_cmpstr (all_titles, ==, "Rooney's family is killed; Death of Helen Wick; Rooney meets John Wick");
  /* tied to the film directly, or through a scene of it */
  ballerina_titles = ct_test_entity_titles (ballerina);
  g_assert_cmpstr (ballerina_titles, ==, "Rooney's family is killed; Rooney meets John Wick");
  wick_titles = ct_test_entity_titles (wick);
  g_assert_cmpstr (wick_titles, ==, "Rooney meets John Wick");
}

static char *
appearance_text (GPtrArray *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      CtAppearance *a = g_ptr_array_index (list, i);
      if (a->detail != NULL)
        g_string_append_printf (out, "%s%s (%s: %s)", i ? "; " : "", a->title, a->film_title, a->detail);
      else
        g_string_append_printf (out, "%s%s (%s)", i ? "; " : "", a->title, a->film_title);
    }
  return g_string_free (out, FALSE);
}

static void
test_appearances (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rooney = ct_wiki_get_appearances (f->wiki, ct_test_id (f->wiki, "Rooney"), &error);
  g_autoptr(GPtrArray) keanu = ct_wiki_get_appearances (f->wiki, ct_test_id (f->wiki, "Keanu Reeves"), &error);
  g_autoptr(GPtrArray) prague = ct_wiki_get_appearances (f->wiki, ct_test_id (f->wiki, "Prague"), &error);
  g_autoptr(GPtrArray) len = ct_wiki_get_appearances (f->wiki, ct_test_id (f->wiki, "Len Wiseman"), &error);
  g_autofree char *rooney_text = NULL;
  g_autofree char *keanu_text = NULL;
  g_autofree char *prague_text = NULL;
  g_autofree char *len_text = NULL;

  g_assert_no_error (error);
  rooney_text = appearance_text (rooney);
  g_assert_cmpstr (rooney_text, ==,
                   "Ballerina (Ballerina: played by Ana de Armas); "
                   "Ballet studio ambush (Ballerina); "
                   "Village siege (Ballerina)");
  /* films in release order */
  keanu_text = appearance_text (keanu);
  g_assert_cmpstr (keanu_text, ==,
                   "John Wick (John Wick: as John Wick (character)); "
                   "Ballerina (Ballerina: Cameo as John Wick (character))");
  prague_text = appearance_text (prague);
  g_assert_cmpstr (prague_text, ==, "Ballet studio ambush (Ballerina: Location)");
  /* the director credit and the director fact are one appearance */
  len_text = appearance_text (len);
  g_assert_cmpstr (len_text, ==, "Ballerina (Ballerina: Director)");
}

static void
test_backlinks (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) len = ct_wiki_get_backlinks (f->wiki, ct_test_id (f->wiki, "Len Wiseman"), &error);
  g_autoptr(GPtrArray) ruska = ct_wiki_get_backlinks (f->wiki, ct_test_id (f->wiki, "Ruska Roma"), &error);
  CtBacklink *link;

  g_assert_no_error (error);
  /* Ballerina mentions him in its notes (line 1) and links him as director */
  g_assert_cmpuint (len->len, ==, 1);
  link = g_ptr_array_index (len, 0);
  g_assert_false (link->is_post);
  g_assert_cmpstr (link->title, ==, "Ballerina");
  g_assert_cmpint (link->entity_id, ==, ct_test_id (f->wiki, "Ballerina"));
  g_assert_cmpuint (link->line, ==, 1);

  /* Rooney mentions and links it; Wick's character only links it (line 0) */
  g_assert_cmpuint (ruska->len, ==, 2);
  link = g_ptr_array_index (ruska, 0);
  g_assert_cmpstr (link->title, ==, "John Wick (character)");
  g_assert_cmpuint (link->line, ==, 0);
  link = g_ptr_array_index (ruska, 1);
  g_assert_cmpstr (link->title, ==, "Rooney");
  g_assert_cmpuint (link->line, ==, 1);
}

static void
test_known_keys (void)
{
  const char * const *film = ct_wiki_known_keys (CT_ENTITY_FILM);
  const char * const *event = ct_wiki_known_keys (CT_ENTITY_EVENT);

  g_assert_true (g_strv_contains (film, "release_date"));
  g_assert_true (g_strv_contains (film, "director"));
  g_assert_true (g_strv_contains (film, "set_after"));
  g_assert_false (g_strv_contains (film, "chrono"));
  g_assert_true (g_strv_contains (event, "chrono"));
  g_assert_true (g_strv_contains (ct_wiki_known_keys (CT_ENTITY_SCENE), "order"));
  {
    g_autofree char *known = ct_fact_key_label (CT_ENTITY_FILM, "release_date");
    g_autofree char *own = ct_fact_key_label (CT_ENTITY_FILM, "box_office");
    g_autofree char *dashed = ct_fact_key_label (CT_ENTITY_CHARACTER, "fighting-style");
    g_autofree char *empty = ct_fact_key_label (CT_ENTITY_FILM, "");
    g_autofree char *accented = ct_fact_key_label (CT_ENTITY_PERSON, "école_name");

    g_assert_cmpstr (known, ==, "Release date");
    /* the user's own keys are made readable, not translated */
    g_assert_cmpstr (own, ==, "Box office");
    g_assert_cmpstr (dashed, ==, "Fighting style");
    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (accented, ==, "École name");
  }
}

static void
test_records (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) rooney = ct_wiki_get_entity (f->wiki, ct_test_id (f->wiki, "Rooney"), &error);
  g_autoptr(CtEntity) copy = ct_entity_copy (rooney);
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (f->wiki, rooney->id, &error);
  g_autoptr(GPtrArray) cast = ct_wiki_get_cast (f->wiki, ct_test_id (f->wiki, "Ballerina"), &error);
  g_autoptr(CtFact) fact = ct_fact_copy (g_ptr_array_index (facts, 2));
  g_autoptr(CtCredit) credit = ct_credit_copy (g_ptr_array_index (cast, 0));
  CtEntityKind kind;
  CtFactStatus status;

  g_assert_no_error (error);
  /* deep copies: equal values, separate strings */
  g_assert_cmpint (copy->id, ==, rooney->id);
  g_assert_cmpstr (copy->title, ==, rooney->title);
  g_assert_true (copy->title != rooney->title);
  g_assert_cmpstrv (copy->aliases, rooney->aliases);
  g_assert_cmpstr (fact->key, ==, "fate");
  g_assert_cmpstr (fact->text, ==, "alive");
  g_assert_true (fact->spoiler);
  g_assert_cmpstr (credit->character_title, ==, "Rooney");
  g_assert_cmpstr (credit->role, ==, "cast");

  for (int k = 0; k < CT_N_ENTITY_KINDS; k++)
    {
      g_assert_true (ct_entity_kind_from_string (ct_entity_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_false (ct_entity_kind_from_string ("movie", &kind));
  g_assert_true (ct_fact_status_from_string ("rumored", &status));
  g_assert_cmpint (status, ==, CT_FACT_RUMORED);
  g_assert_cmpstr (ct_fact_status_to_string (CT_FACT_DISPUTED), ==, "disputed");
  g_assert_false (ct_fact_status_from_string ("Confirmed", &status));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wiki/query/entity", test_get_entity);
  ADD ("/wiki/query/records", test_records);
  ADD ("/wiki/query/lookup", test_lookup);
  ADD ("/wiki/query/lookup-ambiguous-alias", test_lookup_ambiguous_alias);
  ADD ("/wiki/query/list", test_list_entities);
  ADD ("/wiki/query/complete", test_complete);
  ADD ("/wiki/query/complete-accents", test_complete_accents);
  ADD ("/wiki/query/complete-rank", test_complete_rank);
  ADD ("/wiki/query/search", test_search);
  ADD ("/wiki/query/search-accents", test_search_accents);
  ADD ("/wiki/query/facts", test_facts);
  ADD ("/wiki/query/cast", test_cast);
  ADD ("/wiki/query/scenes", test_scenes);
  ADD ("/wiki/query/events", test_events);
  ADD ("/wiki/query/appearances", test_appearances);
  ADD ("/wiki/query/backlinks", test_backlinks);
#undef ADD
  g_test_add_func ("/wiki/query/known-keys", test_known_keys);

  return g_test_run ();
}
