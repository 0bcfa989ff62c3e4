/* Rerunning `continuity site` into its own folder (docs/site.md): a file
 * is written only when its bytes changed, an unchanged one keeps its
 * inode and mtime, pages of deleted entities go, and the stats say how
 * many files were written, kept and removed. A rerun with nothing
 * changed renders no page at all: the marker records what each file was
 * made from and how it was left. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ct-site.h"
#include "ct-slug.h"
#include "ct-test-wiki.h"

typedef struct {
  CtTestWiki  wiki;
  char       *tmp;   /* the outputs, and nothing else */
  char       *out;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *post = NULL;
  g_autoptr(GError) error = NULL;

  ct_test_wiki_init (&f->wiki, "john-wick.json");
  post = g_build_filename (f->wiki.folder, "posts", "review.md", NULL);
  {
    g_autofree char *posts = g_path_get_dirname (post);
    g_assert_cmpint (g_mkdir_with_parents (posts, 0755), ==, 0);
  }
  g_assert_true (g_file_set_contents (post, "---\ntitle: Ballerina, reviewed\ndate: 2025-06-12\n---\n"
                                      "{{fact: Ballerina | runtime_min}} minutes of [[Rooney]].\n", -1, NULL));
  g_assert_true (ct_wiki_index_posts (f->wiki.wiki, NULL, &error));
  g_assert_no_error (error);
  f->tmp = ct_test_tmpdir ();
  f->out = g_build_filename (f->tmp, "site", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ct_test_rmtree (f->tmp);
  ct_test_wiki_clear (&f->wiki);
  g_free (f->tmp);
  g_free (f->out);
}

/* Sets the entity's runtime_min fact (which it must have) to @minutes. */
static void
set_runtime (CtWiki     *wiki,
             gint64      id,
             const char *minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (wiki, id, &error);
  gboolean changed = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);

      if (g_str_equal (fact->key, "runtime_min"))
        {
          g_free (fact->text);
          fact->text = g_strdup (minutes);
          changed = TRUE;
        }
    }
  g_assert_true (changed);
  g_assert_true (ct_wiki_set_facts (wiki, id, facts, &error));
  g_assert_no_error (error);
}

static void
export (Fixture     *f,
        const char  *out,
        CtSiteStats *stats)
{
  g_autoptr(GError) error = NULL;
  CtSiteOptions options = { .output_dir = out, .jobs = 3 };

  g_assert_true (ct_site_export (f->wiki.wiki, &options, NULL, NULL, NULL, stats, &error));
  g_assert_no_error (error);
}

/* What tells a rewritten file from an untouched one: an atomic write is a
 * new inode, and any write moves the mtime. */
typedef struct {
  char   *contents;   /* NULL for a folder */
  guint64 inode;
  gint64  mtime_ns;
} Seen;

static void
seen_free (Seen *seen)
{
  g_free (seen->contents);
  g_free (seen);
}

static void
snapshot_into (const char *root,
               const char *relative,
               GHashTable *files)
{
  g_autofree char *dir = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *path = g_build_filename (root, child, NULL);
      Seen *seen = g_new0 (Seen, 1);
      struct stat st;

      g_assert_cmpint (lstat (path, &st), ==, 0);
      seen->inode = st.st_ino;
      seen->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
      if (S_ISDIR (st.st_mode))
        snapshot_into (root, child, files);
      else
        g_assert_true (g_file_get_contents (path, &seen->contents, NULL, NULL));
      g_hash_table_insert (files, g_steal_pointer (&child), seen);
    }
}

/* Every file and folder under @root: path → Seen */
static GHashTable *
snapshot (const char *root)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) seen_free);

  snapshot_into (root, NULL, files);
  return files;
}

static gboolean
touched (const Seen *before,
         const Seen *after)
{
  return before->inode != after->inode || before->mtime_ns != after->mtime_ns;
}

