/* The relationship graph: its query on the John Wick fixture, the
 * layout's determinism and spacing, and the SVG writer (golden file,
 * hostile titles). */
#include "config.h"

#include <string.h>

#include "ct-graph-layout.h"
#include "ct-test-wiki.h"

typedef struct {
  CtWiki *wiki;
  char   *folder;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->wiki = ct_test_wiki_fixture (&f->folder);
}

/* The sample wiki (what `continuity new --sample` makes) instead of the
 * fixture: a denser neighbourhood around Ballerina. */
static void
sample_set_up (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->folder = ct_test_tmpdir ();
  path = g_build_filename (f->folder, "sample", NULL);
  f->wiki = ct_wiki_create_sample (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->wiki);
  ct_test_rmtree (f->folder);
  g_free (f->folder);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every edge as its row, one per line, sorted: order-free comparisons. */
static char *
describe_edges (const CtGraph *graph)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < graph->edges->len; k++)
    g_ptr_array_add (rows, ct_graph_edge_describe (graph, k));
  g_ptr_array_sort (rows, compare_rows);
  g_ptr_array_add (rows, g_strdup (""));
  g_ptr_array_add (rows, NULL);
  return g_strjoinv ("\n", (char **) rows->pdata);
}

static gboolean
has_node (const CtGraph *graph,
          const char    *title)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    if (g_strcmp0 (((CtGraphNode *) graph->nodes->pdata[i])->title, title) == 0)
      return TRUE;
  return FALSE;
}

static void
test_one_step (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtGraph) graph = ct_graph_neighbourhood (f->wiki, ct_test_id (f->wiki, "Ballerina"), 1, 0, &error);
  g_autofree char *edges = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (((CtGraphNode *) graph->nodes->pdata[0])->title, ==, "Ballerina");
  g_assert_cmpuint (((CtGraphNode *) graph->nodes->pdata[0])->depth, ==, 0);
  g_assert_false (graph->truncated);

  edges = describe_edges (graph);
  /* credits with their role, the character a person plays, facts of the
   * film and facts of others that point at it; the director's fact and
   * credit are one edge */
  g_assert_nonnull (strstr (edges, "Ana de Armas — Cast — Ballerina\n"));
  g_assert_nonnull (strstr (edges, "Keanu Reeves — Cameo — Ballerina\n"));
  g_assert_nonnull (strstr (edges, "Ana de Armas — plays — Rooney\n"));
  g_assert_nonnull (strstr (edges, "Ballerina — Director — Len Wiseman\n"));
  g_assert_nonnull (strstr (edges, "Ballet studio ambush — Film — Ballerina\n"));
  g_assert_nonnull (strstr (edges, "Rooney's family is killed — Film — Ballerina\n"));
  g_assert_nonnull (strstr (edges, "Ballerina — Set after — John Wick: Chapter 3 – Parabellum\n"));
  g_assert_null (strstr (edges, "Len Wiseman — Director — Ballerina"));

  /* one step out: the rim's ties among themselves show, but nothing
   * beyond it (Prague is the ambush's location, two steps away) */
  g_assert_null (strstr (edges, "Rooney — Affiliation"));
  g_assert_false (has_node (graph, "Prague"));
  g_assert_false (has_node (graph, "Ruska Roma"));
  g_assert_true (has_node (graph, "Village siege"));
  for (guint i = 1; i < graph->nodes->len; i++)
    g_assert_cmpuint (((CtGraphNode *) graph->nodes->pdata[i])->depth, ==, 1);
}

