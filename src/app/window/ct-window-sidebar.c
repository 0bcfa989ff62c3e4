#define G_LOG_DOMAIN "ct-window-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-scanner.h"
#include "ct-site-export.h"
#include "ct-wiki-sidebar.h"
#include "ct-window-private.h"

/* The window's wiki: the one the sidebar shows and new entities go to.
 * A wiki is opened from the welcome page, the menu, the command line (its
 * folder or its wiki.continuity) or by opening a post inside it; the last
 * one opens again on the next start. */

#define SAMPLE_FOLDER_NAME "sample-wiki"

static void
on_indexed_cb (CtWindow       *self,
               CtWiki         *wiki,
               CtWikiRegistry *registry)
{
  if (wiki == self->wiki)
    ct_wiki_sidebar_reload_posts (self->sidebar);
}

void
_ct_window_set_wiki (CtWindow *self,
                     CtWiki   *wiki)
{
  const char *folder;
  g_autofree char *db_path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;

  if (!g_set_object (&self->wiki, wiki))
    return;

  ct_wiki_sidebar_set_wiki (self->sidebar, wiki);
  _ct_window_timeline_set_wiki (self, wiki);
  _ct_window_update_actions (self);
  if (wiki == NULL)
    return;

  folder = ct_wiki_get_folder (wiki);
  name = g_path_get_basename (folder);
  adw_window_title_set_subtitle (self->window_title, name);
  g_settings_set_string (self->settings, "last-wiki", folder);

  /* Recent wikis live beside recent documents, as their database file,
   * so Files and the welcome page know them by their MIME type. */
  db_path = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  uri = g_filename_to_uri (db_path, NULL, NULL);
  if (uri != NULL)
    {
      GtkRecentData data = {
        .display_name = name,
        .mime_type = (char *) "application/x-continuity-wiki",
        .app_name = (char *) "Continuity",
        .app_exec = (char *) "continuity %u",
      };

      gtk_recent_manager_add_full (self->recent, uri, &data);
    }

  if (self->wiki_registry != NULL)
    ct_wiki_registry_reindex (self->wiki_registry, wiki);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
wiki_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_registry_lookup_finish (CT_WIKI_REGISTRY (object), result, &error);

  if (wiki == NULL)
    {
      ct_window_add_toast (self, error ? error->message : _("That folder holds no Continuity wiki."));
      return;
    }
  if (ct_wiki_is_read_only (wiki))
    ct_window_add_toast (self, ct_wiki_get_read_only_reason (wiki));
  _ct_window_set_wiki (self, wiki);
}

void
_ct_window_open_wiki_folder (CtWindow   *self,
                             const char *folder)
{
  g_autofree char *db_path = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);

  /* Only the folder itself: a folder inside a wiki is not that wiki. */
  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” holds no Continuity wiki (no %s in it)."),
                                                  folder, CT_WIKI_DB_NAME);
      ct_window_add_toast (self, message);
      return;
    }
  ct_wiki_registry_lookup_async (self->wiki_registry, folder, NULL, wiki_opened_cb, g_object_ref (self));
}

gboolean
_ct_window_is_wiki_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = path ? g_path_get_basename (path) : NULL;
  g_autofree char *db_path = NULL;

  if (path == NULL)
    return FALSE;
  if (g_strcmp0 (base, CT_WIKI_DB_NAME) == 0)
    return TRUE;
  db_path = g_build_filename (path, CT_WIKI_DB_NAME, NULL);
  return g_file_test (path, G_FILE_TEST_IS_DIR) && g_file_test (db_path, G_FILE_TEST_IS_REGULAR);
}

void
_ct_window_open_wiki_file (CtWindow *self,
                           GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = g_path_get_basename (path);

  if (g_strcmp0 (base, CT_WIKI_DB_NAME) == 0)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      _ct_window_open_wiki_folder (self, folder);
    }
  else
    _ct_window_open_wiki_folder (self, path);
}

void
ct_window_restore_wiki (CtWindow *self)
{
  g_return_if_fail (CT_IS_WINDOW (self));
  _ct_window_restore_wiki (self);
}

CtWiki *
ct_window_get_wiki (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);
  return self->wiki;
}

