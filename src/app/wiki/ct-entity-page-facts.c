#define G_LOG_DOMAIN "ct-entity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-entity-page-private.h"
#include "ct-fact-format.h"
#include "ct-fact-keys.h"
#include "ct-scanner.h"

/* The facts of an entity: one expander row per fact, showing its value
 * and status; inside, an editor for the value, the status, the source and
 * the spoiler flag. Each change rewrites the entity's facts in one core
 * call (ct_wiki_set_facts validates them all), so Undo has one step. */

static GPtrArray *
read_facts (CtEntityPage *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *facts = ct_wiki_get_facts (self->wiki, self->id, &error);

  if (facts == NULL)
    _ct_entity_page_show_error (self, error->message);
  return facts;
}

static void
write_facts (CtEntityPage *self,
             GPtrArray    *facts)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!_ct_entity_page_edit_begin (self))
    return;
  for (guint i = 0; i < facts->len; i++)
    ((CtFact *) g_ptr_array_index (facts, i))->position = i;
  ok = ct_wiki_set_facts (self->wiki, self->id, facts, &error);
  _ct_entity_page_edit_end (self, ok, g_steal_pointer (&error));
}

/* The value typed for @key: a link when the key's type is an entity (or
 * when the old value was one and the new text names an entity), else text. */
static gboolean
set_value (CtEntityPage  *self,
           CtFact        *fact,
           const char    *typed,
           GError       **error)
{
  const CtFactKey *known = ct_fact_key_find (self->entity->kind, fact->key);
  g_autofree char *value = g_strstrip (g_strdup (typed));
  gint64 id = 0;

  if (known != NULL && known->type == CT_FACT_TYPE_ENTITY)
    {
      id = _ct_entity_page_resolve (self, value, known->target, error);
      if (id == 0)
        return FALSE;
    }
  else if (fact->value_id != 0)
    id = _ct_entity_page_resolve (self, value, -1, NULL);

  g_clear_pointer (&fact->text, g_free);
  g_clear_pointer (&fact->value_title, g_free);
  fact->value_id = id;
  if (id == 0)
    fact->text = g_steal_pointer (&value);
  return TRUE;
}

typedef enum {
  CHANGE_VALUE,
  CHANGE_STATUS,
  CHANGE_SOURCE,
  CHANGE_SPOILER,
  CHANGE_REMOVE,
} Change;

static void
change_fact (CtEntityPage *self,
             GtkWidget    *editor,
             Change        change)
{
  gint64 fact_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (editor), "fact-id"));
  g_autoptr(GPtrArray) facts = read_facts (self);
  g_autoptr(GError) error = NULL;
  CtFact *fact = NULL;
  guint index;

  if (facts == NULL || self->loading)
    return;
  for (index = 0; index < facts->len; index++)
    if ((fact = g_ptr_array_index (facts, index))->id == fact_id)
      break;

  /* A new fact: its key was chosen, its first value is being applied. */
  if (fact_id == 0 && self->draft_key != NULL && change == CHANGE_VALUE)
    {
      fact = g_new0 (CtFact, 1);
      fact->entity_id = self->id;
      fact->key = g_strdup (self->draft_key);
      g_ptr_array_add (facts, fact);
    }
  else if (index == facts->len)
    return;

  switch (change)
    {
    case CHANGE_VALUE:
      if (!set_value (self, fact, gtk_editable_get_text (GTK_EDITABLE (editor)), &error))
        {
          _ct_entity_page_show_error (self, error->message);
          return;
        }
      g_clear_pointer (&self->draft_key, g_free);
      break;
    case CHANGE_STATUS:
      fact->status = adw_combo_row_get_selected (ADW_COMBO_ROW (editor));
      break;
    case CHANGE_SOURCE:
      g_free (fact->source);
      fact->source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor))));
      if (*fact->source == '\0')
        g_clear_pointer (&fact->source, g_free);
      break;
    case CHANGE_SPOILER:
      fact->spoiler = gtk_switch_get_active (GTK_SWITCH (editor));
      break;
    case CHANGE_REMOVE:
    default:
      g_ptr_array_remove_index (facts, index);
      break;
    }
  write_facts (self, facts);
}

static void
on_value_apply_cb (AdwEntryRow  *row,
                   CtEntityPage *self)
{
  change_fact (self, GTK_WIDGET (row), CHANGE_VALUE);
}

static void
on_status_selected_cb (AdwComboRow  *row,
                       GParamSpec   *pspec,
                       CtEntityPage *self)
{
  change_fact (self, GTK_WIDGET (row), CHANGE_STATUS);
}

static void
on_source_apply_cb (AdwEntryRow  *row,
                    CtEntityPage *self)
{
  change_fact (self, GTK_WIDGET (row), CHANGE_SOURCE);
}

static void
on_spoiler_cb (GtkSwitch    *toggle,
               GParamSpec   *pspec,
               CtEntityPage *self)
{
  change_fact (self, GTK_WIDGET (toggle), CHANGE_SPOILER);
}

static void
on_remove_clicked_cb (GtkButton    *button,
                      CtEntityPage *self)
{
  change_fact (self, GTK_WIDGET (button), CHANGE_REMOVE);
}

static void
on_insert_clicked_cb (GtkButton    *button,
                      CtEntityPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "key");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ct_reference_format_template ("fact", self->entity->title, key, &error);

  if (text == NULL)
    _ct_entity_page_show_error (self, error->message);
  else
    g_signal_emit_by_name (self, "insert-text", text);
}

