#define G_LOG_DOMAIN "ct-library"

#include "config.h"

#include <gmodule.h>
#include <glib/gi18n-lib.h>

#include "ct-library.h"

gboolean
ct_library_load (const char * const    *names,
                 const char            *label,
                 const CtLibrarySymbol *symbols,
                 guint                  n_symbols,
                 char                 **problem)
{
  GModule *module = NULL;

  for (guint i = 0; module == NULL && names[i] != NULL; i++)
    module = g_module_open (names[i], G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      *problem = g_strdup (g_module_error ());
      return FALSE;
    }

  for (guint i = 0; i < n_symbols; i++)
    if (!g_module_symbol (module, symbols[i].name, symbols[i].slot) || *symbols[i].slot == NULL)
      {
        /* Translators: the first %s is a library ("enchant"), the second
         * a function it should have. */
        *problem = g_strdup_printf (_("%s has no “%s”"), label, symbols[i].name);
        for (guint j = 0; j < n_symbols; j++)
          *symbols[j].slot = NULL;
        g_module_close (module);
        return FALSE;
      }

  /* Kept open for the life of the process: the slots point into it, and
   * some libraries (enchant) keep their own plug-ins loaded. */
  g_module_make_resident (module);
  return TRUE;
}
