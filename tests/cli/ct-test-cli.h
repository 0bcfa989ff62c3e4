/* ct-test-cli.h — runs the real `continuity` binary in tests. */
#pragma once

#include <glib.h>

typedef struct {
  int   exit_code;
  char *out;
  char *err;
} CtRun;

void   ct_run_clear (CtRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CtRun, ct_run_clear)

/* Runs continuity with the NULL-terminated arguments, feeding @input (may
 * be NULL) on standard input. */
void   ct_run (CtRun      *run,
               const char *input,
               ...) G_GNUC_NULL_TERMINATED;
