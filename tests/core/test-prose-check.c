/* Tests of the prose checks (ct-prose-check.h) against a real wiki built
 * from tests/fixtures/wiki/prose.json: each fact rule with what it must
 * and must not say, rumored and disputed values, code and links that are
 * not prose, hostile text; and unlinked mentions with their case rules. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ct-diagnostic.h"
#include "ct-mentions.h"
#include "ct-prose-check.h"
#include "ct-render.h"
#include "ct-test-wiki.h"

static CtTestWiki fixture;

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  const CtDiagnostic *da = *(CtDiagnostic * const *) a;
  const CtDiagnostic *db = *(CtDiagnostic * const *) b;

  return da->start < db->start ? -1 : da->start > db->start;
}

/* What the checks say about @text, one line per diagnostic: "L:C
 * severity: message {written} [fix label => replacement] …". */
static char *
check_flags (const char        *text,
             CtProseCheckFlags  flags)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_diagnostic_free);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (ct_prose_check (fixture.wiki, text, strlen (text), flags, diagnostics, &error));
  g_assert_no_error (error);
  g_ptr_array_sort (diagnostics, compare_start);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const CtDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_string_append_printf (out, "%u:%u %s: %s {%.*s}", d->line, d->column, ct_severity_to_string (d->severity),
                              d->message, (int) (d->end - d->start), text + d->start);
      for (guint f = 0; d->fixes != NULL && f < d->fixes->len; f++)
        {
          const CtQuickFix *fix = g_ptr_array_index (d->fixes, f);
          g_string_append_printf (out, " [%s => %s]", fix->label, fix->replacement);
          g_assert_cmpuint (fix->start, >=, d->start);
          g_assert_cmpuint (fix->end, <=, d->end);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
facts (const char *text)
{
  return check_flags (text, CT_PROSE_CHECK_FACTS);
}

static char *
mentions (const char *text)
{
  return check_flags (text, CT_PROSE_CHECK_MENTIONS);
}

#define assert_facts(text, expected) G_STMT_START { \
    g_autofree char *got_ = facts (text);           \
    g_assert_cmpstr (got_, ==, expected);           \
  } G_STMT_END
#define assert_mentions(text, expected) G_STMT_START { \
    g_autofree char *got_ = mentions (text);           \
    g_assert_cmpstr (got_, ==, expected);              \
  } G_STMT_END

static void
test_release_wrong_month (void)
{
  assert_facts ("[[Ballerina]] opens in July 2025.\n",
                "1:24 warning: Release of “Ballerina”: the wiki says June 2025 {July 2025}"
                " [Use June 2025 => June 2025]"
                " [Insert {{fact: Ballerina | release_date}} => {{fact: Ballerina | release_date}}]\n");
}

static void
test_release_forms (void)
{
  /* the wiki's precision and the writer's: the lesser decides */
  assert_facts ("[[Ballerina]] opens in June 2025.", "");
  assert_facts ("[[Ballerina]] hits cinemas on 6 June 2025.", "");
  assert_facts ("[[Ballerina]] was released in 2025!", "");
  assert_facts ("[[Ballerina]] was released in 2024, they say.",
                "1:31 warning: Release of “Ballerina”: the wiki says June 2025 {2024}"
                " [Use 2025 => 2025] [Insert {{fact: Ballerina | release_date}} => {{fact: Ballerina | release_date}}]\n");
  /* day first, month first, and a full stored date */
  assert_facts ("[[John Wick 1]] premiered on October 23, 2014 in Los Angeles.",
                "1:30 warning: Release of “John Wick (film)”: the wiki says 24 October 2014 {October 23, 2014}"
                " [Use October 24, 2014 => October 24, 2014]"
                " [Insert {{fact: John Wick (film) | release_date}} => {{fact: John Wick (film) | release_date}}]\n");
  assert_facts ("Back then [[John Wick (film)]] came out in Oct. 2015.",
                "1:44 warning: Release of “John Wick (film)”: the wiki says 24 October 2014 {Oct. 2015}"
                " [Use October 2014 => October 2014]"
                " [Insert {{fact: John Wick (film) | release_date}} => {{fact: John Wick (film) | release_date}}]\n");
}

