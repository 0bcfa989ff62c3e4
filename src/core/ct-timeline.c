#define G_LOG_DOMAIN "ct-timeline"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-fact-format.h"
#include "ct-fact-keys.h"
#include "ct-timeline.h"

/* The query behind every timeline: built on the wiki's own queries
 * (ct_wiki_get_events already orders events by chrono, as `{{timeline}}`
 * lists them) so the drawing and the list can never disagree. */

static void
event_free (gpointer data)
{
  CtTimelineEvent *event = data;

  g_free (event->title);
  g_free (event->slug);
  g_free (event->when);
  g_clear_pointer (&event->participants, g_array_unref);
  g_free (event);
}

static void
film_free (gpointer data)
{
  CtTimelineFilm *film = data;

  g_free (film->title);
  g_free (film->slug);
  g_free (film->release);
  g_clear_pointer (&film->after, g_array_unref);
  g_free (film);
}

void
ct_timeline_problem_free (CtTimelineProblem *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  ct_diagnostic_free (self->diagnostic);
  g_free (self);
}

void
ct_timeline_free (CtTimeline *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->films, g_ptr_array_unref);
  g_clear_pointer (&self->release, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self);
}

/* 2025-06-12 → 2025.0612: dates and the real-world chronos (2023.11)
 * share one scale. FALSE when @text is not a partial date. */
static gboolean
date_key (const char *text,
          double     *key)
{
  int year = 0, month = 0, day = 0;

  if (text == NULL || !ct_partial_date_is_valid (text))
    return FALSE;
  sscanf (text, "%d-%d-%d", &year, &month, &day);
  *key = year + month / 100.0 + day / 10000.0;
  return TRUE;
}

static void
add_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

/* @set_before gets pairs (this film, the film it is set before). */
static CtTimelineFilm *
read_film (CtWiki    *wiki,
           CtEntity  *entity,
           GArray    *set_before,
           GError   **error)
{
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (wiki, entity->id, error);
  CtTimelineFilm *film;

  if (facts == NULL)
    return NULL;
  film = g_new0 (CtTimelineFilm, 1);
  film->id = entity->id;
  film->title = g_strdup (entity->title);
  film->slug = g_strdup (entity->slug);
  film->spoiler = entity->spoiler;
  film->after = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);

      if (g_str_equal (fact->key, "release_date") && film->release == NULL
          && date_key (fact->text, &film->release_key))
        film->release = ct_fact_text_display (CT_ENTITY_FILM, "release_date", fact->text);
      else if (g_str_equal (fact->key, "set_after") && fact->value_id != 0)
        add_id (film->after, fact->value_id);
      else if (g_str_equal (fact->key, "set_before") && fact->value_id != 0)
        {
          gint64 pair[2] = { entity->id, fact->value_id };

          g_array_append_vals (set_before, pair, 2);
        }
    }
  return film;
}

static CtTimelineEvent *
read_event (CtWiki    *wiki,
            CtEntity  *entity,
            GError   **error)
{
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (wiki, entity->id, error);
  CtTimelineEvent *event;
  gboolean real_world = FALSE;
  const char *when_text = NULL;

  if (facts == NULL)
    return NULL;
  event = g_new0 (CtTimelineEvent, 1);
  event->id = entity->id;
  event->title = g_strdup (entity->title);
  event->slug = g_strdup (entity->slug);
  event->spoiler = entity->spoiler;
  event->film = -1;
  event->participants = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);

      if (g_str_equal (fact->key, "when") && event->when == NULL)
        {
          when_text = fact->text;
          event->when = fact->text ? ct_fact_text_display (CT_ENTITY_EVENT, "when", fact->text)
                                   : g_strdup (fact->value_title);
          event->spoiler |= fact->spoiler;
        }
      else if (g_str_equal (fact->key, "chrono") && fact->text != NULL && !event->has_chrono)
        {
          char *end = NULL;

          event->chrono = g_ascii_strtod (fact->text, &end);
          event->has_chrono = end != fact->text && *end == '\0';
          event->spoiler |= fact->spoiler;
        }
      else if (g_str_equal (fact->key, "film") && fact->value_id != 0 && event->film_id == 0)
        {
          event->film_id = fact->value_id;
          event->spoiler |= fact->spoiler;
        }
      else if (g_str_equal (fact->key, "participants") && fact->value_id != 0)
        add_id (event->participants, fact->value_id);
      else if (g_str_equal (fact->key, "frame") && fact->text != NULL)
        {
          g_autofree char *frame = g_strstrip (g_strdup (fact->text));

          real_world |= g_ascii_strcasecmp (frame, "real world") == 0;
        }
    }

  if (real_world)
    {
      event->lane = CT_TIMELINE_LANE_RELEASE;
      if (event->has_chrono)
        event->release_key = event->chrono;
      else if (!date_key (when_text, &event->release_key))
        event->release_key = G_MAXDOUBLE;   /* undated: after every release */
    }
  else
    event->lane = event->has_chrono ? CT_TIMELINE_LANE_UNIVERSE : CT_TIMELINE_LANE_UNPLACED;
  return event;
}

