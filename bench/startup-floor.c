/* startup-floor — the start-up every headless command pays before doing
 * anything (bench/README.md, "Headless core").
 *
 * An empty program linked to the libraries the continuity executable
 * links (GLib, GObject, GIO, GModule, SQLite, cmark, json-glib, libyaml),
 * asking each one trivial thing so that none is dropped as unneeded:
 * exec, mapping and relocating them and their constructors. bench/run
 * times it beside `continuity --version` and beside cmark on an empty
 * file; what `continuity --version` costs over it is Continuity's own
 * start-up, what it costs over cmark is mostly these libraries. */
#include <stdio.h>
#include <cmark.h>
#include <gio/gio.h>
#include <gmodule.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <yaml.h>

int
main (int    argc,
      char **argv)
{
  /* argv[1] is never given: the calls are only there to keep the links */
  if (argc > 1)
    printf ("%s %s %s %p %d %s %d\n", sqlite3_libversion (), cmark_version_string (),
            yaml_get_version_string (), (void *) g_resource_get_type (),
            (int) json_parser_get_type (), g_module_supported () ? "modules" : "",
            (int) g_object_get_type ());
  return 0;
}