void
ct_window_open (CtWindow *self,
                GFile    *file)
{
  g_return_if_fail (CT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The database is no text file: opened as one, a user could damage it. */
  if (_ct_window_is_wiki_file (file))
    _ct_window_open_wiki_file (self, file);
  else
    ct_window_open_file (self, file);
}

void
_ct_window_restore_wiki (CtWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "last-wiki");
  g_autofree char *db_path = NULL;

  if (*folder == '\0')
    return;
  db_path = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  /* Moved or deleted since: nothing to say, the welcome page offers more. */
  if (g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    _ct_window_open_wiki_folder (self, folder);
}

/* Posts ------------------------------------------------------------------- */

void
_ct_window_open_post (CtWindow   *self,
                      CtWiki     *wiki,
                      const char *path,
                      guint       line)
{
  g_autoptr(GFile) folder = g_file_new_for_path (ct_wiki_get_folder (wiki));
  g_autoptr(GFile) file = g_file_resolve_relative_path (folder, path);
  CtEditorPage *page = ct_window_find_page (self, file);

  if (page == NULL)
    {
      ct_window_open_file (self, file);
      page = ct_window_find_page (self, file);
      /* Still loading: the line is applied once the text is in. */
      if (page != NULL && line > 0)
        g_object_set_data (G_OBJECT (page), "ct-go-to-line", GUINT_TO_POINTER (line));
      return;
    }
  adw_tab_view_set_selected_page (self->tab_view, adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
  if (line > 0)
    ct_editor_page_go_to_line (page, line);
}

static void
on_entity_activated_cb (CtWindow      *self,
                        gint64         id,
                        CtWikiSidebar *sidebar)
{
  _ct_window_open_entity (self, ct_wiki_sidebar_get_wiki (sidebar), id);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_post_activated_cb (CtWindow      *self,
                      const char    *path,
                      CtWikiSidebar *sidebar)
{
  _ct_window_open_post (self, ct_wiki_sidebar_get_wiki (sidebar), path, 0);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Actions ------------------------------------------------------------------ */

static void
folder_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  CtWindow        *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;
  gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "create"));

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = folder ? g_file_get_path (folder) : NULL;
  if (path != NULL && create)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CtWiki) wiki = ct_wiki_create (path, &error);

      if (wiki == NULL)
        ct_window_add_toast (self, error->message);
      else
        {
          g_clear_object (&wiki);
          _ct_window_open_wiki_folder (self, path);
        }
    }
  else if (path != NULL)
    _ct_window_open_wiki_folder (self, path);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_folder (CtWindow   *self,
               const char *title,
               const char *accept,
               gboolean    create)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "create", GINT_TO_POINTER (create));
  g_signal_connect (dialog, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_wiki_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_folder (CT_WINDOW (widget), _("Open Wiki"), _("_Open"), FALSE);
}

static void
new_wiki_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  /* Translators: the title of a folder chooser; a new wiki is made in the chosen (empty) folder */
  choose_folder (CT_WINDOW (widget), _("New Wiki in Folder"), _("C_reate"), TRUE);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "continuity", SAMPLE_FOLDER_NAME, NULL);
  g_autofree char *db_path = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);

  /* Made once, then it is the user's: what they changed in it stays. */
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CtWiki) wiki = ct_wiki_create_sample (folder, &error);

      if (wiki == NULL)
        {
          ct_window_add_toast (self, error->message);
          return;
        }
    }
  _ct_window_open_wiki_folder (self, folder);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
search_wiki_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  ct_wiki_sidebar_focus_search (self->sidebar);
}

static void
new_entity_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _ct_window_new_entity (CT_WINDOW (widget));
}

static void
open_entity_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);

  if (self->wiki != NULL)
    _ct_window_open_entity (self, self->wiki, g_variant_get_int64 (parameter));
}

static void
insert_entity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = NULL;
  g_autofree char *text = NULL;
  const char *what;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &what);
  if (self->wiki == NULL || (entity = ct_wiki_get_entity (self->wiki, id, &error)) == NULL)
    {
      ct_window_add_toast (self, error ? error->message : _("No wiki is open."));
      return;
    }
  if (g_str_equal (what, "link"))
    text = ct_reference_format_link (entity->title, &error);
  else
    text = ct_reference_format_template (what, entity->title, NULL, &error);
  if (text == NULL)
    ct_window_add_toast (self, error->message);
  else
    _ct_window_insert_into_post (self, text);
}

