#define G_LOG_DOMAIN "ct-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-export-clipboard.h"
#include "ct-export-dialog.h"
#include "ct-export-job.h"
#include "ct-export-launch.h"
#include "ct-export-print.h"
#include "ct-window-private.h"

static const char *page_actions[] = {
  "win.save", "win.save-as", "win.export", "win.copy-html", "win.print", "win.close-tab", "win.find", "win.replace",
};

static void
add_markdown_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (markdown, _("Markdown Documents"));
  gtk_file_filter_add_mime_type (markdown, "text/markdown");
  gtk_file_filter_add_pattern (markdown, "*.md");
  gtk_file_filter_add_pattern (markdown, "*.markdown");
  gtk_file_chooser_add_filter (chooser, markdown);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, markdown);
}

static void
set_chooser_folder (GtkFileChooser *chooser,
                    GFile          *file)
{
  g_autoptr(GFile) parent = file ? g_file_get_parent (file) : NULL;

  if (parent != NULL)
    gtk_file_chooser_set_current_folder (chooser, parent, NULL);
}

/* Saving a page ---------------------------------------------------------- */

typedef struct {
  CtEditorPage         *page;
  GtkFileChooserNative *chooser;
  GFile                *file;     /* the target of a Save As, else NULL */
} SaveOp;

static void
save_op_free (SaveOp *op)
{
  g_clear_object (&op->page);
  g_clear_object (&op->chooser);
  g_clear_object (&op->file);
  g_free (op);
}

static void choose_save_file (GTask *task);
static void do_save          (GTask *task,
                              gboolean overwrite);

static void
save_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GTask            *task)
{
  if (g_strcmp0 (response, "overwrite") == 0)
    do_save (task, TRUE);
  else if (g_strcmp0 (response, "save-as") == 0)
    choose_save_file (task);
  else
    {
      g_task_return_boolean (task, FALSE);
      g_object_unref (task);
    }
}

static void
page_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  CtWindow *self = g_task_get_source_object (task);
  SaveOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (ct_editor_page_save_finish (CT_EDITOR_PAGE (object), result, &error))
    {
      _ct_window_add_recent (self, ct_document_get_file (ct_editor_page_get_document (op->page)));
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  /* The text stays in the buffer (and in its draft) whatever happened;
   * the dialog says what to do next. */
  if (g_error_matches (error, GTK_SOURCE_FILE_SAVER_ERROR,
                       GTK_SOURCE_FILE_SAVER_ERROR_EXTERNALLY_MODIFIED))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Replace File"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"), error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                                  ADW_RESPONSE_SUGGESTED);
    }

  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (save_failed_response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
do_save (GTask    *task,
         gboolean  overwrite)
{
  SaveOp *op = g_task_get_task_data (task);

  ct_editor_page_save_async (op->page, op->file, overwrite, NULL, page_saved_cb, task);
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          GTask           *task)
{
  SaveOp *op = g_task_get_task_data (task);

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_task_return_boolean (task, FALSE);
      g_object_unref (task);
      return;
    }

  g_clear_object (&op->file);
  op->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  /* The chooser already asked whether to replace an existing file. */
  do_save (task, TRUE);
}

static void
choose_save_file (GTask *task)
{
  CtWindow *self = g_task_get_source_object (task);
  SaveOp *op = g_task_get_task_data (task);
  GFile *current = ct_document_get_file (ct_editor_page_get_document (op->page));

  g_clear_object (&op->chooser);
  op->chooser = gtk_file_chooser_native_new (_("Save As"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (op->chooser), TRUE);
  add_markdown_filters (GTK_FILE_CHOOSER (op->chooser));

  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (op->chooser), current, NULL);
  else
    /* Translators: the file name offered for a new document */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (op->chooser), _("Untitled.md"));

  g_signal_connect (op->chooser, "response", G_CALLBACK (save_chooser_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (op->chooser));
}

void
_ct_window_save_page_async (CtWindow            *self,
                            CtEditorPage        *page,
                            gboolean             save_as,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  SaveOp *op;

  g_return_if_fail (CT_IS_WINDOW (self));
  g_return_if_fail (CT_IS_EDITOR_PAGE (page));

  op = g_new0 (SaveOp, 1);
  op->page = g_object_ref (page);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, _ct_window_save_page_async);
  g_task_set_task_data (task, op, (GDestroyNotify) save_op_free);

  if (save_as || ct_document_get_file (ct_editor_page_get_document (page)) == NULL)
    choose_save_file (task);
  else
    do_save (task, FALSE);
}

gboolean
_ct_window_save_page_finish (CtWindow     *self,
                             GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), NULL);
}

/* Exporting ----------------------------------------------------------- */

/* Everything about an export but the window's part (a toast or a
 * dialog) is in export/: the dialog, the job over core's
 * ct_export_post(), the toast and what its buttons launch. */

static void
page_exported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CtWindow *self = g_task_get_source_object (task);
  GFile *target = g_task_get_task_data (task);
  g_autoptr(CtExportResult) exported = NULL;
  GError *error = NULL;

  exported = ct_export_job_run_finish (CT_EDITOR_PAGE (object), result, &error);
  if (exported == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      g_task_return_error (task, error);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay,
                               ct_export_toast_new (target, ct_export_result_count_errors (exported)));
  g_task_return_boolean (task, TRUE);
}

