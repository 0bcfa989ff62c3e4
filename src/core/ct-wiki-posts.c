#define G_LOG_DOMAIN "ct-wiki-posts"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "ct-front-matter.h"
#include "ct-migrations.h"
#include "ct-scanner.h"
#include "ct-wiki-private.h"

/* Posts larger than this are not indexed (they are not posts). */
#define MAX_POST_SIZE (64 * 1024 * 1024)

void
ct_post_free (CtPost *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->title);
  g_free (self->date);
  g_strfreev (self->tags);
  g_free (self);
}

void
_ct_mention_free (CtMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->name);
  g_free (mention);
}

/* Mentions */

/* The entity names that references in @text mention, with the byte range
 * of each name (for rewriting it on rename) and its line. The shared
 * scanner decides what is a reference, so the index agrees with the
 * renderer and `continuity check`. */
GPtrArray *
_ct_wiki_collect_mentions (const char *text,
                           gsize       length)
{
  GPtrArray *mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) _ct_mention_free);
  g_autoptr(GPtrArray) refs = ct_scan_references (text, length);

  for (guint i = 0; i < refs->len; i++)
    {
      CtReference *ref = g_ptr_array_index (refs, i);
      const char *from = text + ref->start + 2;
      const char *to = text + ref->end;
      const char *found;
      CtMention *m;

      if (!ref->closed || ref->target == NULL || *ref->target == '\0')
        continue;
      /* The target follows the opener, or the colon of a template. */
      if (ref->type == CT_REF_TEMPLATE)
        {
          const char *colon = memchr (from, ':', to - from);
          if (colon != NULL)
            from = colon + 1;
        }
      found = g_strstr_len (from, to - from, ref->target);
      if (found == NULL)
        continue;

      m = g_new0 (CtMention, 1);
      m->name = g_strdup (ref->target);
      m->start = found - text;
      m->end = m->start + strlen (ref->target);
      m->line = ref->line;
      g_ptr_array_add (mentions, m);
    }
  return mentions;
}

/* Scanning the folder */

typedef struct {
  char        *path;   /* relative, with '/' */
  gint64       size;
  gint64       mtime;  /* microseconds */
  struct stat  st;
} PostFile;

static void
post_file_free (PostFile *file)
{
  g_free (file->path);
  g_free (file);
}

static int
compare_post_files (gconstpointer a,
                    gconstpointer b)
{
  return strcmp ((*(PostFile * const *) a)->path, (*(PostFile * const *) b)->path);
}

/* Adds the posts (*.md) in the folder @fd (@relative in the wiki, "" at
 * its top) and below it to @files. With readdir and fstatat relative to
 * the folder rather than GIO's enumerator: this runs before every `site`
 * and `check`, most often to find nothing changed, and the enumerator's
 * file infos, and setting up GIO's VFS for the first GFile, were three
 * quarters of finding that. Takes @fd. */
/* The folder @relative in @root, for messages. */
static void
set_folder_error (GError     **error,
                  int          saved_errno,
                  const char  *root,
                  const char  *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not read the folder %s: %s"),
               path, g_strerror (saved_errno));
}

