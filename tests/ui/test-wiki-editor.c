/* test-wiki-editor.c — a post inside a real wiki (the sample universe),
 * opened in the real window: references resolve in the preview, hover
 * cards come from the wiki, problems are underlined and counted, F8 moves
 * to them, and completion proposes the wiki's names and keys. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-completion-item.h"
#include "ct-completion-provider.h"
#include "ct-editor-page-private.h"
#include "ct-entity-popover.h"
#include "ct-preview.h"
#include "ct-problems.h"
#include "ct-render-worker.h"
#include "ct-test-ui.h"
#include "ct-window.h"
#include "ct-error.h"
#include "ct-wiki-registry.h"

static CtApplication *app;

typedef struct {
  char         *folder;
  char         *post;
  CtWindow     *window;
  CtEditorPage *page;
  CtPreview    *preview;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->folder = ct_test_sample_wiki_new ("ct-test-wiki-editor-XXXXXX");

  f->post = g_build_filename (f->folder, "posts", "notes.md", NULL);
  ct_test_write_file (f->post, "Notes.\n", -1);

  f->window = ct_test_window_new (app, 1200, 800);
  f->page = ct_test_open_post (f->window, f->post);
  f->preview = CT_PREVIEW (_ct_editor_page_get_preview (f->page));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
  g_autofree char *parent = g_path_get_dirname (f->folder);
  g_autoptr(GFile) tree = g_file_new_for_path (parent);

  /* Nothing unsaved left to ask about or keep as a draft. */
  gtk_text_buffer_set_modified (buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ct_test_spin (50);
  ct_test_remove_tree (tree);
  g_free (f->folder);
  g_free (f->post);
}

/* Evaluates @script in the document's world; its value as a string. */
static char *
eval_string (Fixture    *f,
             const char *script)
{
  return ct_test_eval_js (ct_preview_get_web_view (f->preview), script);
}

