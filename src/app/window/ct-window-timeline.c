#define G_LOG_DOMAIN "ct-window-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-timeline-view.h"
#include "ct-window-private.h"

/* The timeline in a tab of its own, both lanes side by side: the
 * sidebar's Timeline page has room for one. One tab per window; it shows
 * the window's wiki and follows it when another is opened. */

static CtTimelineView *
find_timeline_tab (CtWindow *self)
{
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      if (CT_IS_TIMELINE_VIEW (child))
        return CT_TIMELINE_VIEW (child);
    }
  return NULL;
}

CtTimelineView *
_ct_window_open_timeline (CtWindow *self)
{
  CtTimelineView *view = find_timeline_tab (self);
  AdwTabPage *tab;

  if (view == NULL)
    {
      view = CT_TIMELINE_VIEW (ct_timeline_view_new (FALSE));
      ct_timeline_view_set_wiki (view, self->wiki);
      tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (view));
      adw_tab_page_set_title (tab, _("Timeline"));
      {
        g_autoptr(GIcon) icon = g_themed_icon_new ("x-office-calendar-symbolic");

        adw_tab_page_set_icon (tab, icon);
      }
    }
  tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (view));
  adw_tab_view_set_selected_page (self->tab_view, tab);
  return view;
}

void
_ct_window_timeline_set_wiki (CtWindow *self,
                              CtWiki   *wiki)
{
  CtTimelineView *view = find_timeline_tab (self);

  if (view != NULL)
    ct_timeline_view_set_wiki (view, wiki);
}

static void
open_timeline_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);

  if (self->wiki == NULL)
    {
      ct_window_add_toast (self, _("Open a wiki first: the timeline is drawn from its events and films."));
      return;
    }
  _ct_window_open_timeline (self);
}

void
_ct_window_class_timeline_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (CT_TYPE_TIMELINE_VIEW);
  gtk_widget_class_install_action (widget_class, "win.open-timeline", NULL, open_timeline_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-timeline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-timeline", NULL);
}
