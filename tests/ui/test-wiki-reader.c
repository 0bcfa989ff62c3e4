/* test-wiki-reader.c — the reads the timeline and graph views share: a
 * burst of changes refreshes once, after it ends; a newer read drops an
 * older one's result; a cancelled read never answers; an error reaches
 * the owner; the read runs on its own connection, not the caller's. */
#include "config.h"

#include "ct-test-ui.h"
#include "ct-wiki-reader.h"

#define DELAY_MS 100

typedef struct {
  char         *base;
  CtWiki       *wiki;
  CtWikiReader *reader;
  GPtrArray    *answers;    /* of char *: what done was given, in order */
  guint         refreshes;
} Fixture;

/* On the worker: the tag asked for and the number of films it sees. */
static gpointer
read_films (CtWiki        *wiki,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) films = NULL;

  /* slow enough that a second read starts while this one runs */
  g_usleep (50 * 1000);
  if (g_str_equal (data, "fail"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "asked to fail");
      return NULL;
    }
  films = ct_wiki_list_entities (wiki, CT_ENTITY_FILM, error);
  if (films == NULL)
    return NULL;
  return g_strdup_printf ("%s: %u films", (const char *) data, films->len);
}

static void
done_cb (gpointer      result,
         const GError *error,
         gpointer      user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->answers, result != NULL ? result : g_strdup_printf ("error: %s", error->message));
}

static void
on_refresh_cb (CtWikiReader *reader,
               Fixture      *f)
{
  f->refreshes++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = ct_test_sample_wiki_new ("ct-test-reader-XXXXXX");

  f->base = g_path_get_dirname (folder);
  f->wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->answers = g_ptr_array_new_with_free_func (g_free);
  f->reader = ct_wiki_reader_new (DELAY_MS, read_films, g_free, done_cb, f);
  g_signal_connect (f->reader, "refresh", G_CALLBACK (on_refresh_cb), f);
  ct_wiki_reader_set_wiki (f->reader, f->wiki);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) tree = g_file_new_for_path (f->base);

  ct_wiki_reader_cancel (f->reader);
  g_clear_object (&f->reader);
  /* a worker still running finishes and is dropped */
  ct_test_spin (200);
  g_clear_object (&f->wiki);
  g_ptr_array_unref (f->answers);
  ct_test_remove_tree (tree);
  g_free (f->base);
}

static void
test_latest_wins (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_true (ct_wiki_reader_read (f->reader, g_strdup ("first"), g_free));
  g_assert_true (ct_wiki_reader_read (f->reader, g_strdup ("second"), g_free));
  g_assert_true (ct_wiki_reader_is_busy (f->reader));
  CT_TEST_WAIT (!ct_wiki_reader_is_busy (f->reader));
  /* the first one's worker may end later still: give it the time */
  ct_test_spin (200);
  g_assert_cmpuint (f->answers->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->answers, 0), ==, "second: 6 films");
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_assert_true (ct_wiki_reader_read (f->reader, g_strdup ("cancelled"), g_free));
  ct_wiki_reader_cancel (f->reader);
  g_assert_false (ct_wiki_reader_is_busy (f->reader));
  ct_test_spin (300);
  g_assert_cmpuint (f->answers->len, ==, 0);
}

static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  g_assert_true (ct_wiki_reader_read (f->reader, g_strdup ("fail"), g_free));
  CT_TEST_WAIT (!ct_wiki_reader_is_busy (f->reader));
  g_assert_cmpuint (f->answers->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->answers, 0), ==, "error: asked to fail");
}

/* Three changes in a row: one refresh, once they have stopped. */
static void
test_burst (Fixture       *f,
            gconstpointer  data)
{
  for (int i = 0; i < 3; i++)
    {
      g_signal_emit_by_name (f->wiki, "changed", (gint64) 0);
      ct_test_spin (DELAY_MS / 4);
    }
  g_assert_cmpuint (f->refreshes, ==, 0);
  g_assert_true (ct_wiki_reader_is_busy (f->reader));
  CT_TEST_WAIT (f->refreshes > 0);
  ct_test_spin (3 * DELAY_MS);
  g_assert_cmpuint (f->refreshes, ==, 1);
  g_assert_false (ct_wiki_reader_is_busy (f->reader));
}

static void
test_no_wiki (Fixture       *f,
              gconstpointer  data)
{
  ct_wiki_reader_set_wiki (f->reader, NULL);
  g_assert_false (ct_wiki_reader_read (f->reader, g_strdup ("none"), g_free));
  g_assert_false (ct_wiki_reader_is_busy (f->reader));
  /* changes of the wiki it left are no longer its business */
  g_signal_emit_by_name (f->wiki, "changed", (gint64) 0);
  ct_test_spin (3 * DELAY_MS);
  g_assert_cmpuint (f->refreshes, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/wiki-reader/latest-wins", test_latest_wins);
  ADD ("/ui/wiki-reader/cancel", test_cancel);
  ADD ("/ui/wiki-reader/error", test_error);
  ADD ("/ui/wiki-reader/burst", test_burst);
  ADD ("/ui/wiki-reader/no-wiki", test_no_wiki);
#undef ADD

  return g_test_run ();
}
