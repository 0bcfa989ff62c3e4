/* ct-graph.h — the relationship graph of a wiki (issue 8), without GTK.
 *
 * Module map:
 *   ct-graph.c         the neighbourhood of an entity: nodes and typed edges
 *   ct-graph-layout.c  a seeded, stepwise force-directed layout of it
 *   ct-graph-svg.c     the laid-out graph as a deterministic SVG document
 *
 * A graph is read once from the wiki and then owned by its reader: the UI
 * reads it on a worker thread with its own CtWiki and hands it over, the
 * layout and the SVG writer never touch the database.
 */
#pragma once

#include "ct-wiki.h"

G_BEGIN_DECLS

/* The cap on nodes when the caller gives none: beyond this a drawing is no
 * longer readable, and the layout's cost grows with it. */
#define CT_GRAPH_DEFAULT_MAX_NODES 1000

typedef struct {
  gint64        id;
  CtEntityKind  kind;
  char         *title;
  guint         depth;     /* steps from the centre; 0 for the centre */
} CtGraphNode;

typedef enum {
  CT_GRAPH_EDGE_FACT,      /* an entity-valued fact: key is the fact key */
  CT_GRAPH_EDGE_CREDIT,    /* person — film: key is the credit role */
  CT_GRAPH_EDGE_PLAYS,     /* person — character, from a credit */
  CT_GRAPH_EDGE_APPEARS,   /* character — film, from a credit */
} CtGraphEdgeType;

typedef struct {
  guint            source;  /* index into nodes: reads "source — label — target" */
  guint            target;
  CtGraphEdgeType  type;
  char            *key;     /* fact key or credit role; NULL for plays/appears */
  char            *label;   /* as a reader reads it, translated: "Director", "plays",
                             * "Cast (rumored)" */
  CtFactStatus     status;  /* the surest of the relations it stands for */
} CtGraphEdge;

typedef struct {
  GPtrArray  *nodes;       /* of CtGraphNode; nodes[0] is the centre */
  GPtrArray  *edges;       /* of CtGraphEdge, each pair and label once */
  guint       steps;       /* how far out it was read */
  gboolean    truncated;   /* the node cap left some neighbours out */
} CtGraph;

/* The entities up to @steps links away from @center (breadth first,
 * nearest first, at most @max_nodes, 0 for CT_GRAPH_DEFAULT_MAX_NODES)
 * and every edge among them. Edges come from credits (person — film with
 * the role, person — character, character — film) and from entity-valued
 * facts (affiliations, scenes' film and characters, events' participants
 * …). Only the neighbourhood is read, through indexes. Fails with
 * CT_ERROR_NOT_FOUND when @center is not an entity. */
CtGraph      *ct_graph_neighbourhood     (CtWiki        *wiki,
                                          gint64         center,
                                          guint          steps,
                                          guint          max_nodes,
                                          GError       **error);
/* A copy holding only the nodes whose kind is in @kinds (bit 1 << kind)
 * and the edges between them; the centre always stays. */
CtGraph      *ct_graph_filter            (const CtGraph *self,
                                          guint          kinds);
/* The index of entity @id among the nodes, or -1. */
int           ct_graph_find              (const CtGraph *self,
                                          gint64         id);
/* An edge as a sentence-like row: "Ana de Armas — Cast — Ballerina". */
char         *ct_graph_edge_describe     (const CtGraph *self,
                                          guint          edge);
void          ct_graph_free              (CtGraph       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtGraph, ct_graph_free)

G_END_DECLS
