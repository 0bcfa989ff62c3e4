/* ct-wiki.h — a wiki folder and its database (`wiki.continuity`).
 *
 * This header is the contract between the database (src/core/ct-wiki*.c)
 * and its users: the renderer, the CLI and the UI. Functions may be added;
 * changing one means updating every caller in the same commit.
 *
 * Lists come back as GPtrArray with the element free function set.
 *
 * A CtWiki holds one SQLite connection: use it from one thread at a time.
 * Another thread opens its own CtWiki (read-only if it only reads); WAL
 * lets connections, and processes, read while one of them writes.
 */
#pragma once

#include <gio/gio.h>

#include "ct-entity.h"
#include "ct-error.h"

G_BEGIN_DECLS

#define CT_WIKI_DB_NAME "wiki.continuity"

#define CT_TYPE_WIKI (ct_wiki_get_type ())
G_DECLARE_FINAL_TYPE (CtWiki, ct_wiki, CT, WIKI, GObject)

typedef enum {
  CT_WIKI_OPEN_DEFAULT   = 0,
  CT_WIKI_OPEN_CREATE    = 1 << 0,  /* create the folder and database if missing */
  CT_WIKI_OPEN_READ_ONLY = 1 << 1,  /* never write */
} CtWikiOpenFlags;

/* An entity found by name: how it matched. */
typedef enum {
  CT_MATCH_TITLE,
  CT_MATCH_ALIAS,
} CtMatch;

typedef struct {
  gint64        entity_id;
  CtEntityKind  kind;
  char         *title;
  CtMatch       match;
  char         *matched;   /* the title or alias that matched */
  guint         rank;      /* ct_wiki_complete only, lower is better: 0 the
                            * title starts with the prefix, 1 an alias does,
                            * 2 a word of it does, 3 it holds it elsewhere */
} CtLookup;

/* A film or scene an entity appears in. */
typedef struct {
  gint64        entity_id;  /* the film or scene */
  CtEntityKind  kind;
  char         *title;
  gint64        film_id;    /* for a scene: its film; for a film: itself */
  char         *film_title;
  char         *detail;     /* as a reader reads it, translated: "as Rooney",
                             * "Cameo by Keanu Reeves", "Location"; NULL for none */
} CtAppearance;

/* Somewhere that mentions an entity. */
typedef struct {
  gboolean      is_post;    /* TRUE: a post file; FALSE: another entity's notes */
  char         *path;       /* post path relative to the wiki folder, or NULL */
  gint64        entity_id;  /* the mentioning entity, or 0 */
  char         *title;      /* post or entity title */
  guint         line;       /* line of the first mention */
  char         *context;    /* that line as plain text (trimmed, at most ~200
                             * characters, cut at a word with "…"), or NULL
                             * when unreadable or for a link by a fact */
} CtBacklink;

typedef struct {
  gboolean      is_post;
  gint64        entity_id;  /* 0 for posts */
  char         *path;       /* NULL for entities */
  char         *title;
  char         *snippet;    /* plain text; matches wrapped in \x01 … \x02 */
  double        rank;       /* lower is better */
} CtSearchHit;

/* What one run of the post index did. */
typedef struct {
  guint         files;      /* *.md files found */
  guint         unchanged;  /* same size and time: not read */
  guint         touched;    /* read, same content hash: not parsed */
  guint         parsed;     /* new or changed: parsed and indexed */
  guint         removed;    /* gone from the folder: dropped */
  guint         skipped;    /* unreadable or too large */
} CtPostIndexStats;

typedef struct {
  char         *path;       /* relative to the wiki folder */
  char         *title;      /* front matter title, else first heading, else file name */
  char         *date;       /* front matter date or NULL */
  GStrv         tags;
  gboolean      draft;
  int           spoilers;   /* -1 unset, 0 false, 1 true */
  guint         unresolved; /* mentions that name no entity (title or alias) */
} CtPost;

void          ct_lookup_free       (CtLookup     *self);
void          ct_appearance_free   (CtAppearance *self);
void          ct_backlink_free     (CtBacklink   *self);
void          ct_search_hit_free   (CtSearchHit  *self);
void          ct_post_free         (CtPost       *self);

/* Opening */
CtWiki       *ct_wiki_open               (const char       *folder,
                                          CtWikiOpenFlags   flags,
                                          GError          **error);
