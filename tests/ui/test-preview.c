/* The live preview in a real window under Xvfb: what the page shows after
 * set_text, how little of it each keystroke replaces, and that nothing in
 * the content runs script or navigates. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ct-preview.h"
#include "ct-render-worker.h"

#define TIMEOUT_S 10

typedef struct {
  GtkWindow *window;
  CtPreview *preview;
} Fixture;

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until *@done is set; fails the test after
 * TIMEOUT_S seconds rather than hanging. */
static void
spin_until (gboolean   *done,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_S, timed_out_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  if (!*done)
    g_error ("timed out waiting for %s", what);
}

/* Iterates the main loop until @cond holds; fails after TIMEOUT_S. */
#define WAIT_FOR(cond)                                                        \
  G_STMT_START {                                                              \
    gint64 wait_deadline = g_get_monotonic_time () + TIMEOUT_S * G_TIME_SPAN_SECOND; \
    while (!(cond))                                                           \
      {                                                                       \
        if (g_get_monotonic_time () > wait_deadline)                          \
          g_error ("timed out waiting for %s", #cond);                        \
        if (!g_main_context_iteration (NULL, FALSE))                          \
          g_usleep (1000);                                                    \
      }                                                                       \
  } G_STMT_END

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
flag_cb (gpointer  instance,
         gboolean *flag)
{
  *flag = TRUE;
}

static void
wait_updated (Fixture *f)
{
  gboolean updated = FALSE;
  gulong id = g_signal_connect (f->preview, "updated", G_CALLBACK (flag_cb), &updated);

  spin_until (&updated, "\"updated\"");
  g_signal_handler_disconnect (f->preview, id);
}

typedef struct {
  gboolean  done;
  JSCValue *value;
  GError   *error;
} JsCall;

static void
js_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JsCall *call = user_data;

  call->value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object),
                                                            result, &call->error);
  call->done = TRUE;
}

/* Evaluates @script in the page (the document's own world unless @world)
 * and returns its value. */
static JSCValue *
eval_in (Fixture    *f,
         const char *world,
         const char *script)
{
  JsCall call = { 0 };

  webkit_web_view_evaluate_javascript (ct_preview_get_web_view (f->preview), script, -1,
                                       world, NULL, NULL, js_done_cb, &call);
  spin_until (&call.done, script);
  g_assert_no_error (call.error);
  return call.value;
}

static char *
eval_string (Fixture    *f,
             const char *script)
{
  g_autoptr(JSCValue) value = eval_in (f, NULL, script);

  return jsc_value_to_string (value);
}

static gint32
eval_int (Fixture    *f,
          const char *world,
          const char *script)
{
  g_autoptr(JSCValue) value = eval_in (f, world, script);

  g_assert_true (jsc_value_is_number (value));
  return jsc_value_to_int32 (value);
}

static gboolean
eval_bool (Fixture    *f,
           const char *world,
           const char *script)
{
  g_autoptr(JSCValue) value = eval_in (f, world, script);

  g_assert_true (jsc_value_is_boolean (value));
  return jsc_value_to_boolean (value);
}

