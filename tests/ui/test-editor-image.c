/* test-editor-image.c — images into a post in the real window: a pasted
 * image lands in the wiki's media/ as PNG and its Markdown goes in at the
 * caret after the alt text prompt, one undo step; a chosen file keeps its
 * name, made safe; a post without a wiki says why nothing happens. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "ct-application.h"
#include "ct-editor-image.h"
#include "ct-editor-page-private.h"
#include "ct-test-ui.h"
#include "ct-window.h"

static CtApplication *app;

typedef struct {
  char          *base;
  char          *folder;    /* the wiki, or a plain folder */
  CtWindow      *window;
  CtEditorPage  *page;
  GtkTextBuffer *buffer;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gboolean with_wiki = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  f->base = g_dir_make_tmp ("ct-test-editor-image-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_build_filename (f->base, "wiki", NULL);
  if (with_wiki)
    {
      g_autoptr(CtWiki) wiki = ct_wiki_create (f->folder, &error);
      g_assert_no_error (error);
    }
  path = g_build_filename (f->folder, "posts", "review.md", NULL);
  g_mkdir_with_parents (f->base, 0700);
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_mkdir_with_parents (dir, 0700);
  }
  ct_test_write_file (path, "Before.\n", -1);

  f->window = ct_test_window_new (app, 1000, 700);
  file = g_file_new_for_path (path);
  ct_window_open_file (f->window, file);
  f->page = ct_window_find_page (f->window, file);
  g_assert_nonnull (f->page);
  CT_TEST_WAIT (ct_test_page_ready (f->page));
  if (with_wiki)
    CT_TEST_WAIT (ct_editor_page_get_wiki (f->page) != NULL);
  else
    ct_test_spin (200);
  f->buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) base = g_file_new_for_path (f->base);

  gtk_text_buffer_set_modified (f->buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ct_test_spin (50);
  ct_test_remove_tree (base);
  g_free (f->folder);
  g_free (f->base);
}

static char *
buffer_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  return gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
}

static gboolean
buffer_has (Fixture    *f,
            const char *needle)
{
  g_autofree char *text = buffer_text (f);
  return strstr (text, needle) != NULL;
}

/* The files in media/, one a line, sorted. */
static char *
media_files (Fixture *f)
{
  g_autofree char *media = g_build_filename (f->folder, "media", NULL);
  g_autoptr(GDir) dir = g_dir_open (media, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static AdwMessageDialog *
answer_alt (Fixture    *f,
            const char *alt)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG));
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), alt);
  adw_message_dialog_response (dialog, "insert");
  gtk_window_destroy (GTK_WINDOW (dialog));
  return dialog;
}

static void
caret_to_end (Fixture *f)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (f->buffer, &end);
  gtk_text_buffer_place_cursor (f->buffer, &end);
}

static void
test_paste (Fixture       *f,
            gconstpointer  data)
{
  static const guchar pixels[] = {
    0xff, 0x00, 0x00, 0xff,  0xff, 0x00, 0x00, 0xff,
    0xff, 0x00, 0x00, 0xff,  0xff, 0x00, 0x00, 0xff,
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (pixels, sizeof pixels);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (2, 2, GDK_MEMORY_R8G8B8A8, bytes, 8);
  GtkWidget *view = GTK_WIDGET (ct_editor_page_get_view (f->page));
  g_autofree char *files = NULL;
  g_autofree char *png_path = NULL;
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gsize png_len;

  caret_to_end (f);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (view), texture);
  gtk_widget_grab_focus (view);
  g_signal_emit_by_name (view, "paste-clipboard");
  answer_alt (f, "A red [square]");

  CT_TEST_WAIT (buffer_has (f, "](../media/pasted-"));
  files = media_files (f);
  g_assert_true (g_str_has_prefix (files, "pasted-"));
  g_assert_true (g_str_has_suffix (files, ".png"));
  g_assert_null (strchr (files, '\n'));  /* one file */

  /* A real PNG of the pasted pixels. */
  png_path = g_build_filename (f->folder, "media", files, NULL);
  g_assert_true (g_file_get_contents (png_path, &png, &png_len, NULL));
  g_assert_cmpuint (png_len, >, 8);
  g_assert_cmpint (memcmp (png, "\x89PNG\r\n\x1a\n", 8), ==, 0);

  /* The Markdown at the caret, relative to the post, alt text escaped. */
  text = buffer_text (f);
  expected = g_strdup_printf ("Before.\n![A red \\[square\\]](../media/%s)", files);
  g_assert_cmpstr (text, ==, expected);

  /* One step back. */
  gtk_text_buffer_undo (f->buffer);
  g_free (text);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "Before.\n");
}

