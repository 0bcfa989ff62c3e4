/* ct-library.h — a shared library opened on first use, not linked.
 *
 * Some libraries serve one feature yet, linked, are loaded by every
 * command (and what they link with them): libarchive for zip imports,
 * enchant for spelling. ct-archive.c and ct-spell-enchant.c open theirs
 * through this the first time the feature is used. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;     /* the function's name in the library */
  gpointer   *slot;     /* where its address goes */
} CtLibrarySymbol;

/* Opens the first of @names (NULL-terminated: the name with its ABI
 * version first, then the development link) that loads, and fills every
 * slot of @symbols (@n_symbols). The library stays open for the life of
 * the process, since the slots point into it. On failure returns FALSE
 * and sets @problem to a sentence naming what went wrong (@label names
 * the library in it). Not thread-safe: call it under g_once. */
gboolean ct_library_load (const char * const    *names,
                          const char            *label,
                          const CtLibrarySymbol *symbols,
                          guint                  n_symbols,
                          char                 **problem);

G_END_DECLS
