#define G_LOG_DOMAIN "ct-graph-layout"

#include "config.h"

#include <math.h>

#include "ct-graph-layout.h"

/* Fruchterman–Reingold (1991) with their grid variant: repulsion only
 * between nodes within CUTOFF, found through a grid of CUTOFF-sized
 * cells, so a step costs O(nodes + edges) rather than O(nodes²) and a
 * 1,000-node neighbourhood settles within a frame's budget per step.
 * A weak pull to the centre keeps parts that the cutoff no longer pushes
 * apart from drifting. The temperature (the most a node may move in a
 * step) cools geometrically; once cold, steps only push overlapping
 * nodes apart, and the layout is stable when none overlap. */

#define K            CT_GRAPH_EDGE_LENGTH
#define CUTOFF       (2.0 * K)
#define GRAVITY      0.02
#define T_START      (2.0 * K)
#define T_COOL       0.95
#define T_MIN        0.5
#define MAX_GRID     256         /* cells per side, whatever the spread */
#define MAX_SEPARATE 3000        /* overlap passes before giving up */
/* Closer than the gap by less than this is not an overlap: pushing one
 * pair apart nudges its neighbours, and without slack the passes chase
 * hundredths of a unit for hundreds of steps. */
#define SEPARATE_SLACK 0.5

struct _CtGraphLayout {
  guint    n_nodes;
  guint    n_edges;
  guint   *edges;      /* source, target pairs */
  double  *x;
  double  *y;
  double  *dx;
  double  *dy;
  double   temperature;
  guint    steps;
  guint    separations;
  gboolean stable;

  /* the grid, rebuilt at each use: nodes sorted by cell */
  double   cell;
  double   gx0, gy0;
  guint    gw, gh;
  guint   *cell_start; /* gw * gh + 1 */
  guint   *cell_nodes; /* n_nodes */
  guint   *node_cell;  /* n_nodes */
};

CtGraphLayout *
ct_graph_layout_new (const CtGraph *graph,
                     guint32        seed)
{
  CtGraphLayout *self;
  g_autoptr(GRand) rand = NULL;
  g_autofree guint *ring_size = NULL;
  g_autofree guint *ring_seen = NULL;
  guint max_depth = 0;

  g_return_val_if_fail (graph != NULL, NULL);

  self = g_new0 (CtGraphLayout, 1);
  self->n_nodes = graph->nodes->len;
  self->n_edges = graph->edges->len;
  self->edges = g_new (guint, 2 * self->n_edges + 1);
  self->x = g_new0 (double, self->n_nodes + 1);
  self->y = g_new0 (double, self->n_nodes + 1);
  self->dx = g_new0 (double, self->n_nodes + 1);
  self->dy = g_new0 (double, self->n_nodes + 1);
  self->node_cell = g_new0 (guint, self->n_nodes + 1);
  self->cell_nodes = g_new0 (guint, self->n_nodes + 1);
  self->temperature = T_START;

  for (guint k = 0; k < self->n_edges; k++)
    {
      CtGraphEdge *edge = graph->edges->pdata[k];

      self->edges[2 * k] = edge->source;
      self->edges[2 * k + 1] = edge->target;
    }

  /* Seeded start: each distance from the centre on its own ring, evenly
   * around it with a seeded turn and jitter. GRand is Mersenne Twister,
   * the same sequence for a seed on every platform and GLib version. */
  rand = g_rand_new_with_seed (seed);
  for (guint i = 0; i < self->n_nodes; i++)
    max_depth = MAX (max_depth, ((CtGraphNode *) graph->nodes->pdata[i])->depth);
  ring_size = g_new0 (guint, max_depth + 1);
  ring_seen = g_new0 (guint, max_depth + 1);
  for (guint i = 0; i < self->n_nodes; i++)
    ring_size[((CtGraphNode *) graph->nodes->pdata[i])->depth]++;

  for (guint i = 0; i < self->n_nodes; i++)
    {
      guint depth = ((CtGraphNode *) graph->nodes->pdata[i])->depth;
      double turn = g_rand_double (rand);
      double jitter = g_rand_double (rand) - 0.5;
      double angle, radius;

      if (i == 0)
        continue;
      angle = 2.0 * G_PI * ((double) ring_seen[depth]++ + turn * 0.5) / (double) ring_size[depth];
      /* a ring long enough for its nodes a gap apart: a crowded start
       * makes the first steps quadratic (every node within the cutoff) */
      radius = MAX (K * (double) depth, ring_size[depth] * CT_GRAPH_NODE_GAP / (2.0 * G_PI))
               + 0.3 * K * jitter;
      self->x[i] = radius * cos (angle);
      self->y[i] = radius * sin (angle);
    }
  return self;
}

