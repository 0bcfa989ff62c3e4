/* keystroke-bench-page.c — the bench's window with a generated post,
 * waiting on the main loop, asking the page, statistics and memory. */
#define _GNU_SOURCE  /* RUSAGE_THREAD */
#include "config.h"

#include <sys/resource.h>
#include <string.h>

#include "keystroke-bench.h"

static const char *TITLES[] = {
  "Ballerina", "John Wick (film)", "Ana de Armas", "Keanu Reeves", "Ian McShane",
  "Winston", "Rooney", "Chad Stahelski", "The Bowery King", "John Wick (character)",
};

static const char *WORDS[] = {
  "the", "long", "take", "moves", "through", "a", "corridor", "while", "camera",
  "follows", "every", "strike", "and", "cut", "lands", "on", "beat", "of", "score",
  "choreography", "trades", "speed", "for", "weight", "in", "scene",
};

gint64 main_start_us;
double main_start_cpu_ms;

/* CPU time of the calling thread: unlike wall time, barely moved by
 * other processes on a loaded machine. */
double
thread_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
         usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

GString *
make_post (gsize size)
{
  GString *doc = g_string_sized_new (size + 1024);
  guint words = 0, n = 0;

  g_string_append (doc, "---\ntitle: Bench post\ntags: [bench]\n---\n# Bench post\n\n");
  while (doc->len < size)
    {
      g_string_append_printf (doc, "## Part %u\n\n", n++);
      for (guint s = 0; s < 6; s++)
        {
          for (guint w = 0; w < 30; w++, words++)
            {
              if (words % 200 == 0)
                g_string_append_printf (doc, "[[%s]] ", TITLES[(words / 200) % G_N_ELEMENTS (TITLES)]);
              g_string_append (doc, WORDS[(words * 7 + s) % G_N_ELEMENTS (WORDS)]);
              g_string_append_c (doc, w == 29 ? '.' : ' ');
            }
          g_string_append (doc, s % 2 ? "\n\n" : " ");
        }
      g_string_append (doc, "- a list item\n- another with [[Winston]]\n\n");
    }
  return doc;
}

gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *b = user_data;
  gint64 now = g_get_monotonic_time ();

  if (b->first_frame_us == 0)
    b->first_frame_us = now;
  if (b->last_tick_us != 0)
    b->max_interval_us = MAX (b->max_interval_us, now - b->last_tick_us);
  b->last_tick_us = now;
  return G_SOURCE_CONTINUE;
}

/* The end of the first paint: what a user first sees is on the screen. */
static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  if (b->first_paint_us != 0)
    return;
  b->first_paint_us = g_get_monotonic_time ();
  b->first_paint_rss_kb = rss_kb ("VmRSS:");
  b->first_paint_private_kb = private_kb ();
  b->first_paint_cpu_ms = thread_cpu_ms () - main_start_cpu_ms;
}

void
on_realize_cb (GtkWidget *window,
               Bench     *b)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), b);
}

void
on_updated_cb (CtPreview *preview,
               Bench     *b)
{
  b->updated = TRUE;
  b->updated_us = g_get_monotonic_time ();
}

static void
on_script_message_cb (WebKitUserContentManager *manager,
                      JSCValue                 *message,
                      Bench                    *b)
{
  g_autoptr(JSCValue) type = jsc_value_object_get_property (message, "type");
  g_autofree char *name = jsc_value_to_string (type);

  if (g_strcmp0 (name, "applied") == 0)
    {
      gint64 now = g_get_monotonic_time ();
      g_array_append_val (b->applied_us, now);
    }
  else if (g_strcmp0 (name, "filled") == 0)
    {
      g_autoptr(JSCValue) ms = jsc_value_object_get_property (message, "ms");
      g_autoptr(JSCValue) slices = jsc_value_object_get_property (message, "slices");

      b->filled = TRUE;
      b->filled_us = g_get_monotonic_time ();
      b->fill_ms = jsc_value_to_double (ms);
      b->fill_slices = jsc_value_to_int32 (slices);
    }
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates until *@flag or the deadline; FALSE on the deadline. */
gboolean
wait_flag (gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!*flag && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return *flag;
}

void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (5, wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* Spins until no frame took over 100 ms for a second, or 60 s. */
void
settle (Bench *b)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      b->max_interval_us = 0;
      b->last_tick_us = g_get_monotonic_time ();
      spin (1000);
      if (b->max_interval_us < 100 * 1000)
        break;
    }
}

typedef struct {
  gboolean done;
  double   value;
} Eval;

static void
eval_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Eval *eval = user_data;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, NULL);

  eval->value = value != NULL && jsc_value_is_number (value) ? jsc_value_to_double (value) : -1;
  eval->done = TRUE;
}

/* Runs @script in the page; its number, and in @wait_ms how long the
 * answer took (a web process still busy laying out or painting makes a
 * patch wait as long). */
