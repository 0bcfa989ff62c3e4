/* The whole-wiki forms of the per-entity queries (ct_wiki_get_all_backlinks,
 * ct_wiki_list_with_*, ct_wiki_list_fact_texts, ct_wiki_answers_*) and the site's lists of
 * posts must answer exactly what asking each entity (or
 * ct_wiki_list_posts) would: the static site uses them in their place,
 * and its pages must not change. Every entity of a wiki
 * with posts, notes, facts, credits, scenes and events is asked both
 * ways. */
#include "config.h"

#include <string.h>

#include "ct-test-wiki.h"

typedef struct {
  char   *folder;
  CtWiki *wiki;
} Fixture;

static void
write_post (const char *folder,
            const char *name,
            const char *text)
{
  g_autofree char *posts = g_build_filename (folder, "posts", NULL);
  g_autofree char *path = g_build_filename (posts, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (posts, 0755), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
set_notes (CtWiki     *wiki,
           const char *title,
           const char *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (wiki, ct_test_id (wiki, title), &error);

  g_assert_no_error (error);
  g_free (entity->notes);
  entity->notes = g_strdup (notes);
  g_assert_true (ct_wiki_update_entity (wiki, entity, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 lonely;

  f->wiki = ct_test_wiki_fixture (&f->folder);
  /* mentions from notes (twice in one, by a name and again later), one
   * of an entity by itself, and an entity nothing mentions */
  set_notes (f->wiki, "Ballerina", "Starring [[Rooney]].\n\nLater [[Rooney]] again, and [[Winston]].");
  set_notes (f->wiki, "Winston", "[[Winston]] mentions himself; [[John Wick]] too.");
  lonely = ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "Nowhere", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lonely, >, 0);

  /* posts, a draft among them, two mentioning the same entity, one by a
   * name that resolves to nothing */
  write_post (f->folder, "a.md", "---\ntitle: Zed\ntags: [one, two]\ndate: 2024-01-02\n---\n[[Rooney]] and [[Ballerina]].\n\n[[Rooney]].\n");
  write_post (f->folder, "b.md", "---\ntitle: Alpha\n---\nAbout [[Winston]] and [[Rooney]].\n");
  write_post (f->folder, "c.md", "---\ntitle: Alpha\n---\nAlso [[Winston]]; [[Nobody Yet]].\n");
  write_post (f->folder, "d.md", "---\ntitle: Draft\ndraft: true\n---\n[[John Wick]]\n");
  g_assert_true (ct_wiki_index_posts (f->wiki, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->wiki);
  ct_test_rmtree (f->folder);
  g_free (f->folder);
}

static GPtrArray *
all_entities (CtWiki *wiki)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entities = ct_wiki_list_entities (wiki, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entities->len, >, 20);
  return entities;
}

/* A backlink as one line, everything but the context. */
static char *
describe (const CtBacklink *link)
{
  return g_strdup_printf ("%d|%s|%" G_GINT64_FORMAT "|%s|%u", link->is_post, link->path ? link->path : "-",
                          link->entity_id, link->title, link->line);
}

static void
test_backlinks (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = all_entities (f->wiki);
  g_autoptr(GHashTable) all = ct_wiki_get_all_backlinks (f->wiki, &error);
  guint with_posts = 0;
  guint listed = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entities->len; i++)
    {
      CtEntity *entity = g_ptr_array_index (entities, i);
      g_autoptr(GPtrArray) one = ct_wiki_get_backlinks (f->wiki, entity->id, &error);
      GPtrArray *batch = g_hash_table_lookup (all, &entity->id);

      g_assert_no_error (error);
      if (one->len == 0)
        {
          g_assert_null (batch);
          continue;
        }
      g_assert_nonnull (batch);
      listed++;
      g_assert_cmpuint (batch->len, ==, one->len);
      for (guint j = 0; j < one->len; j++)
        {
          g_autofree char *expected = describe (g_ptr_array_index (one, j));
          g_autofree char *got = describe (g_ptr_array_index (batch, j));
          CtBacklink *link = g_ptr_array_index (batch, j);

          g_assert_cmpstr (got, ==, expected);
          g_assert_null (link->context);
          if (link->is_post)
            with_posts++;
        }
    }
  /* the table holds no entity the single query has nothing for */
  g_assert_cmpuint (g_hash_table_size (all), ==, listed);
  /* the wiki really has post and entity backlinks to compare */
  g_assert_cmpuint (with_posts, >=, 5);
  g_assert_cmpuint (listed, >=, 5);
}

typedef GHashTable *(*ListFunc) (CtWiki *, GError **);
typedef GPtrArray *(*GetFunc) (CtWiki *, gint64, GError **);

static void
check_set (CtWiki    *wiki,
           GPtrArray *entities,
           ListFunc   list,
           GetFunc    get,
           guint      min_members)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) set = list (wiki, &error);
  guint members = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entities->len; i++)
    {
      CtEntity *entity = g_ptr_array_index (entities, i);
      g_autoptr(GPtrArray) rows = get (wiki, entity->id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (g_hash_table_contains (set, &entity->id), ==, rows->len > 0);
      members += rows->len > 0;
    }
  /* no ids besides the wiki's entities' */
  g_assert_cmpuint (g_hash_table_size (set), ==, members);
  g_assert_cmpuint (members, >=, min_members);
}

