#define G_LOG_DOMAIN "ct-window-entities"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ct-editor-insert.h"
#include "ct-entity-page.h"
#include "ct-reference-rewrite.h"
#include "ct-window-private.h"
#include "ct-wiki-item.h"

/* Entity pages in tabs beside the posts: opening them, inserting from
 * them into the post being written, creating and deleting entities (with
 * Undo in a toast, which restores the entity and everything tied to it). */

static void on_delete_requested_cb (CtWindow     *self,
                                    CtEntityPage *page);
static void on_renamed_cb          (CtWindow     *self,
                                    const char   *old_title,
                                    const char   *new_title,
                                    CtEntityPage *page);

CtEntityPage *
_ct_window_find_entity_page (CtWindow *self,
                             CtWiki   *wiki,
                             gint64    id)
{
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      if (CT_IS_ENTITY_PAGE (child)
          && ct_entity_page_get_wiki (CT_ENTITY_PAGE (child)) == wiki
          && ct_entity_page_get_id (CT_ENTITY_PAGE (child)) == id)
        return CT_ENTITY_PAGE (child);
    }
  return NULL;
}

static void
update_entity_tab (CtWindow     *self,
                   GParamSpec   *pspec,
                   CtEntityPage *page)
{
  AdwTabPage *tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));
  g_autoptr(CtEntity) entity = NULL;
  g_autoptr(GIcon) icon = NULL;

  if (tab == NULL)
    return;
  entity = ct_wiki_get_entity (ct_entity_page_get_wiki (page), ct_entity_page_get_id (page), NULL);
  if (entity != NULL)
    icon = g_themed_icon_new (ct_wiki_kind_icon_name (entity->kind));
  adw_tab_page_set_title (tab, ct_entity_page_get_title (page));
  adw_tab_page_set_icon (tab, icon);
  if (adw_tab_view_get_selected_page (self->tab_view) == tab)
    {
      adw_window_title_set_title (self->window_title, ct_entity_page_get_title (page));
      adw_window_title_set_subtitle (self->window_title, entity ? ct_entity_kind_label (entity->kind) : NULL);
      gtk_window_set_title (GTK_WINDOW (self), ct_entity_page_get_title (page));
    }
}

void
_ct_window_update_entity_tab (CtWindow     *self,
                              CtEntityPage *page)
{
  update_entity_tab (self, NULL, page);
}

static void
on_open_entity_cb (CtWindow     *self,
                   gint64        id,
                   CtEntityPage *page)
{
  _ct_window_open_entity (self, ct_entity_page_get_wiki (page), id);
}

static void
on_open_post_cb (CtWindow     *self,
                 const char   *path,
                 guint         line,
                 CtEntityPage *page)
{
  _ct_window_open_post (self, ct_entity_page_get_wiki (page), path, line);
}

static void
on_insert_text_cb (CtWindow     *self,
                   const char   *text,
                   CtEntityPage *page)
{
  _ct_window_insert_into_post (self, text);
}

CtEntityPage *
_ct_window_open_entity (CtWindow *self,
                        CtWiki   *wiki,
                        gint64    id)
{
  CtEntityPage *page = _ct_window_find_entity_page (self, wiki, id);
  AdwTabPage *tab;

  if (page == NULL)
    {
      page = ct_entity_page_new (wiki, id);
      tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));
      g_signal_connect_object (page, "notify::title", G_CALLBACK (update_entity_tab), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "open-entity", G_CALLBACK (on_open_entity_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "open-post", G_CALLBACK (on_open_post_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "insert-text", G_CALLBACK (on_insert_text_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "delete-requested", G_CALLBACK (on_delete_requested_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "renamed", G_CALLBACK (on_renamed_cb), self, G_CONNECT_SWAPPED);
    }
  tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));
  adw_tab_view_set_selected_page (self->tab_view, tab);
  update_entity_tab (self, NULL, page);
  return page;
}

