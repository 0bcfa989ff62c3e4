/* test-window-preview.c — the preview beside the editor in the real
 * window: it follows typing, starts after the window's first frame, shows
 * the page's own colour until the page paints, and scrolls with the
 * cursor. */
#include "config.h"

#include <string.h>

#include "ct-application.h"
#include "ct-test-ui.h"
#include "ct-test-window.h"
#include "ct-editor-page-private.h"
#include "ct-window-private.h"
#include "ct-preview.h"

/* The page's answer to @script, as a string. */
static char *
preview_eval (CtEditorPage *page,
              const char   *script)
{
  return ct_test_eval_js (ct_preview_get_web_view (CT_PREVIEW (_ct_editor_page_get_preview (page))), script);
}

static char *
preview_html (CtEditorPage *page)
{
  return preview_eval (page, "document.body.innerHTML");
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
test_preview_follows_typing (CtTestWindowFixture *f,
                             gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "typing.md", NULL);
  g_autofree char *html = NULL;
  CtEditorPage *page;
  guint updates = 0;

  ct_test_write_file (path, "# Typing\n\nFirst paragraph.\n", -1);
  page = ct_test_window_open_file (f, path);
  g_signal_connect (_ct_editor_page_get_preview (page), "updated", G_CALLBACK (on_updated_cb), &updates);

  /* The file's text reaches the preview first. */
  CT_TEST_WAIT (preview_shows (page, "First paragraph."));
  g_assert_false (preview_shows (page, "typed"));

  updates = 0;
  ct_test_type_at_end (page, "\nA *freshly typed* paragraph.\n");

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
test_preview_after_first_frame (CtTestWindowFixture *f,
                                gconstpointer        data)
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

/* Until its page paints, a preview shows the page's own background, dark
 * or light: never a white flash in a dark window. */
static void
test_preview_placeholder (CtTestWindowFixture *f,
                          gconstpointer        data)
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
  g_autofree char *value = preview_eval (page, "String (window.scrollY)");

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
test_preview_scroll_sync (CtTestWindowFixture *f,
                          gconstpointer        data)
{
  g_autofree char *path = g_build_filename (f->dir, "long.md", NULL);
  g_autoptr(GString) text = g_string_new ("# A long review\n\n");
  GtkAdjustment *vadj;
  GtkTextIter iter;
  CtEditorPage *page;

  for (guint i = 1; i <= 200; i++)
    g_string_append_printf (text, "Paragraph %u, long enough to take a line of its own.\n\n", i);
  ct_test_write_file (path, text->str, text->len);
  page = ct_test_window_open_file (f, path);
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
  ADD ("/ui/window/preview-follows-typing", test_preview_follows_typing);
  ADD ("/ui/window/preview-scroll-sync", test_preview_scroll_sync);
  ADD ("/ui/window/preview-after-first-frame", test_preview_after_first_frame);
  ADD ("/ui/window/preview-placeholder", test_preview_placeholder);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  ct_test_remove_dir (drafts_dir);
  return status;
}