/* How the preview's own script counts patched blocks. */
static gint32
preview_stat (Fixture    *f,
      const char *name)
{
  g_autofree char *script = g_strdup_printf ("ctPreview.stats.%s", name);

  return eval_int (f, CT_PREVIEW_SCRIPT_WORLD, script);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Re-evaluates @script (in the document's world) until it is true: for
 * what the page does at its own pace (smooth scrolling, image loads). */
static void
wait_js_true (Fixture    *f,
              const char *script)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_TIME_SPAN_SECOND;

  while (!eval_bool (f, NULL, script))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", script);
      spin_ms (20);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  f->preview = ct_preview_new ();
  gtk_window_set_child (f->window, GTK_WIDGET (f->preview));
  gtk_window_present (f->window);
  /* The page loads after the first frame the preview is drawn in; the
   * tests count the loads that follow. */
  WAIT_FOR (ct_preview_get_load_count (f->preview) == 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  WebKitWebView *web_view = ct_preview_get_web_view (f->preview);

  /* Neither the preview nor its web view outlive the window: no handler,
   * task or script reply keeps them. */
  g_object_add_weak_pointer (G_OBJECT (f->preview), (gpointer *) &f->preview);
  g_object_add_weak_pointer (G_OBJECT (web_view), (gpointer *) &web_view);
  gtk_window_destroy (f->window);
  WAIT_FOR (f->preview == NULL && web_view == NULL);
}

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  g_autofree char *em = NULL;

  ct_preview_set_text (f->preview, "# Hello\n\nWorld of *Wick*.\n", -1);
  wait_updated (f);

  heading = eval_string (f, "document.querySelector('#ct-root h1').textContent");
  g_assert_cmpstr (heading, ==, "Hello");
  em = eval_string (f, "document.querySelector('#ct-root p em').textContent");
  g_assert_cmpstr (em, ==, "Wick");
  text = eval_string (f, "document.body.innerText");
  g_assert_nonnull (strstr (text, "World of Wick."));
  g_assert_cmpuint (ct_preview_get_load_count (f->preview), ==, 1);
}

/* The preview is a view, not a browser: WebKit keeps no cookies, caches,
 * local storage or media keys on disk for it (they would pile up in the
 * user's data folder, and nothing of a post belongs there). */
static void
test_stores_nothing (Fixture       *f,
                     gconstpointer  data)
{
  const char *roots[] = { g_get_user_data_dir (), g_get_user_cache_dir () };

  ct_preview_set_text (f->preview, "Nothing to *keep*.\n", -1);
  wait_updated (f);

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      g_autofree char *dir = g_build_filename (roots[i], g_get_prgname (), NULL);

      g_test_message ("%s", dir);
      g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
    }
}

/* Text that is not UTF-8 shows why instead of a stale page. */
static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = NULL;

  ct_preview_set_text (f->preview, "# Fine\n", -1);
  wait_updated (f);
  ct_preview_set_text (f->preview, "# Fine\n\nBroken \xff byte <b>\n", -1);
  wait_updated (f);

  text = eval_string (f, "document.getElementById('ct-root').innerText");
  g_assert_nonnull (strstr (text, "not valid UTF-8 (line 3"));
  g_assert_null (strstr (text, "Fine"));
}

/* About 100 KB of Markdown: sections of paragraphs. */
static GString *
big_document (void)
{
  GString *doc = g_string_new (NULL);

  for (guint i = 0; doc->len < 100 * 1024; i++)
    {
      if (i % 20 == 0)
        g_string_append_printf (doc, "## Section %u\n\n", i / 20);
      g_string_append_printf (doc, "Paragraph %u: the assassin crosses the Continental's lobby "
                              "and the concierge nods once.\n\n", i);
    }
  return doc;
}

