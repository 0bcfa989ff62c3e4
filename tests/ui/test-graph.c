/* test-graph.c — the relationship graph in the window, on a copy of the
 * sample wiki: Show in Graph on a film lists its cast in the Relations
 * list (the drawing's accessible form), a row opens its entity, the kind
 * filter takes nodes away, an edit elsewhere redraws it.
 *
 * With CT_TEST_SCREENSHOTS=DIR set, the window is also drawn to PNG files
 * in DIR, in light and dark style (for docs/): the real app. */
#include "config.h"

#include <string.h>

#include "ct-application.h"
#include "ct-graph-canvas.h"
#include "ct-graph-view.h"
#include "ct-test-ui.h"
#include "ct-window-private.h"

static CtApplication *app;

typedef struct {
  char     *base;
  char     *folder;
  CtWindow *window;
  CtWiki   *wiki;
} Fixture;

static gint64
entity_id (CtWiki     *wiki,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ct_wiki_lookup (wiki, title, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return ((CtLookup *) g_ptr_array_index (found, 0))->entity_id;
}

static GtkWidget *
selected_child (Fixture *f)
{
  AdwTabPage *tab = adw_tab_view_get_selected_page (f->window->tab_view);

  return tab ? adw_tab_page_get_child (tab) : NULL;
}

static CtGraphView *
wait_graph (Fixture *f)
{
  CtGraphView *view;

  CT_TEST_WAIT (CT_IS_GRAPH_VIEW (selected_child (f)));
  view = CT_GRAPH_VIEW (selected_child (f));
  CT_TEST_WAIT (!ct_graph_view_is_busy (view) && ct_graph_view_get_graph (view) != NULL);
  return view;
}

/* The row of the Relations list reading @text, or NULL. */
static GtkListBoxRow *
find_row (CtGraphView *view,
          const char  *text)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (ct_graph_view_get_relations (view)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return GTK_LIST_BOX_ROW (row);
    }
  return NULL;
}

static guint
count_rows_with (CtGraphView *view,
                 const char  *text)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (ct_graph_view_get_relations (view)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (GTK_IS_LABEL (label) && strstr (gtk_label_get_text (GTK_LABEL (label)), text) != NULL)
        n++;
    }
  return n;
}

/* The file's contents once it holds @length bytes or more, else NULL. */
static char *
read_at_least (const char *path,
               gsize       length)
{
  char *contents = NULL;
  gsize got = 0;

  if (!g_file_get_contents (path, &contents, &got, NULL) || got < length)
    {
      g_free (contents);
      return NULL;
    }
  return contents;
}

static GtkWidget *
find_canvas (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (CT_IS_GRAPH_CANVAS (child))
        return child;
      if ((found = find_canvas (child)) != NULL)
        return found;
    }
  return NULL;
}

static guint
count_kind (const CtGraph *graph,
            CtEntityKind   kind)
{
  guint n = 0;

  for (guint i = 0; i < graph->nodes->len; i++)
    n += ((CtGraphNode *) graph->nodes->pdata[i])->kind == kind;
  return n;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->folder = ct_test_sample_wiki_new ("ct-test-graph-XXXXXX");
  f->base = g_path_get_dirname (f->folder);

  f->window = ct_test_wiki_window_new (app, f->folder, 1280, 800);
  f->wiki = g_object_ref (ct_window_get_wiki (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) tree = g_file_new_for_path (f->base);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->wiki);
  ct_test_spin (50);
  ct_test_remove_tree (tree);
  g_free (f->folder);
  g_free (f->base);
}

