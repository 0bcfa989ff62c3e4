/* Tests of ct_block_renderer: after every edit its result equals a full
 * ct_render of the same text (blocks, lines, diagnostics, mentions,
 * title), and an edit in the middle of a long text re-renders only a few
 * blocks. */
#include "config.h"

#include <string.h>

#include "ct-render-blocks-private.h"
#include "ct-diagnostic.h"
#include "ct-test-wiki.h"

/* Random edits are each checked against a full render, which the
 * sanitizers make ~20 times slower: there a fifth of the rounds keeps the
 * program within its time limit (CI runs it both ways). */
#if defined(__SANITIZE_ADDRESS__)
#define ROUNDS(n) ((n) / 5)
#else
#define ROUNDS(n) (n)
#endif

typedef struct {
  CtTestWiki        wiki;
  CtBlockRenderer  *renderer;
  GString          *text;
  CtRenderOptions   options;
  guint             partial;   /* renders that were not full */
  gsize             budget;    /* try ct_block_renderer_render_within first */
  guint             too_big;   /* … and it gave up */
  CtRenderResult   *last;      /* the renderer's result before */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ct_test_wiki_init (&f->wiki, "john-wick.json");
  f->renderer = ct_block_renderer_new ();
  f->text = g_string_new (NULL);
  f->options.mode = CT_RENDER_PREVIEW;
  f->options.wiki = f->wiki.wiki;
  f->budget = GPOINTER_TO_SIZE (data);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ct_block_renderer_free (f->renderer);
  g_clear_pointer (&f->last, ct_render_result_free);
  g_string_free (f->text, TRUE);
  ct_test_wiki_clear (&f->wiki);
}

/* What the preview's diff of two results finds by chunks
 * (ct_block_list_common, ct_block_list_append_shifts) is what comparing
 * block by block finds. */
static void
check_list_diff (CtBlockList *old,
                 CtBlockList *new,
                 const char  *what)
{
  guint n_old, n_new, prefix, suffix, p = 0, s = 0;
  int offset;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (CtBlockShift));
  g_autofree int *by = NULL;

  if (old == NULL)
    return;
  n_old = ct_block_list_get_length (old);
  n_new = ct_block_list_get_length (new);
  while (p < n_old && p < n_new &&
         strcmp (ct_block_list_get (old, p).html, ct_block_list_get (new, p).html) == 0)
    p++;
  while (s < n_old - p && s < n_new - p &&
         strcmp (ct_block_list_get (old, n_old - 1 - s).html, ct_block_list_get (new, n_new - 1 - s).html) == 0)
    s++;
  ct_block_list_common (old, new, &prefix, &suffix);
  if (prefix != p || suffix != s)
    g_error ("%s: common prefix/suffix %u/%u, block by block %u/%u", what, prefix, suffix, p, s);

  offset = (int) n_old - (int) n_new;
  ct_block_list_append_shifts (new, old, 0, p, 0, runs);
  ct_block_list_append_shifts (new, old, n_new - s, n_new, offset, runs);
  by = g_new0 (int, n_new + 1);
  for (guint i = 0; i < runs->len; i++)
    {
      const CtBlockShift *run = &g_array_index (runs, CtBlockShift, i);

      g_assert_cmpint (run->by, !=, 0);
      g_assert_cmpuint (run->from, <, run->to);
      if (i > 0)
        g_assert_cmpuint (g_array_index (runs, CtBlockShift, i - 1).to, <=, run->from);
      for (guint j = run->from; j < run->to; j++)
        by[j] = run->by;
    }
  for (guint i = 0; i < n_new; i++)
    {
      int want = 0;

      if (i < p)
        want = (int) ct_block_list_get (new, i).first_line - (int) ct_block_list_get (old, i).first_line;
      else if (i >= n_new - s)
        want = (int) ct_block_list_get (new, i).first_line -
               (int) ct_block_list_get (old, (guint) ((int) i + offset)).first_line;
      if (by[i] != want)
        g_error ("%s: block %u moved %d lines, the shifts say %d", what, i, want, by[i]);
    }
}

