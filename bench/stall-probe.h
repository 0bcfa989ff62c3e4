/* stall-probe.h — how long the main loop stops, for the stall benches
 * (timeline-stall, wiki-stall). A 1 ms timeout at high priority runs
 * whenever the main loop is free: the gap between two runs is how long
 * nothing else could run there, a frame included (16.7 ms is one frame;
 * more is a stall a user sees as a stutter).
 *
 * On a machine shared with other builds a gap also grows while the
 * process simply waits for a core, so each gap is paired with the main
 * thread's CPU time within it: a long gap with little CPU is the
 * machine's, a long busy stretch is ours. With the window's frame clock
 * watched (stall_probe_watch), the busiest gap is also split into its
 * frame's layout (measure and allocate) and paint (snapshot, then GTK
 * rendering it: with cairo on the CPU under Xvfb), the rest being
 * callbacks outside frames. Printed, never asserted. Also what both
 * benches need around the probe: spinning the main loop, and removing
 * the folder they generated. */
#pragma once

#include <time.h>
#include <gtk/gtk.h>

/* Runs the main loop for @msec, without sleeping on it: what a user's
 * session does meanwhile. */
static void
stall_spin (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (200), TRUE);
}

/* A bench's generated folder: files and folders made there, nothing else. */
static void
stall_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      stall_remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

typedef struct {
  gint64  last;          /* µs, monotonic */
  double  last_cpu;      /* ms of the main thread's CPU */
  double  worst;         /* longest gap, ms */
  double  worst_cpu;     /* the main thread's CPU within that gap, ms */
  double  busiest;       /* most main-thread CPU within one gap, ms */
  guint   n_over;        /* gaps over a frame (16.7 ms) */
  guint   source;
  /* frame phases, wall ms within the current gap and within the busiest */
  gint64  phase_start;
  double  layout, paint;
  double  busiest_layout, busiest_paint;
} StallProbe;

static StallProbe stall_probe;

static double
stall_probe_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gboolean
stall_probe_tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  double cpu = stall_probe_cpu_ms ();
  double gap = (now - stall_probe.last) / 1000.0;
  double busy = cpu - stall_probe.last_cpu;

  if (gap > stall_probe.worst)
    {
      stall_probe.worst = gap;
      stall_probe.worst_cpu = busy;
    }
  if (busy > stall_probe.busiest)
    {
      stall_probe.busiest = busy;
      stall_probe.busiest_layout = stall_probe.layout;
      stall_probe.busiest_paint = stall_probe.paint;
    }
  stall_probe.layout = stall_probe.paint = 0;
  stall_probe.n_over += gap > 16.7;
  stall_probe.last = now;
  stall_probe.last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

/* Starts a step: the figures count from here. */
static void
stall_probe_start (void)
{
  if (stall_probe.source == 0)
    stall_probe.source = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_probe_tick_cb, NULL, NULL);
  stall_probe.last = g_get_monotonic_time ();
  stall_probe.last_cpu = stall_probe_cpu_ms ();
  stall_probe.worst = stall_probe.worst_cpu = stall_probe.busiest = 0;
  stall_probe.layout = stall_probe.paint = stall_probe.busiest_layout = stall_probe.busiest_paint = 0;
  stall_probe.n_over = 0;
}

/* The window connects its own handlers to the clock's phases when it is
 * realized, before these: each of these runs when GTK's part of that
 * phase is over. "update" (tick callbacks) ends where layout begins. */
static void
stall_probe_update_end_cb (GdkFrameClock *clock)
{
  stall_probe.phase_start = g_get_monotonic_time ();
}

static void
stall_probe_layout_end_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  stall_probe.layout += (now - stall_probe.phase_start) / 1000.0;
  stall_probe.phase_start = now;
}

static void
stall_probe_paint_end_cb (GdkFrameClock *clock)
{
  stall_probe.paint += (g_get_monotonic_time () - stall_probe.phase_start) / 1000.0;
}

/* Splits frames of @clock (a realized window's) into layout and paint. */
static void
stall_probe_watch (GdkFrameClock *clock)
{
  g_signal_connect (clock, "update", G_CALLBACK (stall_probe_update_end_cb), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (stall_probe_layout_end_cb), NULL);
  g_signal_connect (clock, "paint", G_CALLBACK (stall_probe_paint_end_cb), NULL);
}

static void
stall_probe_stop (void)
{
  g_clear_handle_id (&stall_probe.source, g_source_remove);
}

/* One line per step: "PREFIX: WHAT  longest stall …". */
static void
stall_probe_report (const char *prefix,
                    const char *what)
{
  /* the gap still open counts too: one long dispatch may end a step */
  stall_probe_tick_cb (NULL);
  g_print ("%s: %-38s longest stall %6.1f ms (main thread busy %5.1f ms of it); "
           "busiest %5.1f ms (frame layout %4.1f, paint %4.1f); gaps > 16.7 ms: %u\n",
           prefix, what, stall_probe.worst, stall_probe.worst_cpu, stall_probe.busiest,
           stall_probe.busiest_layout, stall_probe.busiest_paint, stall_probe.n_over);
}