/* Creates @folder (with posts/ and media/) and an empty wiki in it;
 * fails with CT_ERROR_EXISTS when it already holds one. */
CtWiki       *ct_wiki_create             (const char       *folder,
                                          GError          **error);
/* The same, filled with the sample John Wick universe (compiled in): its
 * entities, credits and posts, indexed. */
CtWiki       *ct_wiki_create_sample      (const char       *folder,
                                          GError          **error);
/* The wiki folder holding @path (a file or folder): the nearest folder
 * upwards with a wiki.continuity, or NULL. */
char         *ct_wiki_find_folder        (const char       *path);
const char   *ct_wiki_get_folder         (CtWiki           *self);
gboolean      ct_wiki_is_read_only       (CtWiki           *self);
const char   *ct_wiki_get_read_only_reason (CtWiki         *self);
const char   *ct_wiki_get_backup_problem (CtWiki           *self);  /* why today's backup failed, or NULL */
/* Reads every page (PRAGMA quick_check): the check opening skips so that
 * it costs the same on any size of wiki. FALSE with CT_ERROR_CORRUPT
 * naming the first problem. */
gboolean      ct_wiki_check_integrity   (CtWiki           *self,
                                         GError          **error);

/* Reading entities */
CtEntity     *ct_wiki_get_entity         (CtWiki           *self,
                                          gint64            id,
                                          GError          **error);
/* By name, ignoring case and surrounding blanks: an exact title match
 * wins; otherwise every entity with that alias. */
GPtrArray    *ct_wiki_lookup             (CtWiki           *self,
                                          const char       *name,
                                          GError          **error);  /* of CtLookup; >1 = ambiguous */
GPtrArray    *ct_wiki_list_entities      (CtWiki           *self,
                                          int               kind,    /* CtEntityKind or -1 for all */
                                          GError          **error);  /* of CtEntity, by title */
/* Every entity with only its id, kind, title, spoiler flag and aliases
 * (no slug, summary or notes), in no particular order: what name
 * matching and spelling need, without holding a big wiki's notes. */
GPtrArray    *ct_wiki_list_entity_names  (CtWiki           *self,
                                          GError          **error);  /* of CtEntity */
/* Names (titles and aliases) holding @prefix, ignoring case and accents,
 * each entity once, best first (see CtLookup.rank; shorter names first
 * within a rank); at most @limit, 0 for all. */
GPtrArray    *ct_wiki_complete           (CtWiki           *self,
                                          const char       *prefix,
                                          guint             limit,
                                          GError          **error);  /* of CtLookup */
GPtrArray    *ct_wiki_search             (CtWiki           *self,
                                          const char       *query,
                                          guint             limit,
                                          GError          **error);  /* of CtSearchHit */

/* Facts and credits */
GPtrArray    *ct_wiki_get_facts          (CtWiki           *self,
                                          gint64            entity_id,
                                          GError          **error);  /* of CtFact, in order */
GPtrArray    *ct_wiki_get_cast           (CtWiki           *self,
                                          gint64            film_id,
                                          GError          **error);  /* of CtCredit, billing order */
GPtrArray    *ct_wiki_get_scenes         (CtWiki           *self,
                                          gint64            film_id,
                                          GError          **error);  /* of CtEntity, by `order` */
GPtrArray    *ct_wiki_get_events         (CtWiki           *self,
                                          gint64            entity_id, /* 0 = all */
                                          GError          **error);  /* of CtEntity, by `chrono` */
GPtrArray    *ct_wiki_get_appearances    (CtWiki           *self,
                                          gint64            entity_id,
                                          GError          **error);  /* of CtAppearance */
GPtrArray    *ct_wiki_get_backlinks      (CtWiki           *self,
                                          gint64            entity_id,
                                          GError          **error);  /* of CtBacklink */
GPtrArray    *ct_wiki_list_credits       (CtWiki           *self,
                                          GError          **error);  /* of CtCredit: all, by film title then billing */
/* Posts that mention @name ([[name]], {{…: name}}): after a rename, what
 * to offer to rewrite (the files are the user's; they are not changed). */
GPtrArray    *ct_wiki_find_post_mentions (CtWiki           *self,
                                          const char       *name,
                                          GError          **error);  /* of CtBacklink */

/* The same questions for the whole wiki at once, for a static site that
 * asks them of every entity: one query each instead of one per entity.
 * Sets of entity ids (gint64 *, g_int64_hash): those for which
 * ct_wiki_get_cast, _get_scenes, _get_events (non-zero id) and
 * _get_appearances would return at least one row. */
