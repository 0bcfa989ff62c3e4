/* ct-test-wiki-window.c — see ct-test-wiki-window.h. */
#include "config.h"

#include <string.h>

#include "ct-editor-page-private.h"
#include "ct-preview.h"
#include "ct-test-ui.h"
#include "ct-test-wiki-window.h"
#include "ct-window-private.h"

gint64
ct_test_entity_id (CtWiki     *wiki,
                   const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ct_wiki_lookup (wiki, title, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return ((CtLookup *) g_ptr_array_index (found, 0))->entity_id;
}

GtkWidget *
ct_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *text = NULL;

          if (ADW_IS_PREFERENCES_ROW (child))
            text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          else if (GTK_IS_BUTTON (child))
            text = gtk_widget_get_tooltip_text (child);
          if (title == NULL || g_strcmp0 (text, title) == 0)
            return child;
        }
      if ((found = ct_test_find_widget (child, type, title)) != NULL)
        return found;
    }
  return NULL;
}

CtEditorPage *
ct_test_wiki_write_post (CtTestWikiFixture *f,
                         const char        *name,
                         const char        *text)
{
  g_autofree char *path = g_build_filename (f->folder, "posts", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtEditorPage *page;

  ct_test_write_file (path, text, -1);
  ct_window_open_file (f->window, file);
  page = ct_window_find_page (f->window, file);
  g_assert_nonnull (page);
  CT_TEST_WAIT (ct_test_page_ready (page));
  CT_TEST_WAIT (ct_editor_page_get_wiki (page) != NULL);
  return page;
}

char *
ct_test_buffer_text (CtEditorPage *page)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (page));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

CtEntityPage *
ct_test_selected_entity_page (CtTestWikiFixture *f)
{
  AdwTabPage *tab = adw_tab_view_get_selected_page (f->window->tab_view);
  GtkWidget *child = tab ? adw_tab_page_get_child (tab) : NULL;

  return CT_IS_ENTITY_PAGE (child) ? CT_ENTITY_PAGE (child) : NULL;
}

static char *
page_html (WebKitWebView *view)
{
  return ct_test_eval_js (view, "(document.getElementById('ct-root') || { innerHTML: '' }).innerHTML");
}

gboolean
ct_test_view_shows (WebKitWebView *view,
                    const char    *needle)
{
  g_autofree char *html = page_html (view);

  return strstr (html, needle) != NULL;
}

gboolean
ct_test_preview_shows (CtEditorPage *page,
                       const char   *needle)
{
  return ct_test_view_shows (ct_preview_get_web_view (_ct_editor_page_get_preview (page)), needle);
}

void
ct_test_wiki_fixture_setup (CtTestWikiFixture *f,
                            gconstpointer      app)
{
  f->folder = ct_test_sample_wiki_new ("ct-test-wiki-window-XXXXXX");
  f->base = g_path_get_dirname (f->folder);

  f->app = (CtApplication *) app;
  f->window = ct_test_wiki_window_new (f->app, f->folder, 1280, 800);
  f->wiki = g_object_ref (ct_window_get_wiki (f->window));
}

void
ct_test_wiki_fixture_teardown (CtTestWikiFixture *f,
                               gconstpointer      app)
{
  g_autoptr(GFile) tree = g_file_new_for_path (f->base);
  int n = adw_tab_view_get_n_pages (f->window->tab_view);

  /* Nothing unsaved left to ask about or keep as a draft. */
  for (int i = 0; i < n; i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (f->window->tab_view, i));

      if (CT_IS_EDITOR_PAGE (child))
        gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (ct_editor_page_get_document (CT_EDITOR_PAGE (child))), FALSE);
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->wiki);
  ct_test_spin (50);
  ct_test_remove_tree (tree);
  g_free (f->folder);
  g_free (f->base);
}
