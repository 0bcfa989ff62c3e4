#define G_LOG_DOMAIN "ct-text-stats"

#include "config.h"

#include <string.h>

#include "ct-front-matter.h"
#include "ct-text-stats.h"

#define WORDS_PER_MINUTE 230

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

guint
ct_text_count_words (const char *text,
                     gssize      length)
{
  gsize body_offset;
  guint body_line;
  const char *p, *end;
  gboolean in_word = FALSE;
  guint words = 0;

  if (length < 0)
    length = strlen (text);

  ct_front_matter_split (text, length, &body_offset, &body_line);
  end = text + length;

  for (p = text + body_offset; p != NULL && p < end; p = g_utf8_find_next_char (p, end))
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          in_word = FALSE;
          continue;
        }

      if (is_word_char (c))
        {
          if (!in_word)
            words++;
          in_word = TRUE;
        }
      else if (in_word && (c == '\'' || c == 0x2019 || c == '-'))
        {
          /* don't, well-known: joiners inside a word keep it one word */
          const char *next = g_utf8_find_next_char (p, end);
          in_word = next != NULL && next < end && is_word_char (g_utf8_get_char (next));
        }
      else
        in_word = FALSE;
    }

  return words;
}

guint
ct_text_reading_time (guint words)
{
  return (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
}
