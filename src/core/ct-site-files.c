#define G_LOG_DOMAIN "ct-site"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ct-error.h"
#include "ct-site-private.h"

/* Writing one file of the site only when its bytes changed.
 *
 * A rerun of `continuity site` renders a page again whenever anything it
 * may be made from changed (ct-site-inputs.c), but it compares before it
 * writes: a file whose bytes are already there is not touched, so its
 * inode and mtime stay, rsync and web servers see no change, and only
 * the pages a change really shows on are written. */

/* TRUE when @path is a regular file (not a symbolic link: a link there
 * is replaced, never read through) holding exactly @data. */
static gboolean
same_bytes (const char *path,
            const char *data,
            gsize       length)
{
  char buffer[64 * 1024];
  struct stat st;
  gsize offset = 0;
  gboolean same = FALSE;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (guint64) st.st_size != length)
    goto out;
  /* the size matched; a file that grows meanwhile still fails below */
  while (TRUE)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto out;
      if (n == 0)
        break;
      if ((gsize) n > length - offset || memcmp (buffer, data + offset, n) != 0)
        goto out;
      offset += n;
    }
  same = offset == length;

out:
  close (fd);
  return same;
}

gboolean
ct_site_write_file (const char  *dir,
                    const char  *file,
                    const char  *data,
                    gsize        length,
                    gboolean    *written,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) local_error = NULL;

  if (written != NULL)
    *written = FALSE;
  if (same_bytes (path, data, length))
    return TRUE;
  /* atomic: a reader (or a web server) never sees half a page */
  if (!g_file_set_contents (path, data, length, &local_error))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not write the page %s: %s"), path, local_error->message);
      return FALSE;
    }
  if (written != NULL)
    *written = TRUE;
  return TRUE;
}
