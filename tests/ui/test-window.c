/* test-window.c — the real CtApplication and CtWindow, with a real
 * GtkSourceView and WebKit preview, driven the way a user drives them:
 * opening, saving, conflicts with the disk, drafts, search, view modes.
 * The preview in the window: test-window-preview.c. */
#include "config.h"

#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-test-ui.h"
#include "ct-test-window.h"
#include "ct-editor-page-private.h"
#include "ct-window-private.h"

static void
test_open (CtTestWindowFixture *f,
           gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "review.md", NULL);
  g_autofree char *latin_path = g_build_filename (f->dir, "old.md", NULL);
  const char *contents = "# Ballerina\n\nRooney takes the *stage*.\n";
  CtEditorPage *page, *latin;
  g_autofree char *text = NULL;
  g_autofree char *latin_text = NULL;
  AdwTabView *tab_view = ct_window_get_tab_view (f->window);

  ct_test_write_file (path, contents, -1);
  /* "café crème" in ISO-8859-15: not UTF-8. */
  ct_test_write_file (latin_path, "caf\xe9 cr\xe8me\n", -1);

  page = ct_test_window_open_file (f, path);
  text = ct_test_document_text (page);
  g_assert_cmpstr (text, ==, contents);
  g_assert_false (ct_editor_page_get_modified (page));
  /* The tab shows the post's own title (here its first heading), and its
   * tooltip the file. */
  CT_TEST_WAIT (g_strcmp0 (adw_tab_page_get_title (adw_tab_view_get_page (tab_view, GTK_WIDGET (page))),
                           "Ballerina") == 0);
  g_assert_true (g_str_has_suffix (adw_tab_page_get_tooltip (adw_tab_view_get_page (tab_view, GTK_WIDGET (page))),
                                   "review.md"));

  /* Opening it again shows the same tab rather than a second copy. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    ct_window_open_file (f->window, file);
    g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  }

  latin = ct_test_window_open_file (f, latin_path);
  latin_text = ct_test_document_text (latin);
  g_assert_cmpstr (latin_text, ==, "café crème\n");
  g_assert_nonnull (_ct_editor_page_get_banner (latin));
  g_assert_nonnull (strstr (_ct_editor_page_get_banner (latin), "UTF-8"));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);
}

static void
test_open_missing (CtTestWindowFixture *f,
                   gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "nowhere.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwTabView *tab_view = ct_window_get_tab_view (f->window);

  ct_window_open_file (f->window, file);
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  /* The failed tab goes away again; the window says why in a toast. */
  CT_TEST_WAIT (adw_tab_view_get_n_pages (tab_view) == 0);
}

