/* test-wiki-entity-page.c — an entity page of the real window, on a copy
 * of the sample wiki: facts edited in place with Undo and Redo, a film's
 * credits (added, changed, reordered by button, key and drag, removed
 * with Undo, a person opened) and scenes, and a film of a few hundred
 * credits whose lists make rows only for what is on screen. */
#include "config.h"

#include <string.h>

#include "ct-application.h"
#include "ct-credit-item.h"
#include "ct-editor-page-private.h"
#include "ct-entity-page-private.h"
#include "ct-preview.h"
#include "ct-test-ui.h"
#include "ct-test-wiki-window.h"
#include "ct-window-private.h"

static CtApplication *app;

/* The Value row of the fact labelled @label on @page, with a new value. */
static void
apply_fact_value (CtEntityPage *page,
                  const char   *label,
                  const char   *value)
{
  GtkWidget *fact = ct_test_find_widget (GTK_WIDGET (page->facts_group), ADW_TYPE_EXPANDER_ROW, label);
  GtkWidget *row;

  g_assert_nonnull (fact);
  row = ct_test_find_widget (fact, ADW_TYPE_ENTRY_ROW, "Value");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  g_signal_emit_by_name (row, "apply");
}

static gboolean
notes_saved (CtWiki     *wiki,
             const char *title,
             const char *notes)
{
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (wiki, ct_test_entity_id (wiki, title), NULL);

  return g_strcmp0 (entity->notes, notes) == 0;
}

static void
test_edit_fact (CtTestWikiFixture *f,
                gconstpointer      data)
{
  CtEditorPage *post = ct_test_wiki_write_post (f, "dates.md", "Out in {{fact: Ballerina | release_date}}.\n");
  CtEntityPage *page;
  g_autoptr(GPtrArray) facts = NULL;

  CT_TEST_WAIT (ct_test_preview_shows (post, "2025"));
  if (g_getenv ("CT_TEST_SCREENSHOTS") != NULL)
    {
      /* A post of the sample beside its preview, for the docs. */
      g_autofree char *sample = g_build_filename (f->folder, "posts", "ballerina-review.md", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (sample);
      CtEditorPage *review;

      ct_window_open_file (f->window, file);
      review = ct_window_find_page (f->window, file);
      CT_TEST_WAIT (ct_test_page_ready (review));
      CT_TEST_WAIT (ct_test_preview_shows (review, "ct-ref"));
      ct_test_screenshot (GTK_WIDGET (f->window), "post-and-preview.png");
    }
  page = _ct_window_open_entity (f->window, f->wiki, ct_test_entity_id (f->wiki, "Ballerina"));
  ct_test_screenshot (GTK_WIDGET (f->window), "entity-page.png");

  /* A value the date type refuses: the core's sentence, nothing changed. */
  apply_fact_value (page, "Release date", "next summer");
  g_assert_nonnull (ct_entity_page_get_error (page));
  g_assert_cmpuint (page->undo->len, ==, 0);

  apply_fact_value (page, "Release date", "2025-07");
  g_assert_null (ct_entity_page_get_error (page));
  facts = ct_wiki_get_facts (f->wiki, ct_test_entity_id (f->wiki, "Ballerina"), NULL);
  g_assert_cmpstr (((CtFact *) g_ptr_array_index (facts, 0))->text, ==, "2025-07");

  /* The open post follows the wiki. */
  CT_TEST_WAIT (ct_test_preview_shows (post, "2025-07") || ct_test_preview_shows (post, "July 2025"));

  /* Undo on the page, and Redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entity.undo", NULL));
  g_clear_pointer (&facts, g_ptr_array_unref);
  facts = ct_wiki_get_facts (f->wiki, ct_test_entity_id (f->wiki, "Ballerina"), NULL);
  g_assert_cmpstr (((CtFact *) g_ptr_array_index (facts, 0))->text, ==, "2025-06");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entity.redo", NULL));
  g_clear_pointer (&facts, g_ptr_array_unref);
  facts = ct_wiki_get_facts (f->wiki, ct_test_entity_id (f->wiki, "Ballerina"), NULL);
  g_assert_cmpstr (((CtFact *) g_ptr_array_index (facts, 0))->text, ==, "2025-07");

  /* Its status, from the row's own drop-down (the row is rebuilt after
   * the change, never inside the drop-down's signal). */
  {
    GtkWidget *fact = ct_test_find_widget (GTK_WIDGET (page->facts_group), ADW_TYPE_EXPANDER_ROW, "Release date");
    GtkWidget *status = ct_test_find_widget (fact, ADW_TYPE_COMBO_ROW, "Status");

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (fact), TRUE);
    adw_combo_row_set_selected (ADW_COMBO_ROW (status), CT_FACT_RUMORED);
    ct_test_spin (50);
    /* The form was rebuilt; the row the user had open is open again. */
    fact = ct_test_find_widget (GTK_WIDGET (page->facts_group), ADW_TYPE_EXPANDER_ROW, "Release date");
    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (fact)));
    g_clear_pointer (&facts, g_ptr_array_unref);
    facts = ct_wiki_get_facts (f->wiki, ct_test_entity_id (f->wiki, "Ballerina"), NULL);
    g_assert_cmpint (((CtFact *) g_ptr_array_index (facts, 0))->status, ==, CT_FACT_RUMORED);
  }

  /* The notes render as a post does, references resolved, on request. */
  gtk_toggle_button_set_active (page->notes_preview_button, TRUE);
  g_assert_nonnull (page->notes_preview);
  {
    GtkTextBuffer *notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (page->notes_view));
    WebKitWebView *view = ct_preview_get_web_view (page->notes_preview);

    gtk_text_buffer_set_text (notes, "Rooney is [[Rooney]].", -1);
    CT_TEST_WAIT (ct_test_view_shows (view, "ct-kind-character"));
    /* … and are saved once the typing pauses. */
    CT_TEST_WAIT (notes_saved (f->wiki, "Ballerina", "Rooney is [[Rooney]]."));
  }
  ct_test_screenshot (GTK_WIDGET (page), "entity-notes.png");
}

