/* test-window.c — the real CtApplication and CtWindow, with a real
 * GtkSourceView and WebKit preview, driven the way a user drives them. */
#include "config.h"

#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-test-ui.h"
#include "ct-editor-page-private.h"
#include "ct-window-private.h"
#include "ct-preview.h"

/* One application for the whole program, as in real life: a registered
 * GApplication stays exported on the bus for the life of the process. */
static CtApplication *app;

typedef struct {
  CtApplication *app;
  CtWindow      *window;
  GSettings     *settings;
  char          *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ct-test-window-XXXXXX", &error);
  g_assert_no_error (error);

  f->settings = g_settings_new (APP_ID);
  f->app = app;
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

static void
remove_dir (const char *path)
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

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
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
  remove_dir (f->dir);
  g_free (f->dir);
}

/* What a click on a response button does: the response, then the dialog
 * goes away (adw_message_dialog_response alone leaves it open). */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
}

static char *
document_text (CtEditorPage *page)
{
  return ct_document_dup_text (ct_editor_page_get_document (page));
}

static gboolean
page_text_is (CtEditorPage *page,
              const char   *expected)
{
  g_autofree char *text = document_text (page);

  return g_strcmp0 (text, expected) == 0;
}

/* Opens @path through the window, as the Open dialog or the command line
 * would, and waits for the tab to hold the file. */
static CtEditorPage *
open_file (Fixture    *f,
           const char *path)
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

static void
type_at_end (CtEditorPage *page,
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

static char *
file_contents (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
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

  page = open_file (f, path);
  text = document_text (page);
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

  latin = open_file (f, latin_path);
  latin_text = document_text (latin);
  g_assert_cmpstr (latin_text, ==, "café crème\n");
  g_assert_nonnull (_ct_editor_page_get_banner (latin));
  g_assert_nonnull (strstr (_ct_editor_page_get_banner (latin), "UTF-8"));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);
}

static void
test_open_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "nowhere.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwTabView *tab_view = ct_window_get_tab_view (f->window);

  ct_window_open_file (f->window, file);
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  /* The failed tab goes away again; the window says why in a toast. */
  CT_TEST_WAIT (adw_tab_view_get_n_pages (tab_view) == 0);
}

typedef struct {
  char     *html;
  gboolean  done;
} JsResult;

static void
js_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JsResult *js = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object),
                                                                          result, &error);

  g_assert_no_error (error);
  js->html = jsc_value_to_string (value);
  js->done = TRUE;
}

static char *
preview_html (CtEditorPage *page)
{
  WebKitWebView *web_view = ct_preview_get_web_view (CT_PREVIEW (_ct_editor_page_get_preview (page)));
  JsResult js = { NULL, FALSE };
  const char *script = "document.body.innerHTML";

  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL, js_done_cb, &js);
  CT_TEST_WAIT (js.done);
  return js.html;
}

static void
on_updated_cb (CtPreview *preview,
               guint     *count)
{
  (*count)++;
}

static gboolean
preview_shows (CtEditorPage *page,
               const char   *needle)
{
  g_autofree char *html = preview_html (page);

  return strstr (html, needle) != NULL;
}

static void
test_preview_follows_typing (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "typing.md", NULL);
  g_autofree char *html = NULL;
  CtEditorPage *page;
  guint updates = 0;

  ct_test_write_file (path, "# Typing\n\nFirst paragraph.\n", -1);
  page = open_file (f, path);
  g_signal_connect (_ct_editor_page_get_preview (page), "updated", G_CALLBACK (on_updated_cb), &updates);

  /* The file's text reaches the preview first. */
  CT_TEST_WAIT (preview_shows (page, "First paragraph."));
  g_assert_false (preview_shows (page, "typed"));

  updates = 0;
  type_at_end (page, "\nA *freshly typed* paragraph.\n");

  /* "updated" says the page shows the newest render; the DOM read back
   * has the typed paragraph rendered, beside what was there. */
  CT_TEST_WAIT (updates > 0 && preview_shows (page, "<em>freshly typed</em>"));
  html = preview_html (page);
  g_assert_nonnull (strstr (html, "First paragraph."));
  g_assert_nonnull (strstr (html, "<h1"));
}

typedef struct {
  CtPreview *preview;
  gboolean   drawn;        /* a frame was painted with the preview in it */
  guint      load_count;   /* the preview's page loads by then */
} FirstFrame;

