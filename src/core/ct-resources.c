#define G_LOG_DOMAIN "ct-resources"

#include "config.h"

#include <gio/gio.h>

#include "ct-core-resources.h"
#include "ct-resources.h"

#define CORE_RESOURCE_ROOT "/io/github/continuity/core/"

GBytes *
ct_core_resource_bytes (const char *path)
{
  g_autofree char *full = g_strconcat (CORE_RESOURCE_ROOT, path, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* Looked up in our own GResource directly: a static library may drop the
   * constructor that would register it globally. */
  bytes = g_resource_lookup_data (ct_core_get_resource (), full,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("Missing core resource %s: %s", full, error->message);

  return bytes;
}
