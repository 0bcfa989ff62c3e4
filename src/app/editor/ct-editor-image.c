#define G_LOG_DOMAIN "ct-editor-image"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ct-editor-image.h"
#include "ct-editor-insert.h"
#include "ct-editor-page-private.h"
#include "ct-media.h"

/* One image on its way into the post. The caret's place is kept in a
 * mark when the user asks, so typing during the copy does not move where
 * the image goes; the page is held weakly, since the user may close the
 * tab while the dialog or the copy is pending. */
typedef struct {
  GWeakRef       page;
  GFile         *file;        /* or … */
  GdkTexture    *texture;     /* … a pasted image */
  GtkTextMark   *mark;
  char          *wiki_folder;
  char          *post_path;   /* NULL for a post never saved */
  char          *alt;
  GtkEntry      *entry;
} Request;

static void
request_free (Request *request)
{
  CtEditorPage *page = g_weak_ref_get (&request->page);

  if (page != NULL && request->mark != NULL && !gtk_text_mark_get_deleted (request->mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (request->mark), request->mark);
  g_clear_object (&page);
  g_weak_ref_clear (&request->page);
  g_clear_object (&request->file);
  g_clear_object (&request->texture);
  g_clear_object (&request->mark);
  g_free (request->wiki_folder);
  g_free (request->post_path);
  g_free (request->alt);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
show_message (CtEditorPage *self,
              const char   *heading,
              const char   *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The copy, on a worker thread: core does the naming and the writing. */
static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GError) error = NULL;
  char *name;

  if (request->texture != NULL)
    {
      /* A pasted image has no name; its time tells pastes apart. */
      g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (request->texture);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "pasted-%Y-%m-%d-%H%M%S.png");

      name = ct_media_import_bytes (request->wiki_folder, png, stamp, cancellable, &error);
    }
  else
    name = ct_media_import_file (request->wiki_folder, request->file, NULL, cancellable, &error);

  if (name == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, name, g_free);
}

static void
copied_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(CtEditorPage) self = g_weak_ref_get (&request->page);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *markdown = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (name == NULL)
    {
      show_message (self, _("The Image Was Not Inserted"), error->message);
      return;
    }

  markdown = ct_media_markdown (request->wiki_folder, request->post_path, name, request->alt);
  buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, request->mark);
  gtk_text_buffer_place_cursor (buffer, &iter);
  ct_editor_insert_reference (GTK_TEXT_VIEW (ct_editor_page_get_view (self)), markdown);
  gtk_widget_grab_focus (GTK_WIDGET (ct_editor_page_get_view (self)));
}

static void
alt_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(CtEditorPage) self = g_weak_ref_get (&request->page);
  g_autoptr(GTask) task = NULL;

  if (self == NULL || g_strcmp0 (response, "insert") != 0)
    return;

  request->alt = g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->entry)));
  task = g_task_new (NULL, self->cancellable, copied_cb, request);
  g_task_set_source_tag (task, alt_response_cb);
  g_task_set_task_data (task, g_steal_pointer (&request), (GDestroyNotify) request_free);
  g_task_run_in_thread (task, copy_thread);
}

static void
start (CtEditorPage *self,
       GFile        *file,
       GdkTexture   *texture)
{
  g_autoptr(Request) request = NULL;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (self));
  GFile *post = ct_document_get_file (self->document);
  CtWiki *wiki = ct_editor_page_get_wiki (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *entry;
  GtkTextIter iter;

  if (wiki == NULL)
    {
      show_message (self, _("No Wiki for This Post"),
                    _("Images are copied into the media folder of the post’s wiki. Save the post in a wiki’s folder, or open a wiki, then insert the image again."));
      return;
    }

  request = g_new0 (Request, 1);
  g_weak_ref_init (&request->page, self);
  request->file = file ? g_object_ref (file) : NULL;
  request->texture = texture ? g_object_ref (texture) : NULL;
  request->wiki_folder = g_strdup (ct_wiki_get_folder (wiki));
  request->post_path = post ? g_file_get_path (post) : NULL;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  request->mark = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE));

  /* Alt text: what a screen reader says and a broken image shows. A
   * file's own name is a start the user can keep or replace. */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Describe the Image"),
                                   _("The alt text is read aloud by screen readers and shown where the image cannot be."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Alt text"), -1);
  if (file != NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      char *dot = base ? strrchr (base, '.') : NULL;
      if (dot != NULL)
        *dot = '\0';
      gtk_editable_set_text (GTK_EDITABLE (entry), base ? base : "");
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "insert", _("_Insert"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "insert", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "insert");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  request->entry = GTK_ENTRY (entry);
  g_signal_connect (dialog, "response", G_CALLBACK (alt_response_cb), g_steal_pointer (&request));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
ct_editor_image_insert_file (CtEditorPage *self,
                             GFile        *file)
{
  g_return_if_fail (CT_IS_EDITOR_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  start (self, file, NULL);
}

void
ct_editor_image_insert_texture (CtEditorPage *self,
                                GdkTexture   *texture)
{
  g_return_if_fail (CT_IS_EDITOR_PAGE (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));
  start (self, NULL, texture);
}

/* Insert Image… */

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(CtEditorPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        start (self, file, NULL);
    }
  g_object_unref (chooser);
}

static void
insert_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (ct_editor_page_get_wiki (self) == NULL)
    {
      start (self, NULL, NULL);  /* says why not */
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Insert Image"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Insert"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/gif");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_mime_type (filter, "image/avif");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Dropping and pasting */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  CtEditorPage *self = user_data;
  GtkTextView *view = GTK_TEXT_VIEW (ct_editor_page_get_view (self));
  GSList *files = g_value_get_boxed (value);
  GtkTextIter iter;
  int bx, by;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (!ct_media_is_image_name (name))
        continue;
      /* The image goes where it was dropped. */
      gtk_widget_translate_coordinates (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)),
                                        GTK_WIDGET (view), x, y, &x, &y);
      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
      gtk_text_view_get_iter_at_location (view, &iter, bx, by);
      gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (view), &iter);
      start (self, l->data, NULL);
      /* One prompt at a time: the first image of a drop. */
      return TRUE;
    }
  return FALSE;
}

static void
texture_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CtEditorPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);

  if (texture == NULL)
    {
      show_message (self, _("The Image Was Not Pasted"), error->message);
      return;
    }
  start (self, NULL, texture);
}

/* Text wins: a browser's copied image often comes with its address or
 * HTML as text, and a writer pasting into Markdown means the text then.
 * Only an image alone on the clipboard is pasted as an image. */
static void
paste_clipboard_cb (GtkTextView *view,
                    gpointer     user_data)
{
  CtEditorPage *self = user_data;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  GdkContentFormats *formats = gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard));

  formats = gdk_content_formats_union_deserialize_gtypes (formats);
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE)
      && !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    {
      g_signal_stop_emission_by_name (view, "paste-clipboard");
      gdk_clipboard_read_texture_async (clipboard, self->cancellable, texture_read_cb, g_object_ref (self));
    }
  gdk_content_formats_unref (formats);
}

void
_ct_editor_page_class_image_init (GtkWidgetClass *widget_class)
{
  /* Ctrl+Shift+I is an application accelerator (ct-application.c). */
  gtk_widget_class_install_action (widget_class, "page.insert-image", NULL, insert_image_action);
}

void
_ct_editor_page_image_init (CtEditorPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  /* On the scroller, in the capture phase: before the text view's own
   * drop target, which would insert a file's address as text. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->editor_scroller), GTK_EVENT_CONTROLLER (target));
  g_signal_connect (self->view, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), self);
}
