#define G_LOG_DOMAIN "ct-spell"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-spell-private.h"

/* The spelling part of the editor's context menu. It is filled for the
 * misspelt word under the pointer when the secondary button goes down
 * (before the view builds its menu), or under the caret once it rests,
 * for Shift+F10 and the Menu key. Suggestions are asked for only then:
 * enchant's suggestions are the slow part of spelling. */

#define MAX_SUGGESTIONS 5
#define CARET_REST_MS   200

static void
forget_word (CtSpellMenu *menu)
{
  GtkTextBuffer *buffer = menu->start ? gtk_text_mark_get_buffer (menu->start) : NULL;

  if (buffer != NULL)
    {
      gtk_text_buffer_delete_mark (buffer, menu->start);
      gtk_text_buffer_delete_mark (buffer, menu->end);
    }
  g_clear_object (&menu->start);
  g_clear_object (&menu->end);
  g_clear_pointer (&menu->word, g_free);
  g_menu_remove_all (menu->words);
}

/* The misspelt word around @iter (the caret may sit just after it). */
static gboolean
tagged_word_at (GtkTextTag        *tag,
                const GtkTextIter *iter,
                GtkTextIter       *start,
                GtkTextIter       *end)
{
  *start = *iter;
  if (!gtk_text_iter_has_tag (start, tag))
    {
      if (!gtk_text_iter_ends_tag (start, tag))
        return FALSE;
      gtk_text_iter_backward_char (start);
    }
  *end = *start;
  if (!gtk_text_iter_starts_tag (start, tag))
    gtk_text_iter_backward_to_tag_toggle (start, tag);
  gtk_text_iter_forward_to_tag_toggle (end, tag);
  return TRUE;
}

gboolean
_ct_spell_menu_update_at (CtSpellHighlighter *self,
                          CtSpellMenu        *menu,
                          const GtkTextIter  *iter)
{
  GtkTextBuffer *buffer = _ct_spell_highlighter_get_buffer (self);
  CtSpellChecker *checker = _ct_spell_highlighter_get_checker (self);
  const char *problem = ct_spell_highlighter_get_problem (self);
  g_auto(GStrv) suggestions = NULL;
  GtkTextIter start, end;

  forget_word (menu);
  if (!ct_spell_highlighter_get_enabled (self))
    return FALSE;
  if (problem != NULL)
    {
      /* a dictionary is missing: say so where the suggestions would be */
      g_menu_append (menu->words, problem, NULL);
      return FALSE;
    }
  if (checker == NULL || !tagged_word_at (ct_spell_highlighter_get_tag (self), iter, &start, &end))
    return FALSE;

  menu->word = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  menu->start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE));
  menu->end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE));

  suggestions = ct_spell_checker_suggest (checker, menu->word, MAX_SUGGESTIONS);
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target_value (item, "spell.replace", g_variant_new_string (suggestions[i]));
      g_menu_append_item (menu->words, item);
    }
  if (suggestions[0] == NULL)
    /* Translators: context menu of a misspelt word the dictionary has nothing close to */
    g_menu_append (menu->words, _("No Suggestions"), NULL);
  g_menu_append (menu->words, _("Add to Dictionary"), "spell.add-to-dictionary");
  /* Translators: context menu of a misspelt word: stop underlining it until the app quits */
  g_menu_append (menu->words, _("Ignore"), "spell.ignore");
  return TRUE;
}

/* The range the menu's word still has, if it is still that word. */
static gboolean
word_range (CtSpellMenu *menu,
            GtkTextIter *start,
            GtkTextIter *end)
{
  GtkTextBuffer *buffer;
  g_autofree char *now = NULL;

  if (menu->word == NULL)
    return FALSE;
  buffer = gtk_text_mark_get_buffer (menu->start);
  gtk_text_buffer_get_iter_at_mark (buffer, start, menu->start);
  gtk_text_buffer_get_iter_at_mark (buffer, end, menu->end);
  now = gtk_text_buffer_get_text (buffer, start, end, FALSE);
  return g_str_equal (now, menu->word);
}

