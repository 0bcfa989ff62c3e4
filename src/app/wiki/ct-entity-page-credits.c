#define G_LOG_DOMAIN "ct-entity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-entity-page-private.h"
#include "ct-fact-format.h"

/* A film's credits, as Cast and Crew, and its scenes in order: rows that
 * open the person or scene, move up and down, and (credits) go away; a
 * form below adds a credit. Each change is one core call. */

static GtkWidget *
icon_button (const char *icon_name,
             const char *label,
             gint64      id,
             GCallback   callback,
             gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (button, "clicked", callback, user_data);
  return button;
}

static gint64
id_of (gpointer object)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (object), "id"));
}

/* The ids of @group's rows in their order, with @id moved by @delta. */
static GArray *
order_with_move (GPtrArray           *rows,
                 AdwPreferencesGroup *group,
                 gint64               id,
                 int                  delta)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint at = G_MAXUINT;

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      gint64 row_id = id_of (row);

      if (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP) != GTK_WIDGET (group))
        continue;
      if (row_id == id)
        at = ids->len;
      g_array_append_val (ids, row_id);
    }
  if (at != G_MAXUINT && (int) at + delta >= 0 && at + delta < ids->len)
    {
      gint64 moved = g_array_index (ids, gint64, at);

      g_array_index (ids, gint64, at) = g_array_index (ids, gint64, at + delta);
      g_array_index (ids, gint64, at + delta) = moved;
    }
  return ids;
}

static void
move (CtEntityPage        *self,
      AdwPreferencesGroup *group,
      gint64               id,
      int                  delta)
{
  g_autoptr(GArray) ids = order_with_move (self->credit_rows, group, id, delta);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (group != self->scenes_group)
    {
      /* Cast and crew share one billing order: cast first. */
      g_autoptr(GArray) other = order_with_move (self->credit_rows,
                                                 group == self->cast_group ? self->crew_group : self->cast_group,
                                                 0, 0);

      if (group == self->cast_group)
        g_array_append_vals (ids, other->data, other->len);
      else
        g_array_prepend_vals (ids, other->data, other->len);
    }

  /* Scenes keep their order as their own facts: they are part of Undo. */
  if (!(group == self->scenes_group ? _ct_entity_page_edit_begin_with (self, (gint64 *) ids->data, ids->len)
                                    : _ct_entity_page_edit_begin (self)))
    return;
  if (group == self->scenes_group)
    ok = ct_wiki_reorder_scenes (self->wiki, self->id, (gint64 *) ids->data, ids->len, &error);
  else
    ok = ct_wiki_reorder_credits (self->wiki, self->id, (gint64 *) ids->data, ids->len, &error);
  _ct_entity_page_edit_end (self, ok, g_steal_pointer (&error));
}

static void
on_up_clicked_cb (GtkButton    *button,
                  CtEntityPage *self)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_PREFERENCES_GROUP);

  move (self, ADW_PREFERENCES_GROUP (group), id_of (button), -1);
}

static void
on_down_clicked_cb (GtkButton    *button,
                    CtEntityPage *self)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_PREFERENCES_GROUP);

  move (self, ADW_PREFERENCES_GROUP (group), id_of (button), +1);
}

static void
on_remove_credit_clicked_cb (GtkButton    *button,
                             CtEntityPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!_ct_entity_page_edit_begin (self))
    return;
  ok = ct_wiki_remove_credit (self->wiki, id_of (button), &error);
  _ct_entity_page_edit_end (self, ok, g_steal_pointer (&error));
}

static void
on_row_activated_cb (AdwActionRow *row,
                     CtEntityPage *self)
{
  gint64 target = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "open"));

  if (target > 0)
    g_signal_emit_by_name (self, "open-entity", target);
}