void
_ct_window_export_async (CtWindow              *self,
                         CtEditorPage          *page,
                         const CtExportOptions *choices,
                         GFile               *target,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  CtExportOptions options;
  GTask *task;

  g_return_if_fail (CT_IS_WINDOW (self));
  g_return_if_fail (CT_IS_EDITOR_PAGE (page));
  g_return_if_fail (choices != NULL);
  g_return_if_fail (G_IS_FILE (target));

  options = *choices;
  options.allow_raw_html = g_settings_get_boolean (self->settings, "allow-raw-html");

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, _ct_window_export_async);
  g_task_set_task_data (task, g_object_ref (target), g_object_unref);
  ct_export_job_run_async (page, &options, target, NULL, page_exported_cb, task);
}

gboolean
_ct_window_export_finish (CtWindow      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  /* The dialog or the toast has told the user already. */
  _ct_window_export_finish (CT_WINDOW (object), result, NULL);
}

static void
export_chosen_cb (CtExportDialog *dialog,
                  GFile          *target,
                  CtWindow       *self)
{
  CtExportOptions choices = {
    .format = ct_export_dialog_get_format (dialog),
    .theme = ct_export_dialog_get_theme (dialog),
    .site_url = ct_export_dialog_get_site_url (dialog),
  };

  _ct_window_export_async (self, ct_export_dialog_get_page (dialog), &choices, target, export_done_cb, NULL);
}

static void
win_export_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CtWindow *self = CT_WINDOW (widget);
  CtEditorPage *page = ct_window_get_active_page (self);
  CtExportDialog *dialog;

  if (page == NULL)
    return;

  dialog = ct_export_dialog_new (GTK_WINDOW (self), page);
  g_signal_connect_object (dialog, "export", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
html_copied_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CtWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (ct_export_copy_html_finish (CT_EDITOR_PAGE (object), result, &error))
    ct_window_add_toast (self, _("Copied as HTML"));
  else
    ct_window_add_toast (self, error->message);
}

/* The fragment, as a blog engine's editor wants it; with the site URL
 * last chosen for this post in the export dialog, so links match. */
static void
win_copy_html_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CtWindow *self = CT_WINDOW (widget);
  CtEditorPage *page = ct_window_get_active_page (self);

  if (page != NULL)
    ct_export_copy_html_async (page, gtk_widget_get_clipboard (widget), html_copied_cb, g_object_ref (self));
}

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CtWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: the print dialog was cancelled. */
  if (!ct_export_print_finish (CT_EDITOR_PAGE (object), result, &error) && error != NULL)
    ct_window_add_toast (self, error->message);
}

/* Print… prints what Export… writes as standalone HTML; the print
 * dialog's Print to File is Save as PDF. */
static void
win_print_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CtWindow *self = CT_WINDOW (widget);
  CtEditorPage *page = ct_window_get_active_page (self);

  if (page != NULL)
    ct_export_print_async (page, GTK_WINDOW (self), NULL, printed_cb, g_object_ref (self));
}

static void
win_open_exported_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  const char *uri = g_variant_get_string (param, NULL);

  if (g_str_equal (action_name, "win.show-exported"))
    ct_export_show_uri_in_folder (GTK_WINDOW (widget), uri);
  else
    ct_export_open_uri (GTK_WINDOW (widget), uri);
}

/* The other actions ----------------------------------------------------- */

static void
win_new_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ct_window_new_document (CT_WINDOW (widget));
}

static void
open_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          CtWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          ct_window_open (self, file);
        }
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
win_open_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CtWindow *self = CT_WINDOW (widget);
  CtEditorPage *page = ct_window_get_active_page (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_markdown_filters (GTK_FILE_CHOOSER (chooser));
  if (page != NULL)
    set_chooser_folder (GTK_FILE_CHOOSER (chooser),
                        ct_document_get_file (ct_editor_page_get_document (page)));

  g_signal_connect (chooser, "response", G_CALLBACK (open_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
page_save_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  _ct_window_save_page_finish (CT_WINDOW (object), result);
}

static void
win_save_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CtWindow *self = CT_WINDOW (widget);
  CtEditorPage *page = ct_window_get_active_page (self);

  if (page != NULL)
    _ct_window_save_page_async (self, page, g_str_equal (action_name, "win.save-as"),
                                page_save_done_cb, NULL);
}

static void
win_close_tab_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CtWindow *self = CT_WINDOW (widget);
  AdwTabPage *tab = adw_tab_view_get_selected_page (self->tab_view);

  if (tab != NULL)
    adw_tab_view_close_page (self->tab_view, tab);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
win_find_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CtEditorPage *page = ct_window_get_active_page (CT_WINDOW (widget));

  if (page != NULL)
    ct_editor_page_begin_search (page, g_str_equal (action_name, "win.replace"));
}

void
_ct_window_update_actions (CtWindow *self)
{
  gboolean has_page = adw_tab_view_get_selected_page (self->tab_view) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), page_actions[i], has_page);
}

void
_ct_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, win_new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, win_open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, win_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, win_save_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, win_export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-html", NULL, win_copy_html_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, win_print_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", win_open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.show-exported", "s", win_open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.close-tab", NULL, win_close_tab_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, win_find_action);
  gtk_widget_class_install_action (widget_class, "win.replace", NULL, win_find_action);
}

