/* test-preview-incremental.c — edits typed into a post in the real window
 * leave the preview's page exactly as a full render of the text would
 * make it: every block's HTML and first line, after an insert, a delete
 * across blocks, a pasted block, a reference definition that changes
 * another block, and a code fence opened and closed again. And a key in
 * the middle of a long post replaces a block or two, not the page. */
#include "config.h"

#include <string.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-preview.h"
#include "ct-render.h"
#include "ct-test-ui.h"
#include "ct-text-mirror.h"
#include "ct-window.h"
#include "ct-wiki-registry.h"

static CtApplication *app;

typedef struct {
  char          *folder;
  CtWindow      *window;
  CtEditorPage  *page;
  CtPreview     *preview;
  GtkTextBuffer *buffer;
} Fixture;

static const char POST[] =
  "---\n"
  "title: Incremental\n"
  "---\n"
  "# The Continental\n"
  "\n"
  "[[Winston]] runs the hotel; [[Keanu Reeves]] plays the guest.\n"
  "\n"
  "## The ballet\n"
  "\n"
  "[[Rooney]] trains with the [[Ruska Roma]]. See [the set][set].\n"
  "\n"
  "- one\n"
  "- two with [[Ian McShane]]\n"
  "\n"
  "> A quote.\n"
  "\n"
  "Middle paragraph that the user types into.\n"
  "\n"
  "Another paragraph, [[Ballerina]].\n"
  "\n"
  "Last paragraph.\n"
  "\n"
  "[set]: https://example.org/one \"One\"\n";

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *post = NULL;
  const char *text = data;

  f->folder = ct_test_sample_wiki_new ("ct-test-preview-inc-XXXXXX");
  post = g_build_filename (f->folder, "posts", "incremental.md", NULL);
  ct_test_write_file (post, text, -1);

  f->window = ct_test_window_new (app, 1200, 800);
  f->page = ct_test_open_post (f->window, post);
  ct_editor_page_set_view_mode (f->page, "split");
  f->buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
  f->preview = f->page->preview;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (f->folder);
  g_autoptr(GFile) tree = g_file_new_for_path (parent);

  gtk_text_buffer_set_modified (f->buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ct_test_spin (50);
  ct_test_remove_tree (tree);
  g_free (f->folder);
}

static char *
buffer_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  return gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
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

  call->value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object),
                                                                      result, &call->error);
  call->done = TRUE;
}

/* Builds each block of a full render the way the page does (an inert
 * template per block) and compares it with the page's block, and the
 * block's first line with the one the page keeps; "" when all agree,
 * else the first difference. Runs in the preview's own script world,
 * where the page keeps the lines. */
static const char COMPARE[] =
  "const want = JSON.parse(html), lines = JSON.parse(firstLines);"
  "const root = document.getElementById('ct-root');"
  "if (root === null)"
  "  return 'the shell page is not loaded';"
  "if (root.children.length !== want.length)"
  "  return 'the page has ' + root.children.length + ' blocks, a full render ' + want.length;"
  "const template = document.createElement('template');"
  "for (let i = 0; i < want.length; i++) {"
  "  const div = document.createElement('div');"
  "  template.innerHTML = want[i];"
  "  div.appendChild(template.content);"
  "  if (div.innerHTML !== root.children[i].innerHTML)"
  "    return 'block ' + i + ' is ' + root.children[i].innerHTML + ' — a full render gives ' + div.innerHTML;"
  "  if (ctPreview.blockLine(i) !== lines[i])"
  "    return 'block ' + i + ' starts on line ' + ctPreview.blockLine(i) + ', not ' + lines[i];"
  "}"
  "return '';";

/* The first difference between the page and a full render of the
 * buffer's text, or "". */
static char *
difference (Fixture *f)
{
  g_autofree char *text = buffer_text (f);
  CtRenderOptions options = {
    .mode = CT_RENDER_PREVIEW,
    .wiki = ct_editor_page_get_wiki (f->page),
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRenderResult) full = ct_render (text, -1, &options, &error);
  g_autoptr(GString) html = g_string_new ("[");
  g_autoptr(GString) lines = g_string_new ("[");
  GVariantDict args;
  JsCall call = { 0 };
  char *result;

  g_assert_no_error (error);
  for (guint i = 0; i < full->blocks->len; i++)
    {
      const CtRenderBlock *block = g_ptr_array_index (full->blocks, i);

      if (i > 0)
        {
          g_string_append_c (html, ',');
          g_string_append_c (lines, ',');
        }
      append_json_string (html, block->html);
      g_string_append_printf (lines, "%u", block->first_line);
    }
  g_string_append_c (html, ']');
  g_string_append_c (lines, ']');

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "html", "s", html->str);
  g_variant_dict_insert (&args, "firstLines", "s", lines->str);
  webkit_web_view_call_async_javascript_function (ct_preview_get_web_view (f->preview), COMPARE, -1,
                                                  g_variant_dict_end (&args), CT_PREVIEW_SCRIPT_WORLD,
                                                  NULL, NULL, js_done_cb, &call);
  CT_TEST_WAIT (call.done);
  g_assert_no_error (call.error);
  result = jsc_value_to_string (call.value);
  g_object_unref (call.value);
  return result;
}

