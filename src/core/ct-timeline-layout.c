#define G_LOG_DOMAIN "ct-timeline-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ct-timeline-layout.h"

#define MARGIN        12.0
#define LANE_HEADING  32.0
#define LANE_GAP      56.0   /* between the lanes: room for the connectors */
#define GAP           8.0    /* between boxes at zoom 1 */
#define PAD           6.0    /* a group's band around its boxes */

void
ct_timeline_layout_free (CtTimelineLayout *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->connectors, g_array_unref);
  g_free (self);
}

const char *
ct_timeline_lane_title (CtTimelineLane lane)
{
  return lane == CT_TIMELINE_LANE_RELEASE ? _("Release order") : _("In-universe order");
}

const char *
ct_timeline_group_title (const CtTimeline     *timeline,
                         const CtTimelineItem *group)
{
  if (group->unplaced)
    return _("Not placed");
  if (group->index < 0)
    return _("No film");
  return ((CtTimelineFilm *) g_ptr_array_index (timeline->films, group->index))->title;
}

static gboolean
event_shown (const CtTimelineEvent         *event,
             const CtTimelineLayoutOptions *options,
             guint                         *n_hidden)
{
  if (options->film_id != 0 && event->film_id != options->film_id)
    return FALSE;
  if (options->character_id != 0 && !ct_timeline_event_has_participant (event, options->character_id))
    return FALSE;
  if (event->spoiler && !options->show_spoilers)
    {
      (*n_hidden)++;
      return FALSE;
    }
  return TRUE;
}

static guint
add_item (CtTimelineLayout   *self,
          CtTimelineItemKind  kind,
          int                 index,
          double              x,
          double              y,
          double              width,
          double              height)
{
  CtTimelineItem item = { kind, index, FALSE, { x, y, width, height }, { 0 } };

  g_array_append_val (self->items, item);
  return self->items->len - 1;
}

static CtTimelineItem *
item_at (CtTimelineLayout *self,
         guint             i)
{
  return &g_array_index (self->items, CtTimelineItem, i);
}

/* Where the time scale puts key @key: the lane's pixels per unit make the
 * whole span as tall as its boxes stacked, so at zoom 1 the scale only
 * opens gaps where time does; a larger zoom stretches it. */
typedef struct {
  double min, per_unit, top;
} Scale;

static Scale
make_scale (double min,
            double max,
            guint  n,
            double top,
            double zoom)
{
  Scale scale = { min, 0, top };

  if (max > min && n > 1)
    scale.per_unit = zoom * n * (CT_TIMELINE_BOX_HEIGHT + GAP) / (max - min);
  return scale;
}

static double
place (const Scale *scale,
       double       key,
       double       y)
{
  return MAX (y, scale->top + (key - scale->min) * scale->per_unit);
}

/* The events of the universe lane, in runs of one film; then the group of
 * events not placed. Returns the bottom. */
static double
layout_universe (CtTimelineLayout              *self,
                 const CtTimeline              *timeline,
                 const CtTimelineLayoutOptions *options,
                 double                         x,
                 double                         width,
                 double                         gap)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  double y = MARGIN + LANE_HEADING;
  double min = 0, max = 0;
  guint n_placed = 0;
  int group = -1;
  Scale scale;

  for (guint e = 0; e < timeline->n_universe + timeline->n_unplaced; e++)
    if (event_shown (g_ptr_array_index (timeline->events, e), options, &self->n_hidden))
      {
        CtTimelineEvent *event = g_ptr_array_index (timeline->events, e);

        if (event->lane == CT_TIMELINE_LANE_UNIVERSE)
          {
            min = n_placed == 0 ? event->chrono : MIN (min, event->chrono);
            max = n_placed == 0 ? event->chrono : MAX (max, event->chrono);
            n_placed++;
          }
        g_array_append_val (shown, e);
      }
  scale = make_scale (min, max, shown->len, y + CT_TIMELINE_HEADING_HEIGHT, options->zoom);

  for (guint i = 0; i < shown->len; i++)
    {
      guint e = g_array_index (shown, guint, i);
      CtTimelineEvent *event = g_ptr_array_index (timeline->events, e);
      gboolean unplaced = event->lane == CT_TIMELINE_LANE_UNPLACED;
      CtTimelineItem *band = group >= 0 ? item_at (self, (guint) group) : NULL;

      if (band == NULL || band->unplaced != unplaced || (!unplaced && band->index != event->film))
        {
          if (band != NULL)
            band->rect.height = y - gap + PAD - band->rect.y;
          if (band != NULL)
            y += gap + PAD;
          group = (int) add_item (self, CT_TIMELINE_ITEM_GROUP, unplaced ? -1 : event->film,
                                  x, y, width, 0);
          item_at (self, (guint) group)->unplaced = unplaced;
          item_at (self, (guint) group)->heading = (CtTimelineRect) { x + PAD, y, width - 2 * PAD,
                                                                      CT_TIMELINE_HEADING_HEIGHT };
          y += CT_TIMELINE_HEADING_HEIGHT;
        }
      if (!unplaced)
        y = place (&scale, event->chrono, y);
      add_item (self, CT_TIMELINE_ITEM_EVENT, (int) e, x + PAD, y, width - 2 * PAD, CT_TIMELINE_BOX_HEIGHT);
      y += CT_TIMELINE_BOX_HEIGHT + gap;
    }
  if (group >= 0)
    item_at (self, (guint) group)->rect.height = y - gap + PAD - item_at (self, (guint) group)->rect.y;
  return group >= 0 ? y - gap + PAD : y;
}

