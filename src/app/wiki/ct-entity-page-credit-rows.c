#define G_LOG_DOMAIN "ct-entity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-credit-item.h"
#include "ct-entity-page-private.h"

/* The rows of a film's Cast, Crew and Scenes lists. Each list (a grid
 * view of one column: GTK 4.8's list view keeps 200 rows, its grid view
 * about 30) makes rows near what is on screen and binds them again as it
 * scrolls (a film of 1,000 credits made 1,000 expander rows, about 2 ms
 * each, before its page showed, and again after each edit). So a row
 * holds no credit of its own: it is bound from a CtCreditItem, remembers
 * which one, and its buttons, keys and drops act on that item's id. A
 * credit's fields are made when it is opened and removed when the row
 * goes to another item; which credits are open is kept by id, so an
 * opened credit scrolled away and back (or read again after an edit) is
 * open again. */

typedef struct {
  CtEntityPage  *page;      /* not owned: the page owns the lists */
  GtkWidget     *row;
  GtkWidget     *header;    /* what takes the focus: an expander's header */
  GtkWidget     *up;
  GtkWidget     *down;
  GtkWidget     *remove;    /* NULL in a scene's row */
  GtkWidget     *open;
  GPtrArray     *fields;    /* a credit's fields while opened, else empty */
  CtCreditItem  *item;      /* bound to, or NULL */
  gboolean       binding;   /* expansion set by a bind, not the user */
} Row;

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->fields);
  g_clear_object (&row->item);
  g_free (row);
}

static Row *
row_of (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  return child ? g_object_get_data (G_OBJECT (child), "ct-row") : NULL;
}

/* The list model a row's list shows: what its reordering works on
 * (NULL for a row out of its list). */
static GListStore *
store_of (Row *row)
{
  GtkGridView *list = GTK_GRID_VIEW (gtk_widget_get_ancestor (row->row, GTK_TYPE_GRID_VIEW));
  CtEntityPage *self = row->page;

  if (list == self->cast_list)
    return self->cast_store;
  if (list == self->crew_list)
    return self->crew_store;
  if (list == self->scenes_list)
    return self->scene_store;
  return NULL;
}

