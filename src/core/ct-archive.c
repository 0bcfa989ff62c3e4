#define G_LOG_DOMAIN "ct-archive"

#include "config.h"

#include <gmodule.h>
#include <glib/gi18n-lib.h>

#include "ct-archive.h"
#include "ct-error.h"

/* The library's name with its ABI version first (what Debian 12's
 * libarchive13 installs), then the development link. */
static const char * const library_names[] = { "libarchive.so.13", "libarchive.so" };

static CtArchive archive;
static char *load_problem;

static gboolean
look_up (GModule     *module,
         const char  *name,
         gpointer    *symbol)
{
  if (g_module_symbol (module, name, symbol) && *symbol != NULL)
    return TRUE;
  load_problem = g_strdup_printf (_("libarchive has no “%s”"), name);
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

  if (!look_up (module, "archive_read_new", (gpointer *) &archive.read_new) ||
      !look_up (module, "archive_read_support_format_zip", (gpointer *) &archive.read_support_format_zip) ||
      !look_up (module, "archive_read_open_filename", (gpointer *) &archive.read_open_filename) ||
      !look_up (module, "archive_read_next_header", (gpointer *) &archive.read_next_header) ||
      !look_up (module, "archive_read_data", (gpointer *) &archive.read_data) ||
      !look_up (module, "archive_read_free", (gpointer *) &archive.read_free) ||
      !look_up (module, "archive_error_string", (gpointer *) &archive.error_string) ||
      !look_up (module, "archive_entry_pathname", (gpointer *) &archive.entry_pathname) ||
      !look_up (module, "archive_entry_size", (gpointer *) &archive.entry_size) ||
      !look_up (module, "archive_entry_size_is_set", (gpointer *) &archive.entry_size_is_set))
    {
      g_module_close (module);
      return NULL;
    }
  /* Kept open for the life of the process: the pointers point into it. */
  g_module_make_resident (module);
  return &archive;
}

const CtArchive *
ct_archive_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  const CtArchive *loaded = g_once (&once, load, NULL);

  if (loaded == NULL)
    g_set_error (error, CT_ERROR, CT_ERROR_FAILED,
                 _("Reading a .zip needs libarchive (the Debian package libarchive13), which "
                   "could not be loaded: %s. Unpack the export and import its folder instead."),
                 load_problem);
  return loaded;
}