static void
first_frame_cb (GdkFrameClock *clock,
                FirstFrame    *first)
{
  if (first->drawn || first->preview == NULL || !gtk_widget_get_mapped (GTK_WIDGET (first->preview)))
    return;
  first->drawn = TRUE;
  first->load_count = ct_preview_get_load_count (first->preview);
}

/* The window's first frame comes before the preview's page and web
 * process and before the highlighting: the page is loaded once a frame
 * with the preview in it is on the screen, and then shows the text. A preview not shown (the editor
 * alone) loads nothing until it is. */
static void
test_preview_after_first_frame (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "later.md", NULL);
  g_autofree char *hidden_path = g_build_filename (f->dir, "hidden.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) hidden_file = g_file_new_for_path (hidden_path);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  FirstFrame first = { NULL, FALSE, 0 };
  CtEditorPage *page;
  CtPreview *preview;
  gulong handler;

  ct_test_write_file (path, "# Later\n\nShown after the first frame.\n", -1);
  ct_test_write_file (hidden_path, "# Hidden\n\nShown once the preview is.\n", -1);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), &first);

  ct_window_open_file (f->window, file);
  page = ct_window_find_page (f->window, file);
  preview = CT_PREVIEW (_ct_editor_page_get_preview (page));
  first.preview = preview;
  g_assert_cmpuint (ct_preview_get_load_count (preview), ==, 0);
  g_assert_null (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (ct_editor_page_get_document (page))));
  CT_TEST_WAIT (first.drawn);
  g_assert_cmpuint (first.load_count, ==, 0);
  CT_TEST_WAIT (ct_test_page_ready (page) && preview_shows (page, "Shown after the first frame."));
  g_assert_cmpuint (ct_preview_get_load_count (preview), ==, 1);
  /* The text is highlighted after the first frame too. */
  CT_TEST_WAIT (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (ct_editor_page_get_document (page))) != NULL);
  g_signal_handler_disconnect (clock, handler);

  /* The editor alone: its preview stays unloaded until it is shown. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.view-mode", "s", "editor");
  ct_window_open_file (f->window, hidden_file);
  page = ct_window_find_page (f->window, hidden_file);
  preview = CT_PREVIEW (_ct_editor_page_get_preview (page));
  CT_TEST_WAIT (ct_test_page_ready (page));
  ct_test_spin (500);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  g_assert_cmpuint (ct_preview_get_load_count (preview), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.view-mode", "s", "split");
  CT_TEST_WAIT (preview_shows (page, "Shown once the preview is."));
  g_assert_cmpuint (ct_preview_get_load_count (preview), ==, 1);
}

static char *
preview_eval (CtEditorPage *page,
              const char   *script)
{
  WebKitWebView *web_view = ct_preview_get_web_view (CT_PREVIEW (_ct_editor_page_get_preview (page)));
  JsResult js = { NULL, FALSE };

  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL, js_done_cb, &js);
  CT_TEST_WAIT (js.done);
  return js.html;
}

/* Until its page paints, a preview shows the page's own background, dark
 * or light: never a white flash in a dark window. */
static void
test_preview_placeholder (Fixture       *f,
                          gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_DARK, ADW_COLOR_SCHEME_FORCE_LIGHT };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/scheme-%u.md", f->dir, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *page_background = NULL;
      g_autofree char *expected = NULL;
      CtEditorPage *page;
      WebKitWebView *web_view;
      GdkRGBA placeholder;

      adw_style_manager_set_color_scheme (style, schemes[i]);
      ct_test_write_file (path, "# Colour\n\nThe page's own.\n", -1);
      ct_window_open_file (f->window, file);
      page = ct_window_find_page (f->window, file);
      web_view = ct_preview_get_web_view (CT_PREVIEW (_ct_editor_page_get_preview (page)));
      webkit_web_view_get_background_color (web_view, &placeholder);
      CT_TEST_WAIT (ct_test_page_ready (page) && preview_shows (page, "The page's own."));

      /* What the page paints, once there, is the colour shown before it. */
      page_background = preview_eval (page, "getComputedStyle(document.documentElement).backgroundColor");
      expected = g_strdup_printf ("rgb(%d, %d, %d)", (int) (placeholder.red * 255 + 0.5),
                                  (int) (placeholder.green * 255 + 0.5), (int) (placeholder.blue * 255 + 0.5));
      g_assert_cmpstr (page_background, ==, expected);
      g_assert_cmpfloat (placeholder.alpha, ==, 1.0);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static double