GHashTable   *ct_wiki_list_with_cast        (CtWiki        *self,
                                             GError       **error);
GHashTable   *ct_wiki_list_with_scenes      (CtWiki        *self,
                                             GError       **error);
GHashTable   *ct_wiki_list_with_events      (CtWiki        *self,
                                             GError       **error);
GHashTable   *ct_wiki_list_with_appearances (CtWiki        *self,
                                             GError       **error);
/* Every entity's backlinks: entity id (gint64 *) → GPtrArray of
 * CtBacklink, each array the rows and order ct_wiki_get_backlinks gives
 * for that id, without the context line (NULL: that reads every post
 * file again). Entities nothing mentions are not in the table. */
GHashTable   *ct_wiki_get_all_backlinks     (CtWiki        *self,
                                             GError       **error);
/* For every entity with a fact @key holding text (not a link): entity id
 * (gint64 *) → the text of its first such fact, in fact order. */
GHashTable   *ct_wiki_list_fact_texts       (CtWiki        *self,
                                             const char    *key,
                                             GError       **error);
/* ct_wiki_list_posts with each CtPost.unresolved left 0 (it is most of
 * that query's cost), for the static site. */
GPtrArray    *ct_wiki_list_posts_uncounted  (CtWiki        *self,
                                             GError       **error);
/* The paths (char *) of the posts ct_wiki_list_posts lists, drafts only
 * when @drafts, sorted byte by byte. */
GPtrArray    *ct_wiki_list_post_paths       (CtWiki        *self,
                                             gboolean       drafts,
                                             GError       **error);

/* What a site's pages ask of each entity, read for the whole wiki at once
 * and then only looked up (so threads may share it): the entities of
 * @entities (of CtEntity, kept; NULL: none), and for every name, entity
 * and film the rows ct_wiki_lookup, _get_facts, _get_cast and
 * _get_appearances give, in the same order. Asked about what the wiki
 * does not hold, it answers as they do: no rows (an entity not in
 * @entities: NULL, ask ct_wiki_get_entity). */
typedef struct _CtWikiAnswers CtWikiAnswers;
CtWikiAnswers  *ct_wiki_answers_new         (CtWiki               *self,
                                             GPtrArray            *entities,
                                             GError              **error);
void            ct_wiki_answers_free        (CtWikiAnswers        *self);
const CtEntity *ct_wiki_answers_entity      (const CtWikiAnswers  *self,
                                             gint64                id);
GPtrArray      *ct_wiki_answers_lookup      (const CtWikiAnswers  *self,
                                             const char           *name);  /* a new reference */
GPtrArray      *ct_wiki_answers_facts       (const CtWikiAnswers  *self,
                                             gint64                id);    /* owned by @self */
GPtrArray      *ct_wiki_answers_cast        (const CtWikiAnswers  *self,
                                             gint64                film_id); /* a new reference */
GPtrArray      *ct_wiki_answers_appearances (const CtWikiAnswers  *self,
                                             gint64                id);    /* a new reference */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtWikiAnswers, ct_wiki_answers_free)

/* Known fact keys per kind (DESIGN §4) */
/* (labels: ct_fact_key_label in ct-fact-keys.h) */
const char * const *ct_wiki_known_keys   (CtEntityKind      kind);   /* NULL-terminated */

/* Changing (each call is one transaction).
 * update_entity with a new title renames: facts and credits link by id and
 * follow; [[Old Title]] in other entities' notes is rewritten. Delete turns
 * facts of other entities that link to the entity into its title as text,
 * removes its facts, aliases and credits as film or person, and clears it
 * from credits as character (ct_wiki_describe_delete says all this first). */
gint64        ct_wiki_create_entity      (CtWiki           *self,
                                          CtEntityKind      kind,
                                          const char       *title,
                                          GError          **error);
gboolean      ct_wiki_update_entity      (CtWiki           *self,
                                          const CtEntity   *entity,  /* by id: title, summary, notes, spoiler, aliases */
                                          GError          **error);
gboolean      ct_wiki_delete_entity      (CtWiki           *self,
                                          gint64            id,
                                          GError          **error);
char         *ct_wiki_describe_delete    (CtWiki           *self,
                                          gint64            id,
                                          GError          **error);  /* what delete will remove or unlink */
