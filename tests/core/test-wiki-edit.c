/* Changing the wiki: entities, titles and slugs, facts and their
 * validation, credits, rename and delete. */
#include "config.h"

#include <string.h>

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
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = NULL;
  gint64 id = ct_wiki_create_entity (f->wiki, CT_ENTITY_ORGANIZATION, "  High Table  ", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  entity = ct_wiki_get_entity (f->wiki, id, &error);
  g_assert_cmpstr (entity->title, ==, "High Table");
  g_assert_cmpstr (entity->slug, ==, "high-table");
  g_assert_cmpint (entity->kind, ==, CT_ENTITY_ORGANIZATION);
  g_assert_null (entity->summary);
  g_assert_nonnull (entity->aliases);
  g_assert_cmpuint (g_strv_length (entity->aliases), ==, 0);
}

static void
test_title_unique (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  /* unique case-insensitively, beyond ASCII too */
  g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_CHARACTER, "ROONEY", &error), ==, 0);
  g_assert_error (error, CT_ERROR, CT_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==,
                   "There is already a character titled “Rooney”. Titles are unique; tell them apart "
                   "the way Wikipedia does, e.g. “Rooney (character)”.");
  g_clear_error (&error);

  g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "Ærø", &error), >, 0);
  g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "æRØ", &error), ==, 0);
  g_assert_error (error, CT_ERROR, CT_ERROR_EXISTS);
  g_clear_error (&error);

  /* Only the first was added: a failed call changes nothing. */
  all = ct_wiki_list_entities (f->wiki, CT_ENTITY_LOCATION, &error);
  g_assert_cmpuint (all->len, ==, 3);
}

static void
test_bad_titles (Fixture       *f,
                 gconstpointer  data)
{
  const char *bad[] = { "", "   ", "Rooney|the ballerina", "[[x]]", "{{cast: x}}", "line\nbreak", "tab\tbed" };
  g_autofree char *long_title = g_strnfill (501, 'x');

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_FILM, bad[i], &error), ==, 0);
      g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;
    g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_FILM, long_title, &error), ==, 0);
    g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_FILM, "bad \xff utf8", &error), ==, 0);
    g_assert_error (error, CT_ERROR, CT_ERROR_ENCODING);
  }
}