/* ct_block_list_find_line agrees with a search of the full render's
 * blocks, on every line around each block. */
static void
check_lines (CtBlockList *list,
             GPtrArray   *blocks,
             const char  *what)
{
  guint last = blocks->len > 0 ? ((CtRenderBlock *) g_ptr_array_index (blocks, blocks->len - 1))->last_line : 0;

  for (guint line = 1; line <= last + 1; line++)
    {
      guint want = 0;

      while (want < blocks->len && ((CtRenderBlock *) g_ptr_array_index (blocks, want))->last_line < line)
        want++;
      if ((guint) ct_block_list_find_line (list, line) != want)
        g_error ("%s: line %u is found in block %d, not %u", what, line, ct_block_list_find_line (list, line), want);
    }
}

/* Renders f->text both ways and compares every part of the results. */
static void
check (Fixture    *f,
       const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRenderResult) full = ct_render (f->text->str, f->text->len, &f->options, &error);
  g_autoptr(CtRenderResult) inc = NULL;
  CtBlockRenderStats stats;

  g_assert_no_error (error);
  /* With a budget, as the preview does on the main thread: what it
   * renders must be just as right, and giving up must leave the renderer
   * as it was for the render that follows. */
  if (f->budget > 0)
    {
      gboolean too_big = FALSE;

      inc = ct_block_renderer_render_within (f->renderer, f->text->str, f->text->len, &f->options,
                                             f->budget, &too_big, &error);
      g_assert_no_error (error);
      ct_block_renderer_get_stats (f->renderer, &stats);
      if (too_big)
        {
          g_assert_null (inc);
          f->too_big++;
        }
      else
        {
          g_assert_nonnull (inc);
          g_assert_cmpuint (stats.bytes, <=, f->budget);
        }
    }
  if (inc == NULL)
    inc = ct_block_renderer_render (f->renderer, f->text->str, f->text->len, &f->options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (inc);
  ct_block_renderer_get_stats (f->renderer, &stats);
  if (!stats.full)
    f->partial++;

  g_assert_null (inc->blocks);
  if (ct_block_list_get_length (inc->block_list) != full->blocks->len)
    g_error ("%s: %u blocks instead of %u", what, ct_block_list_get_length (inc->block_list), full->blocks->len);
  for (guint i = 0; i < full->blocks->len; i++)
    {
      CtRenderBlock a = ct_block_list_get (inc->block_list, i);
      const CtRenderBlock *b = g_ptr_array_index (full->blocks, i);

      if (strcmp (a.html, b->html) != 0 || a.first_line != b->first_line || a.last_line != b->last_line)
        g_error ("%s: block %u is %u-%u “%s”, a full render gives %u-%u “%s”",
                 what, i, a.first_line, a.last_line, a.html, b->first_line, b->last_line, b->html);
    }
  check_list_diff (f->last != NULL ? f->last->block_list : NULL, inc->block_list, what);
  check_lines (inc->block_list, full->blocks, what);

  g_assert_cmpuint (inc->diagnostics->len, ==, full->diagnostics->len);
  for (guint i = 0; i < full->diagnostics->len; i++)
    {
      const CtDiagnostic *a = g_ptr_array_index (inc->diagnostics, i);
      const CtDiagnostic *b = g_ptr_array_index (full->diagnostics, i);

      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpuint (a->line, ==, b->line);
      g_assert_cmpuint (a->column, ==, b->column);
      g_assert_cmpstr (a->message, ==, b->message);
      /* A fix replaces bytes of the text: they must be the new text's. */
      g_assert_cmpuint (a->fixes != NULL ? a->fixes->len : 0, ==, b->fixes != NULL ? b->fixes->len : 0);
      for (guint j = 0; b->fixes != NULL && j < b->fixes->len; j++)
        {
          const CtQuickFix *x = g_ptr_array_index (a->fixes, j);
          const CtQuickFix *y = g_ptr_array_index (b->fixes, j);

          g_assert_cmpuint (x->start, ==, y->start);
          g_assert_cmpuint (x->end, ==, y->end);
          g_assert_cmpstr (x->replacement, ==, y->replacement);
        }
    }

  g_assert_cmpuint (inc->mentions->len, ==, full->mentions->len);
  for (guint i = 0; i < full->mentions->len; i++)
    {
      const CtMention *a = g_ptr_array_index (inc->mentions, i);
      const CtMention *b = g_ptr_array_index (full->mentions, i);

      g_assert_cmpint (a->entity_id, ==, b->entity_id);
      g_assert_cmpuint (a->line, ==, b->line);
    }
  g_assert_cmpstr (inc->title, ==, full->title);
  g_assert_cmpuint (inc->body_line, ==, full->body_line);

  g_clear_pointer (&f->last, ct_render_result_free);
  f->last = g_steal_pointer (&inc);
}