/* Waits for the page to be what a full render of the buffer's text
 * makes; fails with the first difference if it never is. */
static void
check (Fixture    *f,
       const char *what)
{
  gint64 deadline;
  g_autofree char *diff = NULL;

  deadline = g_get_monotonic_time () + CT_TEST_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  for (;;)
    {
      g_free (diff);
      diff = difference (f);
      if (*diff == '\0')
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("%s: %s", what, diff);
      ct_test_spin (100);
    }
}

static gboolean
iter_at (Fixture     *f,
         const char  *needle,
         gsize        offset_in_needle,
         GtkTextIter *iter)
{
  g_autofree char *text = buffer_text (f);
  const char *at = strstr (text, needle);

  if (at == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (f->buffer, iter,
                                      (int) g_utf8_pointer_to_offset (text, at + offset_in_needle));
  return TRUE;
}

/* Types @typed one character at a time after @after, as keys would. */
static void
type_after (Fixture    *f,
            const char *after,
            const char *typed)
{
  GtkTextIter iter;

  g_assert_true (iter_at (f, after, strlen (after), &iter));
  gtk_text_buffer_place_cursor (f->buffer, &iter);
  for (const char *p = typed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_insert_interactive_at_cursor (f->buffer, p, g_utf8_next_char (p) - p, TRUE);
      ct_test_spin (15);
    }
}

/* Deletes from the start of @from to the end of @to, as a selection and
 * Delete would. */
static void
delete_range (Fixture    *f,
              const char *from,
              const char *to)
{
  GtkTextIter start, end;

  g_assert_true (iter_at (f, from, 0, &start));
  g_assert_true (iter_at (f, to, strlen (to), &end));
  gtk_text_buffer_select_range (f->buffer, &start, &end);
  gtk_text_buffer_delete_selection (f->buffer, TRUE, TRUE);
}

static void
replace (Fixture    *f,
         const char *from,
         const char *to)
{
  GtkTextIter start, end;

  g_assert_true (iter_at (f, from, 0, &start));
  g_assert_true (iter_at (f, from, strlen (from), &end));
  gtk_text_buffer_begin_user_action (f->buffer);
  gtk_text_buffer_delete (f->buffer, &start, &end);
  gtk_text_buffer_insert (f->buffer, &start, to, -1);
  gtk_text_buffer_end_user_action (f->buffer);
}

static void
test_edits (Fixture       *f,
            gconstpointer  data)
{
  GtkTextIter iter;

  check (f, "opened");

  type_after (f, "Middle paragraph", " with [[Winston]] typed in");
  check (f, "typed in the middle");

  delete_range (f, "paragraph, [[Ballerina]]", "Last ");
  check (f, "deleted across two blocks");

  /* Pasted as a clipboard paste inserts: one insert of several blocks. */
  g_assert_true (iter_at (f, "> A quote.\n", strlen ("> A quote.\n"), &iter));
  gtk_text_buffer_insert_interactive (f->buffer, &iter,
                                      "\n## Pasted\n\nA pasted paragraph about [[Rooney]].\n\n- and\n- a list\n",
                                      -1, TRUE);
  check (f, "pasted a block");

  /* The definition is at the end; the link it changes is far above. */
  replace (f, "https://example.org/one \"One\"", "https://example.org/two \"Two\"");
  check (f, "edited a reference definition");

  /* Blank lines only: every block after them moves, none changes. */
  type_after (f, "> A quote.\n", "\n\n");
  check (f, "typed blank lines");
  {
    GtkTextIter start, end;

    g_assert_true (iter_at (f, "> A quote.\n\n\n", strlen ("> A quote.\n"), &start));
    end = start;
    gtk_text_iter_forward_chars (&end, 2);
    gtk_text_buffer_delete_interactive (f->buffer, &start, &end, TRUE);
  }
  check (f, "deleted blank lines");

  type_after (f, "## The ballet\n\n", "```\n");
  check (f, "opened a code fence");
  delete_range (f, "```\n[[Rooney]]", "```\n");
  check (f, "closed it again");

  type_after (f, "Another paragraph.", "\n\nTyped at the very end.");
  check (f, "typed at the end");
}

/* A key in the middle of a long post replaces a block or two of the page,
 * and the page still equals a full render. */
static void
test_long_post (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *blocks = NULL;

  check (f, "opened");
  type_after (f, "Paragraph 300 ", "x");
  check (f, "typed in the middle of a long post");

  blocks = ct_test_eval_js (ct_preview_get_web_view (f->preview),
                            "document.getElementById('ct-root').children.length");
  g_assert_cmpint (atoi (blocks), >, 600);
  {
    JsCall call = { 0 };

    webkit_web_view_call_async_javascript_function (ct_preview_get_web_view (f->preview),
                                                    "return ctPreview.stats.lastReplaced;", -1, NULL,
                                                    CT_PREVIEW_SCRIPT_WORLD, NULL, NULL, js_done_cb, &call);
    CT_TEST_WAIT (call.done);
    g_assert_no_error (call.error);
    g_assert_true (jsc_value_is_number (call.value));
    g_assert_cmpint (jsc_value_to_int32 (call.value), <=, 2);
    g_object_unref (call.value);
  }
}

typedef struct {
  CtPreview *preview;
  gboolean   painted;
  guint      sent_at_paint;
} PaintWatch;

static void
on_paint_cb (GdkFrameClock *clock,
             PaintWatch    *watch)
{
  if (watch->painted)
    return;
  watch->painted = TRUE;
  watch->sent_at_paint = ct_preview_get_sent_generation (watch->preview);
}

/* A key typed in a short post is rendered and its patch is on its way to
 * the page before the window paints the key: the preview does not trail
 * the editor by a frame. The order is asserted, not a time. */
static void
test_sent_before_paint (Fixture       *f,
                        gconstpointer  data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  PaintWatch watch = { f->preview, FALSE, 0 };
  guint before;
  gulong handler;
  GtkTextIter iter;

  check (f, "opened");
  /* Past the render worker's pause between two renders. */
  ct_test_spin (200);
  before = ct_preview_get_sent_generation (f->preview);
  g_assert_true (iter_at (f, "Middle paragraph", strlen ("Middle paragraph"), &iter));
  gtk_text_buffer_place_cursor (f->buffer, &iter);
  ct_test_spin (200);
  g_assert_cmpuint (ct_preview_get_sent_generation (f->preview), ==, before);

  handler = g_signal_connect (clock, "paint", G_CALLBACK (on_paint_cb), &watch);
  gtk_text_buffer_insert_interactive_at_cursor (f->buffer, "x", 1, TRUE);
  CT_TEST_WAIT (watch.painted);
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpuint (watch.sent_at_paint, >, before);
  check (f, "typed before a paint");
}

/* The page's copy of its text stays what the buffer holds through
 * random inserts and deletes of text with newlines and multi-byte
 * characters, and through a text GTK splits into lines differently. */
static void
test_text_mirror (void)
{
  static const char *pieces[] = { "a", "é", "\n", "\n\n", "word ", "[[Winston]]", "日本\n語", "\r\n", "x" };
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  CtTextMirror *mirror = ct_text_mirror_new (buffer);
  GRand *rand = g_rand_new_with_seed (3);

  gtk_text_buffer_set_text (buffer, "# Title\n\nFirst line.\nSecond é line.\n", -1);
  for (guint i = 0; i < 500; i++)
    {
      GtkTextIter start, end;
      int count = gtk_text_buffer_get_char_count (buffer);
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;
      gsize length;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, g_rand_int_range (rand, 0, count + 1));
      if (g_rand_boolean (rand) && count > 0)
        {
          end = start;
          gtk_text_iter_forward_chars (&end, g_rand_int_range (rand, 1, 12));
          gtk_text_buffer_delete (buffer, &start, &end);
        }
      else
        {
          /* A CR only now and then: it sends the copy back to full copies. */
          guint n = G_N_ELEMENTS (pieces) - (i % 100 == 99 ? 0 : 2);
          gtk_text_buffer_insert (buffer, &start, pieces[g_rand_int_range (rand, 0, n)], -1);
        }
      if (i % 100 == 50)
        gtk_text_buffer_set_text (buffer, "Replaced\nwhole.\n", -1);

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      want = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      got = ct_text_mirror_dup (mirror, &length);
      g_assert_cmpstr (got, ==, want);
      g_assert_cmpuint (length, ==, strlen (want));
    }
  g_rand_free (rand);
  ct_text_mirror_free (mirror);
}

