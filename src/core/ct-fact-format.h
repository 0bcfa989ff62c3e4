/* ct-fact-format.h — wiki values as a reader reads them: partial dates in
 * the user's locale, a fact's status in words. Every writer (preview,
 * exports, the site, the entity card) goes through these, so a value reads
 * the same everywhere; the stored form stays what interchange and
 * `{{fact: X | key | raw}}` give. */
#pragma once

#include "ct-entity.h"

G_BEGIN_DECLS

/* Returns: (transfer full) (nullable): a partial date ("2025", "2025-06",
 * "2025-06-12") as the locale writes it ("2025", "June 2025",
 * "12 June 2025"), or NULL when @text is not one. */
char       *ct_partial_date_format (const char    *text);

/* Returns: (transfer full): a post's front-matter date as a reader reads
 * it: a date, or the date of a timestamp ("2025-06-12T20:00:00+02:00"),
 * formatted as above; anything else as written. *@machine (nullable) gets
 * the YYYY[-MM[-DD]] part for a <time datetime>, or NULL. */
char       *ct_post_date_format    (const char    *date,
                                    char         **machine);

/* Returns: (transfer full): the text value of fact @key of a @kind entity
 * as a reader reads it: dates formatted, known choices by their label,
 * anything else as stored. */
char       *ct_fact_text_display   (CtEntityKind   kind,
                                    const char    *key,
                                    const char    *text);

/* Returns: (transfer full): a whole fact as plain text for a widget:
 * its value as above (a linked entity by its title) and the status mark,
 * "May 2027 (disputed)". */
char       *ct_fact_display        (CtEntityKind   kind,
                                    const CtFact  *fact);

/* The mark after a value that is not confirmed: "(rumored)",
 * "(disputed)", translated; NULL for a confirmed one. */
const char *ct_fact_status_note    (CtFactStatus   status);

G_END_DECLS
