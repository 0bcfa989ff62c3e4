#define G_LOG_DOMAIN "ct-timeline-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ct-timeline.h"

/* Two problems the timeline cannot draw truthfully, so they are told:
 *
 * A cycle in set_after/set_before ("A after B after A"): there is no
 * in-universe order of those films. An error: the data says something
 * impossible.
 *
 * An event chrono that contradicts the films' order. Films hold
 * flashbacks (Ballerina shows Rooney's childhood, long before Chapter 3),
 * so an early event in a later film is normal. What cannot be is a film
 * set before another whose *last* event comes after every event of the
 * other: then either a chrono or a set_after is wrong. A warning, on that
 * last event. The order is transitive: A before B before C compares A's
 * events with C's even when B has none. */

typedef struct {
  CtTimeline *timeline;
  GArray    **preds;      /* per film: indices of the films it is set after */
  int        *color;      /* DFS: 0 unseen, 1 on the path, 2 done */
  GArray     *path;       /* of int: the DFS path */
} Walk;

static const char *
film_title (CtTimeline *timeline,
            int         film)
{
  return ((CtTimelineFilm *) g_ptr_array_index (timeline->films, film))->title;
}

static void
add_problem (CtTimeline *timeline,
             CtSeverity  severity,
             gint64      id,
             const char *title,
             const char *message)
{
  CtTimelineProblem *problem = g_new0 (CtTimelineProblem, 1);

  problem->entity_id = id;
  problem->title = g_strdup (title);
  problem->diagnostic = ct_diagnostic_new_at (severity, 0, 0, 0, 0, message);
  g_ptr_array_add (timeline->problems, problem);
}

/* The path from @from to its end is a cycle: told once, on the film of
 * the cycle whose title sorts first, so the message is the same whichever
 * film the walk started from. */
static void
report_cycle (Walk *walk,
              guint from)
{
  guint n = walk->path->len - from;
  guint first = from;
  g_autoptr(GString) message = g_string_new (NULL);
  int film;

  for (guint i = from; i < walk->path->len; i++)
    {
      if (g_utf8_collate (film_title (walk->timeline, g_array_index (walk->path, int, i)),
                          film_title (walk->timeline, g_array_index (walk->path, int, first))) < 0)
        first = i;
    }

  film = g_array_index (walk->path, int, first);
  /* TRANSLATORS: the start of a cycle message: “A” is set after “B”, which is set after “A” … */
  g_string_printf (message, _("“%s” is set after"), film_title (walk->timeline, film));
  for (guint k = 1; k <= n; k++)
    {
      int next = g_array_index (walk->path, int, from + (first - from + k) % n);

      if (k > 1)
        g_string_append (message, _(", which is set after"));
      g_string_append_printf (message, " “%s”", film_title (walk->timeline, next));
    }
  g_string_append (message, _(": these films have no in-universe order. Remove one set_after or set_before."));
  add_problem (walk->timeline, CT_SEVERITY_ERROR,
               ((CtTimelineFilm *) g_ptr_array_index (walk->timeline->films, film))->id,
               film_title (walk->timeline, film), message->str);
}

static void
visit (Walk *walk,
       int   film)
{
  GArray *preds = walk->preds[film];

  walk->color[film] = 1;
  g_array_append_val (walk->path, film);
  for (guint i = 0; i < preds->len; i++)
    {
      int pred = g_array_index (preds, int, i);

      if (walk->color[pred] == 0)
        visit (walk, pred);
      else if (walk->color[pred] == 1)
        for (guint at = 0; at < walk->path->len; at++)
          if (g_array_index (walk->path, int, at) == pred)
            {
              report_cycle (walk, at);
              break;
            }
    }
  g_array_set_size (walk->path, walk->path->len - 1);
  walk->color[film] = 2;
}

static int
compare_by_title (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  return g_utf8_collate (film_title (data, *(const int *) a), film_title (data, *(const int *) b));
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const CtTimelineProblem *x = *(CtTimelineProblem * const *) a;
  const CtTimelineProblem *y = *(CtTimelineProblem * const *) b;
  int cmp = g_utf8_collate (x->title, y->title);

  return cmp != 0 ? cmp : g_strcmp0 (x->diagnostic->message, y->diagnostic->message);
}

/* In set_after order (Kahn), each film learns the latest event of every
 * film set before it; films in or after a cycle are never reached. */
