/* test-front-matter-edit.c — ct_front_matter_set: the change reads back,
 * everything else stays byte for byte, and what cannot be rewritten
 * safely is refused. */
#include "config.h"

#include <string.h>

#include "ct-error.h"
#include "ct-front-matter.h"

static char *
set_text (const char *text,
          CtFrontMatterField field,
          const char *value)
{
  CtFrontMatterChange change = { .field = field, .text = value, .remove = value == NULL };
  g_autoptr(GError) error = NULL;
  char *out = ct_front_matter_set (text, strlen (text), &change, &error);

  g_assert_no_error (error);
  g_assert_nonnull (out);
  return out;
}

static char *
set_flag (const char *text,
          CtFrontMatterField field,
          gboolean flag)
{
  CtFrontMatterChange change = { .field = field, .flag = flag };
  g_autoptr(GError) error = NULL;
  char *out = ct_front_matter_set (text, strlen (text), &change, &error);

  g_assert_no_error (error);
  return out;
}

static char *
set_tags (const char *text,
          const char * const *tags)
{
  CtFrontMatterChange change = { .field = CT_FRONT_MATTER_TAGS, .tags = tags };
  g_autoptr(GError) error = NULL;
  char *out = ct_front_matter_set (text, strlen (text), &change, &error);

  g_assert_no_error (error);
  return out;
}

static CtFrontMatter *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  CtFrontMatter *fm = ct_front_matter_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return fm;
}

static void
test_title_replaced (void)
{
  const char *text =
    "---\n"
    "# written by hand\n"
    "title: Old\n"
    "layout: review   # theme\n"
    "date: 2025-06-06\n"
    "---\n"
    "Body *text*\n\n---\nnot front matter\n";
  g_autofree char *out = set_text (text, CT_FRONT_MATTER_TITLE, "New");

  g_assert_cmpstr (out, ==,
    "---\n"
    "# written by hand\n"
    "title: New\n"
    "layout: review   # theme\n"
    "date: 2025-06-06\n"
    "---\n"
    "Body *text*\n\n---\nnot front matter\n");
}

static void
test_comment_after_value_kept (void)
{
  g_autofree char *out = set_text ("---\ntitle: Old # keep me\n---\nx", CT_FRONT_MATTER_TITLE, "New");

  g_assert_cmpstr (out, ==, "---\ntitle: New # keep me\n---\nx");
}

static void
test_hostile_titles (void)
{
  const char *titles[] = {
    "a: b # c", "\"quoted\"", "'single'", "- dash", "Léon: The Professional",
    "東京物語", "", " padded ", "yes", "No", "null", "~", "1917", "3.14",
    "2025-06-06", "[not a list]", "{not: a map}", "* star", "& amp", "! bang",
    "| pipe", "> fold", "% percent", "@ at", "`tick`", "back\\slash",
    "line\nbreak", "tab\there", "ends with colon:", "#hash", "a #b", "?",
    "?x", ".hidden", "+1", "\xe2\x80\xa8ls", "ok, with comma", "-",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      const char *texts[] = { "---\ntitle: x\ndraft: true\n---\nBody\n", "Body\n", "" };

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        {
          g_autofree char *out = set_text (texts[j], CT_FRONT_MATTER_TITLE, titles[i]);
          g_autoptr(CtFrontMatter) fm = parse (out);
          gsize body;
          guint line;

          g_assert_cmpstr (fm->title, ==, titles[i]);
          g_assert_true (ct_front_matter_split (out, strlen (out), &body, &line));
          g_assert_cmpstr (out + body, ==, j == 0 ? "Body\n" : texts[j]);
          if (j == 0)
            g_assert_true (fm->draft);
        }
    }
}

static void
test_created_at_top (void)
{
  g_autofree char *out = set_text ("# Heading\n\nText.\n", CT_FRONT_MATTER_DATE, "2026-01-31");
  g_autofree char *crlf = set_flag ("Text.\r\nMore\r\n", CT_FRONT_MATTER_DRAFT, TRUE);
  /* A thematic break pair that is not front matter stays in the body. */
  g_autofree char *rule = set_flag ("---\nJust words\n---\n", CT_FRONT_MATTER_SPOILERS, FALSE);

  g_assert_cmpstr (out, ==, "---\ndate: 2026-01-31\n---\n# Heading\n\nText.\n");
  g_assert_cmpstr (crlf, ==, "---\r\ndraft: true\r\n---\r\nText.\r\nMore\r\n");
  g_assert_cmpstr (rule, ==, "---\nspoilers: false\n---\n---\nJust words\n---\n");
}

