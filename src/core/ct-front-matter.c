#define G_LOG_DOMAIN "ct-front-matter"

#include "config.h"

#include <string.h>
#include <yaml.h>
#include <glib/gi18n-lib.h>

#include "ct-error.h"
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

/* Does the first line that holds something start like "key:"? Then YAML
 * that fails to parse was still meant as front matter (and gets a
 * warning), rather than being Markdown that happens to sit between two
 * rules. */
static gboolean
looks_like_mapping (const char *start,
                    const char *end)
{
  const char *p = start;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      const char *q = p;

      while (q < line_end && (*q == ' ' || *q == '\t'))
        q++;
      if (q < line_end && *q != '#' && *q != '\r')
        {
          const char *colon = memchr (q, ':', line_end - q);
          return colon != NULL && colon > q
                 && (colon + 1 == line_end || colon[1] == ' ' || colon[1] == '\t' || colon[1] == '\r');
        }
      p = line_end + 1;
    }
  return TRUE;   /* blank or comments only: empty front matter */
}

/* Front matter is YAML that is a mapping (title: …) or nothing at all. A
 * block between two `---` lines that is anything else (a word, a list) is
 * Markdown: a thematic break and what follows, which cmark renders and
 * nothing may drop. */
static gboolean
is_front_matter (const char *start,
                 const char *end)
{
  yaml_parser_t parser;
  yaml_document_t doc;
  gboolean mapping;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) start, end - start);
  if (!yaml_parser_load (&parser, &doc))
    {
      yaml_parser_delete (&parser);
      return looks_like_mapping (start, end);
    }
  {
    yaml_node_t *root = yaml_document_get_root_node (&doc);
    mapping = root == NULL || root->type == YAML_MAPPING_NODE
              || (root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0);
  }
  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);
  return mapping;
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
          const char *yaml = (const char *) memchr (text, '\n', length) + 1;

          if (!is_front_matter (yaml, line))
            return FALSE;
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

/* Parsing with libyaml */

static void
set_yaml_error (GError    **error,
                guint       first_line,
                const char *problem,
                gsize       yaml_line)
{
  g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("Front matter, line %u: %s"),
               first_line + (guint) yaml_line, problem ? problem : _("invalid YAML"));
}

static const char *
scalar_of (yaml_document_t *doc,
           yaml_node_t     *node)
{
  if (node == NULL || node->type != YAML_SCALAR_NODE)
    return NULL;
  return (const char *) node->data.scalar.value;
}

/* YAML 1.1 booleans, as Jekyll and Hugo accept them. */
static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  static const char * const yes[] = { "true", "yes", "on", "True", "TRUE", "Yes", "YES", "On", "ON", NULL };
  static const char * const no[] = { "false", "no", "off", "False", "FALSE", "No", "NO", "Off", "OFF", NULL };

  if (text == NULL)
    return FALSE;
  if (g_strv_contains (yes, text))
    *value = TRUE;
  else if (g_strv_contains (no, text))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
read_tags (yaml_document_t  *doc,
           yaml_node_t      *node,
           GPtrArray        *tags)
{
  const char *scalar = scalar_of (doc, node);

  if (scalar != NULL)
    {
      /* tags: a, b, c — read as the Post Details' tags row reads them */
      g_auto(GStrv) parts = ct_front_matter_tags_from_text (scalar);
      for (guint i = 0; parts[i] != NULL; i++)
        g_ptr_array_add (tags, g_steal_pointer (&parts[i]));
      return TRUE;
    }
  if (node->type != YAML_SEQUENCE_NODE)
    return FALSE;
  for (yaml_node_item_t *item = node->data.sequence.items.start;
       item < node->data.sequence.items.top; item++)
    {
      const char *tag = scalar_of (doc, yaml_document_get_node (doc, *item));
      if (tag == NULL)
        return FALSE;
      g_ptr_array_add (tags, g_strdup (tag));
    }
  return TRUE;
}

