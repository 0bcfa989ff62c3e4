/* test-timeline-view.c — the drawn timeline in the real window on a copy of the
 * sample wiki: its items are accessible children in chrono order, one
 * activated opens its entity, hovering one shows its card, a contradiction
 * typed into the wiki shows up as a problem, arrows move the focus, zoom
 * and filters change what is drawn, and the sidebar's compact form lists
 * the same events. At scale: test-timeline-big.c.
 *
 * With CT_TEST_SCREENSHOTS=DIR set, the tab and the sidebar are drawn to
 * PNG files in DIR, light and dark (for docs/screenshots/). */
#include "config.h"

#include <string.h>

#include "ct-application.h"
#include "ct-entity-card.h"
#include "ct-entity-page.h"
#include "ct-test-ui.h"
#include "ct-test-timeline.h"
#include "ct-timeline-canvas.h"
#include "ct-timeline-view.h"
#include "ct-wiki-sidebar.h"
#include "ct-window-private.h"


/* The sample's in-universe events, by chrono, as a screen reader hears
 * them; the last is a spoiler. */
static const char * const universe[] = {
  "Event: Rooney's family is murdered, Rooney's childhood, in Ballerina",
  "Event: Rooney trains with the Ruska Roma, before Chapter 3, in Ballerina",
  "Event: Ruska Roma ballet rehearsal, during Chapter 3, in John Wick: Chapter 3 – Parabellum",
  "Event: Rooney's hunt for her family's killers, between Chapter 3 and Chapter 4, in Ballerina",
  "Event: Rooney confronts her mentor, between Chapter 3 and Chapter 4, in Ballerina, spoiler",
};