double
page_eval (Bench      *b,
           const char *script,
           double     *wait_ms)
{
  Eval eval = { FALSE, 0 };
  gint64 t0 = g_get_monotonic_time ();

  webkit_web_view_evaluate_javascript (ct_preview_get_web_view (b->preview), script, -1,
                                       CT_PREVIEW_SCRIPT_WORLD, NULL, NULL,
                                       eval_cb, &eval);
  wait_flag (&eval.done);
  if (wait_ms != NULL)
    *wait_ms = (g_get_monotonic_time () - t0) / 1000.0;
  return eval.value;
}

double
page_round_trip (Bench *b)
{
  double ms;

  page_eval (b, "0", &ms);
  return ms;
}

/* The page's layout forced and timed in the page: what laying out the
 * whole post costs the web process when it is not done yet. */
double
page_layout_ms (Bench  *b,
                double *wait_ms)
{
  return page_eval (b, "(() => { const t = performance.now(); void document.body.offsetHeight; "
                    "return performance.now() - t; })()", wait_ms);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

void
print_stats (const char *label,
             GArray     *ms)
{
  double p50, p95, max;

  if (ms->len == 0)
    {
      printf ("%-44s  no samples\n", label);
      return;
    }
  g_array_sort (ms, compare_double);
  p50 = g_array_index (ms, double, ms->len / 2);
  p95 = g_array_index (ms, double, MIN (ms->len - 1, (guint) (ms->len * 0.95)));
  max = g_array_index (ms, double, ms->len - 1);
  printf ("%-44s  p50 %7.1f  p95 %7.1f  max %7.1f ms  (n=%u)\n", label, p50, p95, max, ms->len);
}

void
place_cursor (Bench *b,
              gboolean middle)
{
  GtkTextIter iter;

  if (middle)
    {
      /* The end of a paragraph line in the middle of the post. */
      gtk_text_buffer_get_iter_at_line (b->buffer, &iter, gtk_text_buffer_get_line_count (b->buffer) / 2);
      while (gtk_text_iter_ends_line (&iter) && !gtk_text_iter_is_end (&iter))
        gtk_text_iter_forward_line (&iter);
      gtk_text_iter_forward_to_line_end (&iter);
    }
  else
    gtk_text_buffer_get_end_iter (b->buffer, &iter);
  gtk_text_buffer_place_cursor (b->buffer, &iter);
}

void
type_key (Bench *b,
          guint  i)
{
  /* NUL-terminated, as typed text is: GTK's accessibility handler of
   * insert-text reads the text as a C string whatever its length says. */
  char key[2] = { "abcdefgh ijklmnop qrstuvw xyz "[i % 30], '\0' };

  gtk_text_buffer_insert_interactive_at_cursor (b->buffer, key, 1, TRUE);
}

static long
proc_kb (const char *file,
         const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents (file, &status, NULL, NULL) ||
      (p = strstr (status, field)) == NULL)
    return -1;
  return strtol (p + strlen (field) + 1, NULL, 10);
}

long
rss_kb (const char *field)
{
  return proc_kb ("/proc/self/status", field);
}

/* Most of the RSS is shared libraries' pages (GTK, WebKit, and Mesa's
 * LLVM that GL set-up maps); what the process itself holds is private. */
long
private_kb (void)
{
  return proc_kb ("/proc/self/smaps_rollup", "Private_Clean:") +
         proc_kb ("/proc/self/smaps_rollup", "Private_Dirty:");
}

/* The bench's own wiki and posts. */
void
remove_folder (const char *folder)
{
  const char *rm[] = { "rm", "-rf", folder, NULL };

  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

Bench *
open_post (CtApplication *app,
           const char    *post)
{
  Bench *b = g_new0 (Bench, 1);
  g_autoptr(GFile) file = g_file_new_for_path (post);
  gboolean ready = FALSE;
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  b->applied_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  b->window = ct_window_new (app, ct_application_get_drafts (app),
                             ct_application_get_wiki_registry (app));
  gtk_window_set_default_size (GTK_WINDOW (b->window), 1400, 900);
  gtk_widget_add_tick_callback (GTK_WIDGET (b->window), tick_cb, b, NULL);
  g_signal_connect (b->window, "realize", G_CALLBACK (on_realize_cb), b);
  gtk_window_present (GTK_WINDOW (b->window));
  ct_window_open_file (b->window, file);
  b->page = ct_window_find_page (b->window, file);
  g_assert (b->page != NULL);
  while (!ready && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, TRUE);
      ready = !ct_document_get_busy (ct_editor_page_get_document (b->page)) &&
              ct_editor_page_get_wiki (b->page) != NULL;
    }
  b->buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (b->page));
  ct_editor_page_set_view_mode (b->page, "split");
  b->preview = b->page->preview;
  g_signal_connect (b->preview, "updated", G_CALLBACK (on_updated_cb), b);
  g_signal_connect (webkit_web_view_get_user_content_manager (ct_preview_get_web_view (b->preview)),
                    "script-message-received::ctPreview", G_CALLBACK (on_script_message_cb), b);
  return b;
}

void
bench_close (Bench *b)
{
  gtk_text_buffer_set_modified (b->buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (b->window));
  spin (200);
  g_array_unref (b->applied_us);
  g_free (b);
}
