/* test-wiki-window.c — the wiki in the window, driven through the real
 * widgets on a copy of the sample wiki: opening it, searching, the
 * sidebar's lists, renaming, opening from a post, deleting with Undo,
 * inserting into a post, exporting, and a big wiki's lazy list. An
 * entity page's own editing is in test-wiki-entity-page.c.
 *
 * With CT_TEST_SCREENSHOTS=DIR set, the window is also drawn to PNG files
 * in DIR at a few points (for docs/): the real app, not a mock-up. */
#include "config.h"

#include <string.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-entity-list-model.h"
#include "ct-entity-page-private.h"
#include "ct-scanner.h"
#include "ct-test-ui.h"
#include "ct-test-wiki-window.h"
#include "ct-timeline-view.h"
#include "ct-wiki-item.h"
#include "ct-wiki-sidebar.h"
#include "ct-window-private.h"

static CtApplication *app;

static char *
dump (CtWiki *wiki)
{
  g_autoptr(GError) error = NULL;
  char *json = ct_wiki_dump (wiki, &error);

  g_assert_no_error (error);
  return json;
}

/* Tests ------------------------------------------------------------------ */

static void
test_open (CtTestWikiFixture *f,
           gconstpointer      data)
{
  g_autofree char *db_path = g_build_filename (f->folder, CT_WIKI_DB_NAME, NULL);
  g_autoptr(GFile) db_file = g_file_new_for_path (db_path);
  CtWindow *other;

  /* The folder opened the wiki in the sidebar, no tab. */
  g_assert_true (ct_wiki_sidebar_get_wiki (f->window->sidebar) == f->wiki);
  g_assert_cmpint (adw_tab_view_get_n_pages (f->window->tab_view), ==, 0);
  g_assert_true (adw_flap_get_reveal_flap (f->window->flap));
  ct_test_screenshot (GTK_WIDGET (f->window), "welcome-with-wiki.png");

  /* Its database file opens the wiki too, never as a text document. */
  other = ct_window_new (app, ct_application_get_drafts (app), ct_application_get_wiki_registry (app));
  gtk_window_present (GTK_WINDOW (other));
  ct_window_open (other, db_file);
  CT_TEST_WAIT (ct_window_get_wiki (other) != NULL);
  g_assert_cmpstr (ct_wiki_get_folder (ct_window_get_wiki (other)), ==, ct_wiki_get_folder (f->wiki));
  g_assert_cmpint (adw_tab_view_get_n_pages (other->tab_view), ==, 0);
  gtk_window_destroy (GTK_WINDOW (other));

  /* The welcome page's button: the sample, made once in the data dir. */
  other = ct_window_new (app, ct_application_get_drafts (app), ct_application_get_wiki_registry (app));
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (other), "win.open-sample", NULL));
  CT_TEST_WAIT (ct_window_get_wiki (other) != NULL);
  g_assert_true (g_str_has_prefix (ct_wiki_get_folder (ct_window_get_wiki (other)), g_get_user_data_dir ()));
  gtk_window_destroy (GTK_WINDOW (other));
}

static void
test_search (CtTestWikiFixture *f,
             gconstpointer      data)
{
  GtkEditable *entry = _ct_wiki_sidebar_get_search_entry (f->window->sidebar);
  GListModel *hits = G_LIST_MODEL (gtk_list_view_get_model (_ct_wiki_sidebar_get_list (f->window->sidebar, "search")));
  g_autoptr(CtWikiItem) first = NULL;
  CtEntityPage *page;

  gtk_editable_set_text (entry, "ruska");
  CT_TEST_WAIT (g_list_model_get_n_items (hits) > 0);
  first = g_list_model_get_item (hits, 0);
  g_assert_cmpstr (ct_wiki_item_get_title (first), ==, "Ruska Roma");
  g_assert_nonnull (strstr (ct_wiki_item_get_snippet (first), "<b>"));
  ct_test_screenshot (GTK_WIDGET (f->window), "sidebar-search.png");

  /* Enter opens the first hit. */
  g_signal_emit_by_name (entry, "activate");
  page = ct_test_selected_entity_page (f);
  g_assert_nonnull (page);
  g_assert_cmpstr (ct_entity_page_get_title (page), ==, "Ruska Roma");
}

