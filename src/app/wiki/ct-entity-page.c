#define G_LOG_DOMAIN "ct-entity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-entity-page-private.h"
#include "ct-scanner.h"
#include "ct-wiki-item.h"

/* Undo steps kept per page. */
#define MAX_UNDO 100

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

enum {
  SIGNAL_OPEN_ENTITY,
  SIGNAL_OPEN_POST,
  SIGNAL_INSERT_TEXT,
  SIGNAL_DELETE_REQUESTED,
  SIGNAL_RENAMED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CtEntityPage, ct_entity_page, GTK_TYPE_WIDGET)

static void load (CtEntityPage *self);
static void schedule_load (CtEntityPage *self);

/* Edits and Undo ---------------------------------------------------------- */

void
_ct_entity_page_show_error (CtEntityPage *self,
                            const char   *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* An undo step: snapshots of every entity a change touches. */
static GPtrArray *
take_snapshots (CtEntityPage  *self,
                const gint64  *ids,
                guint          n_ids,
                GError       **error)
{
  g_autoptr(GPtrArray) step = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_wiki_snapshot_free);

  for (guint i = 0; i < n_ids; i++)
    {
      CtWikiSnapshot *snapshot = ct_wiki_snapshot_entity (self->wiki, ids[i], error);

      if (snapshot == NULL)
        return NULL;
      g_ptr_array_add (step, snapshot);
    }
  return g_steal_pointer (&step);
}

gboolean
_ct_entity_page_edit_begin_with (CtEntityPage *self,
                                 const gint64 *others,
                                 guint         n_others)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  g_array_append_val (ids, self->id);
  g_array_append_vals (ids, others, n_others);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending = take_snapshots (self, (gint64 *) ids->data, ids->len, &error);
  if (self->pending == NULL)
    {
      _ct_entity_page_show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
_ct_entity_page_edit_begin (CtEntityPage *self)
{
  return _ct_entity_page_edit_begin_with (self, NULL, 0);
}

static void
update_undo_actions (CtEntityPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entity.undo", self->undo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entity.redo", self->redo->len > 0);
}

void
_ct_entity_page_edit_end (CtEntityPage *self,
                          gboolean      ok,
                          GError       *error)
{
  if (ok)
    {
      g_ptr_array_add (self->undo, g_steal_pointer (&self->pending));
      if (self->undo->len > MAX_UNDO)
        g_ptr_array_remove_index (self->undo, 0);
      g_ptr_array_set_size (self->redo, 0);
      _ct_entity_page_show_error (self, NULL);
    }
  else
    {
      g_clear_pointer (&self->pending, g_ptr_array_unref);
      _ct_entity_page_show_error (self, error ? error->message : _("The change could not be made."));
    }
  g_clear_error (&error);
  update_undo_actions (self);
  schedule_load (self);
}

/* Undo takes the entities of a step back to their snapshots; what they
 * were just before goes on the other stack, so Redo is the same operation
 * the other way. */
static void
step (CtEntityPage *self,
      GPtrArray    *from,
      GPtrArray    *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *then;

  if (from->len == 0)
    return;
  then = g_ptr_array_index (from, from->len - 1);
  for (guint i = 0; i < then->len; i++)
    {
      gint64 id = ct_wiki_snapshot_get_id (g_ptr_array_index (then, i));

      g_array_append_val (ids, id);
    }
  now = take_snapshots (self, (gint64 *) ids->data, ids->len, &error);
  for (guint i = 0; now != NULL && i < then->len; i++)
    if (!ct_wiki_restore_snapshot (self->wiki, g_ptr_array_index (then, i), &error))
      break;
  if (error != NULL)
    {
      _ct_entity_page_show_error (self, error->message);
      schedule_load (self);
      return;
    }
  g_ptr_array_remove_index (from, from->len - 1);
  g_ptr_array_add (to, g_steal_pointer (&now));
  _ct_entity_page_show_error (self, NULL);
  update_undo_actions (self);
  schedule_load (self);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtEntityPage *self = CT_ENTITY_PAGE (widget);

  step (self, self->undo, self->redo);
}

static void
redo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtEntityPage *self = CT_ENTITY_PAGE (widget);

  step (self, self->redo, self->undo);
}