gboolean      ct_wiki_set_facts          (CtWiki           *self,
                                          gint64            entity_id,
                                          GPtrArray        *facts,   /* of CtFact: replaces all, validated */
                                          GError          **error);
gint64        ct_wiki_add_credit         (CtWiki           *self,
                                          const CtCredit   *credit,
                                          GError          **error);
gboolean      ct_wiki_remove_credit      (CtWiki           *self,
                                          gint64            credit_id,
                                          GError          **error);

/* Interchange (DESIGN §4) */
char         *ct_wiki_dump               (CtWiki           *self,
                                          GError          **error);  /* JSON, sorted, stable */
/* The same bytes, written to @out as they are read: memory stays flat
 * whatever the size of the wiki. Does not close @out. */
gboolean      ct_wiki_dump_to_stream     (CtWiki           *self,
                                          GOutputStream    *out,
                                          GError          **error);
gboolean      ct_wiki_import             (CtWiki           *self,
                                          const char       *json,
                                          gssize            length,
                                          GError          **error);  /* merge by title; all or nothing */

/* Posts */
gboolean      ct_wiki_index_posts        (CtWiki           *self,
                                          GCancellable     *cancellable,
                                          GError          **error);
GPtrArray    *ct_wiki_list_posts         (CtWiki           *self,
                                          GError          **error);  /* of CtPost, newest first */
/* index_posts, telling what it did (@stats may be NULL): files whose size
 * and time are unchanged are not read; read files whose hash is unchanged
 * are not parsed. */
gboolean      ct_wiki_index_posts_with_stats (CtWiki       *self,
                                          GCancellable     *cancellable,
                                          CtPostIndexStats *stats,
                                          GError          **error);
/* Whether index_posts would find nothing to do: the wiki is in the
 * current format and every post file has the size and time the index
 * recorded, none added or gone. Reads only, so a read-only wiki can tell
 * before one is opened for writing. When current and @files is not NULL,
 * *@files is what was just read of the post files: path as indexed →
 * struct stat (lstat). */
gboolean      ct_wiki_posts_indexed      (CtWiki           *self,
                                          gboolean         *current,
                                          GHashTable      **files,
                                          GError          **error);
/* Forgets every post; the next index_posts rebuilds it from the files. */
gboolean      ct_wiki_clear_post_index   (CtWiki           *self,
                                          GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtLookup, ct_lookup_free)

/* The wiki window (issue 7): paged lists, change notification, undo,
 * credits and scenes reordered. */

/* A light row for lists that may hold 100,000 entities. */
typedef struct {
  gint64        id;
  CtEntityKind  kind;
  char         *title;
  char         *summary;   /* may be NULL */
  gboolean      spoiler;
} CtEntityBrief;

void          ct_entity_brief_free       (CtEntityBrief    *self);

/* How many entities of @kind (-1: all): one COUNT on an index, no rows read. */
gboolean      ct_wiki_count_entities     (CtWiki           *self,
                                          int               kind,
                                          guint            *count,
                                          GError          **error);
/* The counts of every kind at once; @counts has CT_N_ENTITY_KINDS slots. */
gboolean      ct_wiki_count_by_kind      (CtWiki           *self,
                                          guint            *counts,
                                          GError          **error);
/* Rows @offset .. @offset + @limit - 1 of the entities of @kind ordered by
 * title case-insensitively (the name key), ties by id; with @kind -1 all of
 * them, kind by kind in CtEntityKind order, then so. A page for a lazy list
 * model: it walks an index, never sorts the table. */
GPtrArray    *ct_wiki_list_briefs        (CtWiki           *self,
                                          int               kind,
                                          guint             offset,
                                          guint             limit,
                                          GError          **error);  /* of CtEntityBrief */
/* The position of entity @id in that same order; CT_ERROR_NOT_FOUND when
 * there is no such entity or it is not of @kind. */
gboolean      ct_wiki_brief_position     (CtWiki           *self,
                                          int               kind,
                                          gint64            id,
                                          guint            *position,
                                          GError          **error);

/* Signal "changed" (gint64 id): told after every committed change made
 * through this CtWiki (entities, facts, credits, import, restore, the post
 * index …), on the thread that wrote, after COMMIT, never inside a
 * transaction. @id is the one entity changed, or 0 when several were (a
 * credit touches film, person and character; a rename rewrites other
 * entities' notes) or it is not known (import, posts). */