static guint
count_files (GHashTable *files)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Seen *) value)->contents != NULL;
  return n;
}

static char *
entity_file (CtWiki     *wiki,
             const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (wiki, ct_test_id (wiki, title), &error);
  const char *kind;
  g_autofree char *page = NULL;

  g_assert_no_error (error);
  kind = ct_entity_kind_to_string (entity->kind);
  page = ct_slug_for_page (entity->slug, kind);
  return g_strdup_printf ("%s/%s.html", kind, page);
}

/* The files a marker lists, one a line, without their records. */
static char *
marker_files (const char *marker)
{
  g_auto(GStrv) lines = g_strsplit (marker, "\n", -1);
  GString *files = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');

      if (tab != NULL)
        *tab = '\0';
      g_string_append_printf (files, "%s\n", lines[i]);
    }
  return g_string_free (files, FALSE);
}

/* ---- tests ---- */

static void
test_rerun_unchanged (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  CtSiteStats first = { 0 };
  CtSiteStats stats = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  guint files;

  export (f, f->out, &first);
  before = snapshot (f->out);
  files = count_files (before);
  /* everything but the marker is counted */
  g_assert_cmpuint (first.pages, ==, files - 1);
  g_assert_cmpuint (first.kept, ==, 0);

  /* a rewrite within the same clock tick would still be a new inode, but
   * let the clock move so the mtimes would tell too */
  g_usleep (20 * 1000);
  export (f, f->out, &stats);
  g_assert_cmpuint (stats.pages, ==, 0);
  g_assert_cmpuint (stats.kept, ==, files - 1);
  g_assert_cmpuint (stats.removed, ==, 0);
  /* nothing was even rendered: every page's inputs are as recorded */
  g_assert_cmpuint (first.rendered, ==, files - 2);
  g_assert_cmpuint (stats.rendered, ==, 0);

  after = snapshot (f->out);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Seen *now = g_hash_table_lookup (after, key);

      g_assert_nonnull (now);
      /* folders too: no temporary file was made in them */
      if (touched (value, now))
        g_error ("%s was written again, though nothing changed", (char *) key);
    }
}

static void
test_one_fact (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) fresh = NULL;
  g_autofree char *ballerina = entity_file (f->wiki.wiki, "Ballerina");
  g_autofree char *fresh_out = g_build_filename (f->tmp, "fresh", NULL);
  gint64 id = ct_test_id (f->wiki.wiki, "Ballerina");
  CtSiteStats stats = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  guint rewritten = 0, kept = 0;

  export (f, f->out, NULL);
  before = snapshot (f->out);

  set_runtime (f->wiki.wiki, id, "131");

  g_usleep (20 * 1000);
  export (f, f->out, &stats);
  after = snapshot (f->out);
  /* what a full export of the changed wiki makes */
  export (f, fresh_out, NULL);
  fresh = snapshot (fresh_out);

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Seen *now = value;
      Seen *then = g_hash_table_lookup (before, key);
      Seen *full = g_hash_table_lookup (fresh, key);

      g_assert_nonnull (then);
      g_assert_nonnull (full);
      if (now->contents == NULL)
        continue;
      if (g_str_equal (key, CT_SITE_MARKER))
        {
          /* it records inodes and times: only its list of files is the
           * fresh export's; what the pages are made from changed */
          g_autofree char *listed = marker_files (now->contents);
          g_autofree char *fresh_listed = marker_files (full->contents);

          g_assert_cmpstr (listed, ==, fresh_listed);
          g_assert_true (touched (then, now));
          continue;
        }
      /* the rerun leaves the same bytes as a full export would */
      g_assert_cmpstr (now->contents, ==, full->contents);
      /* and it wrote exactly the files whose bytes changed */
      if (g_strcmp0 (then->contents, now->contents) != 0)
        {
          if (!touched (then, now))
            g_error ("%s changed but was not written", (char *) key);
          if (!g_str_equal (key, CT_SITE_MARKER))
            rewritten++;
          g_test_message ("rewritten: %s", (char *) key);
        }
      else if (touched (then, now))
        g_error ("%s was written with the same bytes", (char *) key);
      else if (!g_str_equal (key, CT_SITE_MARKER))
        kept++;
    }
  /* the film's page shows its runtime, and so does the post quoting it */
  g_assert_true (touched (g_hash_table_lookup (before, ballerina), g_hash_table_lookup (after, ballerina)));
  g_assert_true (touched (g_hash_table_lookup (before, "posts/review.html"),
                          g_hash_table_lookup (after, "posts/review.html")));
  g_assert_true (!touched (g_hash_table_lookup (before, "style.css"), g_hash_table_lookup (after, "style.css")));
  g_assert_true (!touched (g_hash_table_lookup (before, "index.html"), g_hash_table_lookup (after, "index.html")));
  g_assert_cmpuint (stats.pages, ==, rewritten);
  g_assert_cmpuint (stats.kept, ==, kept);
  g_assert_cmpuint (stats.removed, ==, 0);
  g_assert_cmpuint (kept, >, rewritten);
}