static gboolean
slug_is_safe (const char *slug)
{
  static const char * const reserved[] = { "con", "prn", "aux", "nul", "com1", "lpt1", NULL };

  if (slug == NULL || *slug == '\0' || strlen (slug) > 80 || slug[0] == '-')
    return FALSE;
  for (const char *p = slug; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return !g_strv_contains (reserved, slug) && strstr (slug, "--") == NULL;
}

static void
test_hostile_slugs (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *long_title = g_strnfill (300, 'a');
  g_autofree char *long_title2 = g_strconcat (long_title, "b", NULL);
  const char *titles[] = {
    "<script>alert(1)</script>", "../../x", "..", ".", "CON", "con (film)", "NUL", "com1", "LPT1",
    "/etc/passwd", "C:\\Windows", "🎬🔫", "💃", "جون ويك", "ג'ון וויק", "ジョン・ウィック",
    "Crème brûlée", "  x  ", "x!", "x?", long_title, long_title2, "Ünïcödé Straße",
  };
  g_autoptr(GHashTable) slugs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) entities = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = ct_wiki_create_entity (f->wiki, CT_ENTITY_FILM, titles[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
    }

  entities = ct_wiki_list_entities (f->wiki, CT_ENTITY_FILM, NULL);
  for (guint i = 0; i < entities->len; i++)
    {
      CtEntity *e = g_ptr_array_index (entities, i);

      if (!slug_is_safe (e->slug))
        g_error ("unsafe slug “%s” for “%s”", e->slug, e->title);
      g_assert_true (g_hash_table_add (slugs, e->slug));
    }
  g_assert_cmpuint (g_hash_table_size (slugs), ==, entities->len);

  {
    g_autoptr(CtEntity) script = ct_wiki_get_entity (f->wiki, ct_test_id (f->wiki, "<script>alert(1)</script>"), NULL);
    g_autoptr(CtEntity) con = ct_wiki_get_entity (f->wiki, ct_test_id (f->wiki, "CON"), NULL);
    g_autoptr(CtEntity) brulee = ct_wiki_get_entity (f->wiki, ct_test_id (f->wiki, "Crème brûlée"), NULL);
    g_autoptr(CtEntity) dots = ct_wiki_get_entity (f->wiki, ct_test_id (f->wiki, "../../x"), NULL);

    g_assert_cmpstr (script->slug, ==, "script-alert-1-script");
    g_assert_cmpstr (con->slug, ==, "con-film");
    g_assert_cmpstr (brulee->slug, ==, "creme-brulee");
    g_assert_cmpstr (dots->slug, ==, "x");
  }
}

static void
test_update_and_aliases (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ct_test_id (f->wiki, "Winston");
  g_autoptr(CtEntity) winston = ct_wiki_get_entity (f->wiki, id, &error);
  g_autoptr(CtEntity) again = NULL;
  char *aliases[] = { "The Manager", "winston", "the manager", " Winston Scott ", NULL };

  g_free (winston->summary);
  winston->summary = g_strdup ("Manager of the New York Continental.");
  winston->spoiler = TRUE;
  g_strfreev (winston->aliases);
  winston->aliases = g_strdupv (aliases);
  g_assert_true (ct_wiki_update_entity (f->wiki, winston, &error));
  g_assert_no_error (error);

  again = ct_wiki_get_entity (f->wiki, id, &error);
  g_assert_cmpstr (again->summary, ==, "Manager of the New York Continental.");
  g_assert_true (again->spoiler);
  /* the title and repeated aliases are dropped, order kept, blanks trimmed */
  g_assert_cmpuint (g_strv_length (again->aliases), ==, 2);
  g_assert_cmpstr (again->aliases[0], ==, "The Manager");
  g_assert_cmpstr (again->aliases[1], ==, "Winston Scott");
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 len_id = ct_test_id (f->wiki, "Len Wiseman");
  gint64 ballerina = ct_test_id (f->wiki, "Ballerina");
  g_autoptr(CtEntity) len = ct_wiki_get_entity (f->wiki, len_id, &error);
  g_autoptr(CtEntity) film = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) cast = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) backlinks = NULL;

  g_free (len->title);
  len->title = g_strdup ("Leonard Wiseman");
  g_assert_true (ct_wiki_update_entity (f->wiki, len, &error));
  g_assert_no_error (error);

  /* the slug follows the title */
  g_clear_pointer (&len, ct_entity_free);
  len = ct_wiki_get_entity (f->wiki, len_id, &error);
  g_assert_cmpstr (len->slug, ==, "leonard-wiseman");

  /* facts and credits link by id */
  facts = ct_wiki_get_facts (f->wiki, ballerina, &error);
  g_assert_cmpstr (((CtFact *) facts->pdata[1])->value_title, ==, "Leonard Wiseman");
  cast = ct_wiki_get_cast (f->wiki, ballerina, &error);
  g_assert_cmpstr (((CtCredit *) cast->pdata[3])->person_title, ==, "Leonard Wiseman");

  /* notes of other entities are rewritten, the rest of the text kept */
  film = ct_wiki_get_entity (f->wiki, ballerina, &error);
  g_assert_cmpstr (film->notes, ==,
                   "Directed by [[Leonard Wiseman]]. Set between "
                   "[[John Wick: Chapter 3 – Parabellum|Chapter 3]] and Chapter 4.");
  backlinks = ct_wiki_get_backlinks (f->wiki, len_id, &error);
  g_assert_cmpuint (backlinks->len, ==, 1);
  g_assert_cmpuint (((CtBacklink *) backlinks->pdata[0])->line, ==, 1);

  /* the old title is free and no longer resolves */
  old = ct_wiki_lookup (f->wiki, "Len Wiseman", &error);
  g_assert_cmpuint (old->len, ==, 0);

  /* a rename onto another entity's title is refused */
  g_free (len->title);
  len->title = g_strdup ("keanu reeves");
  g_assert_false (ct_wiki_update_entity (f->wiki, len, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_EXISTS);
}

