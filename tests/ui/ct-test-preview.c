/* ct-test-preview.c — what the preview's test programs share: a
 * preview alone in a window, waiting on the main loop with a deadline,
 * and asking the page. */
#include "config.h"

#include "ct-test-preview.h"

typedef struct {
  gboolean  done;
  JSCValue *value;
  GError   *error;
} JsCall;

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
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

void
count_cb (guint *count)
{
  (*count)++;
}

void
flag_cb (gpointer  instance,
         gboolean *flag)
{
  *flag = TRUE;
}

void
wait_updated (Fixture *f)
{
  gboolean updated = FALSE;
  gulong id = g_signal_connect (f->preview, "updated", G_CALLBACK (flag_cb), &updated);

  spin_until (&updated, "\"updated\"");
  g_signal_handler_disconnect (f->preview, id);
}

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

JSCValue *
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

char *
eval_string (Fixture    *f,
             const char *script)
{
  g_autoptr(JSCValue) value = eval_in (f, NULL, script);

  return jsc_value_to_string (value);
}

gint32
eval_int (Fixture    *f,
          const char *world,
          const char *script)
{
  g_autoptr(JSCValue) value = eval_in (f, world, script);

  g_assert_true (jsc_value_is_number (value));
  return jsc_value_to_int32 (value);
}

gboolean
eval_bool (Fixture    *f,
           const char *world,
           const char *script)
{
  g_autoptr(JSCValue) value = eval_in (f, world, script);

  g_assert_true (jsc_value_is_boolean (value));
  return jsc_value_to_boolean (value);
}

/* How the preview's own script counts patched blocks. */
gint32
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

void
spin_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
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

void
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

void
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

/* About 100 KB of Markdown: sections of paragraphs. */
GString *
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

/* Waits until the page has filled every block (a long text fills in
 * slices after it is shown). */
void
wait_filled (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_TIME_SPAN_SECOND;

  while (eval_int (f, CT_PREVIEW_SCRIPT_WORLD, "ctPreview.stats.unfilled") != 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the page to fill");
      spin_ms (20);
    }
}