static void
test_deleted_entity (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *prague = entity_file (f->wiki.wiki, "Prague");
  g_autofree char *marker = NULL;
  CtSiteStats stats = { 0 };

  export (f, f->out, NULL);
  before = snapshot (f->out);
  g_assert_true (g_hash_table_contains (before, prague));

  g_assert_true (ct_wiki_delete_entity (f->wiki.wiki, ct_test_id (f->wiki.wiki, "Prague"), &error));
  g_assert_no_error (error);
  g_usleep (20 * 1000);
  export (f, f->out, &stats);
  after = snapshot (f->out);

  g_assert_false (g_hash_table_contains (after, prague));
  g_assert_cmpuint (stats.removed, ==, 1);
  g_assert_cmpuint (stats.pages + stats.kept, ==, count_files (after) - 1);
  g_assert_cmpuint (stats.pages, >=, 1);   /* at least the lists that named it */
  g_assert_cmpuint (stats.kept, >, stats.pages);
  /* the marker now lists one file fewer, so it was written */
  g_assert_true (touched (g_hash_table_lookup (before, CT_SITE_MARKER), g_hash_table_lookup (after, CT_SITE_MARKER)));
  marker = g_strdup (((Seen *) g_hash_table_lookup (after, CT_SITE_MARKER))->contents);
  g_assert_null (strstr (marker, prague));
}

/* A file the user changed by hand in the site is put back (its bytes
 * differ); a symbolic link put in place of a page is replaced, not read
 * through or written through. */
