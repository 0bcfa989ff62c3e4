#define G_LOG_DOMAIN "ct-site"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ct-site-private.h"
#include "ct-wiki-private.h"

/* What a page is made from, so that a rerun can leave it alone without
 * rendering it.
 *
 * One key covers the inputs of every page: the Continuity that renders
 * (its executable, so a rebuilt one renders afresh even with the same
 * version number), the locale that words and dates are written in, the
 * options, a digest of every row of the wiki (ct_wiki_content_digest),
 * and the state of every post and media file read from the folder.
 * Finer keys (one per page, from the rows each page read) would let a
 * rerun after a change skip the pages it did not touch; but a page reads
 * lists, backlinks and notes of other entities, and one dependency
 * missed is a stale page published. With one key a rerun after a change
 * renders everything again and still writes only the files whose bytes
 * changed (ct-site-files.c), and a rerun with nothing changed renders
 * nothing.
 *
 * Each file the export wrote or kept is recorded in the marker with that
 * key and the file's inode, size and modification time, as it was left.
 * A file is skipped only when both still hold, so a file edited or
 * replaced by hand (new mtime, new inode, a symbolic link) is rendered
 * and put back. */

#define INPUTS_VERSION "continuity-site-inputs 1"

/* The executable that renders: its file's identity, or NULL when it
 * cannot be known (then nothing is ever skipped). */
static char *
executable_identity (void)
{
  GStatBuf st;

  if (g_stat ("/proc/self/exe", &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%ld.%09ld",
                          (guint64) st.st_dev, (guint64) st.st_ino, (gint64) st.st_size,
                          (long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec);
}

/* The identity of @file in @dir as it is now, without following a link
 * in its last component, written into @buf; "-" when there is none.
 * Relative to @dirfd (@dir opened) when it is not -1: a rerun checks
 * every file the export wrote, and the kernel walking the whole path
 * again for each was a quarter of it. */
/* Writes @value in @base (8 or 10) at @p, at least @width digits. */
static char *
put_number (char    *p,
            guint64  value,
            guint    base,
            guint    width)
{
  char digits[24];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % base);
      value /= base;
    }
  while (value > 0 || n < width);
  while (n > 0)
    *p++ = digits[--n];
  return p;
}

static void
format_state (const struct stat *st,
              char              *buf,
              gsize              size)
{
  char *p = buf;

  /* "%o:%llu:%lld:%ld.%09ld" by hand: a rerun formats this for every
   * file it checks, and printf's parsing of the format was a twentieth
   * of a rerun. Times before 1970 and sizes below zero are left to it. */
  if (st->st_size < 0 || st->st_mtim.tv_sec < 0 || st->st_mtim.tv_nsec < 0
      || st->st_mtim.tv_nsec > 999999999 || size < 96)
    {
      g_snprintf (buf, size, "%o:%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%ld.%09ld",
                  (guint) st->st_mode, (guint64) st->st_ino, (gint64) st->st_size,
                  (long) st->st_mtim.tv_sec, (long) st->st_mtim.tv_nsec);
      return;
    }
  p = put_number (p, (guint) st->st_mode, 8, 1);
  *p++ = ':';
  p = put_number (p, (guint64) st->st_ino, 10, 1);
  *p++ = ':';
  p = put_number (p, (guint64) st->st_size, 10, 1);
  *p++ = ':';
  p = put_number (p, (guint64) st->st_mtim.tv_sec, 10, 1);
  *p++ = '.';
  p = put_number (p, (guint64) st->st_mtim.tv_nsec, 10, 9);
  *p = '\0';
}

static void
file_state (int         dirfd,
            const char *dir,
            const char *file,
            char       *buf,
            gsize       size)
{
  struct stat st;
  int rc;

  if (dirfd >= 0)
    rc = fstatat (dirfd, file, &st, AT_SYMLINK_NOFOLLOW);
  else
    {
      g_autofree char *path = g_build_filename (dir, file, NULL);
      rc = lstat (path, &st);
    }
  if (rc != 0)
    g_strlcpy (buf, "-", size);
  else
    format_state (&st, buf, size);
}