static void
test_add_credit (CtTestWikiFixture *f,
                 gconstpointer      data)
{
  gint64 film = ct_test_entity_id (f->wiki, "Ballerina");
  CtEntityPage *page = _ct_window_open_entity (f->window, f->wiki, film);
  const char * const *roles = ct_credit_roles ();
  g_autoptr(GPtrArray) cast = NULL;
  guint producer = 0;
  gboolean found = FALSE;

  while (g_strcmp0 (roles[producer], "producer") != 0)
    producer++;
  gtk_editable_set_text (GTK_EDITABLE (page->credit_person_row), "Chad Stahelski");
  adw_combo_row_set_selected (page->credit_role_row, producer);
  adw_combo_row_set_selected (page->credit_status_row, CT_FACT_RUMORED);
  gtk_editable_set_text (GTK_EDITABLE (page->credit_source_row), "Trade press, 2023");
  g_signal_emit_by_name (page->add_credit_button, "clicked");
  g_assert_null (ct_entity_page_get_error (page));

  cast = ct_wiki_get_cast (f->wiki, film, NULL);
  for (guint i = 0; i < cast->len; i++)
    {
      const CtCredit *credit = g_ptr_array_index (cast, i);

      if (g_strcmp0 (credit->person_title, "Chad Stahelski") == 0)
        {
          g_assert_cmpstr (credit->role, ==, "producer");
          g_assert_cmpint (credit->status, ==, CT_FACT_RUMORED);
          g_assert_cmpstr (credit->source, ==, "Trade press, 2023");
          found = TRUE;
        }
    }
  g_assert_true (found);
  /* Crew, not cast: the Crew list shows him. */
  CT_TEST_WAIT (ct_test_find_widget (GTK_WIDGET (page->crew_group), ADW_TYPE_EXPANDER_ROW, "Chad Stahelski") != NULL);
  g_assert_null (ct_test_find_widget (GTK_WIDGET (page->cast_group), ADW_TYPE_EXPANDER_ROW, "Chad Stahelski"));

  /* Changed in place: confirmed after all. */
  {
    GtkWidget *row = ct_test_find_widget (GTK_WIDGET (page->crew_group), ADW_TYPE_EXPANDER_ROW, "Chad Stahelski");
    GtkWidget *status;
    g_autoptr(GPtrArray) again = NULL;

    /* a credit's fields are made when it is opened, as a user opens it */
    g_assert_null (ct_test_find_widget (row, ADW_TYPE_COMBO_ROW, "Status"));
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    status = ct_test_find_widget (row, ADW_TYPE_COMBO_ROW, "Status");
    g_assert_nonnull (status);

    adw_combo_row_set_selected (ADW_COMBO_ROW (status), CT_FACT_CONFIRMED);
    ct_test_spin (50);
    again = ct_wiki_get_cast (f->wiki, film, NULL);
    for (guint i = 0; i < again->len; i++)
      if (g_strcmp0 (((CtCredit *) g_ptr_array_index (again, i))->person_title, "Chad Stahelski") == 0)
        g_assert_cmpint (((CtCredit *) g_ptr_array_index (again, i))->status, ==, CT_FACT_CONFIRMED);
  }

  /* Someone the wiki does not know is refused with a sentence. */
  gtk_editable_set_text (GTK_EDITABLE (page->credit_person_row), "Nobody Known");
  g_signal_emit_by_name (page->add_credit_button, "clicked");
  g_assert_nonnull (ct_entity_page_get_error (page));
  g_assert_nonnull (strstr (ct_entity_page_get_error (page), "Nobody Known"));
}