/* Replaces the whole text, as typing would (one user action). */
static void
set_text (Fixture    *f,
          const char *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static gboolean
page_shows (Fixture    *f,
            const char *needle)
{
  g_autofree char *text = eval_string (f, "(document.getElementById('ct-root') || { innerHTML: '' }).innerHTML");

  return strstr (text, needle) != NULL;
}

static char *
entity_summary (Fixture    *f,
                const char *title)
{
  CtWiki *wiki = ct_editor_page_get_wiki (f->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ct_wiki_lookup (wiki, title, &error);
  g_autoptr(CtEntity) entity = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  entity = ct_wiki_get_entity (wiki, ((CtLookup *) g_ptr_array_index (found, 0))->entity_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entity->summary);
  return g_strdup (entity->summary);
}

static void
test_resolve_and_card (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *link = NULL;
  g_autofree char *summary = entity_summary (f, "Rooney");
  g_autofree char *card = NULL;
  CtWiki *wiki = ct_editor_page_get_wiki (f->page);

  /* Opened through the registry: the wiki of the post's folder, shared. */
  g_assert_true (g_str_has_suffix (ct_wiki_get_folder (wiki), "/wiki"));
  g_assert_true (ct_preview_get_wiki (f->preview) == wiki);

  set_text (f, "Meet [[Rooney]].\n");
  CT_TEST_WAIT (page_shows (f, "ct-kind-character"));
  link = eval_string (f, "(() => { const a = document.querySelector('#ct-root a.ct-ref');"
                         " return a.getAttribute('href') + '|' + a.className + '|' + a.textContent; })()");
  g_assert_true (g_str_has_prefix (link, "continuity:entity/"));
  g_assert_nonnull (strstr (link, "|ct-ref ct-kind-character|Rooney"));

  /* Pointing at the link brings its card, rendered from the wiki. */
  g_free (eval_string (f, "document.querySelector('#ct-root a.ct-ref')"
                          ".dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); ''"));
  CT_TEST_WAIT ((g_free (card), card = eval_string (f, "(() => { const c = document.getElementById('ct-card');"
                                                        " return c ? c.textContent : ''; })()"),
                 strstr (card, summary) != NULL));
  g_assert_nonnull (strstr (card, "Character"));
  g_assert_nonnull (strstr (card, "Rooney"));

  /* A click opens the entity's card in the app. */
  {
    g_autofree char *href = g_strndup (link, strchr (link, '|') - link);
    GtkWidget *popover = NULL;

    g_signal_emit_by_name (f->preview, "link-activated", href);
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->page));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (CT_IS_ENTITY_POPOVER (child))
        popover = child;
    g_assert_nonnull (popover);
    CT_TEST_WAIT (gtk_widget_get_mapped (popover));
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  /* A second tab of the same wiki shares the connection. */
  {
    g_autofree char *other = g_build_filename (f->folder, "posts", "other.md", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (other);
    CtEditorPage *page;

    ct_test_write_file (other, "Other.\n", -1);
    ct_window_open_file (f->window, file);
    page = ct_window_find_page (f->window, file);
    CT_TEST_WAIT (ct_editor_page_get_wiki (page) != NULL);
    g_assert_true (ct_editor_page_get_wiki (page) == wiki);
  }
}

static gboolean
tagged (GtkTextBuffer *buffer,
        GtkTextTag    *tag,
        int            offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
test_problems (Fixture       *f,
               gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
  GtkTextTag *error_tag;
  CtProblems *problems = _ct_editor_page_get_problems (f->page);
  const char *text = "Héllo [[Nobody Here]] and [[Rooney]].\n";
  int start, end;
  gboolean is_error;
  GtkTextIter cursor;

  set_text (f, text);
  CT_TEST_WAIT (ct_problems_get_count (problems) == 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problems)));

  /* Exactly the characters of the reference (after a two-byte é). */
  g_assert_true (ct_problems_get_range (problems, 0, &start, &end, &is_error));
  g_assert_cmpint (start, ==, 6);
  g_assert_cmpint (end, ==, 6 + (int) strlen ("[[Nobody Here]]"));
  g_assert_true (is_error);
  error_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "ct-problem-error");
  g_assert_nonnull (error_tag);
  g_assert_false (tagged (buffer, error_tag, start - 1));
  for (int i = start; i < end; i++)
    g_assert_true (tagged (buffer, error_tag, i));
  g_assert_false (tagged (buffer, error_tag, end));

  /* F8 from the end of the text wraps around to the problem. */
  gtk_text_buffer_get_end_iter (buffer, &cursor);
  gtk_text_buffer_place_cursor (buffer, &cursor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.next-problem", NULL));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 6);

  /* Fixed: no problem left, the button hides, the underline goes. */
  set_text (f, "Héllo [[Rooney]] and [[Rooney]].\n");
  CT_TEST_WAIT (ct_problems_get_count (problems) == 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problems)));
  g_assert_false (tagged (buffer, error_tag, 6));
}