static void
test_sets (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) entities = all_entities (f->wiki);

  check_set (f->wiki, entities, ct_wiki_list_with_cast, ct_wiki_get_cast, 1);
  check_set (f->wiki, entities, ct_wiki_list_with_scenes, ct_wiki_get_scenes, 1);
  check_set (f->wiki, entities, ct_wiki_list_with_events, ct_wiki_get_events, 2);
  check_set (f->wiki, entities, ct_wiki_list_with_appearances, ct_wiki_get_appearances, 3);
}

static void
test_fact_texts (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = all_entities (f->wiki);
  g_autoptr(GHashTable) texts = ct_wiki_list_fact_texts (f->wiki, "release_date", &error);
  guint found = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entities->len; i++)
    {
      CtEntity *entity = g_ptr_array_index (entities, i);
      g_autoptr(GPtrArray) facts = ct_wiki_get_facts (f->wiki, entity->id, &error);
      const char *expected = NULL;

      g_assert_no_error (error);
      for (guint j = 0; j < facts->len && expected == NULL; j++)
        {
          CtFact *fact = g_ptr_array_index (facts, j);
          if (g_str_equal (fact->key, "release_date") && fact->text != NULL)
            expected = fact->text;
        }
      g_assert_cmpstr (g_hash_table_lookup (texts, &entity->id), ==, expected);
      found += expected != NULL;
    }
  g_assert_cmpuint (g_hash_table_size (texts), ==, found);
  g_assert_cmpuint (found, >=, 2);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  const CtEntity *ea = *(CtEntity * const *) a;
  const CtEntity *eb = *(CtEntity * const *) b;

  return ea->id < eb->id ? -1 : ea->id > eb->id;
}

/* The names-only listing (mentions, spelling) has every entity with the
 * same id, kind, title, spoiler flag and aliases, and no notes. */
