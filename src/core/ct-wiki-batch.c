#define G_LOG_DOMAIN "ct-wiki-batch"

#include "config.h"

#include "ct-wiki-private.h"

/* ct-wiki-batch.c — questions a static site asks of every entity, asked
 * once for the whole wiki: one statement each instead of one per entity
 * page (ct-site.c). Each keeps the joins of the per-entity query it
 * stands for (ct-wiki-query.c), so a row that query would drop is
 * dropped here too; tests/core/test-wiki-batch.c asks every entity both
 * ways. */

GHashTable *
_ct_wiki_collect_ids (CtWiki      *self,
                      const char  *sql,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (self->db, sql, error);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean row;

  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      gint64 *id;

      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = g_new (gint64, 1);
      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* "Would ct_wiki_get_cast / _get_scenes / _get_events give a row for
 * this id?", for every id at once. */

GHashTable *
ct_wiki_list_with_cast (CtWiki  *self,
                        GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  return _ct_wiki_collect_ids (self,
                               "SELECT DISTINCT c.film_id"
                               " FROM credit c JOIN entity fi ON fi.id = c.film_id"
                               " JOIN entity pe ON pe.id = c.person_id", error);
}

GHashTable *
ct_wiki_list_with_scenes (CtWiki  *self,
                          GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  return _ct_wiki_collect_ids (self,
                               "SELECT DISTINCT ff.value_id"
                               " FROM fact ff JOIN entity e ON e.id = ff.entity_id"
                               " WHERE ff.key = 'film' AND ff.value_id IS NOT NULL AND e.kind = 'scene'",
                               error);
}

GHashTable *
ct_wiki_list_with_events (CtWiki  *self,
                          GError **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* an event's fact links to it, or names a scene whose `film` it is */
  return _ct_wiki_collect_ids (self,
                               "SELECT f.value_id FROM fact f JOIN entity e ON e.id = f.entity_id"
                               " WHERE f.value_id IS NOT NULL AND e.kind = 'event'"
                               " UNION "
                               "SELECT s.value_id FROM fact f JOIN entity e ON e.id = f.entity_id"
                               " JOIN fact s ON s.entity_id = f.value_id AND s.key = 'film'"
                               " WHERE f.key = 'scene' AND e.kind = 'event' AND s.value_id IS NOT NULL",
                               error);
}

GHashTable *
ct_wiki_list_fact_texts (CtWiki      *self,
                         const char  *key,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* fact_key_value finds the few rows; the sort is over those only */
  stmt = ct_db_prepare (self->db,
                        "SELECT entity_id, text FROM fact WHERE key = ?1 AND text IS NOT NULL"
                        " ORDER BY entity_id, position", error);
  if (stmt == NULL)
    return NULL;
  ct_db_bind_text (stmt, 1, key);
  while (TRUE)
    {
      gint64 id;

      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      if (!g_hash_table_contains (texts, &id))
        g_hash_table_insert (texts, g_memdup2 (&id, sizeof id), ct_db_column_dup (stmt, 1));
    }
  return g_steal_pointer (&texts);
}

/* The paths of the posts ct_wiki_list_posts lists, drafts only when
 * @drafts, sorted byte by byte: what a rerun of the site needs of the
 * posts to tell whether their files changed, without their tags and
 * titles (a twentieth of a rerun with nothing to do). */
GPtrArray *
ct_wiki_list_post_paths (CtWiki    *self,
                         gboolean   drafts,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  stmt = ct_db_prepare (self->db, "SELECT path FROM post WHERE ?1 OR draft = 0 ORDER BY path", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, drafts ? 1 : 0);
  while (TRUE)
    {
      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (paths, ct_db_column_dup (stmt, 0));
    }
  return g_steal_pointer (&paths);
}

/* ---- every answer a site's pages ask for, read once ---- */

/* What the templates of a site's pages ask of each entity, answered for
 * the whole wiki in one statement each (names, facts, casts, appearances)
 * instead of once per page in every worker: on bench/run's wiki those
 * per-page statements were a fifth of an export's CPU time. Read-only
 * once made, so the site's workers share one. */
struct _CtWikiAnswers {
  GPtrArray  *entity_list;   /* of CtEntity, kept for @entities */
  GHashTable *entities;      /* id → CtEntity (in @entity_list) */
  GHashTable *lookups;       /* name key → GPtrArray of CtLookup */
  GHashTable *facts;         /* id → GPtrArray of CtFact */
  GHashTable *casts;         /* film id → GPtrArray of CtCredit */
  GHashTable *appearances;   /* id → GPtrArray of CtAppearance */
  GPtrArray  *none;          /* for every id or name with no rows */
};

static GHashTable *
arrays_by_id_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

/* Every row of @sql, made by @make, grouped by the id in column @column
 * (rows of one id together, in the statement's order). */
static GHashTable *
collect_by_id (CtWiki          *self,
               const char      *sql,
               int              column,
               gpointer       (*make) (sqlite3_stmt *),
               GDestroyNotify   free_func,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (self->db, sql, error);
  g_autoptr(GHashTable) all = arrays_by_id_new ();
  GPtrArray *rows = NULL;
  gint64 current = 0;
  gboolean row;

  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      gint64 id;

      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, column);
      if (rows == NULL || id != current)
        {
          rows = g_ptr_array_new_with_free_func (free_func);
          g_hash_table_insert (all, g_memdup2 (&id, sizeof id), rows);
          current = id;
        }
      g_ptr_array_add (rows, make (stmt));
    }
  return g_steal_pointer (&all);
}