static void
insert (GString    *text,
        const char *after,
        const char *what)
{
  const char *at = strstr (text->str, after);

  g_assert_nonnull (at);
  g_string_insert (text, at - text->str + strlen (after), what);
}

static void
replace (GString    *text,
         const char *from,
         const char *to)
{
  const char *at = strstr (text->str, from);

  g_assert_nonnull (at);
  g_string_erase (text, at - text->str, strlen (from));
  g_string_insert (text, at - text->str, to);
}

static const char POST[] =
  "---\n"
  "title: Excommunicado\n"
  "spoilers: false\n"
  "---\n"
  "# John Wick, again\n"
  "\n"
  "[[Keanu Reeves]] plays [[John Wick (character)]] once more.\n"
  "\n"
  "## The hotel\n"
  "\n"
  "[[Winston]] runs the Continental; the [[Nobody]] there is unresolved.\n"
  "See [the set][set] and [[Ruska Roma]].\n"
  "\n"
  "- one\n"
  "- two\n"
  "\n"
  "> A quote with [[Ian McShane]].\n"
  "\n"
  "{{cast: John Wick}}\n"
  "\n"
  "```\n"
  "code [[Not a reference]]\n"
  "```\n"
  "\n"
  "Last paragraph about [[Chad Stahelski]].\n"
  "\n"
  "[set]: https://example.org/set \"The set\"\n";

/* The edits a writer makes; after each the result is what a full render
 * gives. */
static void
test_edits_match_full_render (Fixture       *f,
                              gconstpointer  data)
{
  g_string_assign (f->text, POST);
  check (f, "first render");

  insert (f->text, "Last paragraph", " typed");
  check (f, "insert in the last paragraph");
  insert (f->text, "runs the Continental", ", says [[Rooney]]");
  check (f, "insert a reference in the middle");
  replace (f->text, "- two\n\n> A quote", "- two\n> A quote");
  check (f, "delete the blank line between a list and a quote");
  replace (f->text, "[[Rooney]]; the [[Nobody]] there is unresolved.\nSee [the set][set] and [[Ruska Roma]].\n\n- one",
           "[[Rooney]].\n\n- one");
  check (f, "delete across blocks");
  insert (f->text, "{{cast: John Wick}}\n", "\n## Pasted\n\nA pasted block with [[Ballerina]].\n");
  check (f, "paste a block");
  insert (f->text, "## The hotel\n\n", "```\n");
  check (f, "open a code fence: everything after is code");
  replace (f->text, "## The hotel\n\n```\n", "## The hotel\n\n");
  check (f, "close it again");
  replace (f->text, "https://example.org/set", "https://example.org/other");
  check (f, "edit a reference definition used by another block");
  replace (f->text, "[[Keanu Reeves]] plays", "[[Keanu Reeves]] plays [set] in");
  check (f, "use the definition in a new place");
  replace (f->text, "# John Wick, again\n", "Not a heading\n");
  check (f, "the first block changes the title");
  replace (f->text, "title: Excommunicado\n", "");
  check (f, "the front matter loses its title");
  insert (f->text, "## The hotel", " and its [[Winston]]");
  check (f, "a heading later in the text");
  g_string_append (f->text, "\nAppended at the very end.");
  check (f, "append at the end without a newline");
  insert (f->text, "Appended at the very end.", "\n");
  check (f, "end with a newline");
  replace (f->text, "- one\n", "- one\n  continued\n\n  inner paragraph\n");
  check (f, "a list item grows a paragraph");
  insert (f->text, "A quote with [[Ian McShane]].\n", "lazy continuation\n");
  check (f, "lazy continuation of the quote");
  insert (f->text, "Appended at the very end.\n", "setext\n===\n");
  check (f, "setext heading");
  insert (f->text, "Appended at the very end.", " [[Unclosed");
  check (f, "an unclosed reference");
  insert (f->text, "Appended at the very end.", "\x01");
  check (f, "a control character");

  g_assert_cmpuint (f->partial, >, 8);
}

