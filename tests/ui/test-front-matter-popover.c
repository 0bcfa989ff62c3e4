/* test-front-matter-popover.c — "Post Details" in the real window: its
 * rows change the front matter in the buffer, each change one undo step,
 * a post without front matter gets a block at the top, and a rewrite core
 * refuses shows core's sentence and leaves the text alone. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-front-matter-popover.h"
#include "ct-test-ui.h"
#include "ct-window.h"

static CtApplication *app;

typedef struct {
  char          *dir;
  CtWindow      *window;
  CtEditorPage  *page;
  GtkTextBuffer *buffer;
  GtkWidget     *popover;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkMenuButton *button;

  f->dir = g_dir_make_tmp ("ct-test-front-matter-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "post.md", NULL);
  ct_test_write_file (path, data, -1);

  f->window = ct_test_window_new (app, 1000, 700);

  file = g_file_new_for_path (path);
  ct_window_open_file (f->window, file);
  f->page = ct_window_find_page (f->window, file);
  g_assert_nonnull (f->page);
  CT_TEST_WAIT (ct_test_page_ready (f->page));
  f->buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));

  /* Opened as a user opens it: the status bar's button. */
  button = _ct_editor_page_get_details_button (f->page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  f->popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_true (CT_IS_FRONT_MATTER_POPOVER (f->popover));
  CT_TEST_WAIT (gtk_widget_get_mapped (f->popover));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "post.md", NULL);

  gtk_text_buffer_set_modified (f->buffer, FALSE);
  /* Closed before its window goes, as a user closes it: a popover still
   * mapped when its window is destroyed may get a pointer event for the
   * surface just gone (a GTK 4.8 critical under Xvfb, seen once in CI). */
  gtk_popover_popdown (GTK_POPOVER (f->popover));
  ct_test_spin (100);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ct_test_spin (50);
  g_unlink (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
buffer_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  return gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
}

/* The row titled @title below @root (popovers included). */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *icon)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_into_row (Fixture    *f,
               const char *title,
               const char *text)
{
  GtkWidget *row = find_row (f->popover, title);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* What Enter or the row's apply button does. */
  g_signal_emit_by_name (row, "apply");
  ct_test_spin (20);
}

static void
assert_text (Fixture    *f,
             const char *expected)
{
  g_autofree char *text = buffer_text (f);

  g_assert_cmpstr (text, ==, expected);
}

#define WITH_FRONT_MATTER "---\ntitle: Old\n# my note\ntags: [noir]\n---\nBody about [[Rooney]].\n"

