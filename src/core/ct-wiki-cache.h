/* ct-wiki-cache.h — names, entities and facts a connection already read
 * (core-internal; ct-wiki-cache.c says when they are forgotten). */
#pragma once

#include "ct-entity.h"
#include "ct-mentions.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

typedef struct _CtWikiCache CtWikiCache;

/* The cache of @wiki, emptied first when the database changed since it
 * was last used. Owned by @wiki. */
CtWikiCache *_ct_wiki_cache_get        (CtWiki         *wiki);
/* While held (a render), only changes made through @wiki itself empty
 * it: the check for other connections' commits is made once, at hold. */
void         _ct_wiki_cache_hold       (CtWiki         *wiki);
void         _ct_wiki_cache_release    (CtWiki         *wiki);
/* How many entries @wiki's cache keeps before it starts again (4096
 * unless set): for a connection that lives for one bounded job. */
void         _ct_wiki_cache_set_limit  (CtWiki         *wiki,
                                        guint           limit);

/* Each getter returns a copy the caller owns, or NULL when not cached. */
GPtrArray   *_ct_wiki_cache_lookup     (CtWikiCache    *cache,
                                        const char     *key);
void         _ct_wiki_cache_add_lookup (CtWikiCache    *cache,
                                        const char     *key,
                                        GPtrArray      *found);
CtEntity    *_ct_wiki_cache_entity     (CtWikiCache    *cache,
                                        gint64          id);
void         _ct_wiki_cache_add_entity (CtWikiCache    *cache,
                                        const CtEntity *entity);
GPtrArray   *_ct_wiki_cache_facts      (CtWikiCache    *cache,
                                        gint64          id);
void         _ct_wiki_cache_add_facts  (CtWikiCache    *cache,
                                        gint64          id,
                                        GPtrArray      *facts);
/* The matcher of every entity's names (a reference, not a copy: it never
 * changes), or NULL when not cached. */
CtMentionMatcher *_ct_wiki_cache_matcher     (CtWikiCache      *cache);
void              _ct_wiki_cache_set_matcher (CtWikiCache      *cache,
                                              CtMentionMatcher *matcher);

G_END_DECLS