/* Random one-character edits, each checked against a full render:
 * mostly letters, often the characters that change block structure
 * most. Every 50 edits the text starts over, so the states of many
 * rounds are seen rather than one text that an early unclosed fence
 * turned into code. */
static void
test_random_edits (Fixture       *f,
                   gconstpointer  data)
{
  static const char structure[] = "\n\n\n  -*>#`~1.x[]{}|=:<";
  GRand *rand = g_rand_new_with_seed (11);
  const char *body = POST + strlen ("---\ntitle: Excommunicado\nspoilers: false\n---\n");

  for (guint i = 0; i < ROUNDS (600); i++)
    {
      gsize at;
      g_autofree char *what = NULL;

      if (i % 50 == 0)
        {
          g_string_assign (f->text, POST);
          for (guint j = 0; j < 4; j++)
            g_string_append (f->text, body);
        }
      at = g_rand_int_range (rand, 0, f->text->len + 1);
      if (g_rand_int_range (rand, 0, 3) == 0 && at < f->text->len)
        {
          /* Never split a multi-byte character. */
          if (((guchar) f->text->str[at] & 0x80) == 0)
            g_string_erase (f->text, at, 1);
        }
      else
        {
          char c = g_rand_int_range (rand, 0, 3) == 0
                   ? structure[g_rand_int_range (rand, 0, sizeof structure - 1)]
                   : (char) g_rand_int_range (rand, 'a', 'z' + 1);

          while (at < f->text->len && ((guchar) f->text->str[at] & 0xc0) == 0x80)
            at++;
          g_string_insert_c (f->text, at, c);
        }
      what = g_strdup_printf ("random edit %u at byte %" G_GSIZE_FORMAT, i, at);
      check (f, what);
    }
  g_rand_free (rand);
  g_test_message ("%u of %u renders were partial, %u over the budget first",
                  f->partial, ROUNDS (600), f->too_big);
  if (f->budget > 0)
    g_assert_cmpuint (f->too_big, >, 0);
  g_assert_cmpuint (f->partial, >, ROUNDS (200));
}

/* The line index after an edit, spliced from the one before, is the
 * text's own. */
static void
check_splice_lines (const char *before,
                    gsize       before_length,
                    const char *after,
                    gsize       after_length)
{
  gsize common = MIN (before_length, after_length), prefix = 0, suffix = 0;
  g_autoptr(GArray) old = _ct_blocks_index_lines (before, before_length);
  g_autoptr(GArray) want = _ct_blocks_index_lines (after, after_length);
  g_autoptr(GArray) got = NULL;

  while (prefix < common && before[prefix] == after[prefix])
    prefix++;
  while (suffix < common - prefix &&
         before[before_length - 1 - suffix] == after[after_length - 1 - suffix])
    suffix++;
  got = _ct_blocks_splice_lines (old, before_length, after, after_length, prefix, suffix);
  g_assert_cmpuint (got->len, ==, want->len);
  g_assert_cmpmem (got->data, got->len * sizeof (gsize), want->data, want->len * sizeof (gsize));
}

/* Random edits of a post long enough for many chunks of blocks (some
 * 800 blocks): most in two places, so the chunks there are made again
 * and again (small ones taking in their neighbours), some anywhere. Each
 * result is checked against a full render, and the diff of consecutive
 * results by chunks against the diff block by block. */
