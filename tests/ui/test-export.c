/* test-export.c — publishing a post from the window: what the app writes
 * is what `continuity export` writes for the same file, byte for byte,
 * references resolved against the post's wiki. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-test-ui.h"
#include "ct-window-private.h"

static CtApplication *app;

typedef struct {
  char         *base;
  char         *folder;    /* the wiki */
  char         *post;
  CtWindow     *window;
  CtEditorPage *page;
} Fixture;

#define POST \
  "---\ntitle: On Rooney\n---\n# Rooney\n\n[[Rooney]] dances in [[Ballerina]].\n\n{{cast: Ballerina}}\n"

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static gboolean
page_ready (CtEditorPage *page)
{
  CtDocument *document = ct_editor_page_get_document (page);

  return ct_document_get_file (document) != NULL && !ct_document_get_busy (document);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GFile) file = NULL;

  f->base = g_dir_make_tmp ("ct-test-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_build_filename (f->base, "wiki", NULL);
  wiki = ct_wiki_create_sample (f->folder, &error);
  g_assert_no_error (error);
  g_clear_object (&wiki);

  f->post = g_build_filename (f->folder, "posts", "on-rooney.md", NULL);
  ct_test_write_file (f->post, POST, -1);

  f->window = ct_window_new (app, ct_application_get_drafts (app),
                             ct_application_get_wiki_registry (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));

  file = g_file_new_for_path (f->post);
  ct_window_open_file (f->window, file);
  f->page = ct_window_find_page (f->window, file);
  g_assert_nonnull (f->page);
  CT_TEST_WAIT (page_ready (f->page));
  CT_TEST_WAIT (ct_editor_page_get_wiki (f->page) != NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) tree = g_file_new_for_path (f->base);
  GtkWindow *dialog;

  while ((dialog = ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page)), FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ct_test_spin (50);
  remove_tree (tree);
  g_free (f->base);
  g_free (f->folder);
  g_free (f->post);
}

static char *
file_contents (const char *path,
               gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* What `continuity export ARGS… POST -o OUT` writes. */
static char *
cli_export (Fixture     *f,
            const char  *out,
            const char  *format,
            const char  *site_url,
            gsize       *length)
{
  const char *bin = g_getenv ("CT_CONTINUITY_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *format_arg = g_strconcat ("--format=", format, NULL);
  g_autofree char *url_arg = site_url ? g_strconcat ("--site-url=", site_url, NULL) : NULL;
  int status;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  g_ptr_array_add (argv, "export");
  g_ptr_array_add (argv, format_arg);
  if (url_arg != NULL)
    g_ptr_array_add (argv, url_arg);
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, (char *) out);
  g_ptr_array_add (argv, f->post);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  /* No diagnostics: every reference of POST is in the sample wiki. */
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return file_contents (out, length);
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Export;

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;

  export->ok = _ct_window_export_html_finish (CT_WINDOW (object), result, &export->error);
  export->done = TRUE;
}

/* The defect of issue 9: the window rendered without the post's wiki. */
static void
test_matches_cli (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *app_path = g_build_filename (f->base, "app.html", NULL);
  g_autofree char *cli_path = g_build_filename (f->base, "cli.html", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (app_path);
  g_autofree char *app_bytes = NULL;
  g_autofree char *cli_bytes = NULL;
  gsize app_length, cli_length;
  Export export = { FALSE, FALSE, NULL };

  _ct_window_export_html_async (f->window, f->page, target, exported_cb, &export);
  CT_TEST_WAIT (export.done);
  g_assert_no_error (export.error);
  g_assert_true (export.ok);

  app_bytes = file_contents (app_path, &app_length);
  cli_bytes = cli_export (f, cli_path, "standalone", NULL, &cli_length);
  g_assert_null (strstr (app_bytes, "No wiki is open"));
  g_assert_nonnull (strstr (cli_bytes, "Rooney"));
  g_assert_cmpmem (app_bytes, app_length, cli_bytes, cli_length);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* run-ui-test gives this program a private home (not
   * G_TEST_OPTION_ISOLATE_DIRS, which breaks WebKit after the first case). */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/export/matches-cli", test_matches_cli);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
