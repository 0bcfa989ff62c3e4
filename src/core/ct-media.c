#define G_LOG_DOMAIN "ct-media"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-error.h"
#include "ct-media.h"

/* Names are made unique by trying to create the file exclusively
 * (G_FILE_CREATE_NONE with g_file_create fails when it exists), so two
 * pastes at once never write into one file. */

#define MAX_NAME 100

static const char * const image_extensions[] = {
  "png", "jpg", "jpeg", "gif", "webp", "svg", "avif", NULL
};

gboolean
ct_media_is_image_name (const char *name)
{
  const char *dot = name ? strrchr (name, '.') : NULL;
  g_autofree char *ext = NULL;

  if (dot == NULL)
    return FALSE;
  ext = g_ascii_strdown (dot + 1, -1);
  return g_strv_contains (image_extensions, ext);
}

char *
ct_media_safe_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  const char *base = valid, *p;
  g_autoptr(GString) stem = g_string_new (NULL);
  g_autofree char *ext = NULL;
  char *dot;

  /* The last segment, whichever separator a system uses. */
  for (p = valid; *p != '\0'; p++)
    if (*p == '/' || *p == '\\')
      base = p + 1;

  for (p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '_' || c == '.' || c == '-')
        g_string_append_unichar (stem, c);
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }

  /* The extension apart, lowercased; dots and dashes trimmed from both
   * ends of the stem (".." and ".hidden" never come out). */
  dot = strrchr (stem->str, '.');
  if (dot != NULL && dot[1] != '\0' && strlen (dot + 1) <= 8)
    {
      ext = g_ascii_strdown (dot + 1, -1);
      g_string_truncate (stem, dot - stem->str);
    }
  while (stem->len > 0 && (stem->str[0] == '.' || stem->str[0] == '-'))
    g_string_erase (stem, 0, 1);
  while (stem->len > 0 && strchr (".-", stem->str[stem->len - 1]) != NULL)
    g_string_truncate (stem, stem->len - 1);
  if (stem->len > MAX_NAME)
    {
      const char *cut = g_utf8_find_prev_char (stem->str, stem->str + MAX_NAME + 1);
      g_string_truncate (stem, cut - stem->str);
    }
  if (stem->len == 0)
    g_string_assign (stem, "image");
  if (ext != NULL)
    g_string_append_printf (stem, ".%s", ext);
  return g_string_free (g_steal_pointer (&stem), FALSE);
}

static char *
with_suffix (const char *safe,
             guint       n)
{
  const char *dot = strrchr (safe, '.');

  if (n <= 1)
    return g_strdup (safe);
  if (dot == NULL)
    return g_strdup_printf ("%s-%u", safe, n);
  return g_strdup_printf ("%.*s-%u%s", (int) (dot - safe), safe, n, dot);
}

static gboolean
same_bytes (GFile  *file,
            GBytes *bytes)
{
  g_autoptr(GBytes) existing = g_file_load_bytes (file, NULL, NULL, NULL);
  return existing != NULL && g_bytes_equal (existing, bytes);
}

/* Writes @bytes (or @source's content when @bytes is NULL) to a new file
 * in media/, returning its name. */
static char *
import (const char    *wiki_folder,
        GFile         *source,
        GBytes        *bytes,
        const char    *name,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autofree char *media = g_build_filename (wiki_folder, CT_MEDIA_DIR, NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (media);
  g_autoptr(GBytes) content = bytes ? g_bytes_ref (bytes) : NULL;
  g_autofree char *safe = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (wiki_folder != NULL, NULL);

  if (name == NULL && source != NULL)
    {
      g_autofree char *basename = g_file_get_basename (source);
      safe = ct_media_safe_name (basename);
    }
  else
    safe = ct_media_safe_name (name);
  if (!ct_media_is_image_name (safe))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("“%s” is not an image Continuity can insert (PNG, JPEG, GIF, WebP, SVG or AVIF)."), safe);
      return NULL;
    }

  /* Images are small next to memory, and reading first lets an existing
   * copy with the same bytes be reused instead of duplicated. */
  if (content == NULL)
    {
      content = g_file_load_bytes (source, cancellable, NULL, &local_error);
      if (content == NULL)
        {
          g_autofree char *what = g_file_get_parse_name (source);
          g_set_error (error, CT_ERROR, CT_ERROR_IO, _("%s could not be read: %s"), what, local_error->message);
          return NULL;
        }
    }

  if (!g_file_make_directory_with_parents (dir, cancellable, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_IO, _("The folder %s could not be created: %s"), media, local_error->message);
      return NULL;
    }
  g_clear_error (&local_error);

  for (guint n = 1; n < 10000; n++)
    {
      g_autofree char *candidate = with_suffix (safe, n);
      g_autoptr(GFile) target = g_file_get_child (dir, candidate);
      g_autoptr(GFileOutputStream) out = g_file_create (target, G_FILE_CREATE_NONE, cancellable, &local_error);
      gsize size;
      const void *data;

      if (out == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            {
              g_clear_error (&local_error);
              if (same_bytes (target, content))
                return g_steal_pointer (&candidate);
              continue;
            }
          g_set_error (error, CT_ERROR, CT_ERROR_IO, _("The image could not be copied into %s: %s"),
                       media, local_error->message);
          return NULL;
        }
      data = g_bytes_get_data (content, &size);
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, size, NULL, cancellable, &local_error)
          || !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
        {
          /* No half image left behind for the next import to reuse. */
          g_file_delete (target, NULL, NULL);
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, CT_ERROR, CT_ERROR_IO, _("The image could not be copied into %s: %s"),
                         media, local_error->message);
          return NULL;
        }
      return g_steal_pointer (&candidate);
    }
  g_set_error (error, CT_ERROR, CT_ERROR_EXISTS, _("%s already holds too many images named like “%s”."), media, safe);
  return NULL;
}

char *
ct_media_import_file (const char    *wiki_folder,
                      GFile         *source,
                      const char    *name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (source), NULL);
  return import (wiki_folder, source, NULL, name, cancellable, error);
}

char *
ct_media_import_bytes (const char    *wiki_folder,
                       GBytes        *bytes,
                       const char    *name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  return import (wiki_folder, NULL, bytes, name, cancellable, error);
}

char *
ct_media_markdown (const char *wiki_folder,
                   const char *post_path,
                   const char *name,
                   const char *alt)
{
  g_autofree char *post_dir = post_path ? g_path_get_dirname (post_path)
                                        : g_build_filename (wiki_folder, "posts", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (post_dir);
  g_autoptr(GFile) root = g_file_new_for_path (wiki_folder);
  g_autoptr(GString) out = g_string_new ("![");
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *inside = g_file_get_relative_path (root, from);
  g_autofree char *valid_alt = g_utf8_make_valid (alt ? alt : "", -1);

  /* Up from the post's folder to the wiki's, then down into media/. A
   * post outside the wiki folder gets the path as if it were in posts/. */
  if (inside != NULL)
    for (const char *p = inside; *p != '\0'; p++)
      if (p == inside || p[-1] == G_DIR_SEPARATOR)
        g_string_append (path, "../");
  if (inside == NULL && !g_file_equal (root, from))
    g_string_append (path, "../");
  g_string_append_printf (path, "%s/%s", CT_MEDIA_DIR, name);

  for (const char *p = valid_alt; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        {
          if (strchr ("\\[]*_`<>&!{}", *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
  g_string_append (out, "](");
  /* The safe name has no blanks, parentheses or '<': as it is. */
  g_string_append (out, path->str);
  g_string_append_c (out, ')');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
