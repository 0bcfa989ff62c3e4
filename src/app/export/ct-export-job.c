#define G_LOG_DOMAIN "ct-export-job"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "ct-editor-page.h"
#include "ct-document.h"
#include "ct-export-dialog.h"
#include "ct-export-job.h"
#include "ct-wiki.h"

/* Everything the thread needs, copied on the UI thread: the buffer and
 * the page's CtWiki stay there. */
typedef struct {
  char           *text;
  char           *wiki_folder;
  char           *site_url;
  CtExportFormat  format;
  CtRenderTheme   theme;
  gboolean        allow_raw_html;
  GFile          *target;
} Job;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job->wiki_folder);
  g_free (job->site_url);
  g_clear_object (&job->target);
  g_free (job);
}

/* Written beside the target and renamed over it: an export interrupted
 * halfway leaves the old file or none, never half of one, and a file
 * that exists is complete. (g_file_replace_contents writes a new file in
 * place.) A target without a local path takes GIO's replace. */
static gboolean
write_atomically (GFile         *target,
                  GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *path = g_file_get_path (target);
  g_autoptr(GError) file_error = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  if (path == NULL)
    return g_file_replace_contents (target, data, size, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, cancellable, error);

  if (g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &file_error))
    return TRUE;
  /* One error domain for callers, whichever way it was written. */
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (file_error->code),
                       file_error->message);
  return FALSE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  CtExportOptions options = {
    .format = job->format,
    .wiki_folder = job->wiki_folder,
    .site_url = job->site_url,
    .allow_raw_html = job->allow_raw_html,
    .theme = job->theme,
  };
  g_autoptr(CtExportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = ct_export_post (job->text, -1, &options, &error);
  if (result == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->target != NULL && !write_atomically (job->target, result->bytes, cancellable, &error))
    {
      g_autofree char *name = g_file_get_parse_name (job->target);

      g_task_return_new_error (task, error->domain, error->code,
                               _("Could not write “%s”: %s"), name, error->message);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) ct_export_result_free);
}

void
ct_export_job_run_async (CtEditorPage          *page,
                         const CtExportOptions *choices,
                         GFile               *target,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CtDocument *document;
  CtWiki *wiki;
  Job *job;

  g_return_if_fail (CT_IS_EDITOR_PAGE (page));
  g_return_if_fail (choices != NULL);
  g_return_if_fail (choices->wiki == NULL && choices->wiki_folder == NULL);
  g_return_if_fail (target == NULL || G_IS_FILE (target));

  document = ct_editor_page_get_document (page);
  wiki = ct_editor_page_get_wiki (page);

  job = g_new0 (Job, 1);
  job->text = ct_document_dup_text (document);
  /* The buffer holds the text without the final line break the saver
   * adds back: export what the file holds, so the result is the bytes
   * `continuity export` makes of the saved post. */
  if (gtk_source_buffer_get_implicit_trailing_newline (GTK_SOURCE_BUFFER (document)))
    {
      char *with_newline = g_strconcat (job->text, "\n", NULL);

      g_free (job->text);
      job->text = with_newline;
    }
  job->wiki_folder = wiki != NULL ? g_strdup (ct_wiki_get_folder (wiki)) : NULL;
  job->site_url = g_strdup (choices->site_url);
  job->format = choices->format;
  job->theme = choices->theme;
  job->allow_raw_html = choices->allow_raw_html;
  job->target = target != NULL ? g_object_ref (target) : NULL;

  task = g_task_new (page, cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_export_job_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* Rendering a long review with its references and writing it takes a
   * moment: never on the UI thread. */
  g_task_run_in_thread (task, export_thread);
}

CtExportResult *
ct_export_job_run_finish (CtEditorPage  *page,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, page), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ct_export_job_render_for_output_async (CtEditorPage        *page,
                                       CtExportFormat       format,
                                       CtRenderTheme        theme,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *site_url = NULL;

  g_return_if_fail (CT_IS_EDITOR_PAGE (page));

  site_url = ct_export_dialog_dup_remembered_site_url (page);
  ct_export_job_run_async (page,
                           &(CtExportOptions) { .format = format, .theme = theme, .site_url = site_url,
                                                .allow_raw_html = g_settings_get_boolean (settings, "allow-raw-html") },
                           NULL, NULL, callback, user_data);
}