preview_scroll_y (CtEditorPage *page)
{
  g_autofree char *value = NULL;
  WebKitWebView *web_view = ct_preview_get_web_view (CT_PREVIEW (_ct_editor_page_get_preview (page)));
  JsResult js = { NULL, FALSE };

  webkit_web_view_evaluate_javascript (web_view, "String (window.scrollY)", -1, NULL, NULL, NULL,
                                       js_done_cb, &js);
  CT_TEST_WAIT (js.done);
  value = js.html;
  return g_ascii_strtod (value, NULL);
}

/* The preview scrolls smoothly: TRUE once it has come to rest. */
static gboolean
preview_scroll_settled (CtEditorPage *page)
{
  double before = preview_scroll_y (page);

  ct_test_spin (300);
  return preview_scroll_y (page) == before;
}

static int
cursor_line (CtEditorPage *page)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (page));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_line (&iter);
}

static void
test_preview_scroll_sync (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "long.md", NULL);
  g_autoptr(GString) text = g_string_new ("# A long review\n\n");
  GtkAdjustment *vadj;
  GtkTextIter iter;
  CtEditorPage *page;

  for (guint i = 1; i <= 200; i++)
    g_string_append_printf (text, "Paragraph %u, long enough to take a line of its own.\n\n", i);
  ct_test_write_file (path, text->str, text->len);
  page = open_file (f, path);
  CT_TEST_WAIT (preview_shows (page, "Paragraph 200,"));
  /* At the top: the first block (the heading) at most a margin down. */
  CT_TEST_WAIT (preview_scroll_settled (page));
  g_assert_cmpfloat (preview_scroll_y (page), <, 100.0);

  /* Scrolling the editor to paragraph 150 (line 301) scrolls the preview. */
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (ct_editor_page_get_view (page)));
  CT_TEST_WAIT (gtk_adjustment_get_upper (vadj) > 2000);
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (ct_editor_page_get_document (page)), &iter, 300);
  {
    GdkRectangle rect;

    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (ct_editor_page_get_view (page)), &iter, &rect);
    gtk_adjustment_set_value (vadj, rect.y);
  }
  CT_TEST_WAIT (preview_scroll_y (page) > 1000);
  CT_TEST_WAIT (preview_scroll_settled (page));

  /* With the setting off, it stays where it is. */
  g_settings_set_boolean (f->settings, "sync-scroll", FALSE);
  {
    double before = preview_scroll_y (page);

    gtk_adjustment_set_value (vadj, 0);
    ct_test_spin (500);
    g_assert_cmpfloat (preview_scroll_y (page), ==, before);
  }
  g_settings_reset (f->settings, "sync-scroll");

  /* A click on a block in the preview puts the cursor on its line. */
  g_signal_emit_by_name (_ct_editor_page_get_preview (page), "line-activated", 101u);
  g_assert_cmpint (cursor_line (page), ==, 100);
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "save.md", NULL);
  CtEditorPage *page;
  g_autofree char *text = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *reloaded_text = NULL;

  ct_test_write_file (path, "Line one.\n", -1);
  page = open_file (f, path);
  type_at_end (page, "Line two, with “quotes” and é.\n");
  g_assert_true (ct_editor_page_get_modified (page));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  CT_TEST_WAIT (!ct_editor_page_get_modified (page));

  text = document_text (page);
  on_disk = file_contents (path);
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
    page = open_file (f, path);
    reloaded_text = document_text (page);
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
test_save_conflict (Fixture       *f,
                    gconstpointer  data)
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
  page = open_file (f, path);
  type_at_end (page, "My addition.\n");

  ct_test_write_file (path, theirs, -1);
  set_mtime_in_future (path);

  /* The file monitor notices and says so while I am still typing. */
  CT_TEST_WAIT (_ct_editor_page_get_banner (page) != NULL);
  g_assert_nonnull (strstr (_ct_editor_page_get_banner (page), "changed by another program"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "File Changed on Disk");

  /* Nothing was written yet, and nothing of mine was dropped. */
  on_disk = file_contents (path);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_true (ct_editor_page_get_modified (page));

  respond (dialog, "cancel");
  CT_TEST_WAIT (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG) == NULL);
  after_cancel = file_contents (path);
  g_assert_cmpstr (after_cancel, ==, theirs);
  g_assert_true (ct_editor_page_get_modified (page));

  /* Asked again, the user chooses to replace the file: now it is mine. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  respond (dialog, "overwrite");
  CT_TEST_WAIT (!ct_editor_page_get_modified (page));
  mine = document_text (page);
  final = file_contents (path);
  g_assert_cmpstr (final, ==, mine);
  g_assert_cmpstr (final, ==, "Original.\nMy addition.\n");
}

static void
test_deleted_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "deleted.md", NULL);
  g_autofree char *text = NULL;
  g_autofree char *on_disk = NULL;
  CtEditorPage *page;

  ct_test_write_file (path, "Soon gone.\n", -1);
  page = open_file (f, path);
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* Even unmodified, the text is not thrown away: it is the only copy. */
  CT_TEST_WAIT (_ct_editor_page_get_banner (page) != NULL);
  g_assert_nonnull (strstr (_ct_editor_page_get_banner (page), "deleted"));
  text = document_text (page);
  g_assert_cmpstr (text, ==, "Soon gone.\n");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  CT_TEST_WAIT (g_file_test (path, G_FILE_TEST_EXISTS) && _ct_editor_page_get_banner (page) == NULL);
  on_disk = file_contents (path);
  g_assert_cmpstr (on_disk, ==, "Soon gone.\n");
}