static gboolean
read_mapping (yaml_document_t  *doc,
              CtFrontMatter    *fm,
              guint             first_line,
              GError          **error)
{
  yaml_node_t *root = yaml_document_get_root_node (doc);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  if (root == NULL)
    return TRUE;   /* empty front matter */
  if (root->type != YAML_MAPPING_NODE)
    {
      set_yaml_error (error, first_line, _("expected “key: value” lines"), root->start_mark.line);
      return FALSE;
    }

  for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
       pair < root->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *key_node = yaml_document_get_node (doc, pair->key);
      yaml_node_t *value = yaml_document_get_node (doc, pair->value);
      const char *key = scalar_of (doc, key_node);
      const char *text = scalar_of (doc, value);
      gboolean flag;
      g_autofree char *problem = NULL;

      if (key == NULL)
        continue;

      if (g_str_equal (key, "title") || g_str_equal (key, "date") || g_str_equal (key, "description")
          || g_str_equal (key, "lang"))
        {
          if (text == NULL)
            problem = g_strdup_printf (_("%s must be text"), key);
          else if (!g_utf8_validate (text, -1, NULL))
            problem = g_strdup_printf (_("%s is not valid UTF-8"), key);
          else if (g_str_equal (key, "title"))
            { g_free (fm->title); fm->title = g_strdup (text); }
          else if (g_str_equal (key, "description"))
            { g_free (fm->description); fm->description = g_strdup (text); }
          else if (g_str_equal (key, "lang"))
            { g_free (fm->lang); fm->lang = g_strdup (text); }
          else
            { g_free (fm->date); fm->date = g_strdup (text); }
        }
      else if (g_str_equal (key, "draft"))
        {
          if (!parse_bool (text, &flag))
            problem = g_strdup (_("draft must be true or false"));
          else
            fm->draft = flag;
        }
      else if (g_str_equal (key, "spoilers"))
        {
          if (!parse_bool (text, &flag))
            problem = g_strdup (_("spoilers must be true or false"));
          else
            fm->spoilers = flag ? 1 : 0;
        }
      else if (g_str_equal (key, "tags"))
        {
          g_ptr_array_set_size (tags, 0);
          if (!read_tags (doc, value, tags))
            problem = g_strdup (_("tags must be a list of words"));
        }

      if (problem != NULL)
        {
          set_yaml_error (error, first_line, problem, value->start_mark.line);
          return FALSE;
        }
    }

  g_ptr_array_add (tags, NULL);
  g_strfreev (fm->tags);
  fm->tags = (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
  return TRUE;
}

CtFrontMatter *
ct_front_matter_parse (const char  *text,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(CtFrontMatter) fm = g_new0 (CtFrontMatter, 1);
  gsize body_offset;
  guint body_line;
  const char *start, *end;
  yaml_parser_t parser;
  yaml_document_t doc;
  gboolean ok;

  fm->spoilers = -1;
  fm->tags = g_new0 (char *, 1);

  if (!ct_front_matter_split (text, length, &body_offset, &body_line))
    return g_steal_pointer (&fm);

  /* The YAML is between the opening fence line and the closing one. */
  start = (const char *) memchr (text, '\n', length) + 1;
  end = text + body_offset;
  if (end > start && end[-1] == '\n')
    end--;
  while (end > start && end[-1] != '\n')
    end--;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) start, end - start);
  if (!yaml_parser_load (&parser, &doc))
    {
      set_yaml_error (error, 2, parser.problem, parser.problem_mark.line);
      yaml_parser_delete (&parser);
      return NULL;
    }
  ok = read_mapping (&doc, fm, 2, error);
  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);

  return ok ? g_steal_pointer (&fm) : NULL;
}

void
ct_front_matter_free (CtFrontMatter *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->description);
  g_free (self->date);
  g_free (self->lang);
  g_strfreev (self->tags);
  g_free (self);
}
