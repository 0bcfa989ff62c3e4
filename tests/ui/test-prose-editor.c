/* test-prose-editor.c — prose checked against the wiki in the real window
 * over a copy of the sample wiki: a release date the wiki denies is
 * underlined and counted, its fix from the editor's context menu rewrites
 * the date as one undo step, and the preview marks the paragraph with the
 * same words; an unlinked name is linked by its fix from the problems
 * popover, and Link All Mentions links every one at once. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-preview.h"
#include "ct-problems.h"
#include "ct-test-ui.h"
#include "ct-window.h"

static CtApplication *app;

typedef struct {
  char          *folder;
  char          *post;
  CtWindow      *window;
  CtEditorPage  *page;
  GtkSourceView *view;
  GtkTextBuffer *buffer;
  CtProblems    *problems;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->folder = ct_test_sample_wiki_new ("ct-test-prose-XXXXXX");

  f->post = g_build_filename (f->folder, "posts", "notes.md", NULL);
  ct_test_write_file (f->post, "", -1);

  f->window = ct_test_window_new (app, 1200, 800);
  f->page = ct_test_open_post (f->window, f->post);
  f->view = ct_editor_page_get_view (f->page);
  f->buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
  f->problems = _ct_editor_page_get_problems (f->page);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (f->folder);
  g_autoptr(GFile) tree = g_file_new_for_path (parent);

  gtk_text_buffer_set_modified (f->buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ct_test_spin (50);
  ct_test_remove_tree (tree);
  g_free (f->folder);
  g_free (f->post);
}

/* Types @text at the caret a character at a time, as a user would: each
 * character its own user action. */
static void
type (Fixture    *f,
      const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_begin_user_action (f->buffer);
      gtk_text_buffer_insert_interactive_at_cursor (f->buffer, p, g_utf8_next_char (p) - p, TRUE);
      gtk_text_buffer_end_user_action (f->buffer);
    }
}

static char *
buffer_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  return gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
}

static gboolean
buffer_is (Fixture    *f,
           const char *expected)
{
  g_autofree char *text = buffer_text (f);
  return g_str_equal (text, expected);
}

/* The first button under @widget whose label is @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
popover_of (Fixture *f)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (f->problems));

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
}

/* Activates the context-menu item labelled @label, as the menu would:
 * its action and target, from the view. */
static void
activate_menu_item (Fixture    *f,
                    GMenuModel *menu,
                    const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
      if (g_strcmp0 (item_label, label) != 0)
        continue;
      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->view), action, target));
      return;
    }
  g_error ("no menu item “%s”", label);
}

/* The words of the preview's prose marks, one line each, "" for none. */
static char *
preview_marks (Fixture *f)
{
  return ct_test_eval_js (ct_preview_get_web_view (f->page->preview),
                          "Array.from(document.querySelectorAll('.ct-prose-mark'))"
                          ".map(m => m.getAttribute('aria-label')).join('\\n')");
}

static gboolean
preview_marks_contain (Fixture    *f,
                       const char *words)
{
  g_autofree char *marks = preview_marks (f);

  return words[0] == '\0' ? marks[0] == '\0' : strstr (marks, words) != NULL;
}

