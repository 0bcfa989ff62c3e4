#define G_LOG_DOMAIN "ct-wiki-query"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-wiki-cache.h"
#include "ct-wiki-private.h"

/* Records */

void
ct_lookup_free (CtLookup *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->matched);
  g_free (self);
}

void
ct_appearance_free (CtAppearance *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->film_title);
  g_free (self->detail);
  g_free (self);
}

void
ct_search_hit_free (CtSearchHit *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->title);
  g_free (self->snippet);
  g_free (self);
}

/* Entities */

CtEntityKind
_ct_wiki_column_kind (sqlite3_stmt *stmt,
                      int           column)
{
  CtEntityKind kind = CT_ENTITY_FILM;

  /* The CHECK constraint keeps unknown kinds out of the table. */
  ct_entity_kind_from_string ((const char *) sqlite3_column_text (stmt, column), &kind);
  return kind;
}

CtFactStatus
_ct_wiki_column_status (sqlite3_stmt *stmt,
                        int           column)
{
  CtFactStatus status = CT_FACT_CONFIRMED;

  ct_fact_status_from_string ((const char *) sqlite3_column_text (stmt, column), &status);
  return status;
}

/* Aliases travel as one string joined by U+001F, which aliases cannot
 * hold, so a list of entities is one query rather than one per entity. */
#define ENTITY_COLUMNS \
  "e.id, e.kind, e.title, e.slug, e.summary, e.notes, e.spoiler, " \
  "(SELECT group_concat (name, char(31)) FROM " \
  "  (SELECT a.name FROM name a WHERE a.entity_id = e.id AND a.is_alias = 1 ORDER BY a.position))"

static CtEntity *
entity_from_row (sqlite3_stmt *stmt)
{
  CtEntity *entity = g_new0 (CtEntity, 1);
  const char *aliases = (const char *) sqlite3_column_text (stmt, 7);

  entity->id = sqlite3_column_int64 (stmt, 0);
  entity->kind = _ct_wiki_column_kind (stmt, 1);
  entity->title = ct_db_column_dup (stmt, 2);
  entity->slug = ct_db_column_dup (stmt, 3);
  entity->summary = ct_db_column_dup (stmt, 4);
  entity->notes = ct_db_column_dup (stmt, 5);
  entity->spoiler = sqlite3_column_int (stmt, 6) != 0;
  entity->aliases = aliases ? g_strsplit (aliases, "\x1f", -1) : g_new0 (char *, 1);
  return entity;
}

/* Collects every row of @stmt with @make into a new array. */
GPtrArray *
_ct_wiki_collect (CtWiki         *self,
                  sqlite3_stmt   *stmt,
                  gpointer      (*make) (sqlite3_stmt *stmt),
                  GDestroyNotify  free_func,
                  GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  gboolean row;

  while (TRUE)
    {
      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (list, make (stmt));
    }
  return g_steal_pointer (&list);
}

#define COLLECT_ENTITIES(self, stmt, error) \
  _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) entity_from_row, (GDestroyNotify) ct_entity_free, error)

CtEntity *
ct_wiki_get_entity (CtWiki  *self,
                    gint64   id,
                    GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CtWikiCache *cache;
  CtEntity *entity;
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  cache = _ct_wiki_cache_get (self);
  if ((entity = _ct_wiki_cache_entity (cache, id)) != NULL)
    return entity;

  stmt = ct_db_prepare (self->db, "SELECT " ENTITY_COLUMNS " FROM entity e WHERE e.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ct_db_step (self->db, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("The wiki has no entity number %lld."), (long long) id);
      return NULL;
    }
  entity = entity_from_row (stmt);
  _ct_wiki_cache_add_entity (cache, entity);
  return entity;
}

gboolean
_ct_wiki_entity_brief (CtWiki        *self,
                       gint64         id,
                       CtEntityKind  *kind,
                       char         **title,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (self->db, "SELECT kind, title FROM entity WHERE id = ?", error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ct_db_step (self->db, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("The wiki has no entity number %lld."), (long long) id);
      return FALSE;
    }
  *kind = _ct_wiki_column_kind (stmt, 0);
  *title = ct_db_column_dup (stmt, 1);
  return TRUE;
}