static void
test_reorder_scenes (CtTestWikiFixture *f,
                     gconstpointer      data)
{
  gint64 film = ct_test_entity_id (f->wiki, "Ballerina");
  CtEntityPage *page = _ct_window_open_entity (f->window, f->wiki, film);
  g_autoptr(GPtrArray) before = ct_wiki_get_scenes (f->wiki, film, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) undone = NULL;
  const CtEntity *first = g_ptr_array_index (before, 0);
  const CtEntity *second = g_ptr_array_index (before, 1);
  g_autofree char *down_label = g_strdup_printf ("Move %s Down", first->title);
  GtkWidget *down;

  g_assert_cmpuint (before->len, >=, 2);
  down = ct_test_find_widget (GTK_WIDGET (page->scenes_group), GTK_TYPE_BUTTON, down_label);
  g_assert_nonnull (down);
  g_signal_emit_by_name (down, "clicked");

  after = ct_wiki_get_scenes (f->wiki, film, NULL);
  g_assert_cmpint (((CtEntity *) g_ptr_array_index (after, 0))->id, ==, second->id);
  g_assert_cmpint (((CtEntity *) g_ptr_array_index (after, 1))->id, ==, first->id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entity.undo", NULL));
  undone = ct_wiki_get_scenes (f->wiki, film, NULL);
  g_assert_cmpint (((CtEntity *) g_ptr_array_index (undone, 0))->id, ==, first->id);
}

/* Credits: many, and moved ------------------------------------------------- */

/* The titles of @store's items, one string: "A|B|C". */
static char *
titles_of (GListStore *store)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(CtCreditItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_string_append_printf (text, "%s%s", i ? "|" : "", ct_credit_item_get_title (item));
    }
  return g_string_free (text, FALSE);
}

/* Core's billing order of @film: "A|B|C", cast and crew alike. */
static char *
billing_of (CtWiki *wiki,
            gint64  film)
{
  g_autoptr(GPtrArray) credits = ct_wiki_get_cast (wiki, film, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < credits->len; i++)
    g_string_append_printf (text, "%s%s", i ? "|" : "",
                            ((CtCredit *) g_ptr_array_index (credits, i))->person_title);
  return g_string_free (text, FALSE);
}

/* The page read the wiki again and its lists show core's order. */
static gboolean
lists_follow (CtEntityPage *page,
              CtWiki       *wiki,
              gint64        film)
{
  g_autofree char *cast = titles_of (page->cast_store);
  g_autofree char *crew = titles_of (page->crew_store);
  g_autofree char *shown = g_strdup_printf ("%s|%s", cast, crew);
  g_autofree char *billing = billing_of (wiki, film);

  return page->load_source == 0 && g_strcmp0 (shown, billing) == 0;
}

static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? 1 : 0) + count_widgets (child, type);
  return n;
}

