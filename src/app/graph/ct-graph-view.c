#define G_LOG_DOMAIN "ct-graph-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ct-graph-canvas.h"
#include "ct-graph-job.h"
#include "ct-graph-view.h"
#include "ct-wiki-reader.h"
#include "ct-window.h"

/* The graph is read and laid out on a worker (ct-graph-job.c, run by a
 * CtWikiReader); a newer request cancels the one running, and its late
 * result is dropped. The
 * Relations list is the graph's accessible form: GTK 4.8 cannot expose
 * drawn items as accessible objects, so every edge drawn is also a row,
 * and a row opens the entity the relation leads to. */

#define REFRESH_DELAY_MS 300   /* edits come in bursts (a rename, an import) */
#define MAX_ROWS         1000  /* a list longer than this helps no one */
#define ROWS_PER_TURN    100   /* rows added per main-loop turn */
#define ALL_KINDS        ((1u << CT_N_ENTITY_KINDS) - 1)
#define NARROW_WIDTH     600   /* below it, the Relations list goes under the graph */

struct _CtGraphView
{
  GtkBox          parent_instance;

  GtkSpinButton  *steps_spin;
  GtkBox         *kinds_box;
  GtkButton      *zoom_out_button;
  GtkButton      *zoom_fit_button;
  GtkButton      *zoom_in_button;
  GtkLabel       *status_label;
  GtkButton      *export_button;
  GtkPaned       *paned;
  CtGraphCanvas  *canvas;
  GtkListBox     *relations_list;

  CtWikiReader   *reader;        /* of the wiki shown */
  gint64          center;
  guint           kinds;
  char           *title;
  gboolean        animate_next;  /* settle on screen (not for a refresh) */
  guint           fill_id;       /* Relations rows still to add */
  guint           fill_next;
  guint           reorient_id;   /* the paned's orientation, after an allocation */
};

G_DEFINE_FINAL_TYPE (CtGraphView, ct_graph_view, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_WIKI,
  PROP_CENTER,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_title (CtGraphView *self,
           const char  *entity_title)
{
  g_free (self->title);
  /* Translators: the title of a graph tab; %s is the entity at its centre */
  self->title = g_strdup_printf (_("Graph: %s"), entity_title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
open_entity (CtGraphView *self,
             gint64       id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-entity", "x", id);
}

static void
clear_relations (CtGraphView *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->fill_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relations_list))) != NULL)
    gtk_list_box_remove (self->relations_list, child);
}

/* One row per edge drawn, in the graph's order (nearest first). A row
 * opens the end farther from the centre: on Ballerina's graph, "Ana de
 * Armas — Cast — Ballerina" is about Ana de Armas. Rows are added a
 * chunk per main-loop turn: a thousand at once would hold up frames. */
static gboolean
fill_chunk_cb (gpointer user_data)
{
  CtGraphView *self = user_data;
  const CtGraph *graph = ct_graph_canvas_get_graph (self->canvas);
  guint shown = graph ? MIN (graph->edges->len, MAX_ROWS) : 0;
  guint end = MIN (self->fill_next + ROWS_PER_TURN, shown);

  for (; self->fill_next < end; self->fill_next++)
    {
      guint k = self->fill_next;
      CtGraphEdge *edge = graph->edges->pdata[k];
      CtGraphNode *source = graph->nodes->pdata[edge->source];
      CtGraphNode *target = graph->nodes->pdata[edge->target];
      CtGraphNode *far = source->depth > target->depth ? source : target;
      g_autofree char *text = ct_graph_edge_describe (graph, k);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      g_object_set_data_full (G_OBJECT (row), "ct-entity-id", g_memdup2 (&far->id, sizeof far->id), g_free);
      gtk_list_box_append (self->relations_list, row);
    }
  if (self->fill_next < shown)
    return G_SOURCE_CONTINUE;

  if (graph != NULL && graph->edges->len > shown)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u more relation is drawn but not listed.",
                                   "%u more relations are drawn but not listed.",
                                   graph->edges->len - shown),
                         graph->edges->len - shown);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->relations_list, label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
    }
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
fill_relations (CtGraphView *self)
{
  clear_relations (self);
  self->fill_next = 0;
  if (self->fill_id == 0)
    self->fill_id = g_idle_add (fill_chunk_cb, self);
}

