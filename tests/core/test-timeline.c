/* The timeline query (ct-timeline.c), its checks (ct-timeline-check.c),
 * its layout and its SVG, on the sample wiki and on small wikis made for
 * one case. The sample's drawing is a golden file,
 * tests/golden/timeline/sample.svg: run with CT_UPDATE_GOLDEN=1 to rewrite
 * it after a deliberate change. */
#include "config.h"

#include <string.h>

#include "ct-test-wiki.h"
#include "ct-timeline-layout.h"
#include "ct-timeline-svg.h"

typedef struct {
  char   *folder;
  CtWiki *wiki;
} Fixture;

static void
sample_setup (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->folder = ct_test_tmpdir ();
  f->wiki = ct_wiki_create_sample (f->folder, &error);
  g_assert_no_error (error);
}

static void
empty_setup (Fixture       *f,
             gconstpointer  data)
{
  f->wiki = ct_test_wiki_new (&f->folder);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->wiki);
  ct_test_rmtree (f->folder);
  g_free (f->folder);
}

static void
import (Fixture    *f,
        const char *json)
{
  g_autoptr(GError) error = NULL;

  gboolean imported = ct_wiki_import (f->wiki, json, -1, &error);

  g_assert_no_error (error);
  g_assert_true (imported);
}

/* Sets the text of fact @key of entity @title. */
static void
set_fact_text (Fixture    *f,
               const char *title,
               const char *key,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ct_test_id (f->wiki, title);
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (f->wiki, id, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);

      if (g_str_equal (fact->key, key))
        {
          g_free (fact->text);
          fact->text = g_strdup (text);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_true (ct_wiki_set_facts (f->wiki, id, facts, &error));
  g_assert_no_error (error);
}

static CtTimeline *
timeline (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CtTimeline *timeline = ct_timeline_new (f->wiki, &error);

  g_assert_no_error (error);
  g_assert_nonnull (timeline);
  return timeline;
}

static char *
event_titles (CtTimeline *timeline,
              guint       from,
              guint       n)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = from; i < from + n; i++)
    g_string_append_printf (out, "%s%s", i > from ? "; " : "",
                            ((CtTimelineEvent *) g_ptr_array_index (timeline->events, i))->title);
  return g_strdup (out->str);
}

static char *
release_titles (CtTimeline *timeline)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < timeline->release->len; i++)
    {
      CtTimelineRelease *item = &g_array_index (timeline->release, CtTimelineRelease, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "; " : "",
                              item->is_film ? ((CtTimelineFilm *) g_ptr_array_index (timeline->films, item->index))->title
                                            : ((CtTimelineEvent *) g_ptr_array_index (timeline->events, item->index))->title);
    }
  return g_strdup (out->str);
}

static char *
problems (CtTimeline *timeline)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < timeline->problems->len; i++)
    {
      CtTimelineProblem *p = g_ptr_array_index (timeline->problems, i);

      g_string_append_printf (out, "%s: %s: %s\n", p->title, ct_severity_to_string (p->diagnostic->severity),
                              p->diagnostic->message);
    }
  return g_strdup (out->str);
}

static void
test_sample_lanes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CtTimeline) t = timeline (f);
  g_autofree char *universe = event_titles (t, 0, t->n_universe);
  g_autofree char *release = release_titles (t);
  g_autofree char *told = problems (t);
  CtTimelineEvent *confront = NULL;

  g_assert_cmpstr (universe, ==,
                   "Rooney's family is murdered; Rooney trains with the Ruska Roma; Ruska Roma ballet rehearsal; "
                   "Rooney's hunt for her family's killers; Rooney confronts her mentor");
  g_assert_cmpuint (t->n_unplaced, ==, 0);
  /* filming and reshoots of Ballerina happen between releases; its
   * release event follows the film's own release */
  g_assert_cmpstr (release, ==,
                   "John Wick (film); John Wick: Chapter 2; John Wick: Chapter 3 – Parabellum; "
                   "John Wick: Chapter 4; The Continental: From the World of John Wick; "
                   "Ballerina filming wraps; Ballerina reshoots; Ballerina; Ballerina release");
  /* the sample is consistent: flashbacks in Ballerina are no contradiction */
  g_assert_cmpstr (told, ==, "");

  for (guint i = 0; i < t->n_universe; i++)
    {
      CtTimelineEvent *event = g_ptr_array_index (t->events, i);

      g_assert_cmpint (event->film, >=, 0);
      if (g_str_equal (event->title, "Rooney confronts her mentor"))
        confront = event;
    }
  g_assert_nonnull (confront);
  g_assert_true (confront->spoiler);
  {
    g_autofree char *label = ct_timeline_event_label (t, confront);
    g_assert_cmpstr (label, ==, "Event: Rooney confronts her mentor, between Chapter 3 and Chapter 4, "
                                "in Ballerina, spoiler");
  }
}

