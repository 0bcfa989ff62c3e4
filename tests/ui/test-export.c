/* test-export.c — publishing a post from the window: what the app writes
 * (Export…, Copy as HTML) is what `continuity export` writes for the same
 * file, byte for byte, references resolved against the post's wiki; the
 * dialog remembers its choices per post and refuses unsafe site URLs. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-export-dialog.h"
#include "ct-export-print.h"
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
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->folder = ct_test_sample_wiki_new ("ct-test-export-XXXXXX");
  f->base = g_path_get_dirname (f->folder);

  f->post = g_build_filename (f->folder, "posts", "on-rooney.md", NULL);
  ct_test_write_file (f->post, POST, -1);

  f->window = ct_test_window_new (app, 1000, 700);
  f->page = ct_test_open_post (f->window, f->post);
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
  ct_test_remove_tree (tree);
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
            const char  *theme,
            gsize       *length)
{
  const char *bin = g_getenv ("CT_CONTINUITY_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *format_arg = g_strconcat ("--format=", format, NULL);
  g_autofree char *url_arg = site_url ? g_strconcat ("--site-url=", site_url, NULL) : NULL;
  g_autofree char *theme_arg = theme ? g_strconcat ("--theme=", theme, NULL) : NULL;
  int status;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  g_ptr_array_add (argv, "export");
  g_ptr_array_add (argv, format_arg);
  if (url_arg != NULL)
    g_ptr_array_add (argv, url_arg);
  if (theme_arg != NULL)
    g_ptr_array_add (argv, theme_arg);
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, (char *) out);
  g_ptr_array_add (argv, f->post);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out_text, &err, &status, &error);
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

  export->ok = _ct_window_export_finish (CT_WINDOW (object), result, &export->error);
  export->done = TRUE;
}

/* Opens the dialog as Ctrl+E does. */
static CtExportDialog *
open_dialog (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  return CT_EXPORT_DIALOG (ct_test_wait_dialog (GTK_WINDOW (f->window), CT_TYPE_EXPORT_DIALOG));
}

/* The dialog's row titled @title, as a user finds it. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Exports through the dialog, as if the file chooser returned @path. */
static char *
dialog_export (Fixture        *f,
               CtExportFormat  format,
               CtRenderTheme   theme,
               const char     *site_url,
               const char     *path,
               gsize          *length)
{
  CtExportDialog *dialog = open_dialog (f);
  g_autoptr(GFile) target = g_file_new_for_path (path);

  g_unlink (path);
  ct_export_dialog_set_format (dialog, format);
  /* a theme is offered for a standalone page only */
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (find_row (GTK_WIDGET (dialog), "Theme"))),
                   ==, format == CT_EXPORT_STANDALONE);
  if (format == CT_EXPORT_STANDALONE)
    ct_export_dialog_set_theme (dialog, theme);
  ct_export_dialog_set_site_url (dialog, site_url);
  g_assert_true (ct_export_dialog_choose (dialog, target));
  /* The file is renamed into place whole: once it is there, it is done. */
  CT_TEST_WAIT (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (ct_test_find_dialog (GTK_WINDOW (f->window), CT_TYPE_EXPORT_DIALOG));
  return file_contents (path, length);
}

