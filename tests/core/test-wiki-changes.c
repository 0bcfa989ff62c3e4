/* What the wiki window edits: the "changed" signal after each committed
 * change, credits edited in place and reordered, scenes reordered. */
#include "config.h"

#include <string.h>

#include "ct-test-wiki.h"

static void
fixture_set_up (CtTestWiki    *f,
                gconstpointer  data)
{
  ct_test_wiki_init (f, "john-wick.json");
}

static void
fixture_tear_down (CtTestWiki    *f,
                   gconstpointer  data)
{
  ct_test_wiki_clear (f);
}

/* Records every "changed" and checks it comes outside a transaction: a
 * write from the handler must work (it would fail inside the wiki's own
 * transaction only if it was rolled back, so read the change instead). */
typedef struct {
  GArray *ids;
} Changes;

static void
on_changed_cb (CtWiki  *wiki,
               gint64   id,
               Changes *changes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *folder = g_strdup (ct_wiki_get_folder (wiki));
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autoptr(CtWiki) other = NULL;
  guint n = 0;

  g_array_append_val (changes->ids, id);
  /* Another connection sees the change: it was committed. */
  other = ct_wiki_open (folder, CT_WIKI_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ct_wiki_count_entities (other, -1, &n, &error));
  g_assert_no_error (error);
  {
    guint mine = 0;
    g_assert_true (ct_wiki_count_entities (wiki, -1, &mine, &error));
    g_assert_cmpuint (n, ==, mine);
  }
}

static gint64
last_change (Changes *changes)
{
  g_assert_cmpuint (changes->ids->len, >, 0);
  return g_array_index (changes->ids, gint64, changes->ids->len - 1);
}