static void
test_lists (CtTestWikiFixture *f,
            gconstpointer      data)
{
  GListModel *entities = gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_list_view_get_model (_ct_wiki_sidebar_get_list (f->window->sidebar, "wiki"))));
  GListModel *posts = G_LIST_MODEL (gtk_list_view_get_model (_ct_wiki_sidebar_get_list (f->window->sidebar, "posts")));
  GListModel *events = G_LIST_MODEL (gtk_list_view_get_model (_ct_wiki_sidebar_get_list (f->window->sidebar, "timeline")));
  g_autoptr(CtWikiItem) heading = g_list_model_get_item (entities, 0);
  g_autoptr(CtWikiItem) film = g_list_model_get_item (entities, 1);
  guint counts[CT_N_ENTITY_KINDS];
  guint expected = 0;

  /* Grouped by kind, films first, each group opened by its count. */
  g_assert_true (ct_wiki_count_by_kind (f->wiki, counts, NULL));
  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    expected += counts[k] ? counts[k] + 1 : 0;
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, expected);
  g_assert_cmpint (ct_wiki_item_get_item_type (heading), ==, CT_WIKI_ITEM_HEADING);
  g_assert_cmpuint (ct_wiki_item_get_count (heading), ==, counts[CT_ENTITY_FILM]);
  g_assert_cmpint (ct_wiki_item_get_kind (film), ==, CT_ENTITY_FILM);

  /* The sample's posts, by date; the draft says so. */
  CT_TEST_WAIT (g_list_model_get_n_items (posts) >= 2);
  /* Events in story order, read once the Timeline page is shown. */
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);
  ct_wiki_sidebar_set_page (f->window->sidebar, "timeline");
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);

  ct_wiki_sidebar_set_page (f->window->sidebar, "wiki");
  ct_test_screenshot (GTK_WIDGET (f->window), "sidebar-wiki.png");
  if (g_getenv ("CT_TEST_SCREENSHOTS") != NULL)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();

      /* Dark, and as narrow as the window goes: the sidebar folds. */
      _ct_window_open_entity (f->window, f->wiki, ct_test_entity_id (f->wiki, "Rooney"));
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      ct_test_spin (800);
      ct_test_screenshot (GTK_WIDGET (f->window), "entity-page-dark.png");
      gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
      ct_test_spin (500);
      ct_test_screenshot (GTK_WIDGET (f->window), "narrow-dark.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
    }

  /* A new entity shows in the list at once, in its group. */
  g_assert_cmpint (ct_wiki_create_entity (f->wiki, CT_ENTITY_LOCATION, "Prague", NULL), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, expected + 1);
  g_assert_cmpuint (ct_entity_list_model_find (CT_ENTITY_LIST_MODEL (entities), ct_test_entity_id (f->wiki, "Prague")),
                    <, expected + 1);
}

static void
test_rename (CtTestWikiFixture *f,
             gconstpointer      data)
{
  gint64 rooney = ct_test_entity_id (f->wiki, "Rooney");
  CtEditorPage *post = ct_test_wiki_write_post (f, "rooney.md", "Meet [[Rooney]].\n");
  CtEntityPage *page = _ct_window_open_entity (f->window, f->wiki, rooney);
  g_autoptr(CtEntity) renamed = NULL;
  AdwTabPage *tab;

  CT_TEST_WAIT (ct_test_preview_shows (post, "ct-kind-character"));
  /* Written behind the wiki's back: the index learns of it as after a save. */
  g_assert_true (ct_wiki_index_posts (f->wiki, NULL, NULL));
  gtk_editable_set_text (GTK_EDITABLE (page->title_row), "Eve Macarro");
  g_signal_emit_by_name (page->title_row, "apply");
  g_assert_null (ct_entity_page_get_error (page));

  renamed = ct_wiki_get_entity (f->wiki, rooney, NULL);
  g_assert_cmpstr (renamed->title, ==, "Eve Macarro");
  /* The old title stays an alias: [[Rooney]] in posts keeps working. */
  g_assert_true (g_strv_contains ((const char * const *) renamed->aliases, "Rooney"));
  tab = adw_tab_view_get_page (f->window->tab_view, GTK_WIDGET (page));
  CT_TEST_WAIT (g_strcmp0 (adw_tab_page_get_title (tab), "Eve Macarro") == 0);
  CT_TEST_WAIT (ct_test_preview_shows (post, "Eve Macarro"));

  /* Posts follow when asked (the toast's Rewrite Links): in their tab,
   * undoable there, and saved. */
  _ct_window_rewrite_links (f->window, f->wiki, "Rooney", "Eve Macarro");
  {
    g_autofree char *text = ct_test_buffer_text (post);
    g_autofree char *saved = NULL;
    g_autofree char *path = g_build_filename (f->folder, "posts", "rooney.md", NULL);

    g_assert_cmpstr (text, ==, "Meet [[Eve Macarro]].\n");
    CT_TEST_WAIT (!ct_editor_page_get_modified (post));
    g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
    g_assert_cmpstr (saved, ==, "Meet [[Eve Macarro]].\n");
  }

  /* A title another entity has is refused, and nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (page->title_row), "Ballerina");
  g_signal_emit_by_name (page->title_row, "apply");
  g_assert_nonnull (ct_entity_page_get_error (page));
  g_clear_pointer (&renamed, ct_entity_free);
  renamed = ct_wiki_get_entity (f->wiki, rooney, NULL);
  g_assert_cmpstr (renamed->title, ==, "Eve Macarro");
}

/* A reference in a post leads to its entity's page ("Open Rooney"). */
static void
test_open_from_post (CtTestWikiFixture *f,
                     gconstpointer      data)
{
  CtEditorPage *post = ct_test_wiki_write_post (f, "open.md", "Meet [[Rooney]].\n");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (post));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 8);
  gtk_text_buffer_place_cursor (buffer, &iter);
  CT_TEST_WAIT (_ct_editor_page_get_menu_entity (post) == ct_test_entity_id (f->wiki, "Rooney"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (post), "page.open-entity", NULL));
  g_assert_nonnull (ct_test_selected_entity_page (f));
  g_assert_cmpstr (ct_entity_page_get_title (ct_test_selected_entity_page (f)), ==, "Rooney");
}

