#define G_LOG_DOMAIN "ct-wiki"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ct-backup.h"
#include "ct-migrations.h"
#include "ct-wiki-private.h"

G_DEFINE_FINAL_TYPE (CtWiki, ct_wiki, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ct_wiki_finalize (GObject *object)
{
  CtWiki *self = CT_WIKI (object);

  ct_db_close (self->db);
  g_free (self->folder);
  g_free (self->read_only_reason);
  g_free (self->backup_problem);
  g_clear_pointer (&self->deferred_search, g_hash_table_unref);

  G_OBJECT_CLASS (ct_wiki_parent_class)->finalize (object);
}

static void
ct_wiki_class_init (CtWikiClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_wiki_finalize;

  /**
   * CtWiki::changed:
   * @id: the entity changed, or 0 when several were or it is not known
   *
   * A change made through this CtWiki was committed (ct-wiki.h). Emitted
   * on the thread that wrote, after COMMIT, so a handler may read the
   * wiki and sees the change.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
ct_wiki_init (CtWiki *self)
{
  self->read_only_code = CT_ERROR_READ_ONLY;
}

/* Names */

char *
_ct_wiki_name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

char *
_ct_wiki_name_fold (const char *name)
{
  g_autofree char *key = _ct_wiki_name_key (name);
  g_autofree char *decomposed = g_utf8_normalize (key, -1, G_NORMALIZE_NFD);
  GString *out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Changes */

void
_ct_wiki_note_change (CtWiki *self,
                      gint64  id)
{
  if (!self->change_pending)
    self->change_id = id;
  else if (self->change_id != id)
    self->change_id = 0;
  self->change_pending = TRUE;
}

static gboolean
in_transaction (CtWiki *self)
{
  return !sqlite3_get_autocommit (ct_db_handle (self->db));
}

gboolean
_ct_wiki_commit (CtWiki  *self,
                 GError **error)
{
  gint64 id = self->change_id;

  if (!ct_db_commit (self->db, error))
    {
      /* ct_db_commit rolled back what failed to commit. */
      if (!in_transaction (self))
        self->change_pending = FALSE;
      return FALSE;
    }
  if (in_transaction (self) || !self->change_pending)
    return TRUE;
  self->change_pending = FALSE;
  self->change_id = 0;
  g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;
}

void
_ct_wiki_rollback (CtWiki *self)
{
  ct_db_rollback (self->db);
  /* Changes noted by an outer transaction that goes on are still told
   * when it commits. */
  if (!in_transaction (self))
    {
      self->change_pending = FALSE;
      self->change_id = 0;
    }
}

/* Opening */

gboolean
_ct_wiki_check_writable (CtWiki  *self,
                         GError **error)
{
  if (self->read_only_reason == NULL)
    return TRUE;
  g_set_error_literal (error, CT_ERROR, self->read_only_code, self->read_only_reason);
  return FALSE;
}

char *
ct_wiki_find_folder (const char *path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_canonicalize_filename (path, NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      char *parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }

  while (TRUE)
    {
      g_autofree char *db = g_build_filename (dir, CT_WIKI_DB_NAME, NULL);
      char *parent;

      if (g_file_test (db, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&dir);

      parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        {
          g_free (parent);
          return NULL;
        }
      g_free (dir);
      dir = parent;
    }
}

#define SQLITE_MAGIC "SQLite format 3"

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Checks what can be told from the 100-byte header and the file size,
 * before SQLite sees the file: not SQLite at all, or cut short. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  guint8 header[100];
  GStatBuf st;
  FILE *file;
  gsize got;
  guint32 page_size, pages;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gboolean wal_exists = g_file_test (wal, G_FILE_TEST_EXISTS);

  if (g_stat (path, &st) != 0 || (file = g_fopen (path, "rb")) == NULL)
    {
      int saved = errno;
      g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not read %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  got = fread (header, 1, sizeof header, file);
  fclose (file);

  if (st.st_size == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("%s is empty (0 bytes), so it holds no wiki. Continuity did not change it; restore a copy from its .backups folder or remove it."),
                   path);
      return FALSE;
    }
  if (got < sizeof header && memcmp (header, SQLITE_MAGIC, MIN (got, sizeof SQLITE_MAGIC)) == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("%s is truncated: only %zu bytes are left. Continuity did not change it; restore a copy from its .backups folder."),
                   path, got);
      return FALSE;
    }
  if (got < sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_A_DATABASE,
                   _("%s is not a Continuity wiki: it is not an SQLite database. Continuity did not change it."),
                   path);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("%s is damaged: its header gives an impossible page size. Continuity did not change it; restore a copy from its .backups folder."),
                   path);
      return FALSE;
    }

  /* The page count in the header is only valid when the "version valid
   * for" number matches the change counter (SQLite file format §1.3).
   * With a -wal file beside it, another program may be checkpointing
   * right now (header and size changing under us): quick_check judges. */
  pages = read_be32 (header + 28);
  if (read_be32 (header + 24) == read_be32 (header + 92)
      && !wal_exists
      && (guint64) st.st_size < (guint64) pages * page_size)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("%s is truncated: it has %llu bytes of the %llu it should have. Continuity did not change it; restore a copy from its .backups folder."),
                   path, (unsigned long long) st.st_size, (unsigned long long) pages * page_size);
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int (CtDb        *db,
           const char  *sql,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (db, sql, error);
  gboolean row;

  if (stmt == NULL || !ct_db_step (db, stmt, &row, error))
    return -1;
  return row ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Every table and index starts at a root page inside the file: a root
 * past the end means pages were lost. One row per schema entry, so this
 * costs the same on a wiki of ten entities or of a hundred thousand. */
static gboolean
check_roots (CtDb        *db,
             const char  *path,
             GError     **error)
{
  gint64 pages = query_int (db, "PRAGMA page_count", error);
  g_autoptr(sqlite3_stmt) roots = NULL;
  gboolean row = FALSE;

  if (pages < 0)
    return FALSE;
  roots = ct_db_prepare (db, "SELECT name, rootpage FROM sqlite_schema WHERE rootpage > 0", error);
  if (roots == NULL)
    return FALSE;
  while (ct_db_step (db, roots, &row, error))
    {
      if (!row)
        return TRUE;
      if (sqlite3_column_int64 (roots, 1) > pages)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                       _("%s is damaged (the table %s starts past the end of the file). Continuity did not change it; restore a copy from its .backups folder."),
                       path, (const char *) sqlite3_column_text (roots, 0));
          return FALSE;
        }
    }
  return FALSE;
}

