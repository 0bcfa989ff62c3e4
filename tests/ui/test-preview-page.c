/* What the preview's page does with what it shows, in a real window under
 * Xvfb: nothing in the content runs script or navigates, remote content
 * only with consent, links go to the app or the browser, anchors scroll
 * in the page, a click names its source line, the editor's line scrolls
 * the page, relative images follow the base. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-test-preview.h"

static void write_png (const char *path, guint width);

static void
test_no_script (Fixture       *f,
                gconstpointer  data)
{
  WebKitSettings *settings = webkit_web_view_get_settings (ct_preview_get_web_view (f->preview));

  g_assert_false (webkit_settings_get_enable_javascript_markup (settings));
  g_assert_false (webkit_settings_get_enable_developer_extras (settings));

  ct_preview_set_allow_raw_html (f->preview, TRUE);
  ct_preview_set_text (f->preview,
                       "# Hostile\n\n"
                       "<script>window.ctInline = 1; document.title = 'ran';</script>\n\n"
                       "<img id=\"bad\" src=\"missing-image.png\" onerror=\"window.ctOnerror = 1\">\n\n"
                       "<div onclick=\"window.ctOnclick = 1\" id=\"clicky\">click me</div>\n",
                       -1);
  wait_updated (f);

  /* The raw HTML is there (the setting is on); with JavaScript markup off
   * WebKit's parser even drops the script and the handler attributes … */
  g_assert_true (eval_bool (f, NULL, "document.getElementById('bad') !== null"));
  g_assert_true (eval_bool (f, NULL, "document.getElementById('clicky') !== null"));
  /* … the image failed to load, so an error handler would have run by now … */
  wait_js_true (f, "document.getElementById('bad').complete");
  eval_bool (f, NULL, "document.getElementById('clicky').click(); true");
  spin_ms (100);
  /* … and none of it ran. */
  g_assert_true (eval_bool (f, NULL, "typeof window.ctInline === 'undefined'"));
  g_assert_true (eval_bool (f, NULL, "typeof window.ctOnerror === 'undefined'"));
  g_assert_true (eval_bool (f, NULL, "typeof window.ctOnclick === 'undefined'"));
  g_assert_true (eval_bool (f, NULL, "document.title !== 'ran'"));
  /* Toggling raw HTML is one of the two things that reload the shell. */
  g_assert_cmpuint (ct_preview_get_load_count (f->preview), ==, 2);
}

static gboolean
on_http_incoming_cb (GSocketService    *service,
                     GSocketConnection *connection,
                     GObject           *source,
                     gpointer           user_data)
{
  static const char reply[] = "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n";
  guint *connections = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  (*connections)++;
  g_output_stream_write_all (out, reply, sizeof reply - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
test_remote_content (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint connections = 0;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_http_incoming_cb), &connections);
  g_socket_service_start (service);

  text = g_strdup_printf ("# Remote\n\n![poster](http://127.0.0.1:%u/poster.png)\n", port);
  ct_preview_set_text (f->preview, text, -1);
  wait_updated (f);
  wait_js_true (f, "document.querySelector('#ct-root img').complete");
  spin_ms (200);
  g_assert_cmpuint (connections, ==, 0);

  /* Allowed: the shell reloads once with the new policy and the image is
   * asked for. */
  ct_preview_set_allow_remote_content (f->preview, TRUE);
  wait_updated (f);
  g_assert_cmpuint (ct_preview_get_load_count (f->preview), ==, 2);
  g_assert_true (eval_bool (f, NULL, "document.querySelector('#ct-root img') !== null"));
  WAIT_FOR (connections > 0);
  g_socket_service_stop (service);
}