static void
show_status (CtGraphView   *self,
             const CtGraph *graph)
{
  g_autofree char *nodes = g_strdup_printf (ngettext ("%u entity", "%u entities", graph->nodes->len),
                                            graph->nodes->len);
  g_autofree char *edges = g_strdup_printf (ngettext ("%u relation", "%u relations", graph->edges->len),
                                            graph->edges->len);
  g_autofree char *text = NULL;

  if (graph->truncated)
    /* Translators: "24 entities, 40 relations — only the nearest are shown" */
    text = g_strdup_printf (_("%s, %s — only the nearest are shown"), nodes, edges);
  else
    /* Translators: "24 entities, 40 relations" */
    text = g_strdup_printf (_("%s, %s"), nodes, edges);
  gtk_label_set_text (self->status_label, text);
}

static void
on_job_done_cb (gpointer      result,
                const GError *error,
                gpointer      user_data)
{
  CtGraphView *self = user_data;
  CtGraphResult *graph_result = result;

  if (graph_result == NULL)
    {
      ct_graph_canvas_set_result (self->canvas, NULL, FALSE);
      clear_relations (self);
      if (g_error_matches (error, CT_ERROR, CT_ERROR_NOT_FOUND))
        gtk_label_set_text (self->status_label, _("This entity is no longer in the wiki."));
      else
        gtk_label_set_text (self->status_label, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      return;
    }

  set_title (self, ((CtGraphNode *) graph_result->graph->nodes->pdata[0])->title);
  show_status (self, graph_result->graph);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title, -1);
  ct_graph_canvas_set_result (self->canvas, graph_result, self->animate_next);
  fill_relations (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
}

static void
request (CtGraphView *self,
         gboolean     animate)
{
  CtGraphRequest *graph_request;

  ct_wiki_reader_cancel (self->reader);
  if (ct_wiki_reader_get_wiki (self->reader) == NULL || self->center <= 0)
    return;

  graph_request = g_new0 (CtGraphRequest, 1);
  graph_request->center = self->center;
  graph_request->steps = (guint) gtk_spin_button_get_value_as_int (self->steps_spin);
  graph_request->kinds = self->kinds;
  self->animate_next = animate;
  gtk_label_set_text (self->status_label, _("Laying out…"));
  ct_wiki_reader_read (self->reader, graph_request, g_free);
}

/* The wiki changed: the same graph again, without settling on screen. */
static void
on_refresh_cb (CtGraphView *self)
{
  request (self, FALSE);
}

static void
on_steps_changed_cb (CtGraphView *self)
{
  request (self, TRUE);
}

static void
on_kind_toggled_cb (GtkCheckButton *button,
                    CtGraphView    *self)
{
  guint bit = 1u << GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ct-kind"));

  if (gtk_check_button_get_active (button))
    self->kinds |= bit;
  else
    self->kinds &= ~bit;
  request (self, TRUE);
}

static void
on_row_activated_cb (CtGraphView   *self,
                     GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "ct-entity-id");

  if (id != NULL)
    open_entity (self, *id);
}

static void
on_node_activated_cb (CtGraphView   *self,
                      guint          node,
                      CtGraphCanvas *canvas)
{
  const CtGraph *graph = ct_graph_canvas_get_graph (canvas);

  if (graph != NULL && node < graph->nodes->len)
    open_entity (self, ((CtGraphNode *) graph->nodes->pdata[node])->id);
}

static void
on_zoom_in_cb (CtGraphView *self)
{
  ct_graph_canvas_zoom (self->canvas, 1.25);
}

static void
on_zoom_out_cb (CtGraphView *self)
{
  ct_graph_canvas_zoom (self->canvas, 0.8);
}

static void
on_zoom_fit_cb (CtGraphView *self)
{
  ct_graph_canvas_fit (self->canvas);
}

static void
on_svg_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CtGraphView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autofree char *message = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    /* Translators: a toast; %s is a file name */
    message = g_strdup_printf (_("Graph saved as “%s”"), name);
  else
    /* Translators: %s is a file name, then the reason */
    message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
  if (CT_IS_WINDOW (root))
    ct_window_add_toast (CT_WINDOW (root), message);
}

