/* test-templates.c — builds every templated widget and the shortcuts
 * window. Version macros don't look into .ui files: a class or property
 * newer than GTK 4.8 / libadwaita 1.2 there only fails at run time, so
 * here. Warnings are fatal in tests, so an unknown property fails too. */
#include "config.h"

#include "ct-application.h"
#include "ct-editor-page.h"
#include "ct-entity-popover.h"
#include "ct-export-dialog.h"
#include "ct-front-matter-popover.h"
#include "ct-graph-view.h"
#include "ct-preferences-window.h"
#include "ct-problems.h"
#include "ct-search-bar.h"
#include "ct-test-ui.h"
#include "ct-timeline-view.h"
#include "ct-window.h"

static void
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  ct_test_spin (100);
  g_assert_true (gtk_widget_get_realized (child));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_bar (void)
{
  show_in_window (GTK_WIDGET (ct_search_bar_new ()));
}

/* Both forms: the tab's and the sidebar's. */
static void
test_timeline_view (void)
{
  show_in_window (ct_timeline_view_new (FALSE));
  show_in_window (ct_timeline_view_new (TRUE));
}

static void
test_problems (void)
{
  CtProblems *problems = ct_problems_new ();

  g_assert_cmpuint (ct_problems_get_count (problems), ==, 0);
  /* Hidden until there is a problem to count. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problems)));
  gtk_widget_set_visible (GTK_WIDGET (problems), TRUE);
  show_in_window (GTK_WIDGET (problems));
}

static void
test_entity_popover (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  CtEntityPopover *popover = ct_entity_popover_new (GTK_TEXT_VIEW (view));

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_widget_set_parent (GTK_WIDGET (popover), view);
  gtk_window_present (GTK_WINDOW (window));
  gtk_popover_popup (GTK_POPOVER (popover));
  CT_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_unparent (GTK_WIDGET (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opened over a text view, its calendar popover too. */
static void
test_front_matter_popover (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  CtFrontMatterPopover *popover = ct_front_matter_popover_new ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "---\ntitle: T\ndate: 2025-06-06\n---\nBody\n", -1);
  ct_front_matter_popover_set_view (popover, GTK_TEXT_VIEW (view));
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_widget_set_parent (GTK_WIDGET (popover), view);
  gtk_window_present (GTK_WINDOW (window));
  gtk_popover_popup (GTK_POPOVER (popover));
  CT_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_null (ct_front_matter_popover_get_error (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_unparent (GTK_WIDGET (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_editor_page (void)
{
  g_autoptr(CtDrafts) drafts = ct_drafts_new (NULL);
  CtEditorPage *page = ct_editor_page_new (drafts);
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (ct_editor_page_get_document (page));
  GtkSourceLanguage *language;

  /* Highlighting starts once the page has been drawn: start-up does not
   * wait for the language to be read. */
  GtkWidget *window = gtk_window_new ();

  g_assert_null (gtk_source_buffer_get_language (buffer));
  g_assert_nonnull (gtk_source_buffer_get_style_scheme (buffer));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));

  /* Our language spec loads from the resources and includes markdown.lang. */
  CT_TEST_WAIT (gtk_source_buffer_get_language (buffer) != NULL);
  language = gtk_source_buffer_get_language (buffer);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "continuity-markdown");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_window (void)
{
  CtPreferencesWindow *window = ct_preferences_window_new ();

  gtk_window_present (GTK_WINDOW (window));
  ct_test_spin (100);
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_dialog (void)
{
  g_autoptr(CtDrafts) drafts = ct_drafts_new (NULL);
  CtEditorPage *page = g_object_ref_sink (ct_editor_page_new (drafts));
  CtExportDialog *dialog = ct_export_dialog_new (NULL, page);

  gtk_window_present (GTK_WINDOW (dialog));
  ct_test_spin (100);
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (dialog)));
  g_assert_cmpint (ct_export_dialog_get_format (dialog), ==, CT_EXPORT_STANDALONE);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (page);
}

static gboolean
window_has_action (CtWindow   *window,
                   const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  const GVariantType *parameter_type;
  const char *action_name;
  const char *property_name;
  GType owner;

  /* Actions installed on the widget class (parents' included) … */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name);
       i++)
    if (g_strcmp0 (action_name, name) == 0)
      return TRUE;

  /* … on the editor page's class for "page." shortcuts (they act on the
   * focused page) … */
  if (g_str_has_prefix (name, "page."))
    {
      GtkWidgetClass *page_class = g_type_class_ref (CT_TYPE_EDITOR_PAGE);
      gboolean found = FALSE;

      for (guint i = 0;
           !found && gtk_widget_class_query_action (page_class, i, &owner, &action_name, &parameter_type, &property_name);
           i++)
        found = g_strcmp0 (action_name, name) == 0;
      g_type_class_unref (page_class);
      if (found)
        return TRUE;
    }

  /* … or in the window's action map (show-help-overlay). */
  return g_str_has_prefix (name, "win.") &&
         g_action_group_has_action (G_ACTION_GROUP (window), name + strlen ("win."));
}

/* Every keyboard shortcut names an action that exists: a typo in an
 * action name would otherwise just make the key do nothing. */
static void
check_shortcuts (CtApplication *app,
                 CtWindow      *window)
{
  g_auto(GStrv) described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  guint checked = 0;

  for (guint i = 0; described[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GError) error = NULL;

      g_action_parse_detailed_name (described[i], &name, &target, &error);
      g_assert_no_error (error);

      if (g_str_has_prefix (name, "app."))
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), name + strlen ("app.")));
      else if (!window_has_action (window, name))
        g_error ("The shortcut for “%s” names no action", described[i]);
      checked++;
    }

  /* Ours (13) plus GTK's help overlay. */
  g_assert_cmpuint (checked, >=, 14);
}

static void
test_graph_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("ct-test-templates-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (base, "wiki", NULL);
  g_autoptr(CtWiki) wiki = ct_wiki_create (folder, &error);
  g_autoptr(GFile) tree = g_file_new_for_path (base);

  g_assert_no_error (error);
  /* no centre yet: an empty drawing, nothing to export */
  show_in_window (GTK_WIDGET (ct_graph_view_new (wiki, 0)));
  g_clear_object (&wiki);
  ct_test_remove_tree (tree);
}

static void
test_window (void)
{
  g_autoptr(CtApplication) app = ct_application_new ();
  g_autoptr(GError) error = NULL;
  CtWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = ct_window_new (app, ct_application_get_drafts (app),
                          ct_application_get_wiki_registry (app));
  gtk_window_present (GTK_WINDOW (window));
  ct_test_spin (100);
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));

  check_shortcuts (app, window);

  /* GtkApplication loaded gtk/help-overlay.ui from our resource path. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add_func ("/ui/templates/search-bar", test_search_bar);
  g_test_add_func ("/ui/templates/problems", test_problems);
  g_test_add_func ("/ui/templates/entity-popover", test_entity_popover);
  g_test_add_func ("/ui/templates/front-matter-popover", test_front_matter_popover);
  g_test_add_func ("/ui/templates/editor-page", test_editor_page);
  g_test_add_func ("/ui/templates/preferences-window", test_preferences_window);
  g_test_add_func ("/ui/templates/export-dialog", test_export_dialog);
  g_test_add_func ("/ui/templates/window", test_window);
  g_test_add_func ("/ui/templates/timeline-view", test_timeline_view);
  g_test_add_func ("/ui/templates/graph-view", test_graph_view);

  return g_test_run ();
}