/* The defect of issue 9: the window rendered without the post's wiki. */
static void
test_matches_cli (Fixture       *f,
                  gconstpointer  data)
{
  static const struct {
    CtExportFormat format;
    const char *name;
    const char *site_url;
    CtRenderTheme theme;
  } cases[] = {
    { CT_EXPORT_STANDALONE, "standalone", NULL, CT_RENDER_THEME_AUTO },
    { CT_EXPORT_STANDALONE, "standalone", NULL, CT_RENDER_THEME_DARK },
    { CT_EXPORT_STANDALONE, "standalone", "https://example.org/wiki", CT_RENDER_THEME_PRINT },
    { CT_EXPORT_FRAGMENT, "fragment", "https://example.org/wiki", CT_RENDER_THEME_AUTO },
    { CT_EXPORT_MARKDOWN, "markdown", "https://example.org/wiki", CT_RENDER_THEME_AUTO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *app_path = g_build_filename (f->base, "app.out", NULL);
      g_autofree char *cli_path = g_build_filename (f->base, "cli.out", NULL);
      g_autofree char *app_bytes = NULL;
      g_autofree char *cli_bytes = NULL;
      gsize app_length, cli_length;

      const char *theme = ct_export_theme_to_name (cases[i].theme);

      g_test_message ("format %s, theme %s", cases[i].name, theme);
      app_bytes = dialog_export (f, cases[i].format, cases[i].theme, cases[i].site_url, app_path, &app_length);
      cli_bytes = cli_export (f, cli_path, cases[i].name, cases[i].site_url,
                              cases[i].format == CT_EXPORT_STANDALONE ? theme : NULL, &cli_length);
      g_assert_null (strstr (app_bytes, "No wiki is open"));
      g_assert_nonnull (strstr (cli_bytes, "Rooney"));
      g_assert_cmpmem (app_bytes, app_length, cli_bytes, cli_length);
    }
}

/* Each post keeps its own format and site URL; a script URL is refused
 * with a sentence, and nothing is exported. */
static void
test_remembered (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->base, "post.md", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GFile) target = g_file_new_for_path (path);
  CtExportDialog *dialog;

  bytes = dialog_export (f, CT_EXPORT_STANDALONE, CT_RENDER_THEME_PRINT, NULL, path, NULL);
  g_assert_nonnull (strstr (bytes, "<html class=\"light print\">"));
  g_clear_pointer (&bytes, g_free);
  dialog = open_dialog (f);
  g_assert_cmpint (ct_export_dialog_get_theme (dialog), ==, CT_RENDER_THEME_PRINT);
  gtk_window_destroy (GTK_WINDOW (dialog));

  bytes = dialog_export (f, CT_EXPORT_MARKDOWN, CT_RENDER_THEME_AUTO, "https://example.org/wiki", path, NULL);
  g_assert_nonnull (strstr (bytes, "https://example.org/wiki/character/rooney.html"));

  dialog = open_dialog (f);
  g_assert_cmpint (ct_export_dialog_get_format (dialog), ==, CT_EXPORT_MARKDOWN);
  g_assert_cmpstr (ct_export_dialog_get_site_url (dialog), ==, "https://example.org/wiki");
  /* the theme chosen before is kept with the post, though Markdown has none */
  g_assert_cmpint (ct_export_dialog_get_theme (dialog), ==, CT_RENDER_THEME_PRINT);

  g_unlink (path);
  ct_export_dialog_set_site_url (dialog, "javascript:alert(1)");
  g_assert_false (ct_export_dialog_choose (dialog, target));
  g_assert_nonnull (ct_test_find_dialog (GTK_WINDOW (f->window), CT_TYPE_EXPORT_DIALOG));
  ct_test_spin (200);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Another post starts from the defaults. */
  {
    g_autofree char *other = g_build_filename (f->folder, "posts", "other.md", NULL);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);
    CtEditorPage *page;

    ct_test_write_file (other, "Other.\n", -1);
    ct_window_open_file (f->window, other_file);
    page = ct_window_find_page (f->window, other_file);
    CT_TEST_WAIT (ct_test_page_ready (page));
    dialog = open_dialog (f);
    g_assert_cmpint (ct_export_dialog_get_format (dialog), ==, CT_EXPORT_STANDALONE);
    g_assert_cmpint (ct_export_dialog_get_theme (dialog), ==, CT_RENDER_THEME_AUTO);
    g_assert_null (ct_export_dialog_get_site_url (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (ct_editor_page_get_document (page)), FALSE);
  }
}

/* What is exported is what the editor holds now; raw HTML follows the
 * setting; a folder that is not there is a sentence naming the file. */
static void
test_typed_text_and_errors (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out_path = g_build_filename (f->base, "export.html", NULL);
  g_autofree char *bad_path = g_build_filename (f->base, "no-such-folder", "export.html", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
  Export export = { FALSE, FALSE, NULL };
  g_autofree char *html = NULL;
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nSome *emphasis* & <b>raw</b> HTML, typed.\n", -1);

  _ct_window_export_async (f->window, f->page, &(CtExportOptions) { .format = CT_EXPORT_STANDALONE }, out,
                           exported_cb, &export);
  CT_TEST_WAIT (export.done);
  g_assert_no_error (export.error);
  g_assert_true (export.ok);

  html = file_contents (out_path, NULL);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<em>emphasis</em> &amp; "));
  g_assert_null (strstr (html, "<b>raw</b>"));
  g_assert_nonnull (strstr (html, "<style"));

  export.done = FALSE;
  _ct_window_export_async (f->window, f->page, &(CtExportOptions) { .format = CT_EXPORT_STANDALONE }, bad,
                           exported_cb, &export);
  CT_TEST_WAIT (export.done);
  g_assert_false (export.ok);
  g_assert_error (export.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (export.error->message, "no-such-folder"));
  g_clear_error (&export.error);
  /* And the user is told, in a dialog. */
  g_assert_nonnull (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG));
}

