#define G_LOG_DOMAIN "ct-export-launch"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-export-launch.h"

AdwToast *
ct_export_toast_new (GFile *target,
                     guint  errors)
{
  g_autofree char *name = g_file_get_basename (target);
  g_autofree char *uri = g_file_get_uri (target);
  g_autofree char *title = NULL;
  AdwToast *toast;
  GtkWidget *box, *label, *folder_button;

  if (errors == 0)
    title = g_strdup_printf (_("Exported “%s”"), name);
  else
    /* Translators: the export was written, but references in it could not be resolved */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported “%s” with %u problem",
                                          "Exported “%s” with %u problems", errors),
                             name, errors);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 10);

  /* libadwaita 1.2's toast has one button: the second one goes in its
   * title, beside the text. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  folder_button = gtk_button_new_with_mnemonic (_("Show in _Folder"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (folder_button), "win.show-exported");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (folder_button), g_variant_new_string (uri));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), folder_button);
  adw_toast_set_custom_title (toast, box);
  return toast;
}

static void
show_failure (GtkWindow  *parent,
              const char *heading,
              GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    show_failure (parent, _("Could Not Open the File"), error);
}

void
ct_export_open_uri (GtkWindow  *parent,
                    const char *uri)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (uri != NULL);

  /* GtkFileLauncher (GTK 4.10) is too new; this is what it wraps. */
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (parent)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launched_cb, g_object_ref (parent));
}

typedef struct {
  GtkWindow *parent;
  char      *uri;
} ShowOp;

static void
show_op_free (ShowOp *op)
{
  g_object_unref (op->parent);
  g_free (op->uri);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShowOp, show_op_free)

static void
shown_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ShowOp) op = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_uri = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply != NULL)
    return;

  /* No file manager that speaks FileManager1: the folder, unselected. */
  g_debug ("ShowItems failed, opening the folder: %s", error->message);
  file = g_file_new_for_uri (op->uri);
  folder = g_file_get_parent (file);
  folder_uri = g_file_get_uri (folder != NULL ? folder : file);
  ct_export_open_uri (op->parent, folder_uri);
}

void
ct_export_show_uri_in_folder (GtkWindow  *parent,
                              const char *uri)
{
  g_autoptr(GDBusConnection) bus = NULL;
  const char *uris[] = { uri, NULL };
  ShowOp *op;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (uri != NULL);

  op = g_new0 (ShowOp, 1);
  op->parent = g_object_ref (parent);
  op->uri = g_strdup (uri);

  /* The application registered on this bus at startup: no waiting here. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    {
      g_autoptr(ShowOp) owned = op;
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *folder_uri = g_file_get_uri (folder != NULL ? folder : file);

      ct_export_open_uri (parent, folder_uri);
      return;
    }

  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL, shown_cb, op);
}
