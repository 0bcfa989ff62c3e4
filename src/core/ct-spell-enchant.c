#define G_LOG_DOMAIN "ct-spell-enchant"

#include "config.h"

#include <gmodule.h>
#include <glib/gi18n-lib.h>

#include "ct-error.h"
#include "ct-spell-enchant.h"

/* The library's name with its ABI version first (what Debian 12's
 * libenchant-2-2 installs), then the development link. */
static const char * const library_names[] = { "libenchant-2.so.2", "libenchant-2.so" };

static CtEnchant enchant;
static char *load_problem;

static gboolean
look_up (GModule     *module,
         const char  *name,
         gpointer    *symbol)
{
  if (g_module_symbol (module, name, symbol) && *symbol != NULL)
    return TRUE;
  load_problem = g_strdup_printf (_("enchant has no “%s”"), name);
  return FALSE;
}

static gpointer
load (gpointer data)
{
  GModule *module = NULL;

  for (guint i = 0; module == NULL && i < G_N_ELEMENTS (library_names); i++)
    module = g_module_open (library_names[i], G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      load_problem = g_strdup (g_module_error ());
      return NULL;
    }

  if (!look_up (module, "enchant_broker_init", (gpointer *) &enchant.broker_init) ||
      !look_up (module, "enchant_broker_free", (gpointer *) &enchant.broker_free) ||
      !look_up (module, "enchant_broker_dict_exists", (gpointer *) &enchant.broker_dict_exists) ||
      !look_up (module, "enchant_broker_request_dict", (gpointer *) &enchant.broker_request_dict) ||
      !look_up (module, "enchant_broker_free_dict", (gpointer *) &enchant.broker_free_dict) ||
      !look_up (module, "enchant_broker_list_dicts", (gpointer *) &enchant.broker_list_dicts) ||
      !look_up (module, "enchant_dict_check", (gpointer *) &enchant.dict_check) ||
      !look_up (module, "enchant_dict_suggest", (gpointer *) &enchant.dict_suggest) ||
      !look_up (module, "enchant_dict_free_string_list", (gpointer *) &enchant.dict_free_string_list) ||
      !look_up (module, "enchant_dict_add", (gpointer *) &enchant.dict_add))
    {
      g_module_close (module);
      return NULL;
    }
  /* Kept open for the life of the process: the pointers point into it,
   * and enchant keeps its providers loaded. */
  g_module_make_resident (module);
  return &enchant;
}

const CtEnchant *
ct_spell_enchant_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  const CtEnchant *loaded = g_once (&once, load, NULL);

  if (loaded == NULL)
    g_set_error (error, CT_ERROR, CT_ERROR_FAILED,
                 _("Spelling needs enchant (the Debian package libenchant-2-2), which could not "
                   "be loaded: %s"),
                 load_problem);
  return loaded;
}