static void
test_typing (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) doc = big_document ();
  const char *typed = "The end, typed by hand.";
  g_autofree char *last = NULL;
  gint32 patches, replaced, blocks;
  gint32 anchor_top;
  gboolean updated = FALSE;
  gulong handler;

  g_test_timer_start ();
  ct_preview_set_text (f->preview, doc->str, doc->len);
  wait_updated (f);
  g_test_message ("%" G_GSIZE_FORMAT " bytes shown in %.0f ms (page load included)",
                  doc->len, g_test_timer_elapsed () * 1000);
  blocks = eval_int (f, NULL, "document.getElementById('ct-root').children.length");
  g_assert_cmpint (blocks, >, 1000);

  /* Scroll into the middle and mark two blocks, to see that they are the
   * very same nodes afterwards. */
  g_assert_cmpint (eval_int (f, NULL, "window.scrollTo(0, 20000); window.scrollY"), ==, 20000);
  eval_bool (f, NULL,
             "{ const r = document.getElementById('ct-root');"
             "  r.children[0].setAttribute('data-test-mark', 'first');"
             "  r.children[500].setAttribute('data-test-mark', 'middle');"
             "  true }");
  patches = preview_stat (f, "patches");
  replaced = preview_stat (f, "replaced");

  /* Type a new paragraph at the end, one character per set_text, at a
   * brisk typing pace. "updated" is only ever for the newest text, and
   * the last key's may come within its 15 ms: watched from before it. */
  g_string_append (doc, "\n");
  ct_preview_set_text (f->preview, doc->str, doc->len);
  handler = g_signal_connect (f->preview, "updated", G_CALLBACK (flag_cb), &updated);
  for (const char *c = typed; *c != '\0'; c++)
    {
      g_string_append_c (doc, *c);
      updated = FALSE;
      ct_preview_set_text (f->preview, doc->str, doc->len);
      spin_ms (15);
    }
  g_test_timer_start ();
  spin_until (&updated, "\"updated\" after the last key");
  g_signal_handler_disconnect (f->preview, handler);
  g_test_message ("last keystroke shown %.0f ms after it was typed", g_test_timer_elapsed () * 1000 + 15);

  last = eval_string (f, "document.getElementById('ct-root').lastElementChild.innerText");
  g_assert_cmpstr (g_strstrip (last), ==, typed);
  g_assert_cmpuint (ct_preview_get_load_count (f->preview), ==, 1);

  /* Coalesced: far fewer pushes than keystrokes, each replacing the last
   * block or two, never the document. */
  g_test_message ("%d keystrokes, %d patches, %d blocks replaced",
                  (int) strlen (typed) + 1, preview_stat (f, "patches") - patches,
                  preview_stat (f, "replaced") - replaced);
  g_assert_cmpint (preview_stat (f, "patches") - patches, >=, 1);
  g_assert_cmpint (preview_stat (f, "patches") - patches, <, (gint32) strlen (typed));
  g_assert_cmpint (preview_stat (f, "replaced") - replaced, <=, 2 * (preview_stat (f, "patches") - patches));
  g_assert_cmpint (eval_int (f, NULL, "document.getElementById('ct-root').children.length"),
                   ==, blocks + 1);
  g_assert_true (eval_bool (f, NULL,
                            "{ const r = document.getElementById('ct-root');"
                            "  r.children[0].getAttribute('data-test-mark') === 'first' &&"
                            "  r.children[500].getAttribute('data-test-mark') === 'middle' }"));
  g_assert_cmpint (eval_int (f, NULL, "window.scrollY"), ==, 20000);

  /* A heading typed above the view: the text in view stays where it is
   * on the screen. */
  anchor_top = eval_int (f, NULL,
                         "{ const a = document.elementFromPoint(400, 300).closest('.ct-block');"
                         "  a.setAttribute('data-test-anchor', '1');"
                         "  Math.round(a.getBoundingClientRect().top) }");
  g_string_prepend (doc, "# A title typed later\n\n");
  ct_preview_set_text (f->preview, doc->str, doc->len);
  wait_updated (f);
  g_assert_cmpint (preview_stat (f, "lastReplaced"), ==, 1);
  /* Within a pixel: scroll offsets are whole pixels, heights are not. */
  g_assert_cmpint (ABS (eval_int (f, NULL,
                                  "Math.round(document.querySelector('[data-test-anchor]')"
                                  ".getBoundingClientRect().top)") - anchor_top), <=, 1);
  g_assert_cmpint (eval_int (f, NULL, "window.scrollY"), >, 20000);
}

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
test_stale (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *text = NULL;
  guint updates = 0;

  g_signal_connect_swapped (f->preview, "updated", G_CALLBACK (count_cb), &updates);
  ct_preview_set_text (f->preview, "first text\n", -1);
  ct_preview_set_text (f->preview, "second text\n", -1);
  ct_preview_set_text (f->preview, "third text\n", -1);
  wait_updated (f);
  spin_ms (200);

  text = eval_string (f, "document.getElementById('ct-root').innerText");
  g_assert_cmpstr (g_strstrip (text), ==, "third text");
  /* Only the newest text counts as an update. */
  g_assert_cmpuint (updates, ==, 1);
}

typedef struct {
  GArray  *generations;
  char    *last_html;
} Rendered;

static void
on_rendered_cb (CtRenderWorker *worker,
                guint           generation,
                CtRenderResult *result,
                const GError   *error,
                Rendered       *rendered)
{
  g_assert_no_error (error);
  g_array_append_val (rendered->generations, generation);
  g_free (rendered->last_html);
  rendered->last_html = g_strdup (ct_block_list_get (result->block_list, 0).html);
}

static void
wait_generation (Rendered *rendered,
                 guint     generation)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_TIME_SPAN_SECOND;

  while (rendered->generations->len == 0 ||
         g_array_index (rendered->generations, guint, rendered->generations->len - 1) < generation)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for render %u", generation);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A render in a thread whose text changed meanwhile never shows. */