static gboolean
walk_folder (int            fd,
             const char    *root,
             const char    *relative,
             GPtrArray     *files,
             GCancellable  *cancellable,
             GError       **error)
{
  DIR *dir = fdopendir (fd);
  struct dirent *entry;
  gboolean ok = TRUE;

  if (dir == NULL)
    {
      int saved = errno;

      close (fd);
      set_folder_error (error, saved, root, relative);
      return FALSE;
    }
  while (ok)
    {
      const char *name;
      gboolean is_post;
      struct stat st;

      errno = 0;
      if ((entry = readdir (dir)) == NULL)
        {
          if (errno != 0)
            {
              int saved = errno;
              set_folder_error (error, saved, root, relative);
              ok = FALSE;
            }
          break;
        }
      name = entry->d_name;
      /* .backups, .git and other hidden folders hold no posts (nor
       * do "." and "..") */
      if (name[0] == '.')
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      is_post = g_str_has_suffix (name, ".md");
      /* only posts and folders need a stat, when the folder says what
       * its entries are */
      if (!is_post && entry->d_type != DT_DIR && entry->d_type != DT_UNKNOWN)
        continue;
      /* Symbolic links are not followed: a link loop cannot hang the
       * index and nothing outside the wiki folder is read. An entry
       * gone since it was listed is skipped. */
      if (fstatat (dirfd (dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          g_autofree char *below = *relative ? g_strconcat (relative, "/", name, NULL) : g_strdup (name);
          int child = openat (dirfd (dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

          if (child < 0)
            {
              int saved = errno;
              set_folder_error (error, saved, root, below);
              ok = FALSE;
            }
          else
            ok = walk_folder (child, root, below, files, cancellable, error);
        }
      else if (S_ISREG (st.st_mode) && is_post)
        {
          PostFile *file = g_new0 (PostFile, 1);

          file->path = *relative ? g_strconcat (relative, "/", name, NULL) : g_strdup (name);
          file->size = st.st_size;
          /* microseconds, as the index has always recorded them */
          file->mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
          file->st = st;
          g_ptr_array_add (files, file);
        }
    }
  closedir (dir);
  return ok;
}

/* The posts under the wiki's folder, by path (so new posts are numbered
 * in an order that does not depend on the file system's). */
static GPtrArray *
list_post_files (const char    *folder,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) post_file_free);
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not read the folder %s: %s"),
                   folder, g_strerror (saved));
      return NULL;
    }
  if (!walk_folder (fd, folder, "", files, cancellable, error))
    return NULL;
  g_ptr_array_sort (files, compare_post_files);
  return g_steal_pointer (&files);
}

/* Indexing one post */

/* The first ATX heading ("# Title") of the body, or NULL. */
static char *
first_heading (const char *body,
               gsize       length)
{
  const char *end = body + length;

  for (const char *line = body; line < end; )
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl ? nl : end;

      if (line_end - line > 2 && line[0] == '#' && line[1] == ' ')
        {
          g_autofree char *heading = g_strndup (line + 2, line_end - line - 2);
          return g_strdup (g_strstrip (heading));
        }
      if (nl == NULL)
        break;
      line = nl + 1;
    }
  return NULL;
}

static gboolean
run_with_id (CtWiki      *self,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return ct_db_run (self->db, stmt, error);
}

