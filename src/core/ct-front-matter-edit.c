#define G_LOG_DOMAIN "ct-front-matter"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include <glib/gi18n-lib.h>

#include "ct-error.h"
#include "ct-front-matter.h"

/* Rewriting one key of the front matter without a YAML emitter: libyaml
 * would drop the comments and the user's quoting and order. Instead the
 * block is read as lines, libyaml's events say which lines each top-level
 * key spans, and only the changed key's lines are replaced. Whatever the
 * result, it is parsed again and compared with what was asked before it is
 * returned, so a case this misjudges is refused rather than written. */

typedef enum {
  VALUE_SCALAR,
  VALUE_FLOW_SEQUENCE,
  VALUE_BLOCK_SEQUENCE,
  VALUE_OTHER,
} ValueStyle;

typedef struct {
  char       *key;
  guint       first_line;   /* 0-based lines of the YAML block */
  guint       last_line;
  guint       indent;       /* the key's column */
  guint       end_column;   /* where the value ends on its last line, in characters; G_MAXUINT for the whole line */
  ValueStyle  style;
  gboolean    anchored;
} Entry;

static const char * const field_keys[] = { "title", "date", "tags", "draft", "spoilers" };

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->key);
}

static void
refuse (GError    **error,
        guint       line,
        const char *sentence)
{
  /* Translators: the front matter is the block between "---" lines at the top of a post */
  g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("Front matter, line %u: %s"), line, sentence);
}

/* libyaml also breaks lines at a lone CR, NEL, LS and PS; these lines are
 * split at LF only, so such a block would be misread. */