static void
test_release_not_fired (void)
{
  /* no release word, no film, another sentence, a film without a date,
   * a person, a date too far away, a day without a year */
  assert_facts ("[[Ballerina]] is set in July 2025.", "");
  assert_facts ("It opens in July 2025.", "");
  assert_facts ("[[Ballerina]] is great. It opens in July 2025.", "");
  assert_facts ("[[Untitled Spin-off]] opens in July 2025.", "");
  assert_facts ("[[Keanu Reeves]] opens in July 2025.", "");
  assert_facts ("[[Ballerina]] opens at the end of a long and hot summer, in July 2025.", "");
  assert_facts ("[[Ballerina]] opens on July 12.", "");
  /* the year of someone else in the film's sentence, a word of a plot */
  assert_facts ("In [[Ballerina]], [[Rooney]] debuts in 2019.", "");
  assert_facts ("[[Ballerina]] is set in an open world in 2024.", "");
  assert_facts ("[[Ballerina]] follows a dancer who lives for her art and who finally opens up in 2019.", "");
  /* unknown and broken references are the renderer's business */
  assert_facts ("[[Nobody Knows]] opens in July 2025. [[Ballerina opens in July 2025.", "");
}

static void
test_release_rumored (void)
{
  assert_facts ("[[John Wick: Chapter 5]] is out in 2026.",
                "1:36 warning: Release of “John Wick: Chapter 5”: the wiki says 2027 (the wiki marks this rumored) {2026}"
                " [Use 2027 => 2027]"
                " [Insert {{fact: John Wick: Chapter 5 | release_date}} => {{fact: John Wick: Chapter 5 | release_date}}]\n");
  assert_facts ("[[John Wick: Chapter 5]] is out in 2027.", "");
}

static void
test_release_code (void)
{
  assert_facts ("`[[Ballerina]] opens in July 2025.`", "");
  assert_facts ("[[Ballerina]] opens in `July 2025`.", "");
  assert_facts ("```\n[[Ballerina]] opens in July 2025.\n```\n", "");
  assert_facts ("    [[Ballerina]] opens in July 2025.\n", "");
  assert_facts ("---\ntitle: \"[[Ballerina]] opens in July 2025\"\n---\nText.\n", "");
  assert_facts ("<div>[[Ballerina]] opens in July 2025.</div>\n", "");
}

static void
test_release_lines (void)
{
  /* positions in a document with front matter and two paragraphs; a
   * sentence may run over a soft line break */
  assert_facts ("---\ntitle: T\n---\nFirst.\n\nSo [[Ballerina]]\n**opens** in July 2025, and é [[Ballerina]] opens in 2026.\n",
                "7:14 warning: Release of “Ballerina”: the wiki says June 2025 {July 2025}"
                " [Use June 2025 => June 2025] [Insert {{fact: Ballerina | release_date}} => {{fact: Ballerina | release_date}}]\n"
                "7:54 warning: Release of “Ballerina”: the wiki says June 2025 {2026}"
                " [Use 2025 => 2025] [Insert {{fact: Ballerina | release_date}} => {{fact: Ballerina | release_date}}]\n");
}

static void
test_crew (void)
{
  assert_facts ("[[Ballerina]] is directed by [[Len Wiseman]].", "");
  assert_facts ("[[Ballerina]], directed by Len Wiseman, is long.", "");
  assert_facts ("[[Ballerina]] was directed by Wiseman.", "");
  assert_facts ("[[Ballerina]] is directed by [[Chad Stahelski]].",
                "1:30 warning: “Ballerina” is directed by Len Wiseman, the wiki says {[[Chad Stahelski]]}"
                " [Use Len Wiseman => [[Len Wiseman]]]"
                " [Insert {{fact: Ballerina | director}} => {{fact: Ballerina | director}}]\n");
  assert_facts ("[[Ballerina]] was written by Derek Kolstad and shot by Dan Laustsen.",
                "1:30 warning: “Ballerina” is written by Shay Hatten, the wiki says {Derek Kolstad}"
                " [Use Shay Hatten => Shay Hatten]"
                " [Insert {{fact: Ballerina | writer}} => {{fact: Ballerina | writer}}]\n"
                "1:56 warning: “Ballerina” is shot by Romain Lacourbas, the wiki says (the wiki marks this disputed) {Dan Laustsen}"
                " [Use Romain Lacourbas => Romain Lacourbas]"
                " [Insert {{fact: Ballerina | cinematographer}} => {{fact: Ballerina | cinematographer}}]\n");
  /* the crew of the credits counts as much as the facts */
  assert_facts ("[[John Wick (film)]] was written by Derek Kolstad.", "");
  assert_facts ("[[John Wick (film)]] was written by [[Shay Hatten]].",
                "1:37 warning: “John Wick (film)” is written by Derek Kolstad, the wiki says {[[Shay Hatten]]}"
                " [Use Derek Kolstad => [[Derek Kolstad]]]"
                " [Insert {{fact: John Wick (film) | writer}} => {{fact: John Wick (film) | writer}}]\n");
  /* not a name, no film, a film with no director in the wiki */
  assert_facts ("[[Ballerina]] is directed by someone who loves ballet.", "");
  assert_facts ("It is directed by Chad Stahelski.", "");
  assert_facts ("[[Ballerina]] quotes [[Rooney's mentor]], a ballet directed by Chad Stahelski.", "");
  assert_facts ("[[Ballerina]], the long awaited spin off of a franchise about hitmen, is directed by Chad Stahelski.", "");
  assert_facts ("[[Untitled Spin-off]] is directed by Chad Stahelski.", "");
  assert_facts ("[[Ballerina]] is directed by `Chad Stahelski`.", "");
}