gint64
_ct_wiki_id_by_title (CtWiki      *self,
                      const char  *title,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    ct_db_prepare (self->db, "SELECT entity_id FROM name WHERE key = ? AND is_alias = 0", error);
  g_autofree char *key = _ct_wiki_name_key (title);
  gboolean row;

  if (stmt == NULL)
    return -1;
  ct_db_bind_text (stmt, 1, key);
  if (!ct_db_step (self->db, stmt, &row, error))
    return -1;
  return row ? sqlite3_column_int64 (stmt, 0) : 0;
}

GPtrArray *
ct_wiki_list_entities (CtWiki  *self,
                       int      kind,
                       GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  g_return_val_if_fail (kind >= -1 && kind < CT_N_ENTITY_KINDS, NULL);

  stmt = ct_db_prepare (self->db,
                        "SELECT " ENTITY_COLUMNS " FROM name t JOIN entity e ON e.id = t.entity_id"
                        " WHERE t.is_alias = 0 AND (?1 IS NULL OR e.kind = ?1)"
                        " ORDER BY t.key, e.id", error);
  if (stmt == NULL)
    return NULL;
  ct_db_bind_text (stmt, 1, kind < 0 ? NULL : ct_entity_kind_to_string (kind));
  return COLLECT_ENTITIES (self, stmt, error);
}

GPtrArray *
ct_wiki_list_entity_names (CtWiki  *self,
                           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* entity_from_row's columns, with NULL for the slug, summary and notes */
  stmt = ct_db_prepare (self->db,
                        "SELECT e.id, e.kind, e.title, NULL, NULL, NULL, e.spoiler, "
                        "(SELECT group_concat (name, char(31)) FROM "
                        "  (SELECT a.name FROM name a WHERE a.entity_id = e.id AND a.is_alias = 1"
                        "   ORDER BY a.position)) FROM entity e", error);
  if (stmt == NULL)
    return NULL;
  return COLLECT_ENTITIES (self, stmt, error);
}

/* Names */

CtLookup *
_ct_wiki_lookup_from_row (sqlite3_stmt *stmt)
{
  CtLookup *lookup = g_new0 (CtLookup, 1);

  lookup->entity_id = sqlite3_column_int64 (stmt, 0);
  lookup->kind = _ct_wiki_column_kind (stmt, 1);
  lookup->title = ct_db_column_dup (stmt, 2);
  lookup->match = sqlite3_column_int (stmt, 3) ? CT_MATCH_ALIAS : CT_MATCH_TITLE;
  lookup->matched = ct_db_column_dup (stmt, 4);
  return lookup;
}

/* ORDER BY is_alias, title, id — in C: a name has a row or two, and
 * SQLite's sorter costs more to set up for each statement (~5 µs, more
 * than the lookup itself) than sorting them here. Strings compare as
 * SQLite's BINARY collation does, byte by byte. */
int
_ct_wiki_compare_lookups (gconstpointer a,
                 gconstpointer b)
{
  const CtLookup *x = *(CtLookup * const *) a;
  const CtLookup *y = *(CtLookup * const *) b;
  int cmp;

  if ((cmp = (x->match == CT_MATCH_ALIAS) - (y->match == CT_MATCH_ALIAS)) != 0)
    return cmp;
  if ((cmp = strcmp (x->title, y->title)) != 0)
    return cmp;
  return (x->entity_id > y->entity_id) - (x->entity_id < y->entity_id);
}

