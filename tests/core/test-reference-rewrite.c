/* Renaming an entity inside Markdown: only the names of references to it
 * change, as the shared scanner finds them. */
#include "config.h"

#include <string.h>

#include "ct-error.h"
#include "ct-reference-rewrite.h"

static char *
rename_in (const char *text,
           const char *old_name,
           const char *new_title,
           guint      *n)
{
  g_autoptr(GError) error = NULL;
  char *out = ct_reference_rename (text, strlen (text), old_name, new_title, n, &error);

  g_assert_no_error (error);
  return out;
}

typedef struct {
  const char *in;
  const char *out;   /* NULL: unchanged */
  guint       n;
} Case;

static const Case cases[] = {
  /* label kept */
  { "See [[Rooney|the ballerina]].", "See [[Eve|the ballerina]].", 1 },
  /* case and blanks ignored, the blanks kept */
  { "[[ rOONEY ]] and [[ROONEY]]", "[[ Eve ]] and [[Eve]]", 2 },
  /* several on one line, other names untouched */
  { "[[Rooney]], [[Winston]], [[Rooney|R]], [[Rooney Jr]]", "[[Eve]], [[Winston]], [[Eve|R]], [[Rooney Jr]]", 2 },
  /* template targets, the key kept */
  { "{{fact: Rooney | first_appearance}}\n\n{{infobox:rooney}}\n", "{{fact: Eve | first_appearance}}\n\n{{infobox:Eve}}\n", 2 },
  /* code spans and code blocks untouched */
  { "`[[Rooney]]` and [[Rooney]]\n\n```\n[[Rooney]]\n```\n\n    [[Rooney]]\n", "`[[Rooney]]` and [[Eve]]\n\n```\n[[Rooney]]\n```\n\n    [[Rooney]]\n", 1 },
  /* front matter untouched */
  { "---\ntitle: \"[[Rooney]]\"\n---\n[[Rooney]]\n", "---\ntitle: \"[[Rooney]]\"\n---\n[[Eve]]\n", 1 },
  /* escaped, unclosed: not references */
  { "\\[[Rooney]] and [[Rooney", NULL, 0 },
  /* nothing to do */
  { "No references at all.", NULL, 0 },
  { "[[Winston]]", NULL, 0 },
  { "", NULL, 0 },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n = 99;
      g_autofree char *out = rename_in (cases[i].in, "Rooney", "Eve", &n);

      g_test_message ("case %u: %s", i, cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpuint (n, ==, cases[i].n);
    }
}

/* The new title is trimmed; an old name given with other case or blanks
 * matches the same; a rename to the same spelling changes nothing. */
static void
test_names (void)
{
  guint n = 0;
  g_autofree char *trimmed = rename_in ("[[Rooney]]", "  rooney ", "  Eve Macarro ", &n);
  g_autofree char *same = rename_in ("[[Rooney]]", "rooney", "Rooney", &n);
  g_autofree char *recased = rename_in ("[[rooney]]", "Rooney", "Rooney", NULL);
  g_autofree char *accents = rename_in ("[[JOSÉ]]", "josé", "Jose", &n);

  g_assert_cmpstr (trimmed, ==, "[[Eve Macarro]]");
  g_assert_null (same);
  g_assert_cmpstr (recased, ==, "[[Rooney]]");
  g_assert_cmpstr (accents, ==, "[[Jose]]");
  g_assert_cmpuint (n, ==, 1);
}

/* A title the syntax cannot hold is refused with a sentence. */
static void
test_refused (void)
{
  static const char * const bad[] = { "A | B", "A ]] B", "A }} B", "A\nB", "   " };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint n = 99;
      char *out = ct_reference_rename ("[[Rooney]]", 10, "Rooney", bad[i], &n, &error);

      g_assert_null (out);
      g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
      g_assert_cmpuint (n, ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/references/rename/cases", test_cases);
  g_test_add_func ("/references/rename/names", test_names);
  g_test_add_func ("/references/rename/refused", test_refused);

  return g_test_run ();
}