/* A scene: open it, move it. */
static GtkWidget *
scene_row_new (CtEntityPage   *self,
               const CtEntity *scene)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *up = g_strdup_printf (_("Move %s Up"), scene->title);
  g_autofree char *down = g_strdup_printf (_("Move %s Down"), scene->title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scene->title);
  if (scene->summary != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), scene->summary);
  g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) scene->id));
  g_object_set_data (G_OBJECT (row), "open", GSIZE_TO_POINTER ((gsize) scene->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("go-up-symbolic", up, scene->id, G_CALLBACK (on_up_clicked_cb), self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("go-down-symbolic", down, scene->id, G_CALLBACK (on_down_clicked_cb), self));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
  return row;
}

/* Editing a credit in place --------------------------------------------- */

typedef enum {
  CREDIT_CHARACTER,
  CREDIT_ROLE,
  CREDIT_STATUS,
  CREDIT_SOURCE,
} CreditChange;

static void
change_credit (CtEntityPage *self,
               GtkWidget    *editor,
               CreditChange  change)
{
  gint64 credit_id = id_of (editor);
  g_autoptr(GPtrArray) credits = NULL;
  g_autoptr(GError) error = NULL;
  CtCredit *credit = NULL;
  gboolean ok;

  if (self->loading)
    return;
  credits = ct_wiki_get_cast (self->wiki, self->id, &error);
  for (guint i = 0; credits != NULL && i < credits->len; i++)
    if (((CtCredit *) g_ptr_array_index (credits, i))->id == credit_id)
      credit = g_ptr_array_index (credits, i);
  if (credit == NULL)
    {
      _ct_entity_page_show_error (self, error ? error->message : _("That credit is gone from the wiki."));
      return;
    }

  switch (change)
    {
    case CREDIT_CHARACTER:
      {
        const char *name = gtk_editable_get_text (GTK_EDITABLE (editor));

        credit->character_id = 0;
        if (*name != '\0'
            && (credit->character_id = _ct_entity_page_resolve (self, name, CT_ENTITY_CHARACTER, &error)) == 0)
          {
            _ct_entity_page_show_error (self, error->message);
            return;
          }
      }
      break;
    case CREDIT_ROLE:
      g_free (credit->role);
      credit->role = g_strdup (ct_credit_roles ()[adw_combo_row_get_selected (ADW_COMBO_ROW (editor))]);
      break;
    case CREDIT_STATUS:
      credit->status = adw_combo_row_get_selected (ADW_COMBO_ROW (editor));
      break;
    case CREDIT_SOURCE:
    default:
      g_free (credit->source);
      credit->source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor))));
      if (*credit->source == '\0')
        g_clear_pointer (&credit->source, g_free);
      break;
    }

  if (!_ct_entity_page_edit_begin (self))
    return;
  ok = ct_wiki_update_credit (self->wiki, credit, &error);
  _ct_entity_page_edit_end (self, ok, g_steal_pointer (&error));
}

static void
on_character_apply_cb (AdwEntryRow  *row,
                       CtEntityPage *self)
{
  change_credit (self, GTK_WIDGET (row), CREDIT_CHARACTER);
}

static void
on_role_selected_cb (AdwComboRow  *row,
                     GParamSpec   *pspec,
                     CtEntityPage *self)
{
  change_credit (self, GTK_WIDGET (row), CREDIT_ROLE);
}

static void
on_status_selected_cb (AdwComboRow  *row,
                       GParamSpec   *pspec,
                       CtEntityPage *self)
{
  change_credit (self, GTK_WIDGET (row), CREDIT_STATUS);
}

static void
on_source_apply_cb (AdwEntryRow  *row,
                    CtEntityPage *self)
{
  change_credit (self, GTK_WIDGET (row), CREDIT_SOURCE);
}

static void
on_open_person_clicked_cb (GtkButton    *button,
                           CtEntityPage *self)
{
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "open"));

  g_signal_emit_by_name (self, "open-entity", person);
}

static char *
describe_credit (const CtCredit *credit)
{
  GString *text = g_string_new (NULL);

  if (credit->character_title != NULL)
    /* Translators: a cast credit's character, e.g. "as Rooney" */
    g_string_append_printf (text, _("as %s"), credit->character_title);
  /* "Cast" says nothing in the Cast list; every other role does. */
  if (g_strcmp0 (credit->role, "cast") != 0)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", ct_credit_role_label (credit->role));
  if (ct_fact_status_note (credit->status) != NULL)
    g_string_append_printf (text, "%s%s", text->len ? " " : "", ct_fact_status_note (credit->status));
  if (credit->source != NULL)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", credit->source);
  return g_string_free (text, FALSE);
}

/* The fields of a credit, inside its row: made when the row is first
 * opened. A film with a thousand credits made 40,000 widgets on the main
 * thread, entry and combo rows with their popovers among them, seconds
 * before the page showed and again after every edit. */
