/* Tests of ct_render without a wiki: CommonMark fidelity, preview blocks,
 * front matter, encodings and safety. */
#include "config.h"

#include <string.h>

#include "ct-error.h"
#include "ct-render.h"

static CtRenderResult *
render (const char   *text,
        CtRenderMode  mode)
{
  CtRenderOptions options = { .mode = mode };
  g_autoptr(GError) error = NULL;
  CtRenderResult *result = ct_render (text, -1, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static char *
run_cmark (const char *path)
{
  const char *cmark = g_getenv ("CT_CMARK");
  const char *argv[] = { cmark, (char *) path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* DESIGN §5: a document without [[ or {{ renders exactly as cmark does. */
static void
test_fragment_identical_to_cmark (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "markdown", NULL);
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint compared = 0;

  if (g_getenv ("CT_CMARK") == NULL)
    {
      g_test_skip ("the cmark program is not installed");
      return;
    }

  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(CtRenderResult) result = NULL;

      if (!g_str_has_suffix (name, ".md"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      expected = run_cmark (path);
      result = render (text, CT_RENDER_FRAGMENT);
      g_test_message ("comparing %s", name);
      g_assert_cmpstr (result->output, ==, expected);
      compared++;
    }
  g_assert_cmpuint (compared, >=, 5);
}

static void
test_preview_blocks (void)
{
  g_autoptr(CtRenderResult) result = render ("# Title\n\nOne\ntwo\n\n- a\n- b\n", CT_RENDER_PREVIEW);
  CtRenderBlock *block;

  g_assert_cmpuint (result->blocks->len, ==, 3);

  block = g_ptr_array_index (result->blocks, 0);
  g_assert_cmpuint (block->first_line, ==, 1);
  g_assert_cmpstr (block->html, ==, "<h1 data-sourcepos=\"1:1-1:7\">Title</h1>\n");

  block = g_ptr_array_index (result->blocks, 1);
  g_assert_cmpuint (block->first_line, ==, 3);
  g_assert_cmpuint (block->last_line, ==, 4);
  g_assert_cmpstr (block->html, ==, "<p data-sourcepos=\"1:1-2:3\">One\ntwo</p>\n");

  block = g_ptr_array_index (result->blocks, 2);
  g_assert_cmpuint (block->first_line, ==, 6);
  g_assert_nonnull (strstr (block->html, "<li data-sourcepos=\"2:1-2:3\">b</li>"));
}

/* A block that only moved down renders the same bytes, so the preview can
 * keep it instead of replacing it. */
static void
test_preview_moved_block_is_unchanged (void)
{
  g_autoptr(CtRenderResult) before = render ("Intro\n\n- a\n- b\n", CT_RENDER_PREVIEW);
  g_autoptr(CtRenderResult) after = render ("Intro\nmore intro\n\n\n- a\n- b\n", CT_RENDER_PREVIEW);
  CtRenderBlock *list_before = g_ptr_array_index (before->blocks, 1);
  CtRenderBlock *list_after = g_ptr_array_index (after->blocks, 1);

  g_assert_cmpuint (list_before->first_line, ==, 3);
  g_assert_cmpuint (list_after->first_line, ==, 5);
  g_assert_cmpstr (list_before->html, ==, list_after->html);
}

static void
test_front_matter (void)
{
  const char *text = "---\ntitle: Review\ntags: [a, b]\n---\n# Heading\n\nBody\n";
  g_autoptr(CtRenderResult) preview = render (text, CT_RENDER_PREVIEW);
  g_autoptr(CtRenderResult) fragment = render (text, CT_RENDER_FRAGMENT);
  g_autoptr(CtRenderResult) markdown = render (text, CT_RENDER_MARKDOWN);
  CtRenderBlock *header = g_ptr_array_index (preview->blocks, 0);
  CtRenderBlock *heading = g_ptr_array_index (preview->blocks, 1);

  g_assert_cmpuint (preview->body_line, ==, 5);
  /* the front matter's lines show as a header: here only the tags, since
   * the text's own heading is its title */
  g_assert_cmpuint (header->first_line, ==, 1);
  g_assert_cmpuint (header->last_line, ==, 4);
  g_assert_cmpstr (header->html, ==,
                   "<header class=\"ct-post-header\" data-sourcepos=\"1:1-4:3\">\n"
                   "<p class=\"ct-post-meta\"><span class=\"ct-post-tag\">a</span> "
                   "<span class=\"ct-post-tag\">b</span></p>\n</header>\n");
  g_assert_cmpuint (heading->first_line, ==, 5);
  g_assert_cmpstr (fragment->output, ==, "<h1>Heading</h1>\n<p>Body</p>\n");
  g_assert_cmpstr (markdown->output, ==, text);
}

/* Without a closing fence, --- is a thematic break, as in cmark. */
static void
test_front_matter_unclosed (void)
{
  g_autoptr(CtRenderResult) fragment = render ("---\nnot front matter\n", CT_RENDER_FRAGMENT);

  g_assert_cmpstr (fragment->output, ==, "<hr />\n<p>not front matter</p>\n");
}

/* A fenced block whose middle is not a YAML mapping is not front matter:
 * it is Markdown (a thematic break, then a setext heading here), rendered
 * exactly as cmark renders it, and nothing in it is lost. */
static void
test_front_matter_not_a_mapping (void)
{
  g_autoptr(CtRenderResult) fragment = render ("---\nFoo\n---\nBar\n", CT_RENDER_FRAGMENT);
  g_autoptr(CtRenderResult) list = render ("---\n- a\n- b\n---\nBar\n", CT_RENDER_FRAGMENT);
  g_autoptr(CtRenderResult) broken = render ("---\ntitle: [unclosed\n---\nBar\n", CT_RENDER_FRAGMENT);

  g_assert_cmpstr (fragment->output, ==, "<hr />\n<h2>Foo</h2>\n<p>Bar</p>\n");
  g_assert_cmpuint (fragment->diagnostics->len, ==, 0);
  g_assert_cmpuint (fragment->body_line, ==, 1);
  g_assert_cmpstr (list->output, ==, "<hr />\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<hr />\n<p>Bar</p>\n");
  /* meant as front matter (a "key:" line) but broken: still front matter,
   * with the warning that says so */
  g_assert_cmpstr (broken->output, ==, "<p>Bar</p>\n");
  g_assert_cmpuint (broken->diagnostics->len, ==, 1);
}

/* The header above the text is the user's front matter: all of it
 * escaped, and only where it belongs (not in a fragment, which goes into
 * a page that has its own). */
static void
test_front_matter_header (void)
{
  const char *text = "---\ntitle: \"<script>x()</script>\"\ndate: \"<b>soon</b>\"\n"
                     "tags: [\"<i>t</i>\"]\ndraft: true\n---\nBody\n";
  g_autoptr(CtRenderResult) standalone = render (text, CT_RENDER_STANDALONE);
  g_autoptr(CtRenderResult) fragment = render (text, CT_RENDER_FRAGMENT);
  const char *article = strstr (standalone->output, "<article");

  g_assert_nonnull (article);
  g_assert_nonnull (strstr (article, "<h1 class=\"ct-post-title\">&lt;script&gt;x()&lt;/script&gt;</h1>"));
  g_assert_nonnull (strstr (article, "<span class=\"ct-post-draft\">Draft</span> <time>&lt;b&gt;soon&lt;/b&gt;</time>"));
  g_assert_nonnull (strstr (article, "<span class=\"ct-post-tag\">&lt;i&gt;t&lt;/i&gt;</span>"));
  g_assert_null (strstr (standalone->output, "<script>"));
  g_assert_cmpstr (fragment->output, ==, "<p>Body</p>\n");
}

static void
test_invalid_utf8 (void)
{
  CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT };
  g_autoptr(GError) error = NULL;
  CtRenderResult *result = ct_render ("fine\nbad \xff byte\n", -1, &options, &error);

  g_assert_null (result);
  g_assert_error (error, CT_ERROR, CT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

/* The check lets ASCII through eight bytes at a time and hands the rest
 * to GLib in stretches: it must still agree with g_utf8_validate_len at
 * every offset, for bad bytes, nuls, cut and straddling characters. */
static void
test_utf8_positions (void)
{
  static const struct {
    const char *insert;
    gsize       length;
  } cases[] = {
    { "\xff", 1 },                 /* never valid */
    { "\xc3", 1 },                 /* cut short */
    { "\x80", 1 },                 /* a continuation with no lead */
    { "\xe2\x80", 2 },             /* cut short, longer */
    { "\0", 1 },                   /* a nul */
    { "\xed\xa0\x80", 3 },         /* a surrogate */
    { "\xe2\x80\x9c", 3 },         /* valid: a curly quote */
    { "\xf0\x9f\x8e\xac", 4 },     /* valid: a clapper board */
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (gsize at = 0; at < 150; at++)
      {
        gsize length = 200 + cases[c].length;
        g_autofree char *text = g_malloc (length + 1);
        const char *expected_end = NULL;
        gboolean expected;
        g_autoptr(GError) error = NULL;

        memset (text, 'a', length);
        text[length] = '\0';
        /* a valid character elsewhere too, so the stretches meet twice */
        if (at != 100)
          memcpy (text + 100, "\xc3\xa9", 2);
        memcpy (text + at, cases[c].insert, cases[c].length);
        expected = g_utf8_validate_len (text, length, &expected_end);
        g_assert_cmpint (ct_text_validate_utf8 (text, length, &error), ==, expected);
        if (!expected)
          {
            g_autofree char *where = g_strdup_printf ("byte %" G_GSIZE_FORMAT ")",
                                                      (gsize) (expected_end - text) + 1);
            g_assert_error (error, CT_ERROR, CT_ERROR_ENCODING);
            g_assert_nonnull (strstr (error->message, where));
          }
      }
}

static void
test_raw_html_is_off_by_default (void)
{
  g_autoptr(CtRenderResult) safe = render ("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n",
                                           CT_RENDER_FRAGMENT);
  CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT, .allow_raw_html = TRUE };
  g_autoptr(CtRenderResult) unsafe = ct_render ("<b>bold</b>\n", -1, &options, NULL);

  g_assert_null (strstr (safe->output, "<script"));
  g_assert_null (strstr (safe->output, "javascript:"));
  g_assert_cmpstr (unsafe->output, ==, "<p><b>bold</b></p>\n");
}

static void
test_standalone (void)
{
  g_autoptr(CtRenderResult) result = render ("# Ballerina \\<script> & co\n\nText.\n", CT_RENDER_STANDALONE);

  g_assert_true (g_str_has_prefix (result->output, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (result->output, "<title>Ballerina &lt;script&gt; &amp; co</title>"));
  g_assert_nonnull (strstr (result->output, "<style>"));
  g_assert_nonnull (strstr (result->output, "<p>Text.</p>"));
  g_assert_cmpstr (result->title, ==, "Ballerina <script> & co");
}

static void
test_title_from_heading (void)
{
  g_autoptr(CtRenderResult) with = render ("Intro\n\n## The *Ruska Roma* `code`\n", CT_RENDER_PREVIEW);
  g_autoptr(CtRenderResult) without = render ("Just text\n", CT_RENDER_PREVIEW);

  g_assert_cmpstr (with->title, ==, "The Ruska Roma code");
  g_assert_null (without->title);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/fragment/identical-to-cmark", test_fragment_identical_to_cmark);
  g_test_add_func ("/render/preview/blocks", test_preview_blocks);
  g_test_add_func ("/render/preview/moved-block-unchanged", test_preview_moved_block_is_unchanged);
  g_test_add_func ("/render/front-matter/skipped", test_front_matter);
  g_test_add_func ("/render/front-matter/unclosed", test_front_matter_unclosed);
  g_test_add_func ("/render/front-matter/not-a-mapping", test_front_matter_not_a_mapping);
  g_test_add_func ("/render/front-matter/header", test_front_matter_header);
  g_test_add_func ("/render/utf8/invalid", test_invalid_utf8);
  g_test_add_func ("/render/utf8/positions", test_utf8_positions);
  g_test_add_func ("/render/raw-html/off-by-default", test_raw_html_is_off_by_default);
  g_test_add_func ("/render/standalone/document", test_standalone);
  g_test_add_func ("/render/title/from-heading", test_title_from_heading);

  return g_test_run ();
}
