/* Tests of the reference scanner: a table of Markdown inputs and the
 * references it must find, with offsets, lines and columns. */
#include "config.h"

#include <string.h>

#include "ct-scanner.h"

/* One reference as a short string:
 *   L 0-10 1:1 Rooney|label        a link
 *   T 0-27 1:1 fact:Ballerina|key  a template (name:target|key)
 *   L! 4-6 1:5                      unclosed (with a template's name so far)
 */
static void
describe (GString           *out,
          const CtReference *ref)
{
  if (out->len > 0)
    g_string_append (out, "; ");
  g_string_append_printf (out, "%c%s %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT " %u:%u",
                          ref->type == CT_REF_LINK ? 'L' : 'T', ref->closed ? "" : "!",
                          ref->start, ref->end, ref->line, ref->column);
  if (ref->type == CT_REF_LINK)
    {
      g_assert_null (ref->name);
      g_assert_null (ref->key);
      if (ref->target)
        g_string_append_printf (out, " %s", ref->target);
      if (ref->label)
        g_string_append_printf (out, "|%s", ref->label);
    }
  else
    {
      g_assert_null (ref->label);
      g_string_append_printf (out, " %s", ref->name);
      if (ref->target)
        g_string_append_printf (out, ":%s", ref->target);
      if (ref->key)
        g_string_append_printf (out, "|%s", ref->key);
    }
}

static char *
scan (const char *text)
{
  g_autoptr(GPtrArray) refs = ct_scan_references (text, strlen (text));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < refs->len; i++)
    {
      CtReference *ref = g_ptr_array_index (refs, i);

      describe (out, ref);
      g_assert_cmpuint (ref->end, <=, strlen (text));
      g_assert_cmpuint (ref->start, <, ref->end);
    }
  return g_string_free (out, FALSE);
}

static const struct {
  const char *name;
  const char *text;
  const char *expected;
} cases[] = {
  { "none", "Plain [text] and {braces}.\n", "" },
  { "link", "[[Rooney]]\n", "L 0-10 1:1 Rooney" },
  { "link-label", "See [[Rooney|the ballerina]].\n", "L 4-28 1:5 Rooney|the ballerina" },
  { "blanks", "[[  John Wick  |  him  ]]", "L 0-25 1:1 John Wick|him" },
  { "case-kept", "[[rOOney]]", "L 0-10 1:1 rOOney" },
  { "empty-label", "[[Rooney|]]", "L 0-11 1:1 Rooney" },
  { "empty", "[[]] {{}}", "L 0-4 1:1 ; T 5-9 1:6 " },
  { "fact", "{{fact: Ballerina | director}}", "T 0-30 1:1 fact:Ballerina|director" },
  { "template-case", "{{ CAST :Ballerina}}", "T 0-20 1:1 cast:Ballerina" },
  { "timeline", "{{timeline}} {{timeline: Ballerina}}", "T 0-12 1:1 timeline; T 13-36 1:14 timeline:Ballerina" },
  { "colon-in-target", "{{fact: John Wick: Chapter 4 | runtime_min}}", "T 0-44 1:1 fact:John Wick: Chapter 4|runtime_min" },
  { "two-lines", "a [[A]]\nb {{cast: B}}\n", "L 2-7 1:3 A; T 10-21 2:3 cast:B" },
  { "column-in-characters", "é 映画 [[A]]", "L 10-15 1:6 A" },
  { "unclosed", "[[Rooney and more\n", "L! 0-2 1:1" },
  { "unclosed-template", "{{fact: x\n", "T! 0-2 1:1 fact" },
  { "no-line-span", "[[John\nWick]]\n", "L! 0-2 1:1" },
  { "nested", "[[a [[b]]]]", "L! 0-2 1:1; L 4-9 1:5 b" },
  { "nested-template", "{{fact: [[b]] | x}}", "T! 0-2 1:1 fact; L 8-13 1:9 b" },
  { "bracket-run", "[[[a]]]", "L 1-6 1:2 a" },
  { "brace-run", "{{{timeline}}}", "T 1-13 1:2 timeline" },
  { "escaped", "\\[[a]] \\{{b}} \\\\[[c]]", "L 16-21 1:17 c" },
  { "code-span", "`[[a]]` ``x ` [[b]]`` [[c]]", "L 22-27 1:23 c" },
  { "code-span-unclosed", "``[[a]]`", "L 2-7 1:3 a" },
  { "code-span-multiline", "`a\n[[b]]` [[c]]", "L 10-15 2:8 c" },
  { "fenced-backticks", "```\n[[a]]\n```\n[[b]]\n", "L 14-19 4:1 b" },
  { "fenced-tildes", "~~~~ md\n[[a]]\n~~~\n~~~~\n{{b}}\n", "T 23-28 5:1 b" },
  { "fence-unclosed", "```\n[[a]]\n", "" },
  { "fence-in-list", "- item\n\n  ```\n  [[a]]\n  ```\n- [[b]]\n", "L 30-35 6:3 b" },
  { "indented-code", "Para\n\n    [[a]]\n\n[[b]]", "L 17-22 5:1 b" },
  { "lazy-not-code", "Para\n    [[a]]\n", "L 9-14 2:5 a" },
  { "blockquote", "> quote [[a]]\n", "L 8-13 1:9 a" },
  { "heading", "# About [[A]]\n", "L 8-13 1:9 A" },
  { "setext-heading", "T [[a]]\nx\n---\n[[b]]\n\n    [[c]]\n", "L 2-7 1:3 a; L 14-19 4:1 b" },
  { "setext-then-code", "Title\n=====\n    [[c]]\n", "" },
  { "autolink", "<http://x.org/[[a]]> <me@x.org> [[b]]", "L 32-37 1:33 b" },
  { "html-tag", "<span title=\"[[a]]\">[[b]]</span>", "L 20-25 1:21 b" },
  { "html-comment", "x <!-- [[a]]\n[[b]] --> [[c]]", "L 23-28 2:11 c" },
  { "html-comment-block", "<!-- [[a]]\n[[b]] --> [[c]]", "" },
  { "html-block", "<div>\n[[a]]\n</div>\n\n[[b]]\n", "L 20-25 5:1 b" },
  { "not-a-tag", "a < b [[c]] 1<2", "L 6-11 1:7 c" },
  { "link-destination", "[x](http://h/[[a]]) [[b]]", "L 20-25 1:21 b" },
  { "link-text", "[see [[a]]](http://h/)", "L 5-10 1:6 a" },
  { "front-matter", "---\ntitle: \"[[a]]\"\n---\n[[b]]\n", "L 23-28 4:1 b" },
  { "thematic-break-not-front-matter", "---\n[[a]]\n", "L 4-9 2:1 a" },
  { "crlf", "x\r\n[[a]]\r\n", "L 3-8 2:1 a" },
  /* cmark ends a line at a lone CR too; lines are still counted by LF */
  { "lone-cr", "# T\r[[a]]\r\r```\r[[b]]\r```\r[[c]]", "L 4-9 1:5 a; L 25-30 1:26 c" },
  { "ref-def", "[x]: /u\n\n[[a]]", "L 9-14 3:1 a" },
};