static void
test_save (CtTestWindowFixture *f,
           gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "save.md", NULL);
  CtEditorPage *page;
  g_autofree char *text = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *reloaded_text = NULL;

  ct_test_write_file (path, "Line one.\n", -1);
  page = ct_test_window_open_file (f, path);
  ct_test_type_at_end (page, "Line two, with “quotes” and é.\n");
  g_assert_true (ct_editor_page_get_modified (page));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  CT_TEST_WAIT (!ct_editor_page_get_modified (page));

  text = ct_test_document_text (page);
  on_disk = ct_test_file_contents (path);
  g_assert_cmpstr (on_disk, ==, "Line one.\nLine two, with “quotes” and é.\n");
  g_assert_cmpstr (on_disk, ==, text);

  /* Saved documents are offered again among the recent ones. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *uri = g_file_get_uri (file);

    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }

  /* Loading it back gives the very same bytes. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    AdwTabView *tab_view = ct_window_get_tab_view (f->window);

    adw_tab_view_close_page (tab_view, adw_tab_view_get_page (tab_view, GTK_WIDGET (page)));
    CT_TEST_WAIT (adw_tab_view_get_n_pages (tab_view) == 0);
    page = ct_test_window_open_file (f, path);
    reloaded_text = ct_test_document_text (page);
    g_assert_cmpstr (reloaded_text, ==, on_disk);
  }
}

static void
set_mtime_in_future (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint64 future = (guint64) (g_get_real_time () / G_USEC_PER_SEC) + 3600;

  /* Same-second writes could share a modification time: make the change
   * unmistakable for any file system. */
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, future,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_save_conflict (CtTestWindowFixture *f,
                    gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "conflict.md", NULL);
  const char *theirs = "Another program wrote this.\n";
  CtEditorPage *page;
  GtkWindow *dialog;
  g_autofree char *on_disk = NULL;
  g_autofree char *after_cancel = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *final = NULL;

  ct_test_write_file (path, "Original.\n", -1);
  page = ct_test_window_open_file (f, path);
  ct_test_type_at_end (page, "My addition.\n");

  ct_test_write_file (path, theirs, -1);
  set_mtime_in_future (path);

  /* The file monitor notices and says so while I am still typing. */
  CT_TEST_WAIT (_ct_editor_page_get_banner (page) != NULL);
  g_assert_nonnull (strstr (_ct_editor_page_get_banner (page), "changed by another program"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "File Changed on Disk");

  /* Nothing was written yet, and nothing of mine was dropped. */
  on_disk = ct_test_file_contents (path);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_true (ct_editor_page_get_modified (page));

  ct_test_respond (dialog, "cancel");
  CT_TEST_WAIT (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG) == NULL);
  after_cancel = ct_test_file_contents (path);
  g_assert_cmpstr (after_cancel, ==, theirs);
  g_assert_true (ct_editor_page_get_modified (page));

  /* Asked again, the user chooses to replace the file: now it is mine. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  ct_test_respond (dialog, "overwrite");
  CT_TEST_WAIT (!ct_editor_page_get_modified (page));
  mine = ct_test_document_text (page);
  final = ct_test_file_contents (path);
  g_assert_cmpstr (final, ==, mine);
  g_assert_cmpstr (final, ==, "Original.\nMy addition.\n");
}

static void
test_deleted_on_disk (CtTestWindowFixture *f,
                      gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "deleted.md", NULL);
  g_autofree char *text = NULL;
  g_autofree char *on_disk = NULL;
  CtEditorPage *page;

  ct_test_write_file (path, "Soon gone.\n", -1);
  page = ct_test_window_open_file (f, path);
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* Even unmodified, the text is not thrown away: it is the only copy. */
  CT_TEST_WAIT (_ct_editor_page_get_banner (page) != NULL);
  g_assert_nonnull (strstr (_ct_editor_page_get_banner (page), "deleted"));
  text = ct_test_document_text (page);
  g_assert_cmpstr (text, ==, "Soon gone.\n");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  CT_TEST_WAIT (g_file_test (path, G_FILE_TEST_EXISTS) && _ct_editor_page_get_banner (page) == NULL);
  on_disk = ct_test_file_contents (path);
  g_assert_cmpstr (on_disk, ==, "Soon gone.\n");
}

static void
test_reload_unmodified (CtTestWindowFixture *f,
                        gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "follow.md", NULL);
  CtEditorPage *page;

  ct_test_write_file (path, "Version one.\n", -1);
  page = ct_test_window_open_file (f, path);
  ct_test_write_file (path, "Version two, from git pull.\n", -1);
  set_mtime_in_future (path);

  /* Nothing typed, nothing to lose: the page follows the file. */
  CT_TEST_WAIT (ct_test_page_text_is (page, "Version two, from git pull.\n"));
  CT_TEST_WAIT (!ct_document_get_busy (ct_editor_page_get_document (page)));
  g_assert_false (ct_editor_page_get_modified (page));
  g_assert_null (_ct_editor_page_get_banner (page));
}

static gboolean
widget_shown (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_child_visible (widget);
}

