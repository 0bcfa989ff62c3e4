/* test-window-import.c — File › Import › Letterboxd Export in the real
 * window: the import runs behind a progress dialog, the sidebar's wiki is
 * told through "changed", a malformed export is shown and changes nothing. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "ct-application.h"
#include "ct-test-ui.h"
#include "ct-window-private.h"

static CtApplication *app;

typedef struct {
  char     *base;
  char     *folder;
  CtWindow *window;
  CtWiki   *wiki;
  guint     changed;
} Fixture;

static void
on_changed_cb (CtWiki  *wiki,
               gint64   id,
               Fixture *f)
{
  f->changed++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(CtWiki) created = NULL;

  f->base = g_dir_make_tmp ("ct-test-window-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_build_filename (f->base, "wiki", NULL);
  created = ct_wiki_create (f->folder, &error);
  g_assert_no_error (error);

  f->window = ct_window_new (app, ct_application_get_drafts (app), ct_application_get_wiki_registry (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  folder = g_file_new_for_path (f->folder);
  ct_window_open (f->window, folder);
  CT_TEST_WAIT (ct_window_get_wiki (f->window) != NULL);
  f->wiki = g_object_ref (ct_window_get_wiki (f->window));
  g_signal_connect (f->wiki, "changed", G_CALLBACK (on_changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) base = g_file_new_for_path (f->base);

  g_signal_handlers_disconnect_by_data (f->wiki, f);
  g_clear_object (&f->wiki);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ct_test_spin (50);
  ct_test_remove_tree (base);
  g_free (f->folder);
  g_free (f->base);
}

static GFile *
fixture_export (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CT_SOURCE_ROOT"), "tests", "core", "data", "letterboxd", name, NULL);
  return g_file_new_for_path (path);
}

static guint
count_films (CtWiki *wiki)
{
  guint n = 0;
  g_autoptr(GError) error = NULL;

  ct_wiki_count_entities (wiki, CT_ENTITY_FILM, &n, &error);
  g_assert_no_error (error);
  return n;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) export = fixture_export ("basic");
  g_autoptr(GPtrArray) posts = NULL;

  _ct_window_import_letterboxd (f->window, export);
  /* The progress dialog is up while the worker runs, then goes. */
  ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  CT_TEST_WAIT (f->changed > 0);
  CT_TEST_WAIT (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG) == NULL);

  /* The window's own connection reads what the worker's wrote. */
  g_assert_cmpuint (count_films (f->wiki), ==, 6);
  posts = ct_wiki_list_posts (f->wiki, NULL);
  g_assert_cmpuint (posts->len, ==, 6);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) export = fixture_export ("malformed");
  AdwMessageDialog *dialog;

  _ct_window_import_letterboxd (f->window, export);
  /* The progress dialog goes; the error's comes. */
  CT_TEST_WAIT ((dialog = ADW_MESSAGE_DIALOG (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG))) != NULL
                && g_strcmp0 (adw_message_dialog_get_heading (dialog), "The Letterboxd Export Was Not Imported") == 0);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "reviews.csv:3: a quoted field is never closed.");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_films (f->wiki), ==, 0);
  g_assert_cmpuint (f->changed, ==, 0);
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_test_app_new ();

  g_test_add ("/ui/window-import/letterboxd", Fixture, NULL, fixture_setup, test_import, fixture_teardown);
  g_test_add ("/ui/window-import/malformed", Fixture, NULL, fixture_setup, test_malformed, fixture_teardown);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
