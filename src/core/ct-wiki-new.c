#define G_LOG_DOMAIN "ct-wiki-new"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ct-resources.h"
#include "ct-wiki-private.h"

/* Creating wiki folders: an empty one, or the sample universe. */

CtWiki *
ct_wiki_create (const char  *folder,
                GError     **error)
{
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  static const char * const subfolders[] = { "posts", "media" };

  g_return_val_if_fail (folder != NULL, NULL);

  if (g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_EXISTS, _("%s already holds a wiki; nothing was changed."), folder);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (subfolders); i++)
    {
      g_autofree char *path = g_build_filename (folder, subfolders[i], NULL);
      if (g_mkdir_with_parents (path, 0755) != 0)
        {
          int saved = errno;
          g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not create the folder %s: %s"),
                       path, g_strerror (saved));
          return NULL;
        }
    }
  return ct_wiki_open (folder, CT_WIKI_OPEN_CREATE, error);
}

/* Writes the sample's posts into the new wiki; an existing file of the
 * same name is the user's and is never overwritten. */
static gboolean
copy_sample_files (const char  *folder,
                   GError     **error)
{
  g_auto(GStrv) files = ct_sample_resource_list ();

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GFile) dest = NULL;
      g_autoptr(GFile) parent = NULL;
      g_autoptr(GFileOutputStream) out = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize size;
      const char *data;

      if (g_str_equal (files[i], "wiki.json"))
        continue;
      bytes = ct_sample_resource_bytes (files[i]);
      path = g_build_filename (folder, files[i], NULL);
      dest = g_file_new_for_path (path);
      parent = g_file_get_parent (dest);
      if (!g_file_make_directory_with_parents (parent, NULL, &local_error)
          && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
      out = g_file_create (dest, G_FILE_CREATE_NONE, NULL, error);
      data = g_bytes_get_data (bytes, &size);
      if (out == NULL
          || !g_output_stream_write_all (G_OUTPUT_STREAM (out), data, size, NULL, NULL, error)
          || !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
        {
          g_prefix_error (error, _("Could not write %s: "), path);
          return FALSE;
        }
    }
  return TRUE;
}

CtWiki *
ct_wiki_create_sample (const char  *folder,
                       GError     **error)
{
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GBytes) json = NULL;
  gsize size;
  const char *data;

  /* Checked first, so a clash leaves no half-made wiki behind. */
  {
    g_auto(GStrv) files = ct_sample_resource_list ();

    for (guint i = 0; files[i] != NULL; i++)
      {
        g_autofree char *path = g_build_filename (folder, files[i], NULL);

        if (!g_str_equal (files[i], "wiki.json") && g_file_test (path, G_FILE_TEST_EXISTS))
          {
            g_set_error (error, CT_ERROR, CT_ERROR_EXISTS,
                         _("%s already exists; the sample wiki would overwrite it, so nothing was created."), path);
            return NULL;
          }
      }
  }

  wiki = ct_wiki_create (folder, error);
  if (wiki == NULL)
    return NULL;

  json = ct_sample_resource_bytes ("wiki.json");
  data = g_bytes_get_data (json, &size);
  if (!ct_wiki_import (wiki, data, (gssize) size, error))
    {
      g_prefix_error (error, _("The sample wiki could not be imported: "));
      return NULL;
    }
  if (!copy_sample_files (wiki->folder, error) || !ct_wiki_index_posts (wiki, NULL, error))
    return NULL;
  return g_steal_pointer (&wiki);
}