static void
test_casting (void)
{
  assert_facts ("[[Ana de Armas]] as [[Rooney]] is a joy.", "");
  assert_facts ("In [[Ballerina]], [[Keanu Reeves]] plays [[John Wick (character)|Wick]].", "");
  assert_facts ("[[Keanu Reeves]] as [[Rooney]] would be odd.",
                "1:1 warning: The credits give “Rooney” to Ana de Armas {[[Keanu Reeves]]}"
                " [Use Ana de Armas => [[Ana de Armas]]]\n");
  assert_facts ("[[Lance Reddick]] plays [[Winston]].",
                "1:1 warning: The credits give “Winston” to Ian McShane (the wiki marks this rumored) {[[Lance Reddick]]}"
                " [Use Ian McShane => [[Ian McShane]]]\n");
  /* not next to each other, the wrong kinds, a character nobody plays */
  assert_facts ("[[Keanu Reeves]] is not cast as [[Rooney]].", "");
  assert_facts ("[[Ballerina]] as [[Rooney]].", "");
  assert_facts ("[[Keanu Reeves]] as [[Rooney's mentor]].", "");
}

static void
test_hostile (void)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_diagnostic_free);
  g_autoptr(GError) error = NULL;
  const char bad[] = "[[Ballerina]] opens in July \xff 2025.";
  g_autoptr(GString) big = g_string_new (NULL);

  g_assert_false (ct_prose_check (fixture.wiki, bad, sizeof bad - 1, CT_PROSE_CHECK_ALL, diagnostics, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_ENCODING);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  /* markup is text: said back as written, never interpreted */
  assert_facts ("[[<script>alert(1)</script>]] as [[Rooney]].",
                "1:1 warning: The credits give “Rooney” to Ana de Armas {[[<script>alert(1)</script>]]}"
                " [Use Ana de Armas => [[Ana de Armas]]]\n");
  /* a number too long for a day is no day: the month and year still are a date */
  assert_facts ("[[Ballerina]] opens in 99999999999999999999 July 2025 ../../etc.",
                "1:45 warning: Release of “Ballerina”: the wiki says June 2025 {July 2025}"
                " [Use June 2025 => June 2025] [Insert {{fact: Ballerina | release_date}} => {{fact: Ballerina | release_date}}]\n");
  assert_facts ("[[Ballerina]] opens in", "");
  assert_facts ("opens [[Ballerina]]", "");
  assert_facts ("", "");

  /* a sentence of a thousand release words: each finds the same film */
  for (guint i = 0; i < 1000; i++)
    g_string_append (big, "[[Ballerina]] opens opens ");
  g_string_append (big, "in June 2025.");
  {
    g_autofree char *got = facts (big->str);
    g_assert_cmpstr (got, ==, "");
  }
}

static void
test_mentions (void)
{
  assert_mentions ("I loved Rooney in it.",
                   "1:9 hint: “Rooney” is in the wiki: link it? {Rooney} [Link to Rooney => [[Rooney]]]\n");
  /* the longest name wins; an alias keeps the writer's words */
  assert_mentions ("Rooney's mentor fights the High Table.",
                   "1:1 hint: “Rooney's mentor” is in the wiki: link it? {Rooney's mentor} [Link to Rooney's mentor => [[Rooney's mentor]]]\n"
                   "1:28 hint: “The High Table” is in the wiki: link it? {High Table} [Link to The High Table => [[The High Table|High Table]]]\n");
  /* a title without its disambiguation; a lower-case name capitalized */
  assert_mentions ("Baba Yaga. The Continental.",
                   "1:1 hint: “John Wick (character)” is in the wiki: link it? {Baba Yaga} [Link to John Wick (character) => [[John Wick (character)|Baba Yaga]]]\n"
                   "1:12 hint: “the Continental” is in the wiki: link it? {The Continental} [Link to the Continental => [[the Continental|The Continental]]]\n");
  assert_mentions ("Ana de Armas, or de Armas.",
                   "1:1 hint: “Ana de Armas” is in the wiki: link it? {Ana de Armas} [Link to Ana de Armas => [[Ana de Armas]]]\n"
                   "1:18 hint: “Ana de Armas” is in the wiki: link it? {de Armas} [Link to Ana de Armas => [[Ana de Armas|de Armas]]]\n");
}