/* Undo for any edit of an entity, deletion included. A snapshot holds the
 * entity as it is now and everything tied to it: its row, names, facts,
 * credits (as film, person or character), the facts of other entities
 * that link to it, and its rows in the search index and entity_mention.
 * Restoring puts all of it back in one transaction: an entity that still
 * exists has its rows replaced; a deleted one comes back with the same id,
 * and the other entities' facts that deletion turned into text link to it
 * again (where they still exist and are still that text). A rename undone
 * rewrites other entities' notes back, as a rename does. Links to entities
 * deleted since the snapshot come back as their title in text. Fails with
 * CT_ERROR_EXISTS, changing nothing, when another entity has taken the
 * title meanwhile. Snapshots live in memory only. */
typedef struct _CtWikiSnapshot CtWikiSnapshot;

CtWikiSnapshot *ct_wiki_snapshot_entity  (CtWiki           *self,
                                          gint64            id,
                                          GError          **error);
gboolean      ct_wiki_restore_snapshot   (CtWiki           *self,
                                          const CtWikiSnapshot *snapshot,
                                          GError          **error);
gint64        ct_wiki_snapshot_get_id    (const CtWikiSnapshot *snapshot);
void          ct_wiki_snapshot_free      (CtWikiSnapshot   *snapshot);

/* Credit @credit->id edited in place: person, character (0 = none), role,
 * billing, status and source (the film stays), validated as add_credit. */
gboolean      ct_wiki_update_credit      (CtWiki           *self,
                                          const CtCredit   *credit,
                                          GError          **error);
/* Billing 1..n in the order given; every id must be a credit of @film_id
 * (credits left out keep their billing). */
gboolean      ct_wiki_reorder_credits    (CtWiki           *self,
                                          gint64            film_id,
                                          const gint64     *credit_ids,
                                          guint             n_ids,
                                          GError          **error);
/* The scenes given (each a scene of @film_id) get their `order` fact set
 * to 1..n in the order given; the fact is added when missing, other facts
 * stay as they are. */
gboolean      ct_wiki_reorder_scenes     (CtWiki           *self,
                                          gint64            film_id,
                                          const gint64     *scene_ids,
                                          guint             n_ids,
                                          GError          **error);

/* Emits "changed" (0) on @self for a change committed through another
 * connection to the same wiki (a worker thread's own CtWiki, as the
 * Letterboxd import uses), so views of @self read it again. */
void          ct_wiki_changed_elsewhere  (CtWiki           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtEntityBrief, ct_entity_brief_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtWikiSnapshot, ct_wiki_snapshot_free)

/* A digest of every row the wiki holds (not its search index): equal
 * digests mean nothing in the wiki changed. `continuity site` keeps it
 * to skip pages whose inputs are unchanged. */
char         *ct_wiki_content_digest     (CtWiki           *self,
                                          GError          **error);

/* Many reads as one: outside a transaction SQLite takes and drops the
 * file's read lock for every statement, which costs more than most of the
 * statements a page needs. Between begin and end every read sees the same
 * state of the wiki. Not for a connection that writes meanwhile. */
gboolean      ct_wiki_begin_reading      (CtWiki           *self,
                                          GError          **error);
void          ct_wiki_end_reading        (CtWiki           *self);
/* The relationship graph (issue 8): what ties one entity to others, read
 * through indexes only, so a neighbourhood costs the same in a wiki of
 * 100 entities or of 100,000. */

/* An entity-valued fact, with both ends named. */
typedef struct {
  gint64        fact_id;
  gint64        from_id;     /* the entity holding the fact */
  CtEntityKind  from_kind;
  char         *from_title;
  char         *key;
  gint64        to_id;       /* the entity it links to */
  CtEntityKind  to_kind;
  char         *to_title;
  CtFactStatus  status;
  gboolean      spoiler;
} CtLink;

void          ct_link_free               (CtLink           *self);

/* The entity-valued facts of @entity_id, then those of other entities
 * that link to it, each group by fact id. */
GPtrArray    *ct_wiki_get_links          (CtWiki           *self,
                                          gint64            entity_id,
                                          GError          **error);  /* of CtLink */
/* The credits in which @entity_id is the film, the person or the
 * character, by credit id. */
GPtrArray    *ct_wiki_get_credits_of     (CtWiki           *self,
                                          gint64            entity_id,
                                          GError          **error);  /* of CtCredit */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtLink, ct_link_free)

G_END_DECLS