static void
test_reload_unmodified (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "follow.md", NULL);
  CtEditorPage *page;

  ct_test_write_file (path, "Version one.\n", -1);
  page = open_file (f, path);
  ct_test_write_file (path, "Version two, from git pull.\n", -1);
  set_mtime_in_future (path);

  /* Nothing typed, nothing to lose: the page follows the file. */
  CT_TEST_WAIT (page_text_is (page, "Version two, from git pull.\n"));
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
test_view_mode (Fixture       *f,
                gconstpointer  data)
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
test_close_modified_tab (Fixture       *f,
                         gconstpointer  data)
{
  AdwTabView *tab_view = ct_window_get_tab_view (f->window);
  CtEditorPage *page = ct_window_new_document (f->window);
  CtEditorPage *clean = ct_window_new_document (f->window);
  GtkWindow *dialog;

  type_at_end (page, "Words I have not saved.\n");

  /* A tab without changes closes without a question. */
  adw_tab_view_close_page (tab_view, adw_tab_view_get_page (tab_view, GTK_WIDGET (clean)));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  g_assert_null (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-tab", NULL);
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "cancel"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "discard"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));

  respond (dialog, "cancel");
  CT_TEST_WAIT (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  g_assert_true (ct_editor_page_get_modified (page));

  /* Closing the window asks too, and Cancel keeps it. */
  gtk_window_close (GTK_WINDOW (f->window));
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  respond (dialog, "cancel");
  CT_TEST_WAIT (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);

  /* Discard closes the tab. */
  adw_tab_view_close_page (tab_view, adw_tab_view_get_page (tab_view, GTK_WIDGET (page)));
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  respond (dialog, "discard");
  CT_TEST_WAIT (adw_tab_view_get_n_pages (tab_view) == 0);
}

