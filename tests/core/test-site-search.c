/* search.html (docs/site.md): the index is JSON inside the page, parsed
 * back here; titles that try to break out of the <script> block stay
 * text; every page links to the search and only search.html has a
 * script. */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

#include "ct-site.h"
#include "ct-test-wiki.h"

#define HOSTILE "</script><script>alert(1)</script><!--"

typedef struct {
  CtTestWiki  wiki;
  char       *tmp;
  char       *out;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *posts = NULL;
  g_autofree char *post = NULL;
  g_autoptr(GError) error = NULL;
  CtSiteOptions options = { 0 };
  gint64 id;

  ct_test_wiki_init (&f->wiki, "john-wick.json");
  id = ct_wiki_create_entity (f->wiki.wiki, CT_ENTITY_CHARACTER, HOSTILE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  posts = g_build_filename (f->wiki.folder, "posts", NULL);
  g_assert_cmpint (g_mkdir_with_parents (posts, 0755), ==, 0);
  post = g_build_filename (posts, "hostile.md", NULL);
  g_assert_true (g_file_set_contents (post, "---\ntitle: \"" HOSTILE " & \\u2028\"\ntags: [a&b]\n---\nText.\n",
                                      -1, NULL));
  g_assert_true (ct_wiki_index_posts (f->wiki.wiki, NULL, &error));
  g_assert_no_error (error);

  f->tmp = ct_test_tmpdir ();
  f->out = g_build_filename (f->tmp, "site", NULL);
  options.output_dir = f->out;
  g_assert_true (ct_site_export (f->wiki.wiki, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
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

static char *
read_page (Fixture    *f,
           const char *file)
{
  g_autofree char *path = g_build_filename (f->out, file, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
collect_pages (const char *root,
               const char *relative,
               GPtrArray  *pages)
{
  g_autofree char *dir = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *path = g_build_filename (root, child, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_pages (root, child, pages);
      else if (g_str_has_suffix (name, ".html"))
        g_ptr_array_add (pages, g_steal_pointer (&child));
    }
}

/* The JSON between the data block's tags */
static char *
index_json (const char *html)
{
  const char *open = "<script type=\"application/json\" id=\"ct-search-index\">";
  const char *start = strstr (html, open);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (open);
  end = strstr (start, "</script>");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static void
test_index (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = read_page (f, "search.html");
  g_autofree char *json = index_json (html);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) entities = ct_wiki_list_entities (f->wiki.wiki, -1, &error);
  g_autoptr(GPtrArray) posts = ct_wiki_list_posts (f->wiki.wiki, &error);
  JsonArray *entries;
  gboolean saw_entity = FALSE, saw_post = FALSE;

  g_assert_no_error (error);
  /* nothing in the block can end it, open a comment or a tag */
  g_assert_null (strchr (json, '<'));
  g_assert_null (strchr (json, '>'));
  g_assert_null (strchr (json, '&'));
  /* the data block and the script: nothing else, closed where they should */
  g_assert_cmpuint (count (html, "<script"), ==, 2);
  g_assert_cmpuint (count (html, "</script"), ==, 2);
  g_assert_cmpuint (count (html, "<!--"), ==, 0);

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  entries = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (entries), ==, entities->len + posts->len);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *title = json_object_get_string_member (entry, "title");
      const char *url = json_object_get_string_member (entry, "url");
      g_autofree char *path = g_build_filename (f->out, url, NULL);

      g_assert_nonnull (json_object_get_string_member (entry, "kind"));
      g_assert_nonnull (json_object_get_string_member (entry, "summary"));
      /* a page of the site, by a relative name */
      g_assert_false (g_path_is_absolute (url));
      g_assert_null (strstr (url, ".."));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      if (g_str_equal (title, HOSTILE))
        saw_entity = TRUE;
      if (g_str_has_prefix (title, HOSTILE " & "))
        {
          saw_post = TRUE;
          g_assert_cmpstr (url, ==, "posts/hostile.html");
          g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "Post");
          g_assert_cmpstr (json_object_get_string_member (entry, "summary"), ==, "#a&b");
        }
      if (g_str_equal (title, "Ballerina"))
        {
          JsonArray *aliases = json_object_get_array_member (entry, "aliases");
          g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "Film");
          g_assert_cmpstr (url, ==, "film/ballerina.html");
          g_assert_nonnull (aliases);
        }
    }
  g_assert_true (saw_entity);
  g_assert_true (saw_post);
}

static void
test_only_search_has_script (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  gboolean saw_search = FALSE;

  collect_pages (f->out, NULL, pages);
  g_assert_cmpuint (pages->len, >, 20);
  for (guint i = 0; i < pages->len; i++)
    {
      const char *file = g_ptr_array_index (pages, i);
      g_autofree char *html = read_page (f, file);
      const char *root = strchr (file, '/') ? "../" : "";
      g_autofree char *form = g_strdup_printf ("<form class=\"ct-site-search\" role=\"search\" method=\"get\" "
                                               "action=\"%ssearch.html\">", root);

      /* every page can search: a plain form, no script needed */
      g_assert_nonnull (strstr (html, form));
      g_assert_nonnull (strstr (html, "<input type=\"search\" name=\"q\""));
      if (g_str_equal (file, "search.html"))
        saw_search = TRUE;
      else if (strstr (html, "<script") != NULL || strstr (html, "<SCRIPT") != NULL)
        g_error ("%s has a script; only search.html may", file);
    }
  g_assert_true (saw_search);
}

/* The page works without a server: nothing is fetched, the script reads
 * the block and ?q=. */
static void
test_works_from_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *html = read_page (f, "search.html");

  g_assert_null (strstr (html, "fetch("));
  g_assert_null (strstr (html, "XMLHttpRequest"));
  g_assert_null (strstr (html, "<script src"));
  g_assert_nonnull (strstr (html, "document.getElementById(\"ct-search-index\").textContent"));
  g_assert_nonnull (strstr (html, "URLSearchParams(window.location.search).get(\"q\")"));
  /* results are text, never markup */
  g_assert_null (strstr (html, "innerHTML"));
  g_assert_nonnull (strstr (html, "<noscript>"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/site/search/index", test_index);
  ADD ("/site/search/only-search-has-script", test_only_search_has_script);
  ADD ("/site/search/works-from-disk", test_works_from_disk);
#undef ADD

  return g_test_run ();
}
