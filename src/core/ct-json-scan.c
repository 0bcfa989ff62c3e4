#define G_LOG_DOMAIN "ct-json-scan"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "ct-error.h"
#include "ct-json-scan.h"

typedef struct {
  const char *text;
  gsize       length;
  gsize       pos;
  guint       line;
} Scan;

static gboolean
fail (Scan        *scan,
      const char  *what,
      GError     **error)
{
  g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("The document is not valid JSON: line %u: %s"),
               scan->line, what);
  return FALSE;
}

static void
skip_space (Scan *scan)
{
  while (scan->pos < scan->length)
    {
      char c = scan->text[scan->pos];

      if (c == '\n')
        scan->line++;
      else if (c != ' ' && c != '\t' && c != '\r')
        break;
      scan->pos++;
    }
}

static gboolean
at (Scan *scan,
    char  c)
{
  return scan->pos < scan->length && scan->text[scan->pos] == c;
}

/* From the opening quote to past the closing one. */
static gboolean
skip_string (Scan    *scan,
             GError **error)
{
  for (scan->pos++; scan->pos < scan->length; scan->pos++)
    {
      char c = scan->text[scan->pos];

      if (c == '\\')
        scan->pos++;
      else if (c == '"')
        {
          scan->pos++;
          return TRUE;
        }
      else if (c == '\n')
        return fail (scan, _("a string does not end on its line"), error);
    }
  return fail (scan, _("a string does not end"), error);
}

/* One value of any kind: a string, a balanced [ … ] or { … } (strings
 * inside skipped whole), or a bare word (number, true, false, null). */
static gboolean
skip_value (Scan    *scan,
            GError **error)
{
  g_autoptr(GString) closers = NULL;
  char c;

  if (scan->pos >= scan->length)
    return fail (scan, _("the document ends where a value should be"), error);

  c = scan->text[scan->pos];
  if (c == '"')
    return skip_string (scan, error);

  if (c != '[' && c != '{')
    {
      gsize start = scan->pos;

      while (scan->pos < scan->length && strchr (",]}: \t\r\n", scan->text[scan->pos]) == NULL)
        scan->pos++;
      return scan->pos > start ? TRUE : fail (scan, _("a value is missing"), error);
    }

  closers = g_string_new (NULL);
  while (scan->pos < scan->length)
    {
      c = scan->text[scan->pos];
      if (c == '"')
        {
          if (!skip_string (scan, error))
            return FALSE;
          continue;
        }
      if (c == '\n')
        scan->line++;
      else if (c == '[' || c == '{')
        g_string_append_c (closers, c == '[' ? ']' : '}');
      else if (c == ']' || c == '}')
        {
          if (closers->len == 0 || closers->str[closers->len - 1] != c)
            return fail (scan, _("a bracket closes what it did not open"), error);
          g_string_truncate (closers, closers->len - 1);
          if (closers->len == 0)
            {
              scan->pos++;
              return TRUE;
            }
        }
      scan->pos++;
    }
  return fail (scan, _("the document ends inside a list or an object"), error);
}

static gboolean
take_value (Scan     *scan,
            GArray   *spans,
            GError  **error)
{
  CtJsonSpan span = { .start = scan->pos, .line = scan->line };

  if (!skip_value (scan, error))
    return FALSE;
  span.length = scan->pos - span.start;
  g_array_append_val (spans, span);
  return TRUE;
}

/* A member name: almost always plain, decoded by json-glib when it holds
 * an escape. */
static char *
decode_name (const char *token,
             gsize       length)
{
  g_autoptr(JsonParser) parser = NULL;

  if (memchr (token, '\\', length) == NULL)
    return g_strndup (token + 1, length - 2);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, token, length, NULL)
      || json_node_get_value_type (json_parser_get_root (parser)) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (json_parser_get_root (parser)));
}

gboolean
ct_json_scan_members (const char  *text,
                      gsize        length,
                      GPtrArray  **names_out,
                      GArray     **spans_out,
                      GError     **error)
{
  Scan scan = { text, length, 0, 1 };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CtJsonSpan));

  skip_space (&scan);
  if (!at (&scan, '{'))
    return fail (&scan, _("the document is not an object { … }"), error);
  scan.pos++;
  skip_space (&scan);
  if (!at (&scan, '}'))
    while (TRUE)
      {
        gsize start = scan.pos;
        char *name;

        if (!at (&scan, '"'))
          return fail (&scan, _("a member name in quotes should be here"), error);
        if (!skip_string (&scan, error))
          return FALSE;
        name = decode_name (text + start, scan.pos - start);
        if (name == NULL)
          return fail (&scan, _("a member name is not a valid string"), error);
        g_ptr_array_add (names, name);
        skip_space (&scan);
        if (!at (&scan, ':'))
          return fail (&scan, _("a colon should follow a member name"), error);
        scan.pos++;
        skip_space (&scan);
        if (!take_value (&scan, spans, error))
          return FALSE;
        skip_space (&scan);
        if (at (&scan, '}'))
          break;
        if (!at (&scan, ','))
          return fail (&scan, _("a comma or } should follow a member"), error);
        scan.pos++;
        skip_space (&scan);
      }
  scan.pos++;
  skip_space (&scan);
  if (scan.pos < length)
    return fail (&scan, _("there is more after the end of the document"), error);

  *names_out = g_steal_pointer (&names);
  *spans_out = g_steal_pointer (&spans);
  return TRUE;
}

gboolean
ct_json_scan_elements (const char        *text,
                       const CtJsonSpan  *array,
                       GArray           **spans_out,
                       GError           **error)
{
  Scan scan = { text, array->start + array->length, array->start, array->line };
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CtJsonSpan));

  if (!at (&scan, '['))
    return fail (&scan, _("a list [ … ] should be here"), error);
  scan.pos++;
  skip_space (&scan);
  if (!at (&scan, ']'))
    while (TRUE)
      {
        if (!take_value (&scan, spans, error))
          return FALSE;
        skip_space (&scan);
        if (at (&scan, ']'))
          break;
        if (!at (&scan, ','))
          return fail (&scan, _("a comma or ] should follow an element"), error);
        scan.pos++;
        skip_space (&scan);
      }

  *spans_out = g_steal_pointer (&spans);
  return TRUE;
}

/* json-glib parses recursively: a document nested a hundred thousand
 * deep would overflow the stack. A wiki dump is 4 levels deep; anything
 * past MAX_DEPTH is refused before parsing. */
#define MAX_DEPTH 64

gboolean
ct_json_check_nesting (const char  *json,
                       gsize        length,
                       GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0, line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = json[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                           _("The document is not a Continuity wiki: on line %u it nests lists and objects more than %d deep."),
                           line, MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}
