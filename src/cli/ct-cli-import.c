#define G_LOG_DOMAIN "ct-cli-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>

#include "ct-cli-private.h"

/* The document, held once: a file is mapped, not copied, and standard
 * input is kept in the buffer it was read into. The import then parses it
 * one entity at a time, so the document is the largest thing in memory. */
static GBytes *
read_document (const char  *path,
               GError     **error)
{
  if (g_str_equal (path, "-"))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
    }
  else
    {
      g_autoptr(GMappedFile) mapped = NULL;
      struct stat st;
      int fd = g_open (path, O_RDONLY, 0);

      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not read %s: %s"), path, g_strerror (saved));
          return NULL;
        }
      /* a pipe (import <(…)) cannot be mapped: read it whole */
      if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
        {
          char *contents = NULL;
          gsize length;

          close (fd);
          if (!g_file_get_contents (path, &contents, &length, error))
            return NULL;
          return g_bytes_new_take (contents, length);
        }
      mapped = g_mapped_file_new_from_fd (fd, FALSE, error);
      close (fd);
      return mapped != NULL ? g_mapped_file_get_bytes (mapped) : NULL;
    }
}

int
ct_cli_import (int    argc,
               char **argv)
{
  g_autofree char *wiki_dir = NULL;
  g_autofree char *letterboxd = NULL;
  GOptionEntry entries[] = {
    { "wiki", 0, 0, G_OPTION_ARG_FILENAME, &wiki_dir, N_("The wiki folder (default: the one holding the current folder)"), N_("DIR") },
    { "letterboxd", 0, 0, G_OPTION_ARG_FILENAME, &letterboxd, N_("Import a Letterboxd export (its .zip or unpacked folder): films and a post per review"), N_("EXPORT") },
    { NULL }
  };
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = NULL;
  const char *data;
  gsize length;

  if (!ct_cli_parse ("import", "FILE.json|-",
                     _("Merge entities and credits from JSON into the wiki, by title. Nothing changes unless all of it can be imported."),
                     entries, &argc, &argv))
    return CT_EXIT_USAGE;
  if (letterboxd != NULL)
    return ct_cli_import_letterboxd (letterboxd, wiki_dir, argc);
  if (argc != 2)
    {
      ct_cli_fail (_("import takes one file (or - for standard input); see “continuity import --help”"));
      return CT_EXIT_USAGE;
    }

  json = read_document (argv[1], &error);
  if (json == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }

  wiki = ct_cli_open_wiki (wiki_dir, CT_WIKI_OPEN_DEFAULT, &error);
  if (wiki == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }
  data = g_bytes_get_data (json, &length);
  /* an empty file maps to no data at all */
  if (!ct_wiki_import (wiki, data != NULL ? data : "", (gssize) length, &error))
    {
      /* "FILE.json: entities[12].facts[3].entity: no entity titled …" */
      ct_cli_fail ("%s: %s", argv[1], error->message);
      return CT_EXIT_FAILURE;
    }
  return CT_EXIT_OK;
}
