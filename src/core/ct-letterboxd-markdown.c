#define G_LOG_DOMAIN "ct-letterboxd"

#include "config.h"

#include <string.h>

#include "ct-letterboxd.h"

/* Letterboxd's review text is plain text with a little HTML. Converted in
 * one pass: a tag Letterboxd writes becomes Markdown, anything else that
 * looks like a tag (<script>, <3) stays as the text it is, escaped, so
 * nothing the user wrote is dropped and nothing runs. Line breaks are
 * counted rather than written at once: one is a hard break, two or more
 * (or <p>) a new paragraph. */

typedef struct {
  GString    *out;
  guint       quote_depth;     /* <blockquote>s the current line is in */
  guint       target_depth;    /* … and the next paragraph will be in */
  guint       pending_breaks;  /* line breaks not yet written */
  GString    *pending_open;    /* emphasis openers waiting for text */
  gboolean    line_start;
  gboolean    only_digits;     /* the line so far is digits … */
  guint       digits;          /* … this many */
  char       *href;            /* the open <a>'s address, or NULL */
  gsize       link_start;      /* where its text starts in @out */
} Writer;

static void
start_line (Writer *w)
{
  for (guint i = 0; i < w->quote_depth; i++)
    g_string_append (w->out, "> ");
  w->line_start = TRUE;
  w->only_digits = TRUE;
  w->digits = 0;
}

static void
flush_breaks (Writer *w)
{
  if (w->out->len == 0)
    {
      /* Nothing written yet: the first line carries the quote markers. */
      w->quote_depth = w->target_depth;
      start_line (w);
    }
  else if (w->pending_breaks == 1)
    {
      g_string_append (w->out, "\\\n");
      start_line (w);
    }
  else if (w->pending_breaks > 1)
    {
      /* The blank line keeps the quotes both paragraphs are in. */
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < MIN (w->quote_depth, w->target_depth); i++)
        g_string_append (w->out, i > 0 ? " >" : ">");
      g_string_append_c (w->out, '\n');
      w->quote_depth = w->target_depth;
      start_line (w);
    }
  w->pending_breaks = 0;
}

static void
put_char (Writer   *w,
          gunichar  c)
{
  static const char always[] = "\\`*_[]<>{}&~!|";
  char buf[8];
  int n;

  if (c == '\n')
    {
      w->pending_breaks++;
      return;
    }
  if (w->line_start && (c == ' ' || c == '\t'))
    return;  /* indentation would make a code block */
  flush_breaks (w);
  if (w->pending_open->len > 0 && c != ' ')
    {
      g_string_append (w->out, w->pending_open->str);
      g_string_truncate (w->pending_open, 0);
      w->line_start = FALSE;
      w->only_digits = FALSE;
    }
  if (c < 0x80 && strchr (always, (int) c) != NULL && c != 0)
    g_string_append_c (w->out, '\\');
  else if (w->line_start && c < 0x80 && strchr ("#+-=", (int) c) != NULL)
    g_string_append_c (w->out, '\\');
  else if ((c == '.' || c == ')') && w->only_digits && w->digits > 0)
    g_string_append_c (w->out, '\\');  /* "1984. A year" would start a list */
  if (g_unichar_isdigit (c) && c < 0x80)
    w->digits++;
  else
    w->only_digits = FALSE;
  if (c == '\t' || c == '\r')
    c = ' ';
  if (c < 0x20 || c == 0x7f)
    {
      g_string_append_printf (w->out, "&#x%X;", (guint) c == 0 ? 0xFFFD : (guint) c);
      w->line_start = FALSE;
      return;
    }
  n = g_unichar_to_utf8 (c, buf);
  g_string_append_len (w->out, buf, n);
  w->line_start = FALSE;
}

static void
put_text (Writer     *w,
          const char *s,
          gssize      len)
{
  const char *end = s + (len < 0 ? (gssize) strlen (s) : len);

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    put_char (w, g_utf8_get_char (p));
}