static int
compare_films (gconstpointer a,
               gconstpointer b)
{
  const CtTimelineFilm *x = *(CtTimelineFilm * const *) a;
  const CtTimelineFilm *y = *(CtTimelineFilm * const *) b;

  if ((x->release == NULL) != (y->release == NULL))
    return x->release == NULL ? 1 : -1;
  if (x->release != NULL && x->release_key != y->release_key)
    return x->release_key < y->release_key ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

/* Within the not placed lane (by title) or the release lane. */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const CtTimelineEvent *x = *(CtTimelineEvent * const *) a;
  const CtTimelineEvent *y = *(CtTimelineEvent * const *) b;

  if (x->lane != y->lane)
    return (int) x->lane - (int) y->lane;
  if (x->lane == CT_TIMELINE_LANE_RELEASE && x->release_key != y->release_key)
    return x->release_key < y->release_key ? -1 : 1;
  if (x->lane == CT_TIMELINE_LANE_UNPLACED)
    return g_utf8_collate (x->title, y->title);
  return 0;
}

int
ct_timeline_find_film (const CtTimeline *self,
                       gint64            id)
{
  for (guint i = 0; id != 0 && i < self->films->len; i++)
    if (((CtTimelineFilm *) g_ptr_array_index (self->films, i))->id == id)
      return (int) i;
  return -1;
}

gboolean
ct_timeline_event_has_participant (const CtTimelineEvent *event,
                                   gint64                 character_id)
{
  for (guint i = 0; i < event->participants->len; i++)
    if (g_array_index (event->participants, gint64, i) == character_id)
      return TRUE;
  return FALSE;
}

/* Merges the real-world events into the films' release order. */
static void
build_release_lane (CtTimeline *self)
{
  guint f = 0, e = self->n_universe + self->n_unplaced;

  self->release = g_array_new (FALSE, FALSE, sizeof (CtTimelineRelease));
  while (f < self->films->len || e < self->events->len)
    {
      CtTimelineFilm *film = f < self->films->len ? g_ptr_array_index (self->films, f) : NULL;
      CtTimelineEvent *event = e < self->events->len ? g_ptr_array_index (self->events, e) : NULL;
      CtTimelineRelease item;
      double film_key = film && film->release ? film->release_key : G_MAXDOUBLE;

      /* a film released the month of an event comes first: the
       * release, then what happened around it */
      if (film != NULL && (event == NULL || film_key <= event->release_key))
        item = (CtTimelineRelease) { TRUE, f++ };
      else
        item = (CtTimelineRelease) { FALSE, e++ };
      g_array_append_val (self->release, item);
    }
}