GPtrArray *
ct_wiki_lookup (CtWiki      *self,
                const char  *name,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) found = NULL;
  CtWikiCache *cache;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = _ct_wiki_name_key (name);
  cache = _ct_wiki_cache_get (self);
  if ((found = _ct_wiki_cache_lookup (cache, key)) != NULL)
    return g_steal_pointer (&found);

  stmt = ct_db_prepare (self->db,
                        "SELECT n.entity_id, e.kind, e.title, n.is_alias, n.name"
                        " FROM name n JOIN entity e ON e.id = n.entity_id"
                        " WHERE n.key = ?", error);
  if (stmt == NULL)
    return NULL;
  ct_db_bind_text (stmt, 1, key);
  found = _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) _ct_wiki_lookup_from_row,
                   (GDestroyNotify) ct_lookup_free, error);
  if (found == NULL)
    return NULL;
  g_ptr_array_sort (found, _ct_wiki_compare_lookups);

  /* A title wins over aliases, the way a wiki page name does: "John Wick"
   * is the page so titled even when it is also another one's alias. */
  if (found->len > 1 && ((CtLookup *) found->pdata[0])->match == CT_MATCH_TITLE)
    g_ptr_array_set_size (found, 1);

  _ct_wiki_cache_add_lookup (cache, key, found);
  return g_steal_pointer (&found);
}

/* Appends rows of @stmt to @found up to @limit, each entity once, by its
 * better-ranked name. */
static gboolean
complete_collect (CtWiki       *self,
                  sqlite3_stmt *stmt,
                  GPtrArray    *found,
                  GHashTable   *seen,
                  guint         limit,
                  GError      **error)
{
  while (limit == 0 || found->len < limit)
    {
      CtLookup *lookup;
      gboolean row;
      gint64 id;

      if (!ct_db_step (self->db, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      lookup = _ct_wiki_lookup_from_row (stmt);
      lookup->rank = (guint) sqlite3_column_int (stmt, 5);
      g_ptr_array_add (found, lookup);
    }
  return TRUE;
}

GPtrArray *
ct_wiki_complete (CtWiki      *self,
                  const char  *prefix,
                  guint        limit,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) starts = NULL;
  g_autoptr(sqlite3_stmt) inside = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_lookup_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *fold = NULL;
  g_autofree char *upper = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  /* Best first: names starting with what was typed, titles before aliases,
   * shortest first as the closest ("Roo": Rooney before Rooftop duel); then
   * a word starting with it ("The Rooster"); then anywhere. Nothing typed:
   * all, alphabetically. Names starting with it are a range on the fold
   * index (the prefix up to the prefix + 0xFF, a byte UTF-8 never holds);
   * the others need a scan of all names (25 ms at 100,000 entities), made
   * only when the range did not fill the list. */
  fold = _ct_wiki_name_fold (prefix);
  upper = g_strconcat (fold, "\xff", NULL);
  starts = ct_db_prepare (self->db,
                          *fold == '\0'
                          ? "SELECT n.entity_id, e.kind, e.title, n.is_alias, n.name, n.is_alias"
                            " FROM name n JOIN entity e ON e.id = n.entity_id"
                            " WHERE n.fold >= ?1 AND n.fold < ?2 ORDER BY n.fold, n.is_alias, n.entity_id"
                          : "SELECT n.entity_id, e.kind, e.title, n.is_alias, n.name, n.is_alias"
                            " FROM name n JOIN entity e ON e.id = n.entity_id WHERE n.fold >= ?1 AND n.fold < ?2"
                            " ORDER BY n.is_alias, length (n.fold), n.fold, n.entity_id", error);
  if (starts == NULL)
    return NULL;
  ct_db_bind_text (starts, 1, fold);
  sqlite3_bind_text (starts, 2, upper, -1, SQLITE_TRANSIENT);
  if (!complete_collect (self, starts, found, seen, limit, error))
    return NULL;
  if (*fold == '\0' || (limit != 0 && found->len >= limit))
    return g_steal_pointer (&found);

  /* '(' and '-' start words too: "John Wick (character)", "Jean-Claude". */
  inside = ct_db_prepare (self->db,
                          "SELECT n.entity_id, e.kind, e.title, n.is_alias, n.name,"
                          "  CASE WHEN instr (' ' || replace (replace (n.fold, '(', ' '), '-', ' '),"
                          "                   ' ' || ?1) > 0 THEN 2 ELSE 3 END AS rank"
                          " FROM name n JOIN entity e ON e.id = n.entity_id"
                          " WHERE instr (n.fold, ?1) > 1"
                          " ORDER BY rank, length (n.fold), n.fold, n.is_alias, n.entity_id", error);
  if (inside == NULL)
    return NULL;
  ct_db_bind_text (inside, 1, fold);
  return complete_collect (self, inside, found, seen, limit, error) ? g_steal_pointer (&found) : NULL;
}

/* Full-text search */

/* The user's words as an FTS5 query: each word a quoted prefix term, all
 * required. Quoting makes FTS5 operators and punctuation plain text, so no
 * input can be a syntax error. NULL when there are no words. */
static char *
fts_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_word_char = FALSE;

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          has_word_char = TRUE;
      if (!has_word_char)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

static CtSearchHit *
hit_from_row (sqlite3_stmt *stmt)
{
  CtSearchHit *hit = g_new0 (CtSearchHit, 1);
  gint64 rowid = sqlite3_column_int64 (stmt, 0);

  /* Entities are stored under their id, posts under minus theirs. */
  hit->is_post = rowid < 0;
  hit->entity_id = rowid > 0 ? rowid : 0;
  hit->path = ct_db_column_dup (stmt, 4);
  hit->title = ct_db_column_dup (stmt, 1);
  hit->snippet = ct_db_column_dup (stmt, 2);
  hit->rank = sqlite3_column_double (stmt, 3);
  return hit;
}

GPtrArray *
ct_wiki_search (CtWiki      *self,
                const char  *query,
                guint        limit,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *match = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  match = fts_query (query);
  if (match == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) ct_search_hit_free);

  /* rank is bm25 with per-column weights (resources/sql/002-search-rank.sql);
   * FTS5 sorts by it itself, so only the rows kept get a snippet. */
  stmt = ct_db_prepare (self->db,
                        "SELECT s.rowid, s.title, s.snippet, s.rank, p.path FROM"
                        " (SELECT rowid, title, snippet (search, -1, char(1), char(2), '…', 12) AS snippet, rank"
                        "  FROM search WHERE search MATCH ?1 ORDER BY rank LIMIT ?2) s"
                        " LEFT JOIN post p ON p.id = -s.rowid ORDER BY s.rank", error);
  if (stmt == NULL)
    return NULL;
  ct_db_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);
  return _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) hit_from_row,
                  (GDestroyNotify) ct_search_hit_free, error);
}