/* Diagnostics of a text the buffer no longer holds are not placed. */
static void
test_problems_stale (Fixture       *f,
                     gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
  CtProblems *problems = _ct_editor_page_get_problems (f->page);
  GPtrArray *diagnostics;
  GtkTextIter start;

  set_text (f, "[[Nobody Here]]\n");
  CT_TEST_WAIT (ct_problems_get_count (problems) == 1);
  diagnostics = g_ptr_array_ref (ct_preview_get_diagnostics (f->preview));

  /* Typed in front: the old offsets are off by one now. Replaying the old
   * render's report must leave the underline where the text moved it. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "x", -1);
  g_signal_emit_by_name (f->preview, "diagnostics-changed", diagnostics);
  {
    int s, e;
    gboolean is_error;

    g_assert_true (ct_problems_get_range (problems, 0, &s, &e, &is_error));
    g_assert_cmpint (s, ==, 1);
    g_assert_cmpint (e, ==, 16);
  }
  g_ptr_array_unref (diagnostics);
}

static gboolean
proposes (CtCompletionProvider *provider,
          const char           *before,
          const char           *text,
          const char           *detail,
          guint                 expected_typed)
{
  guint typed = 0;
  g_autoptr(GListStore) store = ct_completion_provider_propose (provider, before, &typed);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean found = FALSE;

  g_assert_cmpuint (typed, ==, expected_typed);
  for (guint i = 0; i < n && !found; i++)
    {
      g_autoptr(CtCompletionItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      found = g_strcmp0 (ct_completion_item_get_text (item), text) == 0 &&
              (detail == NULL || g_strcmp0 (ct_completion_item_get_detail (item), detail) == 0);
    }
  return found;
}

static void
test_completion (Fixture       *f,
                 gconstpointer  data)
{
  CtCompletionProvider *provider = _ct_editor_page_get_completion (f->page);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
  g_autofree char *text = NULL;

  g_assert_true (proposes (provider, "Meet [[Roo", "Rooney", "Character", 3));
  g_assert_true (proposes (provider, "Meet [[ roo", "Rooney", "Character", 3));
  g_assert_true (proposes (provider, "{{ca", "cast", "Template", 2));
  g_assert_true (proposes (provider, "{{cast: Ball", "Ballerina", "Film", 4));
  g_assert_true (proposes (provider, "{{fact: Ballerina | rel", "release_date", NULL, 3));
  /* Closed references, labels and escaped openers propose nothing. */
  g_assert_false (proposes (provider, "[[Rooney]] Roo", "Rooney", NULL, 0));
  g_assert_false (proposes (provider, "[[Rooney|Roo", "Rooney", NULL, 0));
  g_assert_false (proposes (provider, "\\[[Roo", "Rooney", NULL, 0));

  /* Typing [[Roo in the editor: the provider is the view's. */
  set_text (f, "[[Roo");
  text = ct_document_dup_text (ct_editor_page_get_document (f->page));
  g_assert_cmpstr (text, ==, "[[Roo");
  (void) buffer;
}

static void
rendered_cb (CtRenderWorker  *worker,
             guint            generation,
             CtRenderResult  *result,
             const GError    *error,
             char           **output)
{
  GString *html = g_string_new (NULL);

  g_assert_no_error (error);
  /* Preview mode: the page is its blocks. */
  for (guint i = 0; i < ct_block_list_get_length (result->block_list); i++)
    g_string_append (html, ct_block_list_get (result->block_list, i).html);
  g_free (*output);
  *output = g_string_free (html, FALSE);
}

/* A big text with a wiki renders in a thread, on the worker's own
 * read-only connection, and still resolves its references. */
