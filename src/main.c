/* main.c — one binary: a known subcommand runs headless, anything else
 * starts the GUI (DESIGN §3). */
#define G_LOG_DOMAIN "continuity"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ct-application.h"
#include "ct-cli.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (ct_cli_handles (argc, argv))
    return ct_cli_main (argc, argv);

  return ct_app_main (argc, argv);
}