static void
on_export_chosen_cb (GtkNativeDialog *dialog,
                     int              response,
                     CtGraphView     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      ct_graph_view_export_to (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_export_clicked_cb (CtGraphView *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const CtGraph *graph = ct_graph_canvas_get_graph (self->canvas);
  g_autofree char *name = NULL;

  if (graph == NULL)
    return;
  /* Translators: title of the file chooser saving a graph */
  dialog = gtk_file_chooser_native_new (_("Export Graph as SVG"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("SVG drawings"));
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* Translators: the suggested file name of an exported graph; %s is an entity */
  name = g_strdup_printf (_("%s graph.svg"), ((CtGraphNode *) graph->nodes->pdata[0])->title);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
add_kind_buttons (CtGraphView *self)
{
  for (guint kind = 0; kind < CT_N_ENTITY_KINDS; kind++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (ct_entity_kind_plural_label (kind));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data (G_OBJECT (check), "ct-kind", GUINT_TO_POINTER (kind));
      gtk_widget_set_name (check, ct_entity_kind_to_string (kind));
      g_signal_connect (check, "toggled", G_CALLBACK (on_kind_toggled_cb), self);
      gtk_box_append (self->kinds_box, check);
    }
}

static void
ct_graph_view_dispose (GObject *object)
{
  CtGraphView *self = CT_GRAPH_VIEW (object);

  if (self->reader != NULL)
    ct_wiki_reader_cancel (self->reader);
  g_clear_object (&self->reader);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_handle_id (&self->reorient_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_GRAPH_VIEW);
  G_OBJECT_CLASS (ct_graph_view_parent_class)->dispose (object);
}

static void
ct_graph_view_finalize (GObject *object)
{
  CtGraphView *self = CT_GRAPH_VIEW (object);

  g_free (self->title);
  G_OBJECT_CLASS (ct_graph_view_parent_class)->finalize (object);
}

static void
ct_graph_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CtGraphView *self = CT_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_WIKI:
      g_value_set_object (value, ct_wiki_reader_get_wiki (self->reader));
      break;
    case PROP_CENTER:
      g_value_set_int64 (value, self->center);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_graph_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CtGraphView *self = CT_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_WIKI:
      ct_wiki_reader_set_wiki (self->reader, g_value_get_object (value));
      break;
    case PROP_CENTER:
      ct_graph_view_set_center (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
reorient_cb (gpointer data)
{
  CtGraphView *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean narrow = width < NARROW_WIDTH;

  self->reorient_id = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* the graph keeps most of the room either way */
  gtk_paned_set_position (self->paned, narrow ? height * 3 / 5 : MAX (width - 280, width / 2));
  return G_SOURCE_REMOVE;
}

/* The view's children stacked top to bottom, as a vertical GtkBox would:
 * the toolbar and the separator at their natural height, the paned the
 * rest. A layout of its own because a box's layout never tells the widget
 * its width, and a phone's width leaves the graph no room beside the
 * list: the list goes under it (turned after the allocation, not during
 * it: a new orientation is a new size request). */
static void
stack_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
}

static void
stack_allocate (GtkWidget *widget,
                int        width,
                int        height,
                int        baseline)
{
  CtGraphView *self = CT_GRAPH_VIEW (widget);
  GtkOrientation wanted = width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      if (child == GTK_WIDGET (self->paned))
        child_height = MAX (height - y, 0);
      else
        gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height;
    }

  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) != wanted && self->reorient_id == 0)
    self->reorient_id = g_idle_add (reorient_cb, self);
}

static void
ct_graph_view_class_init (CtGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_graph_view_dispose;
  object_class->finalize = ct_graph_view_finalize;
  object_class->get_property = ct_graph_view_get_property;
  object_class->set_property = ct_graph_view_set_property;

  properties[PROP_WIKI] =
    g_param_spec_object ("wiki", NULL, NULL, CT_TYPE_WIKI,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CENTER] =
    g_param_spec_int64 ("center", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CT_TYPE_GRAPH_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-graph-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CtGraphView, steps_spin);
  gtk_widget_class_bind_template_child (widget_class, CtGraphView, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, CtGraphView, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, CtGraphView, zoom_fit_button);
  gtk_widget_class_bind_template_child (widget_class, CtGraphView, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, CtGraphView, status_label);
  gtk_widget_class_bind_template_child (widget_class, CtGraphView, export_button);
  gtk_widget_class_bind_template_child (widget_class, CtGraphView, paned);
  gtk_widget_class_bind_template_child (widget_class, CtGraphView, canvas);
  gtk_widget_class_bind_template_child (widget_class, CtGraphView, relations_list);
}

static void
ct_graph_view_init (CtGraphView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, stack_measure, stack_allocate));

  self->reader = ct_wiki_reader_new (REFRESH_DELAY_MS, ct_graph_job_read,
                                     (GDestroyNotify) ct_graph_result_free, on_job_done_cb, self);
  g_signal_connect_object (self->reader, "refresh", G_CALLBACK (on_refresh_cb), self, G_CONNECT_SWAPPED);
  self->kinds = ALL_KINDS;
  self->title = g_strdup (_("Graph"));
  add_kind_buttons (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);

  g_signal_connect_swapped (self->steps_spin, "value-changed", G_CALLBACK (on_steps_changed_cb), self);
  g_signal_connect_swapped (self->zoom_in_button, "clicked", G_CALLBACK (on_zoom_in_cb), self);
  g_signal_connect_swapped (self->zoom_out_button, "clicked", G_CALLBACK (on_zoom_out_cb), self);
  g_signal_connect_swapped (self->zoom_fit_button, "clicked", G_CALLBACK (on_zoom_fit_cb), self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  g_signal_connect_swapped (self->relations_list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect_swapped (self->canvas, "node-activated", G_CALLBACK (on_node_activated_cb), self);
}

CtGraphView *
ct_graph_view_new (CtWiki *wiki,
                   gint64  center)
{
  g_return_val_if_fail (CT_IS_WIKI (wiki), NULL);
  return g_object_new (CT_TYPE_GRAPH_VIEW, "wiki", wiki, "center", center, NULL);
}

CtWiki *
ct_graph_view_get_wiki (CtGraphView *self)
{
  g_return_val_if_fail (CT_IS_GRAPH_VIEW (self), NULL);
  return ct_wiki_reader_get_wiki (self->reader);
}

gint64
ct_graph_view_get_center (CtGraphView *self)
{
  g_return_val_if_fail (CT_IS_GRAPH_VIEW (self), 0);
  return self->center;
}

void
ct_graph_view_set_center (CtGraphView *self,
                          gint64       center)
{
  g_return_if_fail (CT_IS_GRAPH_VIEW (self));

  if (self->center == center && !ct_wiki_reader_is_busy (self->reader) && ct_graph_view_get_graph (self) != NULL)
    return;
  self->center = center;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER]);
  request (self, TRUE);
}

