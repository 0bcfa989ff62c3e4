/* test-export-post.c — ct_export_post(), the one path of `continuity export`
 * and of the window's Export: the same bytes from an open wiki and from
 * its folder (the thread's own connection), the formats' names, and the
 * site URLs refused. */
#include "config.h"

#include <string.h>

#include "ct-export.h"
#include "ct-test-wiki.h"

#define POST "---\ntitle: On Rooney\n---\n[[Rooney]] in [[Ballerina]].\n\n{{cast: Ballerina}}\n"

static char *
export_string (const CtExportOptions *options,
               guint                 *errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtExportResult) result = ct_export_post (POST, -1, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  if (errors != NULL)
    *errors = ct_export_result_count_errors (result);
  return g_strndup (g_bytes_get_data (result->bytes, NULL), g_bytes_get_size (result->bytes));
}

static void
test_folder_or_wiki (void)
{
  CtTestWiki w;

  ct_test_wiki_init (&w, "john-wick.json");
  for (CtExportFormat format = 0; format < CT_EXPORT_N_FORMATS; format++)
    {
      CtExportOptions by_wiki = { .format = format, .wiki = w.wiki, .site_url = "https://example.org/wiki" };
      CtExportOptions by_folder = { .format = format, .wiki_folder = w.folder, .site_url = "https://example.org/wiki" };
      guint errors = 1;
      g_autofree char *a = export_string (&by_wiki, NULL);
      g_autofree char *b = export_string (&by_folder, &errors);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (errors, ==, 0);
      g_assert_nonnull (strstr (b, "https://example.org/wiki/"));
    }
  ct_test_wiki_clear (&w);
}

static void
test_without_wiki (void)
{
  CtExportOptions options = { .format = CT_EXPORT_FRAGMENT };
  g_autofree char *html = export_string (&options, NULL);

  /* Unresolved references are marked (each with a warning), not fatal. */
  g_assert_nonnull (strstr (html, "No wiki is open"));
  g_assert_nonnull (strstr (html, "Rooney"));
}

static void
test_bad_folder (void)
{
  g_autofree char *dir = ct_test_tmpdir ();
  CtExportOptions options = { .format = CT_EXPORT_STANDALONE, .wiki_folder = dir };
  g_autoptr(GError) error = NULL;
  g_autoptr(CtExportResult) result = ct_export_post (POST, -1, &options, &error);

  g_assert_null (result);
  g_assert_nonnull (error);
  ct_test_rmtree (dir);
}

static void
test_site_url (void)
{
  g_autoptr(GError) error = NULL;
  CtExportOptions options = { .format = CT_EXPORT_MARKDOWN, .site_url = "javascript:alert(1)" };
  g_autoptr(CtExportResult) result = NULL;

  g_assert_true (ct_export_check_site_url (NULL, NULL));
  g_assert_true (ct_export_check_site_url ("", NULL));
  g_assert_true (ct_export_check_site_url ("https://example.org/wiki", NULL));
  g_assert_true (ct_export_check_site_url ("/wiki", NULL));
  g_assert_false (ct_export_check_site_url ("data:text/html,x", NULL));

  result = ct_export_post (POST, -1, &options, &error);
  g_assert_null (result);
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "javascript:alert(1)"));
}

static void
test_formats (void)
{
  static const char *names[] = { "standalone", "fragment", "markdown" };
  CtExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (ct_export_format_from_name (names[i], &format));
      g_assert_cmpstr (ct_export_format_to_name (format), ==, names[i]);
    }
  g_assert_false (ct_export_format_from_name ("pdf", &format));
  g_assert_cmpstr (ct_export_format_get_extension (CT_EXPORT_FRAGMENT), ==, "html");
  g_assert_cmpstr (ct_export_format_get_extension (CT_EXPORT_MARKDOWN), ==, "md");
  g_assert_cmpstr (ct_export_format_get_mime_type (CT_EXPORT_STANDALONE), ==, "text/html");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/folder-or-wiki", test_folder_or_wiki);
  g_test_add_func ("/export/without-wiki", test_without_wiki);
  g_test_add_func ("/export/bad-folder", test_bad_folder);
  g_test_add_func ("/export/site-url", test_site_url);
  g_test_add_func ("/export/formats", test_formats);

  return g_test_run ();
}
