/* test-narrow-window.c — the window at a phone's width (360 pixels, as
 * GNOME's guidelines ask). It must fit there with a post open beside its
 * preview and a wiki in the sidebar: the header bar's Open button and view
 * toggles give way to icons and a menu, the sidebar's timeline draws one
 * lane. The sidebar then folds over the tabs instead of sitting beside
 * them, so it must paint a background of its own: without one the post
 * under it showed through its search field, its page buttons and lists. */
#include "config.h"

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-graph-canvas.h"
#include "ct-graph-view.h"
#include "ct-preview.h"
#include "ct-test-ui.h"
#include "ct-wiki-sidebar.h"
#include "ct-window-private.h"

static CtApplication *app;

/* How many of @widget's pixels, drawn on their own, are not opaque. */
static guint
count_see_through_pixels (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  gsize stride;
  guint see_through = 0;

  CT_TEST_WAIT ((node = ct_test_render_node (widget)) != NULL);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  /* CAIRO_FORMAT_ARGB32 in memory order: B, G, R, A on this machine */
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixels[y * stride + x * 4 + 3] != 0xff)
        see_through++;
  return see_through;
}

static void
test_folded_sidebar_is_opaque (void)
{
  g_autofree char *folder = ct_test_sample_wiki_new ("ct-test-narrow-XXXXXX");
  g_autofree char *base = g_path_get_dirname (folder);
  g_autofree char *post = g_build_filename (folder, "posts", "ballerina-review.md", NULL);
  g_autoptr(GFile) tree = g_file_new_for_path (base);
  CtWindow *window = ct_test_wiki_window_new (app, folder, 420, 700);
  CtEditorPage *page = ct_test_open_post (window, post);
  GtkWidget *sidebar = GTK_WIDGET (window->sidebar);

  g_assert_nonnull (page);
  CT_TEST_WAIT (adw_flap_get_folded (window->flap));
  /* choosing the post from the sidebar folded it away; F9 brings it back */
  adw_flap_set_reveal_flap (window->flap, TRUE);
  CT_TEST_WAIT (adw_flap_get_reveal_progress (window->flap) >= 1.0 && gtk_widget_get_mapped (sidebar));
  g_assert_cmpuint (count_see_through_pixels (sidebar), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  ct_test_spin (50);
  ct_test_remove_tree (tree);
}

/* Whether every node of @canvas's graph is drawn inside it, across. */
static gboolean
graph_fits_across (CtGraphCanvas *canvas)
{
  const CtGraphLayout *layout = ct_graph_canvas_get_layout (canvas);
  double x0, y0, x1, y1, zoom, pan_x, pan_y;
  double middle = gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0;

  if (layout == NULL)
    return FALSE;
  ct_graph_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
  _ct_graph_canvas_get_view (canvas, &zoom, &pan_x, &pan_y);
  return x0 * zoom + middle + pan_x >= 0 && x1 * zoom + middle + pan_x <= 2 * middle;
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static void
test_fits_a_phone (void)
{
  g_autofree char *folder = ct_test_sample_wiki_new ("ct-test-narrow-XXXXXX");
  g_autofree char *base = g_path_get_dirname (folder);
  g_autofree char *post = g_build_filename (folder, "posts", "ballerina-review.md", NULL);
  g_autoptr(GFile) tree = g_file_new_for_path (base);
  g_autofree char *layout = NULL;
  GtkSettings *settings = gtk_settings_get_default ();
  CtWindow *window;
  CtEditorPage *page;

  /* GNOME's own title bar buttons: Close alone */
  g_object_get (settings, "gtk-decoration-layout", &layout, NULL);
  g_object_set (settings, "gtk-decoration-layout", "menu:close", NULL);
  window = ct_test_wiki_window_new (app, folder, 1000, 700);
  page = ct_test_open_post (window, post);
  g_assert_nonnull (page);
  gtk_widget_activate_action (GTK_WIDGET (window), "app.view-mode", "s", "split");

  ct_test_spin (100);

  /* the window's content: around it GTK may draw a shadow of its own */
  g_assert_cmpint (minimum_width (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))), <=, 360);

  /* and at that width the window is whole: a menu instead of the view
   * toggles, which still switches the view */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  CT_TEST_WAIT (gtk_widget_get_width (GTK_WIDGET (window)) <= 400);
  CT_TEST_WAIT (GTK_IS_MENU_BUTTON (adw_squeezer_get_visible_child (ADW_SQUEEZER (window->view_mode_box))));
  g_assert_true (adw_flap_get_folded (window->flap));
  {
    GtkWidget *button = adw_squeezer_get_visible_child (ADW_SQUEEZER (window->view_mode_box));
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    GMenuModel *section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    const char *modes[] = { "editor", "split", "preview" };

    g_assert_cmpint (g_menu_model_get_n_items (section), ==, G_N_ELEMENTS (modes));
    for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
      {
        g_autofree char *action = NULL, *target = NULL;

        g_assert_true (g_menu_model_get_item_attribute (section, i, "action", "s", &action));
        g_assert_true (g_menu_model_get_item_attribute (section, i, "target", "s", &target));
        g_assert_cmpstr (action, ==, "app.view-mode");
        g_assert_cmpstr (target, ==, modes[i]);
      }
    g_object_unref (section);
  }
  /* the preview's half is ~180 pixels: long words wrap, tables scroll in
   * their own box, nothing runs off the page's edge */
  {
    WebKitWebView *view = ct_preview_get_web_view (_ct_editor_page_get_preview (page));

    CT_TEST_WAIT (ct_test_page_ready (page));
    CT_TEST_WAIT (gtk_widget_get_width (GTK_WIDGET (view)) < 250);
    /* the page learns its new size from the web process, a moment later,
     * and its text once the post is rendered */
    for (;;)
      {
        g_autofree char *narrow = ct_test_eval_js (view, "window.innerWidth < 250 && document.querySelector ('.ct-post h1') !== null");

        if (g_str_equal (narrow, "true"))
          break;
        ct_test_spin (50);
      }
    {
      g_autofree char *overflowing = ct_test_eval_js (view,
        "Array.from (document.querySelectorAll ('.ct-post *'))"
        /* a cast table may scroll sideways inside its own box */
        ".filter (e => !e.parentElement.closest ('.ct-cast'))"
        ".filter (e => e.getBoundingClientRect ().right > document.documentElement.clientWidth + 1)"
        ".map (e => e.tagName + ': ' + e.textContent.slice (0, 20)).join ('; ')");

      g_assert_cmpstr (overflowing, ==, "");
    }
    if (g_getenv ("CT_TEST_SCREENSHOTS") != NULL)
      {
        adw_flap_set_reveal_flap (window->flap, FALSE);
        ct_test_screenshot (GTK_WIDGET (window), "narrow-post.png");
      }
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.view-mode", "s", "preview"));
  CT_TEST_WAIT (g_strcmp0 (ct_editor_page_get_view_mode (page), "preview") == 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "app.view-mode", "s", "split");

  /* The graph: its toolbar scrolls sideways, its Relations list goes under
   * the drawing, and back beside it in a wide window. */
  {
    GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
    GtkWidget *graph, *paned;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-graph", "x", (gint64) 0));
    CT_TEST_WAIT ((graph = ct_test_find_descendant (content, CT_TYPE_GRAPH_VIEW)) != NULL && gtk_widget_get_mapped (graph));
    paned = ct_test_find_descendant (graph, GTK_TYPE_PANED);
    g_assert_cmpint (minimum_width (content), <=, 360);
    CT_TEST_WAIT (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)) == GTK_ORIENTATION_VERTICAL);
    g_assert_cmpint (minimum_width (content), <=, 360);
    /* fitted to the narrow drawing, not to the size guessed before it
     * had one */
    CT_TEST_WAIT (graph_fits_across (CT_GRAPH_CANVAS (ct_test_find_descendant (graph, CT_TYPE_GRAPH_CANVAS))));
    ct_test_screenshot (GTK_WIDGET (window), "narrow-graph.png");

    gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
    CT_TEST_WAIT (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)) == GTK_ORIENTATION_HORIZONTAL);
    g_assert_cmpint (gtk_widget_get_width (graph), >=, 600);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (settings, "gtk-decoration-layout", layout, NULL);
  ct_test_spin (50);
  ct_test_remove_tree (tree);
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = ct_test_app_new ();

  g_test_add_func ("/ui/narrow-window/fits-a-phone", test_fits_a_phone);
  g_test_add_func ("/ui/narrow-window/folded-sidebar-is-opaque", test_folded_sidebar_is_opaque);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
