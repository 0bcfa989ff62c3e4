/* test-accessible.c — every control a user can reach has an accessible
 * name (DESIGN §3): the real window in each state a user brings it to —
 * the welcome page; a post of a wiki in split view with the replace bar,
 * its problems and an entity's card; the preferences window; the
 * shortcuts window — walked widget by widget, popovers included.
 *
 * GTK 4.8 has no getter of the name it computes, so this asks what the
 * name is computed from: an accessible label, a labelled-by relation to
 * something that has a name, or for buttons the text of their label
 * (what a button shows is what it is called). An icon-only button is
 * labelled by its GtkImage, which has no name: a screen reader reads it
 * as "GtkImage" or "button", whatever its tooltip says.
 *
 * Fails naming each control without a name, its type, buildable id,
 * icon and tooltip, and the nearest ancestor with an id. */
#include "config.h"

#include <string.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-window-private.h"
#include "ct-entity-popover.h"
#include "ct-entity-page.h"
#include "ct-export-dialog.h"
#include "ct-graph-view.h"
#include "ct-wiki-sidebar.h"
#include "ct-preferences-window.h"
#include "ct-preview.h"
#include "ct-problems.h"
#include "ct-test-ui.h"
#include "ct-window.h"

static CtApplication *app;

typedef struct {
  GString *unnamed;  /* one line per control without a name */
  guint    n_unnamed;
  guint    controls; /* controls checked */
} Walk;

/* The kinds of widget a user operates, whose name says what they do. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) ||          /* and GtkToggleButton, GtkLinkButton */
         GTK_IS_MENU_BUTTON (widget) ||
         ADW_IS_SPLIT_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_ENTRY (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) ||
         GTK_IS_TEXT (widget);
}

/* Some GtkLabel below @widget (not in a popover of it) shows text. */
static gboolean
has_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_NATIVE (child) || !gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));

          if (text != NULL && *text != '\0')
            return TRUE;
        }
      else if (has_label_text (child))
        return TRUE;
    }
  return FALSE;
}

/* What a widget that labels another shows: its text, or its own label. */
static gboolean
names_something (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      return text != NULL && *text != '\0';
    }
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         has_label_text (widget);
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  const char *label = NULL;

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;

  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      /* A GtkButton is labelled by its child, whatever it is: by an icon
       * that is no name at all (read as "GtkImage"). Labelled by anything
       * else — the title of an AdwActionRow — the name is that. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          char *differs = gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                              child, NULL);

          if (differs == NULL)
            return names_something (child);
          g_free (differs);
        }
      return TRUE;
    }

  /* The rest name only a button, by what it shows. */
  if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else
    return FALSE;
  return (label != NULL && *label != '\0') || has_label_text (widget);
}

/* The id a .ui file gave @widget; not one GtkBuilder made up. */
static const char *
real_id (GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  return id != NULL && !g_str_has_prefix (id, "___") ? id : NULL;
}

/* The nearest ancestor that a reader of the report can find in our
 * sources: one with a buildable id or one of our own classes. */
static const char *
landmark (GtkWidget  *widget,
          const char **id)
{
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      const char *name = G_OBJECT_TYPE_NAME (up);

      *id = real_id (up);
      if (*id != NULL || g_str_has_prefix (name, "Ct"))
        return name;
    }
  *id = NULL;
  return "(toplevel)";
}

static void
describe (GtkWidget *widget,
          GString   *out)
{
  const char *id = real_id (widget);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *inside_id = NULL;
  const char *inside = landmark (widget, &inside_id);

  g_string_append_printf (out, "%s", G_OBJECT_TYPE_NAME (widget));
  if (id != NULL)
    g_string_append_printf (out, " #%s", id);
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (out, " icon=%s", gtk_button_get_icon_name (GTK_BUTTON (widget)));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL)
    g_string_append_printf (out, " icon=%s", gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)));
  if (tooltip != NULL)
    g_string_append_printf (out, " tooltip=“%s”", tooltip);
  g_string_append_printf (out, " in %s%s%s\n", inside, inside_id ? " #" : "", inside_id ? inside_id : "");
}

/* Parts of a control that GTK hides from assistive technologies
 * (accessible role "none": the GtkText in an entry, the toggle inside a
 * GtkMenuButton) are read as the control itself, named or not. */