/* Facts and credits */

CtFact *
_ct_wiki_fact_from_row (sqlite3_stmt *stmt)
{
  CtFact *fact = g_new0 (CtFact, 1);

  fact->id = sqlite3_column_int64 (stmt, 0);
  fact->entity_id = sqlite3_column_int64 (stmt, 1);
  fact->position = sqlite3_column_int (stmt, 2);
  fact->key = ct_db_column_dup (stmt, 3);
  fact->text = ct_db_column_dup (stmt, 4);
  fact->value_id = sqlite3_column_int64 (stmt, 5);
  fact->value_title = ct_db_column_dup (stmt, 6);
  fact->value_kind = fact->value_id ? _ct_wiki_column_kind (stmt, 7) : CT_ENTITY_FILM;
  fact->status = _ct_wiki_column_status (stmt, 8);
  fact->source = ct_db_column_dup (stmt, 9);
  fact->spoiler = sqlite3_column_int (stmt, 10) != 0;
  return fact;
}

GPtrArray *
ct_wiki_get_facts (CtWiki  *self,
                   gint64   entity_id,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CtWikiCache *cache;
  GPtrArray *facts;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  cache = _ct_wiki_cache_get (self);
  if ((facts = _ct_wiki_cache_facts (cache, entity_id)) != NULL)
    return facts;

  stmt = ct_db_prepare (self->db,
                        FACT_QUERY " WHERE f.entity_id = ? ORDER BY f.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  facts = _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) _ct_wiki_fact_from_row,
                            (GDestroyNotify) ct_fact_free, error);
  if (facts != NULL)
    _ct_wiki_cache_add_facts (cache, entity_id, facts);
  return facts;
}