static void
test_view_mode (CtTestWindowFixture *f,
                gconstpointer        data)
{
  CtEditorPage *page = ct_window_new_document (f->window);
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (ct_editor_page_get_view (page)),
                                               GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *preview = GTK_WIDGET (_ct_editor_page_get_preview (page));
  GtkWidget *preview_slot;

  g_assert_nonnull (editor);
  g_assert_nonnull (preview);
  preview_slot = gtk_widget_get_parent (preview);

  g_assert_cmpstr (ct_editor_page_get_view_mode (page), ==, "split");
  g_assert_true (widget_shown (editor));
  g_assert_true (widget_shown (preview_slot));

  /* What Ctrl+1 and the header toggle do. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.view-mode", "s", "editor");
  g_assert_cmpstr (ct_editor_page_get_view_mode (page), ==, "editor");
  g_assert_true (widget_shown (editor));
  g_assert_false (widget_shown (preview_slot));
  {
    g_autofree char *stored = g_settings_get_string (f->settings, "view-mode");
    g_assert_cmpstr (stored, ==, "editor");
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.view-mode", "s", "preview");
  g_assert_false (widget_shown (editor));
  g_assert_true (widget_shown (preview_slot));

  /* A tab opened later follows the same mode. */
  {
    CtEditorPage *second = ct_window_new_document (f->window);
    g_assert_cmpstr (ct_editor_page_get_view_mode (second), ==, "preview");
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.view-mode", "s", "split");
  g_assert_true (widget_shown (editor));
  g_assert_true (widget_shown (preview_slot));
}

static void
test_close_modified_tab (CtTestWindowFixture *f,
                         gconstpointer        data)
{
  AdwTabView *tab_view = ct_window_get_tab_view (f->window);
  CtEditorPage *page = ct_window_new_document (f->window);
  CtEditorPage *clean = ct_window_new_document (f->window);
  GtkWindow *dialog;

  ct_test_type_at_end (page, "Words I have not saved.\n");

  /* A tab without changes closes without a question. */
  adw_tab_view_close_page (tab_view, adw_tab_view_get_page (tab_view, GTK_WIDGET (clean)));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  g_assert_null (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-tab", NULL);
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "cancel"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "discard"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));

  ct_test_respond (dialog, "cancel");
  CT_TEST_WAIT (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  g_assert_true (ct_editor_page_get_modified (page));

  /* Closing the window asks too, and Cancel keeps it. */
  gtk_window_close (GTK_WINDOW (f->window));
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  ct_test_respond (dialog, "cancel");
  CT_TEST_WAIT (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);

  /* Discard closes the tab. */
  adw_tab_view_close_page (tab_view, adw_tab_view_get_page (tab_view, GTK_WIDGET (page)));
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  ct_test_respond (dialog, "discard");
  CT_TEST_WAIT (adw_tab_view_get_n_pages (tab_view) == 0);
}

static char *
draft_path (CtTestWindowFixture *f,
            const char          *id)
{
  GFile *dir = ct_drafts_get_directory (ct_application_get_drafts (f->app));
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *name = g_strconcat (id, ".draft", NULL);

  return g_build_filename (dir_path, name, NULL);
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CtDraft **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ct_drafts_load_finish (CT_DRAFTS (object), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
test_drafts (CtTestWindowFixture *f,
             gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "draft.md", NULL);
  g_autofree char *draft_file = NULL;
  g_autofree char *untitled_draft = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *restored_text = NULL;
  CtDraft *draft = NULL;
  CtEditorPage *page, *untitled, *restored, *front;
  CtWindow *second;
  AdwTabView *second_tabs;

  g_settings_set_uint (f->settings, "autosave-interval", 1);
  ct_test_write_file (path, "Saved text.\n", -1);

  page = ct_test_window_open_file (f, path);
  draft_file = draft_path (f, _ct_editor_page_get_draft_id (page));
  g_assert_false (g_file_test (draft_file, G_FILE_TEST_EXISTS));

  ct_test_type_at_end (page, "Typed, never saved.\n");
  untitled = ct_window_new_document (f->window);
  ct_test_type_at_end (untitled, "A new document, never saved.\n");
  untitled_draft = draft_path (f, _ct_editor_page_get_draft_id (untitled));

  /* After the interval both drafts are on disk; the real file is untouched. */
  CT_TEST_WAIT (g_file_test (draft_file, G_FILE_TEST_EXISTS) &&
                g_file_test (untitled_draft, G_FILE_TEST_EXISTS));
  on_disk = ct_test_file_contents (path);
  g_assert_cmpstr (on_disk, ==, "Saved text.\n");

  ct_drafts_load_async (ct_application_get_drafts (f->app), _ct_editor_page_get_draft_id (page),
                        NULL, draft_loaded_cb, &draft);
  CT_TEST_WAIT (draft != NULL);
  typed = ct_test_document_text (page);
  g_assert_cmpstr (draft->text, ==, typed);
  g_assert_nonnull (draft->file);
  ct_draft_free (draft);

  /* As after a crash: a fresh window restores what the drafts hold. */
  second = ct_window_new (f->app, ct_application_get_drafts (f->app),
                          ct_application_get_wiki_registry (f->app));
  second_tabs = ct_window_get_tab_view (second);
  gtk_window_present (GTK_WINDOW (second));
  /* Like a file named on the command line: opened before drafts come back. */
  front = ct_window_new_document (second);
  ct_window_restore_drafts (second);
  CT_TEST_WAIT (adw_tab_view_get_n_pages (second_tabs) == 3);
  /* … and it stays in front of them. */
  g_assert_true (adw_tab_page_get_child (adw_tab_view_get_selected_page (second_tabs)) == GTK_WIDGET (front));

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    restored = ct_window_find_page (second, file);
  }
  g_assert_nonnull (restored);
  /* The banner comes once the draft was weighed against the file. */
  CT_TEST_WAIT (_ct_editor_page_get_banner (restored) != NULL);
  g_assert_true (ct_editor_page_get_modified (restored));
  restored_text = ct_test_document_text (restored);
  g_assert_cmpstr (restored_text, ==, "Saved text.\nTyped, never saved.\n");
  g_assert_nonnull (strstr (_ct_editor_page_get_banner (restored), "restored"));

  for (int i = 0; i < 3; i++)
    {
      CtEditorPage *other = CT_EDITOR_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (second_tabs, i)));
      g_autofree char *other_text = NULL;

      if (other == restored || other == front)
        continue;
      other_text = ct_test_document_text (other);
      g_assert_cmpstr (other_text, ==, "A new document, never saved.\n");
      g_assert_cmpstr (_ct_editor_page_get_draft_id (other), ==, _ct_editor_page_get_draft_id (untitled));
    }

  /* A real save deletes the draft. */
  adw_tab_view_set_selected_page (second_tabs, adw_tab_view_get_page (second_tabs, GTK_WIDGET (restored)));
  gtk_widget_activate_action (GTK_WIDGET (second), "win.save", NULL);
  CT_TEST_WAIT (!ct_editor_page_get_modified (restored));
  CT_TEST_WAIT (!g_file_test (draft_file, G_FILE_TEST_EXISTS));
  g_free (on_disk);
  on_disk = ct_test_file_contents (path);
  g_assert_cmpstr (on_disk, ==, "Saved text.\nTyped, never saved.\n");
  g_assert_true (g_file_test (untitled_draft, G_FILE_TEST_EXISTS));

  /* Discarding the new document's changes deletes its draft too. */
  gtk_window_destroy (GTK_WINDOW (second));
  adw_tab_view_close_page (ct_window_get_tab_view (f->window),
                           adw_tab_view_get_page (ct_window_get_tab_view (f->window), GTK_WIDGET (untitled)));
  ct_test_respond (ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG), "discard");
  CT_TEST_WAIT (!g_file_test (untitled_draft, G_FILE_TEST_EXISTS));
}

