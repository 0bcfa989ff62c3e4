/* test-editor-references.c — references in the editor, typed and pointed
 * at, in the real window over a copy of the sample wiki: completion popups
 * one after another in one window, their ranking and what they show,
 * hover cards, Ctrl+click and the context menu's "Open …", and Insert
 * Link from the card never landing in the front matter. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-completion-item.h"
#include "ct-completion-provider.h"
#include "ct-editor-page-private.h"
#include "ct-entity-card.h"
#include "ct-entity-popover.h"
#include "ct-hover-provider.h"
#include "ct-test-ui.h"
#include "ct-window.h"
#include "ct-wiki-registry.h"

static CtApplication *app;

typedef struct {
  char         *folder;
  char         *post;
  CtWindow     *window;
  CtEditorPage *page;
  GtkSourceView *view;
  GtkTextBuffer *buffer;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *text = data != NULL ? data : "Notes.\n";

  f->folder = ct_test_sample_wiki_new ("ct-test-editor-refs-XXXXXX");

  f->post = g_build_filename (f->folder, "posts", "notes.md", NULL);
  ct_test_write_file (f->post, text, -1);

  f->window = ct_test_window_new (app, 1200, 800);
  f->page = ct_test_open_post (f->window, f->post);
  f->view = ct_editor_page_get_view (f->page);
  f->buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
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

static char *
buffer_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  return gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
}

/* Completion ---------------------------------------------------------- */

/* The completion's popover: GtkSourceView parents it to the view. */
static GtkWidget *
completion_popover (Fixture *f)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkSourceCompletionList"))
      return child;
  return NULL;
}

static gboolean
popup_shown (Fixture *f)
{
  GtkWidget *popover = completion_popover (f);

  return popover != NULL && gtk_widget_get_mapped (popover) &&
         gtk_widget_get_width (popover) > 0 && gtk_widget_get_height (popover) > 0;
}

/* Types @text one character at a time at the cursor, as keys would: the
 * completion starts on single-character insertions only. */
static void
type (Fixture    *f,
      const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_insert_interactive_at_cursor (f->buffer, p, g_utf8_next_char (p) - p, TRUE);
      ct_test_spin (20);
    }
}

static guint
proposals_at_cursor (Fixture *f)
{
  CtCompletionProvider *provider = _ct_editor_page_get_completion (f->page);
  g_autofree char *text = buffer_text (f);
  GtkTextIter cursor, start;
  g_autofree char *before = NULL;
  guint typed;
  g_autoptr(GListStore) store = NULL;

  gtk_text_buffer_get_iter_at_mark (f->buffer, &cursor, gtk_text_buffer_get_insert (f->buffer));
  gtk_text_buffer_get_start_iter (f->buffer, &start);
  before = gtk_text_iter_get_slice (&start, &cursor);
  store = ct_completion_provider_propose (provider, before, &typed);
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static void
expect_popup (Fixture    *f,
              const char *typed)
{
  g_test_message ("typing %s", typed);
  type (f, typed);
  g_assert_cmpuint (proposals_at_cursor (f), >, 0);
  CT_TEST_WAIT (popup_shown (f));
}

/* Popups one after another in one window. Each must be presented with a
 * size: GTK logs a critical (fatal under gtk_test_init) when a popover is
 * presented 0 pixels wide, which is how they used to fail. */
static void
test_popups_in_a_row (Fixture       *f,
                      gconstpointer  data)
{
  GtkSourceCompletion *completion = gtk_source_view_get_completion (f->view);

  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  CT_TEST_WAIT (gtk_widget_has_focus (GTK_WIDGET (f->view)));
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (f->buffer, &end);
    gtk_text_buffer_place_cursor (f->buffer, &end);
  }

  expect_popup (f, "[[Roo");
  gtk_source_completion_hide (completion);
  CT_TEST_WAIT (!popup_shown (f));
  type (f, "ney]] ");

  expect_popup (f, "{{");
  gtk_source_completion_hide (completion);
  type (f, "\n");

  expect_popup (f, "{{fact: Ballerina | ");
  gtk_source_completion_hide (completion);
  type (f, "\n");

  expect_popup (f, "{{cast: Jo");
  gtk_source_completion_hide (completion);
  type (f, "\n");

  /* And the first one again, in the same window. */
  expect_popup (f, "[[Roo");
  gtk_source_completion_hide (completion);
}

static GListStore *
propose (Fixture    *f,
         const char *before)
{
  guint typed;

  return ct_completion_provider_propose (_ct_editor_page_get_completion (f->page), before, &typed);
}

static CtCompletionItem *
find_item (GListModel *model,
           const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtCompletionItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (ct_completion_item_get_text (item), text))
        return item;
    }
  return NULL;
}