static void
test_two_steps (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ct_test_id (f->wiki, "Ballerina");
  g_autoptr(CtGraph) one = ct_graph_neighbourhood (f->wiki, id, 1, 0, &error);
  g_autoptr(CtGraph) two = ct_graph_neighbourhood (f->wiki, id, 2, 0, &error);
  g_autofree char *edges = NULL;
  int prague;

  g_assert_no_error (error);
  g_assert_cmpuint (two->nodes->len, >, one->nodes->len);
  for (guint i = 0; i < one->nodes->len; i++)
    g_assert_true (has_node (two, ((CtGraphNode *) one->nodes->pdata[i])->title));

  prague = ct_graph_find (two, ct_test_id (f->wiki, "Prague"));
  g_assert_cmpint (prague, >, 0);
  g_assert_cmpuint (((CtGraphNode *) two->nodes->pdata[prague])->depth, ==, 2);
  g_assert_cmpint (((CtGraphNode *) two->nodes->pdata[prague])->kind, ==, CT_ENTITY_LOCATION);

  edges = describe_edges (two);
  g_assert_nonnull (strstr (edges, "Rooney — Affiliation — Ruska Roma\n"));
  g_assert_nonnull (strstr (edges, "Rooney meets John Wick — Participants — Rooney\n"));
  /* breadth first: nodes never come before nearer ones */
  for (guint i = 1; i < two->nodes->len; i++)
    g_assert_cmpuint (((CtGraphNode *) two->nodes->pdata[i - 1])->depth, <=,
                      ((CtGraphNode *) two->nodes->pdata[i])->depth);
}

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 film = ct_test_id (f->wiki, "Ballerina");
  CtCredit credit = { .film_id = film, .role = (char *) "cast", .status = CT_FACT_RUMORED };
  g_autoptr(CtGraph) graph = NULL;
  g_autofree char *edges = NULL;
  int rumor;

  credit.person_id = ct_wiki_create_entity (f->wiki, CT_ENTITY_PERSON, "Rumor Person", &error);
  g_assert_no_error (error);
  ct_wiki_add_credit (f->wiki, &credit, &error);
  g_assert_no_error (error);

  graph = ct_graph_neighbourhood (f->wiki, film, 1, 0, &error);
  g_assert_no_error (error);
  edges = describe_edges (graph);
  g_assert_nonnull (strstr (edges, "Rumor Person — Cast (rumored) — Ballerina\n"));
  g_assert_nonnull (strstr (edges, "Ana de Armas — Cast — Ballerina\n"));

  /* the same relation confirmed elsewhere is said once, as confirmed */
  {
    gint64 other = ct_test_id (f->wiki, "John Wick");
    CtCredit again = { .film_id = other, .person_id = credit.person_id, .role = (char *) "cast" };
    g_autoptr(CtGraph) two = NULL;
    g_autofree char *both = NULL;
    gint64 character = ct_wiki_create_entity (f->wiki, CT_ENTITY_CHARACTER, "Rumored Role", &error);

    g_assert_no_error (error);
    credit.character_id = again.character_id = character;
    ct_wiki_add_credit (f->wiki, &credit, &error);
    g_assert_no_error (error);
    ct_wiki_add_credit (f->wiki, &again, &error);
    g_assert_no_error (error);
    two = ct_graph_neighbourhood (f->wiki, credit.person_id, 1, 0, &error);
    g_assert_no_error (error);
    both = describe_edges (two);
    g_assert_nonnull (strstr (both, "Rumor Person — plays — Rumored Role\n"));
    g_assert_null (strstr (both, "plays (rumored)"));
    g_assert_nonnull (strstr (both, "Rumor Person — Cast (rumored) — Ballerina\n"));
    credit.character_id = 0;
  }

  rumor = ct_graph_find (graph, credit.person_id);
  for (guint k = 0; k < graph->edges->len; k++)
    {
      CtGraphEdge *edge = graph->edges->pdata[k];

      if (edge->source == (guint) rumor || edge->target == (guint) rumor)
        g_assert_cmpint (edge->status, ==, CT_FACT_RUMORED);
      else
        g_assert_cmpint (edge->status, ==, CT_FACT_CONFIRMED);
    }
}

