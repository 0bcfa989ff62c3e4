/* The post index: front matter through libyaml, incremental scans (size
 * and time, then content hash), mentions with lines, post search. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ct-front-matter.h"
#include "ct-test-wiki.h"

static void
test_front_matter (void)
{
  g_autoptr(GError) error = NULL;
  const char *text =
    "---\n"
    "title: \"Ballerina: a review\"\n"
    "date: 2025-06-06\n"
    "tags: [review, ballerina]\n"
    "draft: yes\n"
    "spoilers: false\n"
    "layout: post\n"
    "---\n"
    "# Body\n";
  g_autoptr(CtFrontMatter) fm = ct_front_matter_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (fm->title, ==, "Ballerina: a review");
  g_assert_cmpstr (fm->date, ==, "2025-06-06");
  g_assert_cmpuint (g_strv_length (fm->tags), ==, 2);
  g_assert_cmpstr (fm->tags[0], ==, "review");
  g_assert_cmpstr (fm->tags[1], ==, "ballerina");
  g_assert_true (fm->draft);
  g_assert_cmpint (fm->spoilers, ==, 0);
}

static void
test_front_matter_variants (void)
{
  g_autoptr(GError) error = NULL;
  const char *block_list = "---\ntags:\n  - a\n  - b c\n---\n";
  const char *comma_list = "---\ntags: a, b c ,\n---\n";
  const char *none = "# Just a post\n\n---\n\nA thematic break above.\n";
  const char *empty = "---\n---\nbody\n";
  g_autoptr(CtFrontMatter) block = ct_front_matter_parse (block_list, strlen (block_list), &error);
  g_autoptr(CtFrontMatter) comma = ct_front_matter_parse (comma_list, strlen (comma_list), &error);
  g_autoptr(CtFrontMatter) plain = ct_front_matter_parse (none, strlen (none), &error);
  g_autoptr(CtFrontMatter) blank = ct_front_matter_parse (empty, strlen (empty), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (block->tags[1], ==, "b c");
  g_assert_cmpuint (g_strv_length (comma->tags), ==, 2);
  g_assert_cmpstr (comma->tags[1], ==, "b c");
  g_assert_null (plain->title);
  g_assert_cmpint (plain->spoilers, ==, -1);
  g_assert_false (plain->draft);
  g_assert_cmpuint (g_strv_length (plain->tags), ==, 0);
  g_assert_null (blank->title);
}

static void
test_front_matter_errors (void)
{
  const struct { const char *text; const char *message; } cases[] = {
    { "---\ntitle: [unclosed\n---\n", "Front matter, line 3: " },
    { "---\ntitle: ok\ndraft: perhaps\n---\n", "Front matter, line 3: draft must be true or false" },
    { "---\ntitle:\n  nested: map\n---\n", "Front matter, line 3: title must be text" },
    { "---\ntags: [a, [b]]\n---\n", "Front matter, line 2: tags must be a list of words" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CtFrontMatter) fm = ct_front_matter_parse (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (fm);
      g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s”, expected “%s”", i, error->message, cases[i].message);
    }

  /* a list between two rules is Markdown, not broken front matter */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CtFrontMatter) list = ct_front_matter_parse ("---\n- a list\n---\n", 18, &error);

    g_assert_no_error (error);
    g_assert_null (list->title);
  }
}

typedef struct {
  CtWiki *wiki;
  char   *folder;
  char   *posts;
} Fixture;

