/* The static site export (`continuity site`, DESIGN §8 and §9): pages,
 * links between them, safety of file names and of the output folder,
 * parallel rendering, and the command line.
 *
 * Golden pages under tests/golden/site/ are compared byte for byte; run
 * with CT_UPDATE_GOLDEN=1 to rewrite them after a deliberate change. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ct-site.h"
#include "ct-slug.h"
#include "ct-test-cli.h"
#include "ct-test-wiki.h"

/* Titles and names that try to escape: the export must make safe files. */
static const char * const hostile_titles[] = {
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "/etc/shadow",
  "CON",
  "Index",
  "C:\\Windows\\win.ini",
  "Quotes \" & ' ampersands",
  NULL
};

typedef struct {
  char   *tmp;      /* holds the wiki and the outputs, nothing else */
  char   *folder;   /* the wiki */
  CtWiki *wiki;
} Fixture;

static void
write_post (const char *folder,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (folder, "posts", name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *json_path = ct_test_fixture ("wiki", "john-wick.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) rooney = NULL;

  f->tmp = ct_test_tmpdir ();
  /* a fixed name: it is the site's name, in the golden pages */
  f->folder = g_build_filename (f->tmp, "john-wick", NULL);
  f->wiki = ct_wiki_create (f->folder, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, &error));
  g_assert_true (ct_wiki_import (f->wiki, json, -1, &error));

  for (guint i = 0; hostile_titles[i] != NULL; i++)
    {
      gint64 id = ct_wiki_create_entity (f->wiki, CT_ENTITY_CHARACTER, hostile_titles[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
    }

  /* a spoiler entity: marked on its page and in lists, not hidden */
  rooney = ct_wiki_get_entity (f->wiki, ct_test_id (f->wiki, "Rooney"), &error);
  g_assert_no_error (error);
  rooney->spoiler = TRUE;
  g_assert_true (ct_wiki_update_entity (f->wiki, rooney, &error));

  write_post (f->folder, "review.md",
              "---\ntitle: Ballerina, reviewed\ndate: 2025-06-12\ntags: [review, ballerina]\n---\n"
              "[[Rooney]] dances; [[Ana de Armas]] leads. {{fact: Ballerina | director}}.\n\n"
              "{{cast: Ballerina}}\n\n"
              "A link to [[<script>alert(1)</script>]] and to [[CON]] and [[Index]].\n\n"
              "<script>alert('raw html')</script>\n\n![The poster](../media/poster.png)\n");
  write_post (f->folder, "draft.md",
              "---\ntitle: Not yet\ndate: 2025-07-01\ndraft: true\n---\nAbout [[Rooney]].\n");
  write_post (f->folder, "CON.md", "# A post named like a device\n\nSee [[Winston]].\n");
  write_post (f->folder, "<img src=x>.md",
              "---\ntitle: \"<img src=x onerror=alert(1)>\"\n---\nHostile title.\n");
  g_assert_true (ct_wiki_index_posts (f->wiki, NULL, &error));
  g_assert_no_error (error);

  /* media: an image (bytes with a NUL in them), and what must stay behind:
   * a link to a file outside the wiki, a hidden file */
  {
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    g_autofree char *image = g_build_filename (f->folder, "media", "poster.png", NULL);
    g_autofree char *secret = g_build_filename (f->tmp, "secret.png", NULL);
    g_autofree char *link = g_build_filename (f->folder, "media", "link.png", NULL);
    g_autofree char *hidden = g_build_filename (f->folder, "media", ".hidden.png", NULL);

    g_assert_true (g_file_set_contents (image, png, sizeof png - 1, NULL));
    g_assert_true (g_file_set_contents (secret, "SECRET", -1, NULL));
    g_assert_cmpint (symlink (secret, link), ==, 0);
    g_assert_true (g_file_set_contents (hidden, "x", -1, NULL));
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->wiki);
  ct_test_rmtree (f->tmp);
  g_free (f->tmp);
  g_free (f->folder);
}

/* ---- helpers ---- */

static char *
export (Fixture    *f,
        const char *name,
        guint       jobs,
        gboolean    drafts,
        GError    **error)
{
  char *out = g_build_filename (f->tmp, name, NULL);
  CtSiteOptions options = { .output_dir = out, .jobs = jobs, .drafts = drafts };

  if (!ct_site_export (f->wiki, &options, NULL, NULL, NULL, NULL, error))
    g_clear_pointer (&out, g_free);
  return out;
}

/* Every file under @dir, as relative paths, sorted; symbolic links as
 * "PATH@". */
static void
collect (const char *root,
         const char *relative,
         GPtrArray  *files)
{
  g_autofree char *dir = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *path = g_build_filename (root, child, NULL);

      /* listed, not followed, and marked so no check takes it for a page */
      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (files, g_strconcat (child, "@", NULL));
      else if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (root, child, files);
      else
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
list_files (const char *root)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  collect (root, NULL, files);
  g_ptr_array_sort (files, compare_strings);
  return files;
}

static char *
read_file (const char *root,
           const char *file)
{
  g_autofree char *path = g_build_filename (root, file, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
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

/* ---- tests ---- */

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = export (f, "site", 2, FALSE, &error);
  g_autoptr(GPtrArray) entities = ct_wiki_list_entities (f->wiki, -1, &error);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *home = NULL;
  g_autofree char *rooney_file = entity_file (f->wiki, "Rooney");
  g_autofree char *rooney = NULL;
  g_autofree char *ballerina_file = entity_file (f->wiki, "Ballerina");
  g_autofree char *ballerina = NULL;
  g_autofree char *ana = NULL;
  g_autofree char *ana_file = entity_file (f->wiki, "Ana de Armas");
  g_autofree char *timeline = NULL;
  g_autofree char *marker = NULL;
  const char *review_at, *img_at;

  g_assert_no_error (error);
  g_assert_nonnull (out);
  files = list_files (out);

  for (guint i = 0; i < entities->len; i++)
    {
      CtEntity *entity = g_ptr_array_index (entities, i);
      g_autofree char *file = entity_file (f->wiki, entity->title);
      g_autofree char *kind_index = g_strdup_printf ("%s/index.html", ct_entity_kind_to_string (entity->kind));

      g_assert_true (g_ptr_array_find_with_equal_func (files, file, g_str_equal, NULL));
      g_assert_true (g_ptr_array_find_with_equal_func (files, kind_index, g_str_equal, NULL));
    }
  {
    const char *expected[] = { "index.html", "timeline.html", "search.html", "style.css", CT_SITE_MARKER,
                               "posts/review.html", "posts/con-post.html", "posts/img-src-x.html",
                               "media/poster.png" };
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_true (g_ptr_array_find_with_equal_func (files, expected[i], g_str_equal, NULL));
  }
  /* drafts stay out unless asked for, from the list and from backlinks */
  g_assert_false (g_ptr_array_find_with_equal_func (files, "posts/draft.html", g_str_equal, NULL));
  /* all pages, the image, the stylesheet and the marker: nothing else */
  g_assert_cmpuint (files->len, ==, entities->len + 7 /* kinds */ + 3 + 3 + 1 + 2);
  {
    g_autofree char *copied = g_build_filename (out, "media", "poster.png", NULL);
    g_autofree char *original = g_build_filename (f->folder, "media", "poster.png", NULL);
    g_autofree char *a = ct_test_checksum (copied);
    g_autofree char *b = ct_test_checksum (original);
    g_assert_cmpstr (a, ==, b);
  }

  home = read_file (out, "index.html");
  g_assert_nonnull (strstr (home, "<link rel=\"stylesheet\" href=\"style.css\">"));
  g_assert_nonnull (strstr (home, "<time datetime=\"2025-06-12\">12 June 2025</time>"));
  g_assert_nonnull (strstr (home, "<span class=\"ct-site-tag\">review</span>"));
  g_assert_null (strstr (home, "Not yet"));
  /* newest first: the dated post before the undated ones */
  review_at = strstr (home, "Ballerina, reviewed");
  img_at = strstr (home, "&lt;img src=x onerror=alert(1)&gt;");
  g_assert_nonnull (review_at);
  g_assert_nonnull (img_at);
  g_assert_true (review_at < img_at);
  /* entities grouped by kind, films first */
  g_assert_true (strstr (home, "href=\"film/index.html\">Films") < strstr (home, "href=\"person/index.html\">People"));

  rooney = read_file (out, rooney_file);
  g_assert_nonnull (strstr (rooney, "<link rel=\"stylesheet\" href=\"../style.css\">"));
  g_assert_nonnull (strstr (rooney, "class=\"ct-site ct-site-entity ct-kind-character ct-spoiler\""));
  g_assert_nonnull (strstr (rooney, "ct-site-spoiler-note"));
  g_assert_nonnull (strstr (rooney, "<h2>Mentioned in</h2>"));
  g_assert_nonnull (strstr (rooney, "href=\"../posts/review.html\">Ballerina, reviewed</a>"));
  g_assert_null (strstr (rooney, "Not yet"));
  g_assert_nonnull (strstr (rooney, "<h2>Appearances</h2>"));

  ballerina = read_file (out, ballerina_file);
  g_assert_nonnull (strstr (ballerina, "<h2>Cast and crew</h2>"));
  g_assert_nonnull (strstr (ballerina, "<div class=\"ct-cast\">\n<table class=\"ct-cast-list\">"));
  g_assert_nonnull (strstr (ballerina, "<dl>"));
  /* spoiler entities are marked in lists, not hidden */
  {
    g_autofree char *characters = read_file (out, "character/index.html");
    const char *item = strstr (characters, "<li class=\"ct-spoiler\">");

    g_assert_nonnull (item);
    g_assert_true (item == strstr (characters, "<li class=\"ct-spoiler\"><a class=\"ct-ref ct-kind-character\" href=\"../character/rooney.html\">Rooney</a> <span class=\"ct-site-spoiler-label\">Spoiler</span>"));
  }

  ana = read_file (out, ana_file);
  g_assert_nonnull (strstr (ana, "<h2>Filmography</h2>"));

  timeline = read_file (out, "timeline.html");
  g_assert_nonnull (strstr (timeline, "<ol class=\"ct-timeline\">"));
  g_assert_nonnull (strstr (timeline, "ct-site-releases"));
  g_assert_nonnull (strstr (timeline, "href=\"./film/"));

  marker = read_file (out, CT_SITE_MARKER);
  /* each file with, after a tab, what it was made from */
  g_assert_nonnull (strstr (marker, "\nindex.html\t"));
  g_assert_nonnull (strstr (marker, "\nposts/review.html\t"));
}

/* The path @href leads to from @file, or NULL when it climbs above the
 * root. */
static char *
resolve_href (const char *file,
              const char *href)
{
  g_auto(GStrv) base = g_strsplit (file, "/", -1);
  g_auto(GStrv) parts = g_strsplit (href, "/", -1);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  guint n = g_strv_length (base);

  for (guint i = 0; i + 1 < n; i++)
    g_ptr_array_add (path, base[i]);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".") || parts[i][0] == '\0')
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (path->len == 0)
            return NULL;
          g_ptr_array_remove_index (path, path->len - 1);
        }
      else
        g_ptr_array_add (path, parts[i]);
    }
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = export (f, "site", 0, TRUE, &error);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GRegex) href = g_regex_new ("(?:href|src)=\"([^\"]*)\"", 0, 0, &error);
  guint checked = 0;
  gboolean saw_image = FALSE;

  g_assert_no_error (error);
  files = list_files (out);
  g_assert_true (g_ptr_array_find_with_equal_func (files, "posts/draft.html", g_str_equal, NULL));

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *html = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (file, ".html"))
        continue;
      html = read_file (out, file);
      /* nothing from the wiki arrives as markup; search.html is the one
       * page with a script of its own (test-site-search.c) */
      if (!g_str_equal (file, "search.html"))
        g_assert_null (strstr (html, "<script"));
      g_assert_null (strstr (html, "<img src=x"));

      g_regex_match (href, html, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *target = g_match_info_fetch (match, 1);
          g_autofree char *resolved = NULL;
          char *hash = strchr (target, '#');

          if (hash != NULL)
            *hash = '\0';
          if (*target == '\0' || g_str_has_prefix (target, "http://") || g_str_has_prefix (target, "https://"))
            continue;
          /* relative only, and inside the site */
          g_assert_false (g_path_is_absolute (target));
          g_assert_null (strchr (target, ':'));
          resolved = resolve_href (file, target);
          if (resolved == NULL || !g_ptr_array_find_with_equal_func (files, resolved, g_str_equal, NULL))
            g_error ("%s links to %s, which is not in the site", file, target);
          saw_image = saw_image || g_str_equal (resolved, "media/poster.png");
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 500);
  g_assert_true (saw_image);
}

