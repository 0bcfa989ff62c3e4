/* Undo: snapshot an entity, change or delete it, restore, and the wiki is
 * as it was, byte for byte in its dump. On a copy of the sample wiki. */
#include "config.h"

#include <string.h>

#include "ct-test-wiki.h"

typedef struct {
  char   *folder;
  CtWiki *wiki;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = ct_test_tmpdir ();

  f->folder = g_build_filename (parent, "sample", NULL);
  g_free (g_steal_pointer (&parent));
  f->wiki = ct_wiki_create_sample (f->folder, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (f->folder);

  g_clear_object (&f->wiki);
  ct_test_rmtree (parent);
  g_free (f->folder);
}

static char *
dump (CtWiki *wiki)
{
  g_autoptr(GError) error = NULL;
  char *json = ct_wiki_dump (wiki, &error);

  g_assert_no_error (error);
  return json;
}

/* What the dump does not show but undo must bring back too. */
static char *
describe_extra (CtWiki *wiki,
                gint64  id,
                const char *word)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (wiki, id, &error);
  g_autoptr(GPtrArray) backlinks = ct_wiki_get_backlinks (wiki, id, &error);
  g_autoptr(GPtrArray) hits = ct_wiki_search (wiki, word, 50, &error);
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (wiki, id, &error);
  GString *out = g_string_new (NULL);
  guint position = 0;

  g_assert_no_error (error);
  g_string_append_printf (out, "slug %s\n", entity->slug);
  for (guint i = 0; i < facts->len; i++)
    g_string_append_printf (out, "fact id %" G_GINT64_FORMAT "\n", ((CtFact *) facts->pdata[i])->id);
  for (guint i = 0; i < backlinks->len; i++)
    {
      CtBacklink *b = backlinks->pdata[i];
      g_string_append_printf (out, "backlink %s %s %u\n", b->path ? b->path : "-", b->title, b->line);
    }
  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (out, "hit %s\n", ((CtSearchHit *) hits->pdata[i])->title);
  g_assert_true (ct_wiki_brief_position (wiki, -1, id, &position, &error));
  g_string_append_printf (out, "position %u\n", position);
  return g_string_free (out, FALSE);
}

static void
check_delete_restore (Fixture    *f,
                      const char *title,
                      const char *search_word)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ct_test_id (f->wiki, title);
  g_autofree char *before = dump (f->wiki);
  g_autofree char *extra_before = describe_extra (f->wiki, id, search_word);
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  g_autofree char *extra_after = NULL;
  g_autoptr(CtWikiSnapshot) snapshot = ct_wiki_snapshot_entity (f->wiki, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ct_wiki_snapshot_get_id (snapshot), ==, id);
  g_assert_true (ct_wiki_delete_entity (f->wiki, id, &error));
  g_assert_no_error (error);
  deleted = dump (f->wiki);
  g_assert_cmpstr (deleted, !=, before);

  g_assert_true (ct_wiki_restore_snapshot (f->wiki, snapshot, &error));
  g_assert_no_error (error);
  after = dump (f->wiki);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (ct_test_id (f->wiki, title), ==, id);
  extra_after = describe_extra (f->wiki, id, search_word);
  g_assert_cmpstr (extra_after, ==, extra_before);
}

static void
test_delete_film (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = ct_test_id (f->wiki, "Ballerina");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenes = ct_wiki_get_scenes (f->wiki, id, &error);
  g_autoptr(GPtrArray) cast = ct_wiki_get_cast (f->wiki, id, &error);

  /* The film has credits and scenes that link to it. */
  g_assert_cmpuint (scenes->len, >, 0);
  g_assert_cmpuint (cast->len, >, 0);
  check_delete_restore (f, "Ballerina", "ballerina");
}

static void
test_delete_character (Fixture       *f,
                       gconstpointer  data)
{
  check_delete_restore (f, "Rooney", "rooney");
}

static void
test_delete_person (Fixture       *f,
                    gconstpointer  data)
{
  check_delete_restore (f, "Ana de Armas", "armas");
}