CtTimeline *
ct_timeline_new (CtWiki  *wiki,
                 GError **error)
{
  g_autoptr(CtTimeline) self = g_new0 (CtTimeline, 1);
  g_autoptr(GPtrArray) films = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) set_before = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *lanes[3];

  g_return_val_if_fail (CT_IS_WIKI (wiki), NULL);

  films = ct_wiki_list_entities (wiki, CT_ENTITY_FILM, error);
  if (films == NULL)
    return NULL;
  events = ct_wiki_get_events (wiki, 0, error);
  if (events == NULL)
    return NULL;

  self->films = g_ptr_array_new_with_free_func (film_free);
  for (guint i = 0; i < films->len; i++)
    {
      CtTimelineFilm *film = read_film (wiki, g_ptr_array_index (films, i), set_before, error);

      if (film == NULL)
        return NULL;
      g_ptr_array_add (self->films, film);
    }
  /* "A set_before B" is "B set_after A": one list to walk */
  for (guint i = 0; i + 1 < set_before->len; i += 2)
    {
      int later = -1;

      for (guint f = 0; f < self->films->len && later < 0; f++)
        if (((CtTimelineFilm *) g_ptr_array_index (self->films, f))->id == g_array_index (set_before, gint64, i + 1))
          later = (int) f;
      if (later >= 0)
        add_id (((CtTimelineFilm *) g_ptr_array_index (self->films, later))->after,
                g_array_index (set_before, gint64, i));
    }
  g_ptr_array_sort (self->films, compare_films);

  /* each lane in its own list first: the universe lane keeps the chrono
   * order ct_wiki_get_events gave (g_ptr_array_sort is not stable) */
  for (int lane = 0; lane < 3; lane++)
    lanes[lane] = g_ptr_array_new_with_free_func (event_free);
  for (guint i = 0; i < events->len; i++)
    {
      CtTimelineEvent *event = read_event (wiki, g_ptr_array_index (events, i), error);

      if (event == NULL)
        {
          for (int lane = 0; lane < 3; lane++)
            g_ptr_array_free (lanes[lane], TRUE);
          return NULL;
        }
      event->film = ct_timeline_find_film (self, event->film_id);
      g_ptr_array_add (lanes[event->lane], event);
    }
  g_ptr_array_sort (lanes[CT_TIMELINE_LANE_UNPLACED], compare_events);
  g_ptr_array_sort (lanes[CT_TIMELINE_LANE_RELEASE], compare_events);
  self->n_universe = lanes[CT_TIMELINE_LANE_UNIVERSE]->len;
  self->n_unplaced = lanes[CT_TIMELINE_LANE_UNPLACED]->len;
  self->events = g_ptr_array_new_with_free_func (event_free);
  for (int lane = 0; lane < 3; lane++)
    {
      for (guint i = 0; i < lanes[lane]->len; i++)
        g_ptr_array_add (self->events, g_ptr_array_index (lanes[lane], i));
      g_ptr_array_set_free_func (lanes[lane], NULL);
      g_ptr_array_free (lanes[lane], TRUE);
    }

  build_release_lane (self);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_timeline_problem_free);
  _ct_timeline_check (self);
  return g_steal_pointer (&self);
}

char *
ct_timeline_event_label (const CtTimeline      *self,
                         const CtTimelineEvent *event)
{
  GString *label = g_string_new (NULL);

  /* TRANSLATORS: how a screen reader announces an event of the timeline */
  g_string_printf (label, _("Event: %s"), event->title);
  if (event->when != NULL)
    g_string_append_printf (label, ", %s", event->when);
  if (event->film >= 0)
    g_string_append_printf (label, _(", in %s"),
                            ((CtTimelineFilm *) g_ptr_array_index (self->films, event->film))->title);
  if (event->lane == CT_TIMELINE_LANE_UNPLACED)
    g_string_append (label, _(", not placed"));
  if (event->spoiler)
    g_string_append (label, _(", spoiler"));
  return g_string_free (label, FALSE);
}

char *
ct_timeline_film_label (const CtTimelineFilm *film)
{
  if (film->release != NULL)
    /* TRANSLATORS: a film in the timeline's release lane, for screen readers */
    return g_strdup_printf (_("Film: %s, released %s"), film->title, film->release);
  return g_strdup_printf (_("Film: %s, release date unknown"), film->title);
}

GPtrArray *
ct_timeline_check_wiki (CtWiki  *wiki,
                        GError **error)
{
  g_autoptr(CtTimeline) timeline = ct_timeline_new (wiki, error);

  if (timeline == NULL)
    return NULL;
  return g_steal_pointer (&timeline->problems);
}