static void
check_chronos (CtTimeline *timeline,
               GArray    **preds)
{
  guint n = timeline->films->len;
  g_autofree int *own = g_new (int, n);         /* latest event of the film, or -1 */
  g_autofree int *inherited = g_new (int, n);   /* latest of the films before it, or -1 */
  g_autofree int *inherited_from = g_new (int, n);
  g_autofree guint *waiting = g_new0 (guint, n);
  g_autoptr(GArray) ready = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) told = g_hash_table_new (NULL, NULL);

  for (guint f = 0; f < n; f++)
    {
      own[f] = inherited[f] = inherited_from[f] = -1;
      waiting[f] = preds[f]->len;
    }
  for (guint e = 0; e < timeline->n_universe; e++)
    {
      CtTimelineEvent *event = g_ptr_array_index (timeline->events, e);

      /* events come by chrono: the last one of a film wins */
      if (event->film >= 0)
        own[event->film] = (int) e;
    }
  for (guint f = 0; f < n; f++)
    if (waiting[f] == 0)
      g_array_append_val (ready, f);

  for (guint r = 0; r < ready->len; r++)
    {
      int f = g_array_index (ready, int, r);
      int best = inherited[f];
      int best_from = inherited_from[f];

      if (own[f] >= 0 && inherited[f] >= 0)
        {
          CtTimelineEvent *late = g_ptr_array_index (timeline->events, inherited[f]);
          CtTimelineEvent *last = g_ptr_array_index (timeline->events, own[f]);

          if (late->chrono > last->chrono && !g_hash_table_contains (told, late))
            {
              char chrono[G_ASCII_DTOSTR_BUF_SIZE];
              g_autofree char *message = NULL;

              g_ascii_dtostr (chrono, sizeof chrono, late->chrono);
              message = g_strdup_printf (_("“%s” (chrono %s) of “%s” comes after every event of “%s”, "
                                           "which is set after “%s”: check its chrono or the films’ set_after."),
                                         late->title, chrono, film_title (timeline, inherited_from[f]),
                                         film_title (timeline, f), film_title (timeline, inherited_from[f]));
              add_problem (timeline, CT_SEVERITY_WARNING, late->id, late->title, message);
              g_hash_table_add (told, late);
            }
        }
      if (own[f] >= 0 && (best < 0 || ((CtTimelineEvent *) g_ptr_array_index (timeline->events, own[f]))->chrono
                                        >= ((CtTimelineEvent *) g_ptr_array_index (timeline->events, best))->chrono))
        {
          best = own[f];
          best_from = f;
        }

      /* hand it on to the films set after this one */
      for (guint g = 0; g < n; g++)
        for (guint i = 0; i < preds[g]->len; i++)
          if (g_array_index (preds[g], int, i) == f)
            {
              if (best >= 0 && (inherited[g] < 0
                                || ((CtTimelineEvent *) g_ptr_array_index (timeline->events, best))->chrono
                                   > ((CtTimelineEvent *) g_ptr_array_index (timeline->events, inherited[g]))->chrono))
                {
                  inherited[g] = best;
                  inherited_from[g] = best_from;
                }
              if (--waiting[g] == 0)
                g_array_append_val (ready, g);
            }
    }
}

void
_ct_timeline_check (CtTimeline *self)
{
  guint n = self->films->len;
  g_autofree GArray **preds = g_new0 (GArray *, n);
  g_autofree int *color = g_new0 (int, n);
  g_autofree int *by_title = g_new (int, n);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (int));
  Walk walk = { self, NULL, color, path };

  for (guint f = 0; f < n; f++)
    {
      CtTimelineFilm *film = g_ptr_array_index (self->films, f);

      preds[f] = g_array_new (FALSE, FALSE, sizeof (int));
      for (guint i = 0; i < film->after->len; i++)
        {
          int pred = ct_timeline_find_film (self, g_array_index (film->after, gint64, i));

          if (pred >= 0)
            g_array_append_val (preds[f], pred);
        }
      by_title[f] = (int) f;
    }
  walk.preds = preds;

  /* by title, so which cycle is found first does not depend on dates */
  g_qsort_with_data (by_title, (int) n, sizeof (int), compare_by_title, self);
  for (guint i = 0; i < n; i++)
    if (color[by_title[i]] == 0)
      visit (&walk, by_title[i]);

  check_chronos (self, preds);

  for (guint f = 0; f < n; f++)
    g_array_unref (preds[f]);
  g_ptr_array_sort (self->problems, compare_problems);
}
