/* spell-stall — does spelling stall the editor on a 3 MB post? Opens a
 * generated 3 MB review in the real window (editor only, no preview),
 * types into the middle in bursts with pauses (so checks run), and scrolls
 * through it, while a 1 ms timer notes the longest gaps of the main loop.
 * The same run with the "spell-check" setting off is the baseline: GTK's
 * own work on a 3 MB buffer (layout, the other highlighters) is in both.
 *
 * Run under a display, e.g. `tests/run-ui-test build/bench/spell-stall`
 * (bench/run does). Prints numbers, asserts nothing. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-spell-highlighter.h"
#include "ct-window.h"

static CtApplication *app;

typedef struct {
  gint64  last;
  GArray *gaps;   /* of double, ms */
} Watch;

static gboolean
tick_cb (gpointer user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();
  double gap = (now - watch->last) / 1000.0;

  g_array_append_val (watch->gaps, gap);
  watch->last = now;
  return G_SOURCE_CONTINUE;
}

static void
spin (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (200), TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
run (const char *path,
     gboolean    spelling)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtWindow *window;
  CtEditorPage *page;
  GtkTextBuffer *buffer;
  GtkTextView *view;
  GtkTextIter iter;
  Watch watch = { 0 };
  guint source, over16 = 0;
  double worst, p99;

  g_settings_set_boolean (settings, "spell-check", spelling);
  g_settings_set_string (settings, "view-mode", "editor");

  window = ct_window_new (app, ct_application_get_drafts (app), ct_application_get_wiki_registry (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  ct_window_open_file (window, file);
  page = ct_window_find_page (window, file);
  buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (page));
  view = GTK_TEXT_VIEW (ct_editor_page_get_view (page));
  while (ct_document_get_file (CT_DOCUMENT (buffer)) == NULL || ct_document_get_busy (CT_DOCUMENT (buffer)))
    spin (50);
  spin (3000);  /* the first layout of 3 MB is GTK's, not ours */

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, gtk_text_buffer_get_char_count (buffer) / 2);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (view, &iter, 0, TRUE, 0, 0.5);
  spin (1500);

  watch.gaps = g_array_new (FALSE, FALSE, sizeof (double));
  watch.last = g_get_monotonic_time ();
  source = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, &watch, NULL);

  /* 8 bursts of a misspelt word typed a key every 40 ms, then a pause
   * long enough for a check; then scrolling a page at a time */
  for (guint burst = 0; burst < 8; burst++)
    {
      for (const char *p = " mispeled"; *p; p++)
        {
          gtk_text_buffer_insert_interactive_at_cursor (buffer, p, 1, TRUE);
          spin (40);
        }
      spin (900);
    }
  for (guint page_down = 0; page_down < 10; page_down++)
    {
      g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_PAGES, 1, FALSE);
      spin (300);
    }
  g_source_remove (source);

  g_array_sort (watch.gaps, compare_doubles);
  worst = g_array_index (watch.gaps, double, watch.gaps->len - 1);
  p99 = g_array_index (watch.gaps, double, (guint) (watch.gaps->len * 0.99));
  for (guint i = 0; i < watch.gaps->len; i++)
    over16 += g_array_index (watch.gaps, double, i) > 16.0;
  g_print ("  spelling %-3s  checks %3u  main-loop gaps: worst %6.1f ms, p99 %5.1f ms, >16 ms: %u of %u\n",
           spelling ? "on" : "off", ct_spell_highlighter_get_checks (page->spelling),
           worst, p99, over16, watch.gaps->len);

  gtk_text_buffer_set_modified (buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (200);
  g_array_unref (watch.gaps);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("spell-stall-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.md", NULL);
  g_autoptr(GString) doc = g_string_new ("---\ntitle: Big\n---\n");
  g_autoptr(GError) error = NULL;

  g_setenv ("ENCHANT_CONFIG_DIR", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  for (guint i = 0; doc->len < 3 * 1024 * 1024; i++)
    g_string_append_printf (doc, "\n## Sequence %u\n\nThe *Ruska Roma* scenes trade speed for "
                            "choreography: a long take, `two cameras`, a [reflection](https://example.org/) "
                            "and a cut on the beat; one tpyo.\n\n```\ncode_block(%u)\n```\n", i, i);
  g_file_set_contents (path, doc->str, doc->len, &error);
  g_assert_no_error (error);

  gtk_init ();
  adw_init ();
  app = ct_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_print ("editor stalls, %.1f MB post:\n", doc->len / 1048576.0);
  run (path, FALSE);
  run (path, TRUE);

  g_clear_object (&app);
  g_unlink (path);
  {
    g_autofree char *pwl = g_build_filename (dir, "en_US.dic", NULL);
    g_unlink (pwl);
  }
  g_rmdir (dir);
  return 0;
}