static gboolean
has_other_line_breaks (const char *p,
                       const char *end)
{
  for (; p < end; p++)
    {
      if (*p == '\r' && (p + 1 == end || p[1] != '\n'))
        return TRUE;
      if (end - p >= 2 && memcmp (p, "\xc2\x85", 2) == 0)
        return TRUE;
      if (end - p >= 3 && (memcmp (p, "\xe2\x80\xa8", 3) == 0 || memcmp (p, "\xe2\x80\xa9", 3) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
finish_entry (GArray        *entries,
              Entry         *cur,
              yaml_mark_t    end)
{
  cur->last_line = MAX ((guint) end.line, cur->first_line);
  cur->end_column = (guint) end.column;
  /* A block value ends where the next key starts: at column 0 of the
   * line after it. */
  if (end.column == 0 && end.line > cur->first_line)
    {
      cur->last_line = (guint) end.line - 1;
      cur->end_column = G_MAXUINT;
    }
  g_array_append_val (entries, *cur);
  memset (cur, 0, sizeof *cur);
}

/* Fills @entries with the top-level keys of the mapping in @yaml. */
static gboolean
scan_entries (const char  *yaml,
              gsize        length,
              GArray      *entries,
              GError     **error)
{
  yaml_parser_t parser;
  yaml_event_t event;
  Entry cur = { 0 };
  yaml_mark_t key_end = { 0 }, last_end = { 0 };
  int level = 0;
  gboolean expect_key = TRUE, value_flow = FALSE, done = FALSE, ok = TRUE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) yaml, length);

  while (ok && !done)
    {
      if (!yaml_parser_parse (&parser, &event))
        {
          refuse (error, 2 + (guint) parser.problem_mark.line,
                  parser.problem ? parser.problem : _("invalid YAML"));
          ok = FALSE;
          break;
        }

      switch (event.type)
        {
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;

        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
          if (level == 0)
            {
              if (event.type != YAML_MAPPING_START_EVENT
                  || event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
                {
                  refuse (error, 2 + (guint) event.start_mark.line,
                          _("it is not written as “key: value” lines; change it by hand."));
                  ok = FALSE;
                }
            }
          else if (level == 1 && expect_key)
            {
              refuse (error, 2 + (guint) event.start_mark.line,
                      _("a key that is not plain text; change it by hand."));
              ok = FALSE;
            }
          else if (level == 1)
            {
              gboolean is_seq = event.type == YAML_SEQUENCE_START_EVENT;

              value_flow = is_seq ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                                  : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
              cur.style = !is_seq ? VALUE_OTHER
                          : value_flow ? VALUE_FLOW_SEQUENCE : VALUE_BLOCK_SEQUENCE;
              cur.anchored = (is_seq ? event.data.sequence_start.anchor
                                     : event.data.mapping_start.anchor) != NULL;
              last_end = key_end;
            }
          level++;
          break;

        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          level--;
          if (level == 1)
            {
              if (value_flow)
                last_end = event.end_mark;
              finish_entry (entries, &cur, last_end);
              expect_key = TRUE;
            }
          break;

        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
          if (level == 1 && expect_key)
            {
              if (event.type == YAML_ALIAS_EVENT)
                {
                  refuse (error, 2 + (guint) event.start_mark.line,
                          _("a key that is not plain text; change it by hand."));
                  ok = FALSE;
                  break;
                }
              cur.key = g_strndup ((const char *) event.data.scalar.value, event.data.scalar.length);
              cur.first_line = (guint) event.start_mark.line;
              cur.indent = (guint) event.start_mark.column;
              key_end = event.end_mark;
              expect_key = FALSE;
            }
          else if (level == 1)
            {
              gboolean empty = event.type == YAML_SCALAR_EVENT
                               && event.data.scalar.length == 0
                               && event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;

              cur.style = VALUE_SCALAR;
              cur.anchored = event.type == YAML_SCALAR_EVENT && event.data.scalar.anchor != NULL;
              /* An empty value ("tags:") is marked where the next token
               * starts, which may be lines further on. */
              finish_entry (entries, &cur, empty ? key_end : event.end_mark);
              expect_key = TRUE;
            }
          else
            last_end = event.end_mark;
          break;

        default:
          break;
        }
      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);
  g_free (cur.key);
  return ok;
}

/* Can @s be written plain and read back as the same text? Cautious: when
 * in doubt, quote. @in_flow: it sits inside [ ]. */
static gboolean
needs_quotes (const char *s,
              gboolean    in_flow)
{
  static const char * const reserved[] = {
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", NULL
  };
  gsize len = strlen (s);
  g_autofree char *lower = g_ascii_strdown (s, -1);

  if (len == 0 || g_ascii_isspace (s[0]) || g_ascii_isspace (s[len - 1]))
    return TRUE;
  /* Indicators, and what could read as a number or a date. */
  if (strchr ("-?:,[]{}#&*!|>'\"%@`.+=", s[0]) != NULL || g_ascii_isdigit (s[0]))
    return TRUE;
  if (g_strv_contains (reserved, lower))
    return TRUE;
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x20 || c == 0x7f || c == ':' || c == '#' || c == '\\')
        return TRUE;
      if (in_flow && strchr (",[]{}\"'", c) != NULL)
        return TRUE;
    }
  /* NEL, LS, PS and a byte order mark mean something to YAML. */
  return strstr (s, "\xc2\x85") || strstr (s, "\xe2\x80\xa8")
         || strstr (s, "\xe2\x80\xa9") || strstr (s, "\xef\xbb\xbf");
}

static void
append_scalar (GString    *out,
               const char *s,
               gboolean    in_flow)
{
  if (!needs_quotes (s, in_flow))
    {
      g_string_append (out, s);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if (strncmp (p, "\xc2\x85", 2) == 0)
        { g_string_append (out, "\\N"); p += 1; }
      else if (strncmp (p, "\xe2\x80\xa8", 3) == 0)
        { g_string_append (out, "\\L"); p += 2; }
      else if (strncmp (p, "\xe2\x80\xa9", 3) == 0)
        { g_string_append (out, "\\P"); p += 2; }
      else if (strncmp (p, "\xef\xbb\xbf", 3) == 0)
        { g_string_append (out, "\\uFEFF"); p += 2; }
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* How many blanks a block list's items are indented by in the file. */
static guint
item_indent (const char * const *lines,
             const Entry        *entry,
             guint               fallback)
{
  for (guint i = entry->first_line + 1; i <= entry->last_line; i++)
    {
      const char *p = lines[i];

      while (*p == ' ')
        p++;
      if (*p == '-')
        return (guint) (p - lines[i]);
    }
  return fallback;
}

/* The key's new lines, ending with @nl. */
static void
write_entry (GString                   *out,
             const CtFrontMatterChange *change,
             const Entry               *old,
             const char * const        *lines,
             guint                      indent,
             const char                *comment,
             const char                *nl)
{
  const char *key = field_keys[change->field];
  ValueStyle style = old ? old->style : VALUE_FLOW_SEQUENCE;

  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s:", key);

  switch (change->field)
    {
    case CT_FRONT_MATTER_TITLE:
      g_string_append_c (out, ' ');
      append_scalar (out, change->text, FALSE);
      break;

    case CT_FRONT_MATTER_DATE:
      /* Checked to be YYYY-MM-DD: plain, as Jekyll and Hugo write it. */
      g_string_append_printf (out, " %s", change->text);
      break;

    case CT_FRONT_MATTER_DRAFT:
    case CT_FRONT_MATTER_SPOILERS:
      g_string_append (out, change->flag ? " true" : " false");
      break;

    case CT_FRONT_MATTER_TAGS:
      if (style == VALUE_SCALAR && change->tags[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) change->tags);
          g_string_append_c (out, ' ');
          append_scalar (out, joined, FALSE);
        }
      else if (style == VALUE_BLOCK_SEQUENCE && change->tags[0] != NULL)
        {
          guint items = item_indent (lines, old, indent + 2);

          for (guint i = 0; change->tags[i] != NULL; i++)
            {
              g_string_append (out, nl);
              for (guint j = 0; j < items; j++)
                g_string_append_c (out, ' ');
              g_string_append (out, "- ");
              append_scalar (out, change->tags[i], FALSE);
            }
        }
      else
        {
          g_string_append (out, " [");
          for (guint i = 0; change->tags[i] != NULL; i++)
            {
              if (i > 0)
                g_string_append (out, ", ");
              append_scalar (out, change->tags[i], TRUE);
            }
          g_string_append_c (out, ']');
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (comment != NULL)
    g_string_append (out, comment);
  g_string_append (out, nl);
}

/* Do @a and @b agree on @field? */
static gboolean
same_field (const CtFrontMatter *a,
            const CtFrontMatter *b,
            CtFrontMatterField   field)
{
  switch (field)
    {
    case CT_FRONT_MATTER_TITLE:
      return g_strcmp0 (a->title, b->title) == 0;
    case CT_FRONT_MATTER_DATE:
      return g_strcmp0 (a->date, b->date) == 0;
    case CT_FRONT_MATTER_TAGS:
      return g_strv_equal ((const char * const *) a->tags, (const char * const *) b->tags);
    case CT_FRONT_MATTER_DRAFT:
      return a->draft == b->draft;
    case CT_FRONT_MATTER_SPOILERS:
      return a->spoilers == b->spoilers;
    default:
      return FALSE;
    }
}

/* Does @fm hold what @change asked for, and @before's other fields? */
static gboolean
change_applied (const CtFrontMatter       *before,
                const CtFrontMatter       *fm,
                const CtFrontMatterChange *change)
{
  for (guint f = 0; f < G_N_ELEMENTS (field_keys); f++)
    if (f != change->field && !same_field (before, fm, f))
      return FALSE;

  switch (change->field)
    {
    case CT_FRONT_MATTER_TITLE:
      return change->remove ? fm->title == NULL : g_strcmp0 (fm->title, change->text) == 0;
    case CT_FRONT_MATTER_DATE:
      return change->remove ? fm->date == NULL : g_strcmp0 (fm->date, change->text) == 0;
    case CT_FRONT_MATTER_TAGS:
      return change->remove ? fm->tags[0] == NULL
                            : g_strv_equal ((const char * const *) fm->tags, change->tags);
    case CT_FRONT_MATTER_DRAFT:
      return fm->draft == (change->remove ? FALSE : !!change->flag);
    case CT_FRONT_MATTER_SPOILERS:
      return fm->spoilers == (change->remove ? -1 : change->flag ? 1 : 0);
    default:
      return FALSE;
    }
}

static gboolean
check_change (const CtFrontMatterChange  *change,
              GError                    **error)
{
  g_return_val_if_fail ((guint) change->field < G_N_ELEMENTS (field_keys), FALSE);

  if (change->remove)
    return TRUE;
  if (change->field == CT_FRONT_MATTER_TITLE || change->field == CT_FRONT_MATTER_DATE)
    {
      g_return_val_if_fail (change->text != NULL, FALSE);
      if (!g_utf8_validate (change->text, -1, NULL))
        {
          g_set_error (error, CT_ERROR, CT_ERROR_ENCODING, _("The new value is not valid UTF-8."));
          return FALSE;
        }
    }
  if (change->field == CT_FRONT_MATTER_TAGS)
    g_return_val_if_fail (change->tags != NULL, FALSE);
  if (change->field == CT_FRONT_MATTER_DATE)
    {
      const char *t = change->text;
      gboolean shaped = strlen (t) == 10 && t[4] == '-' && t[7] == '-';

      for (guint i = 0; shaped && i < 10; i++)
        if (i != 4 && i != 7 && !g_ascii_isdigit (t[i]))
          shaped = FALSE;
      if (!shaped
          || !g_date_valid_dmy ((GDateDay) atoi (t + 8), (GDateMonth) atoi (t + 5),
                                (GDateYear) atoi (t)))
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                       _("“%s” is not a date written as YYYY-MM-DD."), change->text);
          return FALSE;
        }
    }
  return TRUE;
}

char *
ct_front_matter_set (const char                 *text,
                     gsize                       length,
                     const CtFrontMatterChange  *change,
                     GError                    **error)
{
  g_autoptr(CtFrontMatter) before = NULL;
  g_autoptr(CtFrontMatter) after = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GString) out = g_string_sized_new (length + 64);
  g_auto(GStrv) lines = NULL;
  g_autofree char *yaml = NULL;
  const char *nl = "\n";
  const char *yaml_start, *yaml_end, *key;
  const Entry *found = NULL;
  gsize body_offset, new_body_offset;
  guint body_line, new_body_line, n_lines;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (change != NULL, NULL);

  if (!check_change (change, error))
    return NULL;
  key = field_keys[change->field];
  g_array_set_clear_func (entries, entry_clear);

  {
    const char *first_nl = memchr (text, '\n', length);
    if (first_nl != NULL && first_nl > text && first_nl[-1] == '\r')
      nl = "\r\n";
  }

  /* Values Continuity cannot read are not rewritten around either. */
  before = ct_front_matter_parse (text, length, error);
  if (before == NULL)
    return NULL;

  if (!ct_front_matter_split (text, length, &body_offset, &body_line))
    {
      if (change->remove)
        return g_strndup (text, length);
      g_string_append_printf (out, "---%s", nl);
      write_entry (out, change, NULL, NULL, 0, NULL, nl);
      g_string_append_printf (out, "---%s", nl);
      g_string_append_len (out, text, length);
      body_offset = 0;
    }
  else
    {
      guint indent = 0;

      yaml_start = (const char *) memchr (text, '\n', length) + 1;
      yaml_end = text + body_offset;
      if (yaml_end > yaml_start && yaml_end[-1] == '\n')
        yaml_end--;
      while (yaml_end > yaml_start && yaml_end[-1] != '\n')
        yaml_end--;

      if (has_other_line_breaks (yaml_start, yaml_end))
        {
          refuse (error, 2, _("it has line breaks other than the usual ones; change it by hand."));
          return NULL;
        }
      if (!scan_entries (yaml_start, yaml_end - yaml_start, entries, error))
        return NULL;

      for (guint i = 0; i < entries->len; i++)
        {
          const Entry *e = &g_array_index (entries, Entry, i);

          if (i == 0)
            indent = e->indent;
          if (g_strcmp0 (e->key, key) != 0)
            continue;
          if (found != NULL)
            {
              g_autofree char *sentence = g_strdup_printf (_("“%s” is written twice; remove one by hand."), key);
              refuse (error, 2 + e->first_line, sentence);
              return NULL;
            }
          if (e->anchored)
            {
              g_autofree char *sentence = g_strdup_printf (_("“%s” has an anchor (&) other values may use; change it by hand."), key);
              refuse (error, 2 + e->first_line, sentence);
              return NULL;
            }
          found = e;
        }

      /* Each line keeps its LF; the last element is what follows the
       * final LF, empty since the block ends where the closing fence
       * line starts. */
      yaml = g_strndup (yaml_start, yaml_end - yaml_start);
      lines = g_strsplit (yaml, "\n", -1);
      n_lines = g_strv_length (lines);

      g_string_append_len (out, text, yaml_start - text);
      for (guint i = 0; i + 1 < n_lines || (i < n_lines && *lines[i] != '\0'); i++)
        {
          if (found == NULL || i < found->first_line || i > found->last_line)
            {
              g_string_append (out, lines[i]);
              if (i + 1 < n_lines)
                g_string_append_c (out, '\n');
              continue;
            }
          if (i == found->first_line && !change->remove)
            {
              g_autofree char *comment = NULL;
              const char *last = lines[found->last_line];

              /* A comment after the value on its last line stays. */
              if (found->end_column != G_MAXUINT
                  && (glong) found->end_column <= g_utf8_strlen (last, -1))
                {
                  const char *rest = g_utf8_offset_to_pointer (last, found->end_column);
                  const char *q = rest;

                  while (*q == ' ' || *q == '\t')
                    q++;
                  if (*q == '#')
                    comment = g_strdup (rest);
                  if (comment != NULL && g_str_has_suffix (comment, "\r"))
                    comment[strlen (comment) - 1] = '\0';
                }
              write_entry (out, change, found, (const char * const *) lines,
                           found->indent, comment, nl);
            }
        }
      if (found == NULL && !change->remove)
        write_entry (out, change, NULL, NULL, indent, NULL, nl);
      g_string_append_len (out, yaml_end, text + length - yaml_end);
    }

  /* The promise: the body is untouched, the change reads back and the
   * other fields read as before. */
  after = ct_front_matter_parse (out->str, out->len, NULL);
  ct_front_matter_split (out->str, out->len, &new_body_offset, &new_body_line);
  if (after == NULL || !change_applied (before, after, change)
      || out->len - new_body_offset != length - body_offset
      || memcmp (out->str + new_body_offset, text + body_offset, length - body_offset) != 0)
    {
      g_autofree char *sentence = g_strdup_printf (_("Continuity could not change “%s” here without changing something else; change it by hand."), key);
      g_set_error_literal (error, CT_ERROR, CT_ERROR_INVALID, sentence);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

GStrv
ct_front_matter_tags_from_text (const char *text)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (tags, g_strdup (parts[i]));
    }
  g_ptr_array_add (tags, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

char *
ct_front_matter_scalar (const char *value,
                        gboolean    in_list)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (value != NULL, NULL);
  append_scalar (out, value, in_list);
  return g_string_free (out, FALSE);
}