/* What a column of the list shows for @item. */
static char *
cell_text (Fixture                   *f,
           GtkSourceCompletionContext *context,
           CtCompletionItem           *item,
           GtkSourceCompletionColumn   column,
           GtkLabel                  **label_out)
{
  GtkSourceCompletionCell *cell = g_object_new (GTK_SOURCE_TYPE_COMPLETION_CELL, "column", column, NULL);
  GtkWidget *label;
  char *text;

  g_object_ref_sink (cell);
  gtk_source_completion_provider_display (GTK_SOURCE_COMPLETION_PROVIDER (_ct_editor_page_get_completion (f->page)),
                                          context, GTK_SOURCE_COMPLETION_PROPOSAL (item), cell);
  label = gtk_source_completion_cell_get_widget (cell);
  text = label != NULL ? g_strdup (gtk_label_get_text (GTK_LABEL (label))) : NULL;
  if (label_out != NULL)
    {
      *label_out = label != NULL ? g_object_ref (GTK_LABEL (label)) : NULL;
    }
  g_object_unref (cell);
  return text;
}

static void
test_ranking_and_columns (Fixture       *f,
                          gconstpointer  data)
{
  CtCompletionProvider *provider = _ct_editor_page_get_completion (f->page);
  GtkSourceCompletionContext *context =
    g_object_new (GTK_SOURCE_TYPE_COMPLETION_CONTEXT,
                  "completion", gtk_source_view_get_completion (f->view), NULL);
  g_autoptr(GListStore) roo = propose (f, "[[Roo");
  g_autoptr(GListStore) again = NULL;
  g_autoptr(GListStore) templates = propose (f, "{{");
  g_autoptr(CtCompletionItem) first = g_list_model_get_item (G_LIST_MODEL (roo), 0);
  CtCompletionItem *duel = find_item (G_LIST_MODEL (roo), "Rooftop duel");
  g_autoptr(GtkLabel) comment_label = NULL;
  g_autofree char *before = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *text = NULL;

  /* Titles starting with it, the shortest first. */
  g_assert_cmpstr (ct_completion_item_get_text (first), ==, "Rooney");
  g_assert_nonnull (duel);

  /* Kind before the name, the name, the summary under the list: each in
   * its own column, the summary on one ellipsized line. */
  before = cell_text (f, context, first, GTK_SOURCE_COMPLETION_COLUMN_BEFORE, NULL);
  typed = cell_text (f, context, first, GTK_SOURCE_COMPLETION_COLUMN_TYPED_TEXT, NULL);
  comment = cell_text (f, context, first, GTK_SOURCE_COMPLETION_COLUMN_COMMENT, &comment_label);
  g_assert_cmpstr (before, ==, "Character");
  g_assert_cmpstr (typed, ==, "Rooney");
  g_assert_nonnull (comment);
  g_assert_cmpstr (comment, !=, "");
  g_assert_cmpint (gtk_label_get_ellipsize (comment_label), ==, PANGO_ELLIPSIZE_END);
  g_assert_false (gtk_label_get_wrap (comment_label));

  /* Each template says what it makes. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (templates)); i++)
    {
      g_autoptr(CtCompletionItem) item = g_list_model_get_item (G_LIST_MODEL (templates), i);
      const char *note = ct_completion_item_get_note (item);

      g_assert_nonnull (note);
      g_assert_cmpstr (note, !=, "");
    }
  g_assert_cmpstr (ct_completion_item_get_note (find_item (G_LIST_MODEL (templates), "cast")),
                   ==, "the film's cast and crew as a table");

  /* Used once: among names matched as well, it comes first next time. */
  gtk_text_buffer_set_text (f->buffer, "[[Roo", -1);
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (f->buffer, &end);
    gtk_text_buffer_place_cursor (f->buffer, &end);
  }
  gtk_source_completion_provider_activate (GTK_SOURCE_COMPLETION_PROVIDER (provider), context,
                                           GTK_SOURCE_COMPLETION_PROPOSAL (duel));
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "[[Rooftop duel]]");
  again = propose (f, "[[Roo");
  {
    g_autoptr(CtCompletionItem) top = g_list_model_get_item (G_LIST_MODEL (again), 0);

    g_assert_cmpstr (ct_completion_item_get_text (top), ==, "Rooftop duel");
  }
  g_object_unref (context);
}

/* References lead to their entities --------------------------------------- */

static gint64 entity_id (Fixture *f, const char *title);

static gint64
entity_at_offset (Fixture *f,
                  int      offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (f->buffer, &iter, offset);
  return ct_hover_provider_entity_at (ct_editor_page_get_wiki (f->page), _ct_editor_page_get_text_mirror (f->page), &iter);
}

static void
open_entity_cb (CtEditorPage *page,
                gint64        id,
                gint64       *opened)
{
  *opened = id;
}