static GtkWidget *
tag (GtkWidget  *widget,
     gint64      fact_id)
{
  g_object_set_data (G_OBJECT (widget), "fact-id", GSIZE_TO_POINTER ((gsize) fact_id));
  return widget;
}

static GtkWidget *
fact_row_new (CtEntityPage *self,
              const CtFact *fact)
{
  g_autofree char *label = ct_fact_key_label (self->entity->kind, fact->key);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *value = tag (adw_entry_row_new (), fact->id);
  GtkWidget *status = tag (adw_combo_row_new (), fact->id);
  GtkWidget *source = tag (adw_entry_row_new (), fact->id);
  GtkWidget *spoiler_row = adw_action_row_new ();
  GtkWidget *spoiler = tag (gtk_switch_new (), fact->id);
  GtkWidget *actions = adw_action_row_new ();
  GtkWidget *remove = tag (gtk_button_new_with_mnemonic (_("_Remove Fact")), fact->id);
  GtkWidget *insert = gtk_button_new_from_icon_name ("insert-text-symbolic");
  /* As readers see it ("June 2025 (rumored)"); the Value row below
   * holds what is stored, to edit. */
  g_autofree char *subtitle = ct_fact_display (self->entity->kind, fact);
  g_autofree char *insert_label = g_strdup_printf (_("Insert %s into the Post"), label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) fact->id));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  gtk_widget_set_valign (insert, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (insert, "flat");
  gtk_widget_set_tooltip_text (insert, insert_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (insert), GTK_ACCESSIBLE_PROPERTY_LABEL, insert_label, -1);
  g_object_set_data_full (G_OBJECT (insert), "key", g_strdup (fact->key), g_free);
  g_signal_connect (insert, "clicked", G_CALLBACK (on_insert_clicked_cb), self);
  if (fact->id != 0)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), insert);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (value), _("Value"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (value), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (value), fact->value_id != 0 ? fact->value_title
                                                                    : (fact->text ? fact->text : ""));
  g_signal_connect (value, "apply", G_CALLBACK (on_value_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (status), self->status_model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), fact->status);
  g_signal_connect (status, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (source), _("Source"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (source), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (source), fact->source ? fact->source : "");
  g_signal_connect (source, "apply", G_CALLBACK (on_source_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), source);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (spoiler_row), _("Spoiler"));
  gtk_widget_set_valign (spoiler, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (spoiler), fact->spoiler);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spoiler), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Spoiler"), -1);
  g_signal_connect (spoiler, "notify::active", G_CALLBACK (on_spoiler_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (spoiler_row), spoiler);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (spoiler_row), spoiler);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), spoiler_row);

  if (fact->id != 0)
    {
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "destructive-action");
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (actions), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actions);
    }
  else
    {
      /* A fact being added has only a key: no status or source yet. */
      gtk_widget_set_visible (status, FALSE);
      gtk_widget_set_visible (source, FALSE);
      gtk_widget_set_visible (spoiler_row, FALSE);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Type the value and press Enter"));
    }
  return row;
}

void
_ct_entity_page_facts_load (CtEntityPage *self)
{
  g_autoptr(GPtrArray) facts = read_facts (self);

  _ct_entity_page_clear_rows (self, self->fact_rows);
  for (guint i = 0; facts != NULL && i < facts->len; i++)
    _ct_entity_page_add_row (self, self->facts_group, self->fact_rows,
                             fact_row_new (self, g_ptr_array_index (facts, i)));
  if (self->draft_key != NULL)
    {
      CtFact draft = { .key = self->draft_key };

      _ct_entity_page_add_row (self, self->facts_group, self->fact_rows, fact_row_new (self, &draft));
    }
  adw_preferences_group_set_description (self->facts_group,
                                         (facts == NULL || facts->len == 0) && self->draft_key == NULL
                                         ? _("No facts yet: add one with the + button.") : NULL);
}

/* Adding: the + menu lists the known keys of the kind by label, and a
 * field for a key of the user's own. */

static void
begin_fact (CtEntityPage *self,
            const char   *key)
{
  g_autofree char *folded = g_strstrip (g_strdup (key));

  if (*folded == '\0')
    return;
  g_free (self->draft_key);
  self->draft_key = g_steal_pointer (&folded);
  gtk_menu_button_popdown (self->add_fact_button);
  _ct_entity_page_facts_load (self);
}

static void
on_key_row_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         CtEntityPage  *self)
{
  begin_fact (self, g_object_get_data (G_OBJECT (row), "key"));
}

static void
on_custom_key_activate_cb (GtkEntry     *entry,
                           CtEntityPage *self)
{
  begin_fact (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_add_fact_popover_show_cb (GtkPopover   *popover,
                             CtEntityPage *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (popover), "list");
  const char * const *keys;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (self->entity == NULL)
    return;
  keys = ct_wiki_known_keys (self->entity->kind);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *text = ct_fact_key_label (self->entity->kind, keys[i]);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "key", g_strdup (keys[i]), g_free);
      gtk_list_box_append (list, row);
    }
}

void
_ct_entity_page_facts_init (CtEntityPage *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *custom = gtk_entry_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Known Facts"), -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_key_row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  /* Translators: placeholder for a fact key the wiki does not know */
  gtk_entry_set_placeholder_text (GTK_ENTRY (custom), _("Another fact, e.g. fighting_style"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (custom), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Another Fact"), -1);
  g_signal_connect (custom, "activate", G_CALLBACK (on_custom_key_activate_cb), self);

  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), custom);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data (G_OBJECT (popover), "list", list);
  g_signal_connect (popover, "show", G_CALLBACK (on_add_fact_popover_show_cb), self);
  gtk_menu_button_set_popover (self->add_fact_button, popover);
}
