/* Paging through entities for the wiki window: counts, pages and
 * positions, on the John Wick fixture and on a big generated wiki. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "ct-test-wiki.h"
#include "ct-wiki-private.h"

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

static void
test_counts (CtTestWiki    *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint counts[CT_N_ENTITY_KINDS];
  guint all = 0, sum = 0, films = 0;

  g_assert_true (ct_wiki_count_entities (f->wiki, -1, &all, &error));
  g_assert_true (ct_wiki_count_entities (f->wiki, CT_ENTITY_FILM, &films, &error));
  g_assert_true (ct_wiki_count_by_kind (f->wiki, counts, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < CT_N_ENTITY_KINDS; i++)
    {
      g_autoptr(GPtrArray) list = ct_wiki_list_entities (f->wiki, (int) i, &error);
      guint n = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (counts[i], ==, list->len);
      g_assert_true (ct_wiki_count_entities (f->wiki, (int) i, &n, &error));
      g_assert_cmpuint (n, ==, list->len);
      sum += counts[i];
    }
  g_assert_cmpuint (all, ==, sum);
  g_assert_cmpuint (films, ==, counts[CT_ENTITY_FILM]);
  g_assert_cmpuint (films, >, 0);
}

/* Pages joined give list_entities' order, kind by kind for -1. */
static void
test_page (CtTestWiki    *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (int kind = -1; kind < CT_N_ENTITY_KINDS; kind++)
    {
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_entity_free);
      guint got = 0;

      for (int k = 0; k < CT_N_ENTITY_KINDS; k++)
        if (kind < 0 || k == kind)
          {
            g_autoptr(GPtrArray) list = ct_wiki_list_entities (f->wiki, k, &error);
            g_assert_no_error (error);
            for (guint i = 0; i < list->len; i++)
              g_ptr_array_add (expected, ct_entity_copy (list->pdata[i]));
          }

      for (guint offset = 0; ; offset += 3)
        {
          g_autoptr(GPtrArray) page = ct_wiki_list_briefs (f->wiki, kind, offset, 3, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (page->len, <=, 3);
          for (guint i = 0; i < page->len; i++)
            {
              CtEntityBrief *brief = page->pdata[i];
              CtEntity *entity = expected->pdata[offset + i];
              guint position = 0;

              g_assert_cmpint (brief->id, ==, entity->id);
              g_assert_cmpint (brief->kind, ==, entity->kind);
              g_assert_cmpstr (brief->title, ==, entity->title);
              g_assert_cmpstr (brief->summary, ==, entity->summary);
              g_assert_cmpint (brief->spoiler, ==, entity->spoiler);
              g_assert_true (ct_wiki_brief_position (f->wiki, kind, brief->id, &position, &error));
              g_assert_no_error (error);
              g_assert_cmpuint (position, ==, offset + i);
              got++;
            }
          if (page->len < 3)
            break;
        }
      g_assert_cmpuint (got, ==, expected->len);
    }
}

static void
test_position_not_found (CtTestWiki    *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint position = 42;

  g_assert_false (ct_wiki_brief_position (f->wiki, -1, 999999, &position, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ct_wiki_brief_position (f->wiki, CT_ENTITY_FILM, ct_test_id (f->wiki, "Rooney"),
                                          &position, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "film"));
}

/* Case-insensitive by the name key, ties by id; a rename moves the row. */
static void
test_order_follows_rename (CtTestWiki    *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = NULL;
  g_autoptr(GPtrArray) first = NULL;
  gint64 id = ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "zürich", &error);
  guint position = 0, count = 0;

  g_assert_no_error (error);
  g_assert_true (ct_wiki_count_entities (f->wiki, CT_ENTITY_LOCATION, &count, &error));
  g_assert_true (ct_wiki_brief_position (f->wiki, CT_ENTITY_LOCATION, id, &position, &error));
  g_assert_cmpuint (position, ==, count - 1);

  entity = ct_wiki_get_entity (f->wiki, id, &error);
  g_free (entity->title);
  entity->title = g_strdup ("AAA Ärger");
  g_assert_true (ct_wiki_update_entity (f->wiki, entity, &error));
  g_assert_no_error (error);
  g_assert_true (ct_wiki_brief_position (f->wiki, CT_ENTITY_LOCATION, id, &position, &error));
  g_assert_cmpuint (position, ==, 0);
  first = ct_wiki_list_briefs (f->wiki, CT_ENTITY_LOCATION, 0, 1, &error);
  g_assert_cmpstr (((CtEntityBrief *) first->pdata[0])->title, ==, "AAA Ärger");
}

/* A wiki of @n entities of every kind, through one import. */
static void
import_big (CtWiki *wiki,
            guint   n)
{
  g_autoptr(GError) error = NULL;
  GString *json = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"kind\": \"%s\", \"title\": \"%s %u\", \"summary\": \"Row %u\"}",
                            i ? ",\n" : "", ct_entity_kind_to_string (i % CT_N_ENTITY_KINDS),
                            (i * 7919) % 2 ? "Item" : "item", (i * 7919) % n, i);
  g_string_append (json, "], \"credits\": []}");
  g_assert_true (ct_wiki_import (wiki, json->str, (gssize) json->len, &error));
  g_assert_no_error (error);
  g_string_free (json, TRUE);
}

static char *
query_plan (const char *db_path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (plan, FALSE);
}

/* At 20,000 entities (CT_TEST_BIG_WIKI=100000 for the real size) a page
 * deep in the list walks the browse index: no sort of the whole table,
 * for every kind and for all. */
static void
test_big (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autofree char *db_path = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  const char *env = g_getenv ("CT_TEST_BIG_WIKI");
  guint n = env ? (guint) atoi (env) : 20000;
  gint64 t0 = g_get_monotonic_time ();
  gint64 t_page, t_position;
  g_autoptr(GPtrArray) page = NULL;
  guint position = 0;

  import_big (wiki, n);
  g_test_message ("imported %u entities in %.0f ms", n, (g_get_monotonic_time () - t0) / 1000.0);

  for (int kind = -1; kind < CT_N_ENTITY_KINDS; kind += CT_N_ENTITY_KINDS)
    {
      g_autofree char *plan = query_plan (db_path, _ct_wiki_brief_sql (kind));

      g_test_message ("plan for kind %d:\n%s", kind, plan);
      g_assert_null (strstr (plan, "TEMP B-TREE"));
      g_assert_nonnull (strstr (plan, "entity_browse"));
    }

  t0 = g_get_monotonic_time ();
  page = ct_wiki_list_briefs (wiki, -1, n / 2, 50, &error);
  t_page = g_get_monotonic_time () - t0;
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 50);

  t0 = g_get_monotonic_time ();
  g_assert_true (ct_wiki_brief_position (wiki, -1, ((CtEntityBrief *) page->pdata[7])->id, &position, &error));
  t_position = g_get_monotonic_time () - t0;
  g_assert_cmpuint (position, ==, n / 2 + 7);
  g_test_message ("%u entities: page of 50 at %u in %.2f ms, its position in %.2f ms",
                  n, n / 2, t_page / 1000.0, t_position / 1000.0);

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CtTestWiki, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wiki/browse/counts", test_counts);
  ADD ("/wiki/browse/page", test_page);
  ADD ("/wiki/browse/position-not-found", test_position_not_found);
  ADD ("/wiki/browse/order-follows-rename", test_order_follows_rename);
  g_test_add_func ("/wiki/browse/big", test_big);

  return g_test_run ();
}
