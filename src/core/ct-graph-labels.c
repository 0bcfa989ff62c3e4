#define G_LOG_DOMAIN "ct-graph-labels"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ct-graph-labels.h"

#define CELL        64.0   /* of the grid the taken boxes are filed in */
#define PADDING      2.0   /* kept clear around every box */
#define MIN_CHARS    4     /* a shorter stub says nothing: leave it out */
#define ELLIPSIS     "…"

/* Boxes already taken (discs and placed labels), filed by grid cell so a
 * check looks at its neighbours only: the canvas places hundreds of
 * labels on every frame of the settling animation. */
typedef struct {
  GArray     *boxes;   /* of Box */
  GHashTable *cells;   /* cell key → GArray of guint (box indices) */
} Taken;

typedef struct {
  double x0, y0, x1, y1;
} Box;

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  /* Shifted as unsigned: cells left of or above the origin have negative
   * coordinates, and shifting a negative value is undefined in C. */
  return (gint64) (((guint64) cx << 32) ^ ((guint64) cy & 0xffffffff));
}

static void
taken_init (Taken *taken)
{
  taken->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  taken->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
}

static void
taken_clear (Taken *taken)
{
  g_array_unref (taken->boxes);
  g_hash_table_unref (taken->cells);
}

static void
taken_add (Taken     *taken,
           const Box *box)
{
  guint index = taken->boxes->len;

  g_array_append_val (taken->boxes, *box);
  for (gint64 cx = (gint64) floor (box->x0 / CELL); cx <= (gint64) floor (box->x1 / CELL); cx++)
    for (gint64 cy = (gint64) floor (box->y0 / CELL); cy <= (gint64) floor (box->y1 / CELL); cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (taken->cells, &key);

        if (cell == NULL)
          {
            cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (taken->cells, g_memdup2 (&key, sizeof key), cell);
          }
        g_array_append_val (cell, index);
      }
}

static gboolean
taken_overlaps (Taken     *taken,
                const Box *box)
{
  for (gint64 cx = (gint64) floor (box->x0 / CELL); cx <= (gint64) floor (box->x1 / CELL); cx++)
    for (gint64 cy = (gint64) floor (box->y0 / CELL); cy <= (gint64) floor (box->y1 / CELL); cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (taken->cells, &key);

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            const Box *other = &g_array_index (taken->boxes, Box, g_array_index (cell, guint, i));

            if (box->x0 < other->x1 && other->x0 < box->x1 && box->y0 < other->y1 && other->y0 < box->y1)
              return TRUE;
          }
      }
  return FALSE;
}

void
ct_graph_label_estimate (const char *text,
                         gboolean    edge,
                         double     *width,
                         double     *height,
                         gpointer    user_data)
{
  double size = edge ? CT_GRAPH_EDGE_LABEL_SIZE : CT_GRAPH_TITLE_SIZE;

  /* 0.62 em a character is wider than Cantarell's and DejaVu Sans's
   * averages; 1.25 em covers ascenders and descenders */
  *width = g_utf8_strlen (text, -1) * size * 0.62;
  *height = size * 1.25;
}

static void
label_clear (gpointer data)
{
  g_free (((CtGraphLabel *) data)->text);
}

/* The first @chars characters of @text and an ellipsis. */
static char *
shortened (const char *text,
           glong       chars)
{
  const char *end = g_utf8_offset_to_pointer (text, chars);
  g_autofree char *start = NULL;

  /* no space left dangling before the ellipsis */
  while (end > text && end[-1] == ' ')
    end--;
  start = g_strndup (text, end - text);
  return g_strconcat (start, ELLIPSIS, NULL);
}

/* Top-left corners to try for a @w × @h box: a title under its node, then
 * above, right and left; an edge label above the middle of its edge, then
 * below it, then a third of the way from either end. */
static guint
candidates (gboolean  edge,
            double    ax,
            double    ay,
            double    bx,
            double    by,
            double    radius,
            double    w,
            double    h,
            double   *corners)
{
  if (!edge)
    {
      double places[] = {
        ax - w / 2, ay + radius + PADDING,
        ax - w / 2, ay - radius - PADDING - h,
        ax + radius + PADDING, ay - h / 2,
        ax - radius - PADDING - w, ay - h / 2,
      };

      memcpy (corners, places, sizeof places);
      return G_N_ELEMENTS (places) / 2;
    }
  else
    {
      double mx = (ax + bx) / 2, my = (ay + by) / 2;
      double px = ax + (bx - ax) / 3, py = ay + (by - ay) / 3;
      double qx = bx + (ax - bx) / 3, qy = by + (ay - by) / 3;
      double places[] = {
        mx - w / 2, my - h - 1,
        mx - w / 2, my + 1,
        px - w / 2, py - h - 1,
        qx - w / 2, qy - h - 1,
      };

      memcpy (corners, places, sizeof places);
      return G_N_ELEMENTS (places) / 2;
    }
}