gint64
_ct_entity_page_resolve (CtEntityPage  *self,
                         const char    *name,
                         int            kind,
                         GError       **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  const CtLookup *match = NULL;

  if (*stripped == '\0')
    {
      g_set_error_literal (error, CT_ERROR, CT_ERROR_INVALID, _("Type the name of an entity of the wiki."));
      return 0;
    }
  found = ct_wiki_lookup (self->wiki, stripped, error);
  if (found == NULL)
    return 0;
  for (guint i = 0; i < found->len; i++)
    {
      const CtLookup *lookup = g_ptr_array_index (found, i);

      if (kind >= 0 && lookup->kind != (CtEntityKind) kind)
        continue;
      if (match != NULL)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                       _("“%s” names more than one entity: type the full title."), stripped);
          return 0;
        }
      match = lookup;
    }
  if (match == NULL)
    {
      if (kind >= 0)
        g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("The wiki has no %s named “%s”."),
                     ct_entity_kind_label (kind), stripped);
      else
        g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("The wiki has nothing named “%s”."), stripped);
      return 0;
    }
  return match->entity_id;
}

/* Rows are rebuilt after every edit; a row the user had opened (a fact,
 * a credit) is opened again, by its "id" within its list. */
static char *
row_key (GPtrArray *rows,
         GtkWidget *row)
{
  return g_strdup_printf ("%p/%" G_GSIZE_FORMAT, (gpointer) rows,
                          GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id")));
}

void
_ct_entity_page_clear_rows (CtEntityPage *self,
                            GPtrArray    *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      g_autofree char *key = row_key (rows, row);

      if (ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (self->expanded, g_steal_pointer (&key));
      else
        g_hash_table_remove (self->expanded, key);
      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (rows, 0);
}

void
_ct_entity_page_add_row (CtEntityPage        *self,
                         AdwPreferencesGroup *group,
                         GPtrArray           *rows,
                         GtkWidget           *row)
{
  g_autofree char *key = row_key (rows, row);

  if (ADW_IS_EXPANDER_ROW (row) && g_hash_table_contains (self->expanded, key))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

/* The form ------------------------------------------------------------------ */

static void
load (CtEntityPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (self->wiki, self->id, &error);
  g_autofree char *aliases = NULL;
  gboolean title_changed;

  if (entity == NULL)
    {
      _ct_entity_page_show_error (self, error->message);
      gtk_widget_set_sensitive (self->scroller, FALSE);
      return;
    }

  title_changed = self->entity == NULL || g_strcmp0 (self->entity->title, entity->title) != 0;
  g_clear_pointer (&self->entity, ct_entity_free);
  self->entity = g_steal_pointer (&entity);
  self->loading = TRUE;

  gtk_image_set_from_icon_name (self->kind_icon, ct_wiki_kind_icon_name (self->entity->kind));
  gtk_label_set_text (self->heading_label, self->entity->title);
  gtk_label_set_text (self->kind_label, ct_entity_kind_label (self->entity->kind));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->entity->title);
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), self->entity->summary ? self->entity->summary : "");
  aliases = g_strjoinv (", ", self->entity->aliases);
  gtk_editable_set_text (GTK_EDITABLE (self->aliases_row), aliases);
  gtk_switch_set_active (self->spoiler_switch, self->entity->spoiler);

  _ct_entity_page_notes_load (self);
  _ct_entity_page_facts_load (self);
  _ct_entity_page_credits_load (self);
  _ct_entity_page_mentions_load (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entity.insert-scenes", self->entity->kind == CT_ENTITY_FILM);
  self->loading = FALSE;
  if (title_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static gboolean
load_cb (gpointer user_data)
{
  CtEntityPage *self = user_data;

  self->load_source = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

/* The form is rebuilt once the change's own signal has run: the row a
 * user just edited is among those replaced, and a widget must not be
 * destroyed inside its own signal handler. */
static void
schedule_load (CtEntityPage *self)
{
  if (self->load_source == 0)
    self->load_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, load_cb, self, NULL);
}

gboolean
_ct_entity_page_update_entity (CtEntityPage *self,
                               CtEntity     *changed)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!_ct_entity_page_edit_begin (self))
    return FALSE;
  ok = ct_wiki_update_entity (self->wiki, changed, &error);
  _ct_entity_page_edit_end (self, ok, g_steal_pointer (&error));
  return ok;
}

static void
on_title_apply_cb (CtEntityPage *self,
                   AdwEntryRow  *row)
{
  g_autoptr(CtEntity) changed = ct_entity_copy (self->entity);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *old_title = NULL;
  g_autoptr(GStrvBuilder) aliases = g_strv_builder_new ();

  if (g_strcmp0 (title, self->entity->title) == 0)
    return;

  /* Links in posts written as [[Old Title]] keep resolving: the old
   * title stays as an alias (removable in the Aliases row). */
  g_strv_builder_addv (aliases, (const char **) self->entity->aliases);
  if (!g_strv_contains ((const char * const *) self->entity->aliases, self->entity->title))
    g_strv_builder_add (aliases, self->entity->title);
  g_free (changed->title);
  changed->title = g_steal_pointer (&title);
  g_strfreev (changed->aliases);
  changed->aliases = g_strv_builder_end (aliases);
  old_title = g_strdup (self->entity->title);
  if (_ct_entity_page_update_entity (self, changed))
    g_signal_emit (self, signals[SIGNAL_RENAMED], 0, old_title, changed->title);
}

static void
on_summary_apply_cb (CtEntityPage *self,
                     AdwEntryRow  *row)
{
  g_autoptr(CtEntity) changed = ct_entity_copy (self->entity);
  g_autofree char *summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_free (changed->summary);
  changed->summary = *summary ? g_steal_pointer (&summary) : NULL;
  _ct_entity_page_update_entity (self, changed);
}

static void
on_aliases_apply_cb (CtEntityPage *self,
                     AdwEntryRow  *row)
{
  g_autoptr(CtEntity) changed = ct_entity_copy (self->entity);
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), ",", -1);
  g_autoptr(GStrvBuilder) aliases = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (aliases, parts[i]);
    }
  g_strfreev (changed->aliases);
  changed->aliases = g_strv_builder_end (aliases);
  _ct_entity_page_update_entity (self, changed);
}