static void
write_post (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (f->folder, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
set_mtime (Fixture    *f,
           const char *name,
           gint64      seconds)
{
  g_autofree char *path = g_build_filename (f->folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, seconds,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
  g_assert_true (g_file_set_attribute_uint32 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, 0,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->wiki = ct_test_wiki_fixture (&f->folder);
  write_post (f, "posts/review.md",
              "---\ntitle: Ballerina review\ndate: 2025-06-06\ntags: [review]\nspoilers: false\n---\n"
              "# Dance of death\n\n"
              "[[Rooney]] is the heart of it, and [[Len Wiseman|the director]] keeps pace.\n\n"
              "`[[Not a mention]]`\n\n"
              "{{cast: Ballerina}}\n");
  write_post (f, "posts/2024/notes.md", "# Chapter notes\n\nThinking about [[eve macarro]] and the village.\n");
  write_post (f, "posts/undated.md", "No heading here, [[Winston]] only.\n");
  write_post (f, ".backups/hidden.md", "# Hidden\n\n[[Rooney]]\n");
  write_post (f, "posts/not-a-post.txt", "[[Rooney]]\n");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->wiki);
  ct_test_rmtree (f->folder);
  g_free (f->folder);
}

static void
run_index (Fixture          *f,
       CtPostIndexStats *stats)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_wiki_index_posts_with_stats (f->wiki, NULL, stats, &error));
  g_assert_no_error (error);
}

static void
test_index_and_list (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  CtPostIndexStats stats;
  CtPost *post;

  run_index (f, &stats);
  g_assert_cmpuint (stats.files, ==, 3);
  g_assert_cmpuint (stats.parsed, ==, 3);

  posts = ct_wiki_list_posts (f->wiki, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 3);
  /* dated first, newest first */
  post = g_ptr_array_index (posts, 0);
  g_assert_cmpstr (post->path, ==, "posts/review.md");
  g_assert_cmpstr (post->title, ==, "Ballerina review");
  g_assert_cmpstr (post->date, ==, "2025-06-06");
  g_assert_cmpuint (g_strv_length (post->tags), ==, 1);
  g_assert_cmpint (post->spoilers, ==, 0);
  g_assert_false (post->draft);
  /* titles from the first heading, else the file name */
  for (guint i = 1; i < posts->len; i++)
    {
      post = g_ptr_array_index (posts, i);
      if (g_str_equal (post->path, "posts/2024/notes.md"))
        g_assert_cmpstr (post->title, ==, "Chapter notes");
      else
        {
          g_assert_cmpstr (post->path, ==, "posts/undated.md");
          g_assert_cmpstr (post->title, ==, "undated");
          g_assert_cmpint (post->spoilers, ==, -1);
        }
    }
}

static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  CtPostIndexStats stats;
  g_autofree char *gone = g_build_filename (f->folder, "posts", "undated.md", NULL);

  set_mtime (f, "posts/review.md", 1700000000);
  run_index (f, &stats);
  g_assert_cmpuint (stats.parsed, ==, 3);

  /* nothing changed: nothing read */
  run_index (f, &stats);
  g_assert_cmpuint (stats.files, ==, 3);
  g_assert_cmpuint (stats.unchanged, ==, 3);
  g_assert_cmpuint (stats.touched + stats.parsed + stats.removed, ==, 0);

  /* touched: read and hashed, not parsed */
  set_mtime (f, "posts/review.md", 1700000100);
  run_index (f, &stats);
  g_assert_cmpuint (stats.unchanged, ==, 2);
  g_assert_cmpuint (stats.touched, ==, 1);
  g_assert_cmpuint (stats.parsed, ==, 0);

  /* an edited file, a deleted one and a new one */
  write_post (f, "posts/2024/notes.md", "# Renamed notes\n");
  g_assert_cmpint (g_unlink (gone), ==, 0);
  write_post (f, "posts/new.md", "# New\n");
  run_index (f, &stats);
  g_assert_cmpuint (stats.files, ==, 3);
  g_assert_cmpuint (stats.parsed, ==, 2);
  g_assert_cmpuint (stats.removed, ==, 1);

  posts = ct_wiki_list_posts (f->wiki, &error);
  g_assert_cmpuint (posts->len, ==, 3);
  for (guint i = 0; i < posts->len; i++)
    {
      CtPost *post = g_ptr_array_index (posts, i);
      g_assert_cmpstr (post->path, !=, "posts/undated.md");
      if (g_str_equal (post->path, "posts/2024/notes.md"))
        g_assert_cmpstr (post->title, ==, "Renamed notes");
    }
}

