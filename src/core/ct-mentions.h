/* ct-mentions.h — finds the names (titles and aliases) of a wiki's
 * entities in plain text, in one pass: a trie of the names' words, walked
 * from each word of the text, the longest name winning.
 *
 * The case rules (docs/reference-syntax.md, "Unlinked mentions"): a name
 * matches only as written, except that its first letter may be upper-case
 * at the start of a sentence; names shorter than
 * CT_MENTION_MIN_CHARS characters, names without an upper-case letter
 * ("the ballerina" as an alias) and names two entities share are left
 * out, because linking them would be noise or a guess.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CT_MENTION_MIN_CHARS 4

typedef struct _CtMentionMatcher CtMentionMatcher;

/* A name found in text. */
typedef struct {
  gsize        start, end;  /* bytes of the text as written */
  gint64       entity_id;
  const char  *title;       /* the entity's title (owned by the matcher) */
} CtMentionMatch;

/* Returns: (transfer full): a matcher for the names of @entities (of
 * CtEntity): each title, its aliases, and a title without its
 * disambiguation ("John Wick (film)" → "John Wick"). It never changes
 * once built, so one can be shared (ct-wiki-cache.c keeps one per wiki
 * state: building it reads every entity). */
CtMentionMatcher *ct_mention_matcher_new   (GPtrArray              *entities);
CtMentionMatcher *ct_mention_matcher_ref   (CtMentionMatcher       *self);
void              ct_mention_matcher_unref (CtMentionMatcher       *self);

/* The words of a text as the matcher reads them: the caller cuts its text
 * into these (ct-prose-check.c does, leaving out code and references). */
typedef struct {
  gsize    start, end;    /* bytes */
  gboolean breaks;        /* nothing before it may be part of the same name
                           * (a reference, code, a link's text in between) */
} CtMentionWord;

/* Calls @found for each longest name in @words (of CtMentionWord, in order)
 * of @text, left to right, never overlapping. */
void              ct_mention_matcher_find  (CtMentionMatcher       *self,
                                            const char             *text,
                                            gsize                   length,
                                            const CtMentionWord    *words,
                                            guint                   n_words,
                                            void                  (*found) (const CtMentionMatch *match,
                                                                            gpointer              user_data),
                                            gpointer                user_data);

/* Cuts @text[start, end) into matcher words (letters and digits in runs,
 * any other non-blank character alone); for names and for tests. */
void              ct_mention_split_words   (const char             *text,
                                            gsize                   start,
                                            gsize                   end,
                                            GArray                 *words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtMentionMatcher, ct_mention_matcher_unref)

G_END_DECLS
