#define G_LOG_DOMAIN "ct-wiki-cache"

#include "config.h"

#include "ct-wiki-cache.h"
#include "ct-wiki-private.h"

/* What a connection remembers of the names and entities it read.
 *
 * A render resolves the same few names again and again, and the preview
 * renders the same post on every keystroke: without this each distinct
 * name costs a lookup, an entity row and its facts (about 20-30 µs of
 * SQLite each) on every render. The answers are kept on the connection
 * and handed out as copies.
 *
 * They are only good while the database is the one they were read from.
 * Two counters tell, and both are checked on every use, for a few
 * hundred nanoseconds: sqlite3_total_changes() moves with every row this
 * connection inserts, updates or deletes (in a transaction that is rolled
 * back too: forgetting more is safe), and PRAGMA data_version moves when
 * any other connection — the app beside a command, a site worker —
 * commits. Either one moving empties the cache. Inside a transaction of
 * a connection that can write, nothing is kept or handed out: what it
 * reads may be its own uncommitted change, which a rollback takes back
 * without moving either counter.
 *
 * Reading data_version is a statement with a file lock, though, dearer
 * than the answer it guards; a render holds the cache for its length
 * (_ct_wiki_cache_hold), and meanwhile only this connection's own
 * changes are checked for: another process committing during a render
 * would have been seen half-way through it without the cache too.
 *
 * On a read-only connection (a command's export, a worker's own
 * connection) the hold is also one read transaction: the render's
 * statements share one snapshot and one set of locks instead of each
 * taking and dropping its own, and what another process commits meanwhile
 * is not seen half-way through at all. */

/* Past this many entries the cache starts again: a site export reads
 * every entity once, and one connection must not keep a whole large wiki
 * in memory. A connection that lives for one bounded job (a site
 * worker's) may be given more (_ct_wiki_cache_set_limit). */
#define MAX_ENTRIES 4096

struct _CtWikiCache {
  sqlite3_stmt *data_version;   /* owned by the CtDb statement cache */
  int           total_changes;
  gint64        version;
  guint         entries;
  guint         limit;          /* entries kept before starting again */
  guint         held;           /* renders running on this connection */
  gboolean      reading;        /* the holds' read transaction is ours */
  gboolean      bypass;         /* in a writable connection's transaction */
  GHashTable   *names;          /* name key → GPtrArray of CtLookup */
  GHashTable   *entities;       /* gint64 id → CtEntity */
  GHashTable   *facts;          /* gint64 id → GPtrArray of CtFact */
  /* Every name of the wiki for the unlinked-mention check, which the
   * preview runs on each render: rebuilt per render it read all entities
   * again (hundreds of ms, and as much memory churn, at 100,000). */
  CtMentionMatcher *matcher;
};

static GQuark
cache_quark (void)
{
  return g_quark_from_static_string ("ct-wiki-cache");
}

static void
cache_empty (CtWikiCache *cache)
{
  g_hash_table_remove_all (cache->names);
  g_hash_table_remove_all (cache->entities);
  g_hash_table_remove_all (cache->facts);
  g_clear_pointer (&cache->matcher, ct_mention_matcher_unref);
  cache->entries = 0;
}

static void
cache_free (CtWikiCache *cache)
{
  g_hash_table_unref (cache->names);
  g_hash_table_unref (cache->entities);
  g_hash_table_unref (cache->facts);
  g_clear_pointer (&cache->matcher, ct_mention_matcher_unref);
  g_free (cache);
}

static gint64
read_data_version (CtDb *db)
{
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (db, "PRAGMA data_version", NULL);
  gboolean row = FALSE;

  if (stmt == NULL || !ct_db_step (db, stmt, &row, NULL) || !row)
    return -1;   /* unknown: never equal to a version read before */
  return sqlite3_column_int64 (stmt, 0);
}

static CtWikiCache *
cache_new (CtWiki *wiki)
{
  CtWikiCache *cache = g_new0 (CtWikiCache, 1);

  cache->limit = MAX_ENTRIES;
  cache->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  cache->entities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) ct_entity_free);
  cache->facts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  g_object_set_qdata_full (G_OBJECT (wiki), cache_quark (), cache, (GDestroyNotify) cache_free);
  return cache;
}

void
_ct_wiki_cache_set_limit (CtWiki *wiki,
                          guint   limit)
{
  CtWikiCache *cache = g_object_get_qdata (G_OBJECT (wiki), cache_quark ());

  g_return_if_fail (limit > 0);
  if (cache == NULL)
    cache = cache_new (wiki);
  cache->limit = limit;
}

