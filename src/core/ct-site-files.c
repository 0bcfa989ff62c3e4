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
 * is replaced, never read through) holding exactly @data.
 * @existed says whether anything was there at all. */
static gboolean
same_bytes (const char  *path,
            const char  *data,
            gsize        length,
            gboolean    *existed,
            struct stat *left)
{
  char buffer[64 * 1024];
  struct stat st;
  gsize offset = 0;
  gboolean same = FALSE;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  *existed = fd >= 0 || errno != ENOENT;
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
  if (same && left != NULL)
    *left = st;

out:
  close (fd);
  return same;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Atomic, as g_file_set_contents: a new file beside the page, renamed
 * over it, so a reader (or a web server, or the page after a crash) is
 * never half a page; flushed to disk before the rename when it replaces
 * a file, as g_file_set_contents does, so a crash cannot leave an empty
 * page where there was a whole one. Done here with four system calls
 * instead of its seven (it also preallocates and stats the target):
 * on a site of thousands of small pages those were a tenth of the
 * export. */
static gboolean
replace_file (const char   *path,
              const char   *data,
              gsize         length,
              gboolean      existed,
              struct stat  *left,
              GError      **error)
{
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0)
    goto fail;
  /* what the file is left as, for its record: the rename moves neither
   * its inode, its size nor its mtime (a stat of it afterwards was one
   * more walk of its path per page) */
  if (!write_all (fd, data, length) || (existed && fsync (fd) != 0)
      || (left != NULL && fstat (fd, left) != 0))
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temp);
      errno = saved_errno;
      goto fail;
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      errno = saved_errno;
      goto fail;
    }
  if (g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      errno = saved_errno;
      goto fail;
    }
  return TRUE;

fail:
  saved_errno = errno;
  g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not write the page %s: %s"), path,
               g_strerror (saved_errno));
  return FALSE;
}

gboolean
ct_site_write_file (const char  *dir,
                    const char  *file,
                    const char  *data,
                    gsize        length,
                    gboolean     absent,
                    gboolean    *written,
                    struct stat *left,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  gboolean existed = FALSE;

  if (written != NULL)
    *written = FALSE;
  /* a fresh export into an empty folder: nothing to compare with (the
   * failed open was a twentieth of such an export) */
  if (!absent && same_bytes (path, data, length, &existed, left))
    return TRUE;
  if (!replace_file (path, data, length, existed, left, error))
    return FALSE;
  if (written != NULL)
    *written = TRUE;
  return TRUE;
}
