#define G_LOG_DOMAIN "ct-front-matter"

#include "config.h"

#include <string.h>

#include "ct-front-matter.h"

/* A fence is a line holding exactly `---` (trailing blanks allowed), as
 * Jekyll and Hugo read it. @line_end is the byte after the line's content. */
static gboolean
is_fence (const char *line,
          const char *line_end)
{
  if (line_end - line < 3 || memcmp (line, "---", 3) != 0)
    return FALSE;
  for (const char *p = line + 3; p < line_end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      return FALSE;
  return TRUE;
}

gboolean
ct_front_matter_split (const char *text,
                       gsize       length,
                       gsize      *body_offset,
                       guint      *body_line)
{
  const char *end = text + length;
  const char *line = text;
  guint line_no = 1;

  *body_offset = 0;
  *body_line = 1;

  if (length < 3)
    return FALSE;

  /* The opening fence must be the very first line. */
  {
    const char *nl = memchr (line, '\n', end - line);
    if (nl == NULL || !is_fence (line, nl))
      return FALSE;
    line = nl + 1;
    line_no++;
  }

  while (line < end)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl ? nl : end;

      if (is_fence (line, line_end))
        {
          *body_offset = nl ? (gsize) (nl + 1 - text) : length;
          *body_line = line_no + 1;
          return TRUE;
        }
      if (nl == NULL)
        break;
      line = nl + 1;
      line_no++;
    }

  /* No closing fence: it was a thematic break, not front matter. */
  return FALSE;
}