/* Looks inside an existing file through @db, a read-only connection,
 * which cannot write to it whatever it finds: a foreign SQLite file, a
 * newer schema, a schema that does not parse or points past the end of
 * the file. That costs a few pages whatever the wiki's size; the
 * whole-file quick_check runs only with @full_check (before the day's
 * first backup, so a damaged file is neither written nor copied over a
 * good backup). Returns the schema version, or -1. */
static gint64
inspect (CtDb        *db,
         const char  *path,
         gboolean     full_check,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 version = -1, app_id, tables;
  /* one snapshot and one set of locks for the few statements below */
  gboolean reading = ct_db_begin_read (db);

  if (full_check && !ct_db_quick_check (ct_db_handle (db), path, &local_error))
    goto out;

  /* Each only if the one before worked: a file SQLite refuses fails them
   * all, and the first error is the one to report. */
  version = query_int (db, "PRAGMA user_version", &local_error);
  if (local_error == NULL)
    app_id = query_int (db, "PRAGMA application_id", &local_error);
  if (local_error == NULL)
    tables = query_int (db, "SELECT count(*) FROM sqlite_schema", &local_error);
  if (local_error != NULL)
    goto out;

  if ((app_id != 0 && app_id != CT_WIKI_APPLICATION_ID) || (version == 0 && tables > 0))
    g_set_error (&local_error, CT_ERROR, CT_ERROR_NOT_A_DATABASE,
                 _("%s is an SQLite database of another program, not a Continuity wiki. Continuity did not change it."),
                 path);
  else
    check_roots (db, path, &local_error);

out:
  if (reading)
    ct_db_end_read (db);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  return version;
}

