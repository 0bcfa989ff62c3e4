/* Tests of what the caret is in (ct_reference_context_at, for the
 * editor's completion) and of writing links (ct_reference_format_link).
 * In the cases '@' marks the caret: no case needs it as text. */
#include "config.h"

#include <string.h>

#include "ct-error.h"
#include "ct-scanner.h"

/* One context as a short string: "link-title Roo", "key fact:X ", … */
static char *
describe_at (const char *marked)
{
  const char *at = strchr (marked, '@');
  g_autoptr(GString) text = g_string_new (marked);
  g_autoptr(CtReferenceContext) context = NULL;
  static const char * const kinds[] = {
    "none", "link-title", "link-label", "template-name", "template-target", "template-key",
  };
  GString *out = g_string_new (NULL);
  gsize caret;

  g_assert_nonnull (at);
  caret = at - marked;
  g_string_erase (text, caret, 1);
  context = ct_reference_context_at (text->str, text->len, caret);

  g_assert_cmpuint (context->prefix_end, ==, caret);
  g_assert_cmpuint (context->prefix_start, <=, context->prefix_end);
  g_string_append (out, kinds[context->kind]);
  if (context->kind == CT_REFERENCE_CONTEXT_NONE)
    return g_string_free (out, FALSE);
  g_assert_cmpuint (context->start, <, context->prefix_start);
  g_assert_true (text->str[context->start] == '[' || text->str[context->start] == '{');
  if (context->name != NULL)
    g_string_append_printf (out, " %s:", context->name);
  if (context->target != NULL)
    g_string_append_printf (out, "%s|", context->target);
  g_string_append_printf (out, " %.*s", (int) (context->prefix_end - context->prefix_start),
                          text->str + context->prefix_start);
  return g_string_free (out, FALSE);
}

static const struct {
  const char *marked;  /* '@' is the caret */
  const char *expected;
} cases[] = {
  { "Meet [[Roo@", "link-title Roo" },
  { "Meet [[ roo@", "link-title roo" },
  { "[[@", "link-title " },
  { "[[Roo@]] and more", "link-title Roo" },
  { "[[Rooney|the bal@", "link-label the bal" },
  { "[[Rooney| the bal@]]", "link-label the bal" },
  { "{{@", "template-name " },
  { "{{ca@", "template-name ca" },
  { "{{cast: Jo@", "template-target cast: Jo" },
  { "{{Cast:Jo@}}", "template-target cast: Jo" },
  { "{{fact: Ballerina | rel@", "template-key fact:Ballerina| rel" },
  { "{{fact: X | @", "template-key fact:X| " },
  { "{{fact: John Wick: Chapter 4 | run@", "template-key fact:John Wick: Chapter 4| run" },
  /* a title with a lone ']' is still being typed */
  { "[[Foo ] bar@", "link-title Foo ] bar" },
  /* the innermost opener wins, as in the scanner */
  { "[[a [[b@", "link-title b" },
  { "text {{fact: X | y}} and [[Ro@", "link-title Ro" },

  /* nothing open */
  { "plain text@", "none" },
  { "@", "none" },
  { "[[Rooney]] Roo@", "none" },
  { "[[Rooney]]@", "none" },
  { "[[Rooney]@]", "none" },
  { "[@[Roo", "none" },
  { "{{cast: Ballerina}} Bal@", "none" },
  { "[[a [[b]] c@", "none" },
  /* escaped, in code, in HTML, in a link destination */
  { "\\[[Roo@", "none" },
  { "\\{{ca@", "none" },
  { "`[[Roo@`", "none" },
  { "`` a `[[Roo@` b ``", "none" },
  { "<span title=\"[[Roo@\">x</span>", "none" },
  { "[text](http://example.org/[[Roo@)", "none" },
  { "```\n[[Roo@\n```\n", "none" },
  { "~~~\n{{ca@\n~~~\n", "none" },
  { "    [[Roo@\n", "none" },
  { "---\ntitle: \"[[Roo@\"\n---\nbody\n", "none" },
  /* references do not span lines */
  { "[[Roo\nney@", "none" },
  /* later blocks and lines are found */
  { "# Heading\n\nSome text\nand [[Roo@ here\n", "link-title Roo" },
  { "> quoted [[Roo@\n", "link-title Roo" },
  { "- item {{cast: Ba@\n", "template-target cast: Ba" },
  { "```\ncode\n```\n\n[[Roo@\n", "link-title Roo" },
  { "`code` [[Roo@", "link-title Roo" },
};

static void
test_context (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *got = describe_at (cases[i].marked);

  g_assert_cmpstr (got, ==, cases[i].expected);
}

/* Each title is written as a link that scans back to it. */
static void
test_format_round_trip (void)
{
  static const char * const titles[] = {
    "Rooney", "John Wick: Chapter 4", "  spaced out  ", "[bracketed]", "[", "]", "a]", "[a",
    "a ] b", "a [ b", "{braced}", "a}}b", "a { b", "`code`", "<b>bold</b>", "back\\slash",
    "*emphasis*", "# not a heading", "Café ü", "a}", "- listed", "    indented",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *link = ct_reference_format_link (titles[i], &error);
      g_autofree char *name = g_strstrip (g_strdup (titles[i]));
      g_autoptr(GPtrArray) refs = NULL;
      CtReference *ref;

      g_assert_no_error (error);
      g_assert_nonnull (link);
      refs = ct_scan_references (link, strlen (link));
      g_assert_cmpuint (refs->len, ==, 1);
      ref = g_ptr_array_index (refs, 0);
      g_assert_true (ref->closed);
      g_assert_cmpuint (ref->type, ==, CT_REF_LINK);
      g_assert_cmpuint (ref->start, ==, 0);
      g_assert_cmpuint (ref->end, ==, strlen (link));
      g_assert_cmpstr (ref->target, ==, name);
      g_assert_null (ref->label);
    }
}