static void
test_rename_case_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ct_test_id (f->wiki, "Prague");
  g_autoptr(CtEntity) prague = ct_wiki_get_entity (f->wiki, id, &error);
  g_autoptr(CtEntity) again = NULL;

  g_autoptr(CtEntity) ruska = ct_wiki_get_entity (f->wiki, ct_test_id (f->wiki, "Ruska Roma"), &error);
  g_autoptr(CtEntity) rooney = NULL;

  g_free (prague->title);
  prague->title = g_strdup ("PRAGUE");
  g_assert_true (ct_wiki_update_entity (f->wiki, prague, &error));
  g_assert_no_error (error);
  again = ct_wiki_get_entity (f->wiki, id, &error);
  g_assert_cmpstr (again->title, ==, "PRAGUE");
  g_assert_cmpstr (again->slug, ==, "prague");

  /* [[Ruska Roma]] still matches "RUSKA ROMA": the notes are not rewritten */
  g_free (ruska->title);
  ruska->title = g_strdup ("RUSKA ROMA");
  g_assert_true (ct_wiki_update_entity (f->wiki, ruska, &error));
  rooney = ct_wiki_get_entity (f->wiki, ct_test_id (f->wiki, "Rooney"), &error);
  g_assert_cmpstr (rooney->notes, ==, "Trained by the [[Ruska Roma]]; crosses paths with [[John Wick (character)]].");
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 rooney = ct_test_id (f->wiki, "Rooney");
  gint64 ballerina = ct_test_id (f->wiki, "Ballerina");
  gint64 ambush = ct_test_id (f->wiki, "Ballet studio ambush");
  g_autofree char *description = ct_wiki_describe_delete (f->wiki, rooney, &error);
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) cast = NULL;
  g_autoptr(CtEntity) gone = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (description, ==,
                   "Deleting “Rooney” removes it, its 3 facts, 1 alias and 0 credits. "
                   "1 credit keeps its person but loses the character. "
                   "4 facts of other entities link to it and will keep “Rooney” as plain text.");

  g_assert_true (ct_wiki_delete_entity (f->wiki, rooney, &error));
  g_assert_no_error (error);

  gone = ct_wiki_get_entity (f->wiki, rooney, &error);
  g_assert_null (gone);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  names = ct_wiki_lookup (f->wiki, "Eve Macarro", &error);
  g_assert_cmpuint (names->len, ==, 0);

  /* the scene's link became text */
  facts = ct_wiki_get_facts (f->wiki, ambush, &error);
  g_assert_cmpstr (((CtFact *) facts->pdata[3])->key, ==, "characters");
  g_assert_cmpstr (((CtFact *) facts->pdata[3])->text, ==, "Rooney");
  g_assert_cmpint (((CtFact *) facts->pdata[3])->value_id, ==, 0);

  /* Ana de Armas is still in the cast, without a character */
  cast = ct_wiki_get_cast (f->wiki, ballerina, &error);
  g_assert_cmpuint (cast->len, ==, 4);
  g_assert_cmpstr (((CtCredit *) cast->pdata[0])->person_title, ==, "Ana de Armas");
  g_assert_cmpint (((CtCredit *) cast->pdata[0])->character_id, ==, 0);
  g_assert_null (((CtCredit *) cast->pdata[0])->character_title);
}

static void
test_delete_film (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 film = ct_test_id (f->wiki, "John Wick");
  g_autofree char *description = ct_wiki_describe_delete (f->wiki, film, &error);
  g_autoptr(GPtrArray) keanu = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (description, ==,
                   "Deleting “John Wick” removes it, its 2 facts, 0 aliases and 2 credits. "
                   "2 facts of other entities link to it and will keep “John Wick” as plain text.");
  g_assert_true (ct_wiki_delete_entity (f->wiki, film, &error));
  keanu = ct_wiki_get_appearances (f->wiki, ct_test_id (f->wiki, "Keanu Reeves"), &error);
  g_assert_cmpuint (keanu->len, ==, 1);
  g_assert_cmpstr (((CtAppearance *) keanu->pdata[0])->title, ==, "Ballerina");
}