static void
add_credit_fields (CtEntityPage   *self,
                   GtkWidget      *row,
                   const CtCredit *credit)
{
  const char * const *roles = ct_credit_roles ();
  GtkWidget *character = adw_entry_row_new ();
  GtkWidget *role = adw_combo_row_new ();
  GtkWidget *status = adw_combo_row_new ();
  GtkWidget *source = adw_entry_row_new ();
  guint role_index = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (character), _("Character (Cast Only)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (character), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (character), credit->character_title ? credit->character_title : "");
  g_object_set_data (G_OBJECT (character), "id", GSIZE_TO_POINTER ((gsize) credit->id));
  g_signal_connect (character, "apply", G_CALLBACK (on_character_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), character);

  /* A role of the user's own is kept unless another is picked. */
  while (roles[role_index] != NULL && g_ascii_strcasecmp (roles[role_index], credit->role) != 0)
    role_index++;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role), self->role_model);
  if (roles[role_index] != NULL)
    adw_combo_row_set_selected (ADW_COMBO_ROW (role), role_index);
  else
    adw_combo_row_set_selected (ADW_COMBO_ROW (role), GTK_INVALID_LIST_POSITION);
  g_object_set_data (G_OBJECT (role), "id", GSIZE_TO_POINTER ((gsize) credit->id));
  g_signal_connect (role, "notify::selected", G_CALLBACK (on_role_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), role);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (status), self->status_model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), credit->status);
  g_object_set_data (G_OBJECT (status), "id", GSIZE_TO_POINTER ((gsize) credit->id));
  g_signal_connect (status, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (source), _("Source"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (source), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (source), credit->source ? credit->source : "");
  g_object_set_data (G_OBJECT (source), "id", GSIZE_TO_POINTER ((gsize) credit->id));
  g_signal_connect (source, "apply", G_CALLBACK (on_source_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), source);
}

static void
on_credit_expanded_cb (GtkWidget    *row,
                       GParamSpec   *pspec,
                       CtEntityPage *self)
{
  g_autoptr(CtCredit) credit = g_object_steal_data (G_OBJECT (row), "credit");

  if (credit == NULL || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    {
      if (credit != NULL)
        g_object_set_data_full (G_OBJECT (row), "credit", g_steal_pointer (&credit), (GDestroyNotify) ct_credit_free);
      return;
    }
  add_credit_fields (self, row, credit);
}

/* A credit: its person, what they did; open it to change the character,
 * role, status or source in place. */
static GtkWidget *
credit_row_new (CtEntityPage   *self,
                const CtCredit *credit)
{
  const char *title = credit->person_title;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *open;
  g_autofree char *subtitle = describe_credit (credit);
  g_autofree char *up = g_strdup_printf (_("Move %s Up"), title);
  g_autofree char *down = g_strdup_printf (_("Move %s Down"), title);
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), title);
  g_autofree char *open_label = g_strdup_printf (_("Open %s"), title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) credit->id));

  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               icon_button ("go-up-symbolic", up, credit->id, G_CALLBACK (on_up_clicked_cb), self));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               icon_button ("go-down-symbolic", down, credit->id, G_CALLBACK (on_down_clicked_cb), self));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               icon_button ("user-trash-symbolic", remove, credit->id,
                                            G_CALLBACK (on_remove_credit_clicked_cb), self));
  open = icon_button ("go-next-symbolic", open_label, credit->id, G_CALLBACK (on_open_person_clicked_cb), self);
  g_object_set_data (G_OBJECT (open), "open", GSIZE_TO_POINTER ((gsize) credit->person_id));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), open);

  /* the fields when it is opened (a row opened before a reload is
   * opened again as it is added, and makes them then) */
  g_object_set_data_full (G_OBJECT (row), "credit", ct_credit_copy (credit), (GDestroyNotify) ct_credit_free);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_credit_expanded_cb), self);
  return row;
}

void
_ct_entity_page_credits_load (CtEntityPage *self)
{
  gboolean film = self->entity->kind == CT_ENTITY_FILM;
  g_autoptr(GPtrArray) credits = NULL;
  g_autoptr(GPtrArray) scenes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_cast = 0, n_crew = 0;

  _ct_entity_page_clear_rows (self, self->credit_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->cast_group), film);
  gtk_widget_set_visible (GTK_WIDGET (self->crew_group), film);
  gtk_widget_set_visible (GTK_WIDGET (self->add_credit_group), film && !ct_wiki_is_read_only (self->wiki));
  gtk_widget_set_visible (GTK_WIDGET (self->scenes_group), film);
  if (!film)
    return;

  credits = ct_wiki_get_cast (self->wiki, self->id, &error);
  for (guint i = 0; credits != NULL && i < credits->len; i++)
    {
      const CtCredit *credit = g_ptr_array_index (credits, i);
      gboolean cast = ct_credit_role_is_cast (credit->role);
      _ct_entity_page_add_row (self, cast ? self->cast_group : self->crew_group, self->credit_rows,
                               credit_row_new (self, credit));
      cast ? n_cast++ : n_crew++;
    }
  adw_preferences_group_set_description (self->cast_group, n_cast == 0 ? _("No one is credited in the cast yet.") : NULL);
  adw_preferences_group_set_description (self->crew_group, n_crew == 0 ? _("No one is credited in the crew yet.") : NULL);

  scenes = ct_wiki_get_scenes (self->wiki, self->id, &error);
  for (guint i = 0; scenes != NULL && i < scenes->len; i++)
    {
      _ct_entity_page_add_row (self, self->scenes_group, self->credit_rows,
                               scene_row_new (self, g_ptr_array_index (scenes, i)));
    }
  adw_preferences_group_set_description (self->scenes_group,
                                         scenes == NULL || scenes->len == 0 ? _("No scenes yet.") : NULL);
  if (error != NULL)
    _ct_entity_page_show_error (self, error->message);
}