void
ct_graph_layout_free (CtGraphLayout *self)
{
  if (self == NULL)
    return;
  g_free (self->edges);
  g_free (self->x);
  g_free (self->y);
  g_free (self->dx);
  g_free (self->dy);
  g_free (self->cell_start);
  g_free (self->cell_nodes);
  g_free (self->node_cell);
  g_free (self);
}

/* Sorts the nodes into cells of at least @cell units (a counting sort:
 * cell_nodes[cell_start[c] .. cell_start[c + 1]) are the nodes of c). */
static void
build_grid (CtGraphLayout *self,
            double         cell)
{
  double x0, y0, x1, y1;
  guint n_cells;

  ct_graph_layout_get_bounds (self, &x0, &y0, &x1, &y1);
  cell = MAX (cell, MAX (x1 - x0, y1 - y0) / (MAX_GRID - 1));
  self->cell = cell;
  self->gx0 = x0;
  self->gy0 = y0;
  self->gw = (guint) floor ((x1 - x0) / cell) + 1;
  self->gh = (guint) floor ((y1 - y0) / cell) + 1;
  n_cells = self->gw * self->gh;

  g_free (self->cell_start);
  self->cell_start = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < self->n_nodes; i++)
    {
      guint cx = MIN ((guint) floor ((self->x[i] - x0) / cell), self->gw - 1);
      guint cy = MIN ((guint) floor ((self->y[i] - y0) / cell), self->gh - 1);

      self->node_cell[i] = cy * self->gw + cx;
      self->cell_start[self->node_cell[i] + 1]++;
    }
  for (guint c = 0; c < n_cells; c++)
    self->cell_start[c + 1] += self->cell_start[c];
  {
    g_autofree guint *fill = g_memdup2 (self->cell_start, sizeof (guint) * n_cells);

    for (guint i = 0; i < self->n_nodes; i++)
      self->cell_nodes[fill[self->node_cell[i]]++] = i;
  }
}

/* Runs the body for every node j != i in the 3×3 cells around node i. */
#define FOR_NEIGHBOURS(self, i, j, ...) \
  G_STMT_START { \
    guint cx_ = (self)->node_cell[i] % (self)->gw, cy_ = (self)->node_cell[i] / (self)->gw; \
    for (guint ny_ = cy_ > 0 ? cy_ - 1 : 0; ny_ <= MIN (cy_ + 1, (self)->gh - 1); ny_++) \
      for (guint nx_ = cx_ > 0 ? cx_ - 1 : 0; nx_ <= MIN (cx_ + 1, (self)->gw - 1); nx_++) \
        { \
          guint c_ = ny_ * (self)->gw + nx_; \
          for (guint p_ = (self)->cell_start[c_]; p_ < (self)->cell_start[c_ + 1]; p_++) \
            { \
              guint j = (self)->cell_nodes[p_]; \
              if (j == (i)) \
                continue; \
              __VA_ARGS__ \
            } \
        } \
  } G_STMT_END

/* Two nodes on the same spot have no direction between them: take one
 * from their indexes, so the outcome stays the same on every run. */
static void
direction (guint   i,
           guint   j,
           double  ddx,
           double  ddy,
           double *ux,
           double *uy,
           double *dist)
{
  double d = sqrt (ddx * ddx + ddy * ddy);

  if (d < 1e-6)
    {
      double angle = (double) ((i * 7919u + j * 104729u) % 360u) * G_PI / 180.0;

      *ux = cos (angle);
      *uy = sin (angle);
      *dist = 1e-6;
      return;
    }
  *ux = ddx / d;
  *uy = ddy / d;
  *dist = d;
}

static void
forces (CtGraphLayout *self)
{
  build_grid (self, CUTOFF);

  for (guint i = 0; i < self->n_nodes; i++)
    {
      double fx = -GRAVITY * self->x[i];
      double fy = -GRAVITY * self->y[i];

      FOR_NEIGHBOURS (self, i, j, {
        double ux, uy, d, f;

        direction (i, j, self->x[i] - self->x[j], self->y[i] - self->y[j], &ux, &uy, &d);
        if (d >= CUTOFF)
          continue;
        f = K * K / d;
        fx += ux * f;
        fy += uy * f;
      });
      self->dx[i] = fx;
      self->dy[i] = fy;
    }

  for (guint k = 0; k < self->n_edges; k++)
    {
      guint s = self->edges[2 * k], t = self->edges[2 * k + 1];
      double ux, uy, d, f;

      direction (s, t, self->x[t] - self->x[s], self->y[t] - self->y[s], &ux, &uy, &d);
      f = d * d / K;
      self->dx[s] += ux * f;
      self->dy[s] += uy * f;
      self->dx[t] -= ux * f;
      self->dy[t] -= uy * f;
    }
}