/* room for file_state (): four numbers and the separators */
#define STATE_SIZE 128

/* A rerun with nothing changed spent a third of its time on the digest
 * of every row (reading them all, and SHA-256 over a megabyte for the
 * bench's 2,000 entities). The digest is remembered in the marker beside
 * the state of the database's files (identity, size, and modification
 * and change times to the nanosecond, of the database, its WAL and its
 * journal), and reused while that state holds: no commit, checkpoint or
 * copy can change a row without writing one of them, and a write moves
 * the change time, which no tool can set back.
 *
 * Two races are closed. The state is read before the rows, so a commit
 * in between makes the state remembered older than the digest, and the
 * next run digests again (never the reverse). And a file's times come
 * from a coarse clock (a few milliseconds, two seconds on some
 * filesystems): a commit just after the state was read could leave the
 * same times and, with a WAL started over, the same size. So a state
 * with any time less than WIKI_SETTLED ago is not remembered at all, as
 * Git does with "racily clean" files; a commit after the state is read
 * then always gets later times than those remembered. */
#define WIKI_SETTLED (2 * G_USEC_PER_SEC)

static const char * const wiki_files[] = { "", "-wal", "-journal" };

/* The state of @folder's database files, or NULL when it cannot be
 * trusted to tell a change (too recent, or not readable). */
