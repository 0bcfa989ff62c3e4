#define G_LOG_DOMAIN "ct-graph"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-fact-format.h"
#include "ct-fact-keys.h"
#include "ct-graph.h"

/* Reading a neighbourhood: the nodes array is the breadth-first queue
 * itself (index order is distance order), so no second queue is kept. */
typedef struct {
  CtWiki     *wiki;
  CtGraph    *graph;
  GHashTable *index;    /* entity id → node index + 1 */
  GHashTable *pairs;    /* "a b" (a < b, node indexes) → edge index + 1 */
  guint       max_nodes;
} Builder;

static void
node_free (CtGraphNode *node)
{
  g_free (node->title);
  g_free (node);
}

static void
edge_free (CtGraphEdge *edge)
{
  g_free (edge->key);
  g_free (edge->label);
  g_free (edge);
}

static CtGraph *
graph_new (guint steps)
{
  CtGraph *graph = g_new0 (CtGraph, 1);

  graph->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  graph->edges = g_ptr_array_new_with_free_func ((GDestroyNotify) edge_free);
  graph->steps = steps;
  return graph;
}

void
ct_graph_free (CtGraph *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->nodes);
  g_ptr_array_unref (self->edges);
  g_free (self);
}

static int
lookup_node (Builder *b,
             gint64   id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (b->index, &id)) - 1;
}

/* The node of entity @id, added at @depth when new and @grow is set;
 * -1 when it is not (yet) in the graph and may not or cannot be added. */
static int
node_for (Builder      *b,
          gint64        id,
          CtEntityKind  kind,
          const char   *title,
          guint         depth,
          gboolean      grow)
{
  int found = lookup_node (b, id);
  CtGraphNode *node;
  gint64 *key;

  if (found >= 0 || !grow)
    return found;
  if (b->graph->nodes->len >= b->max_nodes)
    {
      b->graph->truncated = TRUE;
      return -1;
    }

  node = g_new0 (CtGraphNode, 1);
  node->id = id;
  node->kind = kind;
  node->title = g_strdup (title);
  node->depth = depth;
  g_ptr_array_add (b->graph->nodes, node);
  key = g_memdup2 (&id, sizeof id);
  g_hash_table_insert (b->index, key, GINT_TO_POINTER (b->graph->nodes->len));
  return (int) b->graph->nodes->len - 1;
}

/* A label part without its status note ("Cast" of "Cast (rumored)"),
 * and that status. */
static char *
label_base (const char   *part,
            CtFactStatus *status)
{
  gsize length = strlen (part);

  for (CtFactStatus s = CT_FACT_RUMORED; s <= CT_FACT_DISPUTED; s++)
    {
      const char *note = ct_fact_status_note (s);
      gsize note_length = note ? strlen (note) : 0;

      if (note != NULL && length > note_length + 1 && g_str_has_suffix (part, note)
          && part[length - note_length - 1] == ' ')
        {
          *status = s;
          return g_strndup (part, length - note_length - 1);
        }
    }
  *status = CT_FACT_CONFIRMED;
  return g_strdup (part);
}

/* One edge per pair of nodes, whatever ties them: a film's `director`
 * fact and the director's credit say the same thing, and two lines
 * between the same nodes would only draw over each other. Different
 * labels are joined ("Director, Writer"). */