static void
test_format_plain (void)
{
  g_autofree char *plain = ct_reference_format_link ("Rooney", NULL);
  g_autofree char *padded = ct_reference_format_link ("[bracketed]", NULL);

  g_assert_cmpstr (plain, ==, "[[Rooney]]");
  g_assert_cmpstr (padded, ==, "[[ [bracketed] ]]");
}

/* What no link can say is refused with a sentence, never written as a
 * link to another name. */
static void
test_format_refused (void)
{
  static const char * const titles[] = {
    "a|b", "a]]b", "a[[b", "a{{b", "line\nbreak", "carriage\rreturn", "", "   ", "\xff\xfe",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *link = ct_reference_format_link (titles[i], &error);

      g_assert_null (link);
      g_assert_nonnull (error);
      g_assert_true (error->domain == CT_ERROR);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_format_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cast = ct_reference_format_template ("cast", "  Ballerina ", NULL, &error);
  g_autofree char *fact = NULL;
  g_autofree char *bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cast, ==, "{{cast: Ballerina}}");
  fact = ct_reference_format_template ("fact", "Ballerina", "release_date", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fact, ==, "{{fact: Ballerina | release_date}}");

  bad = ct_reference_format_template ("infobox", "A | B", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_clear_error (&error);
  bad = ct_reference_format_template ("infobox", "Ends}}", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_clear_error (&error);
  bad = ct_reference_format_template ("fact", "Ballerina", "two\nlines", &error);
  g_assert_null (bad);
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
}

static void
test_is_block (void)
{
  g_assert_true (ct_reference_is_block ("{{cast: Ballerina}}"));
  g_assert_true (ct_reference_is_block ("{{infobox: Rooney}}"));
  g_assert_true (ct_reference_is_block ("{{scenes: Ballerina}}"));
  g_assert_false (ct_reference_is_block ("{{fact: Ballerina | director}}"));
  g_assert_false (ct_reference_is_block ("[[Rooney]]"));
  g_assert_false (ct_reference_is_block ("{{cast: Ballerina"));
  g_assert_false (ct_reference_is_block ("{{cast: A}} {{cast: B}}"));
}

/* The reference under a byte: each case is a text, the byte asked about,
 * and the target and range expected (NULL for none). */
static void
test_reference_at (void)
{
  static const struct {
    const char *text;
    gsize       offset;
    const char *target;
    gsize       start, end;
  } at_cases[] = {
    { "Meet [[Rooney]].", 5, "Rooney", 5, 15 },        /* on the opener */
    { "Meet [[Rooney]].", 9, "Rooney", 5, 15 },        /* on the name */
    { "Meet [[Rooney]].", 14, "Rooney", 5, 15 },       /* the last ']' */
    { "Meet [[Rooney]].", 15, NULL, 0, 0 },            /* just after */
    { "Meet [[Rooney]].", 2, NULL, 0, 0 },
    { "[[ Rooney | the ballerina ]]", 15, "Rooney", 0, 28 },  /* on the label */
    { "{{infobox: Rooney}}", 12, "Rooney", 0, 19 },
    { "{{fact: Ballerina | director}}", 22, "Ballerina", 0, 30 },
    { "{{timeline}}", 4, NULL, 0, 0 },                 /* no target */
    { "[[Rooney", 4, NULL, 0, 0 },                     /* unclosed */
    { "`[[Rooney]]`", 4, NULL, 0, 0 },                 /* code */
    { "\\[[Rooney]]", 4, NULL, 0, 0 },                 /* escaped */
    { "---\ntitle: \"[[Rooney]]\"\n---\n", 14, NULL, 0, 0 },  /* front matter */
    { "[[Ruska Roma]] and [[Rooney]]", 22, "Rooney", 19, 29 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (at_cases); i++)
    {
      gsize start = 0, end = 0;
      g_autofree char *target = ct_reference_at (at_cases[i].text, strlen (at_cases[i].text),
                                                 at_cases[i].offset, &start, &end);

      g_test_message ("case %u: %s @ %" G_GSIZE_FORMAT, i, at_cases[i].text, at_cases[i].offset);
      g_assert_cmpstr (target, ==, at_cases[i].target);
      if (target != NULL)
        {
          g_assert_cmpuint (start, ==, at_cases[i].start);
          g_assert_cmpuint (end, ==, at_cases[i].end);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reference-context/%u", i);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_context);
    }
  g_test_add_func ("/reference-format/round-trip", test_format_round_trip);
  g_test_add_func ("/reference-format/plain", test_format_plain);
  g_test_add_func ("/reference-format/refused", test_format_refused);
  g_test_add_func ("/reference-format/template", test_format_template);
  g_test_add_func ("/reference-format/is-block", test_is_block);
  g_test_add_func ("/reference-at/cases", test_reference_at);
  return g_test_run ();
}