static gboolean
find_in (GListStore *store,
         gint64      id,
         guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtCreditItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (ct_credit_item_get_id (item) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* FALSE when there is nowhere to go (the first row up, the last down). */
static gboolean
move_by (Row *row,
         int  delta)
{
  GListStore *store;
  guint at;

  if (row->item == NULL)
    return FALSE;
  store = store_of (row);
  if (store == NULL
      || !find_in (store, ct_credit_item_get_id (row->item), &at)
      || (delta < 0 && at == 0)
      || (delta > 0 && at + 1 >= g_list_model_get_n_items (G_LIST_MODEL (store))))
    return FALSE;
  _ct_entity_page_move_row (row->page, store, ct_credit_item_get_id (row->item), at + delta);
  return TRUE;
}

static void
on_up_clicked_cb (GtkButton *button,
                  Row       *row)
{
  move_by (row, -1);
}

static void
on_down_clicked_cb (GtkButton *button,
                    Row       *row)
{
  move_by (row, +1);
}

/* Moved by key, the row keeps the focus: the page is read again and the
 * row bound to the moved item (often another widget) takes it, so Alt+Up
 * pressed again moves the same credit again. */
static void
move_by_key (Row *row,
             int  delta)
{
  if (row->item == NULL)
    return;
  row->page->refocus_id = ct_credit_item_get_id (row->item);
  if (!move_by (row, delta))
    row->page->refocus_id = 0;
}

/* The row holding the focus in @list: the focus is on a row's cell
 * (arrow keys move it there) or inside the row. */
static Row *
focused_row (GtkWidget *list)
{
  GtkWidget *cell = gtk_widget_get_focus_child (list);
  GtkWidget *child = cell ? gtk_widget_get_first_child (cell) : NULL;

  return child ? g_object_get_data (G_OBJECT (child), "ct-row") : NULL;
}

static gboolean
move_up_shortcut_cb (GtkWidget *list,
                     GVariant  *args,
                     gpointer   user_data)
{
  Row *row = focused_row (list);

  if (row != NULL)
    move_by_key (row, -1);
  return row != NULL;
}

static gboolean
move_down_shortcut_cb (GtkWidget *list,
                       GVariant  *args,
                       gpointer   user_data)
{
  Row *row = focused_row (list);

  if (row != NULL)
    move_by_key (row, +1);
  return row != NULL;
}

/* Alt+Up and Alt+Down move the focused row of @list, as its buttons do. */
void
_ct_entity_page_add_move_keys (CtEntityPage *self,
                               GtkWidget    *list)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                                          gtk_callback_action_new (move_up_shortcut_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                          gtk_callback_action_new (move_down_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (list, shortcuts);
}

static gboolean
refocus_cb (gpointer user_data)
{
  GtkWidget *widget = user_data;
  Row *row = g_object_get_data (G_OBJECT (widget), "ct-row");
  GtkWidget *page = gtk_widget_get_ancestor (widget, CT_TYPE_ENTITY_PAGE);

  /* Still on its page, and still bound to the moved item. */
  if (page != NULL && row->item != NULL && ct_credit_item_get_id (row->item) == CT_ENTITY_PAGE (page)->refocus_id)
    {
      CT_ENTITY_PAGE (page)->refocus_id = 0;
      gtk_widget_grab_focus (row->header);
    }
  return G_SOURCE_REMOVE;
}

/* Called when @row is bound: the focus waits for the list's layout. */
static void
maybe_refocus (Row *row)
{
  if (row->page->refocus_id != 0 && ct_credit_item_get_id (row->item) == row->page->refocus_id)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refocus_cb, g_object_ref (row->row), g_object_unref);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      Row       *row)
{
  if (row->item != NULL)
    _ct_entity_page_remove_credit (row->page, ct_credit_item_get_id (row->item));
}

static void
on_open_clicked_cb (GtkButton *button,
                    Row       *row)
{
  if (row->item != NULL && ct_credit_item_get_open_id (row->item) > 0)
    g_signal_emit_by_name (row->page, "open-entity", ct_credit_item_get_open_id (row->item));
}

/* Dragging a row by its handle onto another row of the same list puts it
 * there. What is dragged is the item's id: nothing else accepts it, and
 * a row of another list (or page) refuses it. */
static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    Row           *row)
{
  if (row->item == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, ct_credit_item_get_id (row->item));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            Row           *row)
{
  gint64 dragged = g_value_get_int64 (value);
  GListStore *store;
  guint from, to;

  if (row->item == NULL)
    return FALSE;
  store = store_of (row);
  if (store == NULL || !find_in (store, dragged, &from) || !find_in (store, ct_credit_item_get_id (row->item), &to))
    return FALSE;
  if (from != to)
    _ct_entity_page_move_row (row->page, store, dragged, to);
  return TRUE;
}

static GtkWidget *
icon_button (const char *icon_name,
             GCallback   callback,
             Row        *row)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, row);
  return button;
}

/* Tooltip and accessible name say which row: "Move Rooney Up". */
static void
label_button (GtkWidget *button,
              char      *label)
{
  if (button != NULL)
    {
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  g_free (label);
}

static void
add_row_controllers (Row       *row,
                     GtkWidget *handle)
{
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), row);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), row);
  gtk_widget_add_controller (row->row, GTK_EVENT_CONTROLLER (drop));
}

static GtkWidget *
drag_handle_new (void)
{
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");

  gtk_widget_set_valign (handle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (handle, _("Drag to Reorder"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drag to Reorder"), -1);
  return handle;
}

static Row *
row_new (CtEntityPage *self,
         GtkWidget    *widget)
{
  Row *row = g_new0 (Row, 1);

  row->page = self;
  row->row = widget;
  row->fields = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (widget), "ct-row", row, (GDestroyNotify) row_free);
  return row;
}

/* Editing a credit in place --------------------------------------------- */

typedef enum {
  CREDIT_CHARACTER,
  CREDIT_ROLE,
  CREDIT_STATUS,
  CREDIT_SOURCE,
} CreditChange;

/* Reads the credit again from the wiki (the row may show an old copy)
 * and writes it back with the one field changed. */
static void
change_credit (Row          *row,
               GtkWidget    *editor,
               CreditChange  change)
{
  CtEntityPage *self = row->page;
  gint64 credit_id = row->item ? ct_credit_item_get_id (row->item) : 0;
  g_autoptr(GPtrArray) credits = NULL;
  g_autoptr(GError) error = NULL;
  CtCredit *credit = NULL;
  gboolean ok;

  if (self->loading || row->binding)
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
      if (adw_combo_row_get_selected (ADW_COMBO_ROW (editor)) == GTK_INVALID_LIST_POSITION)
        return;
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
on_character_apply_cb (AdwEntryRow *editor,
                       Row         *row)
{
  change_credit (row, GTK_WIDGET (editor), CREDIT_CHARACTER);
}

static void
on_role_selected_cb (AdwComboRow *editor,
                     GParamSpec  *pspec,
                     Row         *row)
{
  change_credit (row, GTK_WIDGET (editor), CREDIT_ROLE);
}

static void
on_status_selected_cb (AdwComboRow *editor,
                       GParamSpec  *pspec,
                       Row         *row)
{
  change_credit (row, GTK_WIDGET (editor), CREDIT_STATUS);
}

static void
on_source_apply_cb (AdwEntryRow *editor,
                    Row         *row)
{
  change_credit (row, GTK_WIDGET (editor), CREDIT_SOURCE);
}

static void
add_field (Row       *row,
           GtkWidget *field)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), field);
  g_ptr_array_add (row->fields, field);
}