void
_ct_entity_page_add_credit (CtEntityPage *self)
{
  const char * const *roles = ct_credit_roles ();
  CtCredit credit = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->credit_source_row))));
  const char *character = gtk_editable_get_text (GTK_EDITABLE (self->credit_character_row));
  g_autoptr(GPtrArray) credits = NULL;
  gboolean ok;

  credit.film_id = self->id;
  credit.role = (char *) roles[adw_combo_row_get_selected (self->credit_role_row)];
  credit.status = adw_combo_row_get_selected (self->credit_status_row);
  credit.source = *source ? source : NULL;
  credit.person_id = _ct_entity_page_resolve (self, gtk_editable_get_text (GTK_EDITABLE (self->credit_person_row)),
                                              CT_ENTITY_PERSON, &error);
  if (credit.person_id != 0 && *character != '\0')
    credit.character_id = _ct_entity_page_resolve (self, character, CT_ENTITY_CHARACTER, &error);
  if (error != NULL)
    {
      _ct_entity_page_show_error (self, error->message);
      return;
    }

  /* Billed after everyone already credited. */
  credits = ct_wiki_get_cast (self->wiki, self->id, NULL);
  credit.billing = credits ? credits->len + 1 : 1;

  if (!_ct_entity_page_edit_begin (self))
    return;
  ok = ct_wiki_add_credit (self->wiki, &credit, &error) != 0;
  _ct_entity_page_edit_end (self, ok, g_steal_pointer (&error));
  if (ok)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->credit_person_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->credit_character_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->credit_source_row), "");
    }
}

void
_ct_entity_page_add_scene (CtEntityPage *self)
{
  g_autoptr(GPtrArray) scenes = ct_wiki_get_scenes (self->wiki, self->id, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_fact_free);
  guint number = scenes ? scenes->len + 1 : 1;
  g_autofree char *title = NULL;
  g_autofree char *order = g_strdup_printf ("%u", number);
  CtFact *fact;
  gint64 scene = 0;

  /* A title no other entity has: "Ballerina, scene 7", or "… 8" if taken. */
  for (guint n = number; scene == 0 && n < number + 100; n++)
    {
      g_clear_pointer (&title, g_free);
      /* Translators: the title of a new scene: the film and a number */
      title = g_strdup_printf (_("%s, scene %u"), self->entity->title, n);
      g_clear_error (&error);
      scene = ct_wiki_create_entity (self->wiki, CT_ENTITY_SCENE, title, &error);
      if (error != NULL && !g_error_matches (error, CT_ERROR, CT_ERROR_EXISTS))
        break;
    }
  if (scene == 0)
    {
      _ct_entity_page_show_error (self, error ? error->message : _("The scene could not be added."));
      return;
    }

  fact = g_new0 (CtFact, 1);
  fact->key = g_strdup ("film");
  fact->value_id = self->id;
  g_ptr_array_add (facts, fact);
  fact = g_new0 (CtFact, 1);
  fact->key = g_strdup ("order");
  fact->text = g_steal_pointer (&order);
  fact->position = 1;
  g_ptr_array_add (facts, fact);
  if (!ct_wiki_set_facts (self->wiki, scene, facts, &error))
    {
      _ct_entity_page_show_error (self, error->message);
      return;
    }
  g_signal_emit_by_name (self, "open-entity", scene);
}

void
_ct_entity_page_credits_init (CtEntityPage *self)
{
  const char * const *roles = ct_credit_roles ();
  GtkStringList *role_labels = gtk_string_list_new (NULL);
  GtkStringList *statuses = gtk_string_list_new (NULL);

  for (guint i = 0; roles[i] != NULL; i++)
    gtk_string_list_append (role_labels, ct_credit_role_label (roles[i]));
  for (CtFactStatus each = CT_FACT_CONFIRMED; each <= CT_FACT_DISPUTED; each++)
    gtk_string_list_append (statuses, ct_fact_status_label (each));
  self->role_model = G_LIST_MODEL (role_labels);
  self->status_model = G_LIST_MODEL (statuses);
  adw_combo_row_set_model (self->credit_role_row, self->role_model);
  adw_combo_row_set_model (self->credit_status_row, self->status_model);
}
