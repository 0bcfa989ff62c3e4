#define G_LOG_DOMAIN "ct-graph-svg"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "ct-graph-labels.h"
#include "ct-graph-layout.h"
#include "ct-render-private.h"

/* The libadwaita palette's colours (the 3rd or 4th shade), dark enough
 * for white-on-colour and distinct enough to tell kinds apart; the app
 * draws with the same ones. In CtEntityKind order. */
static const char * const kind_colours[CT_N_ENTITY_KINDS] = {
  "#1c71d8",  /* film: blue */
  "#26a269",  /* person: green */
  "#813d9c",  /* character: purple */
  "#e66100",  /* scene: orange */
  "#c01c28",  /* event: red */
  "#865e3c",  /* organization: brown */
  "#9c6e03",  /* location: dark yellow */
};

#define MARGIN 80.0

/* A number the same in every locale, one decimal, no "-0.0". */
static const char *
num (char   *buf,
     double  value)
{
  if (fabs (value) < 0.05)
    value = 0.0;
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", value);
}

/* @label's text centred in its box, on the baseline 1 em down; a label
 * left out is not written (the node's <title> still names it). */
static void
write_label (GString            *out,
             const CtGraphLabel *label,
             double              size,
             const char         *attributes)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;

  if (label->text == NULL)
    return;
  text = ct_html_escape (label->text);
  g_string_append_printf (out, "<text x=\"%s\" y=\"%s\"%s>%s</text>",
                          num (a, label->x + label->width / 2.0), num (b, label->y + size), attributes, text);
  if (label->edge)
    g_string_append_c (out, '\n');
}

char *
ct_graph_svg (const CtGraph       *graph,
              const CtGraphLayout *layout)
{
  GString *out;
  double x0, y0, x1, y1;
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  char c[G_ASCII_DTOSTR_BUF_SIZE], d[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *centre = NULL;
  g_autofree char *heading = NULL;
  g_autofree double *xy = NULL;
  g_autoptr(GArray) labels = NULL;
  CtGraphLabelOptions options = { .radius = CT_GRAPH_NODE_RADIUS };

  g_return_val_if_fail (graph != NULL && layout != NULL, NULL);
  g_return_val_if_fail (graph->nodes->len == ct_graph_layout_get_n_nodes (layout), NULL);

  xy = g_new (double, 2 * MAX (graph->nodes->len, 1));
  for (guint i = 0; i < graph->nodes->len; i++)
    ct_graph_layout_get_position (layout, i, &xy[2 * i], &xy[2 * i + 1]);
  labels = ct_graph_labels_place (graph, xy, &options);

  ct_graph_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
  x0 -= MARGIN;
  y0 -= MARGIN;
  x1 += MARGIN;
  y1 += MARGIN;

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%s %s %s %s\"",
                          num (a, x0), num (b, y0), num (c, x1 - x0), num (d, y1 - y0));
  g_string_append_printf (out, " width=\"%s\" height=\"%s\""
                          " font-family=\"Cantarell, sans-serif\" font-size=\"12\">\n",
                          num (a, x1 - x0), num (b, y1 - y0));

  if (graph->nodes->len > 0)
    centre = ct_html_escape (((CtGraphNode *) graph->nodes->pdata[0])->title);
  /* TRANSLATORS: the title of an exported relationship graph; %s is an entity */
  heading = g_strdup_printf (_("Relationship graph of %s"), centre ? centre : "");
  g_string_append_printf (out, "<title>%s</title>\n", heading);
  g_string_append_printf (out, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n",
                          num (a, x0), num (b, y0), num (c, x1 - x0), num (d, y1 - y0));

  g_string_append (out, "<g class=\"edges\" stroke=\"#9a9996\" stroke-width=\"1.5\">\n");
  for (guint k = 0; k < graph->edges->len; k++)
    {
      CtGraphEdge *edge = graph->edges->pdata[k];
      double sx, sy, tx, ty;

      ct_graph_layout_get_position (layout, edge->source, &sx, &sy);
      ct_graph_layout_get_position (layout, edge->target, &tx, &ty);
      /* dashed: only rumored or disputed */
      g_string_append_printf (out, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"%s/>\n",
                              num (a, sx), num (b, sy), num (c, tx), num (d, ty),
                              edge->status != CT_FACT_CONFIRMED ? " stroke-dasharray=\"5 4\"" : "");
    }
  g_string_append (out, "</g>\n");

  g_string_append (out, "<g class=\"edge-labels\" fill=\"#5e5c64\" font-size=\"10\" text-anchor=\"middle\">\n");
  for (guint k = 0; k < graph->edges->len; k++)
    write_label (out, &g_array_index (labels, CtGraphLabel, graph->nodes->len + k), CT_GRAPH_EDGE_LABEL_SIZE, "");
  g_string_append (out, "</g>\n");

  g_string_append (out, "<g class=\"nodes\" text-anchor=\"middle\">\n");
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      CtGraphNode *node = graph->nodes->pdata[i];
      g_autofree char *title = ct_html_escape (node->title);
      double x, y;

      ct_graph_layout_get_position (layout, i, &x, &y);
      g_string_append_printf (out, "<g class=\"node %s\"><title>%s (%s)</title>",
                              ct_entity_kind_to_string (node->kind), title,
                              ct_entity_kind_label (node->kind));
      g_string_append_printf (out, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"%s/>",
                              num (a, x), num (b, y), num (c, CT_GRAPH_NODE_RADIUS),
                              kind_colours[node->kind],
                              i == 0 ? " stroke=\"#241f31\" stroke-width=\"3\"" : "");
      write_label (out, &g_array_index (labels, CtGraphLabel, i), CT_GRAPH_TITLE_SIZE, " fill=\"#241f31\"");
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n</svg>\n");
  return g_string_free (out, FALSE);
}
