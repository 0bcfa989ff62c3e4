/* ct-test-timeline.c — see ct-test-timeline.h. */
#include "config.h"

#include "ct-test-timeline.h"
#include "ct-timeline-canvas.h"
#include "ct-window-private.h"

void
ct_test_timeline_fixture_teardown (CtTestTimelineFixture *f,
                                   gconstpointer          data)
{
  g_autoptr(GFile) tree = g_file_new_for_path (f->base);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->wiki);
  ct_test_spin (50);
  ct_test_remove_tree (tree);
  g_free (f->folder);
  g_free (f->base);
}

GPtrArray *
ct_test_timeline_items (CtTimelineView *view)
{
  GPtrArray *found = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (_ct_timeline_view_get_canvas (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      g_ptr_array_add (found, child);
  return found;
}

guint
ct_test_timeline_n_items (CtTimelineView *view)
{
  g_autoptr(GPtrArray) found = ct_test_timeline_items (view);

  return found->len;
}

/* Opening the wiki indexes its posts, which the wiki tells as "changed":
 * the view reads again and makes new buttons. */
void
ct_test_timeline_settle (CtTimelineView *view)
{
  CT_TEST_WAIT (_ct_timeline_view_is_ready (view) && ct_test_timeline_n_items (view) > 0);
  ct_test_spin (800);
  CT_TEST_WAIT (_ct_timeline_view_is_ready (view) && ct_test_timeline_n_items (view) > 0);
}

CtTimelineView *
ct_test_timeline_open_tab (CtTestTimelineFixture *f)
{
  CtTimelineView *view;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-timeline", NULL);
  view = CT_TIMELINE_VIEW (adw_tab_page_get_child (adw_tab_view_get_selected_page (f->window->tab_view)));
  g_assert_true (CT_IS_TIMELINE_VIEW (view));
  ct_test_timeline_settle (view);
  return view;
}

void
ct_test_timeline_reveal (CtTimelineView *view,
                         gboolean        shown)
{
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (ct_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON));

  gtk_toggle_button_set_active (button, shown);
  /* laid out again on the canvas's worker */
  CT_TEST_WAIT (_ct_timeline_view_is_ready (view));
}
