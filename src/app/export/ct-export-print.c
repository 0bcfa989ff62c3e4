#define G_LOG_DOMAIN "ct-export-print"

#include "config.h"

#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "ct-document.h"
#include "ct-editor-page.h"
#include "ct-export-job.h"
#include "ct-export-print.h"

typedef struct {
  GtkWindow            *parent;
  GtkPrintSettings     *settings;
  char                 *base_uri;   /* the post's folder: relative images load */
  WebKitWebView        *view;
  WebKitPrintOperation *operation;
  gboolean              done;
} PrintOp;

static void
print_op_free (PrintOp *op)
{
  g_clear_object (&op->parent);
  g_clear_object (&op->settings);
  g_free (op->base_uri);
  if (op->view != NULL)
    g_signal_handlers_disconnect_by_data (op->view, op);
  if (op->operation != NULL)
    g_signal_handlers_disconnect_by_data (op->operation, op);
  g_clear_object (&op->operation);
  g_clear_object (&op->view);
  g_free (op);
}

/* The task's one reference belongs to the operation in flight; the
 * first of finished, failed, a failed load or a cancelled dialog ends
 * it, and what comes after (WebKit signals "finished" after "failed",
 * and "load-changed" after "load-failed") is ignored. */
static gboolean
drop_task_cb (gpointer task)
{
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static void
finish (GTask    *task,
        GError   *error,
        gboolean  printed)
{
  PrintOp *op = g_task_get_task_data (task);

  if (op->done)
    {
      g_clear_error (&error);
      return;
    }
  op->done = TRUE;
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, printed);
  /* Not now: this runs inside a signal of the view or the print
   * operation, which the task's data would free. */
  g_idle_add (drop_task_cb, task);
}

static void
print_finished_cb (WebKitPrintOperation *operation,
                   GTask                *task)
{
  finish (task, NULL, TRUE);
}

static void
print_failed_cb (WebKitPrintOperation *operation,
                 GError               *error,
                 GTask                *task)
{
  finish (task, g_error_new (error->domain, error->code, _("Could not print: %s"), error->message), FALSE);
}

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 GTask           *task)
{
  PrintOp *op = g_task_get_task_data (task);

  if (event != WEBKIT_LOAD_FINISHED || op->operation != NULL || op->done)
    return;

  op->operation = webkit_print_operation_new (view);
  g_signal_connect (op->operation, "finished", G_CALLBACK (print_finished_cb), task);
  g_signal_connect (op->operation, "failed", G_CALLBACK (print_failed_cb), task);

  if (op->settings != NULL)
    {
      webkit_print_operation_set_print_settings (op->operation, op->settings);
      webkit_print_operation_print (op->operation);
    }
  else if (webkit_print_operation_run_dialog (op->operation, op->parent) == WEBKIT_PRINT_OPERATION_RESPONSE_CANCEL)
    /* Nothing is printed, so "finished" never comes. */
    finish (task, NULL, FALSE);
}

static gboolean
load_failed_cb (WebKitWebView   *view,
                WebKitLoadEvent  event,
                const char      *uri,
                GError          *error,
                GTask           *task)
{
  finish (task, g_error_new (error->domain, error->code,
                             _("Could not lay out the post for printing: %s"), error->message), FALSE);
  return TRUE;
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  PrintOp *op = g_task_get_task_data (task);
  g_autoptr(CtExportResult) exported = NULL;
  g_autofree char *html = NULL;
  GError *error = NULL;
  WebKitSettings *settings;

  exported = ct_export_job_run_finish (CT_EDITOR_PAGE (object), result, &error);
  if (exported == NULL)
    {
      finish (task, error, FALSE);
      return;
    }

  /* A view of our own, never shown: printing lays the page out again in
   * the web process whatever the view's size. */
  op->view = g_object_ref_sink (WEBKIT_WEB_VIEW (webkit_web_view_new ()));
  settings = webkit_web_view_get_settings (op->view);
  /* Content never runs script, here as in the preview. */
  webkit_settings_set_enable_javascript (settings, FALSE);
  webkit_settings_set_print_backgrounds (settings, TRUE);

  g_signal_connect (op->view, "load-changed", G_CALLBACK (load_changed_cb), task);
  g_signal_connect (op->view, "load-failed", G_CALLBACK (load_failed_cb), task);
  html = g_strndup (g_bytes_get_data (exported->bytes, NULL), g_bytes_get_size (exported->bytes));
  webkit_web_view_load_html (op->view, html, op->base_uri);
}

void
ct_export_print_async (CtEditorPage        *page,
                       GtkWindow           *parent,
                       GtkPrintSettings    *settings,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GFile *file;
  GTask *task;
  PrintOp *op;

  g_return_if_fail (CT_IS_EDITOR_PAGE (page));
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (settings == NULL || GTK_IS_PRINT_SETTINGS (settings));

  op = g_new0 (PrintOp, 1);
  op->parent = g_object_ref (parent);
  op->settings = settings != NULL ? g_object_ref (settings) : NULL;
  file = ct_document_get_file (ct_editor_page_get_document (page));
  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *uri = folder != NULL ? g_file_get_uri (folder) : NULL;

      op->base_uri = uri != NULL ? g_strconcat (uri, "/", NULL) : NULL;
    }

  task = g_task_new (page, NULL, callback, user_data);
  g_task_set_source_tag (task, ct_export_print_async);
  g_task_set_task_data (task, op, (GDestroyNotify) print_op_free);
  /* The print theme: black on white whatever the screen's style, link
   * addresses written out, tables and infoboxes kept whole. */
  ct_export_job_render_for_output_async (page, CT_EXPORT_STANDALONE, CT_RENDER_THEME_PRINT, rendered_cb, task);
}

gboolean
ct_export_print_finish (CtEditorPage  *page,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, page), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