static void
test_added_at_end (void)
{
  g_autofree char *out = set_flag ("---\ntitle: A\n# last comment\n---\nB", CT_FRONT_MATTER_DRAFT, TRUE);
  g_autofree char *empty = set_text ("---\n---\nB", CT_FRONT_MATTER_TITLE, "T");
  g_autofree char *indented = set_text ("---\n  title: A\n---\nB", CT_FRONT_MATTER_DATE, "2020-02-29");

  g_assert_cmpstr (out, ==, "---\ntitle: A\n# last comment\ndraft: true\n---\nB");
  g_assert_cmpstr (empty, ==, "---\ntitle: T\n---\nB");
  g_assert_cmpstr (indented, ==, "---\n  title: A\n  date: 2020-02-29\n---\nB");
}

static void
test_remove (void)
{
  const char *text = "---\ntitle: A\ntags:\n  - x\n  - y\n# about the draft\ndraft: yes\n---\nB";
  g_autofree char *no_tags = set_text (text, CT_FRONT_MATTER_TAGS, NULL);
  g_autofree char *no_draft = set_text (text, CT_FRONT_MATTER_DRAFT, NULL);
  g_autofree char *absent = set_text ("Body", CT_FRONT_MATTER_DATE, NULL);
  g_autofree char *absent2 = set_text (text, CT_FRONT_MATTER_DATE, NULL);
  g_autofree char *multi = set_text ("---\ntitle: |\n  two\n  lines\nx: 1\n---\nB", CT_FRONT_MATTER_TITLE, NULL);

  g_assert_cmpstr (no_tags, ==, "---\ntitle: A\n# about the draft\ndraft: yes\n---\nB");
  g_assert_cmpstr (no_draft, ==, "---\ntitle: A\ntags:\n  - x\n  - y\n# about the draft\n---\nB");
  g_assert_cmpstr (absent, ==, "Body");
  g_assert_cmpstr (absent2, ==, text);
  g_assert_cmpstr (multi, ==, "---\nx: 1\n---\nB");
}

static void
test_tags_keep_style (void)
{
  const char * const tags[] = { "noir", "a, b", "x: y", NULL };
  const char * const plain[] = { "noir", "revenge", NULL };
  const char * const none[] = { NULL };
  g_autofree char *flow = set_tags ("---\ntags: [a, b]\ndraft: false\n---\n", plain);
  g_autofree char *block = set_tags ("---\ntags:\n    - a\n    - b\ndraft: false\n---\n", plain);
  g_autofree char *scalar = set_tags ("---\ntags: a, b\n---\n", plain);
  g_autofree char *fresh = set_tags ("---\ntitle: T\n---\n", plain);
  g_autofree char *hostile = set_tags ("---\ntags: [a]\n---\n", tags);
  g_autofree char *hostile_block = set_tags ("---\ntags:\n- a\n---\n", tags);
  g_autofree char *empty = set_tags ("---\ntags: [a]\n---\n", none);

  g_assert_cmpstr (flow, ==, "---\ntags: [noir, revenge]\ndraft: false\n---\n");
  g_assert_cmpstr (block, ==, "---\ntags:\n    - noir\n    - revenge\ndraft: false\n---\n");
  g_assert_cmpstr (scalar, ==, "---\ntags: noir, revenge\n---\n");
  g_assert_cmpstr (fresh, ==, "---\ntitle: T\ntags: [noir, revenge]\n---\n");
  g_assert_cmpstr (empty, ==, "---\ntags: []\n---\n");

  {
    g_autoptr(CtFrontMatter) fm = parse (hostile);
    g_autoptr(CtFrontMatter) fm2 = parse (hostile_block);
    g_assert_true (g_strv_equal ((const char * const *) fm->tags, tags));
    g_assert_true (g_strv_equal ((const char * const *) fm2->tags, tags));
  }
}