static void
replace_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CtSpellHighlighter *self = user_data;
  GtkTextBuffer *buffer = _ct_spell_highlighter_get_buffer (self);
  GtkTextIter start, end;
  CtSpellMenu *menu = g_object_get_data (G_OBJECT (action), "ct-spell-menu");

  if (!word_range (menu, &start, &end))
    return;
  /* one undo step: the word goes and its replacement comes together */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, g_variant_get_string (parameter, NULL), -1);
  gtk_text_buffer_end_user_action (buffer);
  forget_word (menu);
}

/* Takes the underline off every occurrence of @word at once, rather than
 * as the checks come by the rest of the post. */
static void
untag_word (CtSpellHighlighter *self,
            const char         *word)
{
  GtkTextBuffer *buffer = _ct_spell_highlighter_get_buffer (self);
  GtkTextTag *tag = ct_spell_highlighter_get_tag (self);
  g_autofree char *folded = g_utf8_casefold (word, -1);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter end = iter;
      g_autofree char *text = NULL;
      g_autofree char *text_folded = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      text = gtk_text_buffer_get_text (buffer, &iter, &end, FALSE);
      text_folded = g_utf8_casefold (text, -1);
      if (g_str_equal (text_folded, folded))
        gtk_text_buffer_remove_tag (buffer, tag, &iter, &end);
      iter = end;
    }
}

static void
learn_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CtSpellHighlighter *self = user_data;
  CtSpellMenu *menu = g_object_get_data (G_OBJECT (action), "ct-spell-menu");
  CtSpellChecker *checker = _ct_spell_highlighter_get_checker (self);
  g_autofree char *word = g_strdup (menu->word);

  if (word == NULL || checker == NULL)
    return;
  if (g_str_equal (g_action_get_name (G_ACTION (action)), "ignore"))
    ct_spell_checker_ignore (checker, word);
  else
    ct_spell_checker_add_to_dictionary (checker, word);
  forget_word (menu);
  untag_word (self, word);
  _ct_spell_highlighter_recheck (self);
}

static void
language_changed_cb (GSimpleAction *action,
                     GVariant      *value,
                     gpointer       user_data)
{
  CtSpellHighlighter *self = user_data;
  const char *language = g_variant_get_string (value, NULL);

  g_simple_action_set_state (action, value);
  ct_spell_highlighter_set_chosen_language (self, *language ? language : NULL);
}

void
_ct_spell_menu_update_languages (CtSpellHighlighter *self,
                                 CtSpellMenu        *menu)
{
  const char *chosen = _ct_spell_highlighter_get_chosen_language (self);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (menu->actions), "language");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (chosen ? chosen : ""));

  g_menu_remove_all (menu->section);
  if (!ct_spell_highlighter_get_enabled (self))
    return;
  g_menu_append_section (menu->section, NULL, G_MENU_MODEL (menu->words));
  /* Translators: submenu of the editor's context menu */
  g_menu_append_submenu (menu->section, _("Spelling Language"), G_MENU_MODEL (menu->languages));
}

static void
list_languages_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  g_task_return_pointer (task, ct_spell_list_languages (), (GDestroyNotify) g_strfreev);
}

static void
fill_languages (CtSpellMenu        *menu,
                const char * const *languages)
{
  g_autoptr(GMenuItem) automatic = NULL;

  /* Translators: spelling language: the post's lang:, else the system's */
  automatic = g_menu_item_new (_("Automatic"), NULL);
  g_menu_item_set_action_and_target_value (automatic, "spell.language", g_variant_new_string (""));
  g_menu_append_item (menu->languages, automatic);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (languages[i], NULL);

      g_menu_item_set_action_and_target_value (item, "spell.language", g_variant_new_string (languages[i]));
      g_menu_append_item (menu->languages, item);
    }
}

typedef struct {
  CtSpellHighlighter *self;
  CtSpellMenu        *menu;
} Closure;

static void
languages_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CtSpellMenu *menu = g_object_get_data (object, "ct-spell-menu");
  g_auto(GStrv) languages = g_task_propagate_pointer (G_TASK (result), NULL);

  /* the highlighter may have been disposed meanwhile */
  if (menu != NULL && menu->languages != NULL)
    fill_languages (menu, (const char * const *) languages);
}