static gboolean
inside_clip (const CtGraphLabelOptions *options,
             double                     x,
             double                     y)
{
  return !options->clip
         || (x >= options->clip_x0 && x <= options->clip_x1 && y >= options->clip_y0 && y <= options->clip_y1);
}

/* Places @label for @text anchored at a (a node) or between a and b (an
 * edge): the first free place for the whole text, then for shorter
 * and shorter forms of it; left out (text NULL) when nothing fits. */
static void
place (CtGraphLabel              *label,
       const char                *text,
       double                     ax,
       double                     ay,
       double                     bx,
       double                     by,
       const CtGraphLabelOptions *options,
       Taken                     *taken)
{
  CtGraphMeasureFunc measure = options->measure ? options->measure : ct_graph_label_estimate;
  glong length = g_utf8_strlen (text, -1);
  /* the whole text, then three quarters, a half and a third of it */
  glong lengths[] = { length, length * 3 / 4, length / 2, length / 3 };

  for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
    {
      g_autofree char *form = NULL;
      double corners[8], w, h;
      guint n;

      if (l > 0 && (lengths[l] < MIN_CHARS || lengths[l] >= lengths[l - 1]))
        continue;
      form = l == 0 ? g_strdup (text) : shortened (text, lengths[l]);
      measure (form, label->edge, &w, &h, options->measure_data);
      n = candidates (label->edge, ax, ay, bx, by, options->radius, w, h, corners);
      for (guint c = 0; c < n; c++)
        {
          Box box = { corners[2 * c] - PADDING, corners[2 * c + 1] - PADDING,
                      corners[2 * c] + w + PADDING, corners[2 * c + 1] + h + PADDING };

          if (taken_overlaps (taken, &box))
            continue;
          taken_add (taken, &box);
          label->text = g_steal_pointer (&form);
          label->x = corners[2 * c];
          label->y = corners[2 * c + 1];
          label->width = w;
          label->height = h;
          return;
        }
    }
}

GArray *
ct_graph_labels_place (const CtGraph             *graph,
                       const double              *xy,
                       const CtGraphLabelOptions *options)
{
  GArray *labels;
  Taken taken;
  guint n;

  g_return_val_if_fail (graph != NULL && options != NULL, NULL);
  g_return_val_if_fail (xy != NULL || graph->nodes->len == 0, NULL);

  n = graph->nodes->len;
  labels = g_array_sized_new (FALSE, TRUE, sizeof (CtGraphLabel), n + graph->edges->len);
  g_array_set_clear_func (labels, label_clear);
  taken_init (&taken);

  /* every disc first: no label may cover a node */
  for (guint i = 0; i < n; i++)
    {
      Box disc = { xy[2 * i] - options->radius, xy[2 * i + 1] - options->radius,
                   xy[2 * i] + options->radius, xy[2 * i + 1] + options->radius };

      taken_add (&taken, &disc);
    }

  /* titles in node order: the centre (node 0) and its nearest first */
  for (guint i = 0; i < n; i++)
    {
      CtGraphNode *node = graph->nodes->pdata[i];
      CtGraphLabel label = { .edge = FALSE, .index = i };

      if ((i == 0 || !options->centre_only) && inside_clip (options, xy[2 * i], xy[2 * i + 1]))
        place (&label, node->title, xy[2 * i], xy[2 * i + 1], xy[2 * i], xy[2 * i + 1], options, &taken);
      g_array_append_val (labels, label);
    }

  for (guint k = 0; k < graph->edges->len; k++)
    {
      CtGraphEdge *edge = graph->edges->pdata[k];
      CtGraphLabel label = { .edge = TRUE, .index = k };
      double ax = xy[2 * edge->source], ay = xy[2 * edge->source + 1];
      double bx = xy[2 * edge->target], by = xy[2 * edge->target + 1];

      if (!options->titles_only && hypot (bx - ax, by - ay) >= options->min_edge_length
          && inside_clip (options, (ax + bx) / 2, (ay + by) / 2))
        place (&label, edge->label, ax, ay, bx, by, options, &taken);
      g_array_append_val (labels, label);
    }

  taken_clear (&taken);
  return labels;
}