static void
test_mentions_and_backlinks (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rooney = NULL;
  g_autoptr(GPtrArray) len = NULL;
  g_autoptr(GPtrArray) ballerina = NULL;
  g_autoptr(GPtrArray) code = NULL;
  CtBacklink *link;

  run_index (f, NULL);

  /* by title, and in notes.md by an alias in another case */
  rooney = ct_wiki_get_backlinks (f->wiki, ct_test_id (f->wiki, "Rooney"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rooney->len, >=, 2);
  link = g_ptr_array_index (rooney, 0);
  g_assert_true (link->is_post);
  g_assert_cmpstr (link->title, ==, "Ballerina review");
  g_assert_cmpstr (link->path, ==, "posts/review.md");
  g_assert_cmpuint (link->line, ==, 9);
  link = g_ptr_array_index (rooney, 1);
  g_assert_true (link->is_post);
  g_assert_cmpstr (link->path, ==, "posts/2024/notes.md");
  g_assert_cmpuint (link->line, ==, 3);
  /* the hidden folder is not indexed */
  for (guint i = 0; i < rooney->len; i++)
    g_assert_cmpstr (((CtBacklink *) rooney->pdata[i])->title, !=, "Hidden");

  /* a labelled link and a template mention their targets */
  len = ct_wiki_get_backlinks (f->wiki, ct_test_id (f->wiki, "Len Wiseman"), &error);
  g_assert_cmpstr (((CtBacklink *) len->pdata[0])->path, ==, "posts/review.md");
  ballerina = ct_wiki_get_backlinks (f->wiki, ct_test_id (f->wiki, "Ballerina"), &error);
  g_assert_cmpstr (((CtBacklink *) ballerina->pdata[0])->path, ==, "posts/review.md");
  g_assert_cmpuint (((CtBacklink *) ballerina->pdata[0])->line, ==, 13);

  /* rename offers the posts that still say the old name */
  code = ct_wiki_find_post_mentions (f->wiki, "Not a mention", &error);
  g_assert_cmpuint (code->len, ==, 0);
  g_clear_pointer (&code, g_ptr_array_unref);
  code = ct_wiki_find_post_mentions (f->wiki, "ROONEY", &error);
  g_assert_cmpuint (code->len, ==, 1);
  g_assert_cmpstr (((CtBacklink *) code->pdata[0])->path, ==, "posts/review.md");
}

static void
test_search_posts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  CtSearchHit *hit;

  run_index (f, NULL);
  hits = ct_wiki_search (f->wiki, "village", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  /* the post's text, and the scene titled Village siege */
  for (guint i = 0; i < hits->len; i++)
    {
      hit = g_ptr_array_index (hits, i);
      if (hit->is_post)
        {
          g_assert_cmpstr (hit->path, ==, "posts/2024/notes.md");
          g_assert_cmpint (hit->entity_id, ==, 0);
          g_assert_nonnull (strstr (hit->snippet, "\x01village\x02"));
        }
      else
        g_assert_cmpstr (hit->title, ==, "Village siege");
    }
}

static void
test_clear_and_rebuild (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) rebuilt = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  CtPostIndexStats stats;

  run_index (f, NULL);
  g_assert_true (ct_wiki_clear_post_index (f->wiki, &error));
  empty = ct_wiki_list_posts (f->wiki, &error);
  g_assert_cmpuint (empty->len, ==, 0);
  hits = ct_wiki_search (f->wiki, "village", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);

  run_index (f, &stats);
  g_assert_cmpuint (stats.parsed, ==, 3);
  rebuilt = ct_wiki_list_posts (f->wiki, &error);
  g_assert_cmpuint (rebuilt->len, ==, 3);
}