const char *
ct_graph_view_get_title (CtGraphView *self)
{
  g_return_val_if_fail (CT_IS_GRAPH_VIEW (self), NULL);
  return self->title;
}

void
ct_graph_view_set_kind_visible (CtGraphView  *self,
                                CtEntityKind  kind,
                                gboolean      visible)
{
  GtkWidget *child;

  g_return_if_fail (CT_IS_GRAPH_VIEW (self));
  g_return_if_fail (kind < CT_N_ENTITY_KINDS);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->kinds_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "ct-kind")) == kind)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (child), visible);
}

void
ct_graph_view_set_steps (CtGraphView *self,
                         guint        steps)
{
  g_return_if_fail (CT_IS_GRAPH_VIEW (self));
  gtk_spin_button_set_value (self->steps_spin, steps);
}

const CtGraph *
ct_graph_view_get_graph (CtGraphView *self)
{
  g_return_val_if_fail (CT_IS_GRAPH_VIEW (self), NULL);
  return ct_graph_canvas_get_graph (self->canvas);
}

gboolean
ct_graph_view_is_busy (CtGraphView *self)
{
  g_return_val_if_fail (CT_IS_GRAPH_VIEW (self), FALSE);
  return ct_wiki_reader_is_busy (self->reader) || self->fill_id != 0
         || ct_graph_canvas_is_animating (self->canvas);
}

GtkListBox *
ct_graph_view_get_relations (CtGraphView *self)
{
  g_return_val_if_fail (CT_IS_GRAPH_VIEW (self), NULL);
  return self->relations_list;
}

gboolean
ct_graph_view_export_to (CtGraphView *self,
                         GFile       *target)
{
  const CtGraph *graph;
  const CtGraphLayout *layout;
  g_autoptr(GBytes) bytes = NULL;
  char *svg;

  g_return_val_if_fail (CT_IS_GRAPH_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  graph = ct_graph_canvas_get_graph (self->canvas);
  layout = ct_graph_canvas_get_layout (self->canvas);
  if (graph == NULL || layout == NULL)
    return FALSE;
  /* as drawn, nodes dragged included; written whole, then renamed into
   * place (g_file_replace), so a failed write leaves no half a file */
  svg = ct_graph_svg (graph, layout);
  bytes = g_bytes_new_take (svg, strlen (svg));
  g_file_replace_contents_bytes_async (target, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, on_svg_written_cb, g_object_ref (self));
  return TRUE;
}