static char *
draft_path (Fixture    *f,
            const char *id)
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
test_drafts (Fixture       *f,
             gconstpointer  data)
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

  page = open_file (f, path);
  draft_file = draft_path (f, _ct_editor_page_get_draft_id (page));
  g_assert_false (g_file_test (draft_file, G_FILE_TEST_EXISTS));

  type_at_end (page, "Typed, never saved.\n");
  untitled = ct_window_new_document (f->window);
  type_at_end (untitled, "A new document, never saved.\n");
  untitled_draft = draft_path (f, _ct_editor_page_get_draft_id (untitled));

  /* After the interval both drafts are on disk; the real file is untouched. */
  CT_TEST_WAIT (g_file_test (draft_file, G_FILE_TEST_EXISTS) &&
                g_file_test (untitled_draft, G_FILE_TEST_EXISTS));
  on_disk = file_contents (path);
  g_assert_cmpstr (on_disk, ==, "Saved text.\n");

  ct_drafts_load_async (ct_application_get_drafts (f->app), _ct_editor_page_get_draft_id (page),
                        NULL, draft_loaded_cb, &draft);
  CT_TEST_WAIT (draft != NULL);
  typed = document_text (page);
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
  restored_text = document_text (restored);
  g_assert_cmpstr (restored_text, ==, "Saved text.\nTyped, never saved.\n");
  g_assert_nonnull (strstr (_ct_editor_page_get_banner (restored), "restored"));

  for (int i = 0; i < 3; i++)
    {
      CtEditorPage *other = CT_EDITOR_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (second_tabs, i)));
      g_autofree char *other_text = NULL;

      if (other == restored || other == front)
        continue;
      other_text = document_text (other);
      g_assert_cmpstr (other_text, ==, "A new document, never saved.\n");
      g_assert_cmpstr (_ct_editor_page_get_draft_id (other), ==, _ct_editor_page_get_draft_id (untitled));
    }

  /* A real save deletes the draft. */
  adw_tab_view_set_selected_page (second_tabs, adw_tab_view_get_page (second_tabs, GTK_WIDGET (restored)));
  gtk_widget_activate_action (GTK_WIDGET (second), "win.save", NULL);
  CT_TEST_WAIT (!ct_editor_page_get_modified (restored));
  CT_TEST_WAIT (!g_file_test (draft_file, G_FILE_TEST_EXISTS));
  g_free (on_disk);
  on_disk = file_contents (path);
  g_assert_cmpstr (on_disk, ==, "Saved text.\nTyped, never saved.\n");
  g_assert_true (g_file_test (untitled_draft, G_FILE_TEST_EXISTS));

  /* Discarding the new document's changes deletes its draft too. */
  gtk_window_destroy (GTK_WINDOW (second));
  adw_tab_view_close_page (ct_window_get_tab_view (f->window),
                           adw_tab_view_get_page (ct_window_get_tab_view (f->window), GTK_WIDGET (untitled)));
  respond (ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG), "discard");
  CT_TEST_WAIT (!g_file_test (untitled_draft, G_FILE_TEST_EXISTS));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "search.md", NULL);
  CtEditorPage *page;
  CtSearchBar *bar;
  g_autofree char *text = NULL;

  ct_test_write_file (path, "A film about a film.\n\nThe third film.\nFilm again, in capitals.\n", -1);
  page = open_file (f, path);
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

  text = document_text (page);
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
test_word_count (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "words.md", NULL);
  CtEditorPage *page;

  ct_test_write_file (path, "# Counting\n\nOne two three.\n", -1);
  page = open_file (f, path);
  CT_TEST_WAIT (words_read (page, "4 words"));

  type_at_end (page, "Four five six seven.\n");
  CT_TEST_WAIT (words_read (page, "8 words"));
  /* Nothing older lands afterwards. */
  ct_test_spin (300);
  g_assert_true (words_read (page, "8 words"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts_dir = NULL;
  g_autoptr(GFile) drafts_file = NULL;
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  /* Drafts of this program only: not the user's, not another test's. */
  drafts_dir = g_dir_make_tmp ("ct-test-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  drafts_file = g_file_new_for_path (drafts_dir);

  app = ct_application_new ();
  ct_application_set_drafts_directory (app, drafts_file);
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/window/open", test_open);
  ADD ("/ui/window/open-missing", test_open_missing);
  ADD ("/ui/window/preview-follows-typing", test_preview_follows_typing);
  ADD ("/ui/window/preview-scroll-sync", test_preview_scroll_sync);
  ADD ("/ui/window/save", test_save);
  ADD ("/ui/window/save-conflict", test_save_conflict);
  ADD ("/ui/window/deleted-on-disk", test_deleted_on_disk);
  ADD ("/ui/window/reload-unmodified", test_reload_unmodified);
  ADD ("/ui/window/view-mode", test_view_mode);
  ADD ("/ui/window/close-modified-tab", test_close_modified_tab);
  ADD ("/ui/window/drafts", test_drafts);
  ADD ("/ui/window/search", test_search);
  ADD ("/ui/window/preview-after-first-frame", test_preview_after_first_frame);
  ADD ("/ui/window/preview-placeholder", test_preview_placeholder);
  ADD ("/ui/window/word-count", test_word_count);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  remove_dir (drafts_dir);
  return status;
}