static gboolean
configure (CtDb     *db,
           gboolean  read_only,
           GError  **error)
{
  if (!ct_db_exec (db, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (read_only)
    return TRUE;
  /* WAL: readers and one writer at a time across processes (GUI and a
   * command-line run); NORMAL sync is durable at every checkpoint and
   * never corrupts. */
  return ct_db_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error);
}

static GMutex first_open_of_day;

CtWiki *
ct_wiki_open (const char       *folder,
              CtWikiOpenFlags   flags,
              GError          **error)
{
  g_autoptr(CtWiki) self = NULL;
  g_autofree char *path = NULL;
  gboolean read_only = (flags & CT_WIKI_OPEN_READ_ONLY) != 0;
  gboolean existed;
  gint64 version = 0;
  guint latest = ct_migrations_latest ();
  g_autoptr(CtDb) inspected = NULL;
  /* held from the day's integrity check to its backup (below) */
  g_autoptr(GMutexLocker) day_lock = NULL;

  g_return_val_if_fail (folder != NULL, NULL);

  self = g_object_new (CT_TYPE_WIKI, NULL);
  self->folder = g_canonicalize_filename (folder, NULL);
  /* `--wiki path/to/wiki.continuity` means its folder. */
  if (g_file_test (self->folder, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *base = g_path_get_basename (self->folder);

      if (g_str_equal (base, CT_WIKI_DB_NAME))
        {
          char *parent = g_path_get_dirname (self->folder);
          g_free (self->folder);
          self->folder = parent;
        }
    }
  path = g_build_filename (self->folder, CT_WIKI_DB_NAME, NULL);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!existed)
    {
      if (!(flags & CT_WIKI_OPEN_CREATE) || read_only)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                       _("There is no wiki in %s (no %s file). Create one with “continuity new %s”."),
                       self->folder, CT_WIKI_DB_NAME, self->folder);
          return NULL;
        }
      if (g_mkdir_with_parents (self->folder, 0755) != 0)
        {
          int saved = errno;
          g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not create the folder %s: %s"),
                       self->folder, g_strerror (saved));
          return NULL;
        }
    }
  else
    {
      gboolean full_check = FALSE;

      if (!check_header (path, error))
        return NULL;
      if (!read_only)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();

          /* The app opens a wiki once per file, on workers, all at
           * start-up: on the day's first open each would check the whole
           * file and copy it. The first does; the others wait for it and
           * then find the day's backup made. */
          if (ct_backup_is_due (self->folder, now))
            {
              day_lock = g_mutex_locker_new (&first_open_of_day);
              full_check = ct_backup_is_due (self->folder, now);
            }
        }
      inspected = ct_db_open (path, TRUE, error);
      if (inspected == NULL)
        return NULL;
      version = inspect (inspected, path, full_check, error);
      if (version < 0)
        return NULL;

      if (version > latest)
        {
          read_only = TRUE;
          self->read_only_code = CT_ERROR_TOO_NEW;
          self->read_only_reason =
            g_strdup_printf (_("%s was written by a newer version of Continuity (format %lld, this one knows up to %u): it is open read-only and will not be changed."),
                             path, (long long) version, latest);
        }
      else if (read_only && version == 0)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_READ_ONLY,
                       _("%s is an empty database: open it once without read-only to make it a wiki."), path);
          return NULL;
        }
      else if (read_only && version < latest)
        {
          /* Readable as it is (a dump of an old wiki on read-only media);
           * upgraded the next time it is opened for writing. */
          self->read_only_reason =
            g_strdup_printf (_("%s is open read-only; it uses an older format (%lld) that is upgraded the next time it is opened for writing."),
                             path, (long long) version);
        }
    }

  if (read_only && self->read_only_reason == NULL)
    self->read_only_reason = g_strdup_printf (_("%s is open read-only."), path);

  /* Reading only, the connection that inspected the file is the one to
   * read with (opening another costs a second parse of the schema and a
   * second set-up of the WAL index). Writing needs a connection that can:
   * the inspection stays on one that could not. */
  if (read_only && inspected != NULL)
    self->db = g_steal_pointer (&inspected);
  else
    {
      g_clear_pointer (&inspected, ct_db_close);
      self->db = ct_db_open (path, read_only, error);
    }
  if (self->db == NULL || !configure (self->db, read_only, error))
    return NULL;

  if (read_only)
    return g_steal_pointer (&self);

  /* Back up before anything else writes: a migration that goes wrong
   * still leaves yesterday's copy. A failed backup does not keep the
   * user from their wiki; it is reported through get_backup_problem. */
  if (existed)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GError) backup_error = NULL;

      if (!ct_backup_daily (ct_db_handle (self->db), self->folder, now, CT_BACKUP_KEEP, &backup_error))
        self->backup_problem = g_strdup (backup_error->message);
    }

  if (!ct_migrations_run (self->db, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
ct_wiki_check_integrity (CtWiki  *self,
                         GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  return ct_db_quick_check (ct_db_handle (self->db), ct_db_path (self->db), error);
}

const char *
ct_wiki_get_folder (CtWiki *self)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  return self->folder;
}

gboolean
ct_wiki_is_read_only (CtWiki *self)
{
  g_return_val_if_fail (CT_IS_WIKI (self), TRUE);
  return self->read_only_reason != NULL;
}

const char *
ct_wiki_get_read_only_reason (CtWiki *self)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  return self->read_only_reason;
}

const char *
ct_wiki_get_backup_problem (CtWiki *self)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  return self->backup_problem;
}

void
ct_wiki_changed_elsewhere (CtWiki *self)
{
  g_return_if_fail (CT_IS_WIKI (self));
  g_signal_emit (self, signals[CHANGED], 0, (gint64) 0);
}