/* The list of problems: the list view that is no dropdown's. */
static GtkListView *
problems_list (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found;

      if (GTK_IS_DROP_DOWN (child))
        continue;
      if (GTK_IS_LIST_VIEW (child))
        return GTK_LIST_VIEW (child);
      if ((found = problems_list (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The title at @position of @dropdown's list. */
static char *
dropdown_title (GtkDropDown *dropdown,
                guint        position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (dropdown), position);

  return item ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

static guint
dropdown_find (GtkDropDown *dropdown,
               const char  *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)); i++)
    {
      g_autofree char *each = dropdown_title (dropdown, i);

      if (g_str_equal (each, title))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
fixture_setup (CtTestTimelineFixture *f,
               gconstpointer          app)
{
  f->folder = ct_test_sample_wiki_new ("ct-test-timeline-XXXXXX");
  f->base = g_path_get_dirname (f->folder);

  f->window = ct_test_wiki_window_new ((CtApplication *) app, f->folder, 1280, 860);
  f->wiki = g_object_ref (ct_window_get_wiki (f->window));
}

/* Tests ------------------------------------------------------------------ */

static void
test_order (CtTestTimelineFixture *f,
            gconstpointer          data)
{
  CtTimelineView *view = ct_test_timeline_open_tab (f);
  g_autoptr(GPtrArray) hidden = ct_test_timeline_items (view);
  g_autoptr(GPtrArray) shown = NULL;

  /* the window says which tab it shows, as it does for a post or a graph */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Timeline");

  /* spoilers stay hidden until revealed */
  for (guint i = 0; i < 4; i++)
    ct_test_assert_label (g_ptr_array_index (hidden, i), universe[i]);
  g_assert_false (ct_test_has_label (g_ptr_array_index (hidden, 4), universe[4]));

  ct_test_timeline_reveal (view, TRUE);
  shown = ct_test_timeline_items (view);
  g_assert_cmpuint (shown->len, ==, hidden->len + 1);
  for (guint i = 0; i < G_N_ELEMENTS (universe); i++)
    ct_test_assert_label (g_ptr_array_index (shown, i), universe[i]);
  /* then the release lane, from the first film */
  ct_test_assert_label (g_ptr_array_index (shown, G_N_ELEMENTS (universe)), "Film: John Wick (film), released October 2014");

  ct_test_screenshot (GTK_WIDGET (f->window), "timeline-tab.png");
  if (g_getenv ("CT_TEST_SCREENSHOTS") != NULL)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      ct_test_screenshot (GTK_WIDGET (f->window), "timeline-tab-dark.png");
    }
}

static void
test_activate (CtTestTimelineFixture *f,
               gconstpointer          data)
{
  CtTimelineView *view = ct_test_timeline_open_tab (f);
  g_autoptr(GPtrArray) found = ct_test_timeline_items (view);
  AdwTabPage *tab;
  GtkWidget *child;

  ct_test_assert_label (g_ptr_array_index (found, 2), universe[2]);
  gtk_widget_activate (g_ptr_array_index (found, 2));
  CT_TEST_WAIT ((tab = adw_tab_view_get_selected_page (f->window->tab_view)) != NULL
                && CT_IS_ENTITY_PAGE (adw_tab_page_get_child (tab)));
  child = adw_tab_page_get_child (tab);
  g_assert_cmpstr (ct_entity_page_get_title (CT_ENTITY_PAGE (child)), ==, "Ruska Roma ballet rehearsal");
}

/* Resting the pointer on an item shows the entity's card. */
static void
test_hover (CtTestTimelineFixture *f,
            gconstpointer          data)
{
  CtTimelineView *view = ct_test_timeline_open_tab (f);
  GtkWidget *canvas = _ct_timeline_view_get_canvas (view);
  g_autoptr(GPtrArray) found = ct_test_timeline_items (view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (g_ptr_array_index (found, 2));
  GtkWidget *popover = ct_test_find_descendant (canvas, GTK_TYPE_POPOVER);
  CtEntityCard *card = CT_ENTITY_CARD (ct_test_find_descendant (popover, CT_TYPE_ENTITY_CARD));

  g_assert_false (gtk_widget_get_visible (popover));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "enter", 10.0, 10.0);
    }
  CT_TEST_WAIT (gtk_widget_get_visible (popover));
  g_assert_cmpstr (ct_entity_card_get_title (card), ==, "Ruska Roma ballet rehearsal");
}

static void
test_contradiction (CtTestTimelineFixture *f,
                    gconstpointer          data)
{
  CtTimelineView *view = ct_test_timeline_open_tab (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ct_wiki_lookup (f->wiki, "Ruska Roma ballet rehearsal", &error);
  gint64 id = ((CtLookup *) g_ptr_array_index (found, 0))->entity_id;
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (f->wiki, id, &error);

  g_assert_cmpuint (_ct_timeline_view_get_n_problems (view), ==, 0);
  ct_wiki_sidebar_set_page (f->window->sidebar, "timeline");
  /* Chapter 3's event moved after all of Ballerina's, which is set after it */
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);

      if (g_str_equal (fact->key, "chrono"))
        {
          g_free (fact->text);
          fact->text = g_strdup ("50");
        }
    }
  g_assert_true (ct_wiki_set_facts (f->wiki, id, facts, &error));
  g_assert_no_error (error);

  CT_TEST_WAIT (_ct_timeline_view_get_n_problems (view) == 1);
  g_assert_nonnull (strstr (_ct_timeline_view_get_problem (view, 0), "comes after every event of “Ballerina”"));
  /* the sidebar's timeline says so too */
  CT_TEST_WAIT (_ct_timeline_view_get_n_problems (_ct_wiki_sidebar_get_timeline_view (f->window->sidebar)) == 1);

  /* activating the problem (a click, or Enter on its row) opens the
   * entity to fix */
  {
    GtkListView *list = problems_list (GTK_WIDGET (view));
    AdwTabPage *tab;

    g_assert_nonnull (list);
    ct_test_assert_label (GTK_WIDGET (list), "Timeline Problems");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 1);
    g_signal_emit_by_name (list, "activate", 0);
    CT_TEST_WAIT ((tab = adw_tab_view_get_selected_page (f->window->tab_view)) != NULL
                  && CT_IS_ENTITY_PAGE (adw_tab_page_get_child (tab)));
    g_assert_cmpstr (ct_entity_page_get_title (CT_ENTITY_PAGE (adw_tab_page_get_child (tab))), ==,
                     "Ruska Roma ballet rehearsal");
  }
}