/* Paragraph i starts on line 3 + 2 i. */
static char *
long_post_of (guint paragraphs)
{
  GString *doc = g_string_new ("# A long post\n\n");

  for (guint i = 0; i < paragraphs; i++)
    g_string_append_printf (doc, "Paragraph %u about [[Winston]] and the [[Continental]].\n\n", i);
  return g_string_free (doc, FALSE);
}

static char *
long_post (void)
{
  return long_post_of (600);
}

/* Runs @script (a function body) in the preview's script world; its
 * number. */
static gint32
page_int (Fixture    *f,
          const char *script)
{
  JsCall call = { 0 };
  gint32 value;

  webkit_web_view_call_async_javascript_function (ct_preview_get_web_view (f->preview), script, -1, NULL,
                                                  CT_PREVIEW_SCRIPT_WORLD, NULL, NULL, js_done_cb, &call);
  CT_TEST_WAIT (call.done);
  g_assert_no_error (call.error);
  g_assert_true (jsc_value_is_number (call.value));
  value = jsc_value_to_int32 (call.value);
  g_object_unref (call.value);
  return value;
}

/* Re-evaluates @script in the document until it is true. */
static void
wait_page_true (Fixture    *f,
                const char *script)
{
  gint64 deadline = g_get_monotonic_time () + CT_TEST_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *value = ct_test_eval_js (ct_preview_get_web_view (f->preview), script);

      if (g_str_equal (value, "true"))
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", script);
      ct_test_spin (50);
    }
}

