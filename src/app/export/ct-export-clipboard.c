#define G_LOG_DOMAIN "ct-export-clipboard"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-editor-page.h"
#include "ct-export-clipboard.h"
#include "ct-export-job.h"

typedef struct {
  GdkClipboard *clipboard;
  GBytes       *html;
} CopyOp;

static void
copy_op_free (CopyOp *op)
{
  g_clear_object (&op->clipboard);
  g_clear_pointer (&op->html, g_bytes_unref);
  g_free (op);
}

static void
plain_rendered_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CopyOp *op = g_task_get_task_data (task);
  g_autoptr(CtExportResult) plain = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  GdkContentProvider *providers[3];

  plain = ct_export_job_run_finish (CT_EDITOR_PAGE (object), result, &error);
  if (plain == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Both plain-text names: GTK offers text as the first, some X11
   * programs ask for the second. */
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", op->html);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", plain->bytes);
  providers[2] = gdk_content_provider_new_for_bytes ("text/plain", plain->bytes);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  if (!gdk_clipboard_set_content (op->clipboard, provider))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "%s", _("The clipboard refused the HTML."));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
html_rendered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CopyOp *op = g_task_get_task_data (task);
  g_autoptr(CtExportResult) html = NULL;
  GError *error = NULL;

  html = ct_export_job_run_finish (CT_EDITOR_PAGE (object), result, &error);
  if (html == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  op->html = g_bytes_ref (html->bytes);
  /* The plain alternative is a second render of the buffer: if the user
   * typed in between, it holds the newer text, which does no harm. */
  ct_export_job_render_for_output_async (CT_EDITOR_PAGE (object), CT_EXPORT_MARKDOWN, CT_RENDER_THEME_AUTO,
                                         plain_rendered_cb, g_steal_pointer (&task));
}

void
ct_export_copy_html_async (CtEditorPage        *page,
                           GdkClipboard        *clipboard,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  CopyOp *op;

  g_return_if_fail (CT_IS_EDITOR_PAGE (page));
  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));

  op = g_new0 (CopyOp, 1);
  op->clipboard = g_object_ref (clipboard);

  task = g_task_new (page, NULL, callback, user_data);
  g_task_set_source_tag (task, ct_export_copy_html_async);
  g_task_set_task_data (task, op, (GDestroyNotify) copy_op_free);
  ct_export_job_render_for_output_async (page, CT_EXPORT_FRAGMENT, CT_RENDER_THEME_AUTO, html_rendered_cb, task);
}

gboolean
ct_export_copy_html_finish (CtEditorPage  *page,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, page), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
