#define G_LOG_DOMAIN "ct-site-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-site-export.h"

/* The thread opens its own read-only connection (a CtWiki is used by one
 * thread at a time) and reports each page; the UI thread shows the count
 * in a progress bar. Cancel stops between pages; the folder then holds
 * what was written so far, and the next export finishes it. */

typedef struct {
  char             *wiki_folder;
  char             *output_path;
  GCancellable     *cancellable;
  AdwMessageDialog *dialog;       /* weak: it closes itself on Cancel */
  GtkProgressBar   *bar;
  CtSiteStats       stats;
  guint             progress_source;
  /* Written by the thread, read by the UI thread. */
  guint             done;
  guint             total;
} Job;

static void
job_free (Job *job)
{
  g_clear_handle_id (&job->progress_source, g_source_remove);
  /* Done: the progress goes. Destroyed only once: a dialog that closed
   * itself on Cancel is already out of the list of toplevels. */
  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  g_clear_weak_pointer (&job->dialog);
  g_clear_object (&job->cancellable);
  g_free (job->wiki_folder);
  g_free (job->output_path);
  g_free (job);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  Job *job = user_data;
  guint done = g_atomic_int_get (&job->done);
  guint total = g_atomic_int_get (&job->total);
  g_autofree char *text = NULL;

  /* Cancelled: the dialog closed itself, the bar went with it. */
  if (job->dialog == NULL)
    {
      job->progress_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (total > 0)
    {
      /* Translators: progress of a site export, e.g. "12 of 40 pages" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u page", "%u of %u pages", total),
                              done, total);
      gtk_progress_bar_set_fraction (job->bar, (double) done / total);
      gtk_progress_bar_set_text (job->bar, text);
    }
  else
    gtk_progress_bar_pulse (job->bar);
  return G_SOURCE_CONTINUE;
}

/* In the export's threads: only atomics, the UI thread polls them. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->total, total);
  g_atomic_int_set (&job->done, done);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_open (job->wiki_folder, CT_WIKI_OPEN_READ_ONLY, &error);
  CtSiteOptions options = { .output_dir = job->output_path };

  if (wiki == NULL || !ct_site_export (wiki, &options, progress_cb, job, cancellable, &job->stats, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Back on the UI thread once the export's thread is done: the progress
 * and its dialog go here, never from the thread, which may hold the last
 * reference to a task and so free its data (the source removed twice in a
 * race, GTK touched off its thread). Then @user_data, the caller's task,
 * completes. */
static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  Job *job = g_task_get_task_data (outer);
  GError *error = NULL;

  g_clear_handle_id (&job->progress_source, g_source_remove);
  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  g_clear_weak_pointer (&job->dialog);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Job              *job)
{
  g_cancellable_cancel (job->cancellable);
}

void
ct_site_export_run_async (GtkWindow           *parent,
                          const char          *wiki_folder,
                          GFile               *output,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *body = NULL;
  Job *job;

  g_return_if_fail (wiki_folder != NULL);
  g_return_if_fail (G_IS_FILE (output));

  job = g_new0 (Job, 1);
  job->wiki_folder = g_strdup (wiki_folder);
  job->output_path = g_file_get_path (output);
  job->cancellable = g_cancellable_new ();

  task = g_task_new (NULL, job->cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_site_export_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (job->output_path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A site can only be exported to a folder on this computer."));
      return;
    }

  /* Translators: %s is the folder the site is written to */
  body = g_strdup_printf (_("Writing the wiki and its posts into “%s”."), job->output_path);
  g_set_weak_pointer (&job->dialog, ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Exporting Site"), body)));
  job->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (job->bar, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages Written"), -1);
  adw_message_dialog_set_extra_child (job->dialog, GTK_WIDGET (job->bar));
  adw_message_dialog_add_response (job->dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (job->dialog, "cancel");
  g_signal_connect (job->dialog, "response", G_CALLBACK (on_response_cb), job);
  gtk_window_present (GTK_WINDOW (job->dialog));
  job->progress_source = g_timeout_add (100, show_progress_cb, job);

  {
    /* The thread's task borrows the job; the caller's task owns it and is
     * only ever released on this thread. */
    g_autoptr(GTask) thread_task = g_task_new (NULL, job->cancellable, export_done_cb, g_steal_pointer (&task));

    g_task_set_task_data (thread_task, job, NULL);
    g_task_run_in_thread (thread_task, export_thread);
  }
}

gboolean
ct_site_export_run_finish (GAsyncResult  *result,
                           CtSiteStats   *stats,
                           GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (stats != NULL)
    *stats = job->stats;
  return TRUE;
}
