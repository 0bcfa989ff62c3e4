#define G_LOG_DOMAIN "ct-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-application.h"

struct _CtApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CtApplication, ct_application, ADW_TYPE_APPLICATION)

static void
ct_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, _("Continuity"));
      gtk_window_set_default_size (window, 1200, 800);
    }
  gtk_window_present (window);
}

static void
ct_application_class_init (CtApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = ct_application_activate;
}

static void
ct_application_init (CtApplication *self)
{
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

int
ct_app_main (int    argc,
             char **argv)
{
  g_autoptr(CtApplication) app = ct_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