/* The first event controller of @type on @root or below it, and its widget. */
static GtkEventController *
find_controller (GtkWidget  *root,
                 GType       type,
                 GtkWidget **owner)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (root);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        {
          if (owner != NULL)
            *owner = root;
          return controller;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEventController *found = find_controller (child, type, owner);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Alt+@keyval with the focus in @row (of @list), as the keys would do. */
static void
press_alt (GtkGridView *list,
           GtkWidget   *row,
           guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (list));
  gboolean pressed = FALSE;

  g_assert_true (gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_ALT_MASK)
            pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                    GTK_WIDGET (list), NULL);
        }
    }
  g_assert_true (pressed);
}

/* Drags @from's row by its handle and drops it on @onto's row. */
static void
drag_onto (GtkWidget *from,
           GtkWidget *onto)
{
  GtkEventController *source = find_controller (from, GTK_TYPE_DRAG_SOURCE, NULL);
  GtkEventController *target = find_controller (onto, GTK_TYPE_DROP_TARGET, NULL);
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_assert_nonnull (source);
  g_assert_nonnull (target);
  g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_INT64);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (target, "drop", &value, 4.0, 4.0, &dropped);
  g_assert_true (dropped);
  g_value_unset (&value);
}

static gboolean
focus_in (CtWindow  *window,
          GtkWidget *row)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static GtkWidget *