static void
add_edge (Builder         *b,
          int              source,
          int              target,
          CtGraphEdgeType  type,
          const char      *key,
          const char      *plain_label,
          CtFactStatus     status)
{
  g_autofree char *pair = NULL;
  g_autofree char *label = NULL;
  const char *note = ct_fact_status_note (status);
  guint existing;
  CtGraphEdge *edge;

  if (source < 0 || target < 0 || source == target)
    return;
  /* pre-release casting is often only rumored: the graph says so as
   * every other view does */
  label = note ? g_strdup_printf ("%s %s", plain_label, note) : g_strdup (plain_label);

  pair = g_strdup_printf ("%d %d", MIN (source, target), MAX (source, target));
  existing = GPOINTER_TO_UINT (g_hash_table_lookup (b->pairs, pair));
  if (existing > 0)
    {
      g_auto(GStrv) labels = NULL;
      gboolean found = FALSE;

      edge = b->graph->edges->pdata[existing - 1];
      edge->status = MIN (edge->status, status);
      labels = g_strsplit (edge->label, ", ", -1);
      /* The same relation twice (Ian McShane plays Winston, rumored in
       * one film and confirmed in another) is said once, as surely as
       * it is known anywhere. */
      for (guint i = 0; labels[i] != NULL; i++)
        {
          CtFactStatus part_status;
          g_autofree char *base = label_base (labels[i], &part_status);

          if (g_strcmp0 (base, plain_label) != 0)
            continue;
          found = TRUE;
          if (status < part_status)
            {
              g_free (labels[i]);
              labels[i] = g_strdup (label);
            }
        }
      {
        char *joined = found ? g_strjoinv (", ", labels) : g_strconcat (edge->label, ", ", label, NULL);

        g_free (edge->label);
        edge->label = joined;
      }
      return;
    }

  edge = g_new0 (CtGraphEdge, 1);
  edge->source = (guint) source;
  edge->target = (guint) target;
  edge->type = type;
  edge->key = g_strdup (key);
  edge->label = g_steal_pointer (&label);
  edge->status = status;
  g_ptr_array_add (b->graph->edges, edge);
  g_hash_table_insert (b->pairs, g_steal_pointer (&pair), GUINT_TO_POINTER (b->graph->edges->len));
}

/* Adds the neighbours of node @i and its edges to them. A node at the
 * outer rim is read too, but only for edges to nodes already in the
 * graph: two entities N steps out that are tied to each other show it. */
static gboolean
expand (Builder  *b,
        guint     i,
        GError  **error)
{
  CtGraphNode *node = b->graph->nodes->pdata[i];
  gint64 id = node->id;
  guint depth = node->depth + 1;
  gboolean grow = node->depth < b->graph->steps;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) credits = NULL;

  links = ct_wiki_get_links (b->wiki, id, error);
  if (links == NULL)
    return FALSE;
  for (guint k = 0; k < links->len; k++)
    {
      CtLink *link = links->pdata[k];
      int from = node_for (b, link->from_id, link->from_kind, link->from_title, depth, grow);
      int to = node_for (b, link->to_id, link->to_kind, link->to_title, depth, grow);
      g_autofree char *label = ct_fact_key_label (link->from_kind, link->key);

      add_edge (b, from, to, CT_GRAPH_EDGE_FACT, link->key, label, link->status);
    }

  credits = ct_wiki_get_credits_of (b->wiki, id, error);
  if (credits == NULL)
    return FALSE;
  for (guint k = 0; k < credits->len; k++)
    {
      CtCredit *credit = credits->pdata[k];
      int film = node_for (b, credit->film_id, CT_ENTITY_FILM, credit->film_title, depth, grow);
      int person = node_for (b, credit->person_id, CT_ENTITY_PERSON, credit->person_title, depth, grow);
      int character = -1;

      if (credit->character_id != 0)
        character = node_for (b, credit->character_id, CT_ENTITY_CHARACTER,
                              credit->character_title, depth, grow);

      add_edge (b, person, film, CT_GRAPH_EDGE_CREDIT, credit->role,
                ct_credit_role_label (credit->role), credit->status);
      /* TRANSLATORS: an edge of the relationship graph: "Ana de Armas — plays — Rooney" */
      add_edge (b, person, character, CT_GRAPH_EDGE_PLAYS, NULL, _("plays"), credit->status);
      /* TRANSLATORS: an edge of the relationship graph: "Rooney — appears in — Ballerina" */
      add_edge (b, character, film, CT_GRAPH_EDGE_APPEARS, NULL, _("appears in"), credit->status);
    }
  return TRUE;
}