static void
test_open_entity (Fixture       *f,
                  gconstpointer  data)
{
  gint64 rooney = entity_id (f, "Rooney");
  gint64 ballerina = entity_id (f, "Ballerina");
  gint64 opened = 0;
  g_autoptr(GError) error = NULL;
  CtEntityCard *card;
  GMenuModel *menu = _ct_editor_page_get_open_menu (f->page);
  g_autofree char *label = NULL;
  GtkTextIter iter;

  /* "Mé" is three bytes: offsets are characters, core's bytes. */
  gtk_text_buffer_set_text (f->buffer, "Mé [[Rooney]], {{infobox: Ballerina}}, {{timeline}}, `[[Rooney]]`, [[Nobody]].", -1);
  g_assert_cmpint (entity_at_offset (f, 5), ==, rooney);
  g_assert_cmpint (entity_at_offset (f, 3), ==, rooney);     /* the opener */
  g_assert_cmpint (entity_at_offset (f, 1), ==, 0);
  g_assert_cmpint (entity_at_offset (f, 26), ==, ballerina);
  g_assert_cmpint (entity_at_offset (f, 43), ==, 0);         /* {{timeline}} */
  g_assert_cmpint (entity_at_offset (f, 57), ==, 0);         /* code */
  g_assert_cmpint (entity_at_offset (f, 71), ==, 0);         /* unknown */

  /* The hover shows the card the preview's click shows. */
  card = g_object_ref_sink (ct_entity_card_new ());
  g_assert_true (ct_entity_card_set_entity (card, ct_editor_page_get_wiki (f->page), rooney, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ct_entity_card_get_title (card), ==, "Rooney");
  g_object_unref (card);

  /* The context menu, for the caret in [[Rooney]]: "Open Rooney". */
  g_signal_connect (f->page, "open-entity", G_CALLBACK (open_entity_cb), &opened);
  gtk_text_buffer_get_iter_at_offset (f->buffer, &iter, 6);
  gtk_text_buffer_place_cursor (f->buffer, &iter);
  CT_TEST_WAIT (_ct_editor_page_get_menu_entity (f->page) == rooney);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "Open Rooney");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.open-entity", NULL));
  g_assert_cmpint (opened, ==, rooney);

  /* Out of any reference: no item, and the action is off. */
  gtk_text_buffer_get_iter_at_offset (f->buffer, &iter, 1);
  gtk_text_buffer_place_cursor (f->buffer, &iter);
  CT_TEST_WAIT (_ct_editor_page_get_menu_entity (f->page) == 0);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 0);
  g_signal_handlers_disconnect_by_func (f->page, open_entity_cb, &opened);
}

/* Insert Link from the card --------------------------------------------- */

static gint64
entity_id (Fixture    *f,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ct_wiki_lookup (ct_editor_page_get_wiki (f->page), title, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return ((CtLookup *) g_ptr_array_index (found, 0))->entity_id;
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opens the card of @title as a click in the preview does, and presses
 * its Insert Link. */
static void
insert_link_from_card (Fixture    *f,
                       const char *title)
{
  g_autofree char *uri = g_strdup_printf ("continuity:entity/%" G_GINT64_FORMAT, entity_id (f, title));
  GtkWidget *popover = NULL;

  g_signal_emit_by_name (_ct_editor_page_get_preview (f->page), "link-activated", uri);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->page));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (CT_IS_ENTITY_POPOVER (child))
      popover = child;
  g_assert_nonnull (popover);
  CT_TEST_WAIT (gtk_widget_get_mapped (popover));
  g_assert_true (gtk_widget_activate (find_child_of_type (popover, GTK_TYPE_BUTTON)));
  CT_TEST_WAIT (!gtk_widget_get_mapped (popover));
}

#define FRONT_MATTER "---\ntitle: Notes\nspoilers: false\n---\n"

static void
test_insert_link_front_matter (Fixture       *f,
                               gconstpointer  data)
{
  GtkTextIter iter;
  g_autofree char *text = NULL;

  /* Loaded and never moved: the caret is at 0, before the opening ---. */
  gtk_text_buffer_get_iter_at_mark (f->buffer, &iter, gtk_text_buffer_get_insert (f->buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 0);
  insert_link_from_card (f, "Rooney");
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, FRONT_MATTER "[[Rooney]]Notes.\n");

  /* In the body, the caret is where it goes. */
  gtk_text_buffer_get_end_iter (f->buffer, &iter);
  gtk_text_buffer_place_cursor (f->buffer, &iter);
  insert_link_from_card (f, "Ballerina");
  g_free (text);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, FRONT_MATTER "[[Rooney]]Notes.\n[[Ballerina]]");

  /* Only front matter, no line break after it: the link gets its own line. */
  gtk_text_buffer_set_text (f->buffer, "---\ntitle: Notes\n---", -1);
  gtk_text_buffer_get_start_iter (f->buffer, &iter);
  gtk_text_buffer_place_cursor (f->buffer, &iter);
  insert_link_from_card (f, "Rooney");
  g_free (text);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "---\ntitle: Notes\n---\n[[Rooney]]");
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
  ADD ("/ui/editor-references/popups-in-a-row", NULL, test_popups_in_a_row);
  ADD ("/ui/editor-references/ranking-and-columns", NULL, test_ranking_and_columns);
  ADD ("/ui/editor-references/open-entity", NULL, test_open_entity);
  ADD ("/ui/editor-references/insert-link-front-matter", FRONT_MATTER "Notes.\n",
       test_insert_link_front_matter);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