CtCredit *
_ct_wiki_credit_from_row (sqlite3_stmt *stmt)
{
  CtCredit *credit = g_new0 (CtCredit, 1);

  credit->id = sqlite3_column_int64 (stmt, 0);
  credit->film_id = sqlite3_column_int64 (stmt, 1);
  credit->film_title = ct_db_column_dup (stmt, 2);
  credit->person_id = sqlite3_column_int64 (stmt, 3);
  credit->person_title = ct_db_column_dup (stmt, 4);
  credit->character_id = sqlite3_column_int64 (stmt, 5);
  credit->character_title = ct_db_column_dup (stmt, 6);
  credit->role = ct_db_column_dup (stmt, 7);
  credit->billing = sqlite3_column_int (stmt, 8);
  credit->status = _ct_wiki_column_status (stmt, 9);
  credit->source = ct_db_column_dup (stmt, 10);
  return credit;
}


/* Billing order, unbilled (0) last, then by id: sorted here rather than by
 * SQLite, for the reason _ct_wiki_compare_lookups gives. */
int
_ct_wiki_compare_billing (gconstpointer a,
                 gconstpointer b)
{
  const CtCredit *x = *(CtCredit * const *) a;
  const CtCredit *y = *(CtCredit * const *) b;

  if ((x->billing == 0) != (y->billing == 0))
    return x->billing == 0 ? 1 : -1;
  if (x->billing != y->billing)
    return x->billing < y->billing ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

GPtrArray *
ct_wiki_get_cast (CtWiki  *self,
                  gint64   film_id,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) credits = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  stmt = ct_db_prepare (self->db, CREDIT_QUERY " WHERE c.film_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, film_id);
  credits = _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) _ct_wiki_credit_from_row,
                              (GDestroyNotify) ct_credit_free, error);
  if (credits != NULL)
    g_ptr_array_sort (credits, _ct_wiki_compare_billing);
  return g_steal_pointer (&credits);
}

#define CREDITS_IN_DUMP_ORDER \
  CREDIT_QUERY \
  " JOIN name fk ON fk.entity_id = c.film_id AND fk.is_alias = 0" \
  " JOIN name pk ON pk.entity_id = c.person_id AND pk.is_alias = 0" \
  " LEFT JOIN name ck ON ck.entity_id = c.character_id AND ck.is_alias = 0" \
  " ORDER BY fk.key, c.billing = 0, c.billing, c.role, pk.key, ifnull (ck.key, '')"

/* Every credit, film by film in title order: for the interchange dump. */
GPtrArray *
ct_wiki_list_credits (CtWiki  *self,
                      GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  stmt = ct_db_prepare (self->db, CREDITS_IN_DUMP_ORDER, error);
  if (stmt == NULL)
    return NULL;
  return _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) _ct_wiki_credit_from_row,
                  (GDestroyNotify) ct_credit_free, error);
}

