#define G_LOG_DOMAIN "ct-wiki-query"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-fact-keys.h"
#include "ct-wiki-private.h"

/* ct-wiki-appearances.c — where an entity appears (films, scenes, events),
 * as {{appearances}} and an entity page list them: one query per kind of
 * appearance, merged in story order. */

/* Appearances */

typedef struct {
  CtAppearance *appearance;
  char         *release;     /* the film's release_date, for sorting */
  int           order;       /* the scene's order */
} SortableAppearance;

static void
sortable_free (gpointer data)
{
  SortableAppearance *s = data;

  ct_appearance_free (s->appearance);
  g_free (s->release);
  g_free (s);
}

static int
compare_appearances (gconstpointer a,
                     gconstpointer b)
{
  const SortableAppearance *x = *(SortableAppearance * const *) a;
  const SortableAppearance *y = *(SortableAppearance * const *) b;
  int cmp;

  /* Films in release order (undated last), then their scenes in order. */
  if ((cmp = (x->release == NULL) - (y->release == NULL)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (x->release, y->release)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (x->appearance->film_title, y->appearance->film_title)) != 0)
    return cmp;
  if ((cmp = (x->appearance->kind == CT_ENTITY_SCENE) - (y->appearance->kind == CT_ENTITY_SCENE)) != 0)
    return cmp;
  if ((cmp = x->order - y->order) != 0)
    return cmp;
  return g_strcmp0 (x->appearance->title, y->appearance->title);
}

/* Every query below returns: id, kind, title, film id, film title,
 * role or fact key, film release date, scene order, the other name of a
 * credit (its character or person). */
#define FILM_EXTRA(film) \
  " (SELECT r.text FROM fact r WHERE r.entity_id = " film " AND r.key = 'release_date' LIMIT 1)"

static const char * const appearance_queries[] = {
  /* credits of a person */
  "SELECT f.id, f.kind, f.title, f.id, f.title, c.role," FILM_EXTRA ("f.id") ", 0, ch.title"
  " FROM credit c JOIN entity f ON f.id = c.film_id LEFT JOIN entity ch ON ch.id = c.character_id"
  " WHERE c.person_id = ?1",
  /* credits of a character */
  "SELECT f.id, f.kind, f.title, f.id, f.title, c.role," FILM_EXTRA ("f.id") ", 0, p.title"
  " FROM credit c JOIN entity f ON f.id = c.film_id JOIN entity p ON p.id = c.person_id"
  " WHERE c.character_id = ?1",
  /* films and scenes whose facts link to it (a scene's location or
   * characters, a film's director …) */
  "SELECT x.id, x.kind, x.title, ifnull (sf.value_id, x.id), ifnull (film.title, x.title), l.key,"
  FILM_EXTRA ("ifnull (sf.value_id, x.id)") ","
  " ifnull ((SELECT CAST (o.text AS INTEGER) FROM fact o WHERE o.entity_id = x.id AND o.key = 'order'), 0),"
  " NULL"
  " FROM fact l JOIN entity x ON x.id = l.entity_id"
  " LEFT JOIN fact sf ON x.kind = 'scene' AND sf.entity_id = x.id AND sf.key = 'film'"
  " LEFT JOIN entity film ON film.id = sf.value_id"
  " WHERE l.value_id = ?1 AND x.kind IN ('film', 'scene')",
  /* its own first appearance */
  "SELECT f.id, f.kind, f.title, f.id, f.title, l.key," FILM_EXTRA ("f.id") ", 0, NULL"
  " FROM fact l JOIN entity f ON f.id = l.value_id"
  " WHERE l.entity_id = ?1 AND l.key = 'first_appearance' AND f.kind = 'film'",
};

/* The queries above as one statement, each row led by its query's
 * number: one statement to step instead of four (a site asks this for
 * every person's and character's page). */
static const char *
all_appearances_query (void)
{
  static gsize query;

  if (g_once_init_enter (&query))
    {
      GString *all = g_string_new (NULL);

      for (guint q = 0; q < G_N_ELEMENTS (appearance_queries); q++)
        {
          if (q > 0)
            g_string_append (all, " UNION ALL ");
          /* "SELECT " + Q + ", " + the rest of the query */
          g_string_append_printf (all, "SELECT %u, %s", q, appearance_queries[q] + strlen ("SELECT "));
        }
      g_once_init_leave (&query, (gsize) g_string_free (all, FALSE));
    }
  return (const char *) query;
}

/* What an appearance was, as a reader reads it: "as Rooney", "Cameo as
 * John Wick", "played by Ana de Armas", "Director", "First appearance";
 * nothing where the list already says it (a scene a character is in). */