static void
test_changed_signal (CtTestWiki    *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Changes changes = { g_array_new (FALSE, FALSE, sizeof (gint64)) };
  gint64 rooney = ct_test_id (f->wiki, "Rooney");
  gint64 ballerina = ct_test_id (f->wiki, "Ballerina");
  g_autoptr(CtEntity) entity = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) cast = NULL;
  CtCredit credit = { 0 };
  gint64 id, credit_id;
  guint before;

  g_signal_connect (f->wiki, "changed", G_CALLBACK (on_changed_cb), &changes);

  id = ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "Marseille Harbour", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.ids->len, ==, 1);
  g_assert_cmpint (last_change (&changes), ==, id);

  entity = ct_wiki_get_entity (f->wiki, rooney, &error);
  g_free (entity->summary);
  entity->summary = g_strdup ("Changed.");
  g_assert_true (ct_wiki_update_entity (f->wiki, entity, &error));
  g_assert_cmpint (last_change (&changes), ==, rooney);

  facts = ct_wiki_get_facts (f->wiki, rooney, &error);
  g_assert_true (ct_wiki_set_facts (f->wiki, rooney, facts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.ids->len, ==, 3);
  g_assert_cmpint (last_change (&changes), ==, rooney);

  /* A failed change tells nothing. */
  before = changes.ids->len;
  g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_FILM, "ballerina", &error), ==, 0);
  g_assert_error (error, CT_ERROR, CT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (changes.ids->len, ==, before);

  /* Credits touch several entities: 0. */
  cast = ct_wiki_get_cast (f->wiki, ballerina, &error);
  credit = *(CtCredit *) cast->pdata[0];
  credit.id = 0;
  credit.role = (char *) "stunts";
  credit_id = ct_wiki_add_credit (f->wiki, &credit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (last_change (&changes), ==, 0);
  g_assert_true (ct_wiki_remove_credit (f->wiki, credit_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.ids->len, ==, before + 2);

  g_assert_true (ct_wiki_delete_entity (f->wiki, id, &error));
  g_assert_cmpint (last_change (&changes), ==, id);

  g_assert_true (ct_wiki_import (f->wiki, "{\"format\": \"continuity-wiki\", \"version\": 1,"
                                 " \"entities\": [{\"kind\": \"person\", \"title\": \"Ann\"}]}", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.ids->len, ==, before + 4);
  g_assert_cmpint (last_change (&changes), ==, 0);

  g_signal_handlers_disconnect_by_data (f->wiki, &changes);
  g_array_unref (changes.ids);
}

/* A rename that rewrites another entity's notes changed several. */
static void
test_changed_rename (CtTestWiki    *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Changes changes = { g_array_new (FALSE, FALSE, sizeof (gint64)) };
  gint64 id = ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "Old Town", &error);
  gint64 other = ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "New Town", &error);
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (f->wiki, other, &error);
  g_autoptr(CtEntity) renamed = NULL;

  g_free (entity->notes);
  entity->notes = g_strdup ("Next to [[Old Town]].");
  g_assert_true (ct_wiki_update_entity (f->wiki, entity, &error));
  g_assert_no_error (error);

  g_signal_connect (f->wiki, "changed", G_CALLBACK (on_changed_cb), &changes);
  renamed = ct_wiki_get_entity (f->wiki, id, &error);
  g_free (renamed->title);
  renamed->title = g_strdup ("Older Town");
  g_assert_true (ct_wiki_update_entity (f->wiki, renamed, &error));
  g_assert_cmpuint (changes.ids->len, ==, 1);
  g_assert_cmpint (last_change (&changes), ==, 0);

  g_signal_handlers_disconnect_by_data (f->wiki, &changes);
  g_array_unref (changes.ids);
}

static CtCredit *
find_credit (GPtrArray  *cast,
             const char *person)
{
  for (guint i = 0; i < cast->len; i++)
    if (g_str_equal (((CtCredit *) cast->pdata[i])->person_title, person))
      return cast->pdata[i];
  g_assert_not_reached ();
}

static void
test_update_credit (CtTestWiki    *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ballerina = ct_test_id (f->wiki, "Ballerina");
  g_autoptr(GPtrArray) cast = ct_wiki_get_cast (f->wiki, ballerina, &error);
  g_autoptr(GPtrArray) after = NULL;
  CtCredit edit = *find_credit (cast, "Ian McShane");
  CtCredit *got;

  edit.role = (char *) "voice";
  edit.billing = 7;
  edit.status = CT_FACT_RUMORED;
  edit.source = (char *) "Trade press";
  edit.character_id = 0;
  edit.film_id = 12345;  /* ignored: the credit keeps its film */
  g_assert_true (ct_wiki_update_credit (f->wiki, &edit, &error));
  g_assert_no_error (error);
  after = ct_wiki_get_cast (f->wiki, ballerina, &error);
  got = find_credit (after, "Ian McShane");
  g_assert_cmpint (got->id, ==, edit.id);
  g_assert_cmpstr (got->role, ==, "voice");
  g_assert_cmpint (got->billing, ==, 7);
  g_assert_cmpint (got->status, ==, CT_FACT_RUMORED);
  g_assert_cmpstr (got->source, ==, "Trade press");
  g_assert_cmpint (got->character_id, ==, 0);
  g_assert_cmpuint (after->len, ==, cast->len);

  /* Validated as add_credit: a person that is not one, a blank role. */
  edit.person_id = ct_test_id (f->wiki, "Rooney");
  g_assert_false (ct_wiki_update_credit (f->wiki, &edit, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_clear_error (&error);
  edit.person_id = got->person_id;
  edit.role = (char *) "  ";
  g_assert_false (ct_wiki_update_credit (f->wiki, &edit, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_clear_error (&error);

  /* Made equal to another credit: refused in words. */
  {
    CtCredit *other = find_credit (after, "Ana de Armas");
    edit = *got;
    edit.person_id = other->person_id;
    edit.character_id = other->character_id;
    edit.role = other->role;
    g_assert_false (ct_wiki_update_credit (f->wiki, &edit, &error));
    g_assert_error (error, CT_ERROR, CT_ERROR_EXISTS);
    g_assert_nonnull (strstr (error->message, "Ballerina"));
    g_clear_error (&error);
  }

  edit.id = 999999;
  g_assert_false (ct_wiki_update_credit (f->wiki, &edit, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
}

static void
test_reorder_credits (CtTestWiki    *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ballerina = ct_test_id (f->wiki, "Ballerina");
  g_autoptr(GPtrArray) cast = ct_wiki_get_cast (f->wiki, ballerina, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) other_cast = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *before_dump = NULL;
  g_autofree char *after_dump = NULL;

  g_assert_cmpuint (cast->len, >=, 3);
  for (guint i = cast->len; i-- > 0; )
    g_array_append_val (ids, ((CtCredit *) cast->pdata[i])->id);
  g_assert_true (ct_wiki_reorder_credits (f->wiki, ballerina, (gint64 *) ids->data, ids->len, &error));
  g_assert_no_error (error);
  after = ct_wiki_get_cast (f->wiki, ballerina, &error);
  for (guint i = 0; i < after->len; i++)
    {
      CtCredit *credit = after->pdata[i];
      g_assert_cmpint (credit->id, ==, g_array_index (ids, gint64, i));
      g_assert_cmpint (credit->billing, ==, (int) i + 1);
    }

  /* A credit of another film, or one twice: nothing changes. */
  before_dump = ct_wiki_dump (f->wiki, &error);
  other_cast = ct_wiki_get_cast (f->wiki, ct_test_id (f->wiki, "John Wick"), &error);
  g_assert_cmpuint (other_cast->len, >, 0);
  g_array_append_val (ids, ((CtCredit *) other_cast->pdata[0])->id);
  g_assert_false (ct_wiki_reorder_credits (f->wiki, ballerina, (gint64 *) ids->data, ids->len, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_array_index (ids, gint64, ids->len - 1) = g_array_index (ids, gint64, 0);
  g_assert_false (ct_wiki_reorder_credits (f->wiki, ballerina, (gint64 *) ids->data, ids->len, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_clear_error (&error);
  after_dump = ct_wiki_dump (f->wiki, &error);
  g_assert_cmpstr (before_dump, ==, after_dump);
}

static void
test_reorder_scenes (CtTestWiki    *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ballerina = ct_test_id (f->wiki, "Ballerina");
  g_autoptr(GPtrArray) scenes = ct_wiki_get_scenes (f->wiki, ballerina, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) no_order = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_fact_free);
  g_autoptr(GPtrArray) facts_before = NULL;
  g_autoptr(GPtrArray) facts_after = NULL;
  gint64 first;
  gint64 rooney = ct_test_id (f->wiki, "Rooney");

  g_assert_cmpuint (scenes->len, >=, 2);
  first = ((CtEntity *) scenes->pdata[0])->id;

  /* One scene loses its `order` fact: reordering adds it back, last. */
  facts_before = ct_wiki_get_facts (f->wiki, first, &error);
  for (guint i = 0; i < facts_before->len; i++)
    if (!g_str_equal (((CtFact *) facts_before->pdata[i])->key, "order"))
      g_ptr_array_add (no_order, ct_fact_copy (facts_before->pdata[i]));
  g_assert_cmpuint (no_order->len, <, facts_before->len);
  g_assert_true (ct_wiki_set_facts (f->wiki, first, no_order, &error));
  g_assert_no_error (error);

  for (guint i = scenes->len; i-- > 0; )
    g_array_append_val (ids, ((CtEntity *) scenes->pdata[i])->id);
  g_assert_true (ct_wiki_reorder_scenes (f->wiki, ballerina, (gint64 *) ids->data, ids->len, &error));
  g_assert_no_error (error);
  after = ct_wiki_get_scenes (f->wiki, ballerina, &error);
  g_assert_cmpuint (after->len, ==, scenes->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (((CtEntity *) after->pdata[i])->id, ==, g_array_index (ids, gint64, i));

  facts_after = ct_wiki_get_facts (f->wiki, first, &error);
  g_assert_cmpuint (facts_after->len, ==, no_order->len + 1);
  for (guint i = 0; i < no_order->len; i++)
    {
      CtFact *a = no_order->pdata[i], *b = facts_after->pdata[i];
      g_assert_cmpstr (a->key, ==, b->key);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpint (a->value_id, ==, b->value_id);
    }
  {
    CtFact *order = facts_after->pdata[no_order->len];
    g_autofree char *expected = g_strdup_printf ("%u", scenes->len);
    g_assert_cmpstr (order->key, ==, "order");
    g_assert_cmpstr (order->text, ==, expected);
  }

  /* Not a scene of the film. */
  g_assert_false (ct_wiki_reorder_scenes (f->wiki, ballerina, &rooney, 1, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  gint64 ballerina = ct_test_id (wiki, "Ballerina");
  g_autoptr(GPtrArray) cast = ct_wiki_get_cast (wiki, ballerina, &error);
  gint64 id = ((CtCredit *) cast->pdata[0])->id;

  g_clear_object (&wiki);
  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (ct_wiki_update_credit (wiki, cast->pdata[0], &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ct_wiki_reorder_credits (wiki, ballerina, &id, 1, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ct_wiki_reorder_scenes (wiki, ballerina, &id, 1, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_READ_ONLY);
  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CtTestWiki, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wiki/changed/signal", test_changed_signal);
  ADD ("/wiki/changed/rename", test_changed_rename);
  ADD ("/wiki/credits/update", test_update_credit);
  ADD ("/wiki/credits/reorder", test_reorder_credits);
  ADD ("/wiki/scenes/reorder", test_reorder_scenes);
  g_test_add_func ("/wiki/credits/read-only", test_read_only);

  return g_test_run ();
}