typedef struct {
  GBytes *bytes;
  char   *mime_type;
  GError *error;
} Read;

static void
spliced_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Read *read = user_data;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &read->error);
  g_assert_no_error (read->error);
  read->bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (object));
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Read *read = user_data;
  const char *mime_type = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, &mime_type, &read->error);
  g_assert_no_error (read->error);
  read->mime_type = g_strdup (mime_type);
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, spliced_cb, read);
}

/* What a web editor asks the clipboard for after Ctrl+Shift+C. */
static GBytes *
read_clipboard (GdkClipboard *clipboard,
                const char   *mime_type)
{
  const char *mime_types[] = { mime_type, NULL };
  Read read = { NULL, NULL, NULL };

  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, clipboard_read_cb, &read);
  CT_TEST_WAIT (read.bytes != NULL);
  g_assert_cmpstr (read.mime_type, ==, mime_type);
  g_free (read.mime_type);
  return read.bytes;
}

static void
test_copy_html (Fixture       *f,
                gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autofree char *cli_path = g_build_filename (f->base, "cli.html", NULL);
  g_autofree char *md_path = g_build_filename (f->base, "cli.md", NULL);
  g_autofree char *cli_html = NULL;
  g_autofree char *cli_md = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GBytes) plain = NULL;
  gsize html_length, md_length;

  gdk_clipboard_set_text (clipboard, "before");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-html", NULL));
  CT_TEST_WAIT (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/html"));

  html = read_clipboard (clipboard, "text/html");
  cli_html = cli_export (f, cli_path, "fragment", NULL, NULL, &html_length);
  g_assert_cmpmem (g_bytes_get_data (html, NULL), g_bytes_get_size (html), cli_html, html_length);
  g_assert_nonnull (strstr (cli_html, "<h1>"));

  plain = read_clipboard (clipboard, "text/plain;charset=utf-8");
  cli_md = cli_export (f, md_path, "markdown", NULL, NULL, &md_length);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), cli_md, md_length);
}

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Export *export = user_data;

  export->ok = ct_export_print_finish (CT_EDITOR_PAGE (object), result, &export->error);
  export->done = TRUE;
}

/* How many pages a PDF from cairo has: its page objects are written
 * uncompressed, each with "/Type /Page" (the page tree says "/Pages"). */
static guint
count_pdf_pages (const char *pdf,
                 gsize       length)
{
  static const char needle[] = "/Type /Page";
  guint pages = 0;

  /* the file holds binary streams: compare bytes, not C strings */
  for (gsize i = 0; i + sizeof needle <= length; i++)
    if (memcmp (pdf + i, needle, sizeof needle - 1) == 0 && pdf[i + sizeof needle - 1] != 's')
      pages++;
  return pages;
}

/* Print to File: the standalone export, laid out by WebKit, as a PDF. */
static void
test_print_pdf (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf_path = g_build_filename (f->base, "post.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf_path, NULL, NULL);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *pdf = NULL;
  Export export = { FALSE, FALSE, NULL };
  gsize length;

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");

  ct_export_print_async (f->page, GTK_WINDOW (f->window), settings, printed_cb, &export);
  CT_TEST_WAIT (export.done);
  g_assert_no_error (export.error);
  g_assert_true (export.ok);

  pdf = file_contents (pdf_path, &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));
  /* the short post, its cast table kept whole: one page */
  g_assert_cmpuint (count_pdf_pages (pdf, length), ==, 1);
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

  app = ct_test_app_new ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/export/matches-cli", test_matches_cli);
  ADD ("/ui/export/remembered", test_remembered);
  ADD ("/ui/export/typed-text-and-errors", test_typed_text_and_errors);
  ADD ("/ui/export/copy-html", test_copy_html);
  ADD ("/ui/export/print-pdf", test_print_pdf);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
