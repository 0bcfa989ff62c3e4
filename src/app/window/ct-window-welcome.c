#define G_LOG_DOMAIN "ct-window-welcome"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-window-private.h"

/* The welcome page, shown while no tab is open: new and open buttons for
 * documents and wikis, the sample, and what was opened recently — wikis
 * (as their wiki.continuity file) and Markdown documents, each its list. */

#define MAX_RECENT 6

char *
_ct_window_dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_file_get_parse_name (file);
  if (g_file_equal (parent, home))
    return g_strdup ("~");
  if ((relative = g_file_get_relative_path (home, parent)) != NULL)
    return g_build_filename ("~", relative, NULL);
  return g_file_get_parse_name (parent);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib), gtk_recent_info_get_modified (ia));
}

static gboolean
is_markdown (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  const char *mime = gtk_recent_info_get_mime_type (info);

  return g_strcmp0 (mime, "text/markdown") == 0 ||
         g_strcmp0 (mime, "text/x-markdown") == 0 ||
         g_str_has_suffix (uri, ".md") ||
         g_str_has_suffix (uri, ".markdown");
}

static gboolean
is_wiki (GtkRecentInfo *info)
{
  return g_str_has_suffix (gtk_recent_info_get_uri (info), "/" CT_WIKI_DB_NAME);
}

/* Fills @list with the newest local items that @accept; a wiki row names
 * its folder, a document row its file. Returns how many are shown. */
static guint
fill_list (GtkListBox *list,
           GPtrArray  *sorted,
           gboolean  (*accept) (GtkRecentInfo *info),
           gboolean    wikis)
{
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < sorted->len && shown < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (sorted, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) shown_file = NULL;
      g_autofree char *name = NULL;
      g_autofree char *folder = NULL;
      GtkWidget *row;

      if (!accept (info) || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      shown_file = wikis ? g_file_get_parent (file) : g_object_ref (file);
      name = g_file_get_basename (shown_file);
      folder = _ct_window_dup_folder_name (shown_file);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (wikis ? "user-bookmarks-symbolic"
                                                                     : "text-x-generic-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "file", g_steal_pointer (&file), g_object_unref);
      gtk_list_box_append (list, row);
      shown++;
    }
  return shown;
}

static void
update_recent (CtWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (GList *l = items; l != NULL; l = l->next)
    if (gtk_recent_info_is_local (l->data))
      g_ptr_array_add (sorted, l->data);
  g_ptr_array_sort (sorted, compare_recent);

  gtk_widget_set_visible (self->recent_box, fill_list (self->recent_list, sorted, is_markdown, FALSE) > 0);
  gtk_widget_set_visible (self->recent_wikis_box, fill_list (self->recent_wikis_list, sorted, is_wiki, TRUE) > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
on_recent_row_activated_cb (CtWindow      *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  if (file != NULL)
    ct_window_open (self, file);
}

void
_ct_window_add_recent (CtWindow *self,
                       GFile    *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .mime_type = (char *) "text/markdown",
    .app_name = (char *) "Continuity",
    .app_exec = (char *) "continuity %u",
  };

  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (self->recent, uri, &data);
}

void
_ct_window_welcome_init (CtWindow *self)
{
  self->recent = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent, "changed", G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recent_list, "row-activated", G_CALLBACK (on_recent_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recent_wikis_list, "row-activated", G_CALLBACK (on_recent_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  update_recent (self);
}
