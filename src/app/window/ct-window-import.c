/* ct-window-import.c — File › Import › Letterboxd Export…: the window's
 * side of core's ct_letterboxd_import. The import runs on a worker thread
 * with its own connection to the wiki, behind a dialog with its progress
 * and a Cancel button; the window's wiki is then told, so the sidebar
 * reads the new films and posts. */
#define G_LOG_DOMAIN "ct-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-letterboxd.h"
#include "ct-window-private.h"

typedef struct {
  char         *wiki_folder;
  char         *export_path;
  CtWiki       *wiki;        /* the window's, told when done (main thread only) */
  GWeakRef      window;
  GWeakRef      bar;         /* the progress bar, while its dialog is open */
  GtkWidget    *dialog;      /* owned by GTK; NULL once closed */
  GCancellable *cancellable;
} Job;

typedef struct {
  GWeakRef  bar;
  double    fraction;
} Progress;

static void
job_free (Job *job)
{
  g_free (job->wiki_folder);
  g_free (job->export_path);
  g_clear_object (&job->wiki);
  g_weak_ref_clear (&job->window);
  g_weak_ref_clear (&job->bar);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  g_autoptr(GtkProgressBar) bar = g_weak_ref_get (&progress->bar);

  if (bar != NULL)
    gtk_progress_bar_set_fraction (bar, progress->fraction);
  g_weak_ref_clear (&progress->bar);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* Called on the worker thread: the bar moves on the main one. */
static void
import_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  Job *job = user_data;
  Progress *progress = g_new0 (Progress, 1);
  g_autoptr(GObject) bar = g_weak_ref_get (&job->bar);

  g_weak_ref_init (&progress->bar, bar);
  progress->fraction = total > 0 ? (double) done / total : 0;
  g_idle_add (show_progress_cb, progress);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_open (job->wiki_folder, CT_WIKI_OPEN_DEFAULT, &error);
  CtLetterboxdReport *report = NULL;

  if (wiki != NULL)
    report = ct_letterboxd_import (wiki, job->export_path, cancellable, import_progress_cb, job, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) ct_letterboxd_report_free);
}

static void
show_error (CtWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(CtWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtLetterboxdReport) report = g_task_propagate_pointer (task, &error);

  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  if (report != NULL)
    ct_wiki_changed_elsewhere (job->wiki);
  if (self == NULL)
    return;

  if (report != NULL)
    {
      g_autofree char *text = ct_letterboxd_report_describe (report);
      ct_window_add_toast (self, text);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ct_window_add_toast (self, _("Import cancelled: the wiki is as it was"));
  else
    show_error (self, _("The Letterboxd Export Was Not Imported"), error->message);
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  Job *job = user_data;

  /* Cancelled before the films are committed, nothing is written. */
  g_cancellable_cancel (job->cancellable);
}

static void
progress_destroyed_cb (GtkWidget *dialog,
                       gpointer   user_data)
{
  ((Job *) user_data)->dialog = NULL;
}

void
_ct_window_import_letterboxd (CtWindow *self,
                              GFile    *export)
{
  g_autoptr(GTask) task = NULL;
  GtkWidget *bar;
  Job *job;

  g_return_if_fail (CT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (export));

  if (self->wiki == NULL)
    {
      show_error (self, _("Open a Wiki First"),
                  _("A Letterboxd export is imported into a wiki: its films become entities and its reviews posts. Open or create a wiki, then import again."));
      return;
    }

  job = g_new0 (Job, 1);
  job->wiki_folder = g_strdup (ct_wiki_get_folder (self->wiki));
  job->export_path = g_file_get_path (export);
  job->wiki = g_object_ref (self->wiki);
  job->cancellable = g_cancellable_new ();
  g_weak_ref_init (&job->window, self);

  job->dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Importing from Letterboxd"),
                                        _("Films become entities of the wiki and reviews become posts in posts/letterboxd."));
  bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (job->dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (job->dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (job->dialog), "cancel");
  g_weak_ref_init (&job->bar, bar);
  g_signal_connect (job->dialog, "response", G_CALLBACK (progress_response_cb), job);
  g_signal_connect (job->dialog, "destroy", G_CALLBACK (progress_destroyed_cb), job);

  task = g_task_new (NULL, job->cancellable, imported_cb, NULL);
  g_task_set_source_tag (task, _ct_window_import_letterboxd);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, import_thread);
  gtk_window_present (GTK_WINDOW (job->dialog));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(CtWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        _ct_window_import_letterboxd (self, file);
    }
  g_object_unref (chooser);
}

/* "zip" picks the export as downloaded, "folder" one already unpacked:
 * a file chooser opens either files or folders, not both. */
static void
import_letterboxd_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CtWindow *self = CT_WINDOW (widget);
  gboolean folder = g_strcmp0 (g_variant_get_string (param, NULL), "folder") == 0;
  GtkFileChooserNative *chooser;

  if (self->wiki == NULL)
    {
      show_error (self, _("Open a Wiki First"),
                  _("A Letterboxd export is imported into a wiki: its films become entities and its reviews posts. Open or create a wiki, then import again."));
      return;
    }
  chooser = gtk_file_chooser_native_new (folder ? _("Import an Unpacked Letterboxd Export")
                                                : _("Import a Letterboxd Export"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Letterboxd export (.zip)"));
      gtk_file_filter_add_mime_type (filter, "application/zip");
      gtk_file_filter_add_pattern (filter, "*.zip");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_ct_window_class_import_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-letterboxd", "s", import_letterboxd_action);
}