void
_ct_window_open_page_entity (CtWindow     *self,
                             gint64        id,
                             CtEditorPage *page)
{
  CtWiki *wiki = ct_editor_page_get_wiki (page);

  if (wiki != NULL)
    _ct_window_open_entity (self, wiki, id);
}

/* Inserting --------------------------------------------------------------- */

/* The post written last: the selected tab when it is a post, else the
 * post tab selected before (the user went from it to an entity page). */
static CtEditorPage *
target_post (CtWindow *self)
{
  CtEditorPage *active = ct_window_get_active_page (self);

  if (active != NULL)
    return active;
  return self->last_editor;
}

gboolean
_ct_window_insert_into_post (CtWindow   *self,
                             const char *text)
{
  CtEditorPage *page = target_post (self);

  if (page == NULL)
    {
      ct_window_add_toast (self, _("Open or create a post to insert into."));
      return FALSE;
    }
  ct_editor_insert_reference (GTK_TEXT_VIEW (ct_editor_page_get_view (page)), text);
  adw_tab_view_set_selected_page (self->tab_view, adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
  gtk_widget_grab_focus (GTK_WIDGET (ct_editor_page_get_view (page)));
  return TRUE;
}

/* Renaming: posts that link by the old title ------------------------------- */

typedef struct {
  char *old_title;
  char *new_title;
} Rename;

static void
rename_free (gpointer data)
{
  Rename *rename = data;

  g_free (rename->old_title);
  g_free (rename->new_title);
  g_free (rename);
}

static void
rewrite_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  /* A failure was told to the user by the save itself; the rewritten
   * text stays in the tab, unsaved, so nothing is lost. */
  _ct_window_save_page_finish (CT_WINDOW (object), result);
}

/* Rewrites the links in @page's text, as one step its Undo takes back,
 * then saves the post (atomically, and never over a change made on disk
 * meanwhile: the save asks first). */
static void
rewrite_page (CtWindow     *self,
              CtEditorPage *page,
              const Rename *rename)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (page));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *rewritten = NULL;
  GtkTextIter start, end;
  guint changed = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  rewritten = ct_reference_rename (text, strlen (text), rename->old_title, rename->new_title, &changed, &error);
  if (rewritten == NULL)
    {
      if (error != NULL)
        ct_window_add_toast (self, error->message);
      return;
    }
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, rewritten, -1);
  gtk_text_buffer_end_user_action (buffer);
  _ct_window_save_page_async (self, page, FALSE, rewrite_saved_cb, NULL);
}

void
_ct_window_page_loaded (CtWindow     *self,
                        CtEditorPage *page)
{
  Rename *rename = g_object_steal_data (G_OBJECT (page), "ct-rename");

  if (rename != NULL)
    {
      rewrite_page (self, page, rename);
      rename_free (rename);
    }
}

void
_ct_window_rewrite_links (CtWindow   *self,
                          CtWiki     *wiki,
                          const char *old_title,
                          const char *new_title)
{
  g_autoptr(GPtrArray) mentions = ct_wiki_find_post_mentions (wiki, old_title, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (ct_wiki_get_folder (wiki));
  Rename rename = { (char *) old_title, (char *) new_title };

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      const CtBacklink *mention = g_ptr_array_index (mentions, i);
      g_autoptr(GFile) file = g_file_resolve_relative_path (folder, mention->path);
      CtEditorPage *page = ct_window_find_page (self, file);
      Rename *copy;

      if (page != NULL && !ct_document_get_busy (ct_editor_page_get_document (page)))
        {
          rewrite_page (self, page, &rename);
          continue;
        }
      /* Opened in a tab: the rewrite shows there, and Ctrl+Z takes it back. */
      if (page == NULL)
        ct_window_open_file (self, file);
      page = ct_window_find_page (self, file);
      if (page == NULL)
        continue;
      copy = g_new0 (Rename, 1);
      copy->old_title = g_strdup (old_title);
      copy->new_title = g_strdup (new_title);
      g_object_set_data_full (G_OBJECT (page), "ct-rename", copy, rename_free);
    }
}