static void
on_link_activated_cb (CtPreview  *preview,
                      const char *uri,
                      GPtrArray  *uris)
{
  g_ptr_array_add (uris, g_strdup (uri));
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *location = NULL;
  g_autofree char *after = NULL;

  g_signal_connect (f->preview, "link-activated", G_CALLBACK (on_link_activated_cb), uris);
  ct_preview_set_text (f->preview,
                       "See [Winston](continuity:entity/42) and [a mirror](ftp://example.com/x).\n", -1);
  wait_updated (f);
  location = eval_string (f, "window.location.href");

  eval_bool (f, NULL, "document.querySelector('a[href^=\"continuity:\"]').click(); true");
  WAIT_FOR (uris->len == 1);
  g_assert_cmpstr (g_ptr_array_index (uris, 0), ==, "continuity:entity/42");

  /* Other schemes go nowhere and say nothing. */
  eval_bool (f, NULL, "document.querySelector('a[href^=\"ftp:\"]').click(); true");
  spin_ms (200);
  g_assert_cmpuint (uris->len, ==, 1);

  /* The page never left the shell. */
  after = eval_string (f, "window.location.href");
  g_assert_cmpstr (after, ==, location);
  g_assert_true (eval_bool (f, NULL, "document.getElementById('ct-root').innerText.includes('Winston')"));
  g_assert_cmpuint (ct_preview_get_load_count (f->preview), ==, 1);
}

static void
install_fake_browser (const char *marker)
{
  g_autoptr(GError) error = NULL;
  const char *data = g_getenv ("XDG_DATA_HOME");
  const char *config = g_getenv ("XDG_CONFIG_HOME");
  g_autofree char *apps = g_build_filename (data, "applications", NULL);
  g_autofree char *script = g_build_filename (data, "fake-browser.sh", NULL);
  g_autofree char *desktop = g_build_filename (apps, "ct-test-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s' \"$1\" > '%s.tmp' && mv '%s.tmp' '%s'\n",
                                                  marker, marker, marker);
  g_autofree char *desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test browser\n"
                                                   "Exec=%s %%u\nMimeType=x-scheme-handler/https;\n", script);

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_file_set_contents (desktop, desktop_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (mimeapps, "[Default Applications]\nx-scheme-handler/https=ct-test-browser.desktop\n", -1, &error);
  g_assert_no_error (error);
}

static void
test_web_link (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *marker = g_build_filename (g_getenv ("XDG_DATA_HOME"), "opened-uri", NULL);
  g_autofree char *opened = NULL;

  install_fake_browser (marker);
  g_signal_connect (f->preview, "link-activated", G_CALLBACK (on_link_activated_cb), uris);
  ct_preview_set_text (f->preview, "Read [the review](https://example.com/review?a=1&b=2).\n", -1);
  wait_updated (f);

  eval_bool (f, NULL, "document.querySelector('#ct-root a').click(); true");
  WAIT_FOR (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_file_get_contents (marker, &opened, NULL, NULL);
  g_assert_cmpstr (opened, ==, "https://example.com/review?a=1&b=2");

  /* The browser got it; the app heard nothing and the page stayed. */
  g_assert_cmpuint (uris->len, ==, 0);
  g_assert_true (eval_bool (f, NULL, "document.getElementById('ct-root').innerText.includes('the review')"));
  g_assert_cmpuint (ct_preview_get_load_count (f->preview), ==, 1);
  g_unlink (marker);
}

static void
test_anchor_link (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) doc = g_string_new ("Jump to [the notes](#notes).\n\n");

  g_signal_connect (f->preview, "link-activated", G_CALLBACK (on_link_activated_cb), uris);
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (doc, "Filler paragraph %u.\n\n", i);
  g_string_append (doc, "<h2 id=\"notes\">Notes</h2>\n\n");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (doc, "Note %u.\n\n", i);
  ct_preview_set_allow_raw_html (f->preview, TRUE);
  ct_preview_set_text (f->preview, doc->str, doc->len);
  wait_updated (f);

  eval_bool (f, NULL, "document.querySelector('#ct-root a').click(); true");
  wait_js_true (f, "Math.abs(window.scrollY - document.getElementById('notes').offsetTop) <= 1");
  g_assert_cmpuint (uris->len, ==, 0);
  g_assert_true (eval_bool (f, NULL, "!window.location.href.includes('#')"));
}

