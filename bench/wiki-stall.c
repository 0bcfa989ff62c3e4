/* wiki-stall — does the wiki window stall the main loop on a big wiki?
 * Opens a copy of FOLDER's wiki (wiki-bench's 100,000 entities) in the
 * real window, with a film of N credits and pairs of films whose events
 * contradict their order (a problem each) added to the copy, and notes
 * the main loop's longest gaps (stall-probe.h) while the window opens the
 * wiki, jumps through the sidebar's list, searches as a word is typed,
 * opens the film's page, redraws it after an edit and jumps through its
 * cast (a list that binds rows as it scrolls), shows the sidebar's
 * Timeline page, opens the Timeline tab with its problems, and opens the
 * film's relationship graph.
 *
 *   wiki-stall FOLDER [N_CREDITS]
 *
 * Run under a display (bench/run uses tests/run-ui-test). Prints numbers,
 * asserts nothing. */
#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-entity-page-private.h"
#include "ct-graph-view.h"
#include "ct-timeline-view.h"
#include "ct-window-private.h"
#include "stall-probe.h"

#define N_PAIRS 300
#define TIMEOUT_US (180 * G_USEC_PER_SEC)

/* Spins until @done says so, at most three minutes: a bench reports
 * what it sees rather than hang. */
#define WAIT(done)                                                            \
  G_STMT_START {                                                              \
    gint64 wait_end_ = g_get_monotonic_time () + TIMEOUT_US;                  \
    while (!(done) && g_get_monotonic_time () < wait_end_)                    \
      stall_spin (10);                                                              \
    if (!(done))                                                              \
      g_print ("wiki-window: gave up waiting for %s\n", #done);               \
  } G_STMT_END

/* A film with @n credits (each a person of its own, playing a character
 * of their own), and N_PAIRS pairs of films, the second set after the
 * first, whose events say the opposite: one problem per pair. */
static char *
generate_extra (guint n)
{
  GString *s = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [\n"
                             "{\"kind\": \"film\", \"title\": \"Epic Film\", \"facts\": ["
                             "{\"key\": \"release_date\", \"value\": \"2030-01\"}]},\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "{\"kind\": \"person\", \"title\": \"Epic Person %u\"},\n"
                            "{\"kind\": \"character\", \"title\": \"Epic Role %u\"},\n", i, i);
  for (guint i = 0; i < N_PAIRS; i++)
    g_string_append_printf (s, "{\"kind\": \"film\", \"title\": \"Saga %u Part One\"},\n"
                            "{\"kind\": \"film\", \"title\": \"Saga %u Part Two\", \"facts\": ["
                            "{\"key\": \"set_after\", \"entity\": \"Saga %u Part One\"}]},\n"
                            "{\"kind\": \"event\", \"title\": \"Saga %u late\", \"facts\": ["
                            "{\"key\": \"chrono\", \"value\": \"%u\"},"
                            "{\"key\": \"film\", \"entity\": \"Saga %u Part One\"}]},\n"
                            "{\"kind\": \"event\", \"title\": \"Saga %u early\", \"facts\": ["
                            "{\"key\": \"chrono\", \"value\": \"%u\"},"
                            "{\"key\": \"film\", \"entity\": \"Saga %u Part Two\"}]}%s\n",
                            i, i, i, i, 900000 + 10 * i + 5, i, i, 900000 + 10 * i, i,
                            i + 1 < N_PAIRS ? "," : "");
  g_string_append (s, "], \"credits\": [\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "{\"film\": \"Epic Film\", \"person\": \"Epic Person %u\", "
                            "\"character\": \"Epic Role %u\", \"role\": \"%s\", \"billing\": %u}%s\n",
                            i, i, i % 4 == 3 ? "stunts" : "cast", i + 1, i + 1 < n ? "," : "");
  g_string_append (s, "]}\n");
  return g_string_free (s, FALSE);
}

/* FOLDER's database (and its write-ahead log) into @copy: the bench
 * edits its wiki, never the one it was given. */
static void
copy_wiki (const char *folder,
           const char *copy)
{
  const char *names[] = { "wiki.continuity", "wiki.continuity-wal" };

  g_mkdir_with_parents (copy, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from_path = g_build_filename (folder, names[i], NULL);
      g_autofree char *to_path = g_build_filename (copy, names[i], NULL);
      g_autoptr(GFile) from = g_file_new_for_path (from_path);
      g_autoptr(GFile) to = g_file_new_for_path (to_path);
      g_autoptr(GError) error = NULL;

      if (!g_file_query_exists (from, NULL))
        continue;
      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_error ("Cannot copy %s: %s", from_path, error->message);
    }
}

static void
report (const char *what)
{
  stall_probe_report ("wiki-window", what);
}

static gint64
lookup (CtWiki     *wiki,
        const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ct_wiki_lookup (wiki, title, &error);

  g_assert_no_error (error);
  g_assert (found != NULL && found->len > 0);
  return ((CtLookup *) g_ptr_array_index (found, 0))->entity_id;
}

static GtkWidget *
selected_child (CtWindow *window)
{
  AdwTabPage *page = adw_tab_view_get_selected_page (window->tab_view);

  return page ? adw_tab_page_get_child (page) : NULL;
}

/* Ten jumps of @list's scroll bar from top to bottom, a step apart. */
static void
jump_through (GtkWidget *scrollable)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (scrollable));

  for (guint i = 1; i <= 10; i++)
    {
      gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment)
                                             - gtk_adjustment_get_page_size (adjustment)) * i / 10);
      stall_spin (150);
    }
}

