/* The sample wiki exported by the real binary (`continuity new --sample`,
 * then `continuity site`), checked as a reader's browser would meet it:
 * every page passes `tidy -q -e` without errors (warnings are printed,
 * not failed), and every relative link, image and form points to a file
 * of the site; and posts changed between two exports are in the second. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-test-cli.h"
#include "ct-test-wiki.h"

typedef struct {
  char      *tmp;
  char      *out;
  GPtrArray *pages;   /* of char *: every .html, relative to out */
  GPtrArray *files;   /* of char *: every file, relative to out */
} Fixture;

static void
collect (const char *root,
         const char *relative,
         Fixture    *f)
{
  g_autofree char *dir = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = relative ? g_strconcat (relative, "/", name, NULL) : g_strdup (name);
      g_autofree char *path = g_build_filename (root, child, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (root, child, f);
      else
        {
          if (g_str_has_suffix (name, ".html"))
            g_ptr_array_add (f->pages, g_strdup (child));
          g_ptr_array_add (f->files, g_steal_pointer (&child));
        }
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *wiki = NULL;
  g_auto(CtRun) created = { 0 };
  g_auto(CtRun) site = { 0 };

  f->tmp = ct_test_tmpdir ();
  wiki = g_build_filename (f->tmp, "sample", NULL);
  f->out = g_build_filename (f->tmp, "site", NULL);
  f->pages = g_ptr_array_new_with_free_func (g_free);
  f->files = g_ptr_array_new_with_free_func (g_free);

  ct_run (&created, NULL, "new", "--sample", wiki, NULL);
  g_assert_cmpint (created.exit_code, ==, 0);
  ct_run (&site, NULL, "site", "--wiki", wiki, "-o", f->out, NULL);
  if (site.exit_code != 0)
    g_error ("continuity site failed: %s", site.err);
  collect (f->out, NULL, f);
  g_assert_cmpuint (f->pages->len, >, 20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ct_test_rmtree (f->tmp);
  g_free (f->tmp);
  g_free (f->out);
  g_ptr_array_unref (f->pages);
  g_ptr_array_unref (f->files);
}

static void
test_tidy (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *tidy = g_find_program_in_path ("tidy");
  g_autoptr(GString) failures = g_string_new (NULL);
  guint warned = 0;

  if (tidy == NULL)
    {
      g_test_skip ("tidy is not installed (the Debian package tidy; build-aux/install-deps installs it)");
      return;
    }

  for (guint i = 0; i < f->pages->len; i++)
    {
      const char *page = g_ptr_array_index (f->pages, i);
      g_autofree char *path = g_build_filename (f->out, page, NULL);
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      const char *argv[] = { tidy, "-q", "-e", path, NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, &err, &status, &error));
      g_assert_no_error (error);
      /* tidy exits 0 when clean, 1 with warnings, 2 with errors */
      if (g_spawn_check_wait_status (status, &error))
        continue;
      if (g_error_matches (error, G_SPAWN_EXIT_ERROR, 1))
        {
          g_test_message ("tidy warns about %s:\n%s", page, err);
          warned++;
        }
      else
        g_string_append_printf (failures, "%s:\n%s\n", page, err);
    }
  g_test_message ("tidy: %u pages, %u with warnings", f->pages->len, warned);
  if (failures->len > 0)
    g_error ("tidy found errors:\n%s", failures->str);
}

/* @target (relative, from the page @page) as a path from the site's
 * root, or NULL when it leaves the site. */
static char *
resolve (const char *page,
         const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) from = g_strsplit (page, "/", -1);
  g_auto(GStrv) steps = g_strsplit (target, "/", -1);

  for (guint i = 0; from[i] != NULL && from[i + 1] != NULL; i++)
    g_ptr_array_add (parts, g_strdup (from[i]));
  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (g_str_equal (steps[i], ".") || steps[i][0] == '\0')
        continue;
      if (g_str_equal (steps[i], ".."))
        {
          if (parts->len == 0)
            return NULL;
          g_ptr_array_remove_index (parts, parts->len - 1);
        }
      else
        g_ptr_array_add (parts, g_strdup (steps[i]));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("/", (char **) parts->pdata);
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) link = g_regex_new ("\\s(?:href|src|action)=\"([^\"]*)\"", 0, 0, &error);
  g_autoptr(GString) broken = g_string_new (NULL);
  guint checked = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < f->pages->len; i++)
    {
      const char *page = g_ptr_array_index (f->pages, i);
      g_autofree char *path = g_build_filename (f->out, page, NULL);
      g_autofree char *html = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
      g_regex_match (link, html, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *target = g_match_info_fetch (match, 1);
          g_autofree char *resolved = NULL;
          char *cut;

          /* the links out of the site are not ours to check */
          if (g_str_has_prefix (target, "http://") || g_str_has_prefix (target, "https://")
              || g_str_has_prefix (target, "mailto:"))
            continue;
          if ((cut = strpbrk (target, "?#")) != NULL)
            *cut = '\0';
          if (*target == '\0')
            continue;  /* "#fn1": a place in the page itself */
          checked++;
          if (g_path_is_absolute (target) || strchr (target, ':') != NULL
              || (resolved = resolve (page, target)) == NULL
              || !g_ptr_array_find_with_equal_func (f->files, resolved, g_str_equal, NULL))
            g_string_append_printf (broken, "%s links to %s\n", page, target);
        }
    }
  g_test_message ("%u internal links checked", checked);
  g_assert_cmpuint (checked, >, 100);
  if (broken->len > 0)
    g_error ("links that lead nowhere in the site:\n%s", broken->str);
}

/* `site` indexes the posts first, and when their files are as the index
 * recorded it only reads: a post added, edited (to the same size) or
 * removed since the last export is in the next one all the same. */
static void
site_again (Fixture *f)
{
  g_autofree char *wiki = g_build_filename (f->tmp, "sample", NULL);
  g_auto(CtRun) site = { 0 };

  ct_run (&site, NULL, "site", "--wiki", wiki, "-o", f->out, NULL);
  if (site.exit_code != 0)
    g_error ("continuity site failed: %s", site.err);
}

static void
assert_page_says (Fixture    *f,
                  const char *text)
{
  g_autofree char *page = g_build_filename (f->out, "posts", "added-later.html", NULL);
  g_autofree char *html = NULL;

  g_assert_true (g_file_get_contents (page, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, text));
}

static void
test_posts_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *post = g_build_filename (f->tmp, "sample", "posts", "added-later.md", NULL);
  g_autofree char *page = g_build_filename (f->out, "posts", "added-later.html", NULL);

  site_again (f);
  g_assert_false (g_file_test (page, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_set_contents (post, "# Added later\n\nFirst words.\n", -1, NULL));
  site_again (f);
  assert_page_says (f, "First words.");
  /* the same size; the file's time moves */
  g_usleep (10 * 1000);
  g_assert_true (g_file_set_contents (post, "# Added lager\n\nOther words.\n", -1, NULL));
  site_again (f);
  assert_page_says (f, "Other words.");
  /* the title is the index's */
  assert_page_says (f, "<title>Added lager");
  g_assert_cmpint (g_unlink (post), ==, 0);
  site_again (f);
  g_assert_false (g_file_test (page, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/site/sample/tidy", Fixture, NULL, fixture_set_up, test_tidy, fixture_tear_down);
  g_test_add ("/site/sample/links", Fixture, NULL, fixture_set_up, test_links, fixture_tear_down);
  g_test_add ("/site/sample/posts-changed", Fixture, NULL, fixture_set_up, test_posts_changed, fixture_tear_down);

  return g_test_run ();
}