static void
test_flags (void)
{
  const char *text = "---\ndraft: no # not yet\nspoilers: true\n---\n";
  g_autofree char *draft = set_flag (text, CT_FRONT_MATTER_DRAFT, TRUE);
  g_autofree char *spoilers = set_flag (text, CT_FRONT_MATTER_SPOILERS, FALSE);

  g_assert_cmpstr (draft, ==, "---\ndraft: true # not yet\nspoilers: true\n---\n");
  g_assert_cmpstr (spoilers, ==, "---\ndraft: no # not yet\nspoilers: false\n---\n");
}

static void
test_crlf_kept (void)
{
  const char *text = "---\r\ntitle: A\r\ndate: 2020-01-01\r\n---\r\nBody\r\n";
  g_autofree char *out = set_text (text, CT_FRONT_MATTER_TITLE, "B: c");

  g_assert_cmpstr (out, ==, "---\r\ntitle: \"B: c\"\r\ndate: 2020-01-01\r\n---\r\nBody\r\n");
}

static void
refused (const char *text,
         CtFrontMatterField field,
         const char *value)
{
  CtFrontMatterChange change = { .field = field, .text = value };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = ct_front_matter_set (text, strlen (text), &change, &error);

  g_assert_null (out);
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Front matter") || g_str_has_prefix (error->message, "“"));
  g_test_message ("%s", error->message);
}

static void
test_refused (void)
{
  refused ("---\ntitle: [unclosed\nx: y\n---\nB", CT_FRONT_MATTER_TITLE, "T");
  refused ("---\ntitle: a\n  b: c\n---\nB", CT_FRONT_MATTER_TITLE, "T");
  refused ("---\n{title: a, draft: true}\n---\nB", CT_FRONT_MATTER_TITLE, "T");
  refused ("---\ntitle: a\ntitle: b\n---\nB", CT_FRONT_MATTER_TITLE, "T");
  refused ("---\ntitle: &t a\nalso: *t\n---\nB", CT_FRONT_MATTER_TITLE, "T");
  refused ("---\ntitle: a\r\r\n---\nB", CT_FRONT_MATTER_TITLE, "T");
  refused ("---\ndraft: maybe\n---\nB", CT_FRONT_MATTER_TITLE, "T");
  refused ("B", CT_FRONT_MATTER_DATE, "2025-02-30");
  refused ("B", CT_FRONT_MATTER_DATE, "June 6");
  refused ("B", CT_FRONT_MATTER_DATE, "2025-6-06x");
}

/* Every change on every text: the change reads back, the other fields
 * and the body are as they were, every comment line stays, and applying
 * the same change again changes nothing. */