static void
test_bad_posts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  CtPostIndexStats stats;

  /* broken YAML and invalid UTF-8 are indexed, not fatal */
  write_post (f, "posts/broken.md", "---\ntitle: [oops\n---\n# Broken front matter\n");
  write_post (f, "posts/latin1.md", "# Caf\xe9 scene\n\n[[Rooney]]\n");
  run_index (f, &stats);
  g_assert_cmpuint (stats.parsed, ==, 5);
  posts = ct_wiki_list_posts (f->wiki, &error);
  for (guint i = 0; i < posts->len; i++)
    {
      CtPost *post = g_ptr_array_index (posts, i);
      g_assert_true (g_utf8_validate (post->title, -1, NULL));
      if (g_str_equal (post->path, "posts/broken.md"))
        g_assert_cmpstr (post->title, ==, "Broken front matter");
    }
}

/* What the folder walk takes for a post: files ending in .md anywhere
 * under the wiki but in hidden folders; no symbolic link, to a post or
 * to a folder (a loop cannot hang it, nothing outside is read); and a
 * post edited to the same size in the same second is still read again
 * when its time moved. */
static void
test_walk (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autofree char *outside = g_dir_make_tmp ("outside-posts-XXXXXX", NULL);
  g_autofree char *outside_post = g_build_filename (outside, "far.md", NULL);
  g_autofree char *link_folder = g_build_filename (f->folder, "posts", "linked", NULL);
  g_autofree char *link_post = g_build_filename (f->folder, "posts", "linked.md", NULL);
  g_autofree char *loop = g_build_filename (f->folder, "posts", "2024", "loop", NULL);
  g_autofree char *target = g_build_filename (f->folder, "posts", "undated.md", NULL);
  CtPostIndexStats stats;

  g_assert_nonnull (outside);
  g_assert_true (g_file_set_contents (outside_post, "# Far away\n", -1, NULL));
  g_assert_cmpint (symlink (outside, link_folder), ==, 0);
  g_assert_cmpint (symlink (target, link_post), ==, 0);
  g_assert_cmpint (symlink ("..", loop), ==, 0);
  write_post (f, "posts/a/b/c/deep.md", "# Deep\n");
  write_post (f, "posts/2024/.drafts/hidden.md", "# Hidden too\n");
  write_post (f, "posts/folder.md/inside.md", "# Inside a folder named like a post\n");

  run_index (f, &stats);
  g_assert_cmpuint (stats.files, ==, 5);
  g_assert_cmpuint (stats.parsed, ==, 5);
  posts = ct_wiki_list_posts (f->wiki, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 5);
  for (guint i = 0; i < posts->len; i++)
    {
      const char *path = ((CtPost *) g_ptr_array_index (posts, i))->path;

      g_assert_true (g_str_equal (path, "posts/review.md") || g_str_equal (path, "posts/2024/notes.md")
                     || g_str_equal (path, "posts/undated.md") || g_str_equal (path, "posts/a/b/c/deep.md")
                     || g_str_equal (path, "posts/folder.md/inside.md"));
    }

  /* the same size, the same second, another microsecond */
  set_mtime (f, "posts/undated.md", 1700000000);
  run_index (f, &stats);
  write_post (f, "posts/undated.md", "No heading here, [[Winston]] once.\n");
  set_mtime (f, "posts/undated.md", 1700000000);
  {
    struct timespec times[2] = { { .tv_nsec = UTIME_OMIT }, { .tv_sec = 1700000000, .tv_nsec = 5000 } };
    g_assert_cmpint (utimensat (AT_FDCWD, target, times, 0), ==, 0);
  }
  run_index (f, &stats);
  g_assert_cmpuint (stats.parsed, ==, 1);
  g_assert_cmpuint (stats.unchanged, ==, 4);
  g_assert_cmpint (g_unlink (link_folder), ==, 0);
  g_assert_cmpint (g_unlink (outside_post), ==, 0);
  g_assert_cmpint (g_rmdir (outside), ==, 0);
}