static void
test_cycle (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CtTimeline) t = NULL;
  g_autofree char *told = NULL;

  import (f, "{ \"format\": \"continuity-wiki\", \"version\": 1, \"entities\": ["
             "{ \"kind\": \"film\", \"title\": \"Beta\", \"facts\": [ { \"key\": \"set_after\", \"entity\": \"Alpha\" } ] },"
             "{ \"kind\": \"film\", \"title\": \"Gamma\", \"facts\": [ { \"key\": \"set_after\", \"entity\": \"Beta\" } ] },"
             "{ \"kind\": \"film\", \"title\": \"Alpha\", \"facts\": [ { \"key\": \"set_after\", \"entity\": \"Gamma\" } ] },"
             "{ \"kind\": \"film\", \"title\": \"Delta\", \"facts\": [ { \"key\": \"set_before\", \"entity\": \"Alpha\" } ] }"
             "] }");
  t = timeline (f);
  told = problems (t);
  g_assert_cmpstr (told, ==,
                   "Alpha: error: “Alpha” is set after “Gamma”, which is set after “Beta”, which is set after "
                   "“Alpha”: these films have no in-universe order. Remove one set_after or set_before.\n");
}

static void
test_self_cycle (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *told = NULL;

  import (f, "{ \"format\": \"continuity-wiki\", \"version\": 1, \"entities\": ["
             "{ \"kind\": \"film\", \"title\": \"Ouroboros\", \"facts\": [ { \"key\": \"set_before\", \"entity\": \"Ouroboros\" } ] }"
             "] }");
  found = ct_timeline_check_wiki (f->wiki, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((CtTimelineProblem *) g_ptr_array_index (found, 0))->diagnostic->severity, ==, CT_SEVERITY_ERROR);
}

static void
test_contradiction (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CtTimeline) t = NULL;
  g_autofree char *told = NULL;

  /* Chapter 3 is set before Ballerina; its event now comes after all of
   * Ballerina's */
  set_fact_text (f, "Ruska Roma ballet rehearsal", "chrono", "50");
  t = timeline (f);
  told = problems (t);
  g_assert_cmpstr (told, ==,
                   "Ruska Roma ballet rehearsal: warning: “Ruska Roma ballet rehearsal” (chrono 50) of "
                   "“John Wick: Chapter 3 – Parabellum” comes after every event of “Ballerina”, which is set after "
                   "“John Wick: Chapter 3 – Parabellum”: check its chrono or the films’ set_after.\n");
}

static void
test_contradiction_transitive (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CtTimeline) t = NULL;

  /* A before B before C; B has no events: A's event still must not come
   * after C's */
  import (f, "{ \"format\": \"continuity-wiki\", \"version\": 1, \"entities\": ["
             "{ \"kind\": \"film\", \"title\": \"A\", \"facts\": [ { \"key\": \"set_before\", \"entity\": \"B\" } ] },"
             "{ \"kind\": \"film\", \"title\": \"B\" },"
             "{ \"kind\": \"film\", \"title\": \"C\", \"facts\": [ { \"key\": \"set_after\", \"entity\": \"B\" } ] },"
             "{ \"kind\": \"event\", \"title\": \"Late\", \"facts\": [ { \"key\": \"chrono\", \"value\": \"9\" },"
             "  { \"key\": \"film\", \"entity\": \"A\" } ] },"
             "{ \"kind\": \"event\", \"title\": \"Early\", \"facts\": [ { \"key\": \"chrono\", \"value\": \"3\" },"
             "  { \"key\": \"film\", \"entity\": \"C\" } ] },"
             "{ \"kind\": \"event\", \"title\": \"Floating\", \"facts\": [ { \"key\": \"when\", \"value\": \"someday\" } ] }"
             "] }");
  t = timeline (f);
  g_assert_cmpuint (t->problems->len, ==, 1);
  g_assert_cmpstr (((CtTimelineProblem *) g_ptr_array_index (t->problems, 0))->title, ==, "Late");
  /* an event without chrono is shown, not dropped */
  g_assert_cmpuint (t->n_unplaced, ==, 1);
  g_assert_cmpstr (((CtTimelineEvent *) g_ptr_array_index (t->events, t->n_universe))->title, ==, "Floating");
}

