#define G_LOG_DOMAIN "ct-entity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-credit-item.h"
#include "ct-entity-page-private.h"
#include "ct-fact-format.h"

/* A film's credits, as Cast and Crew, and its scenes in order: list
 * models of plain items in the order core gives, shown by lists that
 * recycle their rows (ct-entity-page-credit-rows.c); a form below adds
 * a credit. Each change is one core call, made on the order the models
 * hold. */

static void
append_ids (GListStore *store,
            GArray     *ids)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtCreditItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      gint64 id = ct_credit_item_get_id (item);

      g_array_append_val (ids, id);
    }
}

void
_ct_entity_page_move_row (CtEntityPage *self,
                          GListStore   *store,
                          gint64        id,
                          guint         to)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gboolean scenes = store == self->scene_store;
  guint from = G_MAXUINT, offset = 0;
  gboolean ok;

  /* Cast and crew share one billing order: cast first. */
  if (store == self->crew_store)
    {
      append_ids (self->cast_store, ids);
      offset = ids->len;
    }
  append_ids (store, ids);
  if (store == self->cast_store)
    append_ids (self->crew_store, ids);
  for (guint i = offset; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      from = i;
  to += offset;
  if (from == G_MAXUINT || to >= ids->len || from == to)
    return;
  g_array_remove_index (ids, from);
  g_array_insert_val (ids, to, id);

  /* Scenes keep their order as their own facts: they are part of Undo. */
  if (!(scenes ? _ct_entity_page_edit_begin_with (self, (gint64 *) ids->data, ids->len)
               : _ct_entity_page_edit_begin (self)))
    return;
  if (scenes)
    ok = ct_wiki_reorder_scenes (self->wiki, self->id, (gint64 *) ids->data, ids->len, &error);
  else
    ok = ct_wiki_reorder_credits (self->wiki, self->id, (gint64 *) ids->data, ids->len, &error);
  _ct_entity_page_edit_end (self, ok, g_steal_pointer (&error));
}

void
_ct_entity_page_remove_credit (CtEntityPage *self,
                               gint64        credit_id)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!_ct_entity_page_edit_begin (self))
    return;
  ok = ct_wiki_remove_credit (self->wiki, credit_id, &error);
  _ct_entity_page_edit_end (self, ok, g_steal_pointer (&error));
}

static void
on_scene_activated_cb (GtkGridView  *list,
                       guint         position,
                       CtEntityPage *self)
{
  g_autoptr(CtCreditItem) item = g_list_model_get_item (G_LIST_MODEL (self->scene_store), position);

  if (item != NULL)
    g_signal_emit_by_name (self, "open-entity", ct_credit_item_get_open_id (item));
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

/* Puts @items (of CtCreditItem) in @store, replacing only the run of
 * items that differ: after an edit most of a long list is as it was, and
 * its rows (and the scroll position) stay; one changed credit is one
 * row bound again. */
static void
update_store (GListStore *store,
              GPtrArray  *items)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = items->len;
  guint head = 0, tail = 0;

  while (head < n_old && head < n_new)
    {
      g_autoptr(CtCreditItem) old = g_list_model_get_item (model, head);

      if (!ct_credit_item_equal (old, g_ptr_array_index (items, head)))
        break;
      head++;
    }
  while (tail < n_old - head && tail < n_new - head)
    {
      g_autoptr(CtCreditItem) old = g_list_model_get_item (model, n_old - 1 - tail);

      if (!ct_credit_item_equal (old, g_ptr_array_index (items, n_new - 1 - tail)))
        break;
      tail++;
    }
  if (head == n_old && head == n_new)
    return;
  g_list_store_splice (store, head, n_old - head - tail,
                       items->pdata + head, n_new - head - tail);
}

void
_ct_entity_page_credits_load (CtEntityPage *self)
{
  gboolean film = self->entity->kind == CT_ENTITY_FILM;
  g_autoptr(GPtrArray) credits = NULL;
  g_autoptr(GPtrArray) scenes = NULL;
  g_autoptr(GPtrArray) cast = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) crew = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) scene_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->cast_group), film);
  gtk_widget_set_visible (GTK_WIDGET (self->crew_group), film);
  gtk_widget_set_visible (GTK_WIDGET (self->add_credit_group), film && !ct_wiki_is_read_only (self->wiki));
  gtk_widget_set_visible (GTK_WIDGET (self->scenes_group), film);

  if (film)
    credits = ct_wiki_get_cast (self->wiki, self->id, &error);
  for (guint i = 0; credits != NULL && i < credits->len; i++)
    {
      const CtCredit *credit = g_ptr_array_index (credits, i);
      g_autofree char *subtitle = describe_credit (credit);

      g_ptr_array_add (ct_credit_role_is_cast (credit->role) ? cast : crew,
                       ct_credit_item_new_credit (credit, subtitle));
    }
  update_store (self->cast_store, cast);
  update_store (self->crew_store, crew);
  /* An empty list says so instead of showing an empty frame. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->cast_list)), cast->len > 0);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->crew_list)), crew->len > 0);
  adw_preferences_group_set_description (self->cast_group, cast->len == 0 ? _("No one is credited in the cast yet.") : NULL);
  adw_preferences_group_set_description (self->crew_group, crew->len == 0 ? _("No one is credited in the crew yet.") : NULL);

  if (film && error == NULL)
    scenes = ct_wiki_get_scenes (self->wiki, self->id, &error);
  for (guint i = 0; scenes != NULL && i < scenes->len; i++)
    g_ptr_array_add (scene_items, ct_credit_item_new_scene (g_ptr_array_index (scenes, i)));
  update_store (self->scene_store, scene_items);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->scenes_list)), scene_items->len > 0);
  adw_preferences_group_set_description (self->scenes_group, scene_items->len == 0 ? _("No scenes yet.") : NULL);
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

static void
set_up_list (GtkGridView        *list,
             GListStore         *store,
             GtkListItemFactory *factory)
{
  gtk_grid_view_set_model (list, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (store)))));
  gtk_grid_view_set_factory (list, factory);
  g_object_unref (factory);
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

  self->cast_store = g_list_store_new (CT_TYPE_CREDIT_ITEM);
  self->crew_store = g_list_store_new (CT_TYPE_CREDIT_ITEM);
  self->scene_store = g_list_store_new (CT_TYPE_CREDIT_ITEM);
  set_up_list (self->cast_list, self->cast_store, _ct_entity_page_credit_factory_new (self));
  set_up_list (self->crew_list, self->crew_store, _ct_entity_page_credit_factory_new (self));
  set_up_list (self->scenes_list, self->scene_store, _ct_entity_page_scene_factory_new (self));
  g_signal_connect (self->scenes_list, "activate", G_CALLBACK (on_scene_activated_cb), self);
  _ct_entity_page_add_move_keys (self, GTK_WIDGET (self->cast_list));
  _ct_entity_page_add_move_keys (self, GTK_WIDGET (self->crew_list));
  _ct_entity_page_add_move_keys (self, GTK_WIDGET (self->scenes_list));
}