credit_row (GtkGridView *list,
            const char  *title)
{
  GtkWidget *row = ct_test_find_widget (GTK_WIDGET (list), ADW_TYPE_EXPANDER_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static void
test_reorder_credits (CtTestWikiFixture *f,
                      gconstpointer      data)
{
  gint64 film = ct_test_entity_id (f->wiki, "Ballerina");
  CtEntityPage *page = _ct_window_open_entity (f->window, f->wiki, film);
  g_autofree char *before = billing_of (f->wiki, film);
  g_autofree char *cast = NULL;
  g_autofree char *crew = NULL;

  ct_test_spin (200);
  g_assert_true (lists_follow (page, f->wiki, film));
  cast = titles_of (page->cast_store);
  g_assert_true (g_str_has_prefix (cast, "Ana de Armas|Keanu Reeves|Anjelica Huston|"));
  /* Each row says whom it moves, to the eye and to a screen reader. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (ct_test_find_widget (GTK_WIDGET (page->cast_list), GTK_TYPE_BUTTON,
                                                                     "Move Keanu Reeves Up")),
                   ==, "Move Keanu Reeves Up");

  /* A button. */
  g_signal_emit_by_name (ct_test_find_widget (GTK_WIDGET (page->cast_list), GTK_TYPE_BUTTON,
                                              "Move Ana de Armas Down"), "clicked");
  CT_TEST_WAIT (lists_follow (page, f->wiki, film));
  g_clear_pointer (&cast, g_free);
  cast = titles_of (page->cast_store);
  g_assert_true (g_str_has_prefix (cast, "Keanu Reeves|Ana de Armas|Anjelica Huston|"));

  /* Alt+Up on a row; the moved credit's row has the focus after. */
  press_alt (page->cast_list, credit_row (page->cast_list, "Anjelica Huston"), GDK_KEY_Up);
  CT_TEST_WAIT (lists_follow (page, f->wiki, film));
  g_clear_pointer (&cast, g_free);
  cast = titles_of (page->cast_store);
  g_assert_true (g_str_has_prefix (cast, "Keanu Reeves|Anjelica Huston|Ana de Armas|"));
  CT_TEST_WAIT (focus_in (f->window, credit_row (page->cast_list, "Anjelica Huston")));

  /* A drag by the handle onto the first row. */
  drag_onto (credit_row (page->cast_list, "Ian McShane"), credit_row (page->cast_list, "Keanu Reeves"));
  CT_TEST_WAIT (lists_follow (page, f->wiki, film));
  g_clear_pointer (&cast, g_free);
  cast = titles_of (page->cast_store);
  g_assert_true (g_str_has_prefix (cast, "Ian McShane|Keanu Reeves|Anjelica Huston|Ana de Armas|"));

  /* Crew moves among crew; the cast stays ahead of it in the billing. */
  press_alt (page->crew_list, credit_row (page->crew_list, "Len Wiseman"), GDK_KEY_Down);
  CT_TEST_WAIT (lists_follow (page, f->wiki, film));
  crew = titles_of (page->crew_store);
  g_assert_cmpstr (crew, ==, "Shay Hatten|Len Wiseman|Dan Laustsen");
  /* The first row cannot go up, nor a crew row into the cast. */
  press_alt (page->cast_list, credit_row (page->cast_list, "Ian McShane"), GDK_KEY_Up);
  g_assert_cmpuint (page->undo->len, ==, 4);
  {
    GValue value = G_VALUE_INIT;
    gboolean dropped = TRUE;
    g_autoptr(CtCreditItem) shay = g_list_model_get_item (G_LIST_MODEL (page->crew_store), 0);

    g_value_init (&value, G_TYPE_INT64);
    g_value_set_int64 (&value, ct_credit_item_get_id (shay));
    g_signal_emit_by_name (find_controller (credit_row (page->cast_list, "Ian McShane"), GTK_TYPE_DROP_TARGET, NULL),
                           "drop", &value, 4.0, 4.0, &dropped);
    g_assert_false (dropped);
  }
  g_assert_cmpuint (page->undo->len, ==, 4);

  /* Four steps of Undo: the billing as it was. */
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entity.undo", NULL));
      CT_TEST_WAIT (lists_follow (page, f->wiki, film));
    }
  {
    g_autofree char *after = billing_of (f->wiki, film);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_remove_and_open_credit (CtTestWikiFixture *f,
                             gconstpointer      data)
{
  gint64 film = ct_test_entity_id (f->wiki, "Ballerina");
  CtEntityPage *page = _ct_window_open_entity (f->window, f->wiki, film);
  g_autofree char *before = billing_of (f->wiki, film);
  g_autofree char *after = NULL;

  ct_test_spin (200);
  g_signal_emit_by_name (ct_test_find_widget (GTK_WIDGET (page->cast_list), GTK_TYPE_BUTTON,
                                              "Remove Norman Reedus"), "clicked");
  CT_TEST_WAIT (lists_follow (page, f->wiki, film));
  after = billing_of (f->wiki, film);
  g_assert_null (strstr (after, "Norman Reedus"));
  g_assert_null (ct_test_find_widget (GTK_WIDGET (page->cast_list), ADW_TYPE_EXPANDER_ROW, "Norman Reedus"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "entity.undo", NULL));
  CT_TEST_WAIT (lists_follow (page, f->wiki, film));
  g_clear_pointer (&after, g_free);
  after = billing_of (f->wiki, film);
  g_assert_cmpstr (after, ==, before);
  CT_TEST_WAIT (ct_test_find_widget (GTK_WIDGET (page->cast_list), ADW_TYPE_EXPANDER_ROW, "Norman Reedus") != NULL);

  /* A credit's person opens in a tab of its own. */
  g_signal_emit_by_name (ct_test_find_widget (GTK_WIDGET (page->cast_list), GTK_TYPE_BUTTON,
                                              "Open Keanu Reeves"), "clicked");
  g_assert_nonnull (ct_test_selected_entity_page (f));
  g_assert_cmpstr (ct_entity_page_get_title (ct_test_selected_entity_page (f)), ==, "Keanu Reeves");
}

/* CT_TEST_LONG_FILM=N for another number of credits. */
static guint N_LONG_CREDITS = 300;
#define N_LONG_SCENES 200

static void
import_long_film (CtWiki *wiki)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [\n"
                                          "{\"kind\": \"film\", \"title\": \"Long Film\"}");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_LONG_CREDITS; i++)
    g_string_append_printf (json, ",\n{\"kind\": \"person\", \"title\": \"Long Person %03u\"}", i);
  for (guint i = 0; i < N_LONG_SCENES; i++)
    g_string_append_printf (json, ",\n{\"kind\": \"scene\", \"title\": \"Long Scene %03u\", \"facts\": ["
                            "{\"key\": \"film\", \"entity\": \"Long Film\"},"
                            "{\"key\": \"order\", \"value\": \"%u\"}]}", i, i + 1);
  g_string_append (json, "], \"credits\": [\n");
  for (guint i = 0; i < N_LONG_CREDITS; i++)
    g_string_append_printf (json, "%s{\"film\": \"Long Film\", \"person\": \"Long Person %03u\", "
                            "\"role\": \"cast\", \"billing\": %u}\n", i ? "," : "", i, i + 1);
  g_string_append (json, "]}\n");
  g_assert_true (ct_wiki_import (wiki, json->str, json->len, &error));
  g_assert_no_error (error);
}

/* What a list view has made: at most this many rows for 300 items, what
 * the list's 420 pixels show and GTK's few rows either side. */
#define MAX_ROWS 80

static void
scroll_to (GtkGridView *list,
           gboolean     end)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  gtk_adjustment_set_value (adjustment, end ? gtk_adjustment_get_upper (adjustment) : 0);
  ct_test_spin (300);
}

