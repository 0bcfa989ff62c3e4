/* test-export-themes.c — a standalone page as readers and machines meet
 * it: the theme (automatic, light, dark, print) picked by the class on
 * <html> and the paper rules, and the <head> that search engines and
 * link cards read (description, date, keywords), escaped and shortened.
 * Every theme's page passes tidy without errors. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ct-export.h"

#define POST "---\n" \
             "title: A Night at the Ballet\n" \
             "date: 2025-06-06\n" \
             "tags: [review, \"<b>Wick</b>\"]\n" \
             "---\n" \
             "The dancer &  her\n\"revenge\" in *one* line.\n\nSecond paragraph.\n"

static char *
export_page (const char    *text,
             CtRenderTheme  theme)
{
  CtExportOptions options = { .format = CT_EXPORT_STANDALONE, .theme = theme };
  g_autoptr(GError) error = NULL;
  g_autoptr(CtExportResult) result = ct_export_post (text, -1, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return g_strndup (g_bytes_get_data (result->bytes, NULL), g_bytes_get_size (result->bytes));
}

/* The text of the page's <head>, where every check below must look. */
static char *
head_of (const char *page)
{
  const char *end = strstr (page, "</head>");

  g_assert_nonnull (end);
  return g_strndup (page, end - page);
}

static void
test_theme_names (void)
{
  static const char *names[] = { "auto", "light", "dark", "print" };
  CtRenderTheme theme;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (ct_export_theme_from_name (names[i], &theme));
      g_assert_cmpint (theme, ==, i);
      g_assert_cmpstr (ct_export_theme_to_name (theme), ==, names[i]);
    }
  g_assert_false (ct_export_theme_from_name ("sepia", &theme));
  g_assert_false (ct_export_theme_from_name ("", &theme));
}

static void
test_theme_classes (void)
{
  g_autofree char *automatic = export_page (POST, CT_RENDER_THEME_AUTO);
  g_autofree char *light = export_page (POST, CT_RENDER_THEME_LIGHT);
  g_autofree char *dark = export_page (POST, CT_RENDER_THEME_DARK);
  g_autofree char *print = export_page (POST, CT_RENDER_THEME_PRINT);

  /* the shared stylesheet reads these classes: no class follows the
   * reader's system, "light" and "dark" force one */
  g_assert_true (g_str_has_prefix (automatic, "<!DOCTYPE html>\n<html>\n"));
  g_assert_true (g_str_has_prefix (light, "<!DOCTYPE html>\n<html class=\"light\">\n"));
  g_assert_true (g_str_has_prefix (dark, "<!DOCTYPE html>\n<html class=\"dark\">\n"));
  g_assert_true (g_str_has_prefix (print, "<!DOCTYPE html>\n<html class=\"light print\">\n"));

  /* the paper rules: only for printing in the screen themes, always in
   * the print theme */
  g_assert_nonnull (strstr (automatic, "@media print {\n/* Continuity — paper."));
  g_assert_nonnull (strstr (dark, "@media print {\n/* Continuity — paper."));
  g_assert_null (strstr (print, "@media print {\n/* Continuity — paper."));
  g_assert_nonnull (strstr (print, "/* Continuity — paper."));
  g_assert_nonnull (strstr (print, "break-inside: avoid"));

  /* the article is the same whatever the theme */
  g_assert_cmpstr (strstr (automatic, "<body>"), ==, strstr (print, "<body>"));
}

static void
test_head_from_front_matter (void)
{
  g_autofree char *page = export_page (POST, CT_RENDER_THEME_AUTO);
  g_autofree char *head = head_of (page);

  /* no description given: the first paragraph's words, whitespace made
   * single spaces, Markdown gone, escaped */
  g_assert_nonnull (strstr (head, "<meta name=\"description\" content=\"The dancer &amp; her &quot;revenge&quot; in one line.\">\n"));
  g_assert_nonnull (strstr (head, "<meta name=\"dcterms.date\" content=\"2025-06-06\">\n"));
  g_assert_nonnull (strstr (head, "<meta name=\"keywords\" content=\"review, &lt;b&gt;Wick&lt;/b&gt;\">\n"));
  g_assert_nonnull (strstr (head, "<title>A Night at the Ballet</title>"));
}

