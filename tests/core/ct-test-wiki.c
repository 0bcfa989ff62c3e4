#include "config.h"

#include <glib/gstdio.h>

#include "ct-test-wiki.h"

char *
ct_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ct-wiki-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
ct_test_rmtree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        ct_test_rmtree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

CtWiki *
ct_test_wiki_new (char **folder)
{
  g_autoptr(GError) error = NULL;
  CtWiki *wiki;

  *folder = ct_test_tmpdir ();
  wiki = ct_wiki_open (*folder, CT_WIKI_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (wiki);
  return wiki;
}

CtWiki *
ct_test_wiki_fixture (char **folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ct_test_fixture ("wiki", "john-wick.json", NULL);
  g_autofree char *json = NULL;
  CtWiki *wiki = ct_test_wiki_new (folder);

  g_assert_true (g_file_get_contents (path, &json, NULL, &error));
  g_assert_true (ct_wiki_import (wiki, json, -1, &error));
  g_assert_no_error (error);
  return wiki;
}

char *
ct_test_fixture (const char *first,
                 ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (char *) g_getenv ("G_TEST_SRCDIR"));
  g_ptr_array_add (parts, "fixtures");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  g_assert_nonnull (parts->pdata[0]);
  return g_build_filenamev ((char **) parts->pdata);
}

char *
ct_test_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

gint64
ct_test_id (CtWiki     *wiki,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ct_wiki_lookup (wiki, title, &error);
  CtLookup *lookup;

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  lookup = g_ptr_array_index (found, 0);
  g_assert_cmpint (lookup->match, ==, CT_MATCH_TITLE);
  return lookup->entity_id;
}

char *
ct_test_entity_titles (GPtrArray *entities)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      CtEntity *entity = g_ptr_array_index (entities, i);
      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, entity->title);
    }
  return g_string_free (out, FALSE);
}

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

  self->wiki = ct_test_wiki_new (&self->folder);
  g_assert_true (ct_wiki_import (self->wiki, json, -1, &error));
  g_assert_no_error (error);
}

void
ct_test_wiki_clear (CtTestWiki *self)
{
  g_clear_object (&self->wiki);
  if (self->folder != NULL)
    ct_test_rmtree (self->folder);
  g_clear_pointer (&self->folder, g_free);
}