/* Emphasis markers hug their text: "<i> Dune </i>" gives " *Dune* ". */
static void
open_mark (Writer     *w,
           const char *mark)
{
  g_string_append (w->pending_open, mark);
}

static void
close_mark (Writer     *w,
            const char *mark)
{
  gsize trailing = 0;

  if (w->pending_open->len >= strlen (mark)
      && g_str_has_suffix (w->pending_open->str, mark))
    {
      /* Nothing inside: no markers at all. */
      g_string_truncate (w->pending_open, w->pending_open->len - strlen (mark));
      return;
    }
  while (trailing < w->out->len && w->out->str[w->out->len - 1 - trailing] == ' ')
    trailing++;
  g_string_truncate (w->out, w->out->len - trailing);
  g_string_append (w->out, mark);
  for (gsize i = 0; i < trailing; i++)
    g_string_append_c (w->out, ' ');
}

/* The entity at @p ("&amp;", "&#233;", "&#x2014;"): its character and
 * length, or 0 when it is not one. */
static gunichar
decode_entity (const char *p,
               gsize      *consumed)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "nbsp", 0xA0 }, { "hellip", 0x2026 }, { "mdash", 0x2014 }, { "ndash", 0x2013 },
    { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
  };
  const char *semi = strchr (p, ';');
  gsize len;

  if (semi == NULL || semi - p > 10 || semi - p < 3)
    return 0;
  len = semi - p - 1;
  if (p[1] == '#')
    {
      gboolean hex = p[2] == 'x' || p[2] == 'X';
      const char *digits = p + (hex ? 3 : 2);
      char *endp = NULL;
      guint64 v;

      if (digits >= semi)
        return 0;
      v = g_ascii_strtoull (digits, &endp, hex ? 16 : 10);
      if (endp != semi || v == 0 || v > 0x10FFFF || !g_unichar_validate ((gunichar) v))
        return 0;
      *consumed = semi - p + 1;
      return (gunichar) v;
    }
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (strlen (named[i].name) == len && strncmp (p + 1, named[i].name, len) == 0)
      {
        *consumed = semi - p + 1;
        return named[i].c;
      }
  return 0;
}

/* Text with entities decoded (for an attribute value). */
static char *
decode_text (const char *s,
             gsize       len)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < len;)
    {
      gsize consumed = 0;
      gunichar c = s[i] == '&' ? decode_entity (s + i, &consumed) : 0;

      if (c != 0 && i + consumed <= len)
        {
          g_string_append_unichar (out, c);
          i += consumed;
        }
      else
        g_string_append_c (out, s[i++]);
    }
  return g_string_free (out, FALSE);
}

/* The value of attribute @name in the tag's attribute text, or NULL. */
static char *
tag_attribute (const char *attrs,
               gsize       len,
               const char *name)
{
  g_autofree char *copy = g_strndup (attrs, len);
  g_autofree char *pattern = g_strdup_printf ("(?i)\\b%s\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", name);
  g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (re, copy, 0, &match))
    return NULL;
  for (int group = 2; group <= 4; group++)
    {
      int start, end;
      if (g_match_info_fetch_pos (match, group, &start, &end) && start >= 0 && end > start)
        return decode_text (copy + start, end - start);
    }
  return g_strdup ("");
}

static gboolean
safe_href (const char *href)
{
  return g_ascii_strncasecmp (href, "https://", 8) == 0
         || g_ascii_strncasecmp (href, "http://", 7) == 0
         || g_ascii_strncasecmp (href, "mailto:", 7) == 0;
}