static void
test_hostile_names (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = export (f, "site", 2, TRUE, &error);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) outside = NULL;
  g_autoptr(GRegex) safe = g_regex_new ("^(" CT_SITE_MARKER "|style\\.css|media/poster\\.png|([a-z]+/)?[a-z0-9-]+\\.html)$", 0, 0, &error);

  g_assert_no_error (error);
  files = list_files (out);
  for (guint i = 0; i < files->len; i++)
    if (!g_regex_match (safe, g_ptr_array_index (files, i), 0, NULL))
      g_error ("unsafe file name %s", (char *) g_ptr_array_index (files, i));

  /* nothing was written beside the output folder */
  outside = list_files (f->tmp);
  for (guint i = 0; i < outside->len; i++)
    {
      const char *file = g_ptr_array_index (outside, i);
      g_assert_true (g_str_has_prefix (file, "site/") || g_str_has_prefix (file, "john-wick/")
                     || g_str_equal (file, "secret.png"));
    }

  for (guint i = 0; hostile_titles[i] != NULL; i++)
    {
      g_autofree char *file = entity_file (f->wiki, hostile_titles[i]);
      g_autofree char *html = read_file (out, file);
      g_autofree char *escaped = g_markup_escape_text (hostile_titles[i], -1);
      g_autofree char *heading = g_strdup_printf ("<h1>%s</h1>", escaped);

      g_assert_nonnull (strstr (html, heading));
    }
  /* "Index" does not overwrite the list of characters */
  {
    g_autofree char *list = read_file (out, "character/index.html");
    g_assert_nonnull (strstr (list, "<h1>Characters</h1>"));
    g_assert_true (g_ptr_array_find_with_equal_func (files, "character/index-character.html", g_str_equal, NULL));
  }
}