static gboolean
is_exposed (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION;
}

/* Parts of GTK's and libadwaita's own widgets that they leave unnamed
 * and a .ui file cannot reach; each one skipped is logged. (GTK 4.8 does
 * name its window controls and libadwaita 1.2 the switches of action
 * rows, by the row's title: those are checked like ours.) */
static const char *
library_part (GtkWidget *widget)
{
  /* The toggle inside a GtkMenuButton, which GTK 4.8 labels by its icon:
   * the name an app can give is the menu button's, checked instead. */
  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    return "the button inside a GtkMenuButton";
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      /* The search of a preferences window, which we open with it off. */
      if (ADW_IS_PREFERENCES_WINDOW (up) && GTK_IS_SEARCH_ENTRY (widget) &&
          !adw_preferences_window_get_search_enabled (ADW_PREFERENCES_WINDOW (up)))
        return "the search of AdwPreferencesWindow, which is off";
      /* libadwaita 1.2's tabs: an icon-only close button, only tooltipped. */
      if (g_type_is_a (G_OBJECT_TYPE (up), g_type_from_name ("AdwTab")))
        return "a button of AdwTabBar's tabs";
      /* GtkShortcutsWindow's own search (entry and toggle) and section
       * switcher, around the shortcuts we list. */
      if (GTK_IS_SHORTCUTS_SECTION (up))
        break;
      if (GTK_IS_SHORTCUTS_WINDOW (up) && (GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_MENU_BUTTON (widget) ||
                                           GTK_IS_TOGGLE_BUTTON (widget)))
        return "GtkShortcutsWindow's search or section switcher";
    }
  return NULL;
}

/* Everything below @widget, popovers included (they are children of the
 * widget they pop up from). A widget set hidden is skipped with its
 * children: nothing shows it as it is. One inside a hidden parent, an
 * unrevealed revealer or another stack page can be shown, so it counts. */
