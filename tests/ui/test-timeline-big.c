/* test-timeline-big.c — the drawn timeline at scale, on a generated wiki
 * of thousands of events: only the items near the view have buttons, the
 * keyboard still reaches every item, each button carries its place among
 * all, and a zoom, an edit and a filter work far down. */
#include "config.h"

#include <string.h>

#include "ct-application.h"
#include "ct-test-ui.h"
#include "ct-test-timeline.h"
#include "ct-timeline-canvas.h"
#include "ct-timeline-view.h"
#include "ct-window-private.h"

#define BIG_EVENTS 3000
#define BIG_FILMS  30

/* A wiki of BIG_EVENTS events with chrono values, a run of them per film. */
static void
big_setup (CtTestTimelineFixture *f,
           gconstpointer          app)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;

  f->base = g_dir_make_tmp ("ct-test-timeline-big-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_build_filename (f->base, "wiki", NULL);
  for (guint i = 0; i < BIG_FILMS; i++)
    g_string_append_printf (json, "{\"kind\": \"film\", \"title\": \"Film %u\", \"facts\": ["
                            "{\"key\": \"release_date\", \"value\": \"%u\"}]},\n", i, 1970 + i);
  for (guint i = 0; i < BIG_EVENTS; i++)
    g_string_append_printf (json, "{\"kind\": \"event\", \"title\": \"Event %u\", \"facts\": ["
                            "{\"key\": \"chrono\", \"value\": \"%u\"},"
                            "{\"key\": \"film\", \"entity\": \"Film %u\"}]}%s\n",
                            i, i, i * BIG_FILMS / BIG_EVENTS, i + 1 < BIG_EVENTS ? "," : "");
  g_string_append (json, "], \"credits\": []}\n");
  wiki = ct_wiki_create (f->folder, &error);
  g_assert_no_error (error);
  g_assert_true (ct_wiki_import (wiki, json->str, (gssize) json->len, &error));
  g_assert_no_error (error);
  g_clear_object (&wiki);

  f->window = ct_test_wiki_window_new ((CtApplication *) app, f->folder, 1280, 860);
  f->wiki = g_object_ref (ct_window_get_wiki (f->window));
}

/* What a screen reader must hear for an item, as core words it. */
static char *
expected_label (CtTimeline *timeline,
                const char *title)
{
  for (guint i = 0; i < timeline->events->len; i++)
    {
      CtTimelineEvent *event = g_ptr_array_index (timeline->events, i);

      if (g_str_equal (event->title, title))
        return ct_timeline_event_label (timeline, event);
    }
  for (guint i = 0; i < timeline->films->len; i++)
    {
      CtTimelineFilm *film = g_ptr_array_index (timeline->films, i);

      if (g_str_equal (film->title, title))
        return ct_timeline_film_label (film);
    }
  g_assert_not_reached ();
}

static GtkWidget *
focused (CtTestTimelineFixture *f)
{
  return gtk_window_get_focus (GTK_WINDOW (f->window));
}