static void
close_link (Writer *w)
{
  g_autofree char *href = g_steal_pointer (&w->href);
  gboolean empty = w->out->len == w->link_start;

  if (!safe_href (href))
    {
      /* Not a web address (javascript:, a relative path): not a link,
       * but the address stays in the text. */
      if (*href != '\0')
        {
          put_text (w, " (", -1);
          put_text (w, href, -1);
          put_text (w, ")", -1);
        }
      return;
    }
  if (empty)
    put_text (w, href, -1);
  g_string_insert_c (w->out, w->link_start, '[');
  g_string_append (w->out, "](<");
  for (const char *p = href; *p != '\0'; p++)
    {
      /* Inside <…> only these would end or break the address. */
      if (*p == '<' || *p == '>' || *p == '\n' || *p == '\r' || *p == ' ' || *p == '\\')
        g_string_append_printf (w->out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (w->out, *p);
    }
  g_string_append (w->out, ">)");
}

/* Handles the tag at @p (which starts with '<'); returns its length, or 0
 * when it is not a tag Letterboxd writes (then it is text). */
static gsize
handle_tag (Writer     *w,
            const char *p)
{
  const char *q = p + 1, *name_start, *attrs, *gt;
  gboolean closing = FALSE;
  g_autofree char *name = NULL;

  if (*q == '/')
    {
      closing = TRUE;
      q++;
    }
  name_start = q;
  while (g_ascii_isalnum (*q))
    q++;
  if (q == name_start || (*q != '>' && *q != ' ' && *q != '/' && *q != '\t' && *q != '\n'))
    return 0;
  gt = strchr (q, '>');
  if (gt == NULL || memchr (q, '<', gt - q) != NULL)
    return 0;
  name = g_ascii_strdown (name_start, q - name_start);
  attrs = q;

  if (g_str_equal (name, "i") || g_str_equal (name, "em") || g_str_equal (name, "u"))
    closing ? close_mark (w, "*") : open_mark (w, "*");
  else if (g_str_equal (name, "b") || g_str_equal (name, "strong"))
    closing ? close_mark (w, "**") : open_mark (w, "**");
  else if (g_str_equal (name, "s") || g_str_equal (name, "strike") || g_str_equal (name, "del"))
    closing ? close_mark (w, "~~") : open_mark (w, "~~");
  else if (g_str_equal (name, "br"))
    w->pending_breaks++;
  else if (g_str_equal (name, "p"))
    w->pending_breaks = MAX (w->pending_breaks, 2);
  else if (g_str_equal (name, "blockquote"))
    {
      if (closing && w->target_depth > 0)
        w->target_depth--;
      else if (!closing)
        w->target_depth++;
      w->pending_breaks = MAX (w->pending_breaks, 2);
    }
  else if (g_str_equal (name, "a"))
    {
      if (!closing && w->href == NULL)
        {
          w->href = tag_attribute (attrs, gt - attrs, "href");
          if (w->href == NULL)
            w->href = g_strdup ("");
          flush_breaks (w);
          w->link_start = w->out->len;
        }
      else if (closing && w->href != NULL)
        close_link (w);
    }
  else
    return 0;

  return gt - p + 1;
}

char *
ct_letterboxd_review_to_markdown (const char *html)
{
  Writer w = { 0 };
  const char *p;
  g_autofree char *valid = NULL;

  g_return_val_if_fail (html != NULL, NULL);

  valid = g_utf8_make_valid (html, -1);
  w.out = g_string_new (NULL);
  w.pending_open = g_string_new (NULL);
  start_line (&w);

  for (p = valid; *p != '\0';)
    {
      gsize consumed = 0;

      if (*p == '\r')
        {
          p++;
          continue;
        }
      if (*p == '<' && (consumed = handle_tag (&w, p)) > 0)
        {
          p += consumed;
          /* "<br />\n": the line break in the source is the same break. */
          if (*p == '\r')
            p++;
          if (*p == '\n' && consumed > 0 && w.pending_breaks > 0)
            p++;
          continue;
        }
      if (*p == '&')
        {
          gunichar c = decode_entity (p, &consumed);
          if (c != 0)
            {
              put_char (&w, c);
              p += consumed;
              continue;
            }
        }
      put_char (&w, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  if (w.href != NULL)
    close_link (&w);

  /* No trailing blanks (a quote opened at the end leaves "> "). */
  while (w.out->len > 0 && w.out->str[w.out->len - 1] == ' ')
    g_string_truncate (w.out, w.out->len - 1);
  g_string_append_c (w.out, '\n');
  g_string_free (w.pending_open, TRUE);
  return g_string_free (w.out, FALSE);
}