static void
test_mentions_not (void)
{
  /* case, length, lower-case names, shared names, word bounds */
  assert_mentions ("rooney, ROONEY, the table, NYC, Kiev2, Rooneys, Shared Name.", "");
  /* linked, in code, in a Markdown link, a URL, an address */
  assert_mentions ("[[Rooney]] and [[Ballerina|Rooney's film]].", "");
  assert_mentions ("`Rooney` and\n\n```\nRooney\n```\n", "");
  assert_mentions ("[Rooney](https://example.com/Rooney) and ![Rooney](x.png)", "");
  assert_mentions ("https://example.com/Rooney or me@Rooney", "");
  assert_mentions ("<https://example.com/Rooney> <span title=\"Rooney\">x</span>", "");
  /* a name over a line break cannot become one link */
  assert_mentions ("Ana de\nArmas", "");
  assert_mentions ("---\ntitle: Rooney\n---\n", "");
  /* markup in a title stays text in the link */
  assert_mentions ("Beware <script>alert(1)</script> here.", "");
}

static void
test_render_has_them (void)
{
  /* the one engine: ct_render gives them when asked, and only then */
  const char *text = "[[Ballerina]] opens in July 2025 with Rooney.";
  CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT, .wiki = fixture.wiki, .check_prose = TRUE };
  g_autoptr(CtRenderResult) checked = ct_render (text, -1, &options, NULL);
  g_autoptr(CtRenderResult) exported = NULL;

  g_assert_cmpuint (checked->diagnostics->len, ==, 2);
  g_assert_cmpint (((CtDiagnostic *) g_ptr_array_index (checked->diagnostics, 0))->severity, ==, CT_SEVERITY_WARNING);
  g_assert_cmpstr (((CtDiagnostic *) g_ptr_array_index (checked->diagnostics, 0))->rule, ==, CT_PROSE_RULE_RELEASE_DATE);
  g_assert_cmpint (((CtDiagnostic *) g_ptr_array_index (checked->diagnostics, 1))->severity, ==, CT_SEVERITY_HINT);

  options.check_prose = FALSE;
  exported = ct_render (text, -1, &options, NULL);
  g_assert_cmpuint (exported->diagnostics->len, ==, 0);
}

static void
test_diagnostic_copy (void)
{
  g_autoptr(CtDiagnostic) d = ct_diagnostic_new_at (CT_SEVERITY_HINT, 2, 8, 1, 3, "m");
  g_autoptr(CtDiagnostic) copy = NULL;

  ct_diagnostic_add_fix (d, "Link", 2, 8, "[[Rooney]]");
  copy = ct_diagnostic_copy (d);
  g_assert_cmpuint (copy->fixes->len, ==, 1);
  g_assert_true (copy->fixes != d->fixes);
  g_assert_cmpstr (((CtQuickFix *) g_ptr_array_index (copy->fixes, 0))->replacement, ==, "[[Rooney]]");
  g_assert_cmpstr (ct_severity_to_string (CT_SEVERITY_HINT), ==, "hint");
}

/* The names are read once per wiki state, not once per check: a name
 * added through this connection, or renamed through another one (the app
 * beside a command), is found by the very next check. */
