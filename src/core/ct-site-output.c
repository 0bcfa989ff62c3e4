#define G_LOG_DOMAIN "ct-site"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ct-error.h"
#include "ct-site-private.h"

/* The output folder of `continuity site`: claiming it (the marker, or
 * an empty folder), its subfolders, the marker itself and removing what
 * went stale. Nothing here follows a symbolic link, and nothing is
 * removed that the marker does not name with a plain path. */

/* 2: each line may carry, after a tab, what the file was made from and
 * how it was left (ct-site-inputs.c) */
#define MARKER_HEADER "continuity-site 2"
/* The marker's line of what a rerun may reuse of the wiki's digest
 * (ct-site-inputs.c): not a path, so a marker with it still reads as
 * before, and one without it only costs the digest. */
#define MARKER_WIKI "#wiki\t"


/* A path the marker may name: one or two components of [A-Za-z0-9._-],
 * none starting with a dot. Anything else in a marker (edited by hand,
 * or by someone else) is ignored, never deleted. */
gboolean
ct_site_is_path (const char *path)
{
  guint parts = 1;

  /* one or two parts split at '/', none empty or starting with '.', of
   * [A-Za-z0-9._-] only; in one pass and without a copy (a rerun asks
   * this of every file the marker lists) */
  for (const char *p = path; ; p++)
    {
      if (p == path || p[-1] == '/')
        {
          if (*p == '\0' || *p == '.' || *p == '/')
            return FALSE;
        }
      if (*p == '\0')
        return TRUE;
      if (*p == '/')
        {
          if (++parts > 2)
            return FALSE;
        }
      else if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }
}

/* The files the previous export wrote, from the marker, each with its
 * record ("" when it has none); NULL with @error when the folder is not
 * empty and not marked. */
GHashTable *
ct_site_claim_output (const char  *dir,
                      gboolean    *empty,
                      char       **wiki_line,
                      char       **text,
                      GError     **error)
{
  /* its keys and values point into the marker's text (*@text): a rerun
   * reads a line per file of the site, and copying each line's two
   * halves, then freeing them, was a twentieth of a rerun with nothing
   * to do */
  g_autoptr(GHashTable) previous = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *marker = g_build_filename (dir, CT_SITE_MARKER, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;

  *empty = FALSE;
  *wiki_line = NULL;
  *text = NULL;
  if (g_lstat (dir, &st) != 0)
    {
      if (errno != ENOENT)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not use the folder %s: %s"), dir, g_strerror (errno));
          return NULL;
        }
      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not create the folder %s: %s"), dir, g_strerror (errno));
          return NULL;
        }
      *empty = TRUE;
      return g_steal_pointer (&previous);
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_EXISTS,
                   _("%s exists and is not a folder; choose a folder for the site"), dir);
      return NULL;
    }

  if (g_lstat (marker, &st) == 0 && S_ISREG (st.st_mode))
    {
      if (!g_file_get_contents (marker, &contents, NULL, error))
        return NULL;
      /* split in place: a marker lists every file of the site, and a
       * rerun with nothing to do reads it whole */
      for (char *line = contents, *next; line != NULL; line = next)
        {
          char *tab;

          next = strchr (line, '\n');
          if (next != NULL)
            *next++ = '\0';
          if (g_str_has_prefix (line, MARKER_WIKI))
            {
              g_free (*wiki_line);
              *wiki_line = g_strdup (line + strlen (MARKER_WIKI));
              continue;
            }
          tab = strchr (line, '\t');
          if (tab != NULL)
            *tab = '\0';
          if (ct_site_is_path (line))
            g_hash_table_insert (previous, line, tab ? tab + 1 : (char *) "");
        }
      *text = g_steal_pointer (&contents);
      return g_steal_pointer (&previous);
    }

  listing = g_dir_open (dir, 0, error);
  if (listing == NULL)
    return NULL;
  if (g_dir_read_name (listing) != NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_EXISTS,
                   _("%s is not empty and was not made by “continuity site” (it has no %s); "
                     "choose a new or empty folder, so no file of yours is overwritten"),
                   dir, CT_SITE_MARKER);
      return NULL;
    }
  *empty = TRUE;
  return g_steal_pointer (&previous);
}

/* Creates @dir/@name, or checks that it is a real folder: a symbolic link
 * there could send the pages anywhere. */
gboolean
ct_site_ensure_subfolder (const char  *dir,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  if (g_lstat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        return TRUE;
      g_set_error (error, CT_ERROR, CT_ERROR_EXISTS,
                   _("%s is in the way: the site needs a folder there (a symbolic link is not followed); remove it"),
                   path);
      return FALSE;
    }
  if (g_mkdir (path, 0755) != 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not create the folder %s: %s"), path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The marker lists @files (and @extra, those of the previous export that
 * may still be there while this one runs), each with its record in
 * @records when it has one. It is written only when its bytes changed,
 * like a page, so a rerun with nothing new writes nothing. */
gboolean
ct_site_write_marker (const char  *dir,
              GPtrArray   *files,
              GHashTable  *extra,
              GHashTable  *records,
              const char  *wiki_line,
              GError     **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *text = g_string_new ("# Made by “continuity site”: it lists the files it wrote, to remove them\n"
                                "# when they go stale. Delete the folder to start afresh.\n"
                                MARKER_HEADER "\n");
  g_autofree char *data = NULL;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < files->len; i++)
    if (g_hash_table_add (seen, files->pdata[i]))
      g_ptr_array_add (all, files->pdata[i]);
  if (extra != NULL)
    {
      g_hash_table_iter_init (&iter, extra);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (g_hash_table_add (seen, key))
          g_ptr_array_add (all, key);
    }
  if (wiki_line != NULL && strchr (wiki_line, '\n') == NULL)
    g_string_append_printf (text, MARKER_WIKI "%s\n", wiki_line);
  g_ptr_array_sort (all, compare_strings);
  for (guint i = 0; i < all->len; i++)
    {
      const char *file = g_ptr_array_index (all, i);
      const char *record = records ? g_hash_table_lookup (records, file) : NULL;

      if (record != NULL && *record != '\0')
        g_string_append_printf (text, "%s\t%s\n", file, record);
      else
        g_string_append_printf (text, "%s\n", file);
    }
  data = g_string_free (text, FALSE);
  return ct_site_write_file (dir, CT_SITE_MARKER, data, strlen (data), FALSE, NULL, NULL, error);
}

/* Removes what the previous export wrote and this one did not; then the
 * folders that became empty. Never follows a symbolic link. */
guint
ct_site_remove_stale (const char  *dir,
              GHashTable  *previous,
              GHashTable  *written)
{
  GHashTableIter iter;
  gpointer key;
  guint removed = 0;
  g_autoptr(GHashTable) folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, previous);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *file = key;
      const char *slash = strchr (file, '/');
      g_autofree char *path = g_build_filename (dir, file, NULL);
      GStatBuf st;

      if (g_hash_table_contains (written, file))
        continue;
      if (slash != NULL)
        {
          g_autofree char *folder = g_strndup (file, slash - file);
          g_autofree char *folder_path = g_build_filename (dir, folder, NULL);

          if (g_lstat (folder_path, &st) != 0 || !S_ISDIR (st.st_mode))
            continue;
          g_hash_table_add (folders, g_steal_pointer (&folder_path));
        }
      if (g_lstat (path, &st) == 0 && !S_ISDIR (st.st_mode) && g_unlink (path) == 0)
        removed++;
    }

  g_hash_table_iter_init (&iter, folders);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_rmdir (key);  /* only succeeds when empty: other files stay */
  return removed;
}