static void
flag_cb (gpointer  instance,
         gboolean *flag)
{
  *flag = TRUE;
}

/* A long text is shown a slice at a time: keys typed while the page is
 * only partly filled are applied (in view at once, elsewhere once filled),
 * the editor's line scrolls the page to blocks not filled yet, and once
 * filled the page is what a full render makes. The filling is held while
 * the keys go in, so they land in a partly filled page on any machine. */
static void
test_fills_in_slices (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = long_post_of (4000);
  CtPreviewTrace trace;
  gboolean updated = FALSE;
  gulong handler;

  check (f, "opened");
  g_assert_cmpint (page_int (f, "return ctPreview.holdFill(true);"), ==, 0);

  /* The whole text replaced, as a reload from disk does. */
  handler = g_signal_connect (f->preview, "updated", G_CALLBACK (flag_cb), &updated);
  gtk_text_buffer_set_text (f->buffer, text, -1);
  CT_TEST_WAIT (updated);
  g_assert_cmpint (page_int (f, "return ctPreview.stats.unfilled;"), >, 3000);
  g_assert_cmpint (page_int (f, "return document.getElementById('ct-root').children.length;"), ==, 4001);

  /* Near the top, in view: on the screen at once. */
  type_after (f, "Paragraph 1 ", "typed ");
  wait_page_true (f, "document.getElementById('ct-root').innerText.includes('Paragraph 1 typed about')");

  /* At the end, not filled yet: applied, shown once filled. */
  {
    GtkTextIter iter;

    g_assert_true (iter_at (f, "Paragraph 3999 ", strlen ("Paragraph 3999 "), &iter));
    updated = FALSE;
    /* One insert: "updated" is for the newest text only, so it is this one's. */
    gtk_text_buffer_insert_interactive (f->buffer, &iter, "late ", -1, TRUE);
    CT_TEST_WAIT (updated);
  }
  g_assert_true (ct_preview_get_trace (f->preview, &trace));
  g_assert_true (trace.deferred);
  g_assert_cmpuint (trace.page_unfilled, >, 3000);
  g_signal_handler_disconnect (f->preview, handler);

  /* The editor's line, far into what is not filled: filled there first. */
  ct_preview_scroll_to_line (f->preview, 3 + 2 * 2500);
  wait_page_true (f, "[...document.querySelectorAll('#ct-root p')].some(p => p.textContent.startsWith('Paragraph 2500 ')"
                     " && Math.abs(p.getBoundingClientRect().top) <= 1)");
  g_assert_cmpint (page_int (f, "return ctPreview.stats.unfilled;"), >, 0);

  page_int (f, "ctPreview.holdFill(false); return 0;");
  check (f, "filled after keys typed while it filled");
  g_assert_cmpint (page_int (f, "return ctPreview.stats.unfilled;"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *long_text = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_test_app_new ();

  long_text = long_post ();
  g_test_add ("/ui/preview-incremental/edits", Fixture, POST, fixture_setup, test_edits, fixture_teardown);
  g_test_add ("/ui/preview-incremental/long-post", Fixture, long_text, fixture_setup, test_long_post,
              fixture_teardown);

  g_test_add ("/ui/preview-incremental/sent-before-paint", Fixture, POST, fixture_setup, test_sent_before_paint,
              fixture_teardown);
  g_test_add_func ("/ui/preview-incremental/text-mirror", test_text_mirror);
  g_test_add ("/ui/preview-incremental/fills-in-slices", Fixture, POST, fixture_setup, test_fills_in_slices,
              fixture_teardown);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
