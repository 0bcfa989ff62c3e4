/* main.c — one binary: a known subcommand runs headless, anything else
 * starts the GUI (DESIGN §3).
 *
 * The binary links only the core and the CLI (GLib, SQLite, cmark,
 * json-glib, libyaml). GTK, libadwaita, GtkSourceView and WebKit live in
 * the continuity-gui module, loaded only when a window is wanted, so a
 * command such as `continuity export` starts like a small C tool instead of
 * first mapping some 170 shared libraries it never calls
 * (docs/decisions.md, "Headless commands never load the GUI stack"). */
#define G_LOG_DOMAIN "continuity"

#include "config.h"

#include <stdio.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <glib/gi18n.h>
#include <gmodule.h>

#include "ct-cli.h"

typedef int (*CtGuiMain) (int argc, char **argv);

#define GUI_MODULE_NAME "continuity-gui.so"

/* The module next to the executable wins, so an uninstalled build
 * (./build/src/continuity, `make run`, the tests) runs its own GUI and not
 * an older installed one; an installed binary has none beside it in
 * bindir and uses the one in libdir/continuity. */
static char *
find_gui_module (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, GUI_MODULE_NAME, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (PKGLIBDIR, GUI_MODULE_NAME, NULL);
}

static int
run_gui (int    argc,
         char **argv)
{
  g_autofree char *path = find_gui_module ();
  GModule *module;
  CtGuiMain gui_main = NULL;

  /* LAZY: most of the GUI stack's symbols are never called in a session.
   * Global, not LOCAL: GtkBuilder finds a type it has not met yet by
   * looking up its _get_type function in the program's global scope, so
   * the module and GTK must be in it, as they were when linked in. */
  module = g_module_open (path, G_MODULE_BIND_LAZY);
  if (module == NULL)
    {
      fprintf (stderr,
               _("continuity: cannot start the window: %s\n"
                 "The commands still work: run “continuity --help”.\n"),
               g_module_error ());
      return 1;
    }

  if (!g_module_symbol (module, "ct_gui_main", (gpointer *) &gui_main) || gui_main == NULL)
    {
      fprintf (stderr, _("continuity: %s is not Continuity’s window module: %s\n"),
               path, g_module_error ());
      return 1;
    }

  /* GTK registers types and atexit handlers from the module: it must stay
   * mapped until the process ends. */
  g_module_make_resident (module);
  return gui_main (argc, argv);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (ct_cli_handles (argc, argv))
    {
#if defined(__GLIBC__) && defined(M_TOP_PAD)
      /* A command builds and frees a whole document at a time (a 3 MB
       * export frees its parse tree, then allocates its page). By default
       * glibc hands the freed top of the heap back to the kernel at once
       * and takes it again page by page, each a fault: a third of what an
       * export of a long post cost over cmark. Heap growth with 8 MiB to
       * spare, and as much kept when freed, is ~10 % of the whole export
       * (bench/README.md); it is never more than that over the peak, for
       * a process that ends when the command does. The window keeps
       * glibc's defaults. */
      mallopt (M_TOP_PAD, 8 << 20);
#endif
      return ct_cli_main (argc, argv);
    }

  return run_gui (argc, argv);
}