/* Export Site ------------------------------------------------------------- */

static void
site_exported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GFile) output = user_data;
  g_autoptr(CtWindow) self = g_object_steal_data (G_OBJECT (output), "window");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) index = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  CtSiteStats stats = { 0 };
  AdwToast *toast;

  if (!ct_site_export_run_finish (result, &stats, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ct_window_add_toast (self, _("Site export cancelled; the pages written so far are kept."));
      else
        {
          /* A sentence with advice (a folder of someone else's files,
           * a full disk) wants to be read whole: a dialog, not a toast. */
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Site Could Not Be Exported"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  index = g_file_get_child (output, "index.html");
  uri = g_file_get_uri (index);
  /* Translators: after a site export; the counts of files (written:
   * their bytes changed; kept: already up to date, not touched) */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Site exported: %u file written, %u kept, %u removed",
                                        "Site exported: %u files written, %u kept, %u removed", stats.pages),
                           stats.pages, stats.kept, stats.removed);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_ct_window_export_site (CtWindow *self,
                        GFile    *output)
{
  g_autoptr(GVariantDict) folders = NULL;
  g_autofree char *path = g_file_get_path (output);
  g_autoptr(GVariant) remembered = g_settings_get_value (self->settings, "site-folders");

  if (self->wiki == NULL)
    return;
  /* Offered again next time, for this wiki. */
  folders = g_variant_dict_new (remembered);
  if (path != NULL)
    g_variant_dict_insert (folders, ct_wiki_get_folder (self->wiki), "s", path);
  g_settings_set_value (self->settings, "site-folders", g_variant_dict_end (folders));

  /* The folder travels with the job; the window with the folder. */
  output = g_file_dup (output);
  g_object_set_data (G_OBJECT (output), "window", g_object_ref (self));
  ct_site_export_run_async (GTK_WINDOW (self), ct_wiki_get_folder (self->wiki), output,
                            site_exported_cb, output);
}

static void
site_folder_chosen_cb (GtkNativeDialog *dialog,
                       int              response,
                       CtWindow        *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    _ct_window_export_site (self, folder);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_site_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);
  g_autoptr(GVariant) remembered = g_settings_get_value (self->settings, "site-folders");
  g_autoptr(GVariantDict) folders = g_variant_dict_new (remembered);
  const char *last = NULL;
  GtkFileChooserNative *dialog;

  if (self->wiki == NULL)
    {
      ct_window_add_toast (self, _("Open a wiki first: the site is made of a wiki and its posts."));
      return;
    }
  /* Translators: title of a folder chooser for a static site */
  dialog = gtk_file_chooser_native_new (_("Export Site to Folder"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (g_variant_dict_lookup (folders, ct_wiki_get_folder (self->wiki), "&s", &last))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (site_folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_ct_window_class_sidebar_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-site", NULL, export_site_action);
  gtk_widget_class_install_action (widget_class, "win.open-entity", "x", open_entity_action);
  gtk_widget_class_install_action (widget_class, "win.insert-entity", "(xs)", insert_entity_action);
  g_type_ensure (CT_TYPE_WIKI_SIDEBAR);

  gtk_widget_class_install_action (widget_class, "win.open-wiki", NULL, open_wiki_action);
  gtk_widget_class_install_action (widget_class, "win.new-wiki", NULL, new_wiki_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search-wiki", NULL, search_wiki_action);
  gtk_widget_class_install_action (widget_class, "win.new-entity", NULL, new_entity_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.search-wiki", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.search-wiki", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-entity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-entity", NULL);
}

void
_ct_window_sidebar_init (CtWindow *self)
{
  g_signal_connect_object (self->sidebar, "entity-activated", G_CALLBACK (on_entity_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "post-activated", G_CALLBACK (on_post_activated_cb), self, G_CONNECT_SWAPPED);
  if (self->wiki_registry != NULL)
    g_signal_connect_object (self->wiki_registry, "indexed", G_CALLBACK (on_indexed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "sidebar-visible", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);
}