/* ct_wiki_lookup for every name: its rows, by the name's key, sorted and
 * cut as it does. */
static GHashTable *
every_lookup (CtWiki  *self,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  GPtrArray *found = NULL;
  gboolean row;

  /* ct_wiki_lookup's statement without its WHERE; a key's rows in the
   * order its index (name_key) gives them, which the sort keeps for
   * names that compare equal */
  stmt = ct_db_prepare (self->db,
                        "SELECT n.entity_id, e.kind, e.title, n.is_alias, n.name, n.key"
                        " FROM name n JOIN entity e ON e.id = n.entity_id"
                        " ORDER BY n.key, n.rowid", error);
  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      const char *key;

      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      key = (const char *) sqlite3_column_text (stmt, 5);
      if (key == NULL)
        continue;   /* WHERE n.key = ? never matches NULL */
      if ((found = g_hash_table_lookup (all, key)) == NULL)
        {
          found = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_lookup_free);
          g_hash_table_insert (all, g_strdup (key), found);
        }
      g_ptr_array_add (found, _ct_wiki_lookup_from_row (stmt));
    }

  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &found))
    {
      g_ptr_array_sort (found, _ct_wiki_compare_lookups);
      /* a title wins over aliases (ct_wiki_lookup says why) */
      if (found->len > 1 && ((CtLookup *) found->pdata[0])->match == CT_MATCH_TITLE)
        g_ptr_array_set_size (found, 1);
    }
  return g_steal_pointer (&all);
}

static void
sort_each (GHashTable   *arrays,
           GCompareFunc  compare)
{
  GHashTableIter iter;
  GPtrArray *array;

  g_hash_table_iter_init (&iter, arrays);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &array))
    g_ptr_array_sort (array, compare);
}

CtWikiAnswers *
ct_wiki_answers_new (CtWiki     *self,
                     GPtrArray  *entities,
                     GError    **error)
{
  g_autoptr(CtWikiAnswers) answers = g_new0 (CtWikiAnswers, 1);

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  answers->none = g_ptr_array_new ();
  answers->entities = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (entities != NULL)
    {
      answers->entity_list = g_ptr_array_ref (entities);
      for (guint i = 0; i < entities->len; i++)
        {
          CtEntity *entity = g_ptr_array_index (entities, i);
          g_hash_table_insert (answers->entities, &entity->id, entity);
        }
    }

  if ((answers->lookups = every_lookup (self, error)) == NULL)
    return NULL;
  /* ct_wiki_get_facts: each entity's facts by position */
  answers->facts = collect_by_id (self, FACT_QUERY " ORDER BY f.entity_id, f.position", 1,
                                  (gpointer (*) (sqlite3_stmt *)) _ct_wiki_fact_from_row,
                                  (GDestroyNotify) ct_fact_free, error);
  if (answers->facts == NULL)
    return NULL;
  /* ct_wiki_get_cast: sorted in C by billing and id, a total order */
  answers->casts = collect_by_id (self, CREDIT_QUERY " ORDER BY c.film_id", 1,
                                  (gpointer (*) (sqlite3_stmt *)) _ct_wiki_credit_from_row,
                                  (GDestroyNotify) ct_credit_free, error);
  if (answers->casts == NULL)
    return NULL;
  sort_each (answers->casts, _ct_wiki_compare_billing);
  if ((answers->appearances = _ct_wiki_get_every_appearance (self, error)) == NULL)
    return NULL;
  return g_steal_pointer (&answers);
}

void
ct_wiki_answers_free (CtWikiAnswers *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->entities, g_hash_table_unref);
  g_clear_pointer (&self->entity_list, g_ptr_array_unref);
  g_clear_pointer (&self->lookups, g_hash_table_unref);
  g_clear_pointer (&self->facts, g_hash_table_unref);
  g_clear_pointer (&self->casts, g_hash_table_unref);
  g_clear_pointer (&self->appearances, g_hash_table_unref);
  g_clear_pointer (&self->none, g_ptr_array_unref);
  g_free (self);
}

const CtEntity *
ct_wiki_answers_entity (const CtWikiAnswers *self,
                        gint64               id)
{
  return g_hash_table_lookup (self->entities, &id);
}

GPtrArray *
ct_wiki_answers_lookup (const CtWikiAnswers *self,
                        const char          *name)
{
  g_autofree char *key = _ct_wiki_name_key (name);
  GPtrArray *found = g_hash_table_lookup (self->lookups, key);

  return g_ptr_array_ref (found != NULL ? found : self->none);
}

static GPtrArray *
rows_of (const CtWikiAnswers *self,
         GHashTable          *table,
         gint64               id)
{
  GPtrArray *rows = g_hash_table_lookup (table, &id);

  return rows != NULL ? rows : self->none;
}

GPtrArray *
ct_wiki_answers_facts (const CtWikiAnswers *self,
                       gint64               id)
{
  return rows_of (self, self->facts, id);
}

GPtrArray *
ct_wiki_answers_cast (const CtWikiAnswers *self,
                      gint64               film_id)
{
  return g_ptr_array_ref (rows_of (self, self->casts, film_id));
}

GPtrArray *
ct_wiki_answers_appearances (const CtWikiAnswers *self,
                             gint64               id)
{
  return g_ptr_array_ref (rows_of (self, self->appearances, id));
}
