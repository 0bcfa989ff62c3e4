/* Tests of references in ct_render against a real wiki built from
 * tests/fixtures/wiki/refs.json: golden output for every template and
 * mode, diagnostics and their positions, escaping of hostile data,
 * recursion through entity notes, mentions.
 *
 * Golden files are compared byte for byte; run with CT_UPDATE_GOLDEN=1 to
 * rewrite them (then read the diff before committing it). */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-diagnostic.h"
#include "ct-render.h"
#include "ct-test-wiki.h"

static CtTestWiki fixture;

static CtRenderResult *
render_with (const char   *text,
             CtRenderMode  mode,
             CtWiki       *wiki,
             const char   *site_url)
{
  CtRenderOptions options = { .mode = mode, .wiki = wiki, .site_url = site_url };
  g_autoptr(GError) error = NULL;
  CtRenderResult *result = ct_render (text, -1, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static CtRenderResult *
render (const char   *text,
        CtRenderMode  mode)
{
  return render_with (text, mode, fixture.wiki, NULL);
}

/* The whole of a result as text: output, or preview blocks with their
 * lines, then the diagnostics and mentions. */
static char *
describe (CtRenderResult *result)
{
  GString *out = g_string_new (result->output);
  const char *style = strstr (out->str, "<style>\n");
  const char *style_end = strstr (out->str, "</style>");

  /* the stylesheet has its own life: goldens hold what the renderer writes */
  if (style != NULL && style_end != NULL)
    {
      gsize from = style - out->str + strlen ("<style>\n");
      g_string_erase (out, from, style_end - out->str - from);
      g_string_insert (out, from, "/* continuity.css */\n");
    }

  for (guint i = 0; i < result->blocks->len; i++)
    {
      CtRenderBlock *block = g_ptr_array_index (result->blocks, i);
      g_string_append_printf (out, "<!-- block %u-%u -->\n%s", block->first_line, block->last_line, block->html);
    }
  g_string_append (out, "<!-- diagnostics\n");
  for (guint i = 0; i < result->diagnostics->len; i++)
    {
      CtDiagnostic *d = g_ptr_array_index (result->diagnostics, i);
      g_string_append_printf (out, "%u:%u: %s: %s\n", d->line, d->column,
                              ct_severity_to_string (d->severity), d->message);
    }
  g_string_append (out, "mentions\n");
  for (guint i = 0; i < result->mentions->len; i++)
    {
      CtMention *m = g_ptr_array_index (result->mentions, i);
      g_string_append_printf (out, "%u: %s\n", m->line, m->title);
    }
  g_string_append (out, "-->\n");
  return g_string_free (out, FALSE);
}

typedef struct {
  const char   *input;     /* under tests/golden */
  const char   *golden;    /* under tests/golden */
  CtRenderMode  mode;
  const char   *site_url;
} Golden;

static const Golden goldens[] = {
  { "templates.md", "templates.preview.html", CT_RENDER_PREVIEW, NULL },
  { "templates.md", "templates.standalone.html", CT_RENDER_STANDALONE, NULL },
  { "templates.md", "templates.standalone-site-url.html", CT_RENDER_STANDALONE, "https://example.org/wiki/" },
  { "templates.md", "templates.fragment.html", CT_RENDER_FRAGMENT, NULL },
  { "templates.md", "templates.site.html", CT_RENDER_SITE, NULL },
  { "templates.md", "templates.markdown.md", CT_RENDER_MARKDOWN, NULL },
  { "templates.md", "templates.markdown-site-url.md", CT_RENDER_MARKDOWN, "https://example.org/wiki" },
  { "values.md", "values.preview.html", CT_RENDER_PREVIEW, NULL },
  { "values.md", "values.standalone.html", CT_RENDER_STANDALONE, NULL },
  { "values.md", "values.fragment.html", CT_RENDER_FRAGMENT, NULL },
  { "values.md", "values.site.html", CT_RENDER_SITE, NULL },
  { "values.md", "values.markdown.md", CT_RENDER_MARKDOWN, NULL },
  { "problems.md", "problems.fragment.html", CT_RENDER_FRAGMENT, NULL },
  { "problems.md", "problems.preview.html", CT_RENDER_PREVIEW, NULL },
};

static void
test_golden (gconstpointer data)
{
  const Golden *golden = data;
  g_autofree char *input = ct_test_read_source ("golden", golden->input, NULL);
  g_autoptr(CtRenderResult) result = render_with (input, golden->mode, fixture.wiki, golden->site_url);
  g_autofree char *got = describe (result);

  if (g_getenv ("CT_UPDATE_GOLDEN") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CT_SOURCE_ROOT"), "tests", "golden",
                                                golden->golden, NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, got, -1, &error);
      g_assert_no_error (error);
      g_test_message ("rewrote %s", path);
    }
  else
    {
      g_autofree char *expected = ct_test_read_source ("golden", golden->golden, NULL);
      g_assert_cmpstr (got, ==, expected);
    }
}

/* The same values in German: month names from the C library's locale,
 * the order of day, month and year and the words from the translation
 * (po/de.po, compiled into the build tree). A machine without the
 * de_DE.UTF-8 locale cannot show German month names, so the case is
 * skipped there rather than compared against English ones. */
static void
test_values_german (void)
{
  g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *input = ct_test_read_source ("golden", "values.md", NULL);
  g_autoptr(CtRenderResult) result = NULL;
  g_autofree char *got = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale on this machine (see locale -a)");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  result = render_with (input, CT_RENDER_MARKDOWN, fixture.wiki, NULL);
  got = describe (result);
  setlocale (LC_ALL, "C.UTF-8");

  if (g_getenv ("CT_UPDATE_GOLDEN") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CT_SOURCE_ROOT"), "tests", "golden",
                                                "values.de.markdown.md", NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, got, -1, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_autofree char *expected = ct_test_read_source ("golden", "values.de.markdown.md", NULL);
      g_assert_cmpstr (got, ==, expected);
    }
}

static const CtDiagnostic *
find_diagnostic (CtRenderResult *result,
                 const char     *needle)
{
  for (guint i = 0; i < result->diagnostics->len; i++)
    {
      CtDiagnostic *d = g_ptr_array_index (result->diagnostics, i);
      if (strstr (d->message, needle) != NULL)
        return d;
    }
  return NULL;
}

/* Positions are the reference's: byte offsets, 1-based line and column in
 * characters, after front matter and multi-byte text. */
static void
test_diagnostic_positions (void)
{
  const char *text = "---\ntitle: x\n---\nÉté 映画 [[Nobody]]\n\n- {{cast: Rooney}}\n";
  g_autoptr(CtRenderResult) result = render (text, CT_RENDER_FRAGMENT);
  const CtDiagnostic *unknown = find_diagnostic (result, "Nobody");
  const CtDiagnostic *kind = find_diagnostic (result, "needs a film");

  g_assert_cmpuint (result->diagnostics->len, ==, 2);
  g_assert_nonnull (unknown);
  g_assert_cmpint (unknown->severity, ==, CT_SEVERITY_ERROR);
  g_assert_cmpuint (unknown->line, ==, 4);
  g_assert_cmpuint (unknown->column, ==, 8);
  g_assert_cmpuint (unknown->start, ==, strstr (text, "[[Nobody]]") - text);
  g_assert_cmpuint (unknown->end, ==, unknown->start + strlen ("[[Nobody]]"));

  g_assert_nonnull (kind);
  g_assert_cmpuint (kind->line, ==, 6);
  g_assert_cmpuint (kind->column, ==, 3);
  g_assert_nonnull (strstr (kind->message, "“Rooney” is a character"));
}

static void
test_ambiguous_lists_candidates (void)
{
  g_autoptr(CtRenderResult) result = render ("[[John Wick]]\n", CT_RENDER_FRAGMENT);
  const CtDiagnostic *d = find_diagnostic (result, "ambiguous");

  g_assert_nonnull (d);
  g_assert_nonnull (strstr (d->message, "“John Wick (film)” (film)"));
  g_assert_nonnull (strstr (d->message, "“John Wick (character)” (character)"));
  g_assert_nonnull (strstr (result->output, "<span class=\"ct-unresolved\""));
  g_assert_nonnull (strstr (result->output, ">[[John Wick]]</span>"));
}

/* An ambiguous name that only one candidate of the wanted kind matches is
 * not ambiguous for that template. */
static void
test_kind_narrows (void)
{
  g_autoptr(CtRenderResult) result = render ("{{cast: John Wick}}\n", CT_RENDER_FRAGMENT);

  g_assert_cmpuint (result->diagnostics->len, ==, 0);
  g_assert_nonnull (strstr (result->output, "<p class=\"ct-empty ct-cast\">"));
}

static void
test_unknown_key_lists_keys (void)
{
  g_autoptr(CtRenderResult) result = render ("{{fact: Ballerina | directr}}\n", CT_RENDER_FRAGMENT);
  const CtDiagnostic *d = find_diagnostic (result, "directr");

  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, CT_SEVERITY_ERROR);
  g_assert_nonnull (strstr (d->message, "release_date, director, cinematographer, tagline, ending, sequel"));
}