static void
test_show_in_graph (Fixture       *f,
                    gconstpointer  data)
{
  gint64 ballerina = entity_id (f->wiki, "Ballerina");
  gint64 ana = entity_id (f->wiki, "Ana de Armas");
  CtEntityPage *page = _ct_window_open_entity (f->window, f->wiki, ballerina);
  CtGraphView *view;
  GtkListBoxRow *row;
  const CtGraph *graph;
  g_autofree char *accessible = NULL;

  /* the entity page's menu item */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entity.show-in-graph", NULL));
  view = wait_graph (f);
  graph = ct_graph_view_get_graph (view);
  g_assert_cmpint (((CtGraphNode *) graph->nodes->pdata[0])->id, ==, ballerina);
  g_assert_cmpstr (ct_graph_view_get_title (view), ==, "Graph: Ballerina");
  g_assert_cmpstr (adw_tab_page_get_title (adw_tab_view_get_page (f->window->tab_view, GTK_WIDGET (view))),
                   ==, "Graph: Ballerina");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Graph: Ballerina");

  /* its cast, as rows a screen reader reads */
  g_assert_nonnull (find_row (view, "Ana de Armas — Cast — Ballerina"));
  g_assert_nonnull (find_row (view, "Keanu Reeves — Cameo — Ballerina"));
  g_assert_nonnull (find_row (view, "Ana de Armas — plays — Rooney"));
  g_assert_nonnull (find_row (view, "Ballerina — Director — Len Wiseman"));
  g_assert_nonnull (find_row (view, "Ian McShane — Cast (rumored) — Ballerina"));

  ct_test_screenshot (GTK_WIDGET (f->window), "graph-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ct_test_screenshot (GTK_WIDGET (f->window), "graph-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Export SVG…: the drawing as core writes it */
  {
    g_autofree char *svg_path = g_build_filename (f->base, "graph.svg", NULL);
    g_autoptr(GFile) target = g_file_new_for_path (svg_path);
    g_autofree char *expected = NULL;
    g_autofree char *written = NULL;

    expected = ct_graph_svg (ct_graph_view_get_graph (view),
                             ct_graph_canvas_get_layout (CT_GRAPH_CANVAS (find_canvas (GTK_WIDGET (view)))));
    g_assert_true (ct_graph_view_export_to (view, target));
    /* a new file is written in place: wait for all of it */
    CT_TEST_WAIT ((written = read_at_least (svg_path, strlen (expected))) != NULL);
    g_assert_cmpstr (written, ==, expected);
    g_assert_nonnull (strstr (written, "<title>Relationship graph of Ballerina</title>"));
    g_assert_nonnull (strstr (written, ">Ana de Armas</text>"));
  }

  /* a row opens the entity the relation leads to */
  row = find_row (view, "Ana de Armas — Cast — Ballerina");
  gtk_widget_activate (GTK_WIDGET (row));
  CT_TEST_WAIT (CT_IS_ENTITY_PAGE (selected_child (f))
                && ct_entity_page_get_id (CT_ENTITY_PAGE (selected_child (f))) == ana);

  /* Open Graph (Ctrl+Shift+G) centres the one graph tab on the entity read */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-graph", "x", (gint64) 0));
  view = wait_graph (f);
  CT_TEST_WAIT (!ct_graph_view_is_busy (view)
                && ((CtGraphNode *) ct_graph_view_get_graph (view)->nodes->pdata[0])->id == ana);
  g_assert_nonnull (find_row (view, "Ana de Armas — Cast — Ballerina"));
  g_assert_cmpstr (ct_graph_view_get_title (view), ==, "Graph: Ana de Armas");
}

static void
test_kind_filter (Fixture       *f,
                  gconstpointer  data)
{
  gint64 ballerina = entity_id (f->wiki, "Ballerina");
  CtGraphView *view;
  const CtGraph *before, *after;
  guint nodes_before;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-graph", "x", ballerina));
  view = wait_graph (f);
  before = ct_graph_view_get_graph (view);
  nodes_before = before->nodes->len;
  g_assert_cmpuint (count_kind (before, CT_ENTITY_PERSON), >, 5);
  g_assert_cmpuint (count_rows_with (view, "Ana de Armas"), >, 0);

  ct_graph_view_set_kind_visible (view, CT_ENTITY_PERSON, FALSE);
  CT_TEST_WAIT (!ct_graph_view_is_busy (view) && ct_graph_view_get_graph (view) != before);
  after = ct_graph_view_get_graph (view);
  g_assert_cmpuint (count_kind (after, CT_ENTITY_PERSON), ==, 0);
  g_assert_cmpuint (after->nodes->len, <, nodes_before);
  g_assert_cmpuint (count_rows_with (view, "Ana de Armas"), ==, 0);
  g_assert_cmpuint (count_rows_with (view, "Rooney — "), >, 0);

  ct_graph_view_set_kind_visible (view, CT_ENTITY_PERSON, TRUE);
  CT_TEST_WAIT (!ct_graph_view_is_busy (view) && ct_graph_view_get_graph (view)->nodes->len == nodes_before);

  /* a node clicked (the canvas's gesture says which) opens its entity */
  {
    gint64 winston = entity_id (f->wiki, "Winston");
    int node = ct_graph_find (ct_graph_view_get_graph (view), winston);

    g_assert_cmpint (node, >, 0);
    g_signal_emit_by_name (find_canvas (GTK_WIDGET (view)), "node-activated", (guint) node);
    CT_TEST_WAIT (CT_IS_ENTITY_PAGE (selected_child (f))
                  && ct_entity_page_get_id (CT_ENTITY_PAGE (selected_child (f))) == winston);
  }
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ballerina = entity_id (f->wiki, "Ballerina");
  CtGraphView *view;
  CtCredit credit = { .film_id = ballerina, .role = (char *) "stunts" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-graph", "x", ballerina));
  view = wait_graph (f);
  g_assert_null (find_row (view, "Jane Doubleday — Stunts — Ballerina"));

  /* an edit made anywhere shows in the graph */
  credit.person_id = ct_wiki_create_entity (f->wiki, CT_ENTITY_PERSON, "Jane Doubleday", &error);
  g_assert_no_error (error);
  ct_wiki_add_credit (f->wiki, &credit, &error);
  g_assert_no_error (error);
  CT_TEST_WAIT (!ct_graph_view_is_busy (view) && find_row (view, "Jane Doubleday — Stunts — Ballerina") != NULL);

  /* the centre deleted: said, not drawn */
  ct_wiki_delete_entity (f->wiki, ballerina, &error);
  g_assert_no_error (error);
  CT_TEST_WAIT (!ct_graph_view_is_busy (view) && ct_graph_view_get_graph (view) == NULL);
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (ct_graph_view_get_relations (view))));
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_test_app_new ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/graph/show-in-graph", test_show_in_graph);
  ADD ("/ui/graph/kind-filter", test_kind_filter);
  ADD ("/ui/graph/refresh", test_refresh);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