static char *
wiki_files_state (const char *folder)
{
  GString *state;
  gint64 now = g_get_real_time ();

  if (strchr (folder, '\n') != NULL)
    return NULL;   /* the marker holds it on one line */
  state = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (wiki_files); i++)
    {
      g_autofree char *name = g_strconcat (CT_WIKI_DB_NAME, wiki_files[i], NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      struct stat st;
      gint64 mtime, ctime;

      if (lstat (path, &st) != 0)
        {
          if (errno != ENOENT)
            return (g_string_free (state, TRUE), NULL);
          g_string_append (state, "- ");
          continue;
        }
      /* Opening the wiki makes an empty WAL, just now: nothing in it to
       * change, whatever its times (a commit would give it frames, and
       * emptying it again checkpoints them into the database's file). */
      if (S_ISREG (st.st_mode) && st.st_size == 0)
        {
          g_string_append (state, "0 ");
          continue;
        }
      mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
      ctime = (gint64) st.st_ctim.tv_sec * G_USEC_PER_SEC + st.st_ctim.tv_nsec / 1000;
      if (mtime > now - WIKI_SETTLED || ctime > now - WIKI_SETTLED)
        return (g_string_free (state, TRUE), NULL);
      g_string_append_printf (state, "%o:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT
                              ":%ld.%09ld:%ld.%09ld ",
                              (guint) st.st_mode, (guint64) st.st_dev, (guint64) st.st_ino,
                              (gint64) st.st_size, (long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                              (long) st.st_ctim.tv_sec, (long) st.st_ctim.tv_nsec);
    }
  g_string_append (state, folder);
  return g_string_free (state, FALSE);
}

/* The digest of @wiki's rows: the one @remembered holds when the files'
 * state is still the one it was made at, else made again. *@remembered_now
 * is what to remember for the next run (NULL: nothing). */
static char *
wiki_digest (CtWiki      *wiki,
             const char  *remembered,
             char       **remembered_now,
             GError     **error)
{
  g_autofree char *state = NULL;
  const char *tab = remembered ? strrchr (remembered, '\t') : NULL;
  char *digest;

  *remembered_now = NULL;
  /* Inside the caller's transaction the digest would be of a snapshot
   * older than the state read now, or hold its uncommitted rows: made,
   * never remembered. */
  if (sqlite3_get_autocommit (ct_db_handle (wiki->db)))
    state = wiki_files_state (ct_wiki_get_folder (wiki));
  if (state != NULL && tab != NULL && strlen (state) == (gsize) (tab - remembered)
      && strncmp (state, remembered, tab - remembered) == 0 && tab[1] != '\0')
    digest = g_strdup (tab + 1);
  else if ((digest = ct_wiki_content_digest (wiki, error)) == NULL)
    return NULL;
  if (state != NULL)
    *remembered_now = g_strdup_printf ("%s\t%s", state, digest);
  return digest;
}

static void
add_string (GChecksum  *sum,
            const char *text)
{
  /* with its terminator: "ab" + "c" never reads as "a" + "bc" */
  g_checksum_update (sum, (const guchar *) (text ? text : ""), strlen (text ? text : "") + 1);
}

char *
ct_site_inputs_key (const CtSitePlan     *plan,
                    CtWiki               *wiki,
                    const CtSiteOptions  *options,
                    const char           *remembered,
                    char                **remembered_now,
                    GError              **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *exe = executable_identity ();
  g_autofree char *digest = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  const char * const *languages = g_get_language_names ();
  int wiki_fd;

  *remembered_now = NULL;
  if (exe == NULL)
    {
      /* a key no marker holds: every page is rendered */
      g_autofree char *random = g_uuid_string_random ();
      return g_strdup (random);
    }

  digest = wiki_digest (wiki, remembered, remembered_now, error);
  if (digest == NULL)
    return NULL;
  /* the posts the plan will list (their rows are in the digest) */
  posts = ct_wiki_list_post_paths (wiki, options->drafts, error);
  if (posts == NULL)
    return NULL;

  add_string (sum, INPUTS_VERSION);
  add_string (sum, PACKAGE_VERSION);
  add_string (sum, exe);
  /* words (gettext follows LANGUAGE too), dates and the order of titles */
  add_string (sum, setlocale (LC_ALL, NULL));
  for (guint i = 0; languages[i] != NULL; i++)
    add_string (sum, languages[i]);
  add_string (sum, options->drafts ? "drafts" : "published");
  add_string (sum, digest);

  wiki_fd = open (plan->wiki_folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  for (guint i = 0; i < posts->len; i++)
    {
      const char *post = g_ptr_array_index (posts, i);
      const struct stat *known = options->post_files ? g_hash_table_lookup (options->post_files, post) : NULL;
      char state[STATE_SIZE];

      if (known != NULL)
        format_state (known, state, sizeof state);
      else
        file_state (wiki_fd, plan->wiki_folder, post, state, sizeof state);
      add_string (sum, post);
      add_string (sum, state);
    }
  for (guint i = 0; i < plan->media->len; i++)
    {
      const char *media = g_ptr_array_index (plan->media, i);
      char state[STATE_SIZE];

      file_state (wiki_fd, plan->wiki_folder, media, state, sizeof state);
      add_string (sum, media);
      add_string (sum, state);
    }
  if (wiki_fd >= 0)
    close (wiki_fd);

  /* 128 bits are plenty to tell two states of one site apart */
  return g_strndup (g_checksum_get_string (sum), 32);
}

char *
ct_site_record_stat (const char        *key,
                     const struct stat *st)
{
  char state[STATE_SIZE];

  format_state (st, state, sizeof state);
  return g_strdup_printf ("%s %s", key, state);
}

/* Whether @previous (a marker's record of @file) still holds for @key
 * and the file's @state. */
static gboolean
record_holds (const char *previous,
              const char *key,
              gsize       key_length,
              const char *state)
{
  return strncmp (previous, key, key_length) == 0 && previous[key_length] == ' '
         && strcmp (previous + key_length + 1, state) == 0;
}

gboolean
ct_site_record_current (int         dirfd,
                        const char *dir,
                        const char *file,
                        const char *key,
                        const char *previous,
                        char      **record)
{
  gsize key_length = strlen (key);
  char state[STATE_SIZE];

  *record = NULL;
  if (previous == NULL || *previous == '\0')
    return FALSE;
  /* the record holds the file's type too: only a regular file can match
   * one the export wrote, never a link put in its place; compared where
   * it is made, not copied (a rerun compares every file's) */
  file_state (dirfd, dir, file, state, sizeof state);
  if (!record_holds (previous, key, key_length, state))
    return FALSE;
  *record = g_strdup (previous);
  return TRUE;
}

#define MAX_FOLDERS 16

/* The state of @file ("name" or "folder/name") like file_state, but
 * relative to its folder opened once (kept in @names and @fds): the
 * kernel then walks one name per file instead of two. A folder that is a
 * symbolic link or cannot be opened is left to file_state, which follows
 * the link as any path does. */
static void
file_state_in_folder (int          dirfd,
                      const char  *dir,
                      const char  *file,
                      char       **names,
                      int         *fds,
                      guint       *n_folders,
                      char        *buf,
                      gsize        size)
{
  const char *slash = strchr (file, '/');
  struct stat st;
  guint i;

  if (slash == NULL || dirfd < 0)
    {
      file_state (dirfd, dir, file, buf, size);
      return;
    }
  for (i = 0; i < *n_folders; i++)
    if (strncmp (names[i], file, slash - file) == 0 && names[i][slash - file] == '\0')
      break;
  if (i == *n_folders)
    {
      if (*n_folders == MAX_FOLDERS)
        {
          file_state (dirfd, dir, file, buf, size);
          return;
        }
      names[i] = g_strndup (file, slash - file);
      fds[i] = openat (dirfd, names[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      (*n_folders)++;
    }
  if (fds[i] < 0)
    file_state (dirfd, dir, file, buf, size);
  else if (fstatat (fds[i], slash + 1, &st, AT_SYMLINK_NOFOLLOW) != 0)
    g_strlcpy (buf, "-", size);
  else
    format_state (&st, buf, size);
}

/* TRUE when every file the marker lists was made from @key and is still
 * as it was left: the plan would be the same as last time (it follows
 * from the same inputs), so there is nothing to render, write or
 * remove, and even listing the entities again can be skipped. *@files
 * is how many files that is. */
gboolean
ct_site_nothing_changed (int         dirfd,
                         const char *dir,
                         GHashTable *previous,
                         const char *key,
                         guint      *files)
{
  gsize key_length = strlen (key);
  char *names[MAX_FOLDERS];
  int fds[MAX_FOLDERS];
  guint n_folders = 0;
  GHashTableIter iter;
  gpointer file, record;
  gboolean same = g_hash_table_size (previous) > 0;

  g_hash_table_iter_init (&iter, previous);
  while (same && g_hash_table_iter_next (&iter, &file, &record))
    {
      char state[STATE_SIZE];

      if (*(const char *) record == '\0')
        same = FALSE;
      else
        {
          file_state_in_folder (dirfd, dir, file, names, fds, &n_folders, state, sizeof state);
          same = record_holds (record, key, key_length, state);
        }
    }
  for (guint i = 0; i < n_folders; i++)
    {
      if (fds[i] >= 0)
        close (fds[i]);
      g_free (names[i]);
    }
  if (same)
    *files = g_hash_table_size (previous);
  return same;
}

/* The inputs key on a connection of its own, in a thread of its own:
 * for a fresh export it is made while the calling thread plans the
 * pages, instead of before (both only read; of the plan the key reads
 * only the media, listed before). */
gpointer
ct_site_inputs_key_thread (gpointer data)
{
  CtSiteKeyJob *job = data;
  g_autoptr(CtWiki) wiki = ct_wiki_open (job->plan->wiki_folder, CT_WIKI_OPEN_READ_ONLY, &job->error);

  if (wiki != NULL)
    job->key = ct_site_inputs_key (job->plan, wiki, job->options, NULL, &job->wiki_line, &job->error);
  return NULL;
}