static void
test_entity_names (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) whole = ct_wiki_list_entities (f->wiki, -1, &error);
  g_autoptr(GPtrArray) names = ct_wiki_list_entity_names (f->wiki, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, whole->len);
  g_ptr_array_sort (whole, compare_ids);
  g_ptr_array_sort (names, compare_ids);
  for (guint i = 0; i < whole->len; i++)
    {
      const CtEntity *a = g_ptr_array_index (whole, i);
      const CtEntity *b = g_ptr_array_index (names, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpint (a->spoiler, ==, b->spoiler);
      g_assert_true (g_strv_equal ((const char * const *) a->aliases, (const char * const *) b->aliases));
      g_assert_null (b->notes);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every post in the same order with the same fields, the count of names
 * that resolve to nothing aside. */
static void
test_posts_uncounted (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = ct_wiki_list_posts (f->wiki, &error);
  g_autoptr(GPtrArray) uncounted = NULL;
  guint unresolved = 0;
  guint tagged = 0;

  g_assert_no_error (error);
  uncounted = ct_wiki_list_posts_uncounted (f->wiki, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 4);
  g_assert_cmpuint (uncounted->len, ==, posts->len);
  for (guint i = 0; i < posts->len; i++)
    {
      CtPost *a = g_ptr_array_index (posts, i);
      CtPost *b = g_ptr_array_index (uncounted, i);
      g_autofree char *tags_a = g_strjoinv ("|", a->tags);
      g_autofree char *tags_b = g_strjoinv ("|", b->tags);

      g_assert_cmpstr (a->path, ==, b->path);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->date, ==, b->date);
      g_assert_cmpstr (tags_a, ==, tags_b);
      g_assert_cmpint (a->draft, ==, b->draft);
      g_assert_cmpint (a->spoilers, ==, b->spoilers);
      g_assert_cmpuint (b->unresolved, ==, 0);
      unresolved += a->unresolved;
      tagged += a->tags[0] != NULL;
    }
  /* c.md's [[Nobody Yet]]: the count the other list leaves out */
  g_assert_cmpuint (unresolved, >=, 1);
  g_assert_cmpuint (tagged, ==, 1);

  /* the paths alone, with and without drafts, sorted */
  for (int drafts = 0; drafts <= 1; drafts++)
    {
      g_autoptr(GPtrArray) paths = ct_wiki_list_post_paths (f->wiki, drafts, &error);
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();

      g_assert_no_error (error);
      for (guint i = 0; i < posts->len; i++)
        {
          CtPost *post = g_ptr_array_index (posts, i);
          if (drafts || !post->draft)
            g_ptr_array_add (expected, post->path);
        }
      g_ptr_array_sort (expected, compare_paths);
      g_assert_cmpuint (paths->len, ==, expected->len);
      g_assert_cmpuint (paths->len, ==, drafts ? 4 : 3);
      for (guint i = 0; i < paths->len; i++)
        g_assert_cmpstr (g_ptr_array_index (paths, i), ==, g_ptr_array_index (expected, i));
    }
}

/* ---- the answers a site's workers share (ct_wiki_answers_*) ---- */

static void
set_aliases (CtWiki     *wiki,
             const char *title,
             const char *first,
             ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (wiki, ct_test_id (wiki, title), &error);
  g_autoptr(GStrvBuilder) aliases = g_strv_builder_new ();
  va_list args;

  g_assert_no_error (error);
  va_start (args, first);
  for (const char *alias = first; alias != NULL; alias = va_arg (args, const char *))
    g_strv_builder_add (aliases, alias);
  va_end (args);
  g_strfreev (entity->aliases);
  entity->aliases = g_strv_builder_end (aliases);
  g_assert_true (ct_wiki_update_entity (wiki, entity, &error));
  g_assert_no_error (error);
}

static char *
describe_lookup (const CtLookup *l)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%d|%s|%d|%s", l->entity_id, l->kind, l->title, l->match, l->matched);
}

static char *
describe_fact (const CtFact *f)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%d|%s|%s|%" G_GINT64_FORMAT "|%s|%d|%d|%s|%d",
                          f->id, f->entity_id, f->position, f->key, f->text ? f->text : "(null)", f->value_id,
                          f->value_title ? f->value_title : "(null)", f->value_kind, f->status,
                          f->source ? f->source : "(null)", f->spoiler);
}

static char *
describe_credit (const CtCredit *c)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s|%" G_GINT64_FORMAT "|%s|%" G_GINT64_FORMAT
                          "|%s|%s|%d|%d|%s", c->id, c->film_id, c->film_title, c->person_id, c->person_title,
                          c->character_id, c->character_title ? c->character_title : "(null)", c->role,
                          c->billing, c->status, c->source ? c->source : "(null)");
}

static char *
describe_appearance (const CtAppearance *a)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%d|%s|%" G_GINT64_FORMAT "|%s|%s", a->entity_id, a->kind, a->title,
                          a->film_id, a->film_title ? a->film_title : "(null)", a->detail ? a->detail : "(null)");
}

static char *
describe_entity (const CtEntity *e)
{
  g_autofree char *aliases = g_strjoinv ("/", e->aliases);

  return g_strdup_printf ("%" G_GINT64_FORMAT "|%d|%s|%s|%s|%s|%d|%s", e->id, e->kind, e->title, e->slug,
                          e->summary ? e->summary : "(null)", e->notes ? e->notes : "(null)", e->spoiler, aliases);
}

typedef char *(*DescribeFunc) (gconstpointer);

/* Fails unless @a and @b hold the same rows in the same order. */
static void
assert_same_rows (GPtrArray    *a,
                  GPtrArray    *b,
                  DescribeFunc  describe_row)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_autofree char *x = describe_row (g_ptr_array_index (a, i));
      g_autofree char *y = describe_row (g_ptr_array_index (b, i));

      g_assert_cmpstr (x, ==, y);
    }
}