static void
test_arrows (CtTestTimelineFixture *f,
             gconstpointer          data)
{
  CtTimelineView *view = ct_test_timeline_open_tab (f);
  CtTimelineCanvas *canvas = CT_TIMELINE_CANVAS (_ct_timeline_view_get_canvas (view));
  g_autoptr(GPtrArray) found = ct_test_timeline_items (view);

  /* what the arrow keys call: next and previous in reading order */
  g_assert_true (ct_timeline_canvas_move_focus (canvas, 1));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == g_ptr_array_index (found, 0));
  g_assert_true (ct_timeline_canvas_move_focus (canvas, 1));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == g_ptr_array_index (found, 1));
  g_assert_true (ct_timeline_canvas_move_focus (canvas, 1));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == g_ptr_array_index (found, 2));
  g_assert_true (ct_timeline_canvas_move_focus (canvas, -1));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == g_ptr_array_index (found, 1));
  /* at the end it stays */
  ct_timeline_canvas_move_focus (canvas, 1000);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == g_ptr_array_index (found, found->len - 1));

  /* the keys themselves: Home, Down, Right, Up */
  g_assert_true (ct_test_press_key (GTK_WIDGET (canvas), GDK_KEY_Home));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == g_ptr_array_index (found, 0));
  g_assert_true (ct_test_press_key (GTK_WIDGET (canvas), GDK_KEY_Down));
  g_assert_true (ct_test_press_key (GTK_WIDGET (canvas), GDK_KEY_Right));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == g_ptr_array_index (found, 2));
  g_assert_true (ct_test_press_key (GTK_WIDGET (canvas), GDK_KEY_Up));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == g_ptr_array_index (found, 1));
  /* other keys go on (Enter activates the focused item) */
  g_assert_false (ct_test_press_key (GTK_WIDGET (canvas), GDK_KEY_a));
}

static void
test_zoom_and_filters (CtTestTimelineFixture *f,
                       gconstpointer          data)
{
  CtTimelineView *view = ct_test_timeline_open_tab (f);
  GtkWidget *canvas = _ct_timeline_view_get_canvas (view);
  int before = gtk_widget_get_height (canvas);
  GtkDropDown *film_filter, *character_filter;
  g_autoptr(GPtrArray) director = NULL;
  guint n_events = 0;

  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-in", NULL);
  g_assert_cmpfloat (ct_timeline_view_get_zoom (view), >, 1.5);
  CT_TEST_WAIT (gtk_widget_get_height (canvas) > before);

  /* the second dropdown: characters, "All Characters" first, by title */
  film_filter = GTK_DROP_DOWN (ct_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN));
  character_filter = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (film_filter)));
  {
    g_autofree char *all = dropdown_title (character_filter, 0);

    g_assert_cmpstr (all, ==, "All Characters");
  }
  g_assert_cmpuint (dropdown_find (character_filter, "The Director"), !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (character_filter, dropdown_find (character_filter, "The Director"));
  CT_TEST_WAIT (_ct_timeline_view_is_ready (view));
  director = ct_test_timeline_items (view);
  for (guint i = 0; i < director->len; i++)
    n_events += gtk_widget_has_css_class (g_ptr_array_index (director, i), "ct-timeline-event");
  g_assert_cmpuint (n_events, ==, 2);
  ct_test_assert_label (g_ptr_array_index (director, 0), universe[1]);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_action_button (child, action)) != NULL)
        return found;
    }
  return NULL;
}

/* Zooming in and out stretches the drawing from its top; the item in the
 * middle of the view must stay there, not slide off the screen. */