static gboolean
release_shown (const CtTimeline              *timeline,
               const CtTimelineRelease       *item,
               const CtTimelineLayoutOptions *options,
               guint                         *n_hidden)
{
  if (item->is_film)
    {
      CtTimelineFilm *film = g_ptr_array_index (timeline->films, item->index);

      if (options->film_id != 0 && film->id != options->film_id)
        return FALSE;
      if (film->spoiler && !options->show_spoilers)
        {
          (*n_hidden)++;
          return FALSE;
        }
      return TRUE;
    }
  return event_shown (g_ptr_array_index (timeline->events, item->index), options, n_hidden);
}

static double
release_key (const CtTimeline        *timeline,
             const CtTimelineRelease *item)
{
  if (item->is_film)
    {
      CtTimelineFilm *film = g_ptr_array_index (timeline->films, item->index);

      return film->release ? film->release_key : G_MAXDOUBLE;
    }
  return ((CtTimelineEvent *) g_ptr_array_index (timeline->events, item->index))->release_key;
}

static double
layout_release (CtTimelineLayout              *self,
                const CtTimeline              *timeline,
                const CtTimelineLayoutOptions *options,
                double                         x,
                double                         width,
                double                         gap)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  double y = MARGIN + LANE_HEADING + CT_TIMELINE_HEADING_HEIGHT;
  double min = 0, max = 0;
  guint n_dated = 0;
  Scale scale;

  for (guint i = 0; i < timeline->release->len; i++)
    {
      const CtTimelineRelease *item = &g_array_index (timeline->release, CtTimelineRelease, i);
      double key = release_key (timeline, item);

      if (!release_shown (timeline, item, options, &self->n_hidden))
        continue;
      if (key != G_MAXDOUBLE)
        {
          min = n_dated == 0 ? key : MIN (min, key);
          max = n_dated == 0 ? key : MAX (max, key);
          n_dated++;
        }
      g_array_append_val (shown, i);
    }
  scale = make_scale (min, max, shown->len, y, options->zoom);

  for (guint i = 0; i < shown->len; i++)
    {
      const CtTimelineRelease *item = &g_array_index (timeline->release, CtTimelineRelease,
                                                      g_array_index (shown, guint, i));
      double key = release_key (timeline, item);

      if (key != G_MAXDOUBLE)
        y = place (&scale, key, y);
      add_item (self, item->is_film ? CT_TIMELINE_ITEM_FILM : CT_TIMELINE_ITEM_EVENT, (int) item->index,
                x + PAD, y, width - 2 * PAD, CT_TIMELINE_BOX_HEIGHT);
      y += CT_TIMELINE_BOX_HEIGHT + gap;
    }
  return y;
}

static void
connect_groups (CtTimelineLayout *self)
{
  for (guint g = 0; g < self->items->len; g++)
    {
      CtTimelineItem *group = item_at (self, g);

      if (group->kind != CT_TIMELINE_ITEM_GROUP || group->unplaced || group->index < 0)
        continue;
      for (guint f = 0; f < self->items->len; f++)
        {
          CtTimelineItem *film = item_at (self, f);
          CtTimelineConnector connector;

          if (film->kind != CT_TIMELINE_ITEM_FILM || film->index != group->index)
            continue;
          connector = (CtTimelineConnector) {
            g, f,
            group->rect.x + group->rect.width, group->rect.y + group->rect.height / 2,
            film->rect.x, film->rect.y + film->rect.height / 2,
          };
          g_array_append_val (self->connectors, connector);
        }
    }
}

CtTimelineLayout *
ct_timeline_layout_new (const CtTimeline              *timeline,
                        const CtTimelineLayoutOptions *options)
{
  CtTimelineLayout *self = g_new0 (CtTimelineLayout, 1);
  CtTimelineLayoutOptions o = *options;
  double release_x, bottom, release_bottom;
  guint lane;
  double gap;

  o.lane_width = MAX (o.lane_width, CT_TIMELINE_MIN_LANE_WIDTH);
  o.zoom = CLAMP (o.zoom, 0.5, 8.0);
  gap = GAP * o.zoom;
  self->items = g_array_new (FALSE, FALSE, sizeof (CtTimelineItem));
  self->connectors = g_array_new (FALSE, FALSE, sizeof (CtTimelineConnector));

  lane = add_item (self, CT_TIMELINE_ITEM_LANE, CT_TIMELINE_LANE_UNIVERSE, MARGIN, MARGIN, o.lane_width, 0);
  item_at (self, lane)->heading = (CtTimelineRect) { MARGIN, MARGIN, o.lane_width, LANE_HEADING };
  bottom = layout_universe (self, timeline, &o, MARGIN, o.lane_width, gap);

  if (o.one_lane)
    {
      item_at (self, lane)->rect.height = bottom - MARGIN;
      self->width = o.lane_width + 2 * MARGIN;
      self->height = bottom + MARGIN;
      return self;
    }

  release_x = MARGIN + o.lane_width + LANE_GAP;
  lane = add_item (self, CT_TIMELINE_ITEM_LANE, CT_TIMELINE_LANE_RELEASE, release_x, MARGIN, o.lane_width, 0);
  item_at (self, lane)->heading = (CtTimelineRect) { release_x, MARGIN, o.lane_width, LANE_HEADING };
  release_bottom = layout_release (self, timeline, &o, release_x, o.lane_width, gap);
  bottom = MAX (bottom, release_bottom);

  for (guint i = 0; i < self->items->len; i++)
    if (item_at (self, i)->kind == CT_TIMELINE_ITEM_LANE)
      item_at (self, i)->rect.height = bottom - MARGIN;
  self->width = release_x + o.lane_width + MARGIN;
  self->height = bottom + MARGIN;
  connect_groups (self);
  return self;
}
