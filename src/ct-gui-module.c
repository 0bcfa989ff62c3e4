/* ct-gui-module.c — the one entry point of continuity-gui.so, the module
 * main.c loads when Continuity is started without a subcommand. The module
 * holds the whole of src/app and links GTK, libadwaita, GtkSourceView and
 * WebKit; the core it calls is the executable's own copy (exported with
 * -rdynamic), so there is one set of GTypes and one core state. */
#define G_LOG_DOMAIN "continuity"

#include "config.h"

#include <gmodule.h>

#include "ct-application.h"

G_MODULE_EXPORT int ct_gui_main (int    argc,
                                 char **argv);

G_MODULE_EXPORT int
ct_gui_main (int    argc,
             char **argv)
{
  return ct_app_main (argc, argv);
}
