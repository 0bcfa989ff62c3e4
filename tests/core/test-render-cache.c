/* What the renderer remembers between renders, and its single parse:
 * a wiki connection keeps the names, entities and facts it read, and must
 * forget them as soon as the wiki changes, through itself or through
 * another connection (the app beside a command); the one parse must find
 * the references the scanner finds, also when its first guess is wrong. */
#include "config.h"

#include <string.h>

#include "ct-diagnostic.h"
#include "ct-render.h"
#include "ct-scanner.h"
#include "ct-test-wiki.h"

static char *
render (CtWiki     *wiki,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT, .wiki = wiki };
  g_autoptr(CtRenderResult) result = ct_render (text, -1, &options, &error);

  g_assert_no_error (error);
  return g_strdup (result->output);
}

static void
set_runtime (CtWiki     *wiki,
             const char *minutes)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ct_test_id (wiki, "Ballerina");
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (wiki, id, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);

      if (g_str_equal (fact->key, "runtime_min"))
        {
          g_free (fact->text);
          fact->text = g_strdup (minutes);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_true (ct_wiki_set_facts (wiki, id, facts, &error));
  g_assert_no_error (error);
}

static void
rename_entity (CtWiki     *wiki,
               const char *title,
               const char *new_title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (wiki, ct_test_id (wiki, title), &error);

  g_assert_no_error (error);
  g_free (entity->title);
  entity->title = g_strdup (new_title);
  g_assert_true (ct_wiki_update_entity (wiki, entity, &error));
  g_assert_no_error (error);
}

/* A change made through the same connection shows in the next render. */
static void
test_own_change (void)
{
  CtTestWiki w;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ct_test_wiki_init (&w, "john-wick.json");
  set_runtime (w.wiki, "125");
  before = render (w.wiki, "{{fact: Ballerina | runtime_min}} and [[Rooney]]");
  g_assert_nonnull (strstr (before, "125"));

  set_runtime (w.wiki, "131");
  after = render (w.wiki, "{{fact: Ballerina | runtime_min}} and [[Rooney]]");
  g_assert_nonnull (strstr (after, "131"));
  g_assert_null (strstr (after, "125"));

  rename_entity (w.wiki, "Rooney", "Rooney Ivanovna");
  g_free (after);
  after = render (w.wiki, "[[Rooney Ivanovna]]");
  g_assert_nonnull (strstr (after, "Rooney Ivanovna"));
  g_assert_null (strstr (after, "ct-unresolved"));
  ct_test_wiki_clear (&w);
}

/* A change committed by another connection (another process, in life)
 * shows in the next render of a connection that had read the old one. */
static void
test_other_connection (void)
{
  CtTestWiki w;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *renamed = NULL;

  ct_test_wiki_init (&w, "john-wick.json");
  set_runtime (w.wiki, "125");
  before = render (w.wiki, "{{fact: Ballerina | runtime_min}} and [[Rooney]]");
  g_assert_nonnull (strstr (before, "125"));
  g_assert_null (strstr (before, "ct-unresolved"));

  other = ct_wiki_open (w.folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  set_runtime (other, "131");
  rename_entity (other, "Rooney", "Rooney Ivanovna");

  after = render (w.wiki, "{{fact: Ballerina | runtime_min}} and [[Rooney]]");
  g_assert_nonnull (strstr (after, "131"));
  /* the old title no longer names anyone */
  g_assert_nonnull (strstr (after, "ct-unresolved"));
  renamed = render (w.wiki, "[[Rooney Ivanovna]]");
  g_assert_null (strstr (renamed, "ct-unresolved"));

  g_clear_object (&other);
  ct_test_wiki_clear (&w);
}

/* Texts where a guess made without a parse could be wrong: `[[` in code
 * or HTML blocks, a backtick in a code block that pairs with one in the
 * next paragraph. The render must still see exactly the references the
 * scanner sees. */
static void
test_guess_corrected (void)
{
  static const char * const texts[] = {
    "```\n[[Rooney]]\n```\n\n[[Rooney]] after the code.\n",
    "```\nodd ` tick\n```\n\nThen [[Rooney]] and `code`.\n",
    "<!-- [[Rooney]] -->\n\n[[Ballerina]]\n",
    "    [[Rooney]] indented code\n\n[[Rooney]]\n",
    "Unclosed [[Rooney here, then [[Ballerina]]\n\n```\n[[Rooney\n```\n",
    /* the guess pairs this backtick with the one after the reference */
    "    odd ` tick in indented code\n\nThen [[Rooney]] and a ` lone tick.\n",
    /* the guess takes this for an unclosed reference */
    "    [[Rooney in indented code\n\n[[Ballerina]]\n",
  };
  CtTestWiki w;

  ct_test_wiki_init (&w, "john-wick.json");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) refs = ct_scan_references (texts[i], strlen (texts[i]));
      CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT, .wiki = w.wiki };
      g_autoptr(CtRenderResult) result = ct_render (texts[i], -1, &options, &error);
      guint closed = 0, unclosed = 0, warnings = 0;

      g_assert_no_error (error);
      for (guint r = 0; r < refs->len; r++)
        {
          if (((CtReference *) g_ptr_array_index (refs, r))->closed)
            closed++;
          else
            unclosed++;
        }
      for (guint d = 0; d < result->diagnostics->len; d++)
        warnings += ((CtDiagnostic *) g_ptr_array_index (result->diagnostics, d))->severity == CT_SEVERITY_WARNING;
      g_test_message ("%s", result->output);
      /* every closed reference resolves here, once; every unclosed one warns once */
      g_assert_cmpuint (result->mentions->len, ==, closed);
      g_assert_cmpuint (warnings, ==, unclosed);
      g_assert_cmpuint (closed, >=, 1);
    }
  ct_test_wiki_clear (&w);
}