static void
test_many_credits (CtTestWikiFixture *f,
                   gconstpointer      data)
{
  CtEntityPage *page;
  gint64 film;
  GtkWidget *first, *last;
  guint rows;
  gint64 start;
  g_autofree char *last_title = NULL;

  if (g_getenv ("CT_TEST_LONG_FILM") != NULL)
    N_LONG_CREDITS = MAX (300, (guint) g_ascii_strtoull (g_getenv ("CT_TEST_LONG_FILM"), NULL, 10));
  last_title = g_strdup_printf ("Long Person %03u", N_LONG_CREDITS - 1);
  import_long_film (f->wiki);
  film = ct_test_entity_id (f->wiki, "Long Film");
  start = g_get_monotonic_time ();
  page = _ct_window_open_entity (f->window, f->wiki, film);
  g_test_message ("page of %u credits made in %.0f ms", N_LONG_CREDITS, (g_get_monotonic_time () - start) / 1000.0);
  ct_test_spin (500);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page->cast_store)), ==, N_LONG_CREDITS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page->scene_store)), ==, N_LONG_SCENES);
  rows = count_widgets (GTK_WIDGET (page->cast_list), ADW_TYPE_EXPANDER_ROW);
  g_test_message ("cast rows made for %u credits: %u", N_LONG_CREDITS, rows);
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpuint (rows, <, MAX_ROWS);
  rows = count_widgets (GTK_WIDGET (page->scenes_list), ADW_TYPE_ACTION_ROW);
  g_test_message ("scene rows made for %u scenes: %u", N_LONG_SCENES, rows);
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpuint (rows, <, MAX_ROWS);
  first = credit_row (page->cast_list, "Long Person 000");
  /* The list is as high as its bound (420 pixels), not one row. */
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_parent (GTK_WIDGET (page->cast_list))), >, 300);
  ct_test_screenshot (GTK_WIDGET (page), "film-long.png");

  /* The end of the list: its rows made by binding the ones made already. */
  scroll_to (page->cast_list, TRUE);
  last = credit_row (page->cast_list, last_title);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (page->cast_list), ADW_TYPE_EXPANDER_ROW), <, MAX_ROWS);

  /* Opened, scrolled away and back: open again, with its own fields. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (last), TRUE);
  g_assert_nonnull (ct_test_find_widget (last, ADW_TYPE_COMBO_ROW, "Status"));
  scroll_to (page->cast_list, FALSE);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (page->cast_list), ADW_TYPE_COMBO_ROW), ==, 0);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (credit_row (page->cast_list, "Long Person 000"))));
  scroll_to (page->cast_list, TRUE);
  last = credit_row (page->cast_list, last_title);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (last)));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (page->cast_list), ADW_TYPE_COMBO_ROW), ==, 2);

  /* A change elsewhere on the page binds no credit again: the rows on
   * screen are the very same widgets, still showing the same people. */
  scroll_to (page->cast_list, FALSE);
  first = credit_row (page->cast_list, "Long Person 000");
  gtk_editable_set_text (GTK_EDITABLE (page->summary_row), "A film of many people.");
  g_signal_emit_by_name (page->summary_row, "apply");
  g_assert_null (ct_entity_page_get_error (page));
  CT_TEST_WAIT (page->load_source == 0);
  ct_test_spin (100);
  g_assert_true (credit_row (page->cast_list, "Long Person 000") == first);
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
  ADD ("/ui/wiki-entity-page/edit-fact", test_edit_fact);
  ADD ("/ui/wiki-entity-page/add-credit", test_add_credit);
  ADD ("/ui/wiki-entity-page/reorder-scenes", test_reorder_scenes);
  ADD ("/ui/wiki-entity-page/reorder-credits", test_reorder_credits);
  ADD ("/ui/wiki-entity-page/remove-and-open-credit", test_remove_and_open_credit);
  ADD ("/ui/wiki-entity-page/many-credits", test_many_credits);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
