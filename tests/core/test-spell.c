#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-spell.h"
#include "ct-test-wiki.h"

/* Spelling against Debian's installed en_US hunspell dictionary, with
 * ENCHANT_CONFIG_DIR pointed at a new empty folder so the user's own
 * dictionary cannot change the answers. */

static char *config_dir;

static CtSpellChecker *
new_checker (void)
{
  g_autoptr(GError) error = NULL;
  CtSpellChecker *checker = ct_spell_checker_new ("en_US", &error);

  g_assert_no_error (error);
  g_assert_nonnull (checker);
  return checker;
}

/* The misspelt words of @text, joined with " ". */
static char *
misspelt (CtSpellChecker *checker,
          const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ct_spell_checker_check (checker, text, strlen (text), 0, &error);
  g_autoptr(GString) words = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      CtMisspelling *m = g_ptr_array_index (found, i);

      /* the ranges are the word's own bytes */
      g_assert_cmpmem (text + m->start, m->end - m->start, m->word, strlen (m->word));
      g_string_append_printf (words, "%s%s", words->len ? " " : "", m->word);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
test_finds_misspellings (void)
{
  g_autoptr(CtSpellChecker) checker = new_checker ();
  const char *text = "# A revew\n\nThe choreografy is\nsuperb, and the ending *astonishes*.\n";
  g_autoptr(GPtrArray) found = ct_spell_checker_check (checker, text, strlen (text), 5, NULL);
  CtMisspelling *m;

  g_assert_cmpuint (found->len, ==, 2);
  m = g_ptr_array_index (found, 0);
  g_assert_cmpstr (m->word, ==, "revew");
  g_assert_cmpuint (m->line, ==, 1);
  g_assert_cmpuint (m->column, ==, 5);
  g_assert_true (g_strv_contains ((const char * const *) m->suggestions, "review"));
  g_assert_cmpuint (g_strv_length (m->suggestions), <=, 5);

  m = g_ptr_array_index (found, 1);
  g_assert_cmpstr (m->word, ==, "choreografy");
  g_assert_cmpuint (m->line, ==, 3);
  g_assert_cmpuint (m->column, ==, 5);
  g_assert_cmpuint (m->start, ==, strstr (text, "choreografy") - text);
  g_assert_true (g_strv_contains ((const char * const *) m->suggestions, "choreography"));
}

static void
test_skips_code_and_references (void)
{
  g_autoptr(CtSpellChecker) checker = new_checker ();
  static const struct { const char *text; const char *expected; } cases[] = {
    { "Plain wrongg text.", "wrongg" },
    { "Calls `frobnicate()` here.", "" },
    { "```\nfrobnicate qwzx\n```\n\nFine.", "" },
    { "    indented qwzx code\n", "" },
    { "See [[Qwzx Frob]] and {{cast: Qwzx Frob}}.", "" },
    { "A [[Qwzx|labl]] link.", "" },
    { "Visit https://qwzx.example/frob or www.qwzx.com today.", "" },
    { "Mail qwzx@frob.example now.", "" },
    { "An <https://qwzx.example> link and <span class=\"qwzx\">textt</span>.", "textt" },
    { "<div class=\"qwzx\">\nblockk qwzx\n</div>\n", "" },
    { "[linkk](https://qwzx.example/frob)", "linkk" },
    { "---\ntitle: Qwzx\ntagz: [frob]\n---\nBodyy here.", "Bodyy" },
    { "In 4K, 1990s mp3 &nbsp; x", "" },
    { "A hash qwzxqwzxqwzxqwzxqwzxqwzxqwzxqwzxqwzxqwzxqwzxqwzxqwzx and wrongg", "wrongg" },
    { "It’s the director’s cut, isn't it?", "" },
    { "Ünïcode wörds: “quoted” — dashes…", "Ünïcode wörds" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = misspelt (checker, cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (words, ==, cases[i].expected);
    }
}

static void
test_wiki_words (void)
{
  g_autoptr(CtSpellChecker) checker = new_checker ();
  g_autoptr(GError) error = NULL;
  CtTestWiki wiki;
  const char *text = "Stahelski directs; Macarro is Rooney. Jovonovich at Hallstatt, "
                     "Stahelski’s Parabellum, and stahelski in lower case. Laustsen shot it.";
  g_autofree char *before = misspelt (checker, text);
  g_autofree char *after = NULL;

  /* without the wiki these are unknown to the dictionary */
  g_assert_nonnull (strstr (before, "Stahelski"));
  g_assert_nonnull (strstr (before, "Macarro"));

  ct_test_wiki_init (&wiki, "john-wick.json");
  g_assert_true (ct_spell_checker_load_wiki (checker, wiki.wiki, &error));
  g_assert_no_error (error);
  after = misspelt (checker, text);
  /* every word of every title and alias, any case, with a possessive */
  g_assert_cmpstr (after, ==, "Laustsen");

  {
    const char *names[] = { "Lars Laustsen", NULL };
    ct_spell_checker_set_wiki_names (checker, names);
    g_clear_pointer (&after, g_free);
    after = misspelt (checker, "Laustsen and Stahelski");
    /* the new names replace the old */
    g_assert_cmpstr (after, ==, "Stahelski");
  }
  ct_test_wiki_clear (&wiki);
}

static void
test_dictionary_and_ignore (void)
{
  g_autoptr(CtSpellChecker) checker = new_checker ();
  g_autofree char *pwl = g_build_filename (config_dir, "en_US.dic", NULL);
  g_autofree char *contents = NULL;

  g_assert_false (ct_spell_checker_check_word (checker, "qwzxfrob", -1));
  ct_spell_checker_ignore (checker, "qwzxfrob");
  g_assert_true (ct_spell_checker_check_word (checker, "qwzxfrob", -1));
  g_assert_true (ct_spell_checker_check_word (checker, "Qwzxfrob", -1));

  /* ignoring lasts only for this checker */
  {
    g_autoptr(CtSpellChecker) other = new_checker ();
    g_assert_false (ct_spell_checker_check_word (other, "qwzxfrob", -1));
  }

  g_assert_false (ct_spell_checker_check_word (checker, "Blorptastic", -1));
  ct_spell_checker_add_to_dictionary (checker, "Blorptastic");
  g_assert_true (ct_spell_checker_check_word (checker, "Blorptastic", -1));
  /* kept in enchant's personal word list, under ENCHANT_CONFIG_DIR */
  g_assert_true (g_file_get_contents (pwl, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Blorptastic"));
  {
    g_autoptr(CtSpellChecker) other = new_checker ();
    g_assert_true (ct_spell_checker_check_word (other, "Blorptastic", -1));
  }
}

static void
test_window (void)
{
  g_autoptr(CtSpellChecker) checker = new_checker ();
  const char *text = "good wrongone good\n\nmore wrongtwo here wrongthree";
  g_autoptr(GArray) prose = ct_spell_prose_ranges (text, strlen (text));
  gsize two = strstr (text, "wrongtwo") - text;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  /* only words wholly inside the window: its edge cuts "wrongthree" */
  found = ct_spell_checker_check_ranges (checker, text, strlen (text), prose,
                                         two - 2, strlen (text) - 3, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((CtMisspelling *) g_ptr_array_index (found, 0))->word, ==, "wrongtwo");
  g_assert_cmpuint (((CtMisspelling *) g_ptr_array_index (found, 0))->line, ==, 3);
}

static void
test_hostile_input (void)
{
  g_autoptr(CtSpellChecker) checker = new_checker ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ct_spell_checker_check (checker, "bad \xff bytes", 11, 0, &error);

  g_assert_null (found);
  g_assert_error (error, CT_ERROR, CT_ERROR_ENCODING);
  g_assert_true (ct_spell_checker_check_word (checker, "\xff\xfe", 2));
  {
    g_autofree char *words = misspelt (checker, "<script>alert('x')</script> ../../etc [[../../etc]]");
    g_assert_cmpstr (words, ==, "");
  }
}

static void
test_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtSpellChecker) missing = NULL;
  g_autofree char *lang = NULL;
  g_auto(GStrv) languages = ct_spell_list_languages ();

  g_assert_true (g_strv_contains ((const char * const *) languages, "en_US"));

  g_assert_cmpstr ((lang = ct_spell_normalize_language ("en-gb")), ==, "en_GB");
  g_clear_pointer (&lang, g_free);
  g_assert_cmpstr ((lang = ct_spell_normalize_language ("de_AT.UTF-8@euro")), ==, "de_AT");
  g_clear_pointer (&lang, g_free);

  /* front matter first, then the document's choice, then the locale */
  lang = ct_spell_language_for_post ("---\nlang: en-GB\n---\nColour", 26, "fr_FR");
  g_assert_cmpstr (lang, ==, "en_GB");
  g_clear_pointer (&lang, g_free);
  lang = ct_spell_language_for_post ("No front matter", 15, "fr-FR");
  g_assert_cmpstr (lang, ==, "fr_FR");
  g_clear_pointer (&lang, g_free);
  lang = ct_spell_language_for_post ("No front matter", 15, NULL);
  g_assert_cmpstr (lang, ==, "en_US");  /* the tests run in C.UTF-8 */
  g_clear_pointer (&lang, g_free);

  missing = ct_spell_checker_new ("xx_QQ", &error);
  g_assert_null (missing);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "xx_QQ"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  config_dir = g_dir_make_tmp ("ct-spell-XXXXXX", NULL);
  g_assert_nonnull (config_dir);
  g_setenv ("ENCHANT_CONFIG_DIR", config_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spell/misspellings", test_finds_misspellings);
  g_test_add_func ("/spell/skips-code-and-references", test_skips_code_and_references);
  g_test_add_func ("/spell/wiki-words", test_wiki_words);
  g_test_add_func ("/spell/dictionary-and-ignore", test_dictionary_and_ignore);
  g_test_add_func ("/spell/window", test_window);
  g_test_add_func ("/spell/hostile-input", test_hostile_input);
  g_test_add_func ("/spell/language", test_language);
  status = g_test_run ();

  ct_test_rmtree (config_dir);
  g_free (config_dir);
  return status;
}
