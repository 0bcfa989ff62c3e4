#define G_LOG_DOMAIN "ct-window-graph"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-graph-view.h"
#include "ct-window-private.h"

/* The graph tab: one per window, recentred by "Show in Graph" rather
 * than a new tab for each entity, the way a map is moved, not reopened. */

static CtGraphView *
find_graph_view (CtWindow *self)
{
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      if (CT_IS_GRAPH_VIEW (child) && ct_graph_view_get_wiki (CT_GRAPH_VIEW (child)) == self->wiki)
        return CT_GRAPH_VIEW (child);
    }
  return NULL;
}

/* Without an entity named: the entity of the tab being read, else the
 * graph tab's own centre, else the wiki's first film (or entity). */
static gint64
default_center (CtWindow    *self,
                CtGraphView *view)
{
  AdwTabPage *tab = adw_tab_view_get_selected_page (self->tab_view);
  GtkWidget *child = tab ? adw_tab_page_get_child (tab) : NULL;
  g_autoptr(GPtrArray) first = NULL;

  if (CT_IS_ENTITY_PAGE (child) && ct_entity_page_get_wiki (CT_ENTITY_PAGE (child)) == self->wiki)
    return ct_entity_page_get_id (CT_ENTITY_PAGE (child));
  if (view != NULL)
    return ct_graph_view_get_center (view);
  first = ct_wiki_list_briefs (self->wiki, CT_ENTITY_FILM, 0, 1, NULL);
  if (first == NULL || first->len == 0)
    {
      g_clear_pointer (&first, g_ptr_array_unref);
      first = ct_wiki_list_briefs (self->wiki, -1, 0, 1, NULL);
    }
  return first != NULL && first->len > 0 ? ((CtEntityBrief *) first->pdata[0])->id : 0;
}

void
_ct_window_update_graph_tab (CtWindow    *self,
                             CtGraphView *view)
{
  AdwTabPage *tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (view));

  if (tab == NULL)
    return;
  adw_tab_page_set_title (tab, ct_graph_view_get_title (view));
  if (adw_tab_view_get_selected_page (self->tab_view) == tab)
    {
      adw_window_title_set_title (self->window_title, ct_graph_view_get_title (view));
      adw_window_title_set_subtitle (self->window_title, _("Relationship Graph"));
      gtk_window_set_title (GTK_WINDOW (self), ct_graph_view_get_title (view));
    }
}

static void
on_graph_title_cb (CtGraphView *view,
                   GParamSpec  *pspec,
                   CtWindow    *self)
{
  _ct_window_update_graph_tab (self, view);
}

static void
open_graph_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);
  gint64 center = g_variant_get_int64 (parameter);
  CtGraphView *view;
  AdwTabPage *tab;

  if (self->wiki == NULL)
    {
      ct_window_add_toast (self, _("Open a wiki first: the graph shows how its entities are tied."));
      return;
    }
  view = find_graph_view (self);
  if (center <= 0)
    center = default_center (self, view);
  if (center <= 0)
    {
      ct_window_add_toast (self, _("The wiki has no entities yet: add one to see its graph."));
      return;
    }

  if (view == NULL)
    {
      view = ct_graph_view_new (self->wiki, center);
      tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (view));
      adw_tab_page_set_title (tab, ct_graph_view_get_title (view));
      g_signal_connect_object (view, "notify::title", G_CALLBACK (on_graph_title_cb), self, 0);
    }
  else
    ct_graph_view_set_center (view, center);

  tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (view));
  adw_tab_view_set_selected_page (self->tab_view, tab);
  _ct_window_update_graph_tab (self, view);
}

void
_ct_window_class_graph_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-graph", "x", open_graph_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-graph", "x", (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-graph", "x", (gint64) 0);
}