static void
walk (GtkWidget *widget,
      Walk      *w)
{
  if (!gtk_widget_get_visible (widget) && !GTK_IS_POPOVER (widget))
    return;

  if (is_control (widget) && is_exposed (widget))
    {
      const char *skipped = library_part (widget);

      if (skipped != NULL)
        g_test_message ("skipped %s: %s", G_OBJECT_TYPE_NAME (widget), skipped);
      else
        {
          w->controls++;
          if (!has_name (widget))
            {
              describe (widget, w->unnamed);
              w->n_unnamed++;
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    walk (child, w);
}

static void
check_tree (const char *state,
            GtkWidget  *root,
            guint       min_controls)
{
  Walk w = { g_string_new (NULL), 0, 0 };
  g_auto(GStrv) lines = NULL;

  walk (root, &w);
  g_test_message ("%s: %u controls", state, w.controls);
  /* A walk that found nothing would pass for the wrong reason. */
  g_assert_cmpuint (w.controls, >=, min_controls);
  lines = g_strsplit (w.unnamed->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_test_message ("no accessible name: %s", lines[i]);
  if (w.n_unnamed > 0)
    g_test_fail_printf ("%s: %u of %u controls have no accessible name (listed above)",
                        state, w.n_unnamed, w.controls);
  g_string_free (w.unnamed, TRUE);
}

/* The window and its popovers and dialogs. */

static CtWindow *
new_window (void)
{
  CtWindow *window = ct_test_window_new (app, 1200, 800);

  ct_test_spin (100);
  return window;
}

static void
test_welcome (void)
{
  CtWindow *window = new_window ();

  check_tree ("welcome page", GTK_WIDGET (window), 5);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences (void)
{
  CtWindow *window = new_window ();
  GtkWindow *preferences;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = ct_test_wait_dialog (GTK_WINDOW (window), CT_TYPE_PREFERENCES_WINDOW);
  ct_test_spin (100);
  check_tree ("preferences window", GTK_WIDGET (preferences), 7);
  gtk_window_destroy (preferences);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts (void)
{
  CtWindow *window = new_window ();
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

  g_assert_nonnull (shortcuts);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  CT_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (shortcuts)));
  /* Its search is hidden until typed into, and a button to close it. */
  check_tree ("shortcuts window", GTK_WIDGET (shortcuts), 0);
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A post of the sample wiki, open in split view with the replace bar
 * shown, a problem in its text and an entity's card filled in. */
static void
test_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) tree = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *folder = ct_test_sample_wiki_new ("ct-test-accessible-XXXXXX");
  g_autofree char *base = g_path_get_dirname (folder);
  g_autofree char *post = NULL;
  g_autofree char *uri = NULL;
  CtWindow *window;
  CtEditorPage *page;
  CtProblems *problems;
  GtkWidget *entity_popover = NULL;
  GtkTextBuffer *buffer;

  post = g_build_filename (folder, "posts", "notes.md", NULL);
  ct_test_write_file (post, "Notes on [[Rooney]] and [[Nobody Here]].\n", -1);

  window = new_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "view-mode", g_variant_new_string ("split"));
  file = g_file_new_for_path (post);
  page = ct_test_open_post (window, post);
  g_assert_cmpstr (ct_editor_page_get_view_mode (page), ==, "split");

  /* The problems button shows once the render reports [[Nobody Here]]. */
  problems = _ct_editor_page_get_problems (page);
  CT_TEST_WAIT (ct_problems_get_count (problems) == 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.replace", NULL));
  /* waited for, not slept on: a loaded machine (or a sanitizer build) can
   * take longer than any fixed pause to map the bar */
  CT_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (_ct_editor_page_get_search_bar (page))));

  /* A click on a reference in the preview opens the entity's card. */
  found = ct_wiki_lookup (ct_editor_page_get_wiki (page), "Rooney", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  uri = g_strdup_printf ("continuity:entity/%" G_GINT64_FORMAT,
                         ((CtLookup *) g_ptr_array_index (found, 0))->entity_id);
  g_signal_emit_by_name (_ct_editor_page_get_preview (page), "link-activated", uri);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (page));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (CT_IS_ENTITY_POPOVER (child))
      entity_popover = child;
  g_assert_nonnull (entity_popover);
  CT_TEST_WAIT (gtk_widget_get_mapped (entity_popover));
  check_tree ("entity card", entity_popover, 1);
  gtk_popover_popdown (GTK_POPOVER (entity_popover));

  /* The problems popover, open. */
  {
    GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (problems));

    g_assert_true (GTK_IS_MENU_BUTTON (button));
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    CT_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
    check_tree ("problems popover", GTK_WIDGET (problems), 1);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  /* Post Details, open, with its calendar open too. */
  {
    GtkMenuButton *button = _ct_editor_page_get_details_button (page);
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
    GtkMenuButton *date_button = NULL;

    gtk_menu_button_popup (button);
    CT_TEST_WAIT (gtk_widget_get_mapped (popover));
    for (GtkWidget *w = gtk_widget_get_first_child (popover); w != NULL && date_button == NULL; )
      {
        if (GTK_IS_MENU_BUTTON (w))
          date_button = GTK_MENU_BUTTON (w);
        /* Depth first through the popover's tree. */
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != popover && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w == popover ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_nonnull (date_button);
    gtk_menu_button_popup (date_button);
    CT_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (date_button))));
    /* Title, date's two buttons, tags, draft, spoilers. */
    check_tree ("post details popover", popover, 6);
    gtk_menu_button_popdown (date_button);
    gtk_menu_button_popdown (button);
  }

  /* Two tabs: the tab bar shows, with its tabs' buttons. */
  {
    g_autofree char *other = g_build_filename (folder, "posts", "other.md", NULL);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);

    ct_test_write_file (other, "Other.\n", -1);
    ct_window_open_file (window, other_file);
    CT_TEST_WAIT (ct_test_page_ready (ct_window_find_page (window, other_file)));
    ct_window_open_file (window, file);
    ct_test_spin (200);
  }

  check_tree ("document in split view with the replace bar", GTK_WIDGET (window), 15);

  /* The export dialog (Ctrl+E), with its error shown. */
  {
    GtkWindow *dialog;
    g_autoptr(GFile) target = g_file_new_build_filename (base, "notes.html", NULL);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
    dialog = ct_test_wait_dialog (GTK_WINDOW (window), CT_TYPE_EXPORT_DIALOG);
    ct_export_dialog_set_site_url (CT_EXPORT_DIALOG (dialog), "javascript:void(0)");
    g_assert_false (ct_export_dialog_choose (CT_EXPORT_DIALOG (dialog), target));
    ct_test_spin (100);
    check_tree ("export dialog", GTK_WIDGET (dialog), 2);
    gtk_window_destroy (dialog);
  }

  buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (page));
  gtk_text_buffer_set_modified (buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  ct_test_spin (50);
  tree = g_file_new_for_path (base);
  ct_test_remove_tree (tree);
}

