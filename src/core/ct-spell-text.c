#define G_LOG_DOMAIN "ct-spell"

#include "config.h"

#include <string.h>

#include "ct-scanner-private.h"
#include "ct-spell.h"

/* What of a post is prose, and what in prose is a word. The prose is what
 * the reference scanner reads as inline content (so code blocks, HTML
 * blocks and front matter are settled by cmark, as for rendering), minus
 * what the scanner hides inside it (code spans, autolinks, raw HTML, link
 * destinations) and the references themselves: a second Markdown reader
 * here would sooner or later disagree with the renderer. */

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const CtTextRange *ra = a, *rb = b;

  return ra->start < rb->start ? -1 : ra->start > rb->start;
}

GArray *
ct_spell_prose_ranges (const char *text,
                       gsize       length)
{
  Scanner scanner;
  GArray *prose = g_array_new (FALSE, FALSE, sizeof (CtTextRange));
  g_autoptr(GArray) holes = g_array_new (FALSE, FALSE, sizeof (CtTextRange));
  guint h = 0;

  _ct_scanner_init (&scanner, text, length);
  scanner.hidden = g_array_new (FALSE, FALSE, sizeof (gsize));
  scanner.blocks = g_array_new (FALSE, FALSE, sizeof (gsize));
  _ct_scanner_scan_blocks (&scanner, NULL, NULL, NULL);

  for (guint i = 0; i + 1 < scanner.hidden->len; i += 2)
    {
      CtTextRange r = { g_array_index (scanner.hidden, gsize, i),
                        g_array_index (scanner.hidden, gsize, i + 1) };
      g_array_append_val (holes, r);
    }
  for (guint i = 0; i < scanner.refs->len; i++)
    {
      CtReference *ref = g_ptr_array_index (scanner.refs, i);
      CtTextRange r = { ref->start, ref->end };
      g_array_append_val (holes, r);
    }
  g_array_sort (holes, compare_ranges);

  /* each block minus the holes in it; both lists are in document order */
  for (guint b = 0; b + 1 < scanner.blocks->len; b += 2)
    {
      gsize at = g_array_index (scanner.blocks, gsize, b);
      gsize block_end = g_array_index (scanner.blocks, gsize, b + 1);

      while (h < holes->len && g_array_index (holes, CtTextRange, h).end <= at)
        h++;
      for (guint k = h; k < holes->len && at < block_end; k++)
        {
          CtTextRange *hole = &g_array_index (holes, CtTextRange, k);

          if (hole->start >= block_end)
            break;
          if (hole->start > at)
            {
              CtTextRange r = { at, hole->start };
              g_array_append_val (prose, r);
            }
          at = MAX (at, hole->end);
        }
      if (at < block_end)
        {
          CtTextRange r = { at, block_end };
          g_array_append_val (prose, r);
        }
    }

  _ct_scanner_clear (&scanner);
  return prose;
}

#define MAX_WORD_CHARS 45

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* A run of non-blank text that is an address rather than words. */
static gboolean
is_address (const char *chunk,
            gsize       length)
{
  g_autofree char *copy = g_strndup (chunk, length);
  const char *p = copy;

  while (*p != '\0' && strchr ("(<\"'*_", *p) != NULL)
    p++;
  return strstr (p, "://") != NULL
         || g_ascii_strncasecmp (p, "www.", 4) == 0
         || strchr (p, '@') != NULL;
}

/* The words of one run of non-blank text: letters joined by apostrophes;
 * a run holding a digit ("4K", "1990s", "mp3") is not a word. */
static void
chunk_words (const char      *text,
             gsize            start,
             gsize            end,
             CtSpellWordFunc  func,
             gpointer         user_data)
{
  gsize p = start;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (text + p);
      gsize run_start, run_end, last_letter_end;
      glong chars;
      gboolean digit = FALSE;

      if (!is_word_char (c))
        {
          p = g_utf8_next_char (text + p) - text;
          continue;
        }

      run_start = p;
      last_letter_end = p;
      while (p < end)
        {
          c = g_utf8_get_char (text + p);
          if (is_word_char (c))
            {
              digit |= g_unichar_isdigit (c);
              p = g_utf8_next_char (text + p) - text;
              last_letter_end = p;
            }
          else if (is_apostrophe (c))
            p = g_utf8_next_char (text + p) - text;
          else
            break;
        }
      run_end = last_letter_end;  /* a trailing apostrophe is punctuation */

      /* an HTML entity (&nbsp;) is not a word either */
      if (run_start > start && text[run_start - 1] == '&' && run_end < end && text[run_end] == ';')
        continue;
      /* past MAX_WORD_CHARS it is a hash, base64 or a held key, not a word
       * a dictionary could know (hunspell gives up at 100 bytes) */
      chars = g_utf8_strlen (text + run_start, run_end - run_start);
      if (!digit && chars > 1 && chars <= MAX_WORD_CHARS)
        func (text + run_start, run_end - run_start, run_start, user_data);
    }
}

void
ct_spell_foreach_word (const char      *text,
                       gsize            start,
                       gsize            end,
                       CtSpellWordFunc  func,
                       gpointer         user_data)
{
  gsize p = start;

  while (p < end)
    {
      gsize chunk_start;

      while (p < end && g_unichar_isspace (g_utf8_get_char (text + p)))
        p = g_utf8_next_char (text + p) - text;
      chunk_start = p;
      while (p < end && !g_unichar_isspace (g_utf8_get_char (text + p)))
        p = g_utf8_next_char (text + p) - text;
      p = MIN (p, end);
      if (p > chunk_start && !is_address (text + chunk_start, p - chunk_start))
        chunk_words (text, chunk_start, p, func, user_data);
    }
}