static void
test_all_changes (void)
{
  const char *texts[] = {
    "",
    "Body only.\n",
    "---\n---\nBody\n",
    "---\n# only a comment\n---\nBody\n",
    "---\ntitle: A\ndate: 2024-01-02\ntags: [x, y]\ndraft: false\nspoilers: yes\n---\nBody\n",
    "---\n# head\ntitle: 'It''s'  # quoted\nlayout: post\ntags:\n  - x\n  # between\n  - y\nextra:\n  nested: [1, 2]\n# tail\n---\n\nBody with --- and *stars*\n",
    "---\r\ntitle: A\r\ntags: x, y\r\n---\r\nBody\r\n",
    "---\ntitle: >\n  folded\n  title\ndraft: true\n---\n",
    "---\ntitle:\n  on the next line\ntags: [a,\n  b]\n---\nB",
    "---\nlist: [a, b]\ntitle: \"Ünïcødé 東京\"\n---\nB",
  };
  const char * const tags[] = { "noir", "x: y", "ünï", NULL };
  const char * const no_tags[] = { NULL };
  const CtFrontMatterChange changes[] = {
    { .field = CT_FRONT_MATTER_TITLE, .text = "a: b # c" },
    { .field = CT_FRONT_MATTER_TITLE, .text = "\"quoted\"" },
    { .field = CT_FRONT_MATTER_TITLE, .text = "- dash" },
    { .field = CT_FRONT_MATTER_TITLE, .text = "Léon" },
    { .field = CT_FRONT_MATTER_TITLE, .text = "" },
    { .field = CT_FRONT_MATTER_TITLE, .remove = TRUE },
    { .field = CT_FRONT_MATTER_DATE, .text = "2026-12-01" },
    { .field = CT_FRONT_MATTER_DATE, .remove = TRUE },
    { .field = CT_FRONT_MATTER_TAGS, .tags = tags },
    { .field = CT_FRONT_MATTER_TAGS, .tags = no_tags },
    { .field = CT_FRONT_MATTER_TAGS, .remove = TRUE },
    { .field = CT_FRONT_MATTER_DRAFT, .flag = TRUE },
    { .field = CT_FRONT_MATTER_DRAFT, .flag = FALSE },
    { .field = CT_FRONT_MATTER_DRAFT, .remove = TRUE },
    { .field = CT_FRONT_MATTER_SPOILERS, .flag = TRUE },
    { .field = CT_FRONT_MATTER_SPOILERS, .remove = TRUE },
  };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
      {
        const char *text = texts[t];
        g_autoptr(GError) error = NULL;
        g_autofree char *out = ct_front_matter_set (text, strlen (text), &changes[c], &error);
        g_autofree char *again = NULL;
        g_autoptr(CtFrontMatter) before = parse (text);
        g_autoptr(CtFrontMatter) after = NULL;
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
        gsize body, new_body;
        guint line;
        gboolean had = ct_front_matter_split (text, strlen (text), &body, &line);

        g_test_message ("text %u, change %u", t, c);
        g_assert_no_error (error);
        after = parse (out);

        if (!had)
          body = 0;
        if (ct_front_matter_split (out, strlen (out), &new_body, &line) || had)
          g_assert_cmpstr (out + new_body, ==, text + body);

        g_assert_cmpint (after->draft, ==, changes[c].field == CT_FRONT_MATTER_DRAFT
                                           ? (changes[c].remove ? FALSE : changes[c].flag) : before->draft);
        if (changes[c].field != CT_FRONT_MATTER_TITLE)
          g_assert_cmpstr (after->title, ==, before->title);
        else
          g_assert_cmpstr (after->title, ==, changes[c].remove ? NULL : changes[c].text);
        if (changes[c].field != CT_FRONT_MATTER_TAGS)
          g_assert_true (g_strv_equal ((const char * const *) after->tags, (const char * const *) before->tags));
        else
          g_assert_true (g_strv_equal ((const char * const *) after->tags,
                                       changes[c].remove ? no_tags : changes[c].tags));

        /* Comments outside the changed key stay (the one between the
         * tags' items goes with them when they change). */
        for (guint i = 0; lines[i] != NULL; i++)
          if (g_str_has_prefix (g_strchug (lines[i]), "#")
              && !(changes[c].field == CT_FRONT_MATTER_TAGS && strstr (lines[i], "between") != NULL))
            g_assert_nonnull (strstr (out, lines[i]));

        again = ct_front_matter_set (out, strlen (out), &changes[c], &error);
        g_assert_no_error (error);
        g_assert_cmpstr (again, ==, out);
      }
}

static void
test_tags_from_text (void)
{
  g_auto(GStrv) tags = ct_front_matter_tags_from_text (" noir, ,revenge ,");
  g_auto(GStrv) none = ct_front_matter_tags_from_text ("");
  const char * const expected[] = { "noir", "revenge", NULL };

  g_assert_true (g_strv_equal ((const char * const *) tags, expected));
  g_assert_null (none[0]);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/front-matter/set/title-replaced", test_title_replaced);
  g_test_add_func ("/front-matter/set/comment-after-value", test_comment_after_value_kept);
  g_test_add_func ("/front-matter/set/hostile-titles", test_hostile_titles);
  g_test_add_func ("/front-matter/set/created-at-top", test_created_at_top);
  g_test_add_func ("/front-matter/set/added-at-end", test_added_at_end);
  g_test_add_func ("/front-matter/set/remove", test_remove);
  g_test_add_func ("/front-matter/set/tags-keep-style", test_tags_keep_style);
  g_test_add_func ("/front-matter/set/flags", test_flags);
  g_test_add_func ("/front-matter/set/crlf", test_crlf_kept);
  g_test_add_func ("/front-matter/set/refused", test_refused);
  g_test_add_func ("/front-matter/set/all-changes", test_all_changes);
  g_test_add_func ("/front-matter/tags-from-text", test_tags_from_text);

  return g_test_run ();
}