static void
test_delete_every_entity (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = ct_wiki_list_entities (f->wiki, -1, &error);

  for (guint i = 0; i < all->len; i++)
    check_delete_restore (f, ((CtEntity *) all->pdata[i])->title, "wick");
}

/* Undo of an edit: title (which rewrites other entities' notes), aliases,
 * summary, facts and credits. */
static void
test_edit_restore (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ct_test_id (f->wiki, "Rooney");
  g_autofree char *before = dump (f->wiki);
  g_autofree char *extra_before = describe_extra (f->wiki, id, "rooney");
  g_autofree char *after = NULL;
  g_autofree char *extra_after = NULL;
  g_autoptr(CtWikiSnapshot) snapshot = ct_wiki_snapshot_entity (f->wiki, id, &error);
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (f->wiki, id, &error);
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (f->wiki, id, &error);
  g_autoptr(GPtrArray) appearances = NULL;
  char *aliases[] = { (char *) "The Ballerina", NULL };

  g_assert_no_error (error);
  g_free (entity->title);
  entity->title = g_strdup ("Eve Macarro (character)");
  g_free (entity->summary);
  entity->summary = g_strdup ("Changed");
  g_strfreev (entity->aliases);
  entity->aliases = g_strdupv (aliases);
  g_assert_true (ct_wiki_update_entity (f->wiki, entity, &error));
  g_assert_no_error (error);
  g_ptr_array_remove_index (facts, 0);
  g_assert_true (ct_wiki_set_facts (f->wiki, id, facts, &error));
  g_assert_no_error (error);
  {
    g_autofree char *changed = dump (f->wiki);
    g_assert_cmpstr (changed, !=, before);
  }

  g_assert_true (ct_wiki_restore_snapshot (f->wiki, snapshot, &error));
  g_assert_no_error (error);
  after = dump (f->wiki);
  g_assert_cmpstr (after, ==, before);
  extra_after = describe_extra (f->wiki, id, "rooney");
  g_assert_cmpstr (extra_after, ==, extra_before);
  appearances = ct_wiki_get_appearances (f->wiki, id, &error);
  g_assert_cmpuint (appearances->len, >, 0);
}

/* A restore refused because another entity took the title changes
 * nothing. */
static void
test_title_taken (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ct_test_id (f->wiki, "Rooney");
  g_autoptr(CtWikiSnapshot) snapshot = ct_wiki_snapshot_entity (f->wiki, id, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (ct_wiki_delete_entity (f->wiki, id, &error));
  g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_PERSON, "rooney", &error), >, 0);
  g_assert_no_error (error);
  before = dump (f->wiki);
  g_assert_false (ct_wiki_restore_snapshot (f->wiki, snapshot, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“Rooney”"));
  after = dump (f->wiki);
  g_assert_cmpstr (after, ==, before);
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWikiSnapshot) snapshot = ct_wiki_snapshot_entity (f->wiki, 999999, &error);

  g_assert_null (snapshot);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
}

/* Callers that do not want the error may pass NULL, as everywhere in
 * GLib; creating the sample into a new folder must not read through it. */
static void
test_create_sample_without_error (void)
{
  g_autofree char *parent = ct_test_tmpdir ();
  g_autofree char *folder = g_build_filename (parent, "sample", NULL);
  g_autoptr(CtWiki) wiki = ct_wiki_create_sample (folder, NULL);

  g_assert_nonnull (wiki);
  g_clear_object (&wiki);
  /* A second time the files clash: NULL again, and no crash either. */
  g_assert_null (ct_wiki_create_sample (folder, NULL));
  ct_test_rmtree (parent);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wiki/snapshot/delete-film", test_delete_film);
  ADD ("/wiki/snapshot/delete-character", test_delete_character);
  ADD ("/wiki/snapshot/delete-person", test_delete_person);
  ADD ("/wiki/snapshot/delete-every-entity", test_delete_every_entity);
  ADD ("/wiki/snapshot/edit", test_edit_restore);
  ADD ("/wiki/snapshot/title-taken", test_title_taken);
  ADD ("/wiki/snapshot/not-found", test_not_found);
  g_test_add_func ("/wiki/sample/create-without-error", test_create_sample_without_error);

  return g_test_run ();
}
