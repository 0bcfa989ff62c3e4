/* timeline-stall — does the drawn timeline stall the main loop on a big
 * wiki? Imports a generated wiki of 20,000 events with chrono values (in
 * 200 films, 100 characters taking part), shows the timeline's tab form
 * in a window, and notes the longest gap of the main loop (stall-probe.h:
 * a 1 ms timer at high priority, with the main thread's CPU time in the
 * gap) while it opens, zooms, scrolls, filters by film and by spoilers,
 * and redraws after a change of the wiki.
 *
 *   timeline-stall [N_EVENTS]
 *   timeline-stall --wiki FOLDER   (an existing wiki: wiki-bench's
 *                                   100,000 entities, 5,000 events, 10,000 films)
 *
 * Run under a display, e.g. `tests/run-ui-test build/bench/timeline-stall`
 * (bench/run does). Prints numbers, asserts nothing. */
#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-timeline.h"
#include "ct-timeline-canvas.h"
#include "ct-timeline-view.h"
#include "stall-probe.h"

#define N_FILMS      200
#define N_CHARACTERS 100

static char *
generate (guint n_events)
{
  GString *s = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [\n");

  for (guint i = 0; i < N_FILMS; i++)
    g_string_append_printf (s, "{\"kind\": \"film\", \"title\": \"Film %u\", \"facts\": ["
                            "{\"key\": \"release_date\", \"value\": \"%u-%02u\"}]},\n",
                            i, 1970 + i / 4, 1 + (i * 3) % 12);
  for (guint i = 0; i < N_CHARACTERS; i++)
    g_string_append_printf (s, "{\"kind\": \"character\", \"title\": \"Character %u\"},\n", i);
  /* consecutive events of one film: a band per film, as in a real saga */
  for (guint i = 0; i < n_events; i++)
    g_string_append_printf (s, "{\"kind\": \"event\", \"title\": \"Event %u\", \"facts\": ["
                            "{\"key\": \"chrono\", \"value\": \"%u\"},"
                            "{\"key\": \"when\", \"value\": \"year %u\"},"
                            "{\"key\": \"film\", \"entity\": \"Film %u\"},"
                            "{\"key\": \"participants\", \"entity\": \"Character %u\"}]}%s\n",
                            i, i, i, i * N_FILMS / n_events, i % N_CHARACTERS, i + 1 < n_events ? "," : "");
  g_string_append (s, "], \"credits\": []}\n");
  return g_string_free (s, FALSE);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_widget (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Up to two minutes: a bench reports what it sees rather than hang. */
static void
wait_ready (CtTimelineView *view)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  /* items, not buttons: a view scrolled into a gap of the time scale has none */
  while (!_ct_timeline_view_is_ready (view)
         || ct_timeline_canvas_get_n_items (CT_TIMELINE_CANVAS (_ct_timeline_view_get_canvas (view))) == 0)
    {
      if (g_get_monotonic_time () > end)
        {
          g_print ("timeline: not ready after 120 s (reading: %s, %u child widgets)\n",
                   _ct_timeline_view_is_ready (view) ? "no" : "yes", n_children (_ct_timeline_view_get_canvas (view)));
          return;
        }
      stall_spin (20);
    }
}

static void
report (const char *what)
{
  stall_probe_report ("timeline", what);
}

/* Settles the step: the new layout is drawn (a zoom and a filter lay out
 * on a worker), and a second more of frames. */
static void
settle (CtTimelineView *view)
{
  wait_ready (view);
  stall_spin (1000);
}

int
main (int    argc,
      char **argv)
{
  const char *existing = argc > 2 && g_str_equal (argv[1], "--wiki") ? argv[2] : NULL;
  guint n_events = argc > 1 && existing == NULL ? (guint) atoi (argv[1]) : 20000;
  g_autofree char *dir = g_dir_make_tmp ("timeline-stall-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "wiki", NULL);
  g_autofree char *json = existing ? NULL : generate (n_events);
  g_autoptr(CtTimeline) read = NULL;
  gint64 changed;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autofree char *what = NULL;
  CtApplication *app;
  CtTimelineView *view;
  GtkWidget *window, *canvas, *scroller, *reveal;
  GtkDropDown *film_filter;
  GtkAdjustment *vadjustment;
  gint64 t0;
  double ms;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  app = ct_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  if (existing != NULL)
    wiki = ct_wiki_open (existing, CT_WIKI_OPEN_DEFAULT, &error);
  else
    {
      wiki = ct_wiki_create (folder, &error);
      g_assert_no_error (error);
      ct_wiki_import (wiki, json, -1, &error);
    }
  g_assert_no_error (error);
  /* what is shown, for the numbers, and an event to edit at the end */
  read = ct_timeline_new (wiki, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->events->len, >, 0);
  changed = ((CtTimelineEvent *) g_ptr_array_index (read->events, read->events->len / 2))->id;

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  view = CT_TIMELINE_VIEW (ct_timeline_view_new (FALSE));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  stall_spin (1000);
  stall_probe_watch (gtk_widget_get_frame_clock (window));
  canvas = _ct_timeline_view_get_canvas (view);
  scroller = gtk_widget_get_ancestor (canvas, GTK_TYPE_SCROLLED_WINDOW);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  what = g_strdup_printf ("open, %u events, %u films", read->events->len, read->films->len);
  stall_probe_start ();
  t0 = g_get_monotonic_time ();
  ct_timeline_view_set_wiki (view, wiki);
  wait_ready (view);
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  stall_spin (1500);
  report (what);
  g_print ("timeline: %-40s %7.1f ms, %u child widgets\n", "open to items shown (read on a worker)", ms,
           n_children (canvas));

  stall_probe_start ();
  ct_timeline_view_set_zoom (view, 2);
  settle (view);
  report ("zoom in (x2)");

  /* a pinch or a fast Ctrl+scroll: zoom steps faster than the layouts */
  stall_probe_start ();
  for (guint i = 0; i < 8; i++)
    {
      ct_timeline_view_set_zoom (view, ct_timeline_view_get_zoom (view) * (i < 4 ? 1.25 : 0.8));
      stall_spin (5);
    }
  settle (view);
  report ("zoom, 8 steps 5 ms apart");

  stall_probe_start ();
  for (guint i = 1; i <= 10; i++)
    {
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) * i / 11);
      stall_spin (150);
    }
  report ("scroll, 10 jumps");

  /* the film filter: a film in the middle of the list, then all again */
  film_filter = GTK_DROP_DOWN (find_widget (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN));
  stall_probe_start ();
  gtk_drop_down_set_selected (film_filter, g_list_model_get_n_items (gtk_drop_down_get_model (film_filter)) / 2);
  settle (view);
  report ("filter: one film");
  stall_probe_start ();
  gtk_drop_down_set_selected (film_filter, 0);
  settle (view);
  report ("filter: all films again");

  reveal = find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON);
  stall_probe_start ();
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (reveal), TRUE);
  settle (view);
  report ("filter (Reveal Spoilers)");

  g_print ("timeline: %-40s %u\n", "child widgets before an edit", n_children (canvas));
  /* an edit of one event: the wiki says it changed, the view reads again */
  facts = ct_wiki_get_facts (wiki, changed, &error);
  g_assert_no_error (error);
  stall_probe_start ();
  ct_wiki_set_facts (wiki, changed, facts, &error);
  g_assert_no_error (error);
  stall_spin (600);
  wait_ready (view);
  stall_spin (1500);
  report ("redraw after a wiki change");
  g_print ("timeline: %-40s %u\n", "child widgets at the end", n_children (canvas));

  stall_probe_stop ();
  gtk_window_destroy (GTK_WINDOW (window));
  stall_spin (200);
  g_clear_object (&wiki);
  g_clear_object (&app);
  {
    g_autoptr(GFile) tree = g_file_new_for_path (dir);

    stall_remove_tree (tree);
  }
  return 0;
}