static void
test_rumored_and_spoiler (void)
{
  g_autoptr(CtRenderResult) quiet = render ("{{fact: Ballerina | sequel}} {{fact: Ballerina | ending}}\n",
                                            CT_RENDER_FRAGMENT);
  g_autoptr(CtRenderResult) careful = render ("---\nspoilers: no\n---\n{{fact: Ballerina | ending}}\n",
                                              CT_RENDER_FRAGMENT);
  g_autoptr(CtRenderResult) scene = render ("---\nspoilers: false\n---\nSee [[Rooftop duel]].\n",
                                            CT_RENDER_FRAGMENT);
  g_autoptr(CtRenderResult) open_scene = render ("---\nspoilers: true\n---\nSee [[Rooftop duel]].\n",
                                                 CT_RENDER_FRAGMENT);
  const CtDiagnostic *rumored = find_diagnostic (quiet, "rumored");
  const CtDiagnostic *spoiler = find_diagnostic (careful, "spoiler");

  g_assert_nonnull (rumored);
  g_assert_cmpint (rumored->severity, ==, CT_SEVERITY_WARNING);
  g_assert_nonnull (strstr (quiet->output, "class=\"ct-rumored\""));
  /* no front matter: spoilers are not promised away */
  g_assert_null (find_diagnostic (quiet, "spoiler"));
  g_assert_nonnull (spoiler);
  g_assert_cmpint (spoiler->severity, ==, CT_SEVERITY_WARNING);
  g_assert_cmpuint (spoiler->line, ==, 4);

  /* an entity marked as a spoiler, too */
  g_assert_nonnull (find_diagnostic (scene, "“Rooftop duel” is marked as a spoiler"));
  g_assert_nonnull (strstr (scene->output, "class=\"ct-ref ct-kind-scene ct-spoiler\""));
  g_assert_cmpuint (open_scene->diagnostics->len, ==, 0);
}

