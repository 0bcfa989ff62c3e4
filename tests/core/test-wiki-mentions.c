/* What the wiki window shows of mentions: the line around a backlink's
 * first mention, and how many mentions of a post name no entity. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-test-wiki.h"
#include "ct-wiki-private.h"

static void
fixture_set_up (CtTestWiki    *f,
                gconstpointer  data)
{
  ct_test_wiki_init (f, "john-wick.json");
}

static void
fixture_tear_down (CtTestWiki    *f,
                   gconstpointer  data)
{
  ct_test_wiki_clear (f);
}

static void
write_post (CtTestWiki *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->folder, "posts", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static CtBacklink *
find_backlink (GPtrArray  *links,
               const char *title)
{
  for (guint i = 0; i < links->len; i++)
    if (g_str_equal (((CtBacklink *) links->pdata[i])->title, title))
      return links->pdata[i];
  g_assert_not_reached ();
}

static void
test_backlink_context (CtTestWiki    *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 rooney = ct_test_id (f->wiki, "Rooney");
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(CtEntity) other = NULL;
  gint64 other_id;
  CtBacklink *link;

  write_post (f, "review.md",
              "---\ntitle: A review\n---\n# A review\n\n"
              "  > In *Ballerina*, [[Rooney|the ballerina]] trains with [[Ruska Roma]].  \n");
  other_id = ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "Theatre", &error);
  other = ct_wiki_get_entity (f->wiki, other_id, &error);
  other->notes = g_strdup ("First line.\n- Where [[rooney]] dances.\n");
  g_assert_true (ct_wiki_update_entity (f->wiki, other, &error));
  g_assert_true (ct_wiki_index_posts (f->wiki, NULL, &error));
  g_assert_no_error (error);

  links = ct_wiki_get_backlinks (f->wiki, rooney, &error);
  g_assert_no_error (error);
  link = find_backlink (links, "A review");
  g_assert_cmpuint (link->line, ==, 6);
  g_assert_cmpstr (link->context, ==, "In *Ballerina*, the ballerina trains with Ruska Roma.");
  link = find_backlink (links, "Theatre");
  g_assert_cmpstr (link->context, ==, "Where rooney dances.");

  mentions = ct_wiki_find_post_mentions (f->wiki, "Rooney", &error);
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_cmpstr (((CtBacklink *) mentions->pdata[0])->context, ==, "In *Ballerina*, the ballerina trains with Ruska Roma.");

  /* The file gone: no context, the backlink stays until the next index. */
  {
    g_autofree char *path = g_build_filename (f->folder, "posts", "review.md", NULL);
    g_autoptr(GPtrArray) again = NULL;

    g_assert_cmpint (g_remove (path), ==, 0);
    again = ct_wiki_get_backlinks (f->wiki, rooney, &error);
    g_assert_null (find_backlink (again, "A review")->context);
  }
}

static void
test_context_line (void)
{
  GString *long_line = g_string_new ("# ");
  g_autofree char *cut = NULL;
  g_autofree char *blank = _ct_wiki_context_line ("   ");
  g_autofree char *code = _ct_wiki_context_line ("Say `[[Rooney]]` to link.");

  for (guint i = 0; i < 60; i++)
    g_string_append (long_line, "word ");
  cut = _ct_wiki_context_line (long_line->str);
  g_assert_true (g_str_has_suffix (cut, "word…"));
  g_assert_cmpuint (g_utf8_strlen (cut, -1), <=, 201);
  g_assert_true (g_str_has_prefix (cut, "word word"));
  g_assert_null (blank);
  g_assert_cmpstr (code, ==, "Say `[[Rooney]]` to link.");
  g_string_free (long_line, TRUE);
}

static CtPost *
find_post (GPtrArray  *posts,
           const char *path)
{
  for (guint i = 0; i < posts->len; i++)
    if (g_str_equal (((CtPost *) posts->pdata[i])->path, path))
      return posts->pdata[i];
  g_assert_not_reached ();
}

static void
test_post_unresolved (CtTestWiki    *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) later = NULL;

  write_post (f, "a.md", "[[Rooney]], [[eve macarro]], [[Nobody]] and {{fact: Nowhere | city}}.\n"
                         "[[Nobody]] again; `[[Not a ref]]`; {{timeline}}.\n");
  write_post (f, "b.md", "All known: [[Ballerina]].\n");
  g_assert_true (ct_wiki_index_posts (f->wiki, NULL, &error));
  posts = ct_wiki_list_posts (f->wiki, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (find_post (posts, "posts/a.md")->unresolved, ==, 3);
  g_assert_cmpuint (find_post (posts, "posts/b.md")->unresolved, ==, 0);

  /* Mentions resolve when asked: a new entity counts at once. */
  g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_PERSON, "Nobody", &error), >, 0);
  later = ct_wiki_list_posts (f->wiki, &error);
  g_assert_cmpuint (find_post (later, "posts/a.md")->unresolved, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CtTestWiki, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wiki/backlinks/context", test_backlink_context);
  g_test_add_func ("/wiki/backlinks/context-line", test_context_line);
  ADD ("/wiki/posts/unresolved", test_post_unresolved);

  return g_test_run ();
}