static void
test_edit_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *title = find_row (f->popover, "Title");
  GtkWidget *draft = find_row (f->popover, "Draft");
  GtkWidget *calendar = find_type (f->popover, GTK_TYPE_CALENDAR);
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 4, 0, 0, 0);
  GtkTextIter cursor;

  /* The rows show what the text says. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Old");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (f->popover, "Tags, Separated by Commas"))),
                   ==, "noir");

  /* A cursor in the body stays where it was. */
  gtk_text_buffer_get_end_iter (f->buffer, &cursor);
  gtk_text_buffer_place_cursor (f->buffer, &cursor);

  type_into_row (f, "Title", "Ballerina: From the World of John Wick");
  assert_text (f, "---\ntitle: \"Ballerina: From the World of John Wick\"\n# my note\ntags: [noir]\n---\nBody about [[Rooney]].\n");

  /* The switch's row, activated as a click on it does. */
  g_assert_true (ADW_IS_ACTION_ROW (draft));
  adw_action_row_activate (ADW_ACTION_ROW (draft));
  /* The switch animates before it changes. */
  CT_TEST_WAIT (gtk_switch_get_active (GTK_SWITCH (find_type (draft, GTK_TYPE_SWITCH))));
  assert_text (f, "---\ntitle: \"Ballerina: From the World of John Wick\"\n# my note\ntags: [noir]\ndraft: true\n---\nBody about [[Rooney]].\n");

  g_assert_nonnull (calendar);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_signal_emit_by_name (calendar, "day-selected");
  ct_test_spin (20);
  assert_text (f, "---\ntitle: \"Ballerina: From the World of John Wick\"\n# my note\ntags: [noir]\ndraft: true\ndate: 2026-03-04\n---\nBody about [[Rooney]].\n");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (f->popover, "Date"))), ==, "2026-03-04");

  /* Clearing the date takes its line away. */
  gtk_widget_activate (find_icon_button (f->popover, "edit-clear-symbolic"));
  /* A button's activation is a short press: clicked comes after it. */
  CT_TEST_WAIT (!gtk_widget_get_sensitive (find_icon_button (f->popover, "edit-clear-symbolic")));
  assert_text (f, "---\ntitle: \"Ballerina: From the World of John Wick\"\n# my note\ntags: [noir]\ndraft: true\n---\nBody about [[Rooney]].\n");

  /* The body and the cursor in it were never touched. */
  gtk_text_buffer_get_iter_at_mark (f->buffer, &cursor, gtk_text_buffer_get_insert (f->buffer));
  g_assert_true (gtk_text_iter_is_end (&cursor));
  g_assert_null (ct_front_matter_popover_get_error (CT_FRONT_MATTER_POPOVER (f->popover)));

  /* Each change is one step back. */
  g_assert_true (gtk_text_buffer_get_can_undo (f->buffer));
  gtk_text_buffer_undo (f->buffer);
  assert_text (f, "---\ntitle: \"Ballerina: From the World of John Wick\"\n# my note\ntags: [noir]\ndraft: true\ndate: 2026-03-04\n---\nBody about [[Rooney]].\n");
  gtk_text_buffer_undo (f->buffer);
  gtk_text_buffer_undo (f->buffer);
  assert_text (f, "---\ntitle: \"Ballerina: From the World of John Wick\"\n# my note\ntags: [noir]\n---\nBody about [[Rooney]].\n");
  gtk_text_buffer_undo (f->buffer);
  assert_text (f, WITH_FRONT_MATTER);

  /* Opened again, it reads the text as it is now. */
  gtk_popover_popdown (GTK_POPOVER (f->popover));
  ct_test_spin (50);
  gtk_menu_button_popup (_ct_editor_page_get_details_button (f->page));
  CT_TEST_WAIT (gtk_widget_get_mapped (f->popover));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Old");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_type (draft, GTK_TYPE_SWITCH))));
}

static void
test_created (Fixture       *f,
              gconstpointer  data)
{
  type_into_row (f, "Tags, Separated by Commas", "noir, revenge ,");
  assert_text (f, "---\ntags: [noir, revenge]\n---\nJust a body.\n---\nand a rule\n");
  adw_action_row_activate (ADW_ACTION_ROW (find_row (f->popover, "Spoilers")));
  CT_TEST_WAIT (gtk_switch_get_active (GTK_SWITCH (find_type (find_row (f->popover, "Spoilers"), GTK_TYPE_SWITCH))));
  assert_text (f, "---\ntags: [noir, revenge]\nspoilers: true\n---\nJust a body.\n---\nand a rule\n");

  gtk_text_buffer_undo (f->buffer);
  gtk_text_buffer_undo (f->buffer);
  assert_text (f, "Just a body.\n---\nand a rule\n");
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  type_into_row (f, "Title", "New");
  assert_text (f, data);
  g_assert_nonnull (ct_front_matter_popover_get_error (CT_FRONT_MATTER_POPOVER (f->popover)));
  g_assert_nonnull (strstr (ct_front_matter_popover_get_error (CT_FRONT_MATTER_POPOVER (f->popover)),
                            "twice"));
  g_assert_false (gtk_text_buffer_get_can_undo (f->buffer));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_test_app_new ();

#define ADD(path, text, func) \
  g_test_add (path, Fixture, text, fixture_setup, func, fixture_teardown)
  ADD ("/ui/front-matter/edit-and-undo", WITH_FRONT_MATTER, test_edit_and_undo);
  ADD ("/ui/front-matter/created", "Just a body.\n---\nand a rule\n", test_created);
  ADD ("/ui/front-matter/refused", "---\ntitle: a\ntitle: b\n---\nBody\n", test_refused);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