/* One render's result as text: the HTML, every diagnostic and every
 * mention, so two renders can be compared whole. */
static char *
describe_render (CtWiki       *wiki,
                 CtRenderMemo *memo,
                 const char   *text)
{
  g_autoptr(GError) error = NULL;
  CtRenderOptions options = { .mode = CT_RENDER_SITE, .wiki = wiki, .memo = memo };
  g_autoptr(CtRenderResult) result = ct_render (text, -1, &options, &error);
  GString *out;

  g_assert_no_error (error);
  out = g_string_new (result->output);
  for (guint i = 0; i < result->diagnostics->len; i++)
    {
      CtDiagnostic *d = g_ptr_array_index (result->diagnostics, i);
      g_string_append_printf (out, "\n! %d %zu-%zu %u:%u %s", d->severity, d->start, d->end,
                              d->line, d->column, d->message);
    }
  for (guint i = 0; i < result->mentions->len; i++)
    {
      CtMention *m = g_ptr_array_index (result->mentions, i);
      g_string_append_printf (out, "\n@ %" G_GINT64_FORMAT " %s %u", m->entity_id, m->title, m->line);
    }
  return g_string_free (out, FALSE);
}

/* Renders sharing a memo (a site worker's pages) give what each gives
 * alone, byte for byte: the same HTML, and each its own diagnostics and
 * mentions, also for a name resolved, or failed, by an earlier render,
 * and for one name two templates want with different words. */
static void
test_memo_same_results (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  g_autoptr(CtRenderMemo) memo = ct_render_memo_new ();
  const char *docs[] = {
    "[[Rooney]] and [[Winston]]. [[rooney]]\n\n{{cast: Winston}}\n\n[[Nobody Here]]\n",
    "{{scenes: Winston}}\n\nAgain [[Rooney]], [[Nobody Here]] and {{fact: Ballerina | runtime_min}}.\n",
    "{{appearances: Ballerina}}\n\n{{infobox: Rooney}}\n\n[[Winston]], [[Ballerina]]\n",
    "[[Rooney]] and [[Winston]]. [[rooney]]\n\n{{cast: Winston}}\n\n[[Nobody Here]]\n",
  };
  gboolean scenes_said = FALSE;

  g_assert_true (ct_wiki_begin_reading (wiki, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *alone = describe_render (wiki, NULL, docs[i]);
      g_autofree char *shared = describe_render (wiki, memo, docs[i]);

      g_assert_cmpstr (shared, ==, alone);
      g_assert_nonnull (strstr (alone, "\n@ "));
      g_assert_nonnull (strstr (alone, "\n! "));
      scenes_said |= strstr (alone, "{{scenes}}") != NULL;
    }
  /* the second document's wrong kind is worded for {{scenes}}, though the
   * first asked for the same name and kinds with {{cast}} */
  g_assert_true (scenes_said);
  ct_wiki_end_reading (wiki);
  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/cache/own-change", test_own_change);
  g_test_add_func ("/render/cache/other-connection", test_other_connection);
  g_test_add_func ("/render/single-parse/guess-corrected", test_guess_corrected);
  g_test_add_func ("/render/memo/same-results", test_memo_same_results);

  return g_test_run ();
}