static void
test_zoom_keeps_place (CtTestTimelineFixture *f,
                       gconstpointer          data)
{
  CtTimelineView *view = ct_test_timeline_open_tab (f);
  GtkWidget *canvas = _ct_timeline_view_get_canvas (view);
  GtkWidget *scroller = gtk_widget_get_ancestor (canvas, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *zoom_in = find_action_button (GTK_WIDGET (view), "timeline.zoom-in");
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *item = NULL;
  graphene_rect_t box, before, after;
  double page;
  int height;

  g_assert_nonnull (zoom_in);
  /* stretched until most of it is out of sight */
  ct_timeline_view_set_zoom (view, 3);
  CT_TEST_WAIT (gtk_adjustment_get_upper (vadjustment) > 2 * gtk_adjustment_get_page_size (vadjustment));
  ct_test_spin (100);
  page = gtk_adjustment_get_page_size (vadjustment);

  /* the first item below the first screenful, scrolled to the middle */
  found = ct_test_timeline_items (view);
  for (guint i = 0; item == NULL && i < found->len; i++)
    {
      g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (found, i), canvas, &box));
      if (box.origin.y > page)
        item = g_ptr_array_index (found, i);
    }
  g_assert_nonnull (item);
  gtk_adjustment_set_value (vadjustment, box.origin.y + box.size.height / 2 - page / 2);
  ct_test_spin (100);
  g_assert_true (gtk_widget_compute_bounds (item, scroller, &before));
  g_assert_cmpfloat (before.origin.y, >, 0);
  g_assert_cmpfloat (before.origin.y + before.size.height, <, page);

  /* the button, then what + and − call */
  height = gtk_widget_get_height (canvas);
  gtk_widget_activate (zoom_in);
  /* a button clicks when its press animation ends */
  CT_TEST_WAIT (ct_timeline_view_get_zoom (view) > 3);
  CT_TEST_WAIT (gtk_widget_get_height (canvas) > height);
  ct_test_spin (100);
  g_assert_true (gtk_widget_compute_bounds (item, scroller, &after));
  g_assert_cmpfloat (ABS (after.origin.y - before.origin.y), <, 12);

  height = gtk_widget_get_height (canvas);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-out", NULL);
  CT_TEST_WAIT (gtk_widget_get_height (canvas) < height);
  ct_test_spin (100);
  g_assert_true (gtk_widget_compute_bounds (item, scroller, &after));
  g_assert_cmpfloat (ABS (after.origin.y - before.origin.y), <, 12);

  /* Ctrl+scroll and pinch: around the pointer, not the middle. Two
   * events apart in the view, the lower one in the middle; zooming around
   * the upper one keeps that one in place (the middle would let it move
   * up by as much as the gap between them grows). */
  item = NULL;
  for (guint i = 1; item == NULL && i < found->len; i++)
    {
      GtkWidget *upper = g_ptr_array_index (found, i - 1);
      GtkWidget *lower = g_ptr_array_index (found, i);
      graphene_rect_t up;

      if (!gtk_widget_has_css_class (upper, "ct-timeline-event") || !gtk_widget_has_css_class (lower, "ct-timeline-event"))
        continue;
      g_assert_true (gtk_widget_compute_bounds (upper, canvas, &up));
      g_assert_true (gtk_widget_compute_bounds (lower, canvas, &box));
      if (box.origin.y - up.origin.y > 40 && box.origin.y - up.origin.y < page / 2 - 40)
        item = upper;
    }
  g_assert_nonnull (item);
  gtk_adjustment_set_value (vadjustment, box.origin.y + box.size.height / 2 - page / 2);
  ct_test_spin (100);
  g_assert_true (gtk_widget_compute_bounds (item, scroller, &before));
  g_assert_cmpfloat (before.origin.y, >, 0);
  g_assert_true (gtk_widget_compute_bounds (item, GTK_WIDGET (view), &box));
  height = gtk_widget_get_height (canvas);
  ct_timeline_view_zoom_around (view, 2 * ct_timeline_view_get_zoom (view), box.origin.y + box.size.height / 2);
  CT_TEST_WAIT (gtk_widget_get_height (canvas) > height);
  ct_test_spin (100);
  g_assert_true (gtk_widget_compute_bounds (item, scroller, &after));
  g_assert_cmpfloat (ABS (after.origin.y - before.origin.y), <, 12);
}