CtWikiCache *
_ct_wiki_cache_get (CtWiki *wiki)
{
  CtWikiCache *cache = g_object_get_qdata (G_OBJECT (wiki), cache_quark ());
  sqlite3 *handle = ct_db_handle (wiki->db);
  int total_changes = sqlite3_total_changes (handle);
  gboolean bypass = !sqlite3_get_autocommit (handle) && sqlite3_db_readonly (handle, "main") != 1;
  gint64 version;

  if (cache != NULL && cache->held > 0)
    {
      if (bypass || total_changes != cache->total_changes || cache->entries >= cache->limit)
        cache_empty (cache);
      cache->total_changes = total_changes;
      cache->bypass = bypass;
      return cache;
    }

  version = read_data_version (wiki->db);
  if (cache == NULL)
    cache = cache_new (wiki);
  else if (bypass || version < 0 || version != cache->version || total_changes != cache->total_changes
           || cache->entries >= cache->limit)
    cache_empty (cache);

  cache->version = version;
  cache->total_changes = total_changes;
  cache->bypass = bypass;
  return cache;
}

void
_ct_wiki_cache_hold (CtWiki *wiki)
{
  CtWikiCache *cache = g_object_get_qdata (G_OBJECT (wiki), cache_quark ());
  gboolean reading = FALSE;

  /* Begun before data_version is read, so the version checked is the
   * snapshot's. ct_db_begin_read does nothing on a connection that can
   * write: there a transaction would bypass the cache. */
  if (cache == NULL || cache->held == 0)
    reading = ct_db_begin_read (wiki->db);
  cache = _ct_wiki_cache_get (wiki);
  if (reading)
    cache->reading = TRUE;
  cache->held++;
}

void
_ct_wiki_cache_release (CtWiki *wiki)
{
  CtWikiCache *cache = g_object_get_qdata (G_OBJECT (wiki), cache_quark ());

  g_return_if_fail (cache != NULL && cache->held > 0);
  cache->held--;
  if (cache->held == 0 && cache->reading)
    {
      cache->reading = FALSE;
      ct_db_end_read (wiki->db);
    }
}

static gpointer
copy_lookup (gconstpointer src,
             gpointer      data)
{
  const CtLookup *lookup = src;
  CtLookup *copy = g_memdup2 (lookup, sizeof *lookup);

  copy->title = g_strdup (lookup->title);
  copy->matched = g_strdup (lookup->matched);
  return copy;
}

static gpointer
copy_fact (gconstpointer src,
           gpointer      data)
{
  return ct_fact_copy (src);
}

GPtrArray *
_ct_wiki_cache_lookup (CtWikiCache *cache,
                       const char  *key)
{
  GPtrArray *found = cache->bypass ? NULL : g_hash_table_lookup (cache->names, key);

  return found ? g_ptr_array_copy (found, copy_lookup, NULL) : NULL;
}

void
_ct_wiki_cache_add_lookup (CtWikiCache *cache,
                           const char  *key,
                           GPtrArray   *found)
{
  GPtrArray *copy;

  if (cache->bypass)
    return;
  copy = g_ptr_array_copy (found, copy_lookup, NULL);
  g_ptr_array_set_free_func (copy, (GDestroyNotify) ct_lookup_free);
  g_hash_table_replace (cache->names, g_strdup (key), copy);
  cache->entries++;
}

CtEntity *
_ct_wiki_cache_entity (CtWikiCache *cache,
                       gint64       id)
{
  const CtEntity *entity = cache->bypass ? NULL : g_hash_table_lookup (cache->entities, &id);

  return entity ? ct_entity_copy (entity) : NULL;
}

void
_ct_wiki_cache_add_entity (CtWikiCache    *cache,
                           const CtEntity *entity)
{
  if (cache->bypass)
    return;
  g_hash_table_replace (cache->entities, g_memdup2 (&entity->id, sizeof entity->id),
                        ct_entity_copy (entity));
  cache->entries++;
}

GPtrArray *
_ct_wiki_cache_facts (CtWikiCache *cache,
                      gint64       id)
{
  GPtrArray *facts = cache->bypass ? NULL : g_hash_table_lookup (cache->facts, &id);

  return facts ? g_ptr_array_copy (facts, copy_fact, NULL) : NULL;
}

void
_ct_wiki_cache_add_facts (CtWikiCache *cache,
                          gint64       id,
                          GPtrArray   *facts)
{
  GPtrArray *copy;

  if (cache->bypass)
    return;
  copy = g_ptr_array_copy (facts, copy_fact, NULL);
  g_ptr_array_set_free_func (copy, (GDestroyNotify) ct_fact_free);
  g_hash_table_replace (cache->facts, g_memdup2 (&id, sizeof id), copy);
  cache->entries++;
}

CtMentionMatcher *
_ct_wiki_cache_matcher (CtWikiCache *cache)
{
  return cache->bypass || cache->matcher == NULL ? NULL : ct_mention_matcher_ref (cache->matcher);
}

void
_ct_wiki_cache_set_matcher (CtWikiCache      *cache,
                            CtMentionMatcher *matcher)
{
  if (cache->bypass)
    return;
  g_clear_pointer (&cache->matcher, ct_mention_matcher_unref);
  cache->matcher = ct_mention_matcher_ref (matcher);
}