/* A post that became a symbolic link after it was indexed is refused,
 * not followed out of the wiki. */
static void
test_symlinked_post (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *secret = g_build_filename (f->tmp, "secret.md", NULL);
  g_autofree char *post = g_build_filename (f->folder, "posts", "CON.md", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_true (g_file_set_contents (secret, "# SECRET\n", -1, NULL));
  g_assert_cmpint (g_unlink (post), ==, 0);
  g_assert_cmpint (symlink (secret, post), ==, 0);

  out = export (f, "site", 2, FALSE, &error);
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "symbolic links are not followed"));
  g_assert_null (out);
  {
    g_autofree char *site = g_build_filename (f->tmp, "site", "posts", "con-post.html", NULL);
    g_assert_false (g_file_test (site, G_FILE_TEST_EXISTS));
  }

  /* the index itself never takes it in */
  g_clear_error (&error);
  g_assert_true (ct_wiki_index_posts (f->wiki, NULL, &error));
  out = export (f, "site", 2, FALSE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) files = list_files (out);
    g_assert_false (g_ptr_array_find_with_equal_func (files, "posts/con-post.html", g_str_equal, NULL));
  }
}

static void
test_foreign_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->tmp, "mine", NULL);
  g_autofree char *mine = g_build_filename (dir, "thesis.txt", NULL);
  g_autofree char *file = g_build_filename (f->tmp, "a-file", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) files = NULL;
  CtSiteOptions options = { .output_dir = file };

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (mine, "years of work", -1, NULL));

  out = export (f, "mine", 2, FALSE, &error);
  g_assert_error (error, CT_ERROR, CT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "not made by “continuity site”"));
  files = list_files (dir);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, "thesis.txt");
  g_clear_error (&error);

  /* not a folder at all */
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  g_assert_false (ct_site_export (f->wiki, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_EXISTS);
  g_clear_error (&error);

  /* an empty folder is fine, and a missing one is created with its parents */
  g_assert_cmpint (g_unlink (mine), ==, 0);
  g_free (out);
  out = export (f, "mine", 2, FALSE, &error);
  g_assert_no_error (error);
  g_free (out);
  out = export (f, "new/deeper", 2, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_DIR));
}