static void
move (CtGraphLayout *self)
{
  /* Node 0 is the centre and stays where the reader looks first. */
  for (guint i = 1; i < self->n_nodes; i++)
    {
      double len = sqrt (self->dx[i] * self->dx[i] + self->dy[i] * self->dy[i]);
      double step;

      if (len < 1e-9)
        continue;
      step = MIN (len, self->temperature);
      self->x[i] += self->dx[i] / len * step;
      self->y[i] += self->dy[i] / len * step;
    }
}

/* One pass pushing apart every pair closer than CT_GRAPH_NODE_GAP (less
 * the slack), each by half what is missing (the centre does not move: the other takes it
 * all). Returns whether any pair was too close. */
static gboolean
separate (CtGraphLayout *self)
{
  gboolean overlapped = FALSE;

  build_grid (self, CT_GRAPH_NODE_GAP);
  for (guint i = 0; i < self->n_nodes; i++)
    {
      FOR_NEIGHBOURS (self, i, j, {
        double ux, uy, d, push;

        if (j < i)
          continue;
        direction (i, j, self->x[j] - self->x[i], self->y[j] - self->y[i], &ux, &uy, &d);
        if (d >= CT_GRAPH_NODE_GAP - SEPARATE_SLACK)
          continue;
        overlapped = TRUE;
        push = (CT_GRAPH_NODE_GAP - d) * 0.5;
        if (i != 0)
          {
            self->x[i] -= ux * push;
            self->y[i] -= uy * push;
          }
        else
          push *= 2.0;
        self->x[j] += ux * push;
        self->y[j] += uy * push;
      });
    }
  return overlapped;
}

gboolean
ct_graph_layout_step (CtGraphLayout *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  if (self->stable)
    return TRUE;
  self->steps++;

  if (self->temperature > T_MIN)
    {
      forces (self);
      move (self);
      self->temperature *= T_COOL;
      return FALSE;
    }

  /* Cold: only untangle what still overlaps. A pathological graph (a
   * thousand leaves on one node) may need many passes; after
   * MAX_SEPARATE the layout is called stable as it is, so the caller
   * always finishes. */
  if (!separate (self) || ++self->separations >= MAX_SEPARATE)
    self->stable = TRUE;
  return self->stable;
}

gboolean
ct_graph_layout_is_stable (const CtGraphLayout *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->stable;
}

guint
ct_graph_layout_run (CtGraphLayout *self,
                     guint          max_steps)
{
  guint taken = 0;

  g_return_val_if_fail (self != NULL, 0);

  while (taken < max_steps && !self->stable)
    {
      ct_graph_layout_step (self);
      taken++;
    }
  return taken;
}

guint
ct_graph_layout_get_n_steps (const CtGraphLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->steps;
}

gboolean
ct_graph_layout_is_cold (const CtGraphLayout *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->temperature <= T_MIN;
}

guint
ct_graph_layout_get_n_nodes (const CtGraphLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_nodes;
}

void
ct_graph_layout_get_position (const CtGraphLayout *self,
                              guint                node,
                              double              *x,
                              double              *y)
{
  g_return_if_fail (self != NULL && node < self->n_nodes);
  *x = self->x[node];
  *y = self->y[node];
}

void
ct_graph_layout_set_position (CtGraphLayout *self,
                              guint          node,
                              double         x,
                              double         y)
{
  g_return_if_fail (self != NULL && node < self->n_nodes);
  self->x[node] = x;
  self->y[node] = y;
}

void
ct_graph_layout_get_bounds (const CtGraphLayout *self,
                            double              *x0,
                            double              *y0,
                            double              *x1,
                            double              *y1)
{
  g_return_if_fail (self != NULL);

  *x0 = *y0 = *x1 = *y1 = 0.0;
  for (guint i = 0; i < self->n_nodes; i++)
    {
      if (i == 0 || self->x[i] < *x0) *x0 = self->x[i];
      if (i == 0 || self->y[i] < *y0) *y0 = self->y[i];
      if (i == 0 || self->x[i] > *x1) *x1 = self->x[i];
      if (i == 0 || self->y[i] > *y1) *y1 = self->y[i];
    }
}

double
ct_graph_layout_min_distance (const CtGraphLayout *self)
{
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, G_MAXDOUBLE);

  /* Plain pairs: a test's check, not a step's cost. */
  for (guint i = 0; i < self->n_nodes; i++)
    for (guint j = i + 1; j < self->n_nodes; j++)
      best = MIN (best, hypot (self->x[i] - self->x[j], self->y[i] - self->y[j]));
  return best;
}