static char *
appearance_detail (guint       query,
                   CtEntityKind kind,
                   const char *what,
                   const char *other)
{
  gboolean plain_cast = g_strcmp0 (what, "cast") == 0;

  switch (query)
    {
    case 0:
      if (other == NULL)
        return g_strdup (ct_credit_role_label (what));
      return plain_cast ? g_strdup_printf (_("as %s"), other)
                        /* Translators: a credit role and a character: "Cameo as John Wick" */
                        : g_strdup_printf (_("%s as %s"), ct_credit_role_label (what), other);
    case 1:
      return plain_cast ? g_strdup_printf (_("played by %s"), other)
                        /* Translators: a credit role and a person: "Cameo by Keanu Reeves" */
                        : g_strdup_printf (_("%s by %s"), ct_credit_role_label (what), other);
    case 2:
      if (kind == CT_ENTITY_SCENE && g_strcmp0 (what, "characters") == 0)
        return NULL;
      return ct_fact_key_label (kind, what);
    default:
      return ct_fact_key_label (CT_ENTITY_CHARACTER, what);
    }
}

/* A row of all_appearances_query (), its query's number first. */
static SortableAppearance *
sortable_from_row (sqlite3_stmt *stmt,
                   guint        *query)
{
  guint q = MIN ((guint) sqlite3_column_int (stmt, 0), G_N_ELEMENTS (appearance_queries) - 1);
  SortableAppearance *s = g_new0 (SortableAppearance, 1);
  CtAppearance *a = g_new0 (CtAppearance, 1);

  a->entity_id = sqlite3_column_int64 (stmt, 1);
  a->kind = _ct_wiki_column_kind (stmt, 2);
  a->title = ct_db_column_dup (stmt, 3);
  a->film_id = sqlite3_column_int64 (stmt, 4);
  a->film_title = ct_db_column_dup (stmt, 5);
  a->detail = appearance_detail (q, a->kind, (const char *) sqlite3_column_text (stmt, 6),
                                 (const char *) sqlite3_column_text (stmt, 9));
  s->appearance = a;
  s->release = ct_db_column_dup (stmt, 7);
  s->order = sqlite3_column_int (stmt, 8);
  *query = q;
  return s;
}

/* One entity's rows, each query's in the order its statement gave them,
 * as its appearances: duplicates dropped query by query, then sorted.
 * Empties @by_query. */