static void
test_recursion (void)
{
  g_autoptr(CtRenderResult) mirror = render ("{{infobox: Mirror}}\n", CT_RENDER_FRAGMENT);
  g_autoptr(CtRenderResult) chain = render ("{{infobox: Chain A}}\n", CT_RENDER_FRAGMENT);
  g_autoptr(CtRenderResult) chain_md = render ("{{infobox: Chain A}}\n", CT_RENDER_MARKDOWN);
  const CtDiagnostic *d;

  d = find_diagnostic (mirror, "embed themselves");
  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, CT_SEVERITY_ERROR);
  g_assert_cmpuint (mirror->diagnostics->len, ==, 1);
  /* the infobox of Mirror is shown once, with its notes left out inside */
  g_assert_nonnull (strstr (mirror->output, "The notes of “Mirror” are left out here."));

  d = find_diagnostic (chain, "nest more than 3 deep");
  g_assert_nonnull (d);
  g_assert_nonnull (strstr (d->message, "“Chain D”"));
  /* A, B and C are expanded: three levels of notes */
  g_assert_nonnull (strstr (chain->output, ">Chain C</span>"));
  g_assert_null (strstr (chain->output, "The end of the chain."));
  g_assert_nonnull (find_diagnostic (chain_md, "nest more than 3 deep"));
}

