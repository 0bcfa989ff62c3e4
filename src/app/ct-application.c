#define G_LOG_DOMAIN "ct-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-application-private.h"
#include "ct-preferences-window.h"
#include "ct-window.h"
#include "ct-wiki-registry.h"

struct _CtApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  CtDrafts       *drafts;
  CtWikiRegistry *wikis;
};

G_DEFINE_FINAL_TYPE (CtApplication, ct_application, ADW_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.new", { "<Control>n", "<Control>t", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.copy-html", { "<Control><Shift>c", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.close-tab", { "<Control>w", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.replace", { "<Control>h", NULL } },
  { "app.view-mode('editor')", { "<Control>1", NULL } },
  { "app.view-mode('split')", { "<Control>2", NULL } },
  { "app.view-mode('preview')", { "<Control>3", NULL } },
  { "page.next-problem", { "F8", NULL } },
  { "page.previous-problem", { "<Shift>F8", NULL } },
  { "win.insert-image", { "<Control><Shift>i", NULL } },
};

static CtWindow *
get_window (CtApplication *self,
            gboolean      *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = window == NULL;
  if (window == NULL)
    {
      window = GTK_WINDOW (ct_window_new (self, self->drafts, self->wikis));
      /* A fresh start (not a second window) brings back unsaved work. */
      ct_window_restore_drafts (CT_WINDOW (window));
    }
  return CT_WINDOW (window);
}

static void
ct_application_activate (GApplication *app)
{
  gboolean created;
  CtWindow *window = get_window (CT_APPLICATION (app), &created);

  /* Started with nothing to open: the wiki of last time comes back. */
  if (created)
    ct_window_restore_wiki (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
ct_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  gboolean created;
  CtWindow *window = get_window (CT_APPLICATION (app), &created);

  for (int i = 0; i < n_files; i++)
    ct_window_open (window, files[i]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Each window asks about its own unsaved documents; the application
   * ends when the last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  CtPreferencesWindow *preferences = ct_preferences_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  static const char *developers[] = { "The Continuity authors", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Continuity"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Write about films and keep a wiki of their universe"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/continuity/continuity",
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
};

static gboolean
color_scheme_from_setting (GValue   *value,
                           GVariant *variant,
                           gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  if (g_strcmp0 (style, "light") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (style, "dark") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

static void
ct_application_startup (GApplication *app)
{
  CtApplication *self = CT_APPLICATION (app);

  G_APPLICATION_CLASS (ct_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  _ct_application_add_test_hooks (GTK_APPLICATION (self));
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  /* The view mode is one setting for every window: an application action,
   * so it lives as long as the settings it mirrors. */
  {
    g_autoptr(GAction) view_mode = g_settings_create_action (self->settings, "view-mode");

    g_action_map_add_action (G_ACTION_MAP (self), view_mode);
  }
  g_settings_bind_with_mapping (self->settings, "style-variant",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET, color_scheme_from_setting,
                                NULL, NULL, NULL);
}

static void
ct_application_shutdown (GApplication *app)
{
  CtApplication *self = CT_APPLICATION (app);

  /* GtkApplication destroys the remaining windows here; the drafts their
   * pages queue on the way out must reach the disk before we exit. */
  G_APPLICATION_CLASS (ct_application_parent_class)->shutdown (app);
  ct_drafts_close (self->drafts);
}

static void
ct_application_dispose (GObject *object)
{
  CtApplication *self = (CtApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->drafts);
  g_clear_object (&self->wikis);

  G_OBJECT_CLASS (ct_application_parent_class)->dispose (object);
}

static void
ct_application_class_init (CtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ct_application_dispose;
  app_class->activate = ct_application_activate;
  app_class->open = ct_application_open;
  app_class->startup = ct_application_startup;
  app_class->shutdown = ct_application_shutdown;
}

static void
ct_application_init (CtApplication *self)
{
  self->drafts = ct_drafts_new (NULL);
  self->wikis = ct_wiki_registry_new ();
}

CtApplication *
ct_application_new (void)
{
  return g_object_new (CT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/continuity/Continuity",
                       NULL);
}

CtDrafts *
ct_application_get_drafts (CtApplication *self)
{
  g_return_val_if_fail (CT_IS_APPLICATION (self), NULL);

  return self->drafts;
}

void
ct_application_set_drafts_directory (CtApplication *self,
                                     GFile         *directory)
{
  g_return_if_fail (CT_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (directory));
  g_return_if_fail (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL);

  ct_drafts_close (self->drafts);
  g_clear_object (&self->drafts);
  self->drafts = ct_drafts_new (directory);
}

CtWikiRegistry *
ct_application_get_wiki_registry (CtApplication *self)
{
  g_return_val_if_fail (CT_IS_APPLICATION (self), NULL);

  return self->wikis;
}

/* Whether an instance owns our name but does not answer: just SIGKILLed
 * while the bus has not yet dropped it, stopped, or hung. Registering would
 * then wait 25 s for the list of its actions and fail with "Failed to
 * register: Timeout was reached", and a remote instance would hand our
 * files to it and exit: either way, no window. Asked the way GApplication
 * will ask (org.gtk.Actions, answered by the primary's main loop), but with
 * a short timeout. */
static gboolean
primary_is_stuck (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, APP_ID, "/io/github/continuity/Continuity",
                                       "org.gtk.Actions", "DescribeAll", NULL, NULL,
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START, 5000, NULL, &error);
  return reply == NULL &&
         (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
          g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_TIMEOUT) ||
          g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY));
}

static CtApplication *
start_alone (void)
{
  CtApplication *app = ct_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (g_application_register (G_APPLICATION (app), NULL, &error))
    return app;

  /* Even exporting our actions failed: without an id GApplication does not
   * touch the bus at all. */
  g_message ("Starting without the session bus: %s", error->message);
  g_object_unref (app);
  app = ct_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_set_application_id (G_APPLICATION (app), NULL);
  return app;
}

int
ct_app_main (int    argc,
             char **argv)
{
  g_autoptr(CtApplication) app = ct_application_new ();
  g_autoptr(GError) error = NULL;

  /* g_application_run() would print "Failed to register" and exit without
   * a window. Registering first lets us fall back instead: a second
   * instance must either reach the first or start on its own. */
  if (primary_is_stuck ())
    {
      g_message ("The running Continuity does not answer; starting a separate instance");
      g_clear_object (&app);
      app = start_alone ();
    }
  else if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_message ("Could not register on the session bus (%s); starting as a separate instance",
                 error->message);
      g_clear_object (&app);
      app = start_alone ();
    }

  return g_application_run (G_APPLICATION (app), argc, argv);
}