static void
on_spoiler_toggled_cb (CtEntityPage *self,
                       GParamSpec   *pspec,
                       GtkSwitch    *toggle)
{
  g_autoptr(CtEntity) changed = NULL;

  if (self->loading || gtk_switch_get_active (toggle) == self->entity->spoiler)
    return;
  changed = ct_entity_copy (self->entity);
  changed->spoiler = gtk_switch_get_active (toggle);
  _ct_entity_page_update_entity (self, changed);
}

/* Actions --------------------------------------------------------------------- */

static void
insert_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CtEntityPage *self = CT_ENTITY_PAGE (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_str_equal (what, "link"))
    text = ct_reference_format_link (self->entity->title, &error);
  else
    text = ct_reference_format_template (what, self->entity->title, NULL, &error);
  if (text == NULL)
    _ct_entity_page_show_error (self, error->message);
  else
    g_signal_emit (self, signals[SIGNAL_INSERT_TEXT], 0, text);
}

static void
insert_scenes_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CtEntityPage *self = CT_ENTITY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ct_reference_format_template ("scenes", self->entity->title, NULL, &error);

  if (text == NULL)
    _ct_entity_page_show_error (self, error->message);
  else
    g_signal_emit (self, signals[SIGNAL_INSERT_TEXT], 0, text);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_DELETE_REQUESTED], 0);
}

/* The window owns the graph tab: the page only says which entity. */
static void
show_in_graph_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.open-graph", "x", CT_ENTITY_PAGE (widget)->id);
}

static void
on_wiki_changed_cb (CtEntityPage *self,
                    gint64        entity_id,
                    CtWiki       *wiki)
{
  /* Edits of this page reload it themselves; others (another tab, an
   * import, Undo of a deletion) may touch its facts, credits or links. */
  if (!self->loading && self->pending == NULL)
    schedule_load (self);
}

/* GObject ------------------------------------------------------------------ */

static void
ct_entity_page_dispose (GObject *object)
{
  CtEntityPage *self = CT_ENTITY_PAGE (object);

  /* Typing in the notes is never lost to a closed tab. */
  _ct_entity_page_notes_flush (self);
  g_clear_handle_id (&self->load_source, g_source_remove);
  if (self->wiki != NULL)
    g_signal_handlers_disconnect_by_data (self->wiki, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_ENTITY_PAGE);
  g_clear_object (&self->wiki);

  G_OBJECT_CLASS (ct_entity_page_parent_class)->dispose (object);
}

