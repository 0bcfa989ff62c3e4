/* ct-scanner-inline.c — the inline constructs that hide text from the
 * reference scan (CommonMark 0.30 §6): code spans, autolinks and raw
 * HTML, link destinations. ct-scanner.c's inline pass skips over what
 * these return, so `[[x]]` inside them stays literal, as cmark shows it. */
#include "config.h"

#include <string.h>

#include "ct-scanner-private.h"

/* A code span: a backtick run closed by a run of the same length. Returns
 * the end of the span, or the end of the opening run when it is unclosed
 * (then the backticks are literal). */
const char *
_ct_scanner_skip_code_span (const char *p,
                            const char *end)
{
  const char *q = p;
  gsize n;

  while (q < end && *q == '`')
    q++;
  n = q - p;

  while (q < end)
    {
      const char *run;

      q = _ct_scanner_find_char (q, end, '`');
      if (q == end)
        break;
      run = q;
      while (q < end && *q == '`')
        q++;
      if ((gsize) (q - run) == n)
        return q;
    }
  return p + n;
}

static gboolean
is_tag_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

static const char *
skip_blanks (const char *p,
             const char *end,
             gboolean   *saw_blank)
{
  const char *start = p;

  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  if (saw_blank != NULL)
    *saw_blank = p > start;
  return p;
}

/* An open tag `<name attr="v">` from the `<`; NULL if it is not one. */
static const char *
match_open_tag (const char *p,
                const char *end)
{
  const char *q = p + 1;

  if (q >= end || !g_ascii_isalpha (*q))
    return NULL;
  while (q < end && is_tag_name_char (*q))
    q++;

  for (;;)
    {
      gboolean blank;

      q = skip_blanks (q, end, &blank);
      if (q < end && *q == '>')
        return q + 1;
      if (q + 1 < end && q[0] == '/' && q[1] == '>')
        return q + 2;
      if (!blank || q >= end || !(g_ascii_isalpha (*q) || *q == '_' || *q == ':'))
        return NULL;
      while (q < end && (g_ascii_isalnum (*q) || strchr ("_.:-", *q) != NULL))
        q++;
      {
        const char *r = skip_blanks (q, end, NULL);

        if (r < end && *r == '=')
          {
            r = skip_blanks (r + 1, end, NULL);
            if (r < end && (*r == '"' || *r == '\''))
              {
                const char *close = _ct_scanner_find_char (r + 1, end, *r);
                if (close == end)
                  return NULL;
                q = close + 1;
              }
            else
              {
                const char *v = r;
                while (r < end && !g_ascii_isspace (*r) && strchr ("\"'=<>`", *r) == NULL)
                  r++;
                if (r == v)
                  return NULL;
                q = r;
              }
          }
      }
    }
}

/* Finds @needle after @p (before @end); returns the byte after it or NULL. */
static const char *
find_after (const char *p,
            const char *end,
            const char *needle)
{
  gsize n = strlen (needle);

  for (; p + n <= end; p++)
    if (memcmp (p, needle, n) == 0)
      return p + n;
  return NULL;
}

/* Autolinks and inline raw HTML, from the `<`; NULL when it is neither
 * (then `<` is literal). */
const char *
_ct_scanner_match_angle (const char *p,
                         const char *end)
{
  const char *q = p + 1;

  if (q >= end)
    return NULL;

  /* URI autolink: scheme ":" then no blanks, '<' or '>' up to '>' */
  if (g_ascii_isalpha (*q))
    {
      const char *s = q;
      while (s < end && (g_ascii_isalnum (*s) || *s == '+' || *s == '.' || *s == '-'))
        s++;
      if (s < end && *s == ':' && s - q >= 2 && s - q <= 32)
        {
          for (s++; s < end && *s != '>' && *s != '<' && (guchar) *s > ' '; s++)
            ;
          if (s < end && *s == '>')
            return s + 1;
        }
    }

  /* email autolink */
  {
    const char *s = q;
    gboolean at = FALSE;

    while (s < end && (g_ascii_isalnum (*s) || strchr (".!#$%&'*+/=?^_`{|}~-", *s) != NULL))
      s++;
    if (s > q && s < end && *s == '@')
      {
        for (s++; s < end && (g_ascii_isalnum (*s) || *s == '-' || *s == '.'); s++)
          at = TRUE;
        if (at && s < end && *s == '>')
          return s + 1;
      }
  }

  switch (*q)
    {
    case '/':  /* closing tag */
      {
        const char *s = q + 1;
        if (s >= end || !g_ascii_isalpha (*s))
          return NULL;
        while (s < end && is_tag_name_char (*s))
          s++;
        s = skip_blanks (s, end, NULL);
        return s < end && *s == '>' ? s + 1 : NULL;
      }
    case '!':
      if (end - q >= 3 && memcmp (q, "!--", 3) == 0)
        return find_after (q + 3, end, "-->");
      if (end - q >= 8 && memcmp (q, "![CDATA[", 8) == 0)
        return find_after (q + 8, end, "]]>");
      if (q + 1 < end && g_ascii_isalpha (q[1]))
        return find_after (q + 1, end, ">");
      return NULL;
    case '?':
      return find_after (q + 1, end, "?>");
    default:
      return match_open_tag (p, end);
    }
}

/* An inline link destination and title, from the `(` after `]`: skipped
 * to its matching `)` so that a URL like `(http://x/[[y]])` holds no
 * reference. NULL when the parentheses never close in the block. */
const char *
_ct_scanner_skip_link_destination (const char *p,
                                   const char *end)
{
  int depth = 0;

  for (const char *q = p; q < end; q++)
    {
      if (*q == '\\' && q + 1 < end)
        q++;
      else if (*q == '(')
        depth++;
      else if (*q == ')' && --depth == 0)
        return q + 1;
    }
  return NULL;
}