static guint
count_items (CtTimelineLayout   *layout,
             CtTimelineItemKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < layout->items->len; i++)
    n += g_array_index (layout->items, CtTimelineItem, i).kind == kind;
  return n;
}

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CtTimeline) t = timeline (f);
  CtTimelineLayoutOptions options = { .lane_width = 200, .zoom = 1, .show_spoilers = TRUE };
  g_autoptr(CtTimelineLayout) all = ct_timeline_layout_new (t, &options);
  g_autoptr(CtTimelineLayout) safe = NULL;
  g_autoptr(CtTimelineLayout) zoomed = NULL;
  g_autoptr(CtTimelineLayout) film = NULL;
  double last_y = -1;

  /* 5 in-universe events and 3 real-world ones; 6 films; the runs
   * Ballerina, Chapter 3, Ballerina */
  g_assert_cmpuint (count_items (all, CT_TIMELINE_ITEM_EVENT), ==, 8);
  g_assert_cmpuint (count_items (all, CT_TIMELINE_ITEM_FILM), ==, 6);
  g_assert_cmpuint (count_items (all, CT_TIMELINE_ITEM_GROUP), ==, 3);
  g_assert_cmpuint (all->connectors->len, ==, 3);
  g_assert_cmpuint (all->n_hidden, ==, 0);

  /* boxes of one lane never overlap, top to bottom in order */
  for (guint i = 0; i < all->items->len; i++)
    {
      CtTimelineItem *item = &g_array_index (all->items, CtTimelineItem, i);

      if (item->kind == CT_TIMELINE_ITEM_LANE)
        last_y = -1;
      if (item->kind != CT_TIMELINE_ITEM_EVENT && item->kind != CT_TIMELINE_ITEM_FILM)
        continue;
      g_assert_cmpfloat (item->rect.y, >=, last_y);
      last_y = item->rect.y + item->rect.height;
      g_assert_cmpfloat (last_y, <=, all->height);
    }

  options.show_spoilers = FALSE;
  safe = ct_timeline_layout_new (t, &options);
  g_assert_cmpuint (count_items (safe, CT_TIMELINE_ITEM_EVENT), ==, 7);
  g_assert_cmpuint (safe->n_hidden, ==, 1);

  options.zoom = 3;
  zoomed = ct_timeline_layout_new (t, &options);
  g_assert_cmpfloat (zoomed->height, >, safe->height);

  options.zoom = 1;
  options.film_id = ct_test_id (f->wiki, "John Wick: Chapter 3 – Parabellum");
  film = ct_timeline_layout_new (t, &options);
  g_assert_cmpuint (count_items (film, CT_TIMELINE_ITEM_EVENT), ==, 1);
  g_assert_cmpuint (count_items (film, CT_TIMELINE_ITEM_FILM), ==, 1);
  g_assert_cmpuint (film->connectors->len, ==, 1);
}

static void
test_layout_character (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CtTimeline) t = timeline (f);
  CtTimelineLayoutOptions options = { .lane_width = 200, .zoom = 1, .show_spoilers = TRUE };
  g_autoptr(CtTimelineLayout) director = NULL;

  options.character_id = ct_test_id (f->wiki, "The Director");
  director = ct_timeline_layout_new (t, &options);
  /* trains with the Ruska Roma, the ballet rehearsal */
  g_assert_cmpuint (count_items (director, CT_TIMELINE_ITEM_EVENT), ==, 2);
}

static char *
href (CtEntityKind  kind,
      const char   *slug,
      gint64        id,
      gpointer      data)
{
  return g_strdup_printf ("%s/%s.html", ct_entity_kind_to_string (kind), slug);
}

static void
test_svg_golden (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CtTimeline) t = timeline (f);
  CtTimelineLayoutOptions options = { .lane_width = 240, .zoom = 1, .show_spoilers = TRUE };
  g_autofree char *svg = ct_timeline_svg (t, &options, href, NULL);
  g_autofree char *again = ct_timeline_svg (t, &options, href, NULL);

  g_assert_cmpstr (svg, ==, again);
  if (g_getenv ("CT_UPDATE_GOLDEN") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CT_SOURCE_ROOT"), "tests", "golden", "timeline",
                                                "sample.svg", NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, svg, -1, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_autofree char *expected = ct_test_read_source ("golden", "timeline", "sample.svg", NULL);
      g_assert_cmpstr (svg, ==, expected);
    }
}

