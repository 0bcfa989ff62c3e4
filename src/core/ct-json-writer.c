#define G_LOG_DOMAIN "ct-json-writer"

#include "config.h"

#include "ct-json-writer.h"

/* Flushed to the stream whenever it grows past this. */
#define FLUSH_AT (64 * 1024)
#define INDENT 2

struct _CtJsonWriter {
  GOutputStream *out;
  GString       *buffer;
  GArray        *children;   /* per open container: how many it has so far */
  GError        *error;
};

CtJsonWriter *
ct_json_writer_new (GOutputStream *out)
{
  CtJsonWriter *writer = g_new0 (CtJsonWriter, 1);

  writer->out = g_object_ref (out);
  writer->buffer = g_string_sized_new (FLUSH_AT + 4096);
  writer->children = g_array_new (FALSE, TRUE, sizeof (guint));
  return writer;
}

void
ct_json_writer_free (CtJsonWriter *writer)
{
  if (writer == NULL)
    return;
  g_object_unref (writer->out);
  g_string_free (writer->buffer, TRUE);
  g_array_unref (writer->children);
  g_clear_error (&writer->error);
  g_free (writer);
}

static void
flush (CtJsonWriter *writer)
{
  if (writer->error == NULL && writer->buffer->len > 0)
    g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                               NULL, NULL, &writer->error);
  g_string_truncate (writer->buffer, 0);
}

static void
maybe_flush (CtJsonWriter *writer)
{
  if (writer->buffer->len >= FLUSH_AT)
    flush (writer);
}

static void
indent (CtJsonWriter *writer,
        guint         level)
{
  for (guint i = 0; i < level * INDENT; i++)
    g_string_append_c (writer->buffer, ' ');
}

/* As json-glib's json_strescape(): quote and backslash escaped, the
 * controls below 0x1f and DEL as short escapes or \u00XX, everything
 * else (UTF-8 included) as it is. 0x1f itself passes unescaped there,
 * and so it does here: the point is the same bytes. */
static gboolean
needs_escape (char c)
{
  return c == '\\' || c == '"' || (c > 0 && c < 0x1f) || c == 0x7f;
}

static void
append_escaped (GString    *buffer,
                const char *text)
{
  g_string_append_c (buffer, '"');
  for (const char *p = text; *p != '\0';)
    {
      const char *run = p;
      char c;

      /* plain text goes in whole runs: most of a dump is plain text */
      while (*p != '\0' && !needs_escape (*p))
        p++;
      g_string_append_len (buffer, run, p - run);
      if (*p == '\0')
        break;

      c = *p++;
      switch (c)
        {
        case '\\': g_string_append (buffer, "\\\\"); break;
        case '"':  g_string_append (buffer, "\\\""); break;
        case '\b': g_string_append (buffer, "\\b"); break;
        case '\f': g_string_append (buffer, "\\f"); break;
        case '\n': g_string_append (buffer, "\\n"); break;
        case '\r': g_string_append (buffer, "\\r"); break;
        case '\t': g_string_append (buffer, "\\t"); break;
        default:   g_string_append_printf (buffer, "\\u00%.2x", (guint) c); break;
        }
    }
  g_string_append_c (buffer, '"');
}

/* Everything before a value: the comma after the previous sibling, the
 * line break and indent, and the member name. */
static void
start_value (CtJsonWriter *writer,
             const char   *member)
{
  guint level = writer->children->len;

  if (level > 0)
    {
      guint *count = &g_array_index (writer->children, guint, level - 1);

      g_string_append (writer->buffer, *count > 0 ? ",\n" : "\n");
      (*count)++;
    }
  indent (writer, level);
  if (member != NULL)
    {
      append_escaped (writer->buffer, member);
      g_string_append (writer->buffer, " : ");
    }
}

static void
open_container (CtJsonWriter *writer,
                const char   *member,
                char          bracket)
{
  guint none = 0;

  start_value (writer, member);
  g_string_append_c (writer->buffer, bracket);
  g_array_append_val (writer->children, none);
}

static void
close_container (CtJsonWriter *writer,
                 char          bracket)
{
  guint count;

  g_return_if_fail (writer->children->len > 0);

  count = g_array_index (writer->children, guint, writer->children->len - 1);
  g_array_set_size (writer->children, writer->children->len - 1);
  /* json-glib writes an empty array as [] but an empty object with its
   * indent inside, as {  } one level down */
  if (count > 0)
    g_string_append_c (writer->buffer, '\n');
  if (count > 0 || bracket == '}')
    indent (writer, writer->children->len);
  g_string_append_c (writer->buffer, bracket);
  maybe_flush (writer);
}

void
ct_json_writer_begin_object (CtJsonWriter *writer,
                             const char   *member)
{
  open_container (writer, member, '{');
}

void
ct_json_writer_end_object (CtJsonWriter *writer)
{
  close_container (writer, '}');
}

void
ct_json_writer_begin_array (CtJsonWriter *writer,
                            const char   *member)
{
  open_container (writer, member, '[');
}

void
ct_json_writer_end_array (CtJsonWriter *writer)
{
  close_container (writer, ']');
}

void
ct_json_writer_string (CtJsonWriter *writer,
                       const char   *member,
                       const char   *value)
{
  start_value (writer, member);
  append_escaped (writer->buffer, value);
  maybe_flush (writer);
}

void
ct_json_writer_int (CtJsonWriter *writer,
                    const char   *member,
                    gint64        value)
{
  start_value (writer, member);
  g_string_append_printf (writer->buffer, "%" G_GINT64_FORMAT, value);
}

void
ct_json_writer_bool (CtJsonWriter *writer,
                     const char   *member,
                     gboolean      value)
{
  start_value (writer, member);
  g_string_append (writer->buffer, value ? "true" : "false");
}

gboolean
ct_json_writer_finish (CtJsonWriter  *writer,
                       GError       **error)
{
  g_return_val_if_fail (writer->children->len == 0, FALSE);

  g_string_append_c (writer->buffer, '\n');
  flush (writer);
  if (writer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      return FALSE;
    }
  return TRUE;
}