static gboolean
write_post (CtWiki          *self,
            const PostFile  *file,
            const char      *raw,
            gsize            raw_length,
            const char      *hash,
            GError         **error)
{
  g_autofree char *text = g_utf8_make_valid (raw, raw_length);
  gsize length = strlen (text);
  g_autoptr(CtFrontMatter) fm = ct_front_matter_parse (text, length, NULL);
  g_autoptr(GPtrArray) mentions = _ct_wiki_collect_mentions (text, length);
  g_autofree char *title = NULL;
  g_autofree char *tags_text = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize body_offset = 0;
  guint body_line;
  gboolean row;
  gint64 id;

  /* Broken YAML does not keep a post out of the index: it is indexed
   * as if it had no front matter, and the editor shows the problem. */
  if (fm == NULL)
    {
      fm = g_new0 (CtFrontMatter, 1);
      fm->spoilers = -1;
      fm->tags = g_new0 (char *, 1);
    }
  ct_front_matter_split (text, length, &body_offset, &body_line);

  title = g_strdup (fm->title);
  if (title == NULL)
    title = first_heading (text + body_offset, length - body_offset);
  if (title == NULL)
    {
      g_autofree char *base = g_path_get_basename (file->path);
      title = g_strndup (base, strlen (base) - strlen (".md"));
    }

  stmt = ct_db_prepare (self->db,
                        "INSERT INTO post (path, size, mtime, hash, title, date, draft, spoilers)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                        " ON CONFLICT (path) DO UPDATE SET size = ?2, mtime = ?3, hash = ?4,"
                        " title = ?5, date = ?6, draft = ?7, spoilers = ?8 RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  ct_db_bind_text (stmt, 1, file->path);
  sqlite3_bind_int64 (stmt, 2, file->size);
  sqlite3_bind_int64 (stmt, 3, file->mtime);
  ct_db_bind_text (stmt, 4, hash);
  ct_db_bind_text (stmt, 5, title);
  ct_db_bind_text (stmt, 6, fm->date);
  sqlite3_bind_int (stmt, 7, fm->draft ? 1 : 0);
  sqlite3_bind_int (stmt, 8, fm->spoilers);
  if (!ct_db_step (self->db, stmt, &row, error))
    return FALSE;
  g_assert (row);
  id = sqlite3_column_int64 (stmt, 0);
  ct_db_release (stmt);

  if (!run_with_id (self, "DELETE FROM post_tag WHERE post_id = ?", id, error)
      || !run_with_id (self, "DELETE FROM post_mention WHERE post_id = ?", id, error)
      || !run_with_id (self, "DELETE FROM search WHERE rowid = -?", id, error))
    return FALSE;

  for (guint i = 0; fm->tags[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) tag =
        ct_db_prepare (self->db, "INSERT INTO post_tag (post_id, position, tag) VALUES (?, ?, ?)", error);
      if (tag == NULL)
        return FALSE;
      sqlite3_bind_int64 (tag, 1, id);
      sqlite3_bind_int (tag, 2, (int) i);
      ct_db_bind_text (tag, 3, fm->tags[i]);
      if (!ct_db_run (self->db, tag, error))
        return FALSE;
    }

  for (guint i = 0; i < mentions->len; i++)
    {
      CtMention *m = g_ptr_array_index (mentions, i);
      g_autofree char *key = _ct_wiki_name_key (m->name);
      g_autoptr(sqlite3_stmt) add =
        ct_db_prepare (self->db, "INSERT INTO post_mention (post_id, key, line) VALUES (?, ?, ?)", error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, id);
      ct_db_bind_text (add, 2, key);
      sqlite3_bind_int (add, 3, (int) m->line);
      if (!ct_db_run (self->db, add, error))
        return FALSE;
    }

  tags_text = g_strjoinv (" ", fm->tags);
  {
    g_autoptr(sqlite3_stmt) search =
      ct_db_prepare (self->db, "INSERT INTO search (rowid, title, aliases, summary, body) VALUES (-?, ?, '', ?, ?)", error);
    if (search == NULL)
      return FALSE;
    sqlite3_bind_int64 (search, 1, id);
    ct_db_bind_text (search, 2, title);
    ct_db_bind_text (search, 3, tags_text);
    ct_db_bind_text (search, 4, text + body_offset);
    return ct_db_run (self->db, search, error);
  }
}

typedef struct {
  gint64  id;
  gint64  size;
  gint64  mtime;
  char   *hash;
  gboolean seen;
} IndexedPost;

static void
indexed_post_free (IndexedPost *post)
{
  g_free (post->hash);
  g_free (post);
}

/* The index by path; with each post's hash only when @hashes (telling
 * whether it is current needs the sizes and times alone). */
static GHashTable *
load_index (CtWiki   *self,
            gboolean  hashes,
            GError  **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) indexed_post_free);
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (self->db,
                                                hashes ? "SELECT id, path, size, mtime, hash FROM post"
                                                       : "SELECT id, path, size, mtime, NULL FROM post", error);
  gboolean row;

  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      IndexedPost *post;

      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      post = g_new0 (IndexedPost, 1);
      post->id = sqlite3_column_int64 (stmt, 0);
      post->size = sqlite3_column_int64 (stmt, 2);
      post->mtime = sqlite3_column_int64 (stmt, 3);
      post->hash = ct_db_column_dup (stmt, 4);
      g_hash_table_insert (index, ct_db_column_dup (stmt, 1), post);
    }
  return g_steal_pointer (&index);
}

