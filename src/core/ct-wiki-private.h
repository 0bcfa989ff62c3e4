/* ct-wiki-private.h — what the ct-wiki*.c files share (core-internal). */
#pragma once

#include "ct-db.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

struct _CtWiki {
  GObject   parent_instance;

  char     *folder;
  CtDb     *db;
  char     *read_only_reason;   /* NULL when writable */
  CtError   read_only_code;     /* CT_ERROR_TOO_NEW or CT_ERROR_READ_ONLY */
  char     *backup_problem;     /* why today's backup failed, or NULL */
  GHashTable *deferred_search;  /* entity ids whose search row waits, or NULL */
  gboolean  change_pending;     /* the open transaction changed something … */
  gint64    change_id;          /* … to this entity, or 0 for several */
};

/* A name as matched: Unicode case-folded, NFC, surrounding blanks gone.
 * "Rooney", " rooney " and "ROONEY" share one key. */
char     *_ct_wiki_name_key        (const char   *name);
/* The key without accents, for completion: "jose" for "José". */
char     *_ct_wiki_name_fold       (const char   *name);

/* Fails with the reason when the wiki can't be written: CT_ERROR_TOO_NEW
 * for a newer Continuity's wiki, CT_ERROR_READ_ONLY otherwise. */
gboolean  _ct_wiki_check_writable  (CtWiki       *self,
                                    GError      **error);

/* Notes that the open transaction changes entity @id (0: several or
 * unknown); told with "changed" when the outermost transaction commits. */
void      _ct_wiki_note_change     (CtWiki       *self,
                                    gint64        id);
/* ct_db_commit, then "changed" with what was noted if that ended the
 * outermost transaction: never while a transaction is open. */
gboolean  _ct_wiki_commit          (CtWiki       *self,
                                    GError      **error);
/* ct_db_rollback; the outermost one forgets the noted changes. */
void      _ct_wiki_rollback        (CtWiki       *self);

/* Fails with CT_ERROR_ENCODING naming @what when @text (may be NULL) is
 * not UTF-8. */
gboolean  _ct_wiki_check_text      (const char   *text,
                                    const char   *what,
                                    GError      **error);

/* A kind or status column; the CHECK constraints keep unknown values
 * out of the tables. */
CtEntityKind _ct_wiki_column_kind   (sqlite3_stmt *stmt,
                                     int           column);
CtFactStatus _ct_wiki_column_status (sqlite3_stmt *stmt,
                                     int           column);
/* Steps @stmt to the end, making an element of each row with @make;
 * NULL (and @error) when a step fails. */
GPtrArray *_ct_wiki_collect        (CtWiki         *self,
                                    sqlite3_stmt   *stmt,
                                    gpointer      (*make) (sqlite3_stmt *stmt),
                                    GDestroyNotify  free_func,
                                    GError        **error);
/* Kind and current title of entity @id (CT_ERROR_NOT_FOUND if none). */
gboolean  _ct_wiki_entity_brief    (CtWiki        *self,
                                    gint64         id,
                                    CtEntityKind  *kind,
                                    char         **title,
                                    GError       **error);

/* The entity whose title (not alias) has @key, or 0. */
gint64    _ct_wiki_id_by_title     (CtWiki        *self,
                                    const char    *title,
                                    GError       **error);

/* Refreshes the search row and the notes' mentions of entity @id. */
gboolean  _ct_wiki_reindex_entity  (CtWiki        *self,
                                    gint64         id,
                                    GError       **error);

/* Within a big transaction (import): collect the entities whose search
 * rows need writing and write them all at the end with flush. FTS5 writes
 * its pending rows to disk at every statement savepoint, which SQLite
 * opens for each multi-row statement: interleaved with other writes,
 * each entity would cost a flush. Drop forgets them (before a rollback). */
void      _ct_wiki_defer_search    (CtWiki        *self);
gboolean  _ct_wiki_flush_search    (CtWiki        *self,
                                    GError       **error);
void      _ct_wiki_drop_search     (CtWiki        *self);

/* A name mentioned in Markdown ([[X]], {{template: X | …}}). */
typedef struct {
  char  *name;
  gsize  start;   /* byte range of the name itself, for rewriting */
  gsize  end;
  guint  line;    /* 1-based */
} CtMention;

void      _ct_mention_free         (CtMention     *mention);
/* The mentions in @text, in order (GPtrArray of CtMention). */
GPtrArray *_ct_wiki_collect_mentions (const char   *text,
                                      gsize         length);