static void
test_release_date_fix (Fixture       *f,
                       gconstpointer  data)
{
  GMenuModel *fixes = ct_problems_get_fix_menu (f->problems);
  GtkTextIter iter;
  int start, end;
  gboolean is_error;

  type (f, "[[Ballerina]] opens in July 2025.");
  CT_TEST_WAIT (ct_problems_get_count (f->problems) == 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->problems)));
  g_assert_true (ct_problems_get_range (f->problems, 0, &start, &end, &is_error));
  g_assert_false (is_error);
  g_assert_cmpint (start, ==, 23);
  g_assert_cmpint (end, ==, 23 + (int) strlen ("July 2025"));

  /* the preview marks the paragraph, with the editor's words */
  CT_TEST_WAIT (preview_marks_contain (f, "June 2025"));
  {
    g_autofree char *marked = ct_test_eval_js (ct_preview_get_web_view (f->page->preview),
                                               "String(document.querySelectorAll('.ct-marked p').length)");
    g_assert_cmpstr (marked, ==, "1");
  }

  /* the popover says what the wiki says and offers both fixes */
  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (f->problems))));
  CT_TEST_WAIT (gtk_widget_get_mapped (popover_of (f)));
  g_assert_nonnull (find_button (popover_of (f), "Use June 2025"));
  g_assert_nonnull (find_button (popover_of (f), "Insert {{fact: Ballerina | release_date}}"));
  gtk_popover_popdown (GTK_POPOVER (popover_of (f)));

  /* the fixes are a section of the editor's context menu */
  {
    GMenuModel *extra = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (f->view));
    gboolean found = FALSE;

    for (int i = 0; i < g_menu_model_get_n_items (extra); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (extra, i, G_MENU_LINK_SECTION);
        found |= section == fixes;
      }
    g_assert_true (found);
  }

  /* the context menu on the date, as a right click or Shift+F10 builds it */
  gtk_text_buffer_get_iter_at_offset (f->buffer, &iter, start + 2);
  gtk_text_buffer_place_cursor (f->buffer, &iter);
  ct_problems_update_fix_menu (f->problems, &iter);
  g_assert_cmpint (g_menu_model_get_n_items (fixes), ==, 2);
  activate_menu_item (f, fixes, "Use June 2025");
  g_assert_true (buffer_is (f, "[[Ballerina]] opens in June 2025."));
  CT_TEST_WAIT (ct_problems_get_count (f->problems) == 0);
  CT_TEST_WAIT (preview_marks_contain (f, ""));

  /* one undo step takes the fix back, the typing stays */
  g_assert_true (gtk_text_buffer_get_can_undo (f->buffer));
  gtk_text_buffer_undo (f->buffer);
  g_assert_true (buffer_is (f, "[[Ballerina]] opens in July 2025."));
  CT_TEST_WAIT (ct_problems_get_count (f->problems) == 1);
  gtk_text_buffer_redo (f->buffer);
  g_assert_true (buffer_is (f, "[[Ballerina]] opens in June 2025."));
}

static void
test_unlinked_mentions (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *button;
  int start, end;

  type (f, "I liked Rooney.");
  CT_TEST_WAIT (ct_problems_get_hint_count (f->problems) == 1);
  /* an offer, not a problem: nothing to count, nothing for F8 */
  g_assert_cmpuint (ct_problems_get_count (f->problems), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->problems)));
  g_assert_true (ct_problems_get_hint_range (f->problems, 0, &start, &end));
  g_assert_cmpint (start, ==, 8);
  g_assert_cmpint (end, ==, 14);
  {
    GtkTextIter cursor;

    /* F8 visits problems only: the caret stays where it is */
    gtk_text_buffer_get_start_iter (f->buffer, &cursor);
    gtk_text_buffer_place_cursor (f->buffer, &cursor);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.next-problem", NULL));
    gtk_text_buffer_get_iter_at_mark (f->buffer, &cursor, gtk_text_buffer_get_insert (f->buffer));
    g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 0);
    gtk_text_buffer_get_end_iter (f->buffer, &cursor);
    gtk_text_buffer_place_cursor (f->buffer, &cursor);
  }

  /* the quick fix from the popover */
  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (f->problems))));
  CT_TEST_WAIT (gtk_widget_get_mapped (popover_of (f)));
  button = find_button (popover_of (f), "Link to Rooney");
  g_assert_nonnull (button);
  /* a button's activation clicks it after its pressed look's timeout */
  g_assert_true (gtk_widget_activate (button));
  CT_TEST_WAIT (buffer_is (f, "I liked [[Rooney]]."));
  CT_TEST_WAIT (ct_problems_get_hint_count (f->problems) == 0);

  /* Link All Mentions: every one, as one undo step; a name retyped since
   * the check is not touched */
  type (f, " Rooney met Rooney, and Rooney's mentor.");
  CT_TEST_WAIT (ct_problems_get_hint_count (f->problems) == 3);
  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (f->problems))));
  CT_TEST_WAIT (gtk_widget_get_mapped (popover_of (f)));
  button = find_button (popover_of (f), "Link All Mentions");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate (button));
  CT_TEST_WAIT (buffer_is (f, "I liked [[Rooney]]. [[Rooney]] met [[Rooney]], and [[Rooney's mentor]]."));
  gtk_text_buffer_undo (f->buffer);
  g_assert_true (buffer_is (f, "I liked [[Rooney]]. Rooney met Rooney, and Rooney's mentor."));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_test_app_new ();

  g_test_add ("/ui/prose-editor/release-date-fix", Fixture, NULL, fixture_setup, test_release_date_fix, fixture_teardown);
  g_test_add ("/ui/prose-editor/unlinked-mentions", Fixture, NULL, fixture_setup, test_unlinked_mentions, fixture_teardown);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