static void
test_case (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *got = scan (cases[i].text);

  g_assert_cmpstr (got, ==, cases[i].expected);
}

/* The inline pass skips ordinary bytes, and counts columns, sixteen at a
 * time: the same inline cases behind every length of plain words (so
 * their brackets, backticks and backslashes fall at every place in a block
 * of sixteen) find the same references, moved by that length, their
 * columns by as many characters. */
static void
test_any_alignment (void)
{
  static const char * const inline_cases[] = {
    "link", "link-label", "escaped", "code-span", "code-span-unclosed", "autolink",
    "not-a-tag", "link-destination", "link-text", "nested", "bracket-run", "brace-run",
  };

  for (guint c = 0; c < G_N_ELEMENTS (inline_cases); c++)
    {
      const char *text = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        if (g_str_equal (cases[i].name, inline_cases[c]))
          text = cases[i].text;
      g_assert_nonnull (text);

      /* padded with ASCII, and with é (two bytes, one character: the
       * column counts characters) */
      for (guint wide = 0; wide < 2; wide++)
        for (gsize pad = 0; pad < 40; pad++)
          {
            GString *padding = g_string_new (NULL);
            g_autofree char *padded = NULL;
            gsize shift, columns = pad > 0 ? pad + 1 : 0;
            g_autoptr(GPtrArray) plain = ct_scan_references (text, strlen (text));
            g_autoptr(GPtrArray) moved = NULL;

            for (gsize i = 0; i < pad; i++)
              g_string_append (padding, wide ? "\xc3\xa9" : "w");
            shift = pad > 0 ? padding->len + 1 : 0;
            padded = g_strconcat (padding->str, pad > 0 ? " " : "", text, NULL);
            g_string_free (padding, TRUE);
            moved = ct_scan_references (padded, strlen (padded));

            g_assert_cmpuint (moved->len, ==, plain->len);
            for (guint r = 0; r < plain->len; r++)
              {
                const CtReference *a = g_ptr_array_index (plain, r);
                const CtReference *b = g_ptr_array_index (moved, r);

                g_assert_cmpuint (b->start, ==, a->start + shift);
                g_assert_cmpuint (b->end, ==, a->end + shift);
                g_assert_cmpint (b->closed, ==, a->closed);
                g_assert_cmpuint (b->line, ==, a->line);
                g_assert_cmpuint (b->column, ==, a->column + (b->line == 1 ? columns : 0));
              }
          }
    }
}

/* A length shorter than the string: nothing past it is read. */
static void
test_length_bound (void)
{
  const char *text = "[[a]] [[b]]";
  g_autoptr(GPtrArray) refs = ct_scan_references (text, 8);

  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_true (((CtReference *) refs->pdata[0])->closed);
  g_assert_false (((CtReference *) refs->pdata[1])->closed);
}

static void
test_invalid_utf8 (void)
{
  const char *text = "[[a\xff]] {{f\xc3: x}}";
  g_autoptr(GPtrArray) refs = ct_scan_references (text, strlen (text));
  CtReference *link = g_ptr_array_index (refs, 0);
  CtReference *tmpl = g_ptr_array_index (refs, 1);

  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_true (g_utf8_validate (link->target, -1, NULL));
  g_assert_true (g_utf8_validate (tmpl->name, -1, NULL));
}

static void
test_copy (void)
{
  g_autoptr(GPtrArray) refs = ct_scan_references ("{{fact: A | k}}", 15);
  g_autoptr(CtReference) copy = ct_reference_copy (g_ptr_array_index (refs, 0));

  g_ptr_array_set_size (refs, 0);
  g_assert_cmpstr (copy->name, ==, "fact");
  g_assert_cmpstr (copy->target, ==, "A");
  g_assert_cmpstr (copy->key, ==, "k");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scanner/table/%s", cases[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_case);
    }
  g_test_add_func ("/scanner/length-bound", test_length_bound);
  g_test_add_func ("/scanner/any-alignment", test_any_alignment);
  g_test_add_func ("/scanner/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/scanner/copy", test_copy);

  return g_test_run ();
}