static void
test_search (CtTestWindowFixture *f,
             gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "search.md", NULL);
  CtEditorPage *page;
  CtSearchBar *bar;
  g_autofree char *text = NULL;

  ct_test_write_file (path, "A film about a film.\n\nThe third film.\nFilm again, in capitals.\n", -1);
  page = ct_test_window_open_file (f, path);
  bar = _ct_editor_page_get_search_bar (page);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  ct_search_bar_set_search_text (bar, "film");
  CT_TEST_WAIT (ct_search_bar_get_occurrences (bar) >= 0);
  /* Case-insensitive by default: "Film" counts. */
  g_assert_cmpint (ct_search_bar_get_occurrences (bar), ==, 4);
  g_assert_cmpstr (ct_search_bar_get_status (bar), ==, "1 of 4");

  ct_search_bar_next (bar);
  g_assert_cmpstr (ct_search_bar_get_status (bar), ==, "2 of 4");
  ct_search_bar_previous (bar);
  ct_search_bar_previous (bar);
  /* Wraps around to the last match. */
  g_assert_cmpstr (ct_search_bar_get_status (bar), ==, "4 of 4");

  ct_search_bar_set_search_text (bar, "no such word");
  CT_TEST_WAIT (ct_search_bar_get_occurrences (bar) >= 0);
  g_assert_cmpstr (ct_search_bar_get_status (bar), ==, "No matches");

  ct_search_bar_set_search_text (bar, "film");
  CT_TEST_WAIT (ct_search_bar_get_occurrences (bar) == 4);
  ct_search_bar_set_replace_text (bar, "movie");
  ct_search_bar_replace (bar);
  CT_TEST_WAIT (ct_search_bar_get_occurrences (bar) == 3);
  ct_search_bar_replace_all (bar);
  CT_TEST_WAIT (ct_search_bar_get_occurrences (bar) == 0);

  text = ct_test_document_text (page);
  g_assert_cmpstr (text, ==, "A movie about a movie.\n\nThe third movie.\nmovie again, in capitals.\n");
  g_assert_true (ct_editor_page_get_modified (page));
}