static void
on_rewrite_links_cb (AdwToast *toast,
                     CtWindow *self)
{
  Rename *rename = g_object_get_data (G_OBJECT (toast), "rename");
  CtWiki *wiki = g_object_get_data (G_OBJECT (toast), "wiki");

  _ct_window_rewrite_links (self, wiki, rename->old_title, rename->new_title);
}

/* After a rename the old title stays an alias, so posts keep working;
 * the toast offers to make them say the new one. */
static void
on_renamed_cb (CtWindow     *self,
               const char   *old_title,
               const char   *new_title,
               CtEntityPage *page)
{
  CtWiki *wiki = ct_entity_page_get_wiki (page);
  g_autoptr(GPtrArray) mentions = ct_wiki_find_post_mentions (wiki, old_title, NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  Rename *rename;
  AdwToast *toast;

  if (mentions == NULL || mentions->len == 0)
    return;

  escaped = g_markup_escape_text (old_title, -1);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post links to “%s”", "%u posts link to “%s”",
                                        mentions->len),
                           mentions->len, escaped);
  rename = g_new0 (Rename, 1);
  rename->old_title = g_strdup (old_title);
  rename->new_title = g_strdup (new_title);

  toast = adw_toast_new (title);
  /* Translators: button of a toast after renaming an entity */
  adw_toast_set_button_label (toast, _("_Rewrite Links"));
  adw_toast_set_timeout (toast, 0);
  g_object_set_data_full (G_OBJECT (toast), "rename", rename, rename_free);
  g_object_set_data_full (G_OBJECT (toast), "wiki", g_object_ref (wiki), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_rewrite_links_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Deleting, and Undo ------------------------------------------------------- */

typedef struct {
  CtWindow       *self;
  CtWiki         *wiki;
  CtWikiSnapshot *snapshot;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_object_unref (deleted->wiki);
  g_clear_pointer (&deleted->snapshot, ct_wiki_snapshot_free);
  g_free (deleted);
}

static void
on_undo_delete_cb (AdwToast *toast,
                   Deleted  *deleted)
{
  g_autoptr(GError) error = NULL;

  if (!ct_wiki_restore_snapshot (deleted->wiki, deleted->snapshot, &error))
    {
      ct_window_add_toast (deleted->self, error->message);
      return;
    }
  _ct_window_open_entity (deleted->self, deleted->wiki, ct_wiki_snapshot_get_id (deleted->snapshot));
}

AdwToast *
_ct_window_delete_entity (CtWindow  *self,
                          CtWiki    *wiki,
                          gint64     id,
                          GError   **error)
{
  g_autoptr(CtWikiSnapshot) snapshot = ct_wiki_snapshot_entity (wiki, id, error);
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (wiki, id, error);
  CtEntityPage *page = _ct_window_find_entity_page (self, wiki, id);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  Deleted *deleted;
  AdwToast *toast;

  if (snapshot == NULL || entity == NULL || !ct_wiki_delete_entity (wiki, id, error))
    return NULL;

  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));

  deleted = g_new0 (Deleted, 1);
  deleted->self = self;
  deleted->wiki = g_object_ref (wiki);
  deleted->snapshot = g_steal_pointer (&snapshot);

  escaped = g_markup_escape_text (entity->title, -1);
  /* Translators: a toast after deleting an entity; it has an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "deleted", deleted, deleted_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), deleted);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

typedef struct {
  CtWindow *self;
  CtWiki   *wiki;
  gint64    id;
} DeleteRequest;

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteRequest    *request)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete")
      && _ct_window_delete_entity (request->self, request->wiki, request->id, &error) == NULL)
    ct_window_add_toast (request->self, error->message);
  g_object_unref (request->wiki);
  g_free (request);
}

static void
on_delete_requested_cb (CtWindow     *self,
                        CtEntityPage *page)
{
  CtWiki *wiki = ct_entity_page_get_wiki (page);
  gint64 id = ct_entity_page_get_id (page);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = ct_wiki_describe_delete (wiki, id, &error);
  g_autofree char *heading = NULL;
  DeleteRequest *request;
  AdwMessageDialog *dialog;

  if (description == NULL)
    {
      ct_window_add_toast (self, error->message);
      return;
    }
  heading = g_strdup_printf (_("Delete “%s”?"), ct_entity_page_get_title (page));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, description));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  request = g_new0 (DeleteRequest, 1);
  request->self = self;
  request->wiki = g_object_ref (wiki);
  request->id = id;
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* New entity: a kind and a title, refused while the title is taken ------ */