static void
test_description_given_and_hostile (void)
{
  g_autofree char *page = export_page ("---\n"
                                       "description: '\"><script>alert(1)</script>'\n"
                                       "date: not a date\n"
                                       "---\n"
                                       "Body.\n", CT_RENDER_THEME_LIGHT);
  g_autofree char *head = head_of (page);

  g_assert_nonnull (strstr (head, "<meta name=\"description\" content=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">\n"));
  g_assert_null (strstr (page, "<script>"));
  /* a date that is not one is shown as written in the post, never as a
   * machine date */
  g_assert_null (strstr (head, "dcterms.date"));
  /* no tags, no keywords */
  g_assert_null (strstr (head, "keywords"));
}

static void
test_description_shortened (void)
{
  GString *text = g_string_new ("Intro ");
  g_autofree char *page = NULL;
  g_autofree char *head = NULL;
  const char *content, *end;
  g_autofree char *description = NULL;

  /* 60 three-letter words with é: far past 160 characters, multibyte */
  for (guint i = 0; i < 60; i++)
    g_string_append (text, "été ");
  page = export_page (text->str, CT_RENDER_THEME_AUTO);
  head = head_of (page);
  content = strstr (head, "<meta name=\"description\" content=\"");
  g_assert_nonnull (content);
  content += strlen ("<meta name=\"description\" content=\"");
  end = strchr (content, '"');
  description = g_strndup (content, end - content);

  g_assert_true (g_utf8_validate (description, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (description, -1), <=, 160);
  /* cut at a word, with an ellipsis */
  g_assert_true (g_str_has_suffix (description, "été…"));
  g_string_free (text, TRUE);
}

static void
test_no_front_matter (void)
{
  g_autofree char *page = export_page ("# Only a heading\n", CT_RENDER_THEME_AUTO);
  g_autofree char *head = head_of (page);

  g_assert_null (strstr (head, "description"));
  g_assert_null (strstr (head, "dcterms.date"));
  g_assert_nonnull (strstr (head, "<title>Only a heading</title>"));
}

static void
test_tidy (void)
{
  g_autofree char *tidy = g_find_program_in_path ("tidy");

  if (tidy == NULL)
    {
      g_test_skip ("tidy is not installed (the Debian package tidy; build-aux/install-deps installs it)");
      return;
    }

  for (CtRenderTheme theme = 0; theme < CT_RENDER_N_THEMES; theme++)
    {
      g_autofree char *page = export_page (POST, theme);
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "ct-test-theme-XXXXXX.html", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { tidy, "-q", "-e", NULL, NULL };
      int fd, status;

      fd = g_mkstemp (path);
      g_assert_cmpint (fd, >=, 0);
      close (fd);
      g_assert_true (g_file_set_contents (path, page, -1, &error));
      argv[3] = path;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_remove (path);
      /* tidy exits 0 when clean, 1 with warnings, 2 with errors */
      if (g_spawn_check_wait_status (status, NULL) == FALSE && WEXITSTATUS (status) >= 2)
        g_error ("tidy finds errors in the %s theme:\n%s", ct_export_theme_to_name (theme), err);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-themes/names", test_theme_names);
  g_test_add_func ("/export-themes/classes", test_theme_classes);
  g_test_add_func ("/export-themes/head", test_head_from_front_matter);
  g_test_add_func ("/export-themes/description-hostile", test_description_given_and_hostile);
  g_test_add_func ("/export-themes/description-shortened", test_description_shortened);
  g_test_add_func ("/export-themes/no-front-matter", test_no_front_matter);
  g_test_add_func ("/export-themes/tidy", test_tidy);

  return g_test_run ();
}
