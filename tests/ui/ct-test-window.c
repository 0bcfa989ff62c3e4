/* ct-test-window.c — see ct-test-window.h. */
#include "config.h"

#include <glib/gstdio.h>

#include "ct-test-ui.h"
#include "ct-test-window.h"
#include "ct-editor-page-private.h"
#include "ct-window-private.h"

CtApplication *
ct_test_window_app_new (char **drafts_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) drafts_file = NULL;
  CtApplication *app;

  /* Drafts of this program only: not the user's, not another test's. */
  *drafts_dir = g_dir_make_tmp ("ct-test-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  drafts_file = g_file_new_for_path (*drafts_dir);

  app = ct_application_new ();
  ct_application_set_drafts_directory (app, drafts_file);
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

void
ct_test_window_fixture_setup (CtTestWindowFixture *f,
                              gconstpointer        app)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ct-test-window-XXXXXX", &error);
  g_assert_no_error (error);

  f->settings = g_settings_new (APP_ID);
  f->app = (CtApplication *) app;
  f->window = ct_window_new (f->app, ct_application_get_drafts (f->app),
                             ct_application_get_wiki_registry (f->app));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ct_drafts_list_finish (CT_DRAFTS (object), result, &error);
  g_assert_no_error (error);
}

void
ct_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

void
ct_test_window_fixture_teardown (CtTestWindowFixture *f,
                                 gconstpointer        app)
{
  CtDrafts *drafts = ct_application_get_drafts (f->app);
  g_autoptr(GPtrArray) left = NULL;
  GtkWindow *dialog;

  /* Leave nothing behind that would ask questions. */
  while ((dialog = ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);

  /* As if the user chose Discard: a page that outlives its window for a
   * moment (a pending callback holds it) must not write a draft into the
   * next test. */
  {
    AdwTabView *tab_view = ct_window_get_tab_view (f->window);

    for (int i = 0; i < adw_tab_view_get_n_pages (tab_view); i++)
      _ct_editor_page_discard_draft (CT_EDITOR_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (tab_view, i))));
  }
  gtk_window_destroy (GTK_WINDOW (f->window));

  /* Closing pages with unsaved text writes their drafts (nothing is lost
   * on exit); the drafts worker runs in order, so once this listing is
   * back those writes are done. Each test starts without drafts. */
  ct_drafts_list_async (drafts, NULL, drafts_listed_cb, &left);
  CT_TEST_WAIT (left != NULL);
  for (guint i = 0; i < left->len; i++)
    ct_drafts_discard (drafts, ((CtDraft *) g_ptr_array_index (left, i))->id);

  g_settings_reset (f->settings, "view-mode");
  g_settings_reset (f->settings, "autosave-interval");
  g_clear_object (&f->settings);
  ct_test_remove_dir (f->dir);
  g_free (f->dir);
}

void
ct_test_respond (GtkWindow  *dialog,
                 const char *response)
{
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
}

char *
ct_test_document_text (CtEditorPage *page)
{
  return ct_document_dup_text (ct_editor_page_get_document (page));
}

gboolean
ct_test_page_text_is (CtEditorPage *page,
                      const char   *expected)
{
  g_autofree char *text = ct_test_document_text (page);

  return g_strcmp0 (text, expected) == 0;
}

CtEditorPage *
ct_test_window_open_file (CtTestWindowFixture *f,
                          const char          *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtEditorPage *page;

  ct_window_open_file (f->window, file);
  page = ct_window_find_page (f->window, file);
  g_assert_nonnull (page);
  CT_TEST_WAIT (ct_test_page_ready (page));
  /* The draft lookup that follows a load runs on the drafts thread. */
  ct_test_spin (100);
  return page;
}

void
ct_test_type_at_end (CtEditorPage *page,
                     const char   *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (page));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  /* What a key press ends in: an insertion at the cursor, as a user action. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

char *
ct_test_file_contents (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}
