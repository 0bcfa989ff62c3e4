#include "config.h"

#include "ct-test-ui.h"

gboolean
ct_test_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
set_true_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
ct_test_spin (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
ct_test_write_file (const char *path,
                    const char *contents,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

GtkWindow *
ct_test_find_dialog (GtkWindow *parent,
                     GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

GtkWindow *
ct_test_wait_dialog (GtkWindow *parent,
                     GType      type)
{
  GtkWindow *dialog = NULL;

  CT_TEST_WAIT ((dialog = ct_test_find_dialog (parent, type)) != NULL);
  return dialog;
}

typedef struct {
  gboolean  done;
  JSCValue *value;
  GError   *error;
} JsCall;

static void
js_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JsCall *call = user_data;

  call->value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &call->error);
  call->done = TRUE;
}

char *
ct_test_eval_js (WebKitWebView *view,
                 const char    *script)
{
  JsCall call = { 0 };
  char *text;

  webkit_web_view_evaluate_javascript (view, script, -1, NULL, NULL, NULL, js_done_cb, &call);
  CT_TEST_WAIT (call.done);
  g_assert_no_error (call.error);
  text = jsc_value_to_string (call.value);
  g_object_unref (call.value);
  return text;
}

void
ct_test_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        ct_test_remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

gboolean
ct_test_page_ready (CtEditorPage *page)
{
  CtDocument *document = ct_editor_page_get_document (page);

  return ct_document_get_file (document) != NULL && !ct_document_get_busy (document);
}

GskRenderNode *
ct_test_render_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

void
ct_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("CT_TEST_SCREENSHOTS");
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  ct_test_spin (400);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  CT_TEST_WAIT ((node = ct_test_render_node (widget)) != NULL);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

char *
ct_test_sample_wiki_new (const char *template)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp (template, &error);
  g_autoptr(CtWiki) wiki = NULL;
  char *folder;

  g_assert_no_error (error);
  folder = g_build_filename (base, "wiki", NULL);
  wiki = ct_wiki_create_sample (folder, &error);
  g_assert_no_error (error);
  return folder;
}

CtWindow *
ct_test_window_new (CtApplication *app,
                    int            width,
                    int            height)
{
  CtWindow *window = ct_window_new (app, ct_application_get_drafts (app), ct_application_get_wiki_registry (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

CtWindow *
ct_test_wiki_window_new (CtApplication *app,
                         const char    *folder,
                         int            width,
                         int            height)
{
  CtWindow *window = ct_test_window_new (app, width, height);
  g_autoptr(GFile) file = g_file_new_for_path (folder);

  ct_window_open (window, file);
  CT_TEST_WAIT (ct_window_get_wiki (window) != NULL);
  return window;
}

CtEditorPage *
ct_test_open_post (CtWindow   *window,
                   const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtEditorPage *page;

  ct_window_open_file (window, file);
  page = ct_window_find_page (window, file);
  g_assert_nonnull (page);
  CT_TEST_WAIT (ct_test_page_ready (page));
  CT_TEST_WAIT (ct_editor_page_get_wiki (page) != NULL);
  return page;
}

CtApplication *
ct_test_app_new (void)
{
  g_autoptr(GError) error = NULL;
  CtApplication *app = ct_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

GtkWidget *
ct_test_find_descendant (GtkWidget *root,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = ct_test_find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

void
ct_test_assert_label (GtkWidget  *widget,
                      const char *expected)
{
  g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (differs != NULL)
    g_error ("accessible label: %s", differs);
}

gboolean
ct_test_has_label (GtkWidget  *widget,
                   const char *expected)
{
  g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  return differs == NULL;
}

gboolean
ct_test_press_key (GtkWidget *widget,
                   guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  return handled;
}
