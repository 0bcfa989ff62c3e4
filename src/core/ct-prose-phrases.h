/* ct-prose-phrases.h — the words the prose checks look for, in the
 * language of the user's translation (ct-prose-phrases.c holds the English
 * tables, each one translatable string a translator extends).
 *
 * Every list comes back folded (g_utf8_casefold) and split into words, so
 * the checks compare words without caring about case.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A phrase of one or more words, folded. */
typedef struct {
  GStrv  words;
  guint  n_words;
} CtProsePhrase;

/* Words that say a film comes out: "opens", "hits cinemas" … */
const GPtrArray *ct_prose_release_phrases (void);

/* Words that name a film's crew: "directed by" … for @role, a fact key
 * and credit role: "director", "writer" or "cinematographer". */
const GPtrArray *ct_prose_crew_phrases    (const char *role);
/* The crew roles the checks know, NULL-terminated. */
const char * const *ct_prose_crew_roles   (void);

/* Words between a person and the character they play: "as", "plays" … */
const GPtrArray *ct_prose_casting_phrases (void);

/* Lower-case words that may sit inside a name ("de", "van"): a plain
 * name after "directed by" runs over them. */
gboolean         ct_prose_is_name_particle (const char *folded);

/* The month (1–12) a folded word names ("june", "jun"), or 0. */
guint            ct_prose_month_from_word (const char *folded);
/* The month's name as prose writes it, for a replacement ("June"). */
const char      *ct_prose_month_name      (guint       month);

G_END_DECLS