/* The fields of the bound credit, inside its row: made when it is
 * opened (each is an entry or combo row with its popover: 40,000 widgets
 * for a thousand credits if made up front). */
static void
add_credit_fields (Row *row)
{
  CtEntityPage *self = row->page;
  const CtCredit *credit = ct_credit_item_get_credit (row->item);
  const char * const *roles = ct_credit_roles ();
  GtkWidget *character = adw_entry_row_new ();
  GtkWidget *role = adw_combo_row_new ();
  GtkWidget *status = adw_combo_row_new ();
  GtkWidget *source = adw_entry_row_new ();
  guint role_index = 0;

  /* Set up under the binding flag: filling them is not an edit. */
  row->binding = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (character), _("Character (Cast Only)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (character), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (character), credit->character_title ? credit->character_title : "");
  g_signal_connect (character, "apply", G_CALLBACK (on_character_apply_cb), row);
  add_field (row, character);

  /* A role of the user's own is kept unless another is picked. */
  while (roles[role_index] != NULL && g_ascii_strcasecmp (roles[role_index], credit->role) != 0)
    role_index++;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role), self->role_model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), roles[role_index] != NULL ? role_index : GTK_INVALID_LIST_POSITION);
  g_signal_connect (role, "notify::selected", G_CALLBACK (on_role_selected_cb), row);
  add_field (row, role);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (status), self->status_model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), credit->status);
  g_signal_connect (status, "notify::selected", G_CALLBACK (on_status_selected_cb), row);
  add_field (row, status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (source), _("Source"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (source), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (source), credit->source ? credit->source : "");
  g_signal_connect (source, "apply", G_CALLBACK (on_source_apply_cb), row);
  add_field (row, source);
  row->binding = FALSE;
}

static void
remove_credit_fields (Row *row)
{
  for (guint i = 0; i < row->fields->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (row->row), g_ptr_array_index (row->fields, i));
  g_ptr_array_set_size (row->fields, 0);
}

static char *
expanded_key (CtCreditItem *item)
{
  return g_strdup_printf ("credit/%" G_GINT64_FORMAT, ct_credit_item_get_id (item));
}

static void
on_expanded_cb (GtkWidget  *widget,
                GParamSpec *pspec,
                Row        *row)
{
  gboolean expanded = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (widget));

  if (row->item == NULL)
    return;
  if (!row->binding)
    {
      g_autofree char *key = expanded_key (row->item);

      if (expanded)
        g_hash_table_add (row->page->expanded, g_steal_pointer (&key));
      else
        g_hash_table_remove (row->page->expanded, key);
    }
  if (expanded && row->fields->len == 0)
    add_credit_fields (row);
}

/* Title and subtitle on one line each, ellipsized (the whole of them is
 * the row's accessible name and in its fields). Wrapped, GTK shapes them
 * again for each width the list measures a row at: most of a film page's
 * first layout went there. An expander row of libadwaita 1.2 has no such
 * setting; its header is an action row, which has. Returns that header
 * (or @widget), the part of the row that takes the focus. */
static GtkWidget *
one_line (GtkWidget *widget)
{
  GtkWidget *header = widget;

  if (ADW_IS_EXPANDER_ROW (widget))
    {
      header = NULL;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && header == NULL;
           child = gtk_widget_get_first_child (child))
        for (GtkWidget *sibling = child; sibling != NULL && header == NULL;
             sibling = gtk_widget_get_next_sibling (sibling))
          if (ADW_IS_ACTION_ROW (sibling))
            header = sibling;
    }
  if (header == NULL)
    return widget;
  adw_action_row_set_title_lines (ADW_ACTION_ROW (header), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (header), 1);
  return header;
}

