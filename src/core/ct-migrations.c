#define G_LOG_DOMAIN "ct-migrations"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "ct-core-resources.h"
#include "ct-migrations.h"
#include "ct-resources.h"

#define SQL_DIR "/io/github/continuity/core/sql/"

static int
compare_names (const void *a,
               const void *b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The scripts' resource names, sorted: "001-initial.sql", … The number in
 * each name must equal its position, which a test checks. */
static GStrv
list_scripts (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (ct_core_get_resource (), SQL_DIR,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  guint n = names ? g_strv_length (names) : 0;

  g_assert (n > 0);
  qsort (names, n, sizeof (char *), compare_names);
  for (guint i = 0; i < n; i++)
    g_assert ((guint) atoi (names[i]) == i + 1);
  return g_steal_pointer (&names);
}

guint
ct_migrations_latest (void)
{
  g_auto(GStrv) names = list_scripts ();

  return g_strv_length (names);
}

gint64
ct_migrations_get_version (CtDb    *db,
                           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (db, "PRAGMA user_version", error);
  gboolean row;

  if (stmt == NULL || !ct_db_step (db, stmt, &row, error))
    return -1;
  return row ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
set_version (CtDb    *db,
             guint    version,
             GError **error)
{
  /* PRAGMA takes no parameters; the number is ours, not user input. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u", version);

  return ct_db_exec (db, sql, error);
}

gboolean
ct_migrations_run_scripts (CtDb               *db,
                           const char * const *scripts,
                           guint               n_scripts,
                           GError            **error)
{
  gint64 version = ct_migrations_get_version (db, error);

  if (version < 0)
    return FALSE;

  for (guint i = (guint) version; i < n_scripts; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!ct_db_begin (db, error))
        return FALSE;
      if (!ct_db_exec (db, scripts[i], &local_error) || !set_version (db, i + 1, &local_error))
        {
          ct_db_rollback (db);
          g_set_error (error, CT_ERROR, local_error->code,
                       _("Could not upgrade %s to version %u: %s"),
                       ct_db_path (db), i + 1, local_error->message);
          return FALSE;
        }
      if (!ct_db_commit (db, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
ct_migrations_run (CtDb    *db,
                   GError **error)
{
  g_auto(GStrv) names = list_scripts ();
  guint n = g_strv_length (names);
  g_autoptr(GPtrArray) bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  gint64 version = ct_migrations_get_version (db, error);

  if (version < 0)
    return FALSE;
  if (version >= n)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strconcat ("sql/", names[i], NULL);
      GBytes *script = ct_core_resource_bytes (path);

      /* Resource data is nul-terminated by glib-compile-resources. */
      g_ptr_array_add (bytes, script);
      g_ptr_array_add (texts, (gpointer) g_bytes_get_data (script, NULL));
    }

  if (!ct_migrations_run_scripts (db, (const char * const *) texts->pdata, n, error))
    return FALSE;

  /* Mark the file as a Continuity wiki for tools like file(1) and for our
   * own check that a foreign SQLite file is not mistaken for one. */
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", CT_WIKI_APPLICATION_ID);
    return ct_db_exec (db, sql, error);
  }
}