int
main (int    argc,
      char **argv)
{
  guint n_credits = argc > 2 ? (guint) atoi (argv[2]) : 1000;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *json = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder_file = NULL;
  CtApplication *app;
  CtWindow *window;
  CtWiki *wiki;
  gint64 film, t0;
  guint n_entities = 0;

  if (argc < 2 || !g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    {
      g_printerr ("usage: wiki-stall FOLDER [N_CREDITS]  (FOLDER: a wiki, e.g. wiki-bench's big one)\n");
      return 2;
    }
  dir = g_dir_make_tmp ("wiki-stall-XXXXXX", NULL);
  folder = g_build_filename (dir, "wiki", NULL);
  copy_wiki (argv[1], folder);
  json = generate_extra (n_credits);
  {
    g_autoptr(CtWiki) copy = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    ct_wiki_import (copy, json, -1, &error);
    g_assert_no_error (error);
    ct_wiki_count_entities (copy, -1, &n_entities, &error);
    g_assert_no_error (error);
  }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  app = ct_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = ct_window_new (app, ct_application_get_drafts (app), ct_application_get_wiki_registry (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  stall_spin (1500);
  stall_probe_watch (gtk_widget_get_frame_clock (GTK_WIDGET (window)));

  /* the wiki, into the sidebar */
  what = g_strdup_printf ("open the wiki (%u entities)", n_entities);
  folder_file = g_file_new_for_path (folder);
  stall_probe_start ();
  t0 = g_get_monotonic_time ();
  ct_window_open (window, folder_file);
  WAIT (ct_window_get_wiki (window) != NULL);
  g_print ("wiki-window: %-38s %7.1f ms\n", "wiki in the sidebar after", (g_get_monotonic_time () - t0) / 1000.0);
  stall_spin (2000);
  report (what);
  wiki = ct_window_get_wiki (window);
  film = lookup (wiki, "Epic Film");

  ct_wiki_sidebar_set_page (window->sidebar, "wiki");
  stall_spin (500);
  stall_probe_start ();
  jump_through (GTK_WIDGET (_ct_wiki_sidebar_get_list (window->sidebar, "wiki")));
  stall_spin (500);
  report ("sidebar list: 10 jumps top to bottom");

  /* typed a letter at a time, a little faster than the entry's delay */
  {
    const char *word = "epic person 12";
    GtkEditable *entry = _ct_wiki_sidebar_get_search_entry (window->sidebar);

    stall_probe_start ();
    for (guint i = 1; i <= strlen (word); i++)
      {
        g_autofree char *prefix = g_strndup (word, i);

        gtk_editable_set_text (entry, prefix);
        stall_spin (120);
      }
    stall_spin (1000);
    report ("search: \"epic person 12\" as typed");
    stall_probe_start ();
    gtk_editable_set_text (entry, "");
    stall_spin (1000);
    report ("search: cleared");
  }

  what = g_strdup_printf ("open a film with %u credits", n_credits);
  stall_probe_start ();
  t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-entity", "x", film);
  WAIT (CT_IS_ENTITY_PAGE (selected_child (window)));
  g_print ("wiki-window: %-38s %7.1f ms\n", "film page in its tab after", (g_get_monotonic_time () - t0) / 1000.0);
  stall_spin (2000);
  report (what);

  /* an edit of the film elsewhere: its page shows it */
  {
    g_autoptr(GPtrArray) facts = ct_wiki_get_facts (wiki, film, &error);

    g_assert_no_error (error);
    stall_probe_start ();
    t0 = g_get_monotonic_time ();
    ct_wiki_set_facts (wiki, film, facts, &error);
    g_assert_no_error (error);
    g_print ("wiki-window: %-38s %7.1f ms\n", "the edit itself (core, in the step)", (g_get_monotonic_time () - t0) / 1000.0);
    stall_spin (2000);
    report ("that page after an edit of the film");
  }

  if (CT_IS_ENTITY_PAGE (selected_child (window)))
    {
      stall_probe_start ();
      jump_through (GTK_WIDGET (CT_ENTITY_PAGE (selected_child (window))->cast_list));
      stall_spin (500);
      report ("that film's cast list, 10 jumps");
    }

  stall_probe_start ();
  ct_wiki_sidebar_set_page (window->sidebar, "timeline");
  stall_spin (500);
  WAIT (_ct_timeline_view_is_ready (_ct_wiki_sidebar_get_timeline_view (window->sidebar)));
  stall_spin (2000);
  report ("sidebar: Timeline page");
  stall_probe_start ();
  jump_through (GTK_WIDGET (_ct_wiki_sidebar_get_list (window->sidebar, "timeline")));
  stall_spin (500);
  report ("sidebar: event list, 10 jumps");

  what = g_strdup_printf ("Timeline tab (%u problems)", N_PAIRS);
  stall_probe_start ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-timeline", NULL);
  WAIT (CT_IS_TIMELINE_VIEW (selected_child (window))
        && _ct_timeline_view_is_ready (CT_TIMELINE_VIEW (selected_child (window)))
        && _ct_timeline_view_get_n_problems (CT_TIMELINE_VIEW (selected_child (window))) > 0);
  stall_spin (2000);
  report (what);
  g_print ("wiki-window: %-38s %u\n", "problems listed",
           _ct_timeline_view_get_n_problems (CT_TIMELINE_VIEW (selected_child (window))));

  what = g_strdup_printf ("graph of that film (%u credits)", n_credits);
  stall_probe_start ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-graph", "x", film);
  WAIT (CT_IS_GRAPH_VIEW (selected_child (window)) && !ct_graph_view_is_busy (CT_GRAPH_VIEW (selected_child (window))));
  stall_spin (1000);
  report (what);

  stall_probe_stop ();
  gtk_window_destroy (GTK_WINDOW (window));
  stall_spin (500);
  g_clear_object (&app);
  {
    g_autoptr(GFile) tree = g_file_new_for_path (dir);

    stall_remove_tree (tree);
  }
  return 0;
}