static gboolean
update_posts (CtWiki             *self,
              GPtrArray          *files,
              CtPostIndexStats   *stats,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GHashTable) index = load_index (self, TRUE, error);
  GHashTableIter iter;
  IndexedPost *post;

  if (index == NULL)
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      PostFile *file = g_ptr_array_index (files, i);
      g_autofree char *full = g_build_filename (self->folder, file->path, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *hash = NULL;
      gsize length;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      stats->files++;
      post = g_hash_table_lookup (index, file->path);
      if (post != NULL)
        post->seen = TRUE;

      /* Size and time unchanged: trusted without reading the file. */
      if (post != NULL && post->size == file->size && post->mtime == file->mtime)
        {
          stats->unchanged++;
          continue;
        }
      if (file->size > MAX_POST_SIZE)
        {
          stats->skipped++;
          if (post != NULL)
            post->seen = FALSE;   /* dropped from the index below */
          continue;
        }
      if (!g_file_get_contents (full, &contents, &length, NULL))
        {
          /* Vanished or unreadable since the scan: left for next time. */
          stats->skipped++;
          continue;
        }

      hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      if (post != NULL && g_str_equal (post->hash, hash))
        {
          /* Touched, not changed: remember the new time, skip parsing. */
          g_autoptr(sqlite3_stmt) stmt =
            ct_db_prepare (self->db, "UPDATE post SET size = ?, mtime = ? WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, file->size);
          sqlite3_bind_int64 (stmt, 2, file->mtime);
          sqlite3_bind_int64 (stmt, 3, post->id);
          if (!ct_db_run (self->db, stmt, error))
            return FALSE;
          stats->touched++;
          continue;
        }

      if (!write_post (self, file, contents, length, hash, error))
        return FALSE;
      stats->parsed++;
    }

  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &post))
    {
      if (post->seen)
        continue;
      if (!run_with_id (self, "DELETE FROM search WHERE rowid = -?", post->id, error)
          || !run_with_id (self, "DELETE FROM post WHERE id = ?", post->id, error))
        return FALSE;
      stats->removed++;
    }
  return TRUE;
}

gboolean
ct_wiki_index_posts_with_stats (CtWiki            *self,
                                GCancellable      *cancellable,
                                CtPostIndexStats  *stats,
                                GError           **error)
{
  g_autoptr(GPtrArray) files = NULL;
  CtPostIndexStats local_stats = { 0 };

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);

  if (stats == NULL)
    stats = &local_stats;
  memset (stats, 0, sizeof *stats);

  if (!_ct_wiki_check_writable (self, error))
    return FALSE;

  files = list_post_files (self->folder, cancellable, error);
  if (files == NULL)
    return FALSE;

  if (!ct_db_begin (self->db, error))
    return FALSE;
  if (!update_posts (self, files, stats, cancellable, error))
    {
      _ct_wiki_rollback (self);
      return FALSE;
    }
  /* Posts are no entity; a changed one may change backlinks anywhere. */
  if (stats->parsed > 0 || stats->removed > 0)
    _ct_wiki_note_change (self, 0);
  return _ct_wiki_commit (self, error);
}

gboolean
ct_wiki_posts_indexed (CtWiki       *self,
                       gboolean     *current,
                       GHashTable  **states,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) version = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) index = NULL;
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (current != NULL, FALSE);

  *current = FALSE;
  if (states != NULL)
    *states = NULL;
  /* an older format is upgraded by the writable open that indexes */
  version = ct_db_prepare (self->db, "PRAGMA user_version", error);
  if (version == NULL || !ct_db_step (self->db, version, &row, error))
    return FALSE;
  if (!row || sqlite3_column_int64 (version, 0) != ct_migrations_latest ())
    return TRUE;

  files = list_post_files (self->folder, NULL, error);
  if (files == NULL)
    return FALSE;
  index = load_index (self, FALSE, error);
  if (index == NULL)
    return FALSE;
  /* as update_posts decides: unchanged, or too large and not indexed */
  for (guint i = 0; i < files->len; i++)
    {
      PostFile *file = g_ptr_array_index (files, i);
      IndexedPost *post = g_hash_table_lookup (index, file->path);

      if (post == NULL)
        {
          if (file->size > MAX_POST_SIZE)
            continue;
          return TRUE;
        }
      if (post->size != file->size || post->mtime != file->mtime || file->size > MAX_POST_SIZE)
        return TRUE;
      post->seen = TRUE;
    }
  /* and no indexed post is gone */
  *current = g_hash_table_size (index) == files->len;
  if (*current)
    {
      GHashTableIter iter;
      IndexedPost *post;

      g_hash_table_iter_init (&iter, index);
      while (*current && g_hash_table_iter_next (&iter, NULL, (gpointer *) &post))
        *current = post->seen;
    }
  /* what a site's inputs key would read of them again right after */
  if (*current && states != NULL)
    {
      *states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < files->len; i++)
        {
          PostFile *file = g_ptr_array_index (files, i);
          g_hash_table_insert (*states, g_steal_pointer (&file->path), g_memdup2 (&file->st, sizeof file->st));
        }
    }
  return TRUE;
}