static void
test_insert_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *source_path = g_build_filename (f->base, "My Poster (final).PNG", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *files = NULL;

  ct_test_write_file (source_path, "\x89PNG not really", -1);
  caret_to_end (f);
  ct_editor_image_insert_file (f->page, source);

  /* The file's own name is offered as the alt text. */
  dialog = ADW_MESSAGE_DIALOG (ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "My Poster (final)");
  adw_message_dialog_response (dialog, "insert");
  gtk_window_destroy (GTK_WINDOW (dialog));

  CT_TEST_WAIT (buffer_has (f, "![My Poster (final)](../media/My-Poster-final.png)"));
  files = media_files (f);
  g_assert_cmpstr (files, ==, "My-Poster-final.png");
}

/* The page's drop target for files, as a file manager's drop reaches it. */
static GtkDropTarget *
find_file_drop_target (Fixture *f)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (ct_editor_page_get_view (f->page)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (scroller);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller)
          && gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), NULL)[0] == GDK_TYPE_FILE_LIST)
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (f->base, "notes.txt", NULL);
  g_autofree char *safe_path = g_build_filename (f->base, "passwd.png", NULL);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) image = g_file_new_for_path (safe_path);
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  g_autofree char *media = NULL;
  g_autofree char *text = NULL;

  ct_test_write_file (text_path, "not an image", -1);
  ct_test_write_file (safe_path, "\x89PNG", -1);
  caret_to_end (f);

  /* A text file first: skipped; the image after it is taken, and goes
   * where it was dropped (the top left: the start of the post). */
  files = g_slist_append (files, text_file);
  files = g_slist_append (files, image);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (find_file_drop_target (f), "drop", &value, 1.0, 1.0, &accepted);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (accepted);

  answer_alt (f, "Dropped");
  CT_TEST_WAIT (buffer_has (f, "![Dropped](../media/passwd.png)"));
  text = buffer_text (f);
  g_assert_true (g_str_has_prefix (text, "![Dropped](../media/passwd.png)Before."));
  media = media_files (f);
  g_assert_cmpstr (media, ==, "passwd.png");
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *source_path = g_build_filename (f->base, "still.png", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  AdwMessageDialog *dialog;
  g_autofree char *files = NULL;
  g_autofree char *text = NULL;

  ct_test_write_file (source_path, "png", -1);
  ct_editor_image_insert_file (f->page, source);
  dialog = ADW_MESSAGE_DIALOG (ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ct_test_spin (300);
  files = media_files (f);
  g_assert_cmpstr (files, ==, "");
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "Before.\n");
}

static void
test_no_wiki (Fixture       *f,
              gconstpointer  data)
{
  static const guchar pixel[] = { 0, 0, 0, 0xff };
  g_autoptr(GBytes) bytes = g_bytes_new_static (pixel, sizeof pixel);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (1, 1, GDK_MEMORY_R8G8B8A8, bytes, 4);
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;

  g_assert_null (ct_editor_page_get_wiki (f->page));
  ct_editor_image_insert_texture (f->page, texture);
  dialog = ADW_MESSAGE_DIALOG (ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Wiki for This Post");
  g_assert_null (adw_message_dialog_get_extra_child (dialog));
  /* A click on Close emits the response and closes; response () alone
   * only emits it. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  CT_TEST_WAIT (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG) == NULL);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "Before.\n");

  /* Insert Image… from the main menu (Ctrl+Shift+I) says the same
   * before any file chooser. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.insert-image");

    guint key = 0;
    GdkModifierType mods = 0;

    g_assert_nonnull (accels[0]);
    g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
    g_assert_cmpuint (key, ==, GDK_KEY_i);
    g_assert_cmpuint (mods, ==, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.insert-image", NULL));
  dialog = ADW_MESSAGE_DIALOG (ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Wiki for This Post");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_test_app_new ();

#define ADD(path, func, wiki) \
  g_test_add (path, Fixture, GINT_TO_POINTER (wiki), fixture_setup, func, fixture_teardown)
  ADD ("/ui/editor-image/paste", test_paste, TRUE);
  ADD ("/ui/editor-image/insert-file", test_insert_file, TRUE);
  ADD ("/ui/editor-image/drop", test_drop, TRUE);
  ADD ("/ui/editor-image/cancel", test_cancel, TRUE);
  ADD ("/ui/editor-image/no-wiki", test_no_wiki, FALSE);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