static void
test_delete_undo (CtTestWikiFixture *f,
                  gconstpointer      data)
{
  g_autofree char *before = dump (f->wiki);
  g_autofree char *after = NULL;
  gint64 rooney = ct_test_entity_id (f->wiki, "Rooney");
  CtEntityPage *page = _ct_window_open_entity (f->window, f->wiki, rooney);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  AdwToast *toast;

  /* The page's Delete asks first, saying what it will touch; Cancel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entity.delete", NULL));
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  g_assert_nonnull (ct_wiki_get_entity (f->wiki, rooney, NULL));

  toast = _ct_window_delete_entity (f->window, f->wiki, rooney, &error);
  g_assert_no_error (error);
  g_assert_nonnull (toast);
  g_assert_null (_ct_window_find_entity_page (f->window, f->wiki, rooney));
  g_assert_null (ct_wiki_get_entity (f->wiki, rooney, NULL));

  /* Undo in the toast brings back everything: the dump is the same. */
  g_signal_emit_by_name (toast, "button-clicked");
  after = dump (f->wiki);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (_ct_window_find_entity_page (f->window, f->wiki, rooney));
}

static void
test_insert (CtTestWikiFixture *f,
             gconstpointer      data)
{
  CtEditorPage *post = ct_test_wiki_write_post (f, "insert.md", "---\ntitle: Notes\n---\nFirst line.\n");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (post));
  CtEntityPage *page;
  GtkTextIter start;
  g_autofree char *text = NULL;
  g_autofree char *link = NULL;
  const char *body;

  /* The caret at the very start, inside the front matter. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  page = _ct_window_open_entity (f->window, f->wiki, ct_test_entity_id (f->wiki, "Rooney"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entity.insert", "s", "link"));
  /* The post is in front again, with the link after the front matter. */
  g_assert_true (ct_window_get_active_page (f->window) == post);
  text = ct_test_buffer_text (post);
  g_assert_true (g_str_has_prefix (text, "---\ntitle: Notes\n---\n"));
  body = text + strlen ("---\ntitle: Notes\n---\n");
  g_assert_true (g_str_has_prefix (body, "[[Rooney]]"));

  /* A block template stands in a paragraph of its own. */
  gtk_text_buffer_get_end_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  page = _ct_window_open_entity (f->window, f->wiki, ct_test_entity_id (f->wiki, "Ballerina"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entity.insert", "s", "cast"));
  g_clear_pointer (&text, g_free);
  text = ct_test_buffer_text (post);
  g_assert_true (g_str_has_suffix (text, "First line.\n\n{{cast: Ballerina}}\n"));

  /* A fact, from its row's Insert button. */
  page = _ct_window_open_entity (f->window, f->wiki, ct_test_entity_id (f->wiki, "Ballerina"));
  g_signal_emit_by_name (ct_test_find_widget (GTK_WIDGET (page->facts_group), GTK_TYPE_BUTTON,
                                     "Insert Release date into the Post"), "clicked");
  g_clear_pointer (&text, g_free);
  text = ct_test_buffer_text (post);
  g_assert_nonnull (strstr (text, "{{fact: Ballerina | release_date}}"));

  /* From the sidebar's context menu (a window action). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.insert-entity", "(xs)",
                                             ct_test_entity_id (f->wiki, "Rooney"), "infobox"));
  g_clear_pointer (&text, g_free);
  text = ct_test_buffer_text (post);
  g_assert_nonnull (strstr (text, "\n\n{{infobox: Rooney}}\n"));

  /* What a dragged entity row carries: a link, dropped as text. */
  link = ct_reference_format_link ("Rooney", NULL);
  g_assert_cmpstr (link, ==, "[[Rooney]]");
}

static void
test_new_entity (CtTestWikiFixture *f,
                 gconstpointer      data)
{
  GtkWindow *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-entity", NULL));
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  entry = ct_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (entry);

  /* A title the wiki has: Create is off, and the dialog says why. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ballerina");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Prague");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  gtk_window_destroy (dialog);

  g_assert_nonnull (ct_test_selected_entity_page (f));
  g_assert_cmpstr (ct_entity_page_get_title (ct_test_selected_entity_page (f)), ==, "Prague");
}

/* The whole wiki as a site, from the window: progress, then the files;
 * and a second export cancelled at once leaves the first one usable. */
static void
test_export_site (CtTestWikiFixture *f,
                  gconstpointer      data)
{
  g_autofree char *site = g_build_filename (f->base, "site", NULL);
  g_autofree char *index = g_build_filename (site, "index.html", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (site);
  GtkWindow *dialog;

  _ct_window_export_site (f->window, output);
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* Done: the progress dialog goes, the site is there. */
  CT_TEST_WAIT (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));

  _ct_window_export_site (f->window, output);
  dialog = ct_test_wait_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  CT_TEST_WAIT (ct_test_find_dialog (GTK_WINDOW (f->window), ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
}

/* A wiki of 20,000 entities (CT_TEST_BIG_WIKI=N for another size): its
 * list is usable without reading them all. */
static void
test_big_wiki (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("ct-test-wiki-window-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (base, "big", NULL);
  g_autoptr(CtWiki) wiki = ct_wiki_create (folder, &error);
  g_autoptr(GString) json = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [");
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GFile) tree = g_file_new_for_path (base);
  CtWindow *window;
  GtkListView *list;
  GtkAdjustment *adjustment;
  CtEntityListModel *model;
  const char *size = g_getenv ("CT_TEST_BIG_WIKI");
  const guint n = size ? (guint) g_ascii_strtoull (size, NULL, 10) : 20000;
  gint64 start;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"kind\": \"%s\", \"title\": \"Entity %05u\"}", i ? "," : "",
                            i % 2 ? "person" : "character", i);
  g_string_append (json, "]}");
  g_assert_true (ct_wiki_import (wiki, json->str, json->len, &error));
  g_assert_no_error (error);
  g_clear_object (&wiki);

  window = ct_window_new (app, ct_application_get_drafts (app), ct_application_get_wiki_registry (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  start = g_get_monotonic_time ();
  ct_window_open (window, folder_file);
  CT_TEST_WAIT (ct_window_get_wiki (window) != NULL);
  ct_wiki_sidebar_set_page (window->sidebar, "wiki");
  g_test_message ("opened a wiki of %u entities in %.0f ms", n,
                  (g_get_monotonic_time () - start) / 1000.0);
  list = _ct_wiki_sidebar_get_list (window->sidebar, "wiki");
  model = CT_ENTITY_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_list_view_get_model (list))));
  ct_test_spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n + 2);

  /* Scrolled to the middle and to the end: only pages near the view are read. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  ct_test_spin (300);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ct_test_spin (300);
  g_test_message ("rows read: %u of %u", ct_entity_list_model_get_n_loaded (model), n);
  /* Not a timing: what is read is what a few screens show. */
  g_assert_cmpuint (ct_entity_list_model_get_n_loaded (model), <, 2000);

  /* Edits while the end is shown: the rows on screen follow, and the list
   * reads again what it may show, not the whole wiki. */
  {
    CtWiki *shown = ct_window_get_wiki (window);
    /* the last row: the last character (even numbers), after the people */
    g_autofree char *last_title = g_strdup_printf ("Entity %05u", n - 2);
    g_autoptr(GPtrArray) found = ct_wiki_lookup (shown, last_title, &error);
    gint64 last = ((CtLookup *) g_ptr_array_index (found, 0))->entity_id;
    g_autoptr(CtEntity) entity = ct_wiki_get_entity (shown, last, &error);
    guint loaded = ct_entity_list_model_get_n_loaded (model);
    g_autoptr(CtWikiItem) row = NULL;
    gint64 id;

    g_assert_no_error (error);
    /* renamed within its place: the last person's row says the new title */
    g_free (entity->title);
    entity->title = g_strdup_printf ("Entity %05u (renamed)", n - 2);
    g_assert_true (ct_wiki_update_entity (shown, entity, &error));
    g_assert_no_error (error);
    ct_test_spin (100);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n + 2);
    row = g_list_model_get_item (G_LIST_MODEL (model), n + 1);
    g_assert_cmpstr (ct_wiki_item_get_title (row), ==, entity->title);
    g_test_message ("rows read again after a rename: %u", ct_entity_list_model_get_n_loaded (model) - loaded);
    g_assert_cmpuint (ct_entity_list_model_get_n_loaded (model) - loaded, <, 2000);

    /* one character more, then not: the row comes and goes */
    loaded = ct_entity_list_model_get_n_loaded (model);
    id = ct_wiki_create_entity (shown, CT_ENTITY_CHARACTER, "Entity 99999 (new)", &error);
    g_assert_no_error (error);
    ct_test_spin (100);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n + 3);
    g_clear_object (&row);
    row = g_list_model_get_item (G_LIST_MODEL (model), n + 2);
    g_assert_cmpstr (ct_wiki_item_get_title (row), ==, "Entity 99999 (new)");
    g_assert_true (ct_wiki_delete_entity (shown, id, &error));
    g_assert_no_error (error);
    ct_test_spin (100);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n + 2);
    g_clear_object (&row);
    row = g_list_model_get_item (G_LIST_MODEL (model), n + 1);
    g_assert_cmpstr (ct_wiki_item_get_title (row), ==, entity->title);
    g_test_message ("rows read again after an entity came and went: %u",
                    ct_entity_list_model_get_n_loaded (model) - loaded);
    g_assert_cmpuint (ct_entity_list_model_get_n_loaded (model) - loaded, <, 2000);
  }

  /* Search reaches an entity far beyond the rows read, by its title. */
  {
    g_autofree char *title = g_strdup_printf ("Entity %05u", n - 1);
    GListModel *hits = G_LIST_MODEL (gtk_list_view_get_model (_ct_wiki_sidebar_get_list (window->sidebar, "search")));
    gboolean found = FALSE;

    gtk_editable_set_text (_ct_wiki_sidebar_get_search_entry (window->sidebar), title);
    CT_TEST_WAIT (g_list_model_get_n_items (hits) > 0);
    for (guint i = 0; i < g_list_model_get_n_items (hits) && !found; i++)
      {
        g_autoptr(CtWikiItem) hit = g_list_model_get_item (hits, i);

        found = g_strcmp0 (ct_wiki_item_get_title (hit), title) == 0;
      }
    g_assert_true (found);
  }
  /* The Timeline page was never shown: it read nothing of the wiki. */
  g_assert_null (ct_timeline_view_get_wiki (_ct_wiki_sidebar_get_timeline_view (window->sidebar)));
  ct_wiki_sidebar_set_page (window->sidebar, "timeline");
  g_assert_true (ct_timeline_view_get_wiki (_ct_wiki_sidebar_get_timeline_view (window->sidebar)) == ct_window_get_wiki (window));

  gtk_window_destroy (GTK_WINDOW (window));
  ct_test_spin (50);
  ct_test_remove_tree (tree);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* tests/run-ui-test gives this program a private home. */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_test_app_new ();

#define ADD(path, func) \
  g_test_add (path, CtTestWikiFixture, app, ct_test_wiki_fixture_setup, func, ct_test_wiki_fixture_teardown)
  ADD ("/ui/wiki-window/open", test_open);
  ADD ("/ui/wiki-window/search", test_search);
  ADD ("/ui/wiki-window/lists", test_lists);
  ADD ("/ui/wiki-window/rename", test_rename);
  ADD ("/ui/wiki-window/open-from-post", test_open_from_post);
  ADD ("/ui/wiki-window/delete-undo", test_delete_undo);
  ADD ("/ui/wiki-window/insert", test_insert);
  ADD ("/ui/wiki-window/new-entity", test_new_entity);
  ADD ("/ui/wiki-window/export-site", test_export_site);
#undef ADD
  g_test_add_func ("/ui/wiki-window/big-wiki", test_big_wiki);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
