/* ct-cli.h — the headless subcommands (DESIGN §8). None of them needs a
 * display or initializes GTK. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes shared by every subcommand. */
enum {
  CT_EXIT_OK = 0,
  CT_EXIT_FAILURE = 1,   /* a failure (one line on stderr) or errors found by check */
  CT_EXIT_USAGE = 2,     /* bad usage */
};

/* TRUE when argv asks for a subcommand, --version or --help, i.e. for
 * something the command line answers without the GUI. */
gboolean ct_cli_handles (int    argc,
                         char **argv);

int      ct_cli_main    (int    argc,
                         char **argv);

G_END_DECLS