static void
test_changed_by_hand (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *index = g_build_filename (f->out, "index.html", NULL);
  g_autofree char *timeline = g_build_filename (f->out, "timeline.html", NULL);
  g_autofree char *elsewhere = g_build_filename (f->tmp, "elsewhere.html", NULL);
  g_autofree char *original = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *outside = NULL;
  CtSiteStats stats = { 0 };

  export (f, f->out, NULL);
  g_assert_true (g_file_get_contents (timeline, &original, NULL, NULL));
  g_assert_true (g_file_set_contents (index, "edited", -1, NULL));
  g_assert_true (g_file_set_contents (elsewhere, original, -1, NULL));
  g_assert_cmpint (g_unlink (timeline), ==, 0);
  g_assert_cmpint (symlink (elsewhere, timeline), ==, 0);

  export (f, f->out, &stats);
  g_assert_cmpuint (stats.pages, ==, 2);
  g_assert_false (g_file_test (timeline, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (timeline, &restored, NULL, NULL));
  g_assert_cmpstr (restored, ==, original);
  g_assert_true (g_file_get_contents (elsewhere, &outside, NULL, NULL));
  g_assert_cmpstr (outside, ==, original);
}

/* A post is read from its file: editing it (without indexing the posts
 * again) renders the pages again and rewrites the post's page. So does
 * asking for another set of pages (drafts). */
static void
test_post_file_changed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *post = g_build_filename (f->wiki.folder, "posts", "review.md", NULL);
  g_autofree char *page = NULL;
  CtSiteStats stats = { 0 };

  export (f, f->out, NULL);
  before = snapshot (f->out);
  g_usleep (20 * 1000);
  g_assert_true (g_file_set_contents (post, "---\ntitle: Ballerina, reviewed\ndate: 2025-06-12\n---\n"
                                      "Rewritten: [[Rooney]] at length.\n", -1, NULL));
  export (f, f->out, &stats);
  after = snapshot (f->out);

  g_assert_cmpuint (stats.rendered, >, 0);
  g_assert_true (touched (g_hash_table_lookup (before, "posts/review.html"),
                          g_hash_table_lookup (after, "posts/review.html")));
  page = g_strdup (((Seen *) g_hash_table_lookup (after, "posts/review.html"))->contents);
  g_assert_nonnull (strstr (page, "Rewritten"));
  g_assert_true (!touched (g_hash_table_lookup (before, "style.css"), g_hash_table_lookup (after, "style.css")));

  /* the same inputs again: nothing rendered */
  export (f, f->out, &stats);
  g_assert_cmpuint (stats.rendered, ==, 0);

  {
    g_autoptr(GError) error = NULL;
    CtSiteOptions options = { .output_dir = f->out, .jobs = 2, .drafts = TRUE };

    g_assert_true (ct_site_export (f->wiki.wiki, &options, NULL, NULL, NULL, &stats, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.rendered, >, 0);
  }
}

/* The post files as the index check read them (CtSiteOptions.post_files)
 * make the same inputs key as stat-ing them: an export with them and a
 * rerun without (and the other way) render nothing; and a post changed
 * after they were read is still seen by the next export that reads it. */
static void
export_with_post_files (Fixture     *f,
                        CtSiteStats *stats)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) post_files = NULL;
  gboolean current = FALSE;
  CtSiteOptions options = { .output_dir = f->out, .jobs = 2 };

  g_assert_true (ct_wiki_index_posts (f->wiki.wiki, NULL, &error));
  g_assert_true (ct_wiki_posts_indexed (f->wiki.wiki, &current, &post_files, &error));
  g_assert_no_error (error);
  g_assert_true (current);
  g_assert_cmpuint (g_hash_table_size (post_files), >=, 1);
  options.post_files = post_files;
  g_assert_true (ct_site_export (f->wiki.wiki, &options, NULL, NULL, NULL, stats, &error));
  g_assert_no_error (error);
}

static void
test_post_files_given (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *post = g_build_filename (f->wiki.folder, "posts", "review.md", NULL);
  CtSiteStats stats = { 0 };

  export_with_post_files (f, &stats);
  g_assert_cmpuint (stats.rendered, >, 0);
  export (f, f->out, &stats);
  g_assert_cmpuint (stats.rendered, ==, 0);
  export_with_post_files (f, &stats);
  g_assert_cmpuint (stats.rendered, ==, 0);

  g_usleep (20 * 1000);
  g_assert_true (g_file_set_contents (post, "---\ntitle: Ballerina, again\n---\nAgain.\n", -1, NULL));
  export_with_post_files (f, &stats);
  g_assert_cmpuint (stats.rendered, >, 0);
  export (f, f->out, &stats);
  g_assert_cmpuint (stats.rendered, ==, 0);
}

/* The marker's line of the wiki (the digest a rerun may reuse), or NULL. */
static char *
marker_wiki_line (const char *out)
{
  g_autofree char *path = g_build_filename (out, CT_SITE_MARKER, NULL);
  g_autofree char *marker = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &marker, NULL, NULL));
  lines = g_strsplit (marker, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "#wiki\t"))
      return g_strdup (lines[i]);
  return NULL;
}