/* A heading's references count in the title taken from it. */
static void
test_title_from_heading (void)
{
  g_autoptr(CtRenderResult) result = render ("## On [[Rooney|the ballerina]] and `code`\n", CT_RENDER_PREVIEW);

  g_assert_cmpstr (result->title, ==, "On the ballerina and code");
}

static void
test_mentions (void)
{
  g_autoptr(CtRenderResult) result = render ("[[Rooney]]\n\ntext {{fact: Ballerina | director}}\n\n"
                                             "[[Nobody]] `[[Wick]]`\n\n{{infobox: Rooney}}\n",
                                             CT_RENDER_PREVIEW);
  CtMention *m;

  g_assert_cmpuint (result->mentions->len, ==, 3);
  m = g_ptr_array_index (result->mentions, 0);
  g_assert_cmpstr (m->title, ==, "Rooney");
  g_assert_cmpuint (m->line, ==, 1);
  m = g_ptr_array_index (result->mentions, 1);
  g_assert_cmpstr (m->title, ==, "Ballerina");
  g_assert_cmpuint (m->line, ==, 3);
  m = g_ptr_array_index (result->mentions, 2);
  g_assert_cmpstr (m->title, ==, "Rooney");
  g_assert_cmpuint (m->line, ==, 7);
  g_assert_cmpint (m->entity_id, >, 0);
}

/* Without a wiki every reference stays visibly unresolved, with a warning. */
static void
test_no_wiki (void)
{
  g_autoptr(CtRenderResult) result = render_with ("See [[Rooney]].\n\n{{timeline}}\n",
                                                  CT_RENDER_FRAGMENT, NULL, NULL);
  g_autoptr(CtRenderResult) md = render_with ("See [[Rooney]].\n", CT_RENDER_MARKDOWN, NULL, NULL);

  g_assert_cmpuint (result->diagnostics->len, ==, 2);
  for (guint i = 0; i < result->diagnostics->len; i++)
    g_assert_cmpint (((CtDiagnostic *) result->diagnostics->pdata[i])->severity, ==, CT_SEVERITY_WARNING);
  g_assert_cmpstr (result->output, ==,
                   "<p>See <span class=\"ct-unresolved\" title=\"No wiki is open, so “Rooney” cannot be "
                   "looked up\">[[Rooney]]</span>.</p>\n"
                   "<p><span class=\"ct-unresolved\" title=\"No wiki is open, so {{timeline}} cannot be "
                   "filled in\">{{timeline}}</span></p>\n");
  g_assert_cmpstr (md->output, ==, "See [[Rooney]].\n");
}

/* A block template inside a container keeps the container on every line
 * of its flattened Markdown. */
static void
test_markdown_containers (void)
{
  g_autoptr(CtRenderResult) quote = render ("> {{cast: Ballerina}}\n", CT_RENDER_MARKDOWN);
  g_autoptr(CtRenderResult) item = render ("- Scenes:\n\n  {{scenes: Ballerina}}\n- next\n", CT_RENDER_MARKDOWN);
  CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT };
  g_autoptr(CtRenderResult) again = NULL;

  g_assert_cmpstr (quote->output, ==,
                   "> **Cast**\n"
                   "> \n"
                   "> | Person | Character | Role | Billing |\n"
                   "> | --- | --- | --- | --- |\n"
                   "> | Ana de Armas | Rooney |  | 1 |\n"
                   "> | Keanu Reeves *(rumored)* | John Wick (character) | Cameo | 2 |\n"
                   "> \n"
                   "> **Crew**\n"
                   "> \n"
                   "> | Person | Role |\n"
                   "> | --- | --- |\n"
                   "> | Len Wiseman | Director |\n");
  g_assert_cmpstr (item->output, ==,
                   "- Scenes:\n\n"
                   "  1. opening · Ballet studio ambush — at Ballet studio — with Rooney\n"
                   "  2. Rooftop duel — with Rooney, John Wick (character)\n"
                   "- next\n");
  /* and it parses as meant: one outer list holding an ordered one */
  again = ct_render (item->output, -1, &options, NULL);
  g_assert_nonnull (strstr (again->output, "<li>\n<p>Scenes:</p>\n<ol>\n<li>opening"));
}

