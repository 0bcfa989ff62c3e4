#define G_LOG_DOMAIN "ct-spell-enchant"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ct-error.h"
#include "ct-library.h"
#include "ct-spell-enchant.h"

/* The library's name with its ABI version first (what Debian 12's
 * libenchant-2-2 installs), then the development link. */
static const char * const library_names[] = { "libenchant-2.so.2", "libenchant-2.so", NULL };

static CtEnchant enchant;
static char *load_problem;

static gpointer
load (gpointer data)
{
  const CtLibrarySymbol symbols[] = {
    { "enchant_broker_init", (gpointer *) &enchant.broker_init },
    { "enchant_broker_free", (gpointer *) &enchant.broker_free },
    { "enchant_broker_dict_exists", (gpointer *) &enchant.broker_dict_exists },
    { "enchant_broker_request_dict", (gpointer *) &enchant.broker_request_dict },
    { "enchant_broker_free_dict", (gpointer *) &enchant.broker_free_dict },
    { "enchant_broker_list_dicts", (gpointer *) &enchant.broker_list_dicts },
    { "enchant_dict_check", (gpointer *) &enchant.dict_check },
    { "enchant_dict_suggest", (gpointer *) &enchant.dict_suggest },
    { "enchant_dict_free_string_list", (gpointer *) &enchant.dict_free_string_list },
    { "enchant_dict_add", (gpointer *) &enchant.dict_add },
  };

  if (!ct_library_load (library_names, "enchant", symbols, G_N_ELEMENTS (symbols), &load_problem))
    return NULL;
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