static void
test_answers (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(CtWikiAnswers) answers = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint with_cast = 0, with_appearances = 0, with_facts = 0, ambiguous = 0;
  CtCredit twice = { 0 };

  /* names that several entities answer to: an alias that is another
   * entity's title (the title wins), one alias of two entities, and two
   * aliases of one entity that differ only in case */
  set_aliases (f->wiki, "Winston", "The Manager", "Ballerina", NULL);
  set_aliases (f->wiki, "Rooney", "The Manager", "the one", "The One", NULL);
  /* a person credited twice in one film, with and without billing */
  twice.film_id = ct_test_id (f->wiki, "Ballerina");
  twice.person_id = ct_test_id (f->wiki, "Ana de Armas");
  twice.role = (char *) "producer";
  {
    gint64 id = ct_wiki_add_credit (f->wiki, &twice, &error);

    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
  }

  entities = all_entities (f->wiki);
  answers = ct_wiki_answers_new (f->wiki, entities, &error);
  g_assert_no_error (error);
  g_assert_nonnull (answers);

  for (guint i = 0; i < entities->len; i++)
    {
      CtEntity *entity = g_ptr_array_index (entities, i);
      g_autoptr(GPtrArray) facts = ct_wiki_get_facts (f->wiki, entity->id, &error);
      g_autoptr(GPtrArray) cast = NULL;
      g_autoptr(GPtrArray) cast_answer = ct_wiki_answers_cast (answers, entity->id);
      g_autoptr(GPtrArray) appearances = NULL;
      g_autoptr(GPtrArray) appearances_answer = ct_wiki_answers_appearances (answers, entity->id);
      g_autoptr(CtEntity) one = ct_wiki_get_entity (f->wiki, entity->id, &error);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      assert_same_rows (facts, ct_wiki_answers_facts (answers, entity->id), (DescribeFunc) describe_fact);
      cast = ct_wiki_get_cast (f->wiki, entity->id, &error);
      g_assert_no_error (error);
      assert_same_rows (cast, cast_answer, (DescribeFunc) describe_credit);
      appearances = ct_wiki_get_appearances (f->wiki, entity->id, &error);
      g_assert_no_error (error);
      assert_same_rows (appearances, appearances_answer, (DescribeFunc) describe_appearance);
      expected = describe_entity (one);
      got = describe_entity (ct_wiki_answers_entity (answers, entity->id));
      g_assert_cmpstr (got, ==, expected);

      with_facts += facts->len > 0;
      with_cast += cast->len > 0;
      with_appearances += appearances->len > 0;
      g_ptr_array_add (names, g_strdup (entity->title));
      g_ptr_array_add (names, g_utf8_strup (entity->title, -1));
      g_ptr_array_add (names, g_strdup_printf ("  %s ", entity->title));
      for (guint j = 0; entity->aliases[j] != NULL; j++)
        g_ptr_array_add (names, g_strdup (entity->aliases[j]));
    }
  /* what the wiki has no rows for */
  g_ptr_array_add (names, g_strdup ("Nobody Yet"));
  g_ptr_array_add (names, g_strdup (""));
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GPtrArray) one = ct_wiki_lookup (f->wiki, name, &error);
      g_autoptr(GPtrArray) answer = ct_wiki_answers_lookup (answers, name);

      g_assert_no_error (error);
      assert_same_rows (one, answer, (DescribeFunc) describe_lookup);
      ambiguous += one->len > 1;
    }
  /* ids that are no entity */
  {
    g_autoptr(GPtrArray) cast = ct_wiki_answers_cast (answers, 999999);
    g_autoptr(GPtrArray) appearances = ct_wiki_answers_appearances (answers, -1);

    g_assert_cmpuint (cast->len, ==, 0);
    g_assert_cmpuint (appearances->len, ==, 0);
    g_assert_cmpuint (ct_wiki_answers_facts (answers, 0)->len, ==, 0);
    g_assert_null (ct_wiki_answers_entity (answers, 999999));
  }
  /* the wiki really has rows of each kind to compare */
  g_assert_cmpuint (with_facts, >=, 10);
  g_assert_cmpuint (with_cast, >=, 2);
  g_assert_cmpuint (with_appearances, >=, 8);
  g_assert_cmpuint (ambiguous, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wiki-batch/backlinks", test_backlinks);
  ADD ("/wiki-batch/sets", test_sets);
  ADD ("/wiki-batch/fact-texts", test_fact_texts);
  ADD ("/wiki-batch/entity-names", test_entity_names);
  ADD ("/wiki-batch/posts-uncounted", test_posts_uncounted);
  ADD ("/wiki-batch/answers", test_answers);
  return g_test_run ();
}