/* A text that already holds the private-use code points used as
 * placeholders renders them as they are. */
static void
test_private_use_text (void)
{
  const char *text = "\xee\x80\x80" "0" "\xee\x80\x81 [[Rooney]] \xee\x80\x82" "0" "\xee\x80\x83\n";
  g_autoptr(CtRenderResult) result = render (text, CT_RENDER_FRAGMENT);

  g_assert_true (g_str_has_prefix (result->output, "<p>\xee\x80\x80" "0" "\xee\x80\x81 <span class=\"ct-ref "));
  g_assert_true (g_str_has_suffix (result->output, "</span> \xee\x80\x82" "0" "\xee\x80\x83</p>\n"));
}

/* A key of the user's own reads as a label in an infobox, as in the hover
 * card: "nickname" shows as "Nickname". */
static void
test_infobox_free_key_label (void)
{
  g_autoptr(CtRenderResult) result = render ("{{infobox: <script>alert(1)</script>}}\n", CT_RENDER_FRAGMENT);

  g_assert_nonnull (strstr (result->output, ">Nickname<"));
  g_assert_null (strstr (result->output, ">nickname<"));
}

/* ---- hostile data ---- */

static const char hostile_post[] =
  "[[<script>alert(1)</script>]] [[<b>bold</b>|<i>label</i>]] [[\" onmouseover=\"x]] "
  "[[' onfocus='y]] {{fact: <script>alert(1)</script> | nickname}} "
  "{{fact: <b>bold</b> | nationality}} [[Hostile <film>]] [[<script>nope]]\n\n"
  "{{infobox: <script>alert(1)</script>}}\n\n"
  "{{cast: Hostile <film>}}\n\n"
  "{{infobox: \" onmouseover=\"x}}\n\n"
  "{{appearances: <script>alert(1)</script>}}\n\n"
  "[[../../etc/passwd]] [[/etc/shadow]]\n";

static void
assert_inert_html (const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);

  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<img"));
  g_assert_null (strstr (lower, "<b>"));
  g_assert_null (strstr (lower, "<i>"));
  g_assert_null (strstr (lower, "javascript:alert(1)\""));
  g_assert_null (strstr (lower, "href=\"javascript"));
  g_assert_null (strstr (lower, "\" onmouseover"));
  g_assert_null (strstr (lower, "' onfocus"));
  /* links stay inside the site: one "../" up from a page, never more */
  for (const char *href = strstr (lower, "href=\""); href != NULL; href = strstr (href + 1, "href=\""))
    {
      g_autofree char *url = g_strndup (href + 6, strcspn (href + 6, "\""));

      g_assert_null (strstr (url, "../../"));
      g_assert_false (g_str_has_prefix (url, "/"));
      g_assert_null (strstr (url, "/etc/"));
    }
}

static void
test_hostile (gconstpointer data)
{
  CtRenderMode mode = GPOINTER_TO_INT (data);
  g_autoptr(CtRenderResult) result = render_with (hostile_post, mode, fixture.wiki, "https://example.org");

  /* everything resolves but the one unknown name: the test is about
   * escaping, not about failures */
  for (guint i = 0; i < result->diagnostics->len; i++)
    {
      CtDiagnostic *d = g_ptr_array_index (result->diagnostics, i);
      if (d->severity == CT_SEVERITY_ERROR)
        g_assert_cmpstr (d->message, ==, "No entity in the wiki is titled or aliased “<script>nope”");
    }
  g_assert_cmpuint (result->diagnostics->len, ==, 2);

  if (mode == CT_RENDER_MARKDOWN)
    {
      /* whatever engine reads it, even one that keeps raw HTML */
      CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT, .allow_raw_html = TRUE };
      g_autoptr(CtRenderResult) again = ct_render (result->output, -1, &options, NULL);

      assert_inert_html (again->output);
    }
  else
    {
      GString *html = g_string_new (result->output);

      for (guint i = 0; i < result->blocks->len; i++)
        g_string_append (html, ((CtRenderBlock *) result->blocks->pdata[i])->html);
      assert_inert_html (html->str);
      g_string_free (html, TRUE);
    }
}

