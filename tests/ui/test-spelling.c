/* test-spelling.c — spelling in the real window over a copy of the sample
 * wiki: a misspelt word typed is underlined, its context menu offers
 * suggestions that replace it as one undo step, "Add to Dictionary" and
 * "Ignore" take the underline off, a wiki title never gets one, and the
 * setting turns it all off. ENCHANT_CONFIG_DIR is a new empty folder, so
 * the user's own dictionary is neither read nor written. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-editor-page-private.h"
#include "ct-spell-highlighter.h"
#include "ct-test-ui.h"
#include "ct-window.h"
#include "ct-wiki-registry.h"

static CtApplication *app;
static char *config_dir;

typedef struct {
  char          *folder;
  char          *post;
  CtWindow      *window;
  CtEditorPage  *page;
  GtkSourceView *view;
  GtkTextBuffer *buffer;
  CtSpellHighlighter *spelling;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->folder = ct_test_sample_wiki_new ("ct-test-spelling-XXXXXX");

  f->post = g_build_filename (f->folder, "posts", "notes.md", NULL);
  ct_test_write_file (f->post, "Notes.\n", -1);

  f->window = ct_test_window_new (app, 1000, 700);
  f->page = ct_test_open_post (f->window, f->post);
  f->view = ct_editor_page_get_view (f->page);
  f->buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (f->page));
  f->spelling = f->page->spelling;
  g_assert_true (ct_spell_highlighter_get_enabled (f->spelling));
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

/* Types @text at the end, one character at a time as keys would. */
static void
type (Fixture    *f,
      const char *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (f->buffer, &end);
  gtk_text_buffer_place_cursor (f->buffer, &end);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_insert_interactive_at_cursor (f->buffer, p, g_utf8_next_char (p) - p, TRUE);
      ct_test_spin (10);
    }
}

/* An iter in the middle of the last @word in the buffer. */
static void
iter_in (Fixture     *f,
         const char  *word,
         GtkTextIter *iter)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_end_iter (f->buffer, iter);
  g_assert_true (gtk_text_iter_backward_search (iter, word, 0, &start, &end, NULL));
  *iter = start;
  gtk_text_iter_forward_chars (iter, 2);
}

static gboolean
underlined (Fixture    *f,
            const char *word)
{
  GtkTextTag *tag = ct_spell_highlighter_get_tag (f->spelling);
  GtkTextIter iter, start, end;

  iter_in (f, word, &iter);
  if (!gtk_text_iter_has_tag (&iter, tag))
    return FALSE;
  /* the whole word, not more */
  gtk_text_iter_backward_chars (&iter, 2);
  start = iter;
  end = iter;
  gtk_text_iter_forward_chars (&end, g_utf8_strlen (word, -1));
  return gtk_text_iter_starts_tag (&start, tag) && gtk_text_iter_ends_tag (&end, tag);
}

/* Waits for the checks to settle: two more after now, nothing pending. */
static void
wait_checks (Fixture *f)
{
  guint now = ct_spell_highlighter_get_checks (f->spelling);

  CT_TEST_WAIT (ct_spell_highlighter_get_checks (f->spelling) >= now + 1);
  ct_test_spin (600);
}

static char *
buffer_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  return gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
}

/* The labels and targets of the menu's items, depth first. */
static void
collect_items (GMenuModel *model,
               GPtrArray  *labels,
               GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          collect_items (section, labels, actions);
          continue;
        }
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      g_ptr_array_add (labels, g_strdup (label));
      if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
        g_ptr_array_add (actions, g_strdup_printf ("%s:%s", action, g_variant_get_string (target, NULL)));
      else
        g_ptr_array_add (actions, g_strdup (action ? action : ""));
    }
}

static gboolean
has (GPtrArray  *list,
     const char *value)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (g_ptr_array_index (list, i), value) == 0)
      return TRUE;
  return FALSE;
}

static void
test_suggest_and_replace (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  GMenuModel *extra = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (f->view));
  g_autofree char *text = NULL;
  GtkTextIter iter;

  type (f, "A revew of the fight choreografy.\n");
  CT_TEST_WAIT (underlined (f, "revew"));
  CT_TEST_WAIT (underlined (f, "choreografy"));
  g_assert_false (underlined (f, "fight"));
  g_assert_cmpstr (ct_spell_highlighter_get_language (f->spelling), ==, "en_US");

  /* the context menu, as a right click or Shift+F10 fills it */
  iter_in (f, "revew", &iter);
  g_assert_true (ct_spell_highlighter_update_menu_at (f->spelling, &iter));
  collect_items (extra, labels, actions);
  g_assert_true (has (labels, "review"));
  g_assert_true (has (actions, "spell.replace:review"));
  g_assert_true (has (labels, "Add to Dictionary"));
  g_assert_true (has (labels, "Ignore"));
  g_assert_true (has (labels, "Spelling Language"));
  /* at most five suggestions, then Add, Ignore and the language submenu */
  g_assert_cmpuint (labels->len, <=, 5 + 3);

  /* the action as the menu item runs it, on the view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "spell.replace", "s", "review"));
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "Notes.\nA review of the fight choreografy.\n");
  /* one undo step gives the word back */
  gtk_text_buffer_undo (f->buffer);
  g_clear_pointer (&text, g_free);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "Notes.\nA revew of the fight choreografy.\n");
  gtk_text_buffer_redo (f->buffer);
  wait_checks (f);
  g_assert_false (underlined (f, "review"));
  g_assert_true (underlined (f, "choreografy"));
}

