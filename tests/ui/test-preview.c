/* The live preview in a real window under Xvfb: what the page shows after
 * set_text, how little of it each keystroke replaces, stale renders, the
 * theme, reloads and a crashed web process. What the page does with
 * links, script, remote content, lines and scrolling is in
 * test-preview-page.c. */
#include "config.h"

#include <string.h>

#include "ct-test-preview.h"
#include "ct-render-worker.h"

typedef struct {
  GArray  *generations;
  char    *last_html;
} Rendered;

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
  /* A long text fills the page in slices after it is shown. */
  wait_filled (f);
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

int
main (int   argc,
      char *argv[])
{
  /* tests/run-ui-test gives this program a private home for all its cases:
   * not G_TEST_OPTION_ISOLATE_DIRS, which breaks WebKit after the first
   * case (its sandbox keeps the folders it saw first). */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add ("/preview/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/preview/stores-nothing", Fixture, NULL, fixture_set_up, test_stores_nothing, fixture_tear_down);
  g_test_add ("/preview/invalid-utf8", Fixture, NULL, fixture_set_up, test_invalid_utf8, fixture_tear_down);
  g_test_add ("/preview/typing", Fixture, NULL, fixture_set_up, test_typing, fixture_tear_down);
  g_test_add ("/preview/stale", Fixture, NULL, fixture_set_up, test_stale, fixture_tear_down);
  g_test_add_func ("/preview/worker/stale", test_worker_stale);
  g_test_add_func ("/preview/worker/never-starves", test_worker_never_starves);
  g_test_add ("/preview/dark", Fixture, NULL, fixture_set_up, test_dark, fixture_tear_down);
  g_test_add ("/preview/reloads", Fixture, NULL, fixture_set_up, test_reloads, fixture_tear_down);
  g_test_add ("/preview/crash-recovery", Fixture, NULL, fixture_set_up, test_crash_recovery, fixture_tear_down);

  return g_test_run ();
}