static void
test_random_long (Fixture       *f,
                  gconstpointer  data)
{
  static const char structure[] = "\n\n\n  -*>#`~1.x[]{}|=:<";
  GRand *rand = g_rand_new_with_seed (7);
  const char *body = POST + strlen ("---\ntitle: Excommunicado\nspoilers: false\n---\n");
  /* The copies without the definition: an edit next to one, or one that
   * makes it part of a block, renders in full by design. */
  gsize body_length = strstr (body, "[set]:") - body;
  g_autofree char *before = NULL;

  f->options.check_prose = TRUE;
  for (guint i = 0; i < ROUNDS (400); i++)
    {
      gsize at, before_length;
      g_autofree char *what = NULL;
      guint place = g_rand_int_range (rand, 0, 4);

      if (i % 100 == 0)
        {
          g_string_assign (f->text, POST);
          /* With a mention left unlinked in each copy: with the prose
           * checks on, its hint offers a fix, whose bytes move too. */
          for (guint j = 0; j < 40; j++)
            {
              g_string_append_len (f->text, body, body_length);
              g_string_append (f->text, "Winston again, unlinked.\n\n");
            }
        }
      g_free (before);
      before = g_strndup (f->text->str, f->text->len);
      before_length = f->text->len;
      if (place < 3)
        {
          gsize centre = f->text->len * (place == 0 ? 1 : 2) / 3;

          at = centre + g_rand_int_range (rand, 0, 400);
        }
      else
        at = g_rand_int_range (rand, 0, f->text->len + 1);
      at = MIN (at, f->text->len);
      if (g_rand_int_range (rand, 0, 3) == 0 && at < f->text->len)
        {
          if (((guchar) f->text->str[at] & 0x80) == 0)
            g_string_erase (f->text, at, 1);
        }
      else
        {
          /* Structure rarely: an opened fence makes the rest code. */
          char c = g_rand_int_range (rand, 0, 6) == 0
                   ? structure[g_rand_int_range (rand, 0, sizeof structure - 1)]
                   : (char) g_rand_int_range (rand, 'a', 'z' + 1);

          while (at < f->text->len && ((guchar) f->text->str[at] & 0xc0) == 0x80)
            at++;
          g_string_insert_c (f->text, at, c);
        }
      check_splice_lines (before, before_length, f->text->str, f->text->len);
      what = g_strdup_printf ("long random edit %u at byte %" G_GSIZE_FORMAT, i, at);
      check (f, what);
    }
  g_rand_free (rand);
  g_test_message ("%u of %u renders were partial", f->partial, ROUNDS (400));
  g_assert_cmpuint (f->partial, >, ROUNDS (150));
}

/* Typing in the middle of a long post renders a few blocks, not the
 * post. */
