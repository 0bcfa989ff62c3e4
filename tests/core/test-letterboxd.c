/* The Letterboxd import: films with the wiki's disambiguation, a post per
 * review, idempotence, edited posts left alone, all or nothing, and the
 * review's HTML as safe Markdown. Fixtures: tests/core/data/letterboxd. */
#include "config.h"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "ct-letterboxd.h"
#include "ct-render.h"
#include "ct-test-wiki.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "core", "data", "letterboxd", name, NULL);
}

static char *
post_path (const char *folder,
           const char *name)
{
  return g_build_filename (folder, CT_LETTERBOXD_POSTS_DIR, name, NULL);
}

static char *
read_post (const char *folder,
           const char *name)
{
  g_autofree char *path = post_path (folder, name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static CtLetterboxdReport *
import_ok (CtWiki     *wiki,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  CtLetterboxdReport *report = ct_letterboxd_import (wiki, path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static char *
fact_text (CtWiki     *wiki,
           const char *title,
           const char *key,
           char      **source)
{
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (wiki, ct_test_id (wiki, title), NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);
      if (g_str_equal (fact->key, key))
        {
          if (source)
            *source = g_strdup (fact->source);
          return g_strdup (fact->text);
        }
    }
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Every file under the posts folder with its checksum, one a line. */
static char *
posts_state (const char *folder)
{
  g_autofree char *dir = g_build_filename (folder, CT_LETTERBOXD_POSTS_DIR, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *sum = ct_test_checksum (path);
      g_ptr_array_add (lines, g_strdup_printf ("%s %s", name, sum));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Markdown */

static char *
render (const char *markdown,
        gboolean    raw_html)
{
  CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT, .allow_raw_html = raw_html };
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRenderResult) result = ct_render (markdown, -1, &options, &error);

  g_assert_no_error (error);
  return g_strdup (result->output);
}

static void
assert_markdown (const char *html,
                 const char *markdown,
                 const char *rendered)
{
  g_autofree char *md = ct_letterboxd_review_to_markdown (html);
  g_autofree char *out = render (md, TRUE);

  g_assert_cmpstr (md, ==, markdown);
  g_assert_cmpstr (out, ==, rendered);
}

static void
test_markdown_markup (void)
{
  assert_markdown ("Sand, <i>so much</i> sand.<br /><br />And a \"worm\".",
                   "Sand, *so much* sand.\n\nAnd a \"worm\".\n",
                   "<p>Sand, <em>so much</em> sand.</p>\n<p>And a &quot;worm&quot;.</p>\n");
  assert_markdown ("The <b>weirding </b>way &amp; the <em>spice</em>.\nA second line.",
                   "The **weirding** way \\& the *spice*.\\\nA second line.\n",
                   "<p>The <strong>weirding</strong> way &amp; the <em>spice</em>.<br />\nA second line.</p>\n");
  assert_markdown ("<p>One.</p><p>Two &#8212; &#x2014; &hellip;</p>",
                   "One.\n\nTwo \xe2\x80\x94 \xe2\x80\x94 \xe2\x80\xa6\n",
                   "<p>One.</p>\n<p>Two \xe2\x80\x94 \xe2\x80\x94 \xe2\x80\xa6</p>\n");
  assert_markdown ("See <a href=\"https://example.com/a?b=1&amp;c=2\">a <i>link</i></a>.",
                   "See [a *link*](<https://example.com/a?b=1&c=2>).\n",
                   "<p>See <a href=\"https://example.com/a?b=1&amp;c=2\">a <em>link</em></a>.</p>\n");
  assert_markdown ("<blockquote>Quoted\nline</blockquote>After",
                   "> Quoted\\\n> line\n\nAfter\n",
                   "<blockquote>\n<p>Quoted<br />\nline</p>\n</blockquote>\n<p>After</p>\n");
  assert_markdown ("<i></i>empty <b> </b>marks",
                   "empty  marks\n",
                   "<p>empty  marks</p>\n");
}

static void
test_markdown_hostile (void)
{
  /* Not a tag Letterboxd writes: text, shown as typed, never run. */
  assert_markdown ("<script>alert(1)</script> <3 [[Rooney]] {{cast: Ballerina}}",
                   "\\<script\\>alert(1)\\</script\\> \\<3 \\[\\[Rooney\\]\\] \\{\\{cast: Ballerina\\}\\}\n",
                   "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;3 [[Rooney]] {{cast: Ballerina}}</p>\n");
  assert_markdown ("# not a heading\n1984. not a list * not _emphasis_ `code`",
                   "\\# not a heading\\\n1984\\. not a list \\* not \\_emphasis\\_ \\`code\\`\n",
                   "<p># not a heading<br />\n1984. not a list * not _emphasis_ `code`</p>\n");
  assert_markdown ("<a href=\"javascript:alert(1)\">click</a> and <a href=\"https://x.test/a b\\c\">x</a>",
                   "click (javascript:alert(1)) and [x](<https://x.test/a%20b%5Cc>)\n",
                   "<p>click (javascript:alert(1)) and <a href=\"https://x.test/a%20b%5Cc\">x</a></p>\n");
  assert_markdown ("    indented\n- dash\n+ plus\n> quote &bogus; &#0; \\ back",
                   "indented\\\n\\- dash\\\n\\+ plus\\\n\\> quote \\&bogus; \\&#0; \\\\ back\n",
                   "<p>indented<br />\n- dash<br />\n+ plus<br />\n&gt; quote &amp;bogus; &amp;#0; \\ back</p>\n");
  {
    /* Invalid UTF-8 is replaced, not passed on. */
    g_autofree char *md = ct_letterboxd_review_to_markdown ("bad \xff byte");
    g_assert_true (g_utf8_validate (md, -1, NULL));
    g_assert_nonnull (strstr (md, "bad "));
  }
}

/* The import */

static void
test_import_folder (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autofree char *basic = data_path ("basic");
  g_autoptr(CtLetterboxdReport) report = import_ok (wiki, basic);
  g_autofree char *source = NULL;
  g_autofree char *year = NULL;
  g_autofree char *untitled = NULL;
  g_autofree char *dune84 = NULL;
  g_autofree char *golden = NULL;
  g_autofree char *golden_path = data_path ("dune-1984.golden.md");
  g_autofree char *describe = ct_letterboxd_report_describe (report);
  g_autoptr(GPtrArray) posts = ct_wiki_list_posts (wiki, NULL);
  g_autoptr(GPtrArray) films = ct_wiki_list_entities (wiki, CT_ENTITY_FILM, NULL);
  g_autofree char *titles = ct_test_entity_titles (films);

  g_assert_cmpuint (report->films_added, ==, 6);
  g_assert_cmpuint (report->films_reused, ==, 0);
  g_assert_cmpuint (report->posts_written, ==, 6);
  g_assert_cmpuint (report->posts_unchanged, ==, 0);
  g_assert_cmpstr (describe, ==, "Imported 6 reviews, 6 films new, 0 already in the wiki");

  /* Two films named Dune: told apart the way Wikipedia does. */
  g_assert_cmpstr (titles, ==, "Amélie; Ballerina; Crouching Tiger, Hidden Dragon; "
                               "Dune (1984 film); Dune (2021 film); Untitled Short");
  year = fact_text (wiki, "Dune (1984 film)", "release_date", &source);
  g_assert_cmpstr (year, ==, "1984");
  g_assert_cmpstr (source, ==, "https://boxd.it/dune1984");
  untitled = fact_text (wiki, "Untitled Short", "letterboxd", NULL);
  g_assert_cmpstr (untitled, ==, "https://boxd.it/untitled");

  /* The posts are indexed; one is checked byte for byte. */
  g_assert_cmpuint (posts->len, ==, 6);
  dune84 = read_post (folder, "2024-01-06-dune-1984.md");
  g_file_get_contents (golden_path, &golden, NULL, NULL);
  if (g_getenv ("CT_UPDATE_GOLDEN"))
    g_file_set_contents (golden_path, dune84, -1, NULL);
  else
    g_assert_cmpstr (dune84, ==, golden);
  {
    g_autofree char *amelie = read_post (folder, "2024-02-11-amelie-2001.md");
    g_autofree char *shorts = read_post (folder, "2024-02-13-untitled-short.md");
    g_autofree char *tiger = read_post (folder, "2024-02-12-crouching-tiger-hidden-dragon-2000.md");
    g_autofree char *ballerina = read_post (folder, "2024-02-09-ballerina-2025.md");

    g_assert_nonnull (strstr (amelie, "title: Amélie (2001)\n"));
    g_assert_nonnull (strstr (amelie, "tags: [french, comfort]\n"));
    g_assert_nonnull (strstr (amelie, "rating: 5\n"));
    g_assert_nonnull (strstr (shorts, "rating: 0.5\n"));
    g_assert_nonnull (strstr (shorts, "date: 2024-02-13\n"));  /* no watched date: the logged one */
    g_assert_nonnull (strstr (tiger, "rating: 3.5\n"));
    g_assert_nonnull (strstr (tiger, "Watched with \"friends\", twice\n"));
    g_assert_null (strstr (ballerina, "rating:"));               /* not rated */
    g_assert_nonnull (strstr (ballerina, "\\<script\\>"));
  }
  ct_test_rmtree (folder);
}

static void
test_import_twice (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autofree char *basic = data_path ("basic");
  g_autoptr(CtLetterboxdReport) first = import_ok (wiki, basic);
  g_autofree char *dump = ct_wiki_dump (wiki, NULL);
  g_autofree char *files = posts_state (folder);
  g_autoptr(CtLetterboxdReport) second = import_ok (wiki, basic);
  g_autofree char *dump2 = ct_wiki_dump (wiki, NULL);
  g_autofree char *files2 = posts_state (folder);
  g_autofree char *describe = ct_letterboxd_report_describe (second);

  g_assert_cmpuint (second->films_added, ==, 0);
  g_assert_cmpuint (second->films_reused, ==, 6);
  g_assert_cmpuint (second->posts_written, ==, 0);
  g_assert_cmpuint (second->posts_updated, ==, 0);
  g_assert_cmpuint (second->posts_unchanged, ==, 6);
  g_assert_cmpstr (dump2, ==, dump);
  g_assert_cmpstr (files2, ==, files);
  g_assert_cmpstr (describe, ==, "Imported 0 reviews, 0 films new, 6 already in the wiki, 6 posts unchanged");
  ct_test_rmtree (folder);
}

/* A film the user renamed since is still found, by its Letterboxd page. */
static void
test_import_renamed (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autofree char *basic = data_path ("basic");
  g_autoptr(CtLetterboxdReport) first = import_ok (wiki, basic);
  g_autoptr(CtEntity) dune = ct_wiki_get_entity (wiki, ct_test_id (wiki, "Dune (1984 film)"), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtLetterboxdReport) second = NULL;
  guint films = 0;

  g_free (dune->title);
  dune->title = g_strdup ("Dune (Lynch)");
  ct_wiki_update_entity (wiki, dune, &error);
  g_assert_no_error (error);

  second = import_ok (wiki, basic);
  ct_wiki_count_entities (wiki, CT_ENTITY_FILM, &films, NULL);
  g_assert_cmpuint (second->films_added, ==, 0);
  g_assert_cmpuint (films, ==, 6);
  /* Its post names the film as it is called now. */
  g_assert_cmpuint (second->posts_updated, ==, 1);
  {
    g_autofree char *post = read_post (folder, "2024-01-06-dune-1984.md");
    g_assert_nonnull (strstr (post, "film: Dune (Lynch)\n"));
  }
  ct_test_rmtree (folder);
}

static void
test_import_newer (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autofree char *basic = data_path ("basic");
  g_autofree char *newer = data_path ("newer");
  g_autoptr(CtLetterboxdReport) first = import_ok (wiki, basic);
  g_autofree char *dune = read_post (folder, "2024-01-06-dune-1984.md");
  g_autoptr(CtLetterboxdReport) second = NULL;
  g_autofree char *amelie = NULL;
  g_autofree char *dune2 = NULL;

  second = import_ok (wiki, newer);
  g_assert_cmpuint (second->films_added, ==, 1);            /* Furiosa */
  g_assert_cmpuint (second->films_reused, ==, 6);
  g_assert_cmpuint (second->posts_written, ==, 1);
  g_assert_cmpuint (second->posts_updated, ==, 1);          /* Amélie's review changed there */
  g_assert_cmpuint (second->posts_unchanged, ==, 5);
  g_assert_cmpuint (second->posts_edited, ==, 0);
  amelie = read_post (folder, "2024-02-11-amelie-2001.md");
  g_assert_nonnull (strstr (amelie, "Pure joy, again"));
  dune2 = read_post (folder, "2024-01-06-dune-1984.md");
  g_assert_cmpstr (dune2, ==, dune);
  ct_test_id (wiki, "Furiosa");
  ct_test_rmtree (folder);
}

static void
test_import_edited (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autofree char *basic = data_path ("basic");
  g_autofree char *newer = data_path ("newer");
  g_autoptr(CtLetterboxdReport) first = import_ok (wiki, basic);
  g_autofree char *path = post_path (folder, "2024-02-11-amelie-2001.md");
  g_autofree char *text = read_post (folder, "2024-02-11-amelie-2001.md");
  g_autofree char *edited = g_strconcat (text, "\nMy own words, added later.\n", NULL);
  g_autofree char *after = NULL;
  g_autoptr(CtLetterboxdReport) second = NULL;

  g_assert_true (g_file_set_contents (path, edited, -1, NULL));
  second = import_ok (wiki, newer);
  g_assert_cmpuint (second->posts_edited, ==, 1);
  g_assert_cmpuint (second->posts_updated, ==, 0);
  g_assert_cmpuint (second->edited_paths->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (second->edited_paths, 0), ==, "posts/letterboxd/2024-02-11-amelie-2001.md");
  after = read_post (folder, "2024-02-11-amelie-2001.md");
  g_assert_cmpstr (after, ==, edited);

  /* Even an unchanged export leaves it alone and says so. */
  {
    g_autoptr(CtLetterboxdReport) third = import_ok (wiki, basic);
    g_autofree char *describe = ct_letterboxd_report_describe (third);
    g_autofree char *again = read_post (folder, "2024-02-11-amelie-2001.md");

    g_assert_cmpuint (third->posts_edited, ==, 1);
    g_assert_cmpstr (again, ==, edited);
    g_assert_nonnull (strstr (describe, "1 post you edited left as it is"));
  }
  ct_test_rmtree (folder);
}

static void
test_import_existing (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  g_autofree char *export = g_build_filename (folder, "export", NULL);
  g_autofree char *watched = g_build_filename (export, "watched.csv", NULL);
  g_autoptr(CtLetterboxdReport) report = NULL;
  g_autoptr(GPtrArray) lookup = NULL;
  guint before, after;

  g_assert_cmpint (g_mkdir (export, 0755), ==, 0);
  g_assert_true (g_file_set_contents (watched,
                                      "Date,Name,Year,Letterboxd URI\n"
                                      "2025-06-07,Ballerina,2025,https://boxd.it/ballerina\n"  /* in the wiki as 2025-06 */
                                      "2025-06-08,John Wick,2014,https://boxd.it/jw\n"
                                      "2025-06-09,Rooney,2030,https://boxd.it/rooney\n"        /* a character's title */
                                      "2025-06-10,Ballerina,1990,https://boxd.it/b1990\n"      /* same name, another year */
                                      "2025-06-11,[REC],2007,https://boxd.it/rec\n"            /* reference punctuation */
                                      "2025-06-12,\"Two\nLines | {x}\",2001,https://boxd.it/odd\n",
                                      -1, NULL));
  ct_wiki_count_entities (wiki, CT_ENTITY_FILM, &before, NULL);
  report = import_ok (wiki, export);
  ct_wiki_count_entities (wiki, CT_ENTITY_FILM, &after, NULL);

  g_assert_cmpuint (report->films_reused, ==, 2);
  g_assert_cmpuint (report->films_added, ==, 4);
  g_assert_cmpuint (after, ==, before + 4);
  ct_test_id (wiki, "(REC)");
  ct_test_id (wiki, "Two Lines / (x)");
  ct_test_id (wiki, "Rooney (2030 film)");
  ct_test_id (wiki, "Ballerina (1990 film)");
  /* The reused film is as it was: no second release date, no new source. */
  {
    g_autofree char *source = NULL;
    g_autofree char *date = fact_text (wiki, "Ballerina", "release_date", &source);
    g_assert_cmpstr (date, ==, "2025-06");
    g_assert_cmpstr (source, ==, "Preview article");
  }
  lookup = ct_wiki_lookup (wiki, "Rooney", NULL);
  g_assert_cmpuint (lookup->len, ==, 1);
  ct_test_rmtree (folder);
}

static void
assert_nothing_written (CtWiki     *wiki,
                        const char *folder)
{
  g_autofree char *dir = g_build_filename (folder, CT_LETTERBOXD_POSTS_DIR, NULL);
  guint films = 99;

  ct_wiki_count_entities (wiki, CT_ENTITY_FILM, &films, NULL);
  g_assert_cmpuint (films, ==, 0);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_import_malformed (void)
{
  const struct { const char *fixture; const char *message; } cases[] = {
    { "malformed", "reviews.csv:3: a quoted field is never closed." },
    { "bad-rating", "reviews.csv:3: Rating “7” is not 0.5 to 5 in half stars." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folder = NULL;
      g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
      g_autofree char *path = data_path (cases[i].fixture);
      g_autoptr(GError) error = NULL;
      g_autoptr(CtLetterboxdReport) report = ct_letterboxd_import (wiki, path, NULL, NULL, NULL, &error);

      g_assert_null (report);
      g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      assert_nothing_written (wiki, folder);
      ct_test_rmtree (folder);
    }
}

static void
test_import_not_export (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autofree char *empty = g_build_filename (folder, "empty", NULL);
  g_autofree char *bogus = g_build_filename (folder, "bogus.zip", NULL);
  g_autofree char *missing = g_build_filename (folder, "missing.zip", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GError) missing_error = NULL;

  g_mkdir (empty, 0755);
  g_file_set_contents (bogus, "not a zip", -1, NULL);
  g_assert_null (ct_letterboxd_import (wiki, empty, NULL, NULL, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is not a Letterboxd export"));
  g_assert_null (ct_letterboxd_import (wiki, bogus, NULL, NULL, NULL, &zip_error));
  g_assert_error (zip_error, CT_ERROR, CT_ERROR_INVALID);
  g_assert_nonnull (strstr (zip_error->message, "could not be read as a zip file"));
  g_assert_null (ct_letterboxd_import (wiki, missing, NULL, NULL, NULL, &missing_error));
  g_assert_error (missing_error, CT_ERROR, CT_ERROR_NOT_FOUND);
  assert_nothing_written (wiki, folder);
  ct_test_rmtree (folder);
}

/* The export as Letterboxd ships it: the CSVs at the top of a zip, with
 * folders beside them (deleted/ holds what the user removed). */
static void
write_zip (const char *zip_path,
           const char *from)
{
  static const char * const names[] = { "watched.csv", "ratings.csv", "diary.csv", "reviews.csv" };
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, zip_path), ==, ARCHIVE_OK);
  for (guint i = 0; i <= G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (from, names[i % G_N_ELEMENTS (names)], NULL);
      g_autofree char *data = NULL;
      gsize length;
      struct archive_entry *entry = archive_entry_new ();

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      if (i == G_N_ELEMENTS (names))
        {
          /* Must not be read as the real reviews.csv. */
          g_free (data);
          data = g_strdup ("Name,Review\nGhost,\"never closed\n");
          length = strlen (data);
          archive_entry_set_pathname (entry, "deleted/watched.csv");
        }
      else
        archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_size (entry, length);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, data, length), ==, (la_ssize_t) length);
      archive_entry_free (entry);
    }
  archive_write_close (a);
  archive_write_free (a);
}

static void
test_import_zip (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *folder2 = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autoptr(CtWiki) wiki2 = ct_test_wiki_new (&folder2);
  g_autofree char *basic = data_path ("basic");
  g_autofree char *zip = g_build_filename (folder, "letterboxd-export.zip", NULL);
  g_autoptr(CtLetterboxdReport) from_zip = NULL;
  g_autoptr(CtLetterboxdReport) from_folder = NULL;
  g_autofree char *files = NULL, *files2 = NULL, *dump = NULL, *dump2 = NULL;

  write_zip (zip, basic);
  from_zip = import_ok (wiki, zip);
  from_folder = import_ok (wiki2, basic);
  g_assert_cmpuint (from_zip->films_added, ==, 6);
  g_assert_cmpuint (from_zip->posts_written, ==, 6);
  files = posts_state (folder);
  files2 = posts_state (folder2);
  g_assert_cmpstr (files, ==, files2);
  dump = ct_wiki_dump (wiki, NULL);
  dump2 = ct_wiki_dump (wiki2, NULL);
  g_assert_cmpstr (dump, ==, dump2);
  ct_test_rmtree (folder);
  ct_test_rmtree (folder2);
}

static void
test_import_cancelled (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autofree char *basic = data_path ("basic");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (ct_letterboxd_import (wiki, basic, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_nothing_written (wiki, folder);
  ct_test_rmtree (folder);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, last[0]);
  last[0] = done;
  last[1] = total;
}

static void
test_import_progress (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autofree char *basic = data_path ("basic");
  g_autoptr(GError) error = NULL;
  guint last[2] = { 0, 0 };
  g_autoptr(CtLetterboxdReport) report = ct_letterboxd_import (wiki, basic, NULL, progress_cb, last, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (last[1], >, 0);
  g_assert_cmpuint (last[0], ==, last[1]);
  ct_test_rmtree (folder);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/letterboxd/markdown/markup", test_markdown_markup);
  g_test_add_func ("/letterboxd/markdown/hostile", test_markdown_hostile);
  g_test_add_func ("/letterboxd/import/folder", test_import_folder);
  g_test_add_func ("/letterboxd/import/twice", test_import_twice);
  g_test_add_func ("/letterboxd/import/renamed", test_import_renamed);
  g_test_add_func ("/letterboxd/import/newer", test_import_newer);
  g_test_add_func ("/letterboxd/import/edited", test_import_edited);
  g_test_add_func ("/letterboxd/import/existing", test_import_existing);
  g_test_add_func ("/letterboxd/import/malformed", test_import_malformed);
  g_test_add_func ("/letterboxd/import/not-export", test_import_not_export);
  g_test_add_func ("/letterboxd/import/zip", test_import_zip);
  g_test_add_func ("/letterboxd/import/cancelled", test_import_cancelled);
  g_test_add_func ("/letterboxd/import/progress", test_import_progress);

  return g_test_run ();
}
