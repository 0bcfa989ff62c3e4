#include "config.h"

#include <glib/gstdio.h>

#include "ct-test-wiki.h"

char *
ct_test_read_source (const char *first_element,
                     ...)
{
  va_list args;
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  va_start (args, first_element);
  relative = g_build_filename_valist (first_element, &args);
  va_end (args);

  path = g_test_build_filename (G_TEST_DIST, relative, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

void
ct_test_wiki_init (CtTestWiki *self,
                   const char *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = ct_test_read_source ("fixtures", "wiki", fixture, NULL);

  self->folder = g_dir_make_tmp ("ct-wiki-XXXXXX", &error);
  g_assert_no_error (error);
  self->wiki = ct_wiki_open (self->folder, CT_WIKI_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (self->wiki);
  ct_wiki_import (self->wiki, json, -1, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
ct_test_wiki_clear (CtTestWiki *self)
{
  g_clear_object (&self->wiki);
  if (self->folder != NULL)
    remove_tree (self->folder);
  g_clear_pointer (&self->folder, g_free);
}