static void
test_worker_stale (void)
{
  g_autoptr(CtRenderWorker) worker = ct_render_worker_new ();
  g_autoptr(GString) big = big_document ();
  Rendered rendered = { g_array_new (FALSE, FALSE, sizeof (guint)), NULL };
  guint first, second, third;
  gint64 deadline;

  g_signal_connect (worker, "rendered", G_CALLBACK (on_rendered_cb), &rendered);
  /* However slow this machine: here a stale render is never shown. */
  ct_render_worker_set_max_lag (worker, G_MAXUINT);

  first = ct_render_worker_request (worker, "small\n", -1);
  wait_generation (&rendered, first);

  g_string_prepend (big, "second\n\n");
  second = ct_render_worker_request (worker, big->str, big->len);
  deadline = g_get_monotonic_time () + TIMEOUT_S * G_TIME_SPAN_SECOND;
  while (!ct_render_worker_is_rendering (worker))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  big->str[1] = 'X';  /* "sXcond": the third text */
  third = ct_render_worker_request (worker, big->str, big->len);
  wait_generation (&rendered, third);

  g_assert_cmpuint (second, ==, first + 1);
  g_assert_cmpuint (rendered.generations->len, ==, 2);
  g_assert_cmpuint (g_array_index (rendered.generations, guint, 0), ==, first);
  g_assert_cmpuint (g_array_index (rendered.generations, guint, 1), ==, third);
  g_assert_nonnull (strstr (rendered.last_html, "sXcond"));

  g_array_unref (rendered.generations);
  g_free (rendered.last_html);
}

/* While the text keeps changing faster than a render lands, a stale
 * render is still shown once nothing was shown for the worker's lag:
 * continuous typing never freezes the preview. */
