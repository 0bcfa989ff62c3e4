/* ct-document-probe.c — see ct-document-probe.h for why files are looked at
 * before they are loaded. */
#define G_LOG_DOMAIN "ct-document"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-document-probe.h"

static char *
display_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_filename_display_name (name);
}

static void
probe_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  g_autofree char *name = NULL;
  goffset run = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > CT_DOCUMENT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (CT_DOCUMENT_MAX_SIZE);

      name = display_name (file);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("“%s” is %s, too large to edit here without freezing the "
                                 "window (the limit is %s). Open it in an editor made for "
                                 "large files, or split it into smaller files."),
                               name, size, limit);
      return;
    }

  /* A missing or unreadable file is the loader's to explain. */
  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  buffer = g_malloc (64 * 1024);
  for (goffset total = 0; total <= CT_DOCUMENT_MAX_SIZE;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, cancellable, NULL);

      if (n <= 0)
        break;
      total += n;
      for (gssize i = 0; i < n; i++)
        {
          if (buffer[i] == '\n' || buffer[i] == '\r')
            run = 0;
          else if (++run > CT_DOCUMENT_MAX_LINE)
            {
              g_autofree char *limit = g_format_size (CT_DOCUMENT_MAX_LINE);

              name = display_name (file);
              g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                       _("“%s” has a line longer than %s, which cannot be "
                                         "shown without freezing the window. Break it into "
                                         "shorter lines (for example with “fold -s”) and "
                                         "open the file again."),
                                       name, limit);
              return;
            }
        }
    }

  g_task_return_boolean (task, TRUE);
}

void
ct_document_probe_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_document_probe_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, probe_thread);
}

gboolean
ct_document_probe_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