/* The film filter by keyboard: Enter opens the dropdown (its activate),
 * typing narrows the thousands of titles a wiki may have, Enter on the
 * row chooses it; the drawing then shows that film's events alone. */
static void
test_film_filter_keyboard (CtTestTimelineFixture *f,
                           gconstpointer          data)
{
  CtTimelineView *view = ct_test_timeline_open_tab (f);
  GtkDropDown *film_filter = GTK_DROP_DOWN (ct_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN));
  GtkWidget *popover = ct_test_find_descendant (GTK_WIDGET (film_filter), GTK_TYPE_POPOVER);
  GtkWidget *search = ct_test_find_descendant (popover, GTK_TYPE_SEARCH_ENTRY);
  GtkListView *list = GTK_LIST_VIEW (ct_test_find_descendant (popover, GTK_TYPE_LIST_VIEW));
  guint ballerina = dropdown_find (film_filter, "Ballerina");
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(CtTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  gint64 film_id = 0;
  guint n_events = 0, n_films = 0;

  ct_test_assert_label (GTK_WIDGET (film_filter), "Film");
  g_assert_cmpuint (ballerina, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (gtk_drop_down_get_selected (film_filter), ==, 0);
  g_assert_nonnull (search);
  ct_test_assert_label (search, "Search Films");

  gtk_widget_activate (GTK_WIDGET (film_filter));
  CT_TEST_WAIT (gtk_widget_get_mapped (popover));
  gtk_editable_set_text (GTK_EDITABLE (search), "balle");
  CT_TEST_WAIT (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))) == 1);
  g_signal_emit_by_name (list, "activate", 0);
  CT_TEST_WAIT (!gtk_widget_get_mapped (popover));
  g_assert_cmpuint (gtk_drop_down_get_selected (film_filter), ==, ballerina);

  CT_TEST_WAIT (_ct_timeline_view_is_ready (view));
  shown = ct_test_timeline_items (view);
  g_assert_cmpuint (shown->len, >, 0);
  /* Ballerina's events but the spoilers, in either lane, and the film */
  timeline = ct_timeline_new (f->wiki, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timeline->films->len; i++)
    if (g_str_equal (((CtTimelineFilm *) g_ptr_array_index (timeline->films, i))->title, "Ballerina"))
      film_id = ((CtTimelineFilm *) g_ptr_array_index (timeline->films, i))->id;
  g_assert_cmpint (film_id, !=, 0);
  for (guint i = 0; i < timeline->events->len; i++)
    {
      CtTimelineEvent *event = g_ptr_array_index (timeline->events, i);

      if (event->film_id == film_id && !event->spoiler)
        g_ptr_array_add (expected, event->title);
    }
  g_assert_cmpuint (expected->len, >=, 3);
  for (guint i = 0; i < shown->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (shown, i);
      const char *title = gtk_label_get_text (GTK_LABEL (ct_test_find_descendant (item, GTK_TYPE_LABEL)));

      g_test_message ("shown: %s", title);
      if (gtk_widget_has_css_class (item, "ct-timeline-event"))
        {
          g_assert_true (g_ptr_array_find_with_equal_func (expected, title, g_str_equal, NULL));
          n_events++;
        }
      else
        {
          g_assert_cmpstr (title, ==, "Ballerina");
          n_films++;
        }
    }
  g_assert_cmpuint (n_events, ==, expected->len);
  g_assert_cmpuint (n_films, ==, 1);

  /* back to all of them */
  gtk_drop_down_set_selected (film_filter, 0);
  CT_TEST_WAIT (_ct_timeline_view_is_ready (view) && ct_test_timeline_n_items (view) > shown->len);
}