static void
test_cap_and_missing (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtGraph) capped = ct_graph_neighbourhood (f->wiki, ct_test_id (f->wiki, "Ballerina"), 3, 4, &error);
  g_autoptr(CtGraph) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (capped->nodes->len, ==, 4);
  g_assert_true (capped->truncated);
  for (guint k = 0; k < capped->edges->len; k++)
    {
      CtGraphEdge *edge = capped->edges->pdata[k];

      g_assert_cmpuint (edge->source, <, 4);
      g_assert_cmpuint (edge->target, <, 4);
    }

  missing = ct_graph_neighbourhood (f->wiki, 999999, 1, 0, &error);
  g_assert_null (missing);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtGraph) graph = ct_graph_neighbourhood (f->wiki, ct_test_id (f->wiki, "Ballerina"), 2, 0, &error);
  guint all = (1u << CT_N_ENTITY_KINDS) - 1;
  g_autoptr(CtGraph) same = ct_graph_filter (graph, all);
  g_autoptr(CtGraph) no_people = ct_graph_filter (graph, all & ~(1u << CT_ENTITY_PERSON));
  g_autoptr(CtGraph) films = ct_graph_filter (graph, 1u << CT_ENTITY_FILM);
  g_autofree char *before = describe_edges (graph);
  g_autofree char *after = describe_edges (same);

  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (has_node (graph, "Ana de Armas"));
  g_assert_false (has_node (no_people, "Ana de Armas"));
  g_assert_true (has_node (no_people, "Rooney"));
  for (guint i = 0; i < no_people->nodes->len; i++)
    g_assert_cmpint (((CtGraphNode *) no_people->nodes->pdata[i])->kind, !=, CT_ENTITY_PERSON);
  for (guint k = 0; k < no_people->edges->len; k++)
    {
      CtGraphEdge *edge = no_people->edges->pdata[k];

      g_assert_cmpuint (edge->source, <, no_people->nodes->len);
      g_assert_cmpuint (edge->target, <, no_people->nodes->len);
    }

  /* only films: the centre and the films tied straight to it */
  g_assert_cmpstr (((CtGraphNode *) films->nodes->pdata[0])->title, ==, "Ballerina");
  g_assert_true (has_node (films, "John Wick: Chapter 3 – Parabellum"));
  g_assert_false (has_node (films, "Rooney"));
}

static CtGraphLayout *
settled (const CtGraph *graph,
         guint32        seed)
{
  CtGraphLayout *layout = ct_graph_layout_new (graph, seed);

  ct_graph_layout_run (layout, 5000);
  g_assert_true (ct_graph_layout_is_stable (layout));
  return layout;
}

static GBytes *
positions (const CtGraphLayout *layout)
{
  guint n = ct_graph_layout_get_n_nodes (layout);
  double *xy = g_new (double, 2 * n);

  for (guint i = 0; i < n; i++)
    ct_graph_layout_get_position (layout, i, &xy[2 * i], &xy[2 * i + 1]);
  return g_bytes_new_take (xy, sizeof (double) * 2 * n);
}

static void
test_layout_deterministic (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtGraph) graph = ct_graph_neighbourhood (f->wiki, ct_test_id (f->wiki, "Ballerina"), 2, 0, &error);
  g_autoptr(CtGraphLayout) a = settled (graph, 7);
  g_autoptr(CtGraphLayout) b = settled (graph, 7);
  g_autoptr(CtGraphLayout) c = settled (graph, 8);
  g_autoptr(GBytes) pa = positions (a);
  g_autoptr(GBytes) pb = positions (b);
  g_autoptr(GBytes) pc = positions (c);
  double x, y;

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (pa, pb));
  g_assert_false (g_bytes_equal (pa, pc));
  g_assert_cmpuint (ct_graph_layout_get_n_steps (a), ==, ct_graph_layout_get_n_steps (b));

  /* the centre stays where the reader looks first */
  ct_graph_layout_get_position (a, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 0.0);
  g_assert_cmpfloat (y, ==, 0.0);

  /* stable means stable */
  g_assert_true (ct_graph_layout_step (a));
  g_autoptr(GBytes) again = positions (a);
  g_assert_true (g_bytes_equal (pa, again));
}

static void
test_layout_sample_spacing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CtWiki *wiki = f->wiki;

  for (guint steps = 1; steps <= 3; steps++)
    {
      g_autoptr(CtGraph) graph = ct_graph_neighbourhood (wiki, ct_test_id (wiki, "Ballerina"), steps, 0, &error);
      g_autoptr(CtGraphLayout) layout = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (graph->nodes->len, >, 10);
      layout = settled (graph, 1);
      /* no two discs overlap, and there is room between them */
      g_assert_cmpfloat (ct_graph_layout_min_distance (layout), >=, CT_GRAPH_NODE_GAP - 0.5);
    }
}

/* A graph of @n nodes built without a wiki: a few hubs (films) with many
 * leaves and cross ties, the shape of a big franchise's neighbourhood. */