/* ct_wiki_posts_indexed says whether indexing would do anything, on a
 * read-only connection too: after each kind of change it says no, after
 * indexing yes. */
static void
assert_indexed (Fixture  *f,
                gboolean  expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) reader = ct_wiki_open (f->folder, CT_WIKI_OPEN_READ_ONLY, &error);
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  gboolean current = !expected;

  g_assert_no_error (error);
  g_assert_true (ct_wiki_posts_indexed (reader, &current, &states, &error));
  g_assert_no_error (error);
  g_assert_cmpint (current, ==, expected);
  current = !expected;
  g_assert_true (ct_wiki_posts_indexed (f->wiki, &current, NULL, &error));
  g_assert_cmpint (current, ==, expected);
  if (!expected)
    {
      g_assert_null (states);
      return;
    }
  /* when current: every indexed post's file as lstat sees it now */
  posts = ct_wiki_list_posts (f->wiki, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (states), ==, posts->len);
  for (guint i = 0; i < posts->len; i++)
    {
      const char *path = ((CtPost *) g_ptr_array_index (posts, i))->path;
      g_autofree char *full = g_build_filename (f->folder, path, NULL);
      const struct stat *known = g_hash_table_lookup (states, path);
      struct stat st;

      g_assert_nonnull (known);
      g_assert_cmpint (lstat (full, &st), ==, 0);
      g_assert_cmpint (known->st_ino, ==, st.st_ino);
      g_assert_cmpint (known->st_size, ==, st.st_size);
      g_assert_cmpint (known->st_mode, ==, st.st_mode);
      g_assert_cmpint (known->st_mtim.tv_sec, ==, st.st_mtim.tv_sec);
      g_assert_cmpint (known->st_mtim.tv_nsec, ==, st.st_mtim.tv_nsec);
    }
}

static void
test_indexed (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *gone = g_build_filename (f->folder, "posts", "undated.md", NULL);
  CtPostIndexStats stats;

  assert_indexed (f, FALSE);
  run_index (f, &stats);
  assert_indexed (f, TRUE);

  /* touched (the index records the new time) */
  set_mtime (f, "posts/review.md", 1700000000);
  assert_indexed (f, FALSE);
  run_index (f, &stats);
  assert_indexed (f, TRUE);
  /* edited */
  write_post (f, "posts/2024/notes.md", "# Chapter notes, edited\n");
  assert_indexed (f, FALSE);
  run_index (f, &stats);
  assert_indexed (f, TRUE);
  /* added, in a new folder */
  write_post (f, "posts/2026/new.md", "# New\n");
  assert_indexed (f, FALSE);
  run_index (f, &stats);
  assert_indexed (f, TRUE);
  /* removed */
  g_assert_cmpint (g_unlink (gone), ==, 0);
  assert_indexed (f, FALSE);
  run_index (f, &stats);
  g_assert_cmpuint (stats.removed, ==, 1);
  assert_indexed (f, TRUE);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) posts = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (ct_wiki_index_posts (f->wiki, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  posts = ct_wiki_list_posts (f->wiki, NULL);
  g_assert_cmpuint (posts->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/wiki/front-matter/parse", test_front_matter);
  g_test_add_func ("/wiki/front-matter/variants", test_front_matter_variants);
  g_test_add_func ("/wiki/front-matter/errors", test_front_matter_errors);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wiki/posts/index-and-list", test_index_and_list);
  ADD ("/wiki/posts/incremental", test_incremental);
  ADD ("/wiki/posts/mentions-backlinks", test_mentions_and_backlinks);
  ADD ("/wiki/posts/search", test_search_posts);
  ADD ("/wiki/posts/clear-rebuild", test_clear_and_rebuild);
  ADD ("/wiki/posts/bad-posts", test_bad_posts);
  ADD ("/wiki/posts/cancel", test_cancel);
  ADD ("/wiki/posts/walk", test_walk);
  ADD ("/wiki/posts/indexed", test_indexed);
#undef ADD

  return g_test_run ();
}