/* Credits ---------------------------------------------------------------- */

static void
credit_setup_cb (GtkListItemFactory *factory,
                 GtkListItem        *list_item,
                 CtEntityPage       *self)
{
  GtkWidget *widget = adw_expander_row_new ();
  GtkWidget *handle = drag_handle_new ();
  Row *row = row_new (self, widget);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  row->header = one_line (widget);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (widget), handle);
  row->up = icon_button ("go-up-symbolic", G_CALLBACK (on_up_clicked_cb), row);
  row->down = icon_button ("go-down-symbolic", G_CALLBACK (on_down_clicked_cb), row);
  row->remove = icon_button ("user-trash-symbolic", G_CALLBACK (on_remove_clicked_cb), row);
  row->open = icon_button ("go-next-symbolic", G_CALLBACK (on_open_clicked_cb), row);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (widget), row->up);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (widget), row->down);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (widget), row->remove);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (widget), row->open);
  add_row_controllers (row, handle);
  g_signal_connect (widget, "notify::expanded", G_CALLBACK (on_expanded_cb), row);

  /* The row's own header opens it; the list item only holds it. */
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, widget);
}

static void
bind_labels (Row *row)
{
  const char *title = ct_credit_item_get_title (row->item);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  label_button (row->up, g_strdup_printf (_("Move %s Up"), title));
  label_button (row->down, g_strdup_printf (_("Move %s Down"), title));
  label_button (row->remove, g_strdup_printf (_("Remove %s"), title));
  label_button (row->open, g_strdup_printf (_("Open %s"), title));
}

static void
credit_bind_cb (GtkListItemFactory *factory,
                GtkListItem        *list_item,
                CtEntityPage       *self)
{
  Row *row = row_of (list_item);
  g_autofree char *key = NULL;

  g_set_object (&row->item, gtk_list_item_get_item (list_item));
  bind_labels (row);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->row), ct_credit_item_get_subtitle (row->item));
  key = expanded_key (row->item);
  row->binding = TRUE;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->row), g_hash_table_contains (self->expanded, key));
  row->binding = FALSE;
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row->row)) && row->fields->len == 0)
    add_credit_fields (row);
  maybe_refocus (row);
}

static void
credit_unbind_cb (GtkListItemFactory *factory,
                  GtkListItem        *list_item,
                  CtEntityPage       *self)
{
  Row *row = row_of (list_item);

  /* Closed without forgetting that its credit was open. */
  row->binding = TRUE;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->row), FALSE);
  row->binding = FALSE;
  remove_credit_fields (row);
  g_clear_object (&row->item);
}

GtkListItemFactory *
_ct_entity_page_credit_factory_new (CtEntityPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (credit_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (credit_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (credit_unbind_cb), self);
  return factory;
}

/* Scenes: open one, move it ---------------------------------------------- */

static void
scene_setup_cb (GtkListItemFactory *factory,
                GtkListItem        *list_item,
                CtEntityPage       *self)
{
  GtkWidget *widget = adw_action_row_new ();
  GtkWidget *handle = drag_handle_new ();
  Row *row = row_new (self, widget);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  row->header = one_line (widget);
  adw_action_row_add_prefix (ADW_ACTION_ROW (widget), handle);
  row->up = icon_button ("go-up-symbolic", G_CALLBACK (on_up_clicked_cb), row);
  row->down = icon_button ("go-down-symbolic", G_CALLBACK (on_down_clicked_cb), row);
  row->open = icon_button ("go-next-symbolic", G_CALLBACK (on_open_clicked_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), row->up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), row->down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), row->open);
  add_row_controllers (row, handle);

  /* Enter or a double click on the row opens the scene (the list's
   * "activate"). */
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, widget);
}

static void
scene_bind_cb (GtkListItemFactory *factory,
               GtkListItem        *list_item,
               CtEntityPage       *self)
{
  Row *row = row_of (list_item);
  const char *subtitle;

  g_set_object (&row->item, gtk_list_item_get_item (list_item));
  bind_labels (row);
  subtitle = ct_credit_item_get_subtitle (row->item);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), subtitle ? subtitle : "");
  maybe_refocus (row);
}

static void
scene_unbind_cb (GtkListItemFactory *factory,
                 GtkListItem        *list_item,
                 CtEntityPage       *self)
{
  g_clear_object (&row_of (list_item)->item);
}

GtkListItemFactory *
_ct_entity_page_scene_factory_new (CtEntityPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (scene_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (scene_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (scene_unbind_cb), self);
  return factory;
}