static CtGraph *
synthetic_graph (guint n)
{
  CtGraph *graph = g_new0 (CtGraph, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  graph->nodes = g_ptr_array_new_with_free_func (g_free);
  graph->edges = g_ptr_array_new_with_free_func (g_free);
  graph->steps = 2;
  for (guint i = 0; i < n; i++)
    {
      CtGraphNode *node = g_new0 (CtGraphNode, 1);

      node->id = i + 1;
      node->kind = i < 20 ? CT_ENTITY_FILM : CT_ENTITY_PERSON;
      node->depth = i == 0 ? 0 : i < 20 ? 1 : 2;
      g_ptr_array_add (graph->nodes, node);
      if (i == 0)
        continue;
      for (guint e = 0; e < (i < 20 ? 1u : 2u); e++)
        {
          CtGraphEdge *edge = g_new0 (CtGraphEdge, 1);

          edge->source = i;
          edge->target = i < 20 ? 0 : (guint) g_rand_int_range (rand, 0, 20);
          g_ptr_array_add (graph->edges, edge);
        }
    }
  return graph;
}

static void
test_layout_large (void)
{
  CtGraph *graph = synthetic_graph (1000);
  g_autoptr(CtGraphLayout) layout = ct_graph_layout_new (graph, 1);
  guint steps = ct_graph_layout_run (layout, 5000);

  /* it finishes, well within the step budget */
  g_assert_true (ct_graph_layout_is_stable (layout));
  g_assert_cmpuint (steps, <, 5000);
  g_test_message ("1,000 nodes: stable after %u steps", steps);
  /* stable because nothing overlaps, not because the passes gave up */
  g_assert_cmpfloat (ct_graph_layout_min_distance (layout), >=, CT_GRAPH_NODE_GAP - 0.5);

  g_ptr_array_unref (graph->nodes);
  g_ptr_array_unref (graph->edges);
  g_free (graph);
}

static void
test_svg_golden (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtGraph) graph = ct_graph_neighbourhood (f->wiki, ct_test_id (f->wiki, "Ballerina"), 1, 0, &error);
  g_autoptr(CtGraphLayout) layout = settled (graph, 1);
  g_autofree char *svg = ct_graph_svg (graph, layout);
  g_autofree char *again = ct_graph_svg (graph, layout);

  g_assert_no_error (error);
  g_assert_cmpstr (svg, ==, again);
  g_assert_true (g_str_has_prefix (svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));

  if (g_getenv ("CT_UPDATE_GOLDEN") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CT_SOURCE_ROOT"), "tests", "golden",
                                                "graph-ballerina.svg", NULL);

      g_file_set_contents (path, svg, -1, &error);
      g_assert_no_error (error);
      g_test_message ("rewrote %s", path);
    }
  else
    {
      g_autofree char *expected = ct_test_read_source ("golden", "graph-ballerina.svg", NULL);

      g_assert_cmpstr (svg, ==, expected);
    }
}

typedef struct {
  double x0, y0, x1, y1;
  char  *text;
} TextBox;

static void
text_box_clear (gpointer data)
{
  g_free (((TextBox *) data)->text);
}

/* The boxes of @svg's <text> elements (centred on x, y the baseline), at
 * 0.55 em a character and from 0.9 em above the baseline to 0.2 em below:
 * the size Cantarell draws them, whatever the writer thought. */
static GArray *
svg_text_boxes (const char *svg)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (TextBox));
  g_auto(GStrv) lines = g_strsplit (svg, "\n", -1);
  double size = 12;

  g_array_set_clear_func (boxes, text_box_clear);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *at = lines[l];

      if (strstr (at, "<g class=\"edge-labels\"") != NULL)
        size = 10;
      else if (strstr (at, "<g class=\"nodes\"") != NULL)
        size = 12;
      while ((at = strstr (at, "<text x=\"")) != NULL)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          TextBox box;
          double x, y;
          char *end;

          x = g_ascii_strtod (at + strlen ("<text x=\""), &end);
          g_assert_true (g_str_has_prefix (end, "\" y=\""));
          y = g_ascii_strtod (end + strlen ("\" y=\""), &end);
          at = strchr (end, '>') + 1;
          end = strstr (at, "</text>");
          g_assert_nonnull (end);
          g_string_append_len (text, at, end - at);
          /* an entity is one character */
          for (char *amp; (amp = strchr (text->str, '&')) != NULL;)
            g_string_erase (text, amp - text->str, strchr (amp, ';') - amp);
          box.x0 = x - g_utf8_strlen (text->str, -1) * 0.55 * size / 2;
          box.x1 = x + g_utf8_strlen (text->str, -1) * 0.55 * size / 2;
          box.y0 = y - 0.9 * size;
          box.y1 = y + 0.2 * size;
          box.text = g_string_free (g_steal_pointer (&text), FALSE);
          g_array_append_val (boxes, box);
          at = end;
        }
    }
  return boxes;
}