static void
test_mentions_follow_wiki (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) other = NULL;
  g_autoptr(CtEntity) entity = NULL;
  gint64 id;

  assert_mentions ("Zara Vantablack waits. Mira Quillfeather too.", "");
  id = ct_wiki_create_entity (fixture.wiki, CT_ENTITY_CHARACTER, "Zara Vantablack", &error);
  g_assert_no_error (error);
  assert_mentions ("Zara Vantablack waits. Mira Quillfeather too.",
                   "1:1 hint: “Zara Vantablack” is in the wiki: link it? {Zara Vantablack} [Link to Zara Vantablack => [[Zara Vantablack]]]\n");

  other = ct_wiki_open (fixture.folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  entity = ct_wiki_get_entity (other, id, &error);
  g_assert_no_error (error);
  g_free (entity->title);
  entity->title = g_strdup ("Mira Quillfeather");
  g_assert_true (ct_wiki_update_entity (other, entity, &error));
  g_assert_no_error (error);
  assert_mentions ("Zara Vantablack waits. Mira Quillfeather too.",
                   "1:24 hint: “Mira Quillfeather” is in the wiki: link it? {Mira Quillfeather} [Link to Mira Quillfeather => [[Mira Quillfeather]]]\n");

  g_assert_true (ct_wiki_delete_entity (fixture.wiki, id, &error));
  g_assert_no_error (error);
  assert_mentions ("Zara Vantablack waits. Mira Quillfeather too.", "");
}

static void
add_entity (GPtrArray  *entities,
            gint64      id,
            const char *title)
{
  CtEntity *entity = g_new0 (CtEntity, 1);

  entity->id = id;
  entity->title = g_strdup (title);
  entity->aliases = g_new0 (char *, 1);
  g_ptr_array_add (entities, entity);
}

static void
on_match (const CtMentionMatch *match,
          gpointer              user_data)
{
  g_string_append_printf (user_data, "%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT " %s;",
                          match->start, match->end, match->title);
}

static char *
matches (CtMentionMatcher *matcher,
         const char       *text)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (CtMentionWord));
  GString *out = g_string_new (NULL);

  ct_mention_split_words (text, 0, strlen (text), words);
  ct_mention_matcher_find (matcher, text, strlen (text), (CtMentionWord *) (gpointer) words->data,
                           words->len, on_match, out);
  return g_string_free (out, FALSE);
}

/* The matcher alone: the longest name wins over its prefix, a word past
 * the length looked up never matches by its first bytes, and a name two
 * entities share is left out. */
static void
test_matcher (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_entity_free);
  g_autofree char *long_word = g_strnfill (200, 'x');
  g_autofree char *long_title = g_strconcat ("Long ", long_word, NULL);
  g_autofree char *cut = g_strconcat ("Long ", long_word + 72, " here", NULL);
  g_autoptr(CtMentionMatcher) matcher = NULL;
  g_autofree char *got = NULL;

  add_entity (entities, 1, "Ruska Roma");
  add_entity (entities, 2, "Ruska Roma Theatre");
  add_entity (entities, 3, long_title);
  add_entity (entities, 4, "Shared Name");
  add_entity (entities, 5, "Shared Name");
  matcher = ct_mention_matcher_new (entities);

  got = matches (matcher, "The Ruska Roma Theatre and the Ruska Roma.");
  g_assert_cmpstr (got, ==, "4-22 Ruska Roma Theatre;31-41 Ruska Roma;");
  g_free (got);
  /* "Long" + the first 128 bytes of the long word */
  got = matches (matcher, cut);
  g_assert_cmpstr (got, ==, "");
  g_free (got);
  got = matches (matcher, long_title);
  g_assert_cmpstr (got, ==, "");
  g_free (got);
  got = matches (matcher, "A Shared Name.");
  g_assert_cmpstr (got, ==, "");
  g_assert_nonnull (ct_mention_matcher_ref (matcher));
  ct_mention_matcher_unref (matcher);
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  ct_test_wiki_init (&fixture, "prose.json");

  g_test_add_func ("/prose/release/wrong-month", test_release_wrong_month);
  g_test_add_func ("/prose/release/forms", test_release_forms);
  g_test_add_func ("/prose/release/not-fired", test_release_not_fired);
  g_test_add_func ("/prose/release/rumored", test_release_rumored);
  g_test_add_func ("/prose/release/code", test_release_code);
  g_test_add_func ("/prose/release/lines", test_release_lines);
  g_test_add_func ("/prose/crew", test_crew);
  g_test_add_func ("/prose/casting", test_casting);
  g_test_add_func ("/prose/hostile", test_hostile);
  g_test_add_func ("/prose/mentions/found", test_mentions);
  g_test_add_func ("/prose/mentions/not", test_mentions_not);
  g_test_add_func ("/prose/mentions/follow-wiki", test_mentions_follow_wiki);
  g_test_add_func ("/prose/mentions/matcher", test_matcher);
  g_test_add_func ("/prose/render", test_render_has_them);
  g_test_add_func ("/prose/diagnostic-copy", test_diagnostic_copy);

  status = g_test_run ();
  ct_test_wiki_clear (&fixture);
  return status;
}