static GPtrArray *
appearances_from_rows (GPtrArray **by_query)
{
  g_autoptr(GPtrArray) sortable = g_ptr_array_new_with_free_func (sortable_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *result;

  /* query by query, as they are listed, whatever order the statement
   * gave them in */
  for (guint q = 0; q < G_N_ELEMENTS (appearance_queries); q++)
    {
      for (guint i = 0; i < by_query[q]->len; i++)
        {
          SortableAppearance *s = g_ptr_array_index (by_query[q], i);

          /* A film already listed through a credit is not listed again
           * because a fact also names it (a director is both). */
          if (!g_hash_table_add (seen, &s->appearance->entity_id) && q > 1)
            continue;
          g_ptr_array_add (sortable, g_steal_pointer (&by_query[q]->pdata[i]));
        }
    }
  for (guint q = 0; q < G_N_ELEMENTS (appearance_queries); q++)
    {
      /* the ones moved to @sortable left NULL behind */
      for (guint i = 0; i < by_query[q]->len; i++)
        if (by_query[q]->pdata[i] != NULL)
          sortable_free (by_query[q]->pdata[i]);
      g_ptr_array_set_size (by_query[q], 0);
    }

  g_ptr_array_sort (sortable, compare_appearances);
  result = g_ptr_array_new_full (sortable->len, (GDestroyNotify) ct_appearance_free);
  for (guint i = 0; i < sortable->len; i++)
    {
      SortableAppearance *s = g_ptr_array_index (sortable, i);
      g_ptr_array_add (result, g_steal_pointer (&s->appearance));
    }
  return result;
}

static void
by_query_init (GPtrArray **by_query)
{
  /* rows are freed by appearances_from_rows, or by by_query_clear */
  for (guint q = 0; q < G_N_ELEMENTS (appearance_queries); q++)
    by_query[q] = g_ptr_array_new ();
}

static void
by_query_clear (GPtrArray **by_query)
{
  for (guint q = 0; q < G_N_ELEMENTS (appearance_queries); q++)
    {
      g_ptr_array_foreach (by_query[q], (GFunc) sortable_free, NULL);
      g_ptr_array_unref (by_query[q]);
    }
}

GPtrArray *
ct_wiki_get_appearances (CtWiki  *self,
                         gint64   entity_id,
                         GError **error)
{
  GPtrArray *by_query[G_N_ELEMENTS (appearance_queries)];
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *result = NULL;
  gboolean ok;
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  stmt = ct_db_prepare (self->db, all_appearances_query (), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  by_query_init (by_query);
  while ((ok = ct_db_step (self->db, stmt, &row, error)) && row)
    {
      guint q;
      SortableAppearance *s = sortable_from_row (stmt, &q);

      g_ptr_array_add (by_query[q], s);
    }
  if (ok)
    result = appearances_from_rows (by_query);
  by_query_clear (by_query);
  return result;
}

/* The four queries for every entity at once: each row also carries the
 * entity it is an appearance of, and is sorted by it, then by query and
 * by the rows that drive the query (a credit, a fact, a scene's film
 * fact) — the order in which each query's index (credit_person,
 * credit_character, fact_value, fact_entity_key) gives one entity's rows.
 * The placeholder ?1 of each query is the entity's column. */
static const char * const appearance_targets[][2] = {
  { "c.person_id", "c.rowid, 0" },
  { "c.character_id", "c.rowid, 0" },
  { "l.value_id", "l.rowid, ifnull (sf.rowid, 0)" },
  { "l.entity_id", "l.rowid, 0" },
};

static const char *
every_appearance_query (void)
{
  static gsize query;

  if (g_once_init_enter (&query))
    {
      GString *all = g_string_new (NULL);

      for (guint q = 0; q < G_N_ELEMENTS (appearance_queries); q++)
        {
          const char *text = appearance_queries[q] + strlen ("SELECT ");
          /* the main FROM: the columns hold subqueries with their own */
          const char *from = g_strrstr (text, " FROM ");
          const char *where = strstr (from, "?1");
          g_autofree char *tail = NULL;

          g_assert (from != NULL && where != NULL);
          if (q > 0)
            g_string_append (all, " UNION ALL ");
          /* "SELECT Q, <columns>, target, order FROM … WHERE … target IS NOT NULL …" */
          g_string_append_printf (all, "SELECT %u, ", q);
          g_string_append_len (all, text, from - text);
          g_string_append_printf (all, ", %s, %s", appearance_targets[q][0], appearance_targets[q][1]);
          g_string_append_len (all, from, where - from);
          /* "target = ?1" becomes "target = target" (never NULL) */
          g_string_append (all, appearance_targets[q][0]);
          g_string_append (all, where + 2);
        }
      g_string_append (all, " ORDER BY 11, 1, 12, 13");
      g_once_init_leave (&query, (gsize) g_string_free (all, FALSE));
    }
  return (const char *) query;
}

GHashTable *
_ct_wiki_get_every_appearance (CtWiki  *self,
                               GError **error)
{
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *by_query[G_N_ELEMENTS (appearance_queries)];
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 current = 0;
  gboolean ok;
  gboolean row;

  stmt = ct_db_prepare (self->db, every_appearance_query (), error);
  if (stmt == NULL)
    return NULL;
  by_query_init (by_query);
  while (TRUE)
    {
      gint64 target = 0;

      ok = ct_db_step (self->db, stmt, &row, error);
      if (ok && row)
        target = sqlite3_column_int64 (stmt, 10);
      /* an entity's rows are done: they are its appearances */
      if (current != 0 && (!ok || !row || target != current))
        g_hash_table_insert (all, g_memdup2 (&current, sizeof current), appearances_from_rows (by_query));
      if (!ok || !row)
        break;
      {
        guint q;
        SortableAppearance *s = sortable_from_row (stmt, &q);

        g_ptr_array_add (by_query[q], s);
      }
      current = target;
    }
  by_query_clear (by_query);
  if (!ok)
    return NULL;
  return g_steal_pointer (&all);
}

GHashTable *
ct_wiki_list_with_appearances (CtWiki  *self,
                               GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* the ids each of appearance_queries would give rows for, in its order */
  return _ct_wiki_collect_ids (self,
                               "SELECT c.person_id FROM credit c JOIN entity f ON f.id = c.film_id"
                               " UNION "
                               "SELECT c.character_id FROM credit c JOIN entity f ON f.id = c.film_id"
                               " JOIN entity p ON p.id = c.person_id WHERE c.character_id IS NOT NULL"
                               " UNION "
                               "SELECT l.value_id FROM fact l JOIN entity x ON x.id = l.entity_id"
                               " WHERE l.value_id IS NOT NULL AND x.kind IN ('film', 'scene')"
                               " UNION "
                               "SELECT l.entity_id FROM fact l JOIN entity f ON f.id = l.value_id"
                               " WHERE l.key = 'first_appearance' AND f.kind = 'film'",
                               error);
}