/* Around a busy centre the titles and edge labels crowd: once laid out,
 * none of the drawn labels may cover another. */
static void
test_svg_labels_apart (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CtWiki *wiki = f->wiki;

  for (guint steps = 1; steps <= 2; steps++)
    {
      g_autoptr(CtGraph) graph = ct_graph_neighbourhood (wiki, ct_test_id (wiki, "Ballerina"), steps, 0, &error);
      g_autoptr(CtGraphLayout) layout = settled (graph, 1);
      g_autofree char *svg = ct_graph_svg (graph, layout);
      g_autoptr(GArray) boxes = svg_text_boxes (svg);
      guint titles = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < boxes->len; i++)
        {
          TextBox *a = &g_array_index (boxes, TextBox, i);

          titles += g_str_equal (a->text, "Ballerina");
          for (guint j = i + 1; j < boxes->len; j++)
            {
              TextBox *b = &g_array_index (boxes, TextBox, j);

              if (a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1)
                g_error ("%u steps: “%s” and “%s” overlap", steps, a->text, b->text);
            }
        }
      /* the centre keeps its title, and most labels are drawn */
      g_assert_cmpuint (titles, ==, 1);
      g_assert_cmpuint (boxes->len, >, graph->nodes->len);
      g_test_message ("%u steps: %u of %u labels drawn", steps, boxes->len,
                      graph->nodes->len + graph->edges->len);
    }
}

static void
test_svg_hostile (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *hostile = "<script>alert(\"x\")</script> & ../../etc/passwd";
  gint64 film = ct_test_id (f->wiki, "Ballerina");
  gint64 id = ct_wiki_create_entity (f->wiki, CT_ENTITY_PERSON, hostile, &error);
  CtCredit credit = { .film_id = film, .person_id = id, .role = (char *) "stunts" };
  g_autoptr(CtGraph) graph = NULL;
  g_autoptr(CtGraphLayout) layout = NULL;
  g_autofree char *svg = NULL;

  g_assert_no_error (error);
  ct_wiki_add_credit (f->wiki, &credit, &error);
  g_assert_no_error (error);

  graph = ct_graph_neighbourhood (f->wiki, id, 1, 0, &error);
  g_assert_no_error (error);
  layout = settled (graph, 1);
  svg = ct_graph_svg (graph, layout);
  g_assert_null (strstr (svg, "<script"));
  g_assert_nonnull (strstr (svg, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ../../etc/passwd"));
  g_assert_nonnull (strstr (svg, "<title>Relationship graph of &lt;script&gt;"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/graph/neighbourhood/one-step", test_one_step);
  ADD ("/graph/neighbourhood/two-steps", test_two_steps);
  ADD ("/graph/neighbourhood/cap-and-missing", test_cap_and_missing);
  ADD ("/graph/neighbourhood/status", test_status);
  ADD ("/graph/filter", test_filter);
  ADD ("/graph/layout/deterministic", test_layout_deterministic);
  g_test_add ("/graph/layout/sample-spacing", Fixture, NULL, sample_set_up, test_layout_sample_spacing,
              fixture_tear_down);
  g_test_add_func ("/graph/layout/large", test_layout_large);
  ADD ("/graph/svg/golden", test_svg_golden);
  ADD ("/graph/svg/hostile", test_svg_hostile);
  g_test_add ("/graph/svg/labels-apart", Fixture, NULL, sample_set_up, test_svg_labels_apart, fixture_tear_down);
#undef ADD

  return g_test_run ();
}