static void
ct_entity_page_finalize (GObject *object)
{
  CtEntityPage *self = CT_ENTITY_PAGE (object);

  g_clear_pointer (&self->entity, ct_entity_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_object (&self->role_model);
  g_clear_object (&self->status_model);
  g_ptr_array_unref (self->fact_rows);
  g_clear_object (&self->cast_store);
  g_clear_object (&self->crew_store);
  g_clear_object (&self->scene_store);
  g_ptr_array_unref (self->mention_rows);
  g_hash_table_unref (self->expanded);
  g_free (self->error);
  g_free (self->draft_key);

  G_OBJECT_CLASS (ct_entity_page_parent_class)->finalize (object);
}

static void
ct_entity_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CtEntityPage *self = CT_ENTITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ct_entity_page_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_entity_page_class_init (CtEntityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_entity_page_dispose;
  object_class->finalize = ct_entity_page_finalize;
  object_class->get_property = ct_entity_page_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Open another entity (a mention in its notes, a scene, a cast member). */
  signals[SIGNAL_OPEN_ENTITY] =
    g_signal_new ("open-entity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Open a post (path relative to the wiki folder) at a 1-based line. */
  signals[SIGNAL_OPEN_POST] =
    g_signal_new ("open-post", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
  /* Reference text to insert into the post being written. */
  signals[SIGNAL_INSERT_TEXT] =
    g_signal_new ("insert-text", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The user asked to delete the entity: the window confirms, deletes,
   * closes the tab and offers Undo. */
  signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The title changed from the first to the second: posts that link by
   * the old one may be rewritten. */
  signals[SIGNAL_RENAMED] =
    g_signal_new ("renamed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "entity.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "entity.redo", NULL, redo_action_cb);
  gtk_widget_class_install_action (widget_class, "entity.insert", "s", insert_action_cb);
  gtk_widget_class_install_action (widget_class, "entity.insert-scenes", NULL, insert_scenes_action_cb);
  gtk_widget_class_install_action (widget_class, "entity.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "entity.show-in-graph", NULL, show_in_graph_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "entity.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "entity.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "entity.redo", NULL);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-entity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, summary_row);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, spoiler_switch);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, facts_group);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, add_fact_button);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, cast_group);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, cast_list);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, crew_group);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, crew_list);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, add_credit_group);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, credit_person_row);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, credit_character_row);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, credit_role_row);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, credit_status_row);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, credit_source_row);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, add_credit_button);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, scenes_group);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, scenes_list);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, add_scene_button);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, notes_box);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, notes_preview_button);
  gtk_widget_class_bind_template_child (widget_class, CtEntityPage, mentions_group);
  gtk_widget_class_bind_template_callback (widget_class, on_title_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_aliases_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spoiler_toggled_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_notes_preview_toggled_cb",
                                                G_CALLBACK (_ct_entity_page_notes_preview_toggled));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_credit_clicked_cb",
                                                G_CALLBACK (_ct_entity_page_add_credit));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_scene_clicked_cb",
                                                G_CALLBACK (_ct_entity_page_add_scene));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ct-entity-page");
}

static void
ct_entity_page_init (CtEntityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->fact_rows = g_ptr_array_new ();
  self->mention_rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  _ct_entity_page_notes_init (self);

  _ct_entity_page_facts_init (self);
  _ct_entity_page_credits_init (self);
  update_undo_actions (self);
}

CtEntityPage *
ct_entity_page_new (CtWiki *wiki,
                    gint64  entity_id)
{
  CtEntityPage *self;

  g_return_val_if_fail (CT_IS_WIKI (wiki), NULL);

  self = g_object_new (CT_TYPE_ENTITY_PAGE, NULL);
  self->wiki = g_object_ref (wiki);
  self->id = entity_id;
  load (self);
  g_signal_connect_object (wiki, "changed", G_CALLBACK (on_wiki_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

CtWiki *
ct_entity_page_get_wiki (CtEntityPage *self)
{
  g_return_val_if_fail (CT_IS_ENTITY_PAGE (self), NULL);
  return self->wiki;
}

gint64
ct_entity_page_get_id (CtEntityPage *self)
{
  g_return_val_if_fail (CT_IS_ENTITY_PAGE (self), 0);
  return self->id;
}

const char *
ct_entity_page_get_title (CtEntityPage *self)
{
  g_return_val_if_fail (CT_IS_ENTITY_PAGE (self), NULL);
  return self->entity ? self->entity->title : "";
}

const char *
ct_entity_page_get_error (CtEntityPage *self)
{
  g_return_val_if_fail (CT_IS_ENTITY_PAGE (self), NULL);
  return self->error;
}