/* The sample wiki open: each page of the sidebar, search results, and
 * a film's page with a fact open and the add-fact menu shown. */
static void
test_wiki (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) tree = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *folder = ct_test_sample_wiki_new ("ct-test-accessible-XXXXXX");
  g_autofree char *base = g_path_get_dirname (folder);
  const char * const pages[] = { "posts", "wiki", "timeline" };
  CtWindow *window;
  CtWikiSidebar *sidebar;
  CtEntityPage *page;
  GtkWidget *child;

  window = ct_test_wiki_window_new (app, folder, 1200, 800);
  ct_test_spin (200);

  sidebar = window->sidebar;
  g_assert_nonnull (sidebar);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *state = g_strdup_printf ("sidebar, %s", pages[i]);

      ct_wiki_sidebar_set_page (sidebar, pages[i]);
      ct_test_spin (150);
      check_tree (state, GTK_WIDGET (sidebar), 1);
    }
  gtk_editable_set_text (_ct_wiki_sidebar_get_search_entry (sidebar), "ruska");
  CT_TEST_WAIT (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (_ct_wiki_sidebar_get_list (sidebar, "search")))) > 0);
  check_tree ("sidebar, search results", GTK_WIDGET (sidebar), 1);

  found = ct_wiki_lookup (ct_window_get_wiki (window), "Ballerina", &error);
  g_assert_no_error (error);
  page = _ct_window_open_entity (window, ct_window_get_wiki (window),
                                 ((CtLookup *) g_ptr_array_index (found, 0))->entity_id);
  ct_test_spin (300);
  check_tree ("a film's page", GTK_WIDGET (window), 20);

  /* Every fact open, as a user editing them sees it. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (page)); child != NULL; )
    {
      if (ADW_IS_EXPANDER_ROW (child))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child), TRUE);
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != NULL && child != GTK_WIDGET (page) && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = (child && child != GTK_WIDGET (page)) ? gtk_widget_get_next_sibling (child) : NULL;
        }
    }
  ct_test_spin (300);
  check_tree ("a film's page, facts open", GTK_WIDGET (page), 30);

  /* the timeline in its tab: toolbar, filters and every drawn item */
  _ct_window_open_timeline (window);
  ct_test_spin (1500);
  check_tree ("the timeline tab", GTK_WIDGET (window), 20);
  /* The relationship graph's tab: its controls, the Kinds menu's checks
   * and the Relations rows' labels. */
  {
    AdwTabPage *tab;
    CtGraphView *graph;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entity.show-in-graph", NULL));
    CT_TEST_WAIT ((tab = adw_tab_view_get_selected_page (window->tab_view)) != NULL
                  && CT_IS_GRAPH_VIEW (adw_tab_page_get_child (tab)));
    graph = CT_GRAPH_VIEW (adw_tab_page_get_child (tab));
    CT_TEST_WAIT (!ct_graph_view_is_busy (graph) && ct_graph_view_get_graph (graph) != NULL);
    check_tree ("the graph", GTK_WIDGET (graph), 10);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ct_test_spin (50);
  tree = g_file_new_for_path (base);
  ct_test_remove_tree (tree);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* run-ui-test turns accessibility off (GTK_A11Y=none): then widgets
   * have no AT context and keep no accessible properties at all. GTK's
   * test backend keeps them without talking to a screen reader. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* tests/run-ui-test gives this program a private home (not
   * G_TEST_OPTION_ISOLATE_DIRS, which breaks WebKit after the first case). */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_test_app_new ();

  g_test_add_func ("/ui/accessible/welcome", test_welcome);
  g_test_add_func ("/ui/accessible/document", test_document);
  g_test_add_func ("/ui/accessible/wiki", test_wiki);
  g_test_add_func ("/ui/accessible/preferences", test_preferences);
  g_test_add_func ("/ui/accessible/shortcuts", test_shortcuts);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