GPtrArray *
ct_wiki_get_scenes (CtWiki  *self,
                    gint64   film_id,
                    GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* Scenes without an `order` come last, by title. */
  stmt = ct_db_prepare (self->db,
                        "SELECT " ENTITY_COLUMNS
                        " FROM fact ff JOIN entity e ON e.id = ff.entity_id"
                        " LEFT JOIN fact o ON o.entity_id = e.id AND o.key = 'order'"
                        " WHERE ff.key = 'film' AND ff.value_id = ?1 AND e.kind = 'scene'"
                        " ORDER BY o.text IS NULL, CAST (o.text AS INTEGER), e.title, e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, film_id);
  return COLLECT_ENTITIES (self, stmt, error);
}

GPtrArray *
ct_wiki_get_events (CtWiki  *self,
                    gint64   entity_id,
                    GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* Tied to an entity: any of the event's facts links to it, or its
   * scene belongs to that film. Events without `chrono` come last.
   * Two statements, not one with "?1 = 0 OR": in one, SQLite walks every
   * event even for an entity tied to two of them (3-4 times slower on a
   * site export, which asks this for every entity page); the + keeps it
   * from preferring the kind index over the few ids. */
  if (entity_id == 0)
    stmt = ct_db_prepare (self->db,
                          "SELECT " ENTITY_COLUMNS
                          " FROM entity e LEFT JOIN fact c ON c.entity_id = e.id AND c.key = 'chrono'"
                          " WHERE e.kind = 'event'"
                          " ORDER BY c.text IS NULL, CAST (c.text AS REAL), e.title, e.id", error);
  else
    stmt = ct_db_prepare (self->db,
                          "SELECT " ENTITY_COLUMNS
                          " FROM entity e LEFT JOIN fact c ON c.entity_id = e.id AND c.key = 'chrono'"
                          " WHERE +e.kind = 'event' AND e.id IN ("
                          "   SELECT f.entity_id FROM fact f WHERE f.value_id = ?1"
                          "   UNION SELECT f.entity_id FROM fact f WHERE f.key = 'scene' AND f.value_id IN"
                          "     (SELECT s.entity_id FROM fact s WHERE s.key = 'film' AND s.value_id = ?1))"
                          " ORDER BY c.text IS NULL, CAST (c.text AS REAL), e.title, e.id", error);
  if (stmt == NULL)
    return NULL;
  if (entity_id != 0)
    sqlite3_bind_int64 (stmt, 1, entity_id);
  return COLLECT_ENTITIES (self, stmt, error);
}

/* The relationship graph (its facts: ct-wiki-links.c) */

GPtrArray *
ct_wiki_get_credits_of (CtWiki  *self,
                        gint64   entity_id,
                        GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* SQLite answers the OR with one index per term (credit_film,
   * credit_person, credit_character). */
  stmt = ct_db_prepare (self->db,
                        CREDIT_QUERY
                        " WHERE c.film_id = ?1 OR c.person_id = ?1 OR c.character_id = ?1"
                        " ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  return _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) _ct_wiki_credit_from_row,
                           (GDestroyNotify) ct_credit_free, error);
}

/* The rows of ct_wiki_list_entities() and ct_wiki_list_credits(), handed
 * to @each one at a time and freed after: the streaming dump holds one
 * entity, not a hundred thousand. */
gboolean
_ct_wiki_foreach_entity (CtWiki            *self,
                         int                kind,
                         CtWikiEntityFunc   each,
                         gpointer           user_data,
                         GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row;

  stmt = ct_db_prepare (self->db,
                        "SELECT " ENTITY_COLUMNS " FROM name t JOIN entity e ON e.id = t.entity_id"
                        " WHERE t.is_alias = 0 AND (?1 IS NULL OR e.kind = ?1)"
                        " ORDER BY t.key, e.id", error);
  if (stmt == NULL)
    return FALSE;
  ct_db_bind_text (stmt, 1, kind < 0 ? NULL : ct_entity_kind_to_string (kind));
  while (ct_db_step (self->db, stmt, &row, error))
    {
      g_autoptr(CtEntity) entity = NULL;

      if (!row)
        return TRUE;
      entity = entity_from_row (stmt);
      if (!each (self, entity, user_data, error))
        return FALSE;
    }
  return FALSE;
}

gboolean
_ct_wiki_foreach_credit (CtWiki            *self,
                         CtWikiCreditFunc   each,
                         gpointer           user_data,
                         GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row;

  stmt = ct_db_prepare (self->db, CREDITS_IN_DUMP_ORDER, error);
  if (stmt == NULL)
    return FALSE;
  while (ct_db_step (self->db, stmt, &row, error))
    {
      CtCredit *credit;
      gboolean ok;

      if (!row)
        return TRUE;
      credit = _ct_wiki_credit_from_row (stmt);
      ok = each (self, credit, user_data, error);
      ct_credit_free (credit);
      if (!ok)
        return FALSE;
    }
  return FALSE;
}