gboolean
ct_wiki_index_posts (CtWiki        *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return ct_wiki_index_posts_with_stats (self, cancellable, NULL, error);
}

gboolean
ct_wiki_clear_post_index (CtWiki  *self,
                          GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);

  if (!_ct_wiki_check_writable (self, error) || !ct_db_begin (self->db, error))
    return FALSE;
  if (!ct_db_exec (self->db, "DELETE FROM search WHERE rowid < 0; DELETE FROM post", error))
    {
      _ct_wiki_rollback (self);
      return FALSE;
    }
  _ct_wiki_note_change (self, 0);
  return _ct_wiki_commit (self, error);
}

static CtPost *
post_from_row (sqlite3_stmt *stmt)
{
  CtPost *post = g_new0 (CtPost, 1);
  const char *tags = (const char *) sqlite3_column_text (stmt, 5);

  post->path = ct_db_column_dup (stmt, 0);
  post->title = ct_db_column_dup (stmt, 1);
  post->date = ct_db_column_dup (stmt, 2);
  post->draft = sqlite3_column_int (stmt, 3) != 0;
  post->spoilers = sqlite3_column_int (stmt, 4);
  post->tags = tags ? g_strsplit (tags, "\x1f", -1) : g_new0 (char *, 1);
  post->unresolved = (guint) sqlite3_column_int (stmt, 6);
  return post;
}

/* Newest first by front matter date, undated ones after by file time;
 * with @count_unresolved, each post's mentions naming no entity (each a
 * lookup on the name_key index), else 0 in their place. */
static GPtrArray *
list_posts (CtWiki    *self,
            gboolean   count_unresolved,
            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ct_db_prepare (self->db,
                        count_unresolved
                        ? "SELECT p.path, p.title, p.date, p.draft, p.spoilers,"
                          " (SELECT group_concat (tag, char(31)) FROM"
                          "   (SELECT t.tag FROM post_tag t WHERE t.post_id = p.id ORDER BY t.position)),"
                          " (SELECT count(*) FROM post_mention m WHERE m.post_id = p.id"
                          "   AND NOT EXISTS (SELECT 1 FROM name n WHERE n.key = m.key))"
                          " FROM post p ORDER BY p.date IS NULL, p.date DESC, p.mtime DESC, p.path"
                        : "SELECT p.path, p.title, p.date, p.draft, p.spoilers,"
                          " (SELECT group_concat (tag, char(31)) FROM"
                          "   (SELECT t.tag FROM post_tag t WHERE t.post_id = p.id ORDER BY t.position)),"
                          " 0"
                          " FROM post p ORDER BY p.date IS NULL, p.date DESC, p.mtime DESC, p.path",
                        error);
  if (stmt == NULL)
    return NULL;
  return _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) post_from_row,
                           (GDestroyNotify) ct_post_free, error);
}

GPtrArray *
ct_wiki_list_posts (CtWiki  *self,
                    GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  return list_posts (self, TRUE, error);
}

/* The site never shows the count, and counting (each of a post's
 * mentions looked up among the names) was most of the query, a sixth of
 * a site rerun with nothing to do. */
GPtrArray *
ct_wiki_list_posts_uncounted (CtWiki  *self,
                              GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  return list_posts (self, FALSE, error);
}