/* Empties the WAL into the database file (as closing the wiki's last
 * connection does), then waits longer than a rerun does before it trusts
 * the files' times (ct-site-inputs.c). Emptied first because opening a
 * WAL with frames in it, as root, moves its change time (SQLite gives
 * the file the database's owner), so a wiki the fixture keeps open with
 * its WAL full would never be trusted when the tests run as root. */
static void
settle (const char *db_path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_usleep (2200 * 1000);
}

/* A rerun reuses the digest of the wiki's rows while the database's files
 * are as they were; any commit, through the app's connection or another
 * program's, even one checkpointed into the database file with its WAL
 * emptied again, still renders the pages afresh. */
static void
test_wiki_digest_remembered (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ballerina = entity_file (f->wiki.wiki, "Ballerina");
  g_autofree char *db_path = g_build_filename (f->wiki.folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *marker_path = g_build_filename (f->out, CT_SITE_MARKER, NULL);
  g_autofree char *line = NULL;
  g_autofree char *marker = NULL;
  g_autoptr(GHashTable) after = NULL;
  gint64 id = ct_test_id (f->wiki.wiki, "Ballerina");
  CtSiteStats stats = { 0 };
  sqlite3 *db = NULL;
  char *tab;

  export (f, f->out, NULL);

  settle (db_path);
  export (f, f->out, &stats);
  g_assert_cmpuint (stats.rendered, ==, 0);
  line = marker_wiki_line (f->out);
  g_assert_nonnull (line);

  /* the remembered digest is what the key is made from: one that lies
   * (the files unchanged) makes every page's key differ */
  g_assert_true (g_file_get_contents (marker_path, &marker, NULL, NULL));
  tab = strstr (marker, line) + strlen (line) - 1;
  *tab = *tab == '0' ? '1' : '0';
  g_assert_true (g_file_set_contents (marker_path, marker, -1, NULL));
  export (f, f->out, &stats);
  g_assert_cmpuint (stats.rendered, >, 0);
  g_clear_pointer (&line, g_free);
  line = marker_wiki_line (f->out);
  g_assert_nonnull (line);
  export (f, f->out, &stats);
  g_assert_cmpuint (stats.rendered, ==, 0);

  /* a commit through the wiki's own connection */
  set_runtime (f->wiki.wiki, id, "131");
  export (f, f->out, &stats);
  g_assert_cmpuint (stats.rendered, >, 0);
  after = snapshot (f->out);
  g_assert_nonnull (strstr (((Seen *) g_hash_table_lookup (after, ballerina))->contents, "131"));
  g_clear_pointer (&after, g_hash_table_unref);

  /* settled again and remembered; then another program changes a row and
   * checkpoints it into the database file, leaving an empty WAL */
  settle (db_path);
  export (f, f->out, &stats);
  g_assert_cmpuint (stats.rendered, ==, 0);
  g_clear_pointer (&line, g_free);
  line = marker_wiki_line (f->out);
  g_assert_nonnull (line);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE fact SET text = '132' WHERE text = '131';"
                                 "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), >=, 0);
  sqlite3_close (db);
  export (f, f->out, &stats);
  g_assert_cmpuint (stats.rendered, >, 0);
  after = snapshot (f->out);
  g_assert_nonnull (strstr (((Seen *) g_hash_table_lookup (after, ballerina))->contents, "132"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/site/incremental/rerun-unchanged", test_rerun_unchanged);
  ADD ("/site/incremental/one-fact", test_one_fact);
  ADD ("/site/incremental/deleted-entity", test_deleted_entity);
  ADD ("/site/incremental/changed-by-hand", test_changed_by_hand);
  ADD ("/site/incremental/post-file-changed", test_post_file_changed);
  ADD ("/site/incremental/wiki-digest-remembered", test_wiki_digest_remembered);
  ADD ("/site/incremental/post-files-given", test_post_files_given);
#undef ADD

  return g_test_run ();
}