/* Replaces the facts of entity @id inside an open transaction. On
 * failure *@bad_index (may be NULL) is the fact at fault. */
gboolean  _ct_wiki_write_facts     (CtWiki        *self,
                                    gint64         id,
                                    GPtrArray     *facts,
                                    guint         *bad_index,
                                    GError       **error);

/* Creates entity @kind/@title inside an open transaction. */
gint64    _ct_wiki_insert_entity   (CtWiki        *self,
                                    CtEntityKind   kind,
                                    const char    *title,
                                    GError       **error);

/* Writes title, summary, notes, spoiler and aliases of @entity (by id)
 * inside an open transaction. */
gboolean  _ct_wiki_write_entity    (CtWiki         *self,
                                    const CtEntity *entity,
                                    GError        **error);

/* Adds or updates (same film, person, character and role) a credit
 * inside an open transaction. */
gint64    _ct_wiki_write_credit    (CtWiki         *self,
                                    const CtCredit *credit,
                                    GError        **error);

/* A line of Markdown as plain text for a backlink's context (ct-wiki.h),
 * or NULL when nothing is left. */
char       *_ct_wiki_context_line  (const char    *line);

/* The SQL of ct_wiki_list_briefs for @kind (-1: all), for the test that
 * checks its query plan walks the index. */
const char *_ct_wiki_brief_sql     (int            kind);

/* Streaming forms of ct_wiki_list_entities() (@kind -1: all) and
 * ct_wiki_list_credits(), in the same order: @each gets one row at a time,
 * owned by the caller of @each and freed after it returns. */
typedef gboolean (*CtWikiEntityFunc) (CtWiki    *self,
                                      CtEntity  *entity,
                                      gpointer   user_data,
                                      GError   **error);
typedef gboolean (*CtWikiCreditFunc) (CtWiki    *self,
                                      CtCredit  *credit,
                                      gpointer   user_data,
                                      GError   **error);
gboolean _ct_wiki_foreach_entity (CtWiki            *self,
                                  int                kind,
                                  CtWikiEntityFunc   each,
                                  gpointer           user_data,
                                  GError           **error);
gboolean _ct_wiki_foreach_credit (CtWiki            *self,
                                  CtWikiCreditFunc   each,
                                  gpointer           user_data,
                                  GError           **error);

/* The first column of every row of @sql (no parameters) as a set of ids
 * (gint64 * keys, g_int64_hash): for whole-wiki questions asked once
 * instead of once per entity. NULL with @error on failure. */
GHashTable *_ct_wiki_collect_ids (CtWiki      *self,
                                  const char  *sql,
                                  GError     **error);

/* Rows as ct_wiki_lookup, ct_wiki_get_facts and ct_wiki_get_cast read
 * them (ct-wiki-query.c), shared with their whole-wiki forms
 * (ct-wiki-batch.c) so that both keep the same joins and order. */
#define CREDIT_QUERY \
  "SELECT c.id, c.film_id, fi.title, c.person_id, pe.title, c.character_id, ch.title," \
  " c.role, c.billing, c.status, c.source" \
  " FROM credit c JOIN entity fi ON fi.id = c.film_id JOIN entity pe ON pe.id = c.person_id" \
  " LEFT JOIN entity ch ON ch.id = c.character_id"
#define FACT_QUERY \
  "SELECT f.id, f.entity_id, f.position, f.key, f.text, f.value_id," \
  " v.title, v.kind, f.status, f.source, f.spoiler" \
  " FROM fact f LEFT JOIN entity v ON v.id = f.value_id"
CtLookup *_ct_wiki_lookup_from_row  (sqlite3_stmt  *stmt);
int       _ct_wiki_compare_lookups  (gconstpointer  a,
                                     gconstpointer  b);   /* alias after title, title, id */
CtFact   *_ct_wiki_fact_from_row    (sqlite3_stmt  *stmt);
CtCredit *_ct_wiki_credit_from_row  (sqlite3_stmt  *stmt);
int       _ct_wiki_compare_billing  (gconstpointer  a,
                                     gconstpointer  b);   /* billing, unbilled last, id */

/* ct_wiki_get_appearances for every entity with any: id (gint64 *) →
 * GPtrArray of CtAppearance, the same rows in the same order
 * (ct-wiki-appearances.c). */
GHashTable *_ct_wiki_get_every_appearance (CtWiki  *self,
                                           GError **error);

G_END_DECLS