/* Zoom pressed several times in a row, faster than the worker lays out:
 * the drawing stays meanwhile, and what lands at last is the last zoom. */
static void
test_zoom_burst (CtTestTimelineFixture *f,
                 gconstpointer          data)
{
  CtTimelineView *view = ct_test_timeline_open_tab (f);
  CtTimelineCanvas *canvas = CT_TIMELINE_CANVAS (_ct_timeline_view_get_canvas (view));
  guint before = ct_test_timeline_n_items (view);
  int burst, direct;

  for (guint i = 0; i < 4; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-in", NULL);
  g_assert_cmpfloat (ct_timeline_canvas_get_options (canvas)->zoom, ==, ct_timeline_view_get_zoom (view));
  /* the old drawing until the new one is there */
  g_assert_cmpuint (ct_test_timeline_n_items (view), ==, before);
  CT_TEST_WAIT (_ct_timeline_view_is_ready (view));
  ct_test_spin (50);
  burst = gtk_widget_get_height (GTK_WIDGET (canvas));

  /* the same zoom asked for once draws the same */
  ct_timeline_view_set_zoom (view, 1);
  CT_TEST_WAIT (_ct_timeline_view_is_ready (view));
  ct_test_spin (50);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (canvas)), <, burst);
  ct_timeline_view_set_zoom (view, 1.25 * 1.25 * 1.25 * 1.25);
  CT_TEST_WAIT (_ct_timeline_view_is_ready (view));
  ct_test_spin (50);
  direct = gtk_widget_get_height (GTK_WIDGET (canvas));
  g_assert_cmpint (direct, ==, burst);
}

static void
test_sidebar (CtTestTimelineFixture *f,
              gconstpointer          data)
{
  CtTimelineView *view = _ct_wiki_sidebar_get_timeline_view (f->window->sidebar);
  g_autoptr(GPtrArray) found = NULL;

  ct_wiki_sidebar_set_page (f->window->sidebar, "timeline");
  ct_test_timeline_settle (view);
  found = ct_test_timeline_items (view);
  /* one lane: the in-universe events only, the spoiler hidden */
  g_assert_cmpuint (found->len, ==, 4);
  for (guint i = 0; i < found->len; i++)
    ct_test_assert_label (g_ptr_array_index (found, i), universe[i]);

  ct_test_screenshot (GTK_WIDGET (f->window), "timeline-sidebar.png");
  if (g_getenv ("CT_TEST_SCREENSHOTS") != NULL)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      ct_test_screenshot (GTK_WIDGET (f->window), "timeline-sidebar-dark.png");
    }
}

int
main (int    argc,
      char **argv)
{
  CtApplication *app;
  int status;

  /* run-ui-test turns accessibility off (GTK_A11Y=none), and widgets then
   * have no accessible context to read labels from: the test backend
   * keeps them in memory, before GTK starts */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = ct_test_app_new ();

#define ADD(path, func) \
  g_test_add (path, CtTestTimelineFixture, app, fixture_setup, func, ct_test_timeline_fixture_teardown)
  ADD ("/ui/timeline/order", test_order);
  ADD ("/ui/timeline/activate", test_activate);
  ADD ("/ui/timeline/hover", test_hover);
  ADD ("/ui/timeline/contradiction", test_contradiction);
  ADD ("/ui/timeline/arrows", test_arrows);
  ADD ("/ui/timeline/zoom-and-filters", test_zoom_and_filters);
  ADD ("/ui/timeline/sidebar", test_sidebar);
  ADD ("/ui/timeline/zoom-keeps-place", test_zoom_keeps_place);
  ADD ("/ui/timeline/film-filter-keyboard", test_film_filter_keyboard);
  ADD ("/ui/timeline/zoom-burst", test_zoom_burst);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