/* Focused, shown in the scrolled window, and saying @title's label. */
static void
assert_focused_item (CtTestTimelineFixture *f,
                     CtTimeline *timeline,
                     GtkWidget  *canvas,
                     const char *title)
{
  g_autofree char *label = expected_label (timeline, title);
  GtkWidget *scroller = gtk_widget_get_ancestor (canvas, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t box;

  g_test_message ("expecting %s", label);
  g_assert_true (GTK_IS_BUTTON (focused (f)));
  g_assert_true (gtk_widget_get_parent (focused (f)) == canvas);
  ct_test_assert_label (focused (f), label);
  ct_test_spin (50);
  g_assert_true (gtk_widget_compute_bounds (focused (f), scroller, &box));
  g_assert_cmpfloat (box.origin.y, >=, -1);
  g_assert_cmpfloat (box.origin.y + box.size.height, <=, gtk_widget_get_height (scroller) + 1);
}

/* The buttons are children in reading order, each a different item. */
static void
assert_reading_order (CtTimelineView *view)
{
  g_autoptr(GPtrArray) found = ct_test_timeline_items (view);

  for (guint i = 1; i < found->len; i++)
    g_assert_cmpint (ct_timeline_canvas_item_get_slot (g_ptr_array_index (found, i - 1)), <,
                     ct_timeline_canvas_item_get_slot (g_ptr_array_index (found, i)));
}

static void
test_big (CtTestTimelineFixture *f,
          gconstpointer          data)
{
  CtTimelineView *view = ct_test_timeline_open_tab (f);
  CtTimelineCanvas *canvas = CT_TIMELINE_CANVAS (_ct_timeline_view_get_canvas (view));
  g_autoptr(GError) error = NULL;
  g_autoptr(CtTimeline) timeline = ct_timeline_new (f->wiki, &error);
  guint n = ct_timeline_canvas_get_n_items (canvas);
  g_autofree char *label = NULL;
  guint bound;
  char title[32];

  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, BIG_EVENTS + BIG_FILMS);
  /* a few screenfuls of buttons, not one per item */
  bound = ct_test_timeline_n_items (view);
  g_assert_cmpuint (bound, >, 0);
  g_assert_cmpuint (bound, <, 200);
  assert_reading_order (view);

  /* End: the last item of the reading order, the last film released */
  g_assert_true (ct_test_press_key (GTK_WIDGET (canvas), GDK_KEY_End));
  g_snprintf (title, sizeof title, "Film %u", BIG_FILMS - 1);
  assert_focused_item (f, timeline, GTK_WIDGET (canvas), title);
  g_assert_cmpint (ct_timeline_canvas_item_get_slot (focused (f)), ==, (int) n - 1);

  /* Home: the first event, far above */
  g_assert_true (ct_test_press_key (GTK_WIDGET (canvas), GDK_KEY_Home));
  assert_focused_item (f, timeline, GTK_WIDGET (canvas), "Event 0");
  g_assert_cmpuint (ct_test_timeline_n_items (view), <, 200);

  /* Down past every button there was at first: the buttons left behind
   * are bound to the items coming into view */
  for (guint i = 1; i <= 3 * bound; i++)
    {
      g_assert_true (ct_test_press_key (GTK_WIDGET (canvas), GDK_KEY_Down));
      if (i % 25 == 0)
        {
          g_snprintf (title, sizeof title, "Event %u", i);
          assert_focused_item (f, timeline, GTK_WIDGET (canvas), title);
          g_assert_cmpuint (ct_test_timeline_n_items (view), <, 200);
        }
    }
  g_snprintf (title, sizeof title, "Event %u", 3 * bound);
  assert_focused_item (f, timeline, GTK_WIDGET (canvas), title);
  assert_reading_order (view);
  /* and back up */
  g_assert_true (ct_test_press_key (GTK_WIDGET (canvas), GDK_KEY_Up));
  g_snprintf (title, sizeof title, "Event %u", 3 * bound - 1);
  assert_focused_item (f, timeline, GTK_WIDGET (canvas), title);

  /* a jump of the scroll bar far away: the focused button stays, the
   * others follow the view, still bounded */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (canvas), GTK_TYPE_SCROLLED_WINDOW))),
                            0);
  ct_test_spin (100);
  g_assert_cmpuint (ct_test_timeline_n_items (view), <, 200);
  g_free (label);
  label = expected_label (timeline, title);
  ct_test_assert_label (focused (f), label);
  assert_reading_order (view);

  /* zoom spreads the same items further apart: still a bounded few */
  ct_timeline_view_set_zoom (view, 4);
  CT_TEST_WAIT (_ct_timeline_view_is_ready (view));
  ct_test_spin (200);
  g_assert_cmpuint (ct_test_timeline_n_items (view), <, 200);
  g_assert_cmpuint (ct_timeline_canvas_get_n_items (canvas), ==, n);

  /* an edit far from the view: read again, and the view still has its
   * buttons where it is */
  {
    g_autoptr(GPtrArray) event = ct_wiki_lookup (f->wiki, "Event 10", &error);
    gint64 id = ((CtLookup *) g_ptr_array_index (event, 0))->entity_id;
    g_autoptr(GPtrArray) facts = ct_wiki_get_facts (f->wiki, id, &error);

    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (canvas), GTK_TYPE_SCROLLED_WINDOW))),
                              gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0);
    ct_test_spin (100);
    bound = ct_test_timeline_n_items (view);
    g_assert_cmpuint (bound, >, 0);
    g_assert_true (ct_wiki_set_facts (f->wiki, id, facts, &error));
    g_assert_no_error (error);
    ct_test_spin (600);
    CT_TEST_WAIT (_ct_timeline_view_is_ready (view));
    ct_test_spin (200);
    g_test_message ("buttons before the edit %u, after %u", bound, ct_test_timeline_n_items (view));
    g_assert_cmpuint (ct_test_timeline_n_items (view), >, bound / 2);
    assert_reading_order (view);
  }

  /* a filter far down: the same */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (canvas), GTK_TYPE_SCROLLED_WINDOW))),
                            gtk_widget_get_height (GTK_WIDGET (canvas)) * 0.9);
  ct_test_spin (100);
  bound = ct_test_timeline_n_items (view);
  ct_test_timeline_reveal (view, TRUE);
  ct_test_spin (200);
  g_test_message ("buttons before the filter %u, after %u", bound, ct_test_timeline_n_items (view));
  g_assert_cmpuint (ct_test_timeline_n_items (view), >, bound / 2);
}

int
main (int    argc,
      char **argv)
{
  CtApplication *app;
  int status;

  /* accessible labels are read back: see test-timeline-view.c */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = ct_test_app_new ();

  g_test_add ("/ui/timeline/big", CtTestTimelineFixture, app, big_setup, test_big,
              ct_test_timeline_fixture_teardown);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