static void
on_line_activated_cb (CtPreview *preview,
                      guint      line,
                      GArray    *lines)
{
  g_array_append_val (lines, line);
}

static void
test_line_activated (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));

  g_signal_connect (f->preview, "line-activated", G_CALLBACK (on_line_activated_cb), lines);
  ct_preview_set_text (f->preview,
                       "---\n"                /* 1 */
                       "title: Lines\n"       /* 2 */
                       "---\n"                /* 3 */
                       "\n"                   /* 4 */
                       "# Heading\n"          /* 5 */
                       "\n"                   /* 6 */
                       "A paragraph\n"        /* 7 */
                       "on two lines.\n"      /* 8 */
                       "\n"                   /* 9 */
                       "- one\n"              /* 10 */
                       "- two\n"              /* 11 */
                       "\n"                   /* 12 */
                       "> quoted\n",          /* 13 */
                       -1);
  wait_updated (f);

  eval_bool (f, NULL, "document.querySelector('#ct-root h1').click(); true");
  eval_bool (f, NULL, "document.querySelector('#ct-root p').click(); true");
  eval_bool (f, NULL, "document.querySelectorAll('#ct-root li')[1].click(); true");
  eval_bool (f, NULL, "document.querySelector('#ct-root blockquote p').click(); true");
  WAIT_FOR (lines->len == 4);

  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 5);
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 7);
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 11);
  g_assert_cmpuint (g_array_index (lines, guint, 3), ==, 13);

  /* After an edit above them, the same blocks report their new lines. */
  g_array_set_size (lines, 0);
  ct_preview_set_text (f->preview,
                       "---\ntitle: Lines\n---\n\nNew first paragraph.\n\n"
                       "# Heading\n\nA paragraph\non two lines.\n\n- one\n- two\n\n> quoted\n", -1);
  wait_updated (f);
  eval_bool (f, NULL, "document.querySelectorAll('#ct-root li')[1].click(); true");
  WAIT_FOR (lines->len == 1);
  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 13);
}

static void
test_scroll_to_line (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) doc = g_string_new (NULL);
  gint32 target, top, bottom;

  /* Paragraph i (0-based) starts on line 2i + 1; the long one has three. */
  for (guint i = 0; i < 120; i++)
    {
      if (i == 100)  /* lines 203-205 */
        g_string_append (doc, "- item a\n- item b\n- item c\n\n");
      g_string_append_printf (doc, i == 80 ? "Paragraph %u,\nlong,\nlonger.\n\n" : "Paragraph %u.\n\n", i);
    }
  ct_preview_set_text (f->preview, doc->str, doc->len);
  wait_updated (f);

  target = eval_int (f, NULL, "document.querySelectorAll('#ct-root p')[60].offsetTop");
  g_assert_cmpint (target, >, 1000);
  ct_preview_scroll_to_line (f->preview, 2 * 60 + 1);
  wait_js_true (f, "Math.abs(window.scrollY - document.querySelectorAll('#ct-root p')[60].offsetTop) <= 1");

  /* The middle line of a three-line paragraph: inside it, not at its top. */
  top = eval_int (f, NULL, "document.querySelectorAll('#ct-root p')[80].offsetTop");
  bottom = eval_int (f, NULL,
                     "{ const p = document.querySelectorAll('#ct-root p')[80];"
                     "  p.offsetTop + p.offsetHeight }");
  ct_preview_scroll_to_line (f->preview, 2 * 80 + 2);
  wait_js_true (f, "window.scrollY > document.querySelectorAll('#ct-root p')[80].offsetTop");
  g_assert_cmpint (eval_int (f, NULL, "window.scrollY"), <, bottom);
  g_assert_cmpint (eval_int (f, NULL, "window.scrollY"), >, top);

  /* A line inside a block: the innermost element rendered from it. */
  ct_preview_scroll_to_line (f->preview, 205);
  wait_js_true (f, "{ const li = document.querySelectorAll('#ct-root li')[2];"
                   "  Math.abs(window.scrollY - Math.round(li.getBoundingClientRect().top + window.scrollY)) <= 1 }");
}