static void
test_worker_never_starves (void)
{
  g_autoptr(CtRenderWorker) worker = ct_render_worker_new ();
  g_autoptr(GString) big = big_document ();
  Rendered rendered = { g_array_new (FALSE, FALSE, sizeof (guint)), NULL };
  guint first, second, third;
  gint64 deadline;

  g_signal_connect (worker, "rendered", G_CALLBACK (on_rendered_cb), &rendered);
  ct_render_worker_set_max_lag (worker, 0);

  first = ct_render_worker_request (worker, "small\n", -1);
  wait_generation (&rendered, first);

  g_string_prepend (big, "second\n\n");
  second = ct_render_worker_request (worker, big->str, big->len);
  deadline = g_get_monotonic_time () + TIMEOUT_S * G_TIME_SPAN_SECOND;
  while (!ct_render_worker_is_rendering (worker))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  big->str[1] = 'X';
  third = ct_render_worker_request (worker, big->str, big->len);
  wait_generation (&rendered, third);

  /* The stale second was shown on the way, then the newest. */
  g_assert_cmpuint (rendered.generations->len, ==, 3);
  g_assert_cmpuint (g_array_index (rendered.generations, guint, 1), ==, second);
  g_assert_cmpuint (g_array_index (rendered.generations, guint, 2), ==, third);
  g_assert_nonnull (strstr (rendered.last_html, "sXcond"));

  g_array_unref (rendered.generations);
  g_free (rendered.last_html);
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

/* Installs a stand-in browser as the default https handler of the
 * test's private home: a script that writes the URI it was given to
 * @marker. GIO launches it exactly as it would launch a real browser. */
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

/* A link to an anchor of the same page scrolls to it, without leaving
 * the shell or bothering the app. */
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
test_dark (Fixture       *f,
           gconstpointer  data)
{
  ct_preview_set_text (f->preview, "Night.\n", -1);
  wait_updated (f);
  g_assert_false (eval_bool (f, NULL, "document.documentElement.classList.contains('dark')"));

  g_object_set (f->preview, "dark", TRUE, NULL);
  wait_js_true (f, "document.documentElement.classList.contains('dark')");
  g_assert_true (eval_bool (f, NULL, "getComputedStyle(document.documentElement)"
                                     ".backgroundColor !== 'rgb(253, 252, 250)'"));
  g_object_set (f->preview, "dark", FALSE, NULL);
  wait_js_true (f, "!document.documentElement.classList.contains('dark')");
  g_assert_cmpuint (ct_preview_get_load_count (f->preview), ==, 1);
}

/* Settings switched in a row while pages load: the last page shows the
 * text, whatever the pages replaced on the way still said. */
static void
test_reloads (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = NULL;

  ct_preview_set_text (f->preview, "# Reloaded\n\nThrough *every* setting.\n", -1);
  wait_updated (f);
  ct_preview_set_allow_remote_content (f->preview, TRUE);
  ct_preview_set_allow_raw_html (f->preview, TRUE);
  ct_preview_set_allow_remote_content (f->preview, FALSE);
  wait_updated (f);

  g_assert_cmpuint (ct_preview_get_load_count (f->preview), ==, 4);
  text = eval_string (f, "document.getElementById('ct-root').innerText");
  g_assert_nonnull (strstr (text, "Through every setting."));
  g_assert_cmpint (eval_int (f, NULL, "Number(document.documentElement.getAttribute('data-ct-load'))"), ==, 4);
}

static void write_png (const char *path, guint width);

/* Relative images resolve against the document's folder and load from
 * disk (remote content off); moving the folder re-resolves them without
 * reloading the page. */
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

/* A crashed web process leaves a blank page: the preview loads the shell
 * again and shows the text. */
static void
test_crash_recovery (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *text = NULL;

  ct_preview_set_text (f->preview, "Still *here*.\n", -1);
  wait_updated (f);
  /* Replies come in order: once this one is back, the patch's reply is
   * too, and no script is in flight when the process goes. */
  g_assert_cmpint (eval_int (f, CT_PREVIEW_SCRIPT_WORLD, "1"), ==, 1);
  webkit_web_view_terminate_web_process (ct_preview_get_web_view (f->preview));
  wait_updated (f);

  g_assert_cmpuint (ct_preview_get_load_count (f->preview), ==, 2);
  text = eval_string (f, "document.getElementById('ct-root').innerText");
  g_assert_cmpstr (g_strstrip (text), ==, "Still here.");
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
  int status;

  /* tests/run-ui-test gives this program a private home for all its cases:
   * not G_TEST_OPTION_ISOLATE_DIRS, which breaks WebKit after the first
   * case (its sandbox keeps the folders it saw first). */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add ("/preview/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/preview/stores-nothing", Fixture, NULL, fixture_set_up, test_stores_nothing, fixture_tear_down);
  g_test_add ("/preview/invalid-utf8", Fixture, NULL, fixture_set_up, test_invalid_utf8, fixture_tear_down);
  g_test_add ("/preview/typing", Fixture, NULL, fixture_set_up, test_typing, fixture_tear_down);
  g_test_add ("/preview/no-script", Fixture, NULL, fixture_set_up, test_no_script, fixture_tear_down);
  g_test_add ("/preview/remote-content", Fixture, NULL, fixture_set_up, test_remote_content, fixture_tear_down);
  g_test_add ("/preview/stale", Fixture, NULL, fixture_set_up, test_stale, fixture_tear_down);
  g_test_add_func ("/preview/worker/stale", test_worker_stale);
  g_test_add_func ("/preview/worker/never-starves", test_worker_never_starves);
  g_test_add ("/preview/links", Fixture, NULL, fixture_set_up, test_links, fixture_tear_down);
  g_test_add ("/preview/web-link", Fixture, NULL, fixture_set_up, test_web_link, fixture_tear_down);
  g_test_add ("/preview/anchor-link", Fixture, NULL, fixture_set_up, test_anchor_link, fixture_tear_down);
  g_test_add ("/preview/line-activated", Fixture, NULL, fixture_set_up, test_line_activated, fixture_tear_down);
  g_test_add ("/preview/scroll-to-line", Fixture, NULL, fixture_set_up, test_scroll_to_line, fixture_tear_down);
  g_test_add ("/preview/dark", Fixture, NULL, fixture_set_up, test_dark, fixture_tear_down);
  g_test_add ("/preview/reloads", Fixture, NULL, fixture_set_up, test_reloads, fixture_tear_down);
  g_test_add ("/preview/base-uri", Fixture, NULL, fixture_set_up, test_base_uri, fixture_tear_down);
  g_test_add ("/preview/crash-recovery", Fixture, NULL, fixture_set_up, test_crash_recovery, fixture_tear_down);

  status = g_test_run ();


  return status;
}
