#define G_LOG_DOMAIN "ct-archive"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ct-archive.h"
#include "ct-error.h"
#include "ct-library.h"

/* The library's name with its ABI version first (what Debian 12's
 * libarchive13 installs), then the development link. */
static const char * const library_names[] = { "libarchive.so.13", "libarchive.so", NULL };

static CtArchive archive;
static char *load_problem;

static gpointer
load (gpointer data)
{
  const CtLibrarySymbol symbols[] = {
    { "archive_read_new", (gpointer *) &archive.read_new },
    { "archive_read_support_format_zip", (gpointer *) &archive.read_support_format_zip },
    { "archive_read_open_filename", (gpointer *) &archive.read_open_filename },
    { "archive_read_next_header", (gpointer *) &archive.read_next_header },
    { "archive_read_data", (gpointer *) &archive.read_data },
    { "archive_read_free", (gpointer *) &archive.read_free },
    { "archive_error_string", (gpointer *) &archive.error_string },
    { "archive_entry_pathname", (gpointer *) &archive.entry_pathname },
    { "archive_entry_size", (gpointer *) &archive.entry_size },
    { "archive_entry_size_is_set", (gpointer *) &archive.entry_size_is_set },
  };

  if (!ct_library_load (library_names, "libarchive", symbols, G_N_ELEMENTS (symbols), &load_problem))
    return NULL;
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