static void
test_worker_thread_wiki (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("ct-test-worker-wiki-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (base, "wiki", NULL);
  g_autoptr(GFile) tree = g_file_new_for_path (base);
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(CtRenderWorker) worker = ct_render_worker_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *output = NULL;

  g_assert_no_error (error);
  wiki = ct_wiki_create_sample (folder, &error);
  g_assert_no_error (error);

  while (text->len <= CT_RENDER_WORKER_WIKI_THREAD_THRESHOLD)
    g_string_append (text, "[[Rooney]] trains with the [[Ruska Roma]].\n\n");
  g_string_append (text, "The end with [[Winston]].\n");

  g_signal_connect (worker, "rendered", G_CALLBACK (rendered_cb), &output);
  ct_render_worker_set_wiki (worker, wiki);
  ct_render_worker_request (worker, text->str, text->len);
  CT_TEST_WAIT (ct_render_worker_is_rendering (worker));
  CT_TEST_WAIT (output != NULL);
  g_assert_nonnull (strstr (output, "ct-kind-character\" href=\"continuity:entity/"));
  g_assert_nonnull (strstr (output, ">Winston</a>"));
  g_assert_null (strstr (output, "ct-unresolved"));

  /* The next thread render reuses the connection and sees new data. */
  {
    gint64 id = ct_wiki_create_entity (wiki, CT_ENTITY_CHARACTER, "Newcomer", &error);

    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
  }
  g_string_append (text, "And [[Newcomer]].\n");
  g_clear_pointer (&output, g_free);
  ct_render_worker_request (worker, text->str, text->len);
  CT_TEST_WAIT (ct_render_worker_is_rendering (worker));
  CT_TEST_WAIT (output != NULL);
  g_assert_nonnull (strstr (output, ">Newcomer</a>"));

  g_clear_object (&worker);
  g_clear_object (&wiki);
  ct_test_remove_tree (tree);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *out = user_data;
  GError *error = NULL;
  CtWiki *wiki = ct_wiki_registry_lookup_finish (CT_WIKI_REGISTRY (object), result, &error);

  g_object_set_data_full (G_OBJECT (out), "wiki", wiki, g_object_unref);
  g_object_set_data_full (G_OBJECT (out), "error", error, (GDestroyNotify) g_error_free);
  g_object_set_data (G_OBJECT (out), "done", GINT_TO_POINTER (TRUE));
}

static CtWiki *
lookup (CtWikiRegistry  *registry,
        const char      *path,
        GError         **error)
{
  g_autoptr(GObject) out = g_object_new (G_TYPE_OBJECT, NULL);
  CtWiki *wiki;
  GError *found_error;

  ct_wiki_registry_lookup_async (registry, path, NULL, looked_up_cb, out);
  CT_TEST_WAIT (g_object_get_data (out, "done") != NULL);
  wiki = g_object_steal_data (out, "wiki");
  found_error = g_object_steal_data (out, "error");
  if (found_error != NULL)
    g_propagate_error (error, found_error);
  return wiki;
}

/* One wiki per folder, shared; none outside a wiki; a damaged one is a
 * sentence, not a crash. */
static void
test_registry (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("ct-test-registry-XXXXXX", &error);
  g_autofree char *good = g_build_filename (base, "good", NULL);
  g_autofree char *bad = g_build_filename (base, "bad", NULL);
  g_autofree char *bad_db = g_build_filename (bad, CT_WIKI_DB_NAME, NULL);
  g_autofree char *post = g_build_filename (good, "posts", "a.md", NULL);
  g_autofree char *other = g_build_filename (good, "posts", "b.md", NULL);
  g_autofree char *bad_post = g_build_filename (bad, "c.md", NULL);
  g_autofree char *outside = g_build_filename (base, "d.md", NULL);
  g_autoptr(GFile) tree = g_file_new_for_path (base);
  g_autoptr(CtWikiRegistry) registry = ct_wiki_registry_new ();
  g_autoptr(CtWiki) created = NULL;
  g_autoptr(CtWiki) first = NULL;
  g_autoptr(CtWiki) second = NULL;
  g_autoptr(CtWiki) none = NULL;
  g_autoptr(CtWiki) damaged = NULL;

  g_assert_no_error (error);
  created = ct_wiki_create (good, &error);
  g_assert_no_error (error);
  g_clear_object (&created);
  g_assert_cmpint (g_mkdir_with_parents (bad, 0755), ==, 0);
  ct_test_write_file (bad_db, "this is not a database, it is a text file of some length", -1);

  first = lookup (registry, post, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  second = lookup (registry, other, &error);
  g_assert_no_error (error);
  g_assert_true (first == second);

  none = lookup (registry, outside, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  damaged = lookup (registry, bad_post, &error);
  g_assert_null (damaged);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, bad_db));

  g_clear_object (&first);
  g_clear_object (&second);
  ct_test_remove_tree (tree);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* tests/run-ui-test gives this program a private home for all its cases:
   * not G_TEST_OPTION_ISOLATE_DIRS, which breaks WebKit after the first
   * case (its sandbox keeps the folders it saw first). */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_test_app_new ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/wiki-editor/resolve-and-card", test_resolve_and_card);
  ADD ("/ui/wiki-editor/problems", test_problems);
  ADD ("/ui/wiki-editor/problems-stale", test_problems_stale);
  ADD ("/ui/wiki-editor/completion", test_completion);
#undef ADD
  g_test_add_func ("/ui/wiki-editor/worker-thread-wiki", test_worker_thread_wiki);
  g_test_add_func ("/ui/wiki-editor/registry", test_registry);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
