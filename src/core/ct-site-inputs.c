#define G_LOG_DOMAIN "ct-site"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "ct-site-private.h"

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

/* The identity of @path's file as it is now, without following a link;
 * "-" when there is none. */
static char *
file_state (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return g_strdup ("-");
  return g_strdup_printf ("%o:%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%ld.%09ld",
                          (guint) st.st_mode, (guint64) st.st_ino, (gint64) st.st_size,
                          (long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec);
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
                    GError              **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *exe = executable_identity ();
  g_autofree char *digest = NULL;
  const char * const *languages = g_get_language_names ();

  if (exe == NULL)
    {
      /* a key no marker holds: every page is rendered */
      g_autofree char *random = g_uuid_string_random ();
      return g_strdup (random);
    }

  digest = ct_wiki_content_digest (wiki, error);
  if (digest == NULL)
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

  for (guint i = 0; i < plan->posts->len; i++)
    {
      const CtSitePost *post = g_ptr_array_index (plan->posts, i);
      g_autofree char *path = g_build_filename (plan->wiki_folder, post->post->path, NULL);
      g_autofree char *state = file_state (path);

      add_string (sum, post->post->path);
      add_string (sum, state);
    }
  for (guint i = 0; i < plan->media->len; i++)
    {
      const char *media = g_ptr_array_index (plan->media, i);
      g_autofree char *path = g_build_filename (plan->wiki_folder, media, NULL);
      g_autofree char *state = file_state (path);

      add_string (sum, media);
      add_string (sum, state);
    }

  /* 128 bits are plenty to tell two states of one site apart */
  return g_strndup (g_checksum_get_string (sum), 32);
}

char *
ct_site_record (const char *dir,
                const char *file,
                const char *key)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *state = file_state (path);

  return g_strdup_printf ("%s %s", key, state);
}

gboolean
ct_site_record_current (const char *dir,
                        const char *file,
                        const char *key,
                        const char *previous,
                        char      **record)
{
  *record = NULL;
  if (previous == NULL || *previous == '\0')
    return FALSE;
  /* the record holds the file's type too: only a regular file can match
   * one the export wrote, never a link put in its place */
  *record = ct_site_record (dir, file, key);
  if (g_str_equal (*record, previous))
    return TRUE;
  g_clear_pointer (record, g_free);
  return FALSE;
}