static gboolean
caret_rested_cb (gpointer user_data)
{
  Closure *closure = user_data;
  GtkTextBuffer *buffer = _ct_spell_highlighter_get_buffer (closure->self);
  GtkTextIter iter;

  closure->menu->caret_source = 0;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  _ct_spell_menu_update_at (closure->self, closure->menu, &iter);
  return G_SOURCE_REMOVE;
}

static void
on_cursor_moved_cb (GtkTextBuffer *buffer,
                    GParamSpec    *pspec,
                    Closure       *closure)
{
  g_clear_handle_id (&closure->menu->caret_source, g_source_remove);
  closure->menu->caret_source = g_timeout_add (CARET_REST_MS, caret_rested_cb, closure);
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               Closure         *closure)
{
  GtkTextView *view = closure->menu->view;
  GtkTextIter iter;
  int bx, by;

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_SECONDARY)
    return;
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    _ct_spell_menu_update_at (closure->self, closure->menu, &iter);
  else
    forget_word (closure->menu);
}

void
_ct_spell_menu_init (CtSpellHighlighter *self,
                     CtSpellMenu        *menu,
                     GtkTextView        *view)
{
  static const GActionEntry entries[] = {
    { "replace", replace_activated_cb, "s" },
    { "add-to-dictionary", learn_activated_cb },
    { "ignore", learn_activated_cb },
    { "language", NULL, "s", "''", language_changed_cb },
  };
  GtkGesture *click = gtk_gesture_click_new ();
  Closure *closure = g_new0 (Closure, 1);
  char **names;

  menu->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &menu->view);
  menu->section = g_menu_new ();
  menu->words = g_menu_new ();
  menu->languages = g_menu_new ();
  /* enchant loads its providers and looks through their dictionaries to
   * list them: a worker's job, not the opening tab's */
  g_object_set_data (G_OBJECT (self), "ct-spell-menu", menu);
  {
    g_autoptr(GTask) task = g_task_new (self, NULL, languages_listed_cb, NULL);

    g_task_set_source_tag (task, _ct_spell_menu_init);
    g_task_run_in_thread (task, list_languages_thread);
  }

  menu->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (menu->actions), entries, G_N_ELEMENTS (entries), self);
  names = g_action_group_list_actions (G_ACTION_GROUP (menu->actions));
  for (guint i = 0; names[i] != NULL; i++)
    g_object_set_data (G_OBJECT (g_action_map_lookup_action (G_ACTION_MAP (menu->actions), names[i])),
                       "ct-spell-menu", menu);
  g_strfreev (names);
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spell", G_ACTION_GROUP (menu->actions));

  closure->self = self;
  closure->menu = menu;
  g_object_set_data_full (G_OBJECT (self), "ct-spell-menu-closure", closure, g_free);

  /* capture phase: before the view's own gesture opens its menu */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), closure);
  menu->click = GTK_EVENT_CONTROLLER (click);
  gtk_widget_add_controller (GTK_WIDGET (view), menu->click);
  g_signal_connect (gtk_text_view_get_buffer (view), "notify::cursor-position",
                    G_CALLBACK (on_cursor_moved_cb), closure);

  _ct_spell_menu_update_languages (self, menu);
}

void
_ct_spell_menu_clear (CtSpellMenu *menu)
{
  g_clear_handle_id (&menu->caret_source, g_source_remove);
  if (menu->view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (menu->view);

      g_signal_handlers_disconnect_matched (buffer, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            on_cursor_moved_cb, NULL);
      gtk_widget_remove_controller (GTK_WIDGET (menu->view), menu->click);
      gtk_widget_insert_action_group (GTK_WIDGET (menu->view), "spell", NULL);
      g_object_remove_weak_pointer (G_OBJECT (menu->view), (gpointer *) &menu->view);
      menu->view = NULL;
    }
  menu->click = NULL;
  if (menu->words != NULL)
    forget_word (menu);
  g_clear_object (&menu->section);
  g_clear_object (&menu->words);
  g_clear_object (&menu->languages);
  g_clear_object (&menu->actions);
}