/* A link's text and title go in unchanged when nothing in them needs
 * escaping, and otherwise exactly as g_markup_escape_text writes them:
 * markup characters, quotes, and C0, DEL and C1 controls alike. */
static void
test_link_escaping (void)
{
  static const struct {
    const char *title;
    const char *summary;
  } cases[] = {
    { "Plain Title", "A plain summary, with commas." },
    { "Tom & \"Jerry\" <x>", "It's <b>bold</b> & 'quoted'" },
    { "Fifty % Off", "Tab\there, bell\a, DEL\x7f, C1\xc2\x85 and \xc2\xa0 a no-break space" },
    { "Caf\xc3\xa9 \xe6\x98\xa0\xe7\x94\xbb", "\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x94 dashes" },
  };
  CtTestWiki w;

  ct_test_wiki_init (&w, "john-wick.json");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CtEntity) entity = ct_wiki_get_entity (w.wiki, ct_test_id (w.wiki, i == 0 ? "Rooney" : cases[i - 1].title), &error);
      g_autofree char *post = NULL;
      g_autofree char *title = g_markup_escape_text (cases[i].title, -1);
      g_autofree char *summary = g_markup_escape_text (cases[i].summary, -1);
      g_autofree char *text = NULL;
      g_autofree char *tooltip = NULL;
      g_autoptr(CtRenderResult) result = NULL;

      g_assert_no_error (error);
      g_free (entity->title);
      entity->title = g_strdup (cases[i].title);
      g_free (entity->summary);
      entity->summary = g_strdup (cases[i].summary);
      g_assert_true (ct_wiki_update_entity (w.wiki, entity, &error));
      g_assert_no_error (error);

      post = g_strdup_printf ("[[%s]]\n", cases[i].title);
      result = render_with (post, CT_RENDER_FRAGMENT, w.wiki, NULL);
      text = g_strdup_printf (">%s</span>", title);   /* no site URL: a span */
      tooltip = g_strdup_printf (" title=\"%s\"", summary);
      g_assert_nonnull (strstr (result->output, text));
      g_assert_nonnull (strstr (result->output, tooltip));
    }
  ct_test_wiki_clear (&w);
}

int
main (int    argc,
      char **argv)
{
  static const struct { const char *name; CtRenderMode mode; } modes[] = {
    { "preview", CT_RENDER_PREVIEW }, { "standalone", CT_RENDER_STANDALONE },
    { "fragment", CT_RENDER_FRAGMENT }, { "site", CT_RENDER_SITE },
    { "markdown", CT_RENDER_MARKDOWN },
  };
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  ct_test_wiki_init (&fixture, "refs.json");

  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/references/golden/%s", goldens[i].golden);
      g_test_add_data_func (path, &goldens[i], test_golden);
    }
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/references/hostile/%s", modes[i].name);
      g_test_add_data_func (path, GINT_TO_POINTER (modes[i].mode), test_hostile);
    }
  g_test_add_func ("/references/values/german", test_values_german);
  g_test_add_func ("/references/diagnostics/positions", test_diagnostic_positions);
  g_test_add_func ("/references/infobox/free-key-label", test_infobox_free_key_label);
  g_test_add_func ("/references/resolve/ambiguous", test_ambiguous_lists_candidates);
  g_test_add_func ("/references/resolve/kind-narrows", test_kind_narrows);
  g_test_add_func ("/references/fact/unknown-key", test_unknown_key_lists_keys);
  g_test_add_func ("/references/fact/rumored-and-spoiler", test_rumored_and_spoiler);
  g_test_add_func ("/references/recursion", test_recursion);
  g_test_add_func ("/references/mentions", test_mentions);
  g_test_add_func ("/references/title-from-heading", test_title_from_heading);
  g_test_add_func ("/references/no-wiki", test_no_wiki);
  g_test_add_func ("/references/private-use-text", test_private_use_text);
  g_test_add_func ("/references/markdown/containers", test_markdown_containers);
  g_test_add_func ("/references/html/link-escaping", test_link_escaping);

  status = g_test_run ();
  ct_test_wiki_clear (&fixture);
  return status;
}