static gboolean
words_read (CtEditorPage *page,
            const char   *words)
{
  return g_str_has_prefix (gtk_label_get_label (page->words_label), words);
}

/* The word count follows the text (counted in a thread, off the typing
 * path), and an older count never replaces a newer one. */
static void
test_word_count (CtTestWindowFixture *f,
                 gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "words.md", NULL);
  CtEditorPage *page;

  ct_test_write_file (path, "# Counting\n\nOne two three.\n", -1);
  page = ct_test_window_open_file (f, path);
  CT_TEST_WAIT (words_read (page, "4 words"));

  ct_test_type_at_end (page, "Four five six seven.\n");
  CT_TEST_WAIT (words_read (page, "8 words"));
  /* Nothing older lands afterwards. */
  ct_test_spin (300);
  g_assert_true (words_read (page, "8 words"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *drafts_dir = NULL;
  CtApplication *app;
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  app = ct_test_window_app_new (&drafts_dir);

#define ADD(path, func) \
  g_test_add (path, CtTestWindowFixture, app, ct_test_window_fixture_setup, func, ct_test_window_fixture_teardown)
  ADD ("/ui/window/open", test_open);
  ADD ("/ui/window/open-missing", test_open_missing);
  ADD ("/ui/window/save", test_save);
  ADD ("/ui/window/save-conflict", test_save_conflict);
  ADD ("/ui/window/deleted-on-disk", test_deleted_on_disk);
  ADD ("/ui/window/reload-unmodified", test_reload_unmodified);
  ADD ("/ui/window/view-mode", test_view_mode);
  ADD ("/ui/window/close-modified-tab", test_close_modified_tab);
  ADD ("/ui/window/drafts", test_drafts);
  ADD ("/ui/window/search", test_search);
  ADD ("/ui/window/word-count", test_word_count);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  ct_test_remove_dir (drafts_dir);
  return status;
}