static CtFact *
text_fact (const char *key,
           const char *text)
{
  CtFact *fact = g_new0 (CtFact, 1);

  fact->key = g_strdup (key);
  fact->text = g_strdup (text);
  return fact;
}

static CtFact *
link_fact (const char *key,
           gint64      id)
{
  CtFact *fact = g_new0 (CtFact, 1);

  fact->key = g_strdup (key);
  fact->value_id = id;
  return fact;
}

static void
expect_invalid (Fixture    *f,
                const char *title,
                CtFact     *fact,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_fact_free);
  gint64 id = ct_test_id (f->wiki, title);
  g_autoptr(GPtrArray) before = ct_wiki_get_facts (f->wiki, id, NULL);
  g_autoptr(GPtrArray) after = NULL;

  g_ptr_array_add (facts, fact);
  g_assert_false (ct_wiki_set_facts (f->wiki, id, facts, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  /* nothing changed */
  after = ct_wiki_get_facts (f->wiki, id, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
}

static void
test_fact_validation (Fixture       *f,
                      gconstpointer  data)
{
  expect_invalid (f, "Ballerina", link_fact ("director", ct_test_id (f->wiki, "Ruska Roma")),
                  "Ballerina: director must be a person, but \"Ruska Roma\" is an organization");
  expect_invalid (f, "Ballerina", text_fact ("director", "Len Wiseman"),
                  "Ballerina: director must be a link to a person, not the text \"Len Wiseman\"");
  expect_invalid (f, "Ballerina", text_fact ("release_date", "June 2025"),
                  "Ballerina: release_date must be a date like 2025-06-06, 2025-06 or 2025, not \"June 2025\"");
  expect_invalid (f, "Ballerina", text_fact ("release_date", "2025-02-30"),
                  "Ballerina: release_date must be a date like 2025-06-06, 2025-06 or 2025, not \"2025-02-30\"");
  expect_invalid (f, "Ballerina", text_fact ("runtime_min", "two hours"),
                  "Ballerina: runtime_min must be a whole number, not \"two hours\"");
  expect_invalid (f, "Ballerina", link_fact ("release_date", ct_test_id (f->wiki, "Prague")),
                  "Ballerina: release_date must be a value, not a link to \"Prague\"");
  expect_invalid (f, "Ballet studio ambush", text_fact ("order", "first"),
                  "Ballet studio ambush: order must be a whole number, not \"first\"");
  expect_invalid (f, "Rooney's family is killed", text_fact ("chrono", "early"),
                  "Rooney's family is killed: chrono must be a number, not \"early\"");
  expect_invalid (f, "Rooney", text_fact ("fate", "missing"),
                  "Rooney: fate must be one of alive, deceased, unknown, not \"missing\"");
  expect_invalid (f, "Rooney", text_fact ("affiliation", ""),
                  "Rooney: affiliation has no value");
  expect_invalid (f, "Rooney", text_fact ("a|b", "x"),
                  "Rooney: “a|b” is not a usable fact key (use letters, digits and _; no | { } [ ])");
}

static void
test_fact_single_value (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_fact_free);
  gint64 film = ct_test_id (f->wiki, "Ballerina");

  /* director is a list; set_after is one film */
  g_ptr_array_add (facts, link_fact ("director", ct_test_id (f->wiki, "Len Wiseman")));
  g_ptr_array_add (facts, link_fact ("director", ct_test_id (f->wiki, "Chad Stahelski")));
  g_assert_true (ct_wiki_set_facts (f->wiki, film, facts, &error));
  g_assert_no_error (error);

  g_ptr_array_add (facts, link_fact ("set_after", ct_test_id (f->wiki, "John Wick")));
  g_ptr_array_add (facts, link_fact ("set_after", ct_test_id (f->wiki, "John Wick")));
  g_assert_false (ct_wiki_set_facts (f->wiki, film, facts, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Ballerina: set_after can have only one value");
}

static void
test_set_facts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_fact_free);
  g_autoptr(GPtrArray) stored = NULL;
  gint64 person = ct_test_id (f->wiki, "Keanu Reeves");
  CtFact *fact;

  fact = text_fact ("born", "1964-09-02");
  fact->status = CT_FACT_CONFIRMED;
  fact->source = g_strdup ("https://example.org/keanu");
  g_ptr_array_add (facts, fact);
  fact = text_fact ("nationality", "Canadian");
  fact->status = CT_FACT_DISPUTED;
  fact->spoiler = TRUE;
  g_ptr_array_add (facts, fact);
  /* unknown keys are free text and may link to anything */
  g_ptr_array_add (facts, link_fact ("favourite_place", ct_test_id (f->wiki, "Prague")));
  g_assert_true (ct_wiki_set_facts (f->wiki, person, facts, &error));
  g_assert_no_error (error);

  stored = ct_wiki_get_facts (f->wiki, person, &error);
  g_assert_cmpuint (stored->len, ==, 3);
  fact = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (fact->text, ==, "1964-09-02");
  g_assert_cmpstr (fact->source, ==, "https://example.org/keanu");
  fact = g_ptr_array_index (stored, 1);
  g_assert_cmpint (fact->status, ==, CT_FACT_DISPUTED);
  g_assert_true (fact->spoiler);
  fact = g_ptr_array_index (stored, 2);
  g_assert_cmpstr (fact->value_title, ==, "Prague");
  g_assert_cmpint (fact->value_kind, ==, CT_ENTITY_LOCATION);
}

static void
test_credits (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CtCredit credit = { 0 };
  g_autoptr(GPtrArray) cast = NULL;
  gint64 id, again;

  credit.film_id = ct_test_id (f->wiki, "John Wick");
  credit.person_id = ct_test_id (f->wiki, "Ian McShane");
  credit.character_id = ct_test_id (f->wiki, "Winston");
  credit.role = "cast";
  credit.billing = 2;
  credit.status = CT_FACT_RUMORED;
  id = ct_wiki_add_credit (f->wiki, &credit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* the same credit again updates it */
  credit.status = CT_FACT_CONFIRMED;
  credit.source = "Press kit";
  again = ct_wiki_add_credit (f->wiki, &credit, &error);
  g_assert_cmpint (again, ==, id);
  cast = ct_wiki_get_cast (f->wiki, credit.film_id, &error);
  g_assert_cmpuint (cast->len, ==, 3);
  g_assert_cmpstr (((CtCredit *) cast->pdata[1])->person_title, ==, "Ian McShane");
  g_assert_cmpint (((CtCredit *) cast->pdata[1])->status, ==, CT_FACT_CONFIRMED);
  g_assert_cmpstr (((CtCredit *) cast->pdata[1])->source, ==, "Press kit");

  /* kinds are checked */
  credit.person_id = ct_test_id (f->wiki, "Ruska Roma");
  g_assert_cmpint (ct_wiki_add_credit (f->wiki, &credit, &error), ==, 0);
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "John Wick: the person of a credit must be a person, but “Ruska Roma” is an organization");
  g_clear_error (&error);

  g_assert_true (ct_wiki_remove_credit (f->wiki, id, &error));
  g_assert_false (ct_wiki_remove_credit (f->wiki, id, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wiki/entity/create", test_create);
  ADD ("/wiki/entity/title-unique", test_title_unique);
  ADD ("/wiki/entity/bad-titles", test_bad_titles);
  ADD ("/wiki/entity/hostile-slugs", test_hostile_slugs);
  ADD ("/wiki/entity/update-aliases", test_update_and_aliases);
  ADD ("/wiki/entity/rename", test_rename);
  ADD ("/wiki/entity/rename-case-only", test_rename_case_only);
  ADD ("/wiki/entity/delete", test_delete);
  ADD ("/wiki/entity/delete-film", test_delete_film);
  ADD ("/wiki/fact/validation", test_fact_validation);
  ADD ("/wiki/fact/single-value", test_fact_single_value);
  ADD ("/wiki/fact/set", test_set_facts);
  ADD ("/wiki/credit/add-remove", test_credits);
#undef ADD

  return g_test_run ();
}