static void
test_dictionary_and_ignore (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *pwl = g_build_filename (config_dir, "en_US.dic", NULL);
  g_autofree char *contents = NULL;
  GtkTextIter iter;

  type (f, "Blorptastic and Qwzxfrob, Blorptastic again.\n");
  CT_TEST_WAIT (underlined (f, "Blorptastic"));
  CT_TEST_WAIT (underlined (f, "Qwzxfrob"));

  iter_in (f, "Blorptastic", &iter);
  g_assert_true (ct_spell_highlighter_update_menu_at (f->spelling, &iter));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "spell.add-to-dictionary", NULL));
  /* both occurrences, at once */
  g_assert_false (underlined (f, "Blorptastic"));
  g_assert_true (g_file_get_contents (pwl, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Blorptastic"));

  iter_in (f, "Qwzxfrob", &iter);
  g_assert_true (ct_spell_highlighter_update_menu_at (f->spelling, &iter));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "spell.ignore", NULL));
  g_assert_false (underlined (f, "Qwzxfrob"));

  /* and they stay known when typed again */
  type (f, "More Blorptastic, more Qwzxfrob, one mistaek.\n");
  CT_TEST_WAIT (underlined (f, "mistaek"));
  g_assert_false (underlined (f, "Blorptastic"));
  g_assert_false (underlined (f, "Qwzxfrob"));
}

static void
test_wiki_words_and_code (Fixture       *f,
                          gconstpointer  data)
{
  /* Stahelski and Laustsen are the sample wiki's names; code and
   * references are not prose */
  type (f, "Stahelski hired Laustsen; `qwzxcode` and [[Qwzxlink]] aside, a tpyo.\n");
  CT_TEST_WAIT (underlined (f, "tpyo"));
  g_assert_false (underlined (f, "Stahelski"));
  g_assert_false (underlined (f, "Laustsen"));
  g_assert_false (underlined (f, "qwzxcode"));
  g_assert_false (underlined (f, "Qwzxlink"));

  /* a name the wiki gains stops being a mistake */
  {
    g_autoptr(GError) error = NULL;

    type (f, "Then Zyxwvutsky arrives.\n");
    CT_TEST_WAIT (underlined (f, "Zyxwvutsky"));
    g_assert_cmpint (ct_wiki_create_entity (ct_editor_page_get_wiki (f->page), CT_ENTITY_PERSON,
                                            "Ola Zyxwvutsky", &error), >, 0);
    g_assert_no_error (error);
    CT_TEST_WAIT (!underlined (f, "Zyxwvutsky"));
  }
}

static void
test_setting_and_language (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkTextIter start;

  type (f, "One mistaek.\n");
  CT_TEST_WAIT (underlined (f, "mistaek"));

  g_settings_set_boolean (settings, "spell-check", FALSE);
  g_assert_false (ct_spell_highlighter_get_enabled (f->spelling));
  g_assert_false (underlined (f, "mistaek"));
  g_settings_set_boolean (settings, "spell-check", TRUE);
  CT_TEST_WAIT (underlined (f, "mistaek"));

  /* a language without a dictionary: a clear message, nothing underlined */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "spell.language", "s", "xx_QQ"));
  CT_TEST_WAIT (ct_spell_highlighter_get_problem (f->spelling) != NULL);
  g_assert_nonnull (strstr (ct_spell_highlighter_get_problem (f->spelling), "xx_QQ"));
  g_assert_false (underlined (f, "mistaek"));

  /* the front matter's lang: wins over the menu */
  gtk_text_buffer_get_start_iter (f->buffer, &start);
  gtk_text_buffer_insert (f->buffer, &start, "---\nlang: en_GB\n---\n", -1);
  CT_TEST_WAIT (g_strcmp0 (ct_spell_highlighter_get_language (f->spelling), "en_GB") == 0);
  CT_TEST_WAIT (underlined (f, "mistaek"));
  g_assert_null (ct_spell_highlighter_get_problem (f->spelling));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  config_dir = g_dir_make_tmp ("ct-test-spelling-enchant-XXXXXX", NULL);
  g_assert_nonnull (config_dir);
  g_setenv ("ENCHANT_CONFIG_DIR", config_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ct_test_app_new ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/spelling/suggest-and-replace", test_suggest_and_replace);
  ADD ("/ui/spelling/dictionary-and-ignore", test_dictionary_and_ignore);
  ADD ("/ui/spelling/wiki-words-and-code", test_wiki_words_and_code);
  ADD ("/ui/spelling/setting-and-language", test_setting_and_language);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (config_dir);
    ct_test_remove_tree (dir);
  }
  g_free (config_dir);
  return status;
}