static void
test_cost_follows_the_edit (Fixture       *f,
                            gconstpointer  data)
{
  CtBlockRenderStats stats;
  g_autoptr(CtRenderResult) first = NULL;
  g_autoptr(CtRenderResult) second = NULL;
  gsize middle;

  g_string_assign (f->text, "# Long\n\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (f->text, "Paragraph %u about [[John Wick]] and [[Winston]].\n\n", i);
  first = ct_block_renderer_render (f->renderer, f->text->str, f->text->len, &f->options, NULL);
  g_assert_nonnull (first);
  ct_block_renderer_get_stats (f->renderer, &stats);
  g_assert_true (stats.full);

  middle = strstr (f->text->str, "Paragraph 1000 ") - f->text->str;
  g_string_insert (f->text, middle + 5, "x");
  second = ct_block_renderer_render (f->renderer, f->text->str, f->text->len, &f->options, NULL);
  g_assert_nonnull (second);
  ct_block_renderer_get_stats (f->renderer, &stats);
  g_assert_false (stats.full);
  g_assert_cmpuint (stats.blocks, <=, 5);
  g_assert_cmpuint (stats.bytes, <, f->text->len / 100);

  /* Blocks that did not change share their HTML with the last result,
   * and all but the chunks at the edit are shared whole: of 2001
   * blocks, only the window and its chunks' neighbours are copied. */
  g_assert_true (ct_block_list_get (second->block_list, 10).html ==
                 ct_block_list_get (first->block_list, 10).html);
  g_assert_true (ct_block_list_get (second->block_list, 1900).html ==
                 ct_block_list_get (first->block_list, 1900).html);
  g_assert_cmpuint (stats.blocks_copied, <=, 3 * 64);
  check (f, "the long post");
}

/* Within a budget: a small edit of a long post renders, a full render or
 * an opened fence (the rest of the post becomes code) gives up without
 * touching the renderer, and the render after it is still right. */
static void
test_within_budget (Fixture       *f,
                    gconstpointer  data)
{
  CtBlockRenderStats stats;
  gboolean too_big = FALSE;
  g_autoptr(CtRenderResult) none = NULL;
  g_autoptr(CtRenderResult) small = NULL;
  g_autoptr(GError) error = NULL;
  gsize middle;

  g_string_assign (f->text, "# Long\n\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (f->text, "Paragraph %u about [[John Wick]] and [[Winston]].\n\n", i);

  none = ct_block_renderer_render_within (f->renderer, f->text->str, f->text->len, &f->options,
                                          16 * 1024, &too_big, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_true (too_big);
  check (f, "first, in full");

  middle = strstr (f->text->str, "Paragraph 1000 ") - f->text->str;
  g_string_insert (f->text, middle + 5, "x");
  small = ct_block_renderer_render_within (f->renderer, f->text->str, f->text->len, &f->options,
                                           16 * 1024, &too_big, &error);
  g_assert_no_error (error);
  g_assert_nonnull (small);
  g_assert_false (too_big);
  ct_block_renderer_get_stats (f->renderer, &stats);
  g_assert_false (stats.full);
  g_assert_cmpuint (stats.bytes, <=, 16 * 1024);
  check (f, "a key within the budget");

  g_string_insert (f->text, middle, "```\n");
  g_clear_pointer (&none, ct_render_result_free);
  none = ct_block_renderer_render_within (f->renderer, f->text->str, f->text->len, &f->options,
                                          16 * 1024, &too_big, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_true (too_big);
  check (f, "an opened fence, after giving up");
}

/* What references resolve to changed: invalidate makes a full render. */
static void
test_invalidate (Fixture       *f,
                 gconstpointer  data)
{
  CtBlockRenderStats stats;

  g_string_assign (f->text, POST);
  check (f, "first");
  ct_block_renderer_invalidate (f->renderer);
  insert (f->text, "Last paragraph", " typed");
  check (f, "after invalidate");
  ct_block_renderer_get_stats (f->renderer, &stats);
  g_assert_true (stats.full);

  /* Invalid UTF-8 fails as ct_render does, then renders again. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CtRenderResult) none = NULL;

    insert (f->text, "Last paragraph", "\xff");
    none = ct_block_renderer_render (f->renderer, f->text->str, f->text->len, &f->options, &error);
    g_assert_null (none);
    g_assert_error (error, CT_ERROR, CT_ERROR_ENCODING);
    replace (f->text, "\xff", "");
    check (f, "valid again");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render-blocks/edits", Fixture, NULL, fixture_set_up, test_edits_match_full_render, fixture_tear_down);
  g_test_add ("/render-blocks/random", Fixture, NULL, fixture_set_up, test_random_edits, fixture_tear_down);
  g_test_add ("/render-blocks/cost", Fixture, NULL, fixture_set_up, test_cost_follows_the_edit, fixture_tear_down);
  g_test_add ("/render-blocks/within", Fixture, NULL, fixture_set_up, test_within_budget, fixture_tear_down);
  g_test_add ("/render-blocks/random-within", Fixture, GSIZE_TO_POINTER (600), fixture_set_up, test_random_edits,
              fixture_tear_down);
  g_test_add ("/render-blocks/random-long", Fixture, NULL, fixture_set_up, test_random_long, fixture_tear_down);
  g_test_add ("/render-blocks/invalidate", Fixture, NULL, fixture_set_up, test_invalidate, fixture_tear_down);

  return g_test_run ();
}
