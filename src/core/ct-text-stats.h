/* ct-text-stats.h — word count and reading time of a Markdown document. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words are runs of letters, digits, apostrophes and inner hyphens;
 * Markdown punctuation (#, *, >, |, …) and front matter don't count. */
guint ct_text_count_words   (const char *text,
                             gssize      length);

/* Minutes at 230 words per minute, rounded up; 0 for an empty text. */
guint ct_text_reading_time  (guint       words);

G_END_DECLS