typedef struct {
  CtWindow    *self;
  CtWiki      *wiki;
  GtkDropDown *kind;
  GtkEntry    *title;
  GtkLabel    *problem;
} NewEntity;

static void
new_entity_free (NewEntity *request)
{
  g_object_unref (request->wiki);
  g_free (request);
}

static void
on_new_title_changed_cb (GtkEditable      *title,
                         AdwMessageDialog *dialog)
{
  NewEntity *request = g_object_get_data (G_OBJECT (dialog), "request");
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (title)));
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *problem = NULL;

  if (*stripped != '\0')
    found = ct_wiki_lookup (request->wiki, stripped, NULL);
  for (guint i = 0; found != NULL && i < found->len && problem == NULL; i++)
    {
      const CtLookup *lookup = g_ptr_array_index (found, i);

      if (lookup->match == CT_MATCH_TITLE)
        problem = g_strdup_printf (_("The wiki already has “%s”. Disambiguate the new title, "
                                     "e.g. “%s (film)”."), lookup->title, stripped);
    }
  gtk_label_set_text (request->problem, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (request->problem), problem != NULL);
  adw_message_dialog_set_response_enabled (dialog, "create", *stripped != '\0' && problem == NULL);
}

static void
new_entity_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  NewEntity *request = g_object_get_data (G_OBJECT (dialog), "request");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  if (!g_str_equal (response, "create"))
    return;
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->title))));
  id = ct_wiki_create_entity (request->wiki, gtk_drop_down_get_selected (request->kind), title, &error);
  if (id == 0)
    ct_window_add_toast (request->self, error->message);
  else
    _ct_window_open_entity (request->self, request->wiki, id);
}

static void
on_new_title_activate_cb (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "create"))
    {
      adw_message_dialog_response (dialog, "create");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

void
_ct_window_new_entity (CtWindow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  NewEntity *request;
  GtkWidget *box;

  if (self->wiki == NULL)
    {
      ct_window_add_toast (self, _("Open a wiki first: entities live in a wiki."));
      return;
    }
  if (ct_wiki_is_read_only (self->wiki))
    {
      ct_window_add_toast (self, ct_wiki_get_read_only_reason (self->wiki));
      return;
    }

  for (guint kind = 0; kind < CT_N_ENTITY_KINDS; kind++)
    gtk_string_list_append (kinds, ct_entity_kind_label (kind));

  request = g_new0 (NewEntity, 1);
  request->self = self;
  request->wiki = g_object_ref (self->wiki);
  request->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL));
  request->title = GTK_ENTRY (gtk_entry_new ());
  request->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->title), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  gtk_entry_set_placeholder_text (request->title, _("Title"));
  gtk_label_set_wrap (request->problem, TRUE);
  gtk_label_set_xalign (request->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (request->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (request->problem), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->kind));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->problem));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("New Entity"), NULL));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "create", FALSE);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "request", request, (GDestroyNotify) new_entity_free);
  g_signal_connect (request->title, "changed", G_CALLBACK (on_new_title_changed_cb), dialog);
  g_signal_connect (request->title, "activate", G_CALLBACK (on_new_title_activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (new_entity_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (request->title));
}