static void
test_svg_hostile (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CtTimeline) t = NULL;
  CtTimelineLayoutOptions options = { .lane_width = 160, .zoom = 1, .show_spoilers = TRUE };
  g_autofree char *svg = NULL;

  import (f, "{ \"format\": \"continuity-wiki\", \"version\": 1, \"entities\": ["
             "{ \"kind\": \"film\", \"title\": \"<script>alert(1)</script>\","
             "  \"facts\": [ { \"key\": \"release_date\", \"value\": \"2020\" } ] },"
             "{ \"kind\": \"event\", \"title\": \"../../etc/passwd \\\" onload=\\\"x\","
             "  \"facts\": [ { \"key\": \"chrono\", \"value\": \"1\" }, { \"key\": \"when\", \"value\": \"<b>&amp;</b>\" },"
             "  { \"key\": \"film\", \"entity\": \"<script>alert(1)</script>\" } ] }"
             "] }");
  t = timeline (f);
  svg = ct_timeline_svg (t, &options, href, NULL);
  g_assert_null (strstr (svg, "<script"));
  g_assert_null (strstr (svg, "<b>"));
  g_assert_null (strstr (svg, "\" onload"));
  g_assert_nonnull (strstr (svg, "&lt;script&gt;"));
  g_assert_nonnull (strstr (svg, "&quot; onload=&quot;x"));
  g_assert_nonnull (strstr (svg, "&lt;b&gt;&amp;amp;&lt;/b&gt;"));
  /* the drawing is well-formed XML */
  {
    g_autoptr(GMarkupParseContext) context = NULL;
    GMarkupParser parser = { 0 };
    g_autoptr(GError) error = NULL;

    context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
    g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
    g_assert_true (g_markup_parse_context_end_parse (context, &error));
    g_assert_no_error (error);
  }
}

static void
test_svg_long_title (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CtTimeline) t = NULL;
  CtTimelineLayoutOptions options = { .lane_width = 120, .zoom = 1 };
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"continuity-wiki\", \"version\": 1, \"entities\": ["
                                          "{ \"kind\": \"event\", \"title\": \"");
  g_autofree char *svg = NULL;

  /* titles stop at 500 characters: the longest a wiki takes */
  for (guint i = 0; i < 99; i++)
    g_string_append (json, "Très ");
  g_string_append (json, "long\", \"facts\": [ { \"key\": \"chrono\", \"value\": \"1\" } ] } ] }");
  import (f, json->str);
  t = timeline (f);
  svg = ct_timeline_svg (t, &options, NULL, NULL);
  /* cut in the box (a valid UTF-8 prefix and an ellipsis), whole in the label */
  g_assert_true (g_utf8_validate (svg, -1, NULL));
  g_assert_nonnull (strstr (svg, ">Très Très "));
  g_assert_nonnull (strstr (svg, "…</text>"));
  g_assert_nonnull (strstr (svg, "Très long</title>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/timeline/sample/lanes", Fixture, NULL, sample_setup, test_sample_lanes, teardown);
  g_test_add ("/timeline/check/cycle", Fixture, NULL, empty_setup, test_cycle, teardown);
  g_test_add ("/timeline/check/self-cycle", Fixture, NULL, empty_setup, test_self_cycle, teardown);
  g_test_add ("/timeline/check/contradiction", Fixture, NULL, sample_setup, test_contradiction, teardown);
  g_test_add ("/timeline/check/contradiction-transitive", Fixture, NULL, empty_setup,
              test_contradiction_transitive, teardown);
  g_test_add ("/timeline/layout/sample", Fixture, NULL, sample_setup, test_layout, teardown);
  g_test_add ("/timeline/layout/character", Fixture, NULL, sample_setup, test_layout_character, teardown);
  g_test_add ("/timeline/svg/golden", Fixture, NULL, sample_setup, test_svg_golden, teardown);
  g_test_add ("/timeline/svg/hostile", Fixture, NULL, empty_setup, test_svg_hostile, teardown);
  g_test_add ("/timeline/svg/long-title", Fixture, NULL, empty_setup, test_svg_long_title, teardown);
  return g_test_run ();
}
