#define G_LOG_DOMAIN "ct-document"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ct-document.h"
#include "ct-document-probe.h"

#define LANGUAGE_SPECS_PATH "resource:///io/github/continuity/Continuity/language-specs/"
#define LANGUAGE_ID         "continuity-markdown"

struct _CtDocument
{
  GtkSourceBuffer          parent_instance;

  GtkSourceFile           *file;
  GFileMonitor            *monitor;
  const GtkSourceEncoding *converted_from;

  guint                    busy : 1;
  guint                    changed_on_disk : 1;
  guint                    diverged : 1;
};

G_DEFINE_FINAL_TYPE (CtDocument, ct_document, GTK_SOURCE_TYPE_BUFFER)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_CHANGED_ON_DISK,
  PROP_FILE,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED_ON_DISK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ct_document_set_busy (CtDocument *self,
                      gboolean    busy)
{
  if (self->busy == !!busy)
    return;
  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
ct_document_set_changed_on_disk (CtDocument *self,
                                 gboolean    changed)
{
  if (self->changed_on_disk == !!changed)
    return;
  self->changed_on_disk = !!changed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_ON_DISK]);
  if (changed)
    g_signal_emit (self, signals[CHANGED_ON_DISK], 0);
}

static void
on_monitor_changed_cb (CtDocument        *self,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event,
                       GFileMonitor      *monitor)
{
  /* Our own save writes the file too; the saver updates the recorded
   * modification time when it finishes, so look only when idle. */
  if (self->busy)
    return;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      gtk_source_file_check_file_on_disk (self->file);
      if (gtk_source_file_is_externally_modified (self->file) ||
          gtk_source_file_is_deleted (self->file))
        ct_document_set_changed_on_disk (self, TRUE);
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static void
ct_document_watch_file (CtDocument *self)
{
  GFile *location = gtk_source_file_get_location (self->file);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (location == NULL)
    return;

  /* Without a monitor (some remote file systems) the saver still refuses
   * to overwrite a changed file; only the early warning is lost. */
  self->monitor = g_file_monitor_file (location, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor != NULL)
    {
      g_file_monitor_set_rate_limit (self->monitor, 500);
      g_signal_connect_object (self->monitor, "changed",
                               G_CALLBACK (on_monitor_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
update_style_scheme (CtDocument *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (self),
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
on_style_dark_changed_cb (CtDocument      *self,
                          GParamSpec      *pspec,
                          AdwStyleManager *style_manager)
{
  update_style_scheme (self);
}

/* Rewrites a loader or saver error into a sentence the user can act on,
 * keeping domain and code so callers can still tell cases apart. */
static GError *
describe_error (const GError *error,
                GFile        *file,
                gboolean      saving)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  if (error->domain == GTK_SOURCE_FILE_LOADER_ERROR)
    {
      switch ((GtkSourceFileLoaderError) error->code)
        {
        case GTK_SOURCE_FILE_LOADER_ERROR_TOO_BIG:
          message = g_strdup_printf (_("“%s” is too big to open in the editor."), name);
          break;
        case GTK_SOURCE_FILE_LOADER_ERROR_ENCODING_AUTO_DETECTION_FAILED:
        case GTK_SOURCE_FILE_LOADER_ERROR_CONVERSION_FALLBACK:
        default:
          message = g_strdup_printf (_("“%s” is not a text file in UTF-8, ISO-8859-15 or "
                                       "Windows-1252: it may be a binary file. "
                                       "Convert it to UTF-8 and open it again."), name);
          break;
        }
    }
  else if (error->domain == GTK_SOURCE_FILE_SAVER_ERROR)
    {
      switch ((GtkSourceFileSaverError) error->code)
        {
        case GTK_SOURCE_FILE_SAVER_ERROR_EXTERNALLY_MODIFIED:
          message = g_strdup_printf (_("“%s” was changed by another program since it was "
                                       "opened. Reload it to see those changes, or save "
                                       "anyway to replace them."), name);
          break;
        case GTK_SOURCE_FILE_SAVER_ERROR_INVALID_CHARS:
        default:
          message = g_strdup_printf (_("“%s” could not be saved: the text holds characters "
                                       "that cannot be written."), name);
          break;
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    message = saving
      ? g_strdup_printf (_("The folder of “%s” no longer exists. Use Save As to choose "
                           "another place."), parse_name)
      : g_strdup_printf (_("“%s” does not exist. It may have been moved or deleted."),
                         parse_name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    message = saving
      ? g_strdup_printf (_("You are not allowed to write “%s”. Use Save As to save a "
                           "copy somewhere you can write."), parse_name)
      : g_strdup_printf (_("You are not allowed to read “%s”. Check its permissions."),
                         parse_name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    message = g_strdup_printf (_("The disk is full, so “%s” was not saved. Free some "
                                 "space and save again; the text is still here."), name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    message = g_strdup_printf (_("“%s” is a folder, not a document."), parse_name);
  else
    message = saving
      ? g_strdup_printf (_("“%s” could not be saved: %s"), name, error->message)
      : g_strdup_printf (_("“%s” could not be opened: %s"), name, error->message);

  return g_error_new_literal (error->domain, error->code, message);
}

static GSList *
candidate_encodings (void)
{
  GSList *list = NULL;

  /* ISO-8859-15 accepts every byte, so it goes last but one; it is the
   * usual encoding of Latin text written before UTF-8. */
  list = g_slist_append (list, (gpointer) gtk_source_encoding_get_utf8 ());
  list = g_slist_append (list, (gpointer) gtk_source_encoding_get_from_charset ("ISO-8859-15"));
  list = g_slist_append (list, (gpointer) gtk_source_encoding_get_from_charset ("WINDOWS-1252"));
  return list;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GtkSourceFileLoader *loader = GTK_SOURCE_FILE_LOADER (object);
  g_autoptr(GTask) task = user_data;
  CtDocument *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GtkTextIter start;

  ct_document_set_busy (self, FALSE);

  if (!gtk_source_file_loader_load_finish (loader, result, &error))
    {
      g_task_return_error (task, describe_error (error, gtk_source_file_loader_get_location (loader), FALSE));
      return;
    }

  {
    const GtkSourceEncoding *encoding = gtk_source_file_loader_get_encoding (loader);

    self->converted_from = encoding == gtk_source_encoding_get_utf8 () ? NULL : encoding;
  }

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self), &start);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self), &start);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);
  self->diverged = FALSE;
  ct_document_set_changed_on_disk (self, FALSE);
  ct_document_watch_file (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_task_return_boolean (task, TRUE);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GtkSourceFileSaver *saver = GTK_SOURCE_FILE_SAVER (object);
  g_autoptr(GTask) task = user_data;
  CtDocument *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  ct_document_set_busy (self, FALSE);

  if (!gtk_source_file_saver_save_finish (saver, result, &error))
    {
      g_task_return_error (task, describe_error (error, gtk_source_file_saver_get_location (saver), TRUE));
      return;
    }

  /* The saver moved the GtkSourceFile to the new location and marked the
   * buffer unmodified. */
  self->converted_from = NULL;
  self->diverged = FALSE;
  ct_document_set_changed_on_disk (self, FALSE);
  ct_document_watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_task_return_boolean (task, TRUE);
}

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CtDocument *self = g_task_get_source_object (task);
  g_autoptr(GtkSourceFileLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  GSList *encodings;

  if (!ct_document_probe_finish (result, &error))
    {
      gtk_source_file_set_location (self->file, g_task_get_task_data (task));
      ct_document_set_busy (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  loader = gtk_source_file_loader_new (GTK_SOURCE_BUFFER (self), self->file);
  encodings = candidate_encodings ();
  gtk_source_file_loader_set_candidate_encodings (loader, encodings);
  g_slist_free (encodings);

  cancellable = g_task_get_cancellable (task);
  gtk_source_file_loader_load_async (loader, G_PRIORITY_DEFAULT, cancellable,
                                     NULL, NULL, NULL,
                                     load_cb, g_steal_pointer (&task));
}

static void
ct_document_constructed (GObject *object)
{
  CtDocument *self = (CtDocument *)object;

  /* Not in init(): touching the buffer there creates its tag table before
   * the "tag-table" construct property is applied. */
  G_OBJECT_CLASS (ct_document_parent_class)->constructed (object);

  gtk_source_buffer_set_highlight_syntax (GTK_SOURCE_BUFFER (self), TRUE);
  /* The buffer holds the file's bytes exactly, final newline or not: a
   * save writes back what was read, and drafts hold the very text. */
  gtk_source_buffer_set_implicit_trailing_newline (GTK_SOURCE_BUFFER (self), FALSE);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self), TRUE);

  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
ct_document_dispose (GObject *object)
{
  CtDocument *self = (CtDocument *)object;

  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  G_OBJECT_CLASS (ct_document_parent_class)->dispose (object);
}

static void
ct_document_finalize (GObject *object)
{
  CtDocument *self = (CtDocument *)object;

  g_clear_object (&self->file);

  G_OBJECT_CLASS (ct_document_parent_class)->finalize (object);
}

static void
ct_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CtDocument *self = CT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;
    case PROP_FILE:
      g_value_set_object (value, ct_document_get_file (self));
      break;
    case PROP_TITLE:
      g_value_take_string (value, ct_document_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_document_class_init (CtDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ct_document_constructed;
  object_class->dispose = ct_document_dispose;
  object_class->finalize = ct_document_finalize;
  object_class->get_property = ct_document_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ct_document_init (CtDocument *self)
{
  self->file = gtk_source_file_new ();
}

GtkSourceLanguage *
ct_document_get_markdown_language (void)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  static gsize once;
  GtkSourceLanguage *language;

  /* Our language includes markdown.lang by reference, so the system
   * directories stay on the path; ours is added before the first lookup
   * (the manager reads its path once, at the first lookup by anyone). */
  if (g_once_init_enter (&once))
    {
      gtk_source_language_manager_append_search_path (languages, LANGUAGE_SPECS_PATH);
      g_once_init_leave (&once, 1);
    }
  language = gtk_source_language_manager_get_language (languages, LANGUAGE_ID);
  if (language == NULL)
    g_warning ("Language “%s” is missing from the resources", LANGUAGE_ID);
  return language;
}

void
ct_document_start_highlighting (CtDocument *self)
{
  GtkSourceLanguage *language;

  g_return_if_fail (CT_IS_DOCUMENT (self));

  if (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (self)) != NULL)
    return;
  language = ct_document_get_markdown_language ();
  if (language != NULL)
    gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (self), language);
}

CtDocument *
ct_document_new (void)
{
  return g_object_new (CT_TYPE_DOCUMENT, NULL);
}

GFile *
ct_document_get_file (CtDocument *self)
{
  g_return_val_if_fail (CT_IS_DOCUMENT (self), NULL);

  return gtk_source_file_get_location (self->file);
}

char *
ct_document_dup_title (CtDocument *self)
{
  GFile *location;

  g_return_val_if_fail (CT_IS_DOCUMENT (self), NULL);

  location = gtk_source_file_get_location (self->file);
  if (location == NULL)
    return g_strdup (_("Untitled Document"));
  return g_file_get_basename (location);
}

char *
ct_document_dup_text (CtDocument *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (CT_IS_DOCUMENT (self), NULL);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &start, &end, TRUE);
}

gboolean
ct_document_get_busy (CtDocument *self)
{
  g_return_val_if_fail (CT_IS_DOCUMENT (self), FALSE);

  return self->busy;
}

void
ct_document_mark_diverged (CtDocument *self)
{
  g_return_if_fail (CT_IS_DOCUMENT (self));

  self->diverged = TRUE;
}

gboolean
ct_document_get_changed_on_disk (CtDocument *self)
{
  g_return_val_if_fail (CT_IS_DOCUMENT (self), FALSE);

  return self->changed_on_disk;
}

gboolean
ct_document_get_file_deleted (CtDocument *self)
{
  g_return_val_if_fail (CT_IS_DOCUMENT (self), FALSE);

  return gtk_source_file_is_deleted (self->file);
}

const GtkSourceEncoding *
ct_document_get_converted_from (CtDocument *self)
{
  g_return_val_if_fail (CT_IS_DOCUMENT (self), NULL);

  return self->converted_from;
}

void
ct_document_load_async (CtDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GFile *previous;

  g_return_if_fail (CT_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_document_load_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The document is being loaded or saved; try again in a moment."));
      return;
    }

  /* Busy from now on: no save may start while the file is looked at. The
   * location is set at once (the window finds tabs by file); a refused
   * file gives the previous one back. */
  ct_document_set_busy (self, TRUE);
  previous = gtk_source_file_get_location (self->file);
  if (previous != NULL)
    g_task_set_task_data (task, g_object_ref (previous), g_object_unref);
  gtk_source_file_set_location (self->file, file);
  ct_document_probe_async (file, cancellable, probe_cb, g_steal_pointer (&task));
}

gboolean
ct_document_load_finish (CtDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (CT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ct_document_save_async (CtDocument          *self,
                        GFile               *file,
                        gboolean             overwrite_changes,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkSourceFileSaver) saver = NULL;
  GtkSourceFileSaverFlags flags = GTK_SOURCE_FILE_SAVER_FLAGS_NONE;

  g_return_if_fail (CT_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_document_save_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The document is being loaded or saved; try again in a moment."));
      return;
    }

  if (file == NULL && gtk_source_file_get_location (self->file) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _("The document has no file yet; use Save As."));
      return;
    }

  /* The text was restored from a draft older than the file: the saver's
   * own check compares with the file as loaded, which is the newer one, so
   * it would not ask. */
  if (self->diverged && !overwrite_changes && file == NULL)
    {
      g_task_return_new_error (task, GTK_SOURCE_FILE_SAVER_ERROR,
                               GTK_SOURCE_FILE_SAVER_ERROR_EXTERNALLY_MODIFIED,
                               _("The file was changed by another program after this draft was written. "
                                 "Save As keeps both; Replace File overwrites those changes."));
      return;
    }

  if (overwrite_changes)
    flags |= GTK_SOURCE_FILE_SAVER_FLAGS_IGNORE_MODIFICATION_TIME;

  ct_document_set_busy (self, TRUE);

  if (file != NULL)
    saver = gtk_source_file_saver_new_with_target (GTK_SOURCE_BUFFER (self), self->file, file);
  else
    saver = gtk_source_file_saver_new (GTK_SOURCE_BUFFER (self), self->file);

  /* Markdown tools expect UTF-8: a file read as Latin text is written back
   * as UTF-8 (the user was told so when it was opened). */
  gtk_source_file_saver_set_encoding (saver, gtk_source_encoding_get_utf8 ());
  gtk_source_file_saver_set_flags (saver, flags);
  gtk_source_file_saver_save_async (saver, G_PRIORITY_DEFAULT, cancellable,
                                    NULL, NULL, NULL,
                                    save_cb, g_steal_pointer (&task));
}

gboolean
ct_document_save_finish (CtDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (CT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
