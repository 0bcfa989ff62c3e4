/* Images copied into a wiki's media/: safe, unique names (hostile ones
 * included), reuse of identical bytes, and the Markdown that points at
 * them from a post. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-error.h"
#include "ct-media.h"
#include "ct-test-wiki.h"

static void
test_safe_name (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "poster.png", "poster.png" },
    { "../../etc/passwd.png", "passwd.png" },
    { "..\\..\\windows\\evil.PNG", "evil.png" },
    { "/abs/path/Still From Ballerina (2025).JPG", "Still-From-Ballerina-2025.jpg" },
    { ".hidden.gif", "hidden.gif" },
    { "..", "image" },
    { "", "image" },
    { "<script>alert(1)</script>.svg", "script.svg" },
    { "<img onerror=x>.svg", "img-onerror-x.svg" },
    { "Amélie — affiche.webp", "Amélie-affiche.webp" },
    { "a\nb\tc.png", "a-b-c.png" },
    { "no-extension", "no-extension" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = ct_media_safe_name (cases[i].in);
      g_assert_cmpstr (safe, ==, cases[i].out);
    }
  {
    g_autofree char *bad = ct_media_safe_name ("bad\xff.png");
    g_autofree char *longer = g_strnfill (300, 'x');
    g_autofree char *long_name = g_strconcat (longer, ".png", NULL);
    g_autofree char *cut = ct_media_safe_name (long_name);

    g_assert_true (g_utf8_validate (bad, -1, NULL));
    g_assert_true (g_str_has_suffix (bad, ".png"));
    g_assert_cmpuint (strlen (cut), ==, 104);
  }
  g_assert_true (ct_media_is_image_name ("a.JPEG"));
  g_assert_false (ct_media_is_image_name ("a.exe"));
  g_assert_false (ct_media_is_image_name ("png"));
}

static void
test_import (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *outside = ct_test_tmpdir ();
  g_autofree char *source_path = g_build_filename (outside, "passwd.png", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GBytes) other = g_bytes_new_static ("other bytes", 11);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *again = NULL, *second = NULL, *hostile = NULL;
  g_autofree char *expected_path = NULL, *content = NULL;

  g_assert_true (g_file_set_contents (source_path, "\x89PNG fake", -1, NULL));

  first = ct_media_import_file (folder, source, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "passwd.png");
  expected_path = g_build_filename (folder, "media", "passwd.png", NULL);
  g_assert_true (g_file_get_contents (expected_path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "\x89PNG fake");

  /* The same bytes again: the copy there is reused. */
  again = ct_media_import_file (folder, source, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, "passwd.png");

  /* Other bytes under the same name: a new name, the first untouched. */
  second = ct_media_import_bytes (folder, other, "passwd.png", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, "passwd-2.png");

  /* A hostile name lands inside media/, nowhere else. */
  hostile = ct_media_import_bytes (folder, other, "../../etc/passwd.png", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hostile, ==, "passwd-2.png");
  {
    g_autofree char *escaped = g_build_filename (folder, "..", "etc", "passwd.png", NULL);
    g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
  }
  ct_test_rmtree (folder);
  ct_test_rmtree (outside);
}

static void
test_refused (void)
{
  g_autofree char *folder = ct_test_tmpdir ();
  g_autofree char *media = g_build_filename (folder, "media", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("MZ", 2);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/continuity/x.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *name = ct_media_import_bytes (folder, bytes, "setup.exe", NULL, &error);
  g_autofree char *name2 = ct_media_import_file (folder, missing, NULL, NULL, &read_error);

  g_assert_null (name);
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "setup.exe"));
  g_assert_null (name2);
  g_assert_error (read_error, CT_ERROR, CT_ERROR_IO);
  g_assert_false (g_file_test (media, G_FILE_TEST_EXISTS));
  ct_test_rmtree (folder);
}

static void
test_markdown (void)
{
  const char *wiki = "/home/u/wiki";
  g_autofree char *in_posts = ct_media_markdown (wiki, "/home/u/wiki/posts/review.md", "a.png", "A still");
  g_autofree char *deeper = ct_media_markdown (wiki, "/home/u/wiki/posts/letterboxd/x.md", "a.png", "x");
  g_autofree char *at_root = ct_media_markdown (wiki, "/home/u/wiki/notes.md", "a.png", "");
  g_autofree char *unsaved = ct_media_markdown (wiki, NULL, "a.png", "alt");
  g_autofree char *outside = ct_media_markdown (wiki, "/tmp/elsewhere/x.md", "a.png", "alt");
  g_autofree char *hostile = ct_media_markdown (wiki, NULL, "a.png", "](javascript:x) [[Rooney]]\n<b>");

  g_assert_cmpstr (in_posts, ==, "![A still](../media/a.png)");
  g_assert_cmpstr (deeper, ==, "![x](../../media/a.png)");
  g_assert_cmpstr (at_root, ==, "![](media/a.png)");
  g_assert_cmpstr (unsaved, ==, "![alt](../media/a.png)");
  g_assert_cmpstr (outside, ==, "![alt](../media/a.png)");
  g_assert_cmpstr (hostile, ==, "![\\](javascript:x) \\[\\[Rooney\\]\\] \\<b\\>](../media/a.png)");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/media/safe-name", test_safe_name);
  g_test_add_func ("/media/import", test_import);
  g_test_add_func ("/media/refused", test_refused);
  g_test_add_func ("/media/markdown", test_markdown);

  return g_test_run ();
}