static void
test_stale_pages (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = export (f, "site", 2, FALSE, &error);
  g_autofree char *prague = entity_file (f->wiki, "Prague");
  g_autofree char *prague_path = g_build_filename (out, prague, NULL);
  g_autofree char *notes = g_build_filename (out, "notes.txt", NULL);
  g_autofree char *own_page = g_build_filename (out, "location", "mine.html", NULL);
  g_autofree char *victim = g_build_filename (f->tmp, "victim.html", NULL);
  g_autofree char *marker = g_build_filename (out, CT_SITE_MARKER, NULL);
  g_autofree char *marker_text = NULL;
  g_autofree char *tampered = NULL;
  CtSiteOptions options = { .output_dir = out, .jobs = 2 };
  CtSiteStats stats = { 0 };

  g_assert_no_error (error);
  g_assert_true (g_file_test (prague_path, G_FILE_TEST_IS_REGULAR));

  /* files the user put there, and a marker edited to name files outside */
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));
  g_assert_true (g_file_set_contents (own_page, "mine", -1, NULL));
  g_assert_true (g_file_set_contents (victim, "outside", -1, NULL));
  g_assert_true (g_file_get_contents (marker, &marker_text, NULL, NULL));
  tampered = g_strconcat (marker_text, "../victim.html\n", victim, "\n/etc/passwd\n.\n..\n", NULL);
  g_assert_true (g_file_set_contents (marker, tampered, -1, NULL));

  g_assert_true (ct_wiki_delete_entity (f->wiki, ct_test_id (f->wiki, "Prague"), &error));
  g_assert_true (ct_site_export (f->wiki, &options, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (prague_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (stats.removed, ==, 1);
  g_assert_true (g_file_test (notes, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (own_page, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (victim, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&marker_text, g_free);
  g_assert_true (g_file_get_contents (marker, &marker_text, NULL, NULL));
  g_assert_null (strstr (marker_text, "victim"));
  g_assert_null (strstr (marker_text, prague));
  g_assert_null (strstr (marker_text, "notes.txt"));
}

/* A symbolic link where the site needs a folder is not written through. */
static void
test_symlink_in_output (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = export (f, "site", 2, FALSE, &error);
  g_autofree char *film = g_build_filename (out, "film", NULL);
  g_autofree char *elsewhere = g_build_filename (f->tmp, "elsewhere", NULL);
  g_autoptr(GPtrArray) files = NULL;
  CtSiteOptions options = { .output_dir = out, .jobs = 2 };

  g_assert_no_error (error);
  ct_test_rmtree (film);
  g_assert_cmpint (g_mkdir (elsewhere, 0755), ==, 0);
  g_assert_cmpint (symlink (elsewhere, film), ==, 0);

  g_assert_false (ct_site_export (f->wiki, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  files = list_files (elsewhere);
  g_assert_cmpuint (files->len, ==, 0);
  g_unlink (film);
}

static void
test_jobs_identical (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *one = export (f, "one", 1, TRUE, &error);
  g_autofree char *four = export (f, "four", 4, TRUE, &error);
  g_autoptr(GPtrArray) files_one = NULL;
  g_autoptr(GPtrArray) files_four = NULL;

  g_assert_no_error (error);
  files_one = list_files (one);
  files_four = list_files (four);
  g_assert_cmpuint (files_one->len, ==, files_four->len);
  for (guint i = 0; i < files_one->len; i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_assert_cmpstr (g_ptr_array_index (files_one, i), ==, g_ptr_array_index (files_four, i));
      a = read_file (one, g_ptr_array_index (files_one, i));
      b = read_file (four, g_ptr_array_index (files_four, i));
      if (g_str_equal (g_ptr_array_index (files_one, i), CT_SITE_MARKER))
        {
          /* its records hold inodes and times: the files it lists agree */
          g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
          g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);

          g_assert_cmpuint (g_strv_length (lines_a), ==, g_strv_length (lines_b));
          for (guint l = 0; lines_a[l] != NULL; l++)
            {
              gsize n = strcspn (lines_a[l], "\t");

              g_assert_cmpuint (n, ==, strcspn (lines_b[l], "\t"));
              g_assert_cmpint (strncmp (lines_a[l], lines_b[l], n), ==, 0);
            }
          continue;
        }
      g_assert_cmpstr (a, ==, b);
    }
}

typedef struct {
  guint calls;
  guint last_done;
  guint total;
  gboolean increasing;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  progress->increasing = progress->increasing && done > progress->last_done;
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
}

static void
test_progress_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->tmp, "site", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) files = NULL;
  CtSiteOptions options = { .output_dir = out, .jobs = 3 };
  CtSiteStats stats = { 0 };
  Progress progress = { .increasing = TRUE };

  g_assert_true (ct_site_export (f->wiki, &options, progress_cb, &progress, NULL, &stats, &error));
  g_assert_no_error (error);
  files = list_files (out);
  /* every page but style.css and the marker is counted */
  g_assert_cmpuint (progress.total, ==, files->len - 2);
  g_assert_cmpuint (progress.last_done, ==, progress.total);
  g_assert_cmpuint (stats.pages, ==, files->len - 1);
  g_assert_true (progress.increasing);
  g_assert_cmpuint (progress.calls, >=, 1);

  g_cancellable_cancel (cancellable);
  g_assert_false (ct_site_export (f->wiki, &options, NULL, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The page with its version numbers taken out. */
static char *
normalize (const char *html)
{
  g_auto(GStrv) parts = g_strsplit (html, PACKAGE_VERSION, -1);
  return g_strjoinv ("VERSION", parts);
}

static void
test_golden (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = export (f, "site", 2, FALSE, &error);
  g_autofree char *rooney = entity_file (f->wiki, "Rooney");
  const char *pages[][2] = {
    { "posts/review.html", "post-review.html" },
    { rooney, "character-rooney.html" },
    { "index.html", "index.html" },
    { "search.html", "search.html" },
    { "timeline.html", "timeline.html" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *raw = read_file (out, pages[i][0]);
      g_autofree char *got = normalize (raw);

      if (g_getenv ("CT_UPDATE_GOLDEN") != NULL)
        {
          g_autofree char *path = g_build_filename (g_getenv ("CT_SOURCE_ROOT"), "tests", "golden", "site",
                                                    pages[i][1], NULL);
          g_file_set_contents (path, got, -1, &error);
          g_assert_no_error (error);
          g_test_message ("rewrote %s", path);
        }
      else
        {
          g_autofree char *expected = ct_test_read_source ("golden", "site", pages[i][1], NULL);
          g_assert_cmpstr (got, ==, expected);
        }
    }
}

/* ---- through the real binary ---- */

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->tmp, "cli-site", NULL);
  g_autofree char *mine = g_build_filename (f->tmp, "john-wick", NULL);
  g_autofree char *index = g_build_filename (out, "index.html", NULL);
  g_autofree char *draft = g_build_filename (out, "posts", "draft.html", NULL);
  g_autofree char *late = g_build_filename (f->folder, "posts", "late.md", NULL);
  g_autofree char *late_page = g_build_filename (out, "posts", "late.html", NULL);
  g_auto(CtRun) run = { 0 };
  g_auto(CtRun) drafts = { 0 };
  g_auto(CtRun) foreign = { 0 };
  g_auto(CtRun) no_output = { 0 };
  g_auto(CtRun) bad_jobs = { 0 };
  g_auto(CtRun) help = { 0 };

  ct_run (&help, NULL, "site", "--help", NULL);
  g_assert_cmpint (help.exit_code, ==, 0);
  g_assert_nonnull (strstr (help.out, "--jobs"));

  /* a post written after the last index is picked up */
  g_assert_true (g_file_set_contents (late, "# Late\n\nAbout [[Winston]].\n", -1, NULL));
  ct_run (&run, NULL, "site", "--wiki", f->folder, "-o", out, "--jobs", "2", NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  /* stderr is not a terminal here: no progress */
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (late_page, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  ct_run (&drafts, NULL, "site", "--wiki", f->folder, "-o", out, "--drafts", NULL);
  g_assert_cmpint (drafts.exit_code, ==, 0);
  g_assert_true (g_file_test (draft, G_FILE_TEST_IS_REGULAR));

  /* the wiki folder itself is someone's folder */
  ct_run (&foreign, NULL, "site", "--wiki", f->folder, "-o", mine, NULL);
  g_assert_cmpint (foreign.exit_code, ==, 1);
  g_assert_true (g_str_has_prefix (foreign.err, "continuity: "));
  g_assert_nonnull (strstr (foreign.err, "not made by “continuity site”"));

  ct_run (&no_output, NULL, "site", "--wiki", f->folder, NULL);
  g_assert_cmpint (no_output.exit_code, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o OUTDIR"));

  ct_run (&bad_jobs, NULL, "site", "--wiki", f->folder, "-o", out, "--jobs", "-3", NULL);
  g_assert_cmpint (bad_jobs.exit_code, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/site/pages", test_pages);
  ADD ("/site/links/resolve", test_links);
  ADD ("/site/safety/hostile-names", test_hostile_names);
  ADD ("/site/safety/symlinked-post", test_symlinked_post);
  ADD ("/site/safety/symlink-in-output", test_symlink_in_output);
  ADD ("/site/output/foreign-folder", test_foreign_folder);
  ADD ("/site/output/stale-pages", test_stale_pages);
  ADD ("/site/jobs/identical", test_jobs_identical);
  ADD ("/site/progress-and-cancel", test_progress_and_cancel);
  ADD ("/site/golden", test_golden);
  ADD ("/site/cli", test_cli);
#undef ADD

  return g_test_run ();
}