static void
test_base_uri (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preview-base-XXXXXX", &error);
  g_autofree char *other = NULL;
  g_autofree char *png = NULL;
  g_autofree char *other_png = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *other_uri = NULL;
  g_autofree char *src = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  other = g_build_filename (dir, "other", NULL);
  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  png = g_build_filename (dir, "poster.png", NULL);
  other_png = g_build_filename (other, "poster.png", NULL);
  write_png (png, 3);
  write_png (other_png, 5);

  uri = g_filename_to_uri (dir, NULL, NULL);  /* no final slash: the preview adds it */
  ct_preview_set_base_uri (f->preview, uri);
  ct_preview_set_text (f->preview, "![Poster](poster.png)\n", -1);
  wait_updated (f);

  src = eval_string (f, "document.querySelector('#ct-root img').src");
  expected = g_filename_to_uri (png, NULL, NULL);
  g_assert_cmpstr (src, ==, expected);
  wait_js_true (f, "document.querySelector('#ct-root img').complete");
  g_assert_cmpint (eval_int (f, NULL, "document.querySelector('#ct-root img').naturalWidth"), ==, 3);

  other_uri = g_strconcat (uri, "/other/", NULL);
  ct_preview_set_base_uri (f->preview, other_uri);
  wait_js_true (f, "document.querySelector('#ct-root img').src.endsWith('/other/poster.png') &&"
                   "document.querySelector('#ct-root img').naturalWidth === 5");
  g_assert_cmpuint (ct_preview_get_load_count (f->preview), ==, 1);
  /* Pushed again in place of the blocks shown, not beside them. */
  g_assert_cmpint (eval_int (f, NULL, "document.getElementById('ct-root').children.length"), ==, 1);

  g_unlink (other_png);
  g_unlink (png);
  g_rmdir (other);
  g_rmdir (dir);
}

static void
write_png (const char *path,
           guint       width)
{
  g_autofree guchar *pixels = g_malloc0 (width * 4);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  memset (pixels, 0xc0, width * 4);
  bytes = g_bytes_new (pixels, width * 4);
  texture = gdk_memory_texture_new (width, 1, GDK_MEMORY_R8G8B8A8, bytes, width * 4);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

int
main (int   argc,
      char *argv[])
{
  /* tests/run-ui-test gives this program a private home for all its cases:
   * not G_TEST_OPTION_ISOLATE_DIRS, which breaks WebKit after the first
   * case (its sandbox keeps the folders it saw first). */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add ("/preview/no-script", Fixture, NULL, fixture_set_up, test_no_script, fixture_tear_down);
  g_test_add ("/preview/remote-content", Fixture, NULL, fixture_set_up, test_remote_content, fixture_tear_down);
  g_test_add ("/preview/links", Fixture, NULL, fixture_set_up, test_links, fixture_tear_down);
  g_test_add ("/preview/web-link", Fixture, NULL, fixture_set_up, test_web_link, fixture_tear_down);
  g_test_add ("/preview/anchor-link", Fixture, NULL, fixture_set_up, test_anchor_link, fixture_tear_down);
  g_test_add ("/preview/line-activated", Fixture, NULL, fixture_set_up, test_line_activated, fixture_tear_down);
  g_test_add ("/preview/scroll-to-line", Fixture, NULL, fixture_set_up, test_scroll_to_line, fixture_tear_down);
  g_test_add ("/preview/base-uri", Fixture, NULL, fixture_set_up, test_base_uri, fixture_tear_down);

  return g_test_run ();
}