CtGraph *
ct_graph_neighbourhood (CtWiki   *wiki,
                        gint64    center,
                        guint     steps,
                        guint     max_nodes,
                        GError  **error)
{
  g_autoptr(CtEntity) entity = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) pairs = NULL;
  g_autoptr(CtGraph) graph = NULL;
  Builder b;

  g_return_val_if_fail (CT_IS_WIKI (wiki), NULL);

  entity = ct_wiki_get_entity (wiki, center, error);
  if (entity == NULL)
    return NULL;

  graph = graph_new (steps);
  index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b = (Builder) { wiki, graph, index, pairs, max_nodes > 0 ? max_nodes : CT_GRAPH_DEFAULT_MAX_NODES };

  node_for (&b, entity->id, entity->kind, entity->title, 0, TRUE);
  for (guint i = 0; i < graph->nodes->len; i++)
    if (!expand (&b, i, error))
      return NULL;

  return g_steal_pointer (&graph);
}

int
ct_graph_find (const CtGraph *self,
               gint64         id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->nodes->len; i++)
    if (((CtGraphNode *) self->nodes->pdata[i])->id == id)
      return (int) i;
  return -1;
}

CtGraph *
ct_graph_filter (const CtGraph *self,
                 guint          kinds)
{
  CtGraph *copy;
  g_autofree int *map = NULL;
  g_autofree gboolean *reached = NULL;
  gboolean grew = TRUE;

  g_return_val_if_fail (self != NULL, NULL);

  copy = graph_new (self->steps);
  copy->truncated = self->truncated;
  if (self->nodes->len == 0)
    return copy;

  /* What stays reachable from the centre through nodes of the kinds
   * shown: a character reached only through a hidden film would float
   * loose, tied to nothing on screen. */
  reached = g_new0 (gboolean, self->nodes->len);
  reached[0] = TRUE;
  while (grew)
    {
      grew = FALSE;
      for (guint k = 0; k < self->edges->len; k++)
        {
          CtGraphEdge *edge = self->edges->pdata[k];
          CtGraphNode *s = self->nodes->pdata[edge->source];
          CtGraphNode *t = self->nodes->pdata[edge->target];
          gboolean s_in = edge->source == 0 || (kinds & (1u << s->kind)) != 0;
          gboolean t_in = edge->target == 0 || (kinds & (1u << t->kind)) != 0;

          if (!s_in || !t_in || reached[edge->source] == reached[edge->target])
            continue;
          reached[edge->source] = reached[edge->target] = TRUE;
          grew = TRUE;
        }
    }

  map = g_new (int, self->nodes->len);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      CtGraphNode *node = self->nodes->pdata[i];
      CtGraphNode *kept;

      map[i] = -1;
      if (!reached[i])
        continue;
      kept = g_new0 (CtGraphNode, 1);
      *kept = *node;
      kept->title = g_strdup (node->title);
      map[i] = (int) copy->nodes->len;
      g_ptr_array_add (copy->nodes, kept);
    }

  for (guint k = 0; k < self->edges->len; k++)
    {
      CtGraphEdge *edge = self->edges->pdata[k];
      CtGraphEdge *kept;

      if (map[edge->source] < 0 || map[edge->target] < 0)
        continue;
      kept = g_new0 (CtGraphEdge, 1);
      kept->source = (guint) map[edge->source];
      kept->target = (guint) map[edge->target];
      kept->type = edge->type;
      kept->key = g_strdup (edge->key);
      kept->label = g_strdup (edge->label);
      kept->status = edge->status;
      g_ptr_array_add (copy->edges, kept);
    }
  return copy;
}

char *
ct_graph_edge_describe (const CtGraph *self,
                        guint          edge)
{
  CtGraphEdge *e;

  g_return_val_if_fail (self != NULL && edge < self->edges->len, NULL);

  e = self->edges->pdata[edge];
  return g_strdup_printf ("%s — %s — %s",
                          ((CtGraphNode *) self->nodes->pdata[e->source])->title,
                          e->label,
                          ((CtGraphNode *) self->nodes->pdata[e->target])->title);
}
