/* CtJsonWriter must write the very bytes json-glib's pretty generator
 * writes (indent 2), so that streaming dumps equal the dumps written
 * before and the sample wiki's golden file. Every document here is built
 * twice, once through each, and the bytes compared. */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "ct-json-writer.h"

/* Both sides of one document: each call goes to the builder and the
 * writer alike. */
typedef struct {
  JsonBuilder  *builder;
  CtJsonWriter *writer;
} Both;

static void
member (Both       *both,
        const char *name)
{
  if (name != NULL)
    json_builder_set_member_name (both->builder, name);
}

static void
begin_object (Both *both, const char *name)
{
  member (both, name);
  json_builder_begin_object (both->builder);
  ct_json_writer_begin_object (both->writer, name);
}

static void
end_object (Both *both)
{
  json_builder_end_object (both->builder);
  ct_json_writer_end_object (both->writer);
}

static void
begin_array (Both *both, const char *name)
{
  member (both, name);
  json_builder_begin_array (both->builder);
  ct_json_writer_begin_array (both->writer, name);
}

static void
end_array (Both *both)
{
  json_builder_end_array (both->builder);
  ct_json_writer_end_array (both->writer);
}

static void
string (Both *both, const char *name, const char *value)
{
  member (both, name);
  json_builder_add_string_value (both->builder, value);
  ct_json_writer_string (both->writer, name, value);
}

static void
integer (Both *both, const char *name, gint64 value)
{
  member (both, name);
  json_builder_add_int_value (both->builder, value);
  ct_json_writer_int (both->writer, name, value);
}

static void
boolean (Both *both, const char *name, gboolean value)
{
  member (both, name);
  json_builder_add_boolean_value (both->builder, value);
  ct_json_writer_bool (both->writer, name, value);
}

static void
assert_same (Both *both, GOutputStream *out)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (both->builder);
  g_autofree char *expected = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(GError) error = NULL;
  const char *written;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  reference = json_generator_to_data (generator, NULL);
  expected = g_strconcat (reference, "\n", NULL);

  g_assert_true (ct_json_writer_finish (both->writer, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  written = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpstr (written, ==, expected);
}

static void
test_same_bytes (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(CtJsonWriter) writer = ct_json_writer_new (out);
  Both both = { builder, writer };
  char every_byte[128];

  /* every ASCII byte but NUL, in one string and one member name */
  for (int i = 1; i < 128; i++)
    every_byte[i - 1] = (char) i;
  every_byte[127] = '\0';

  begin_object (&both, NULL);
  string (&both, "format", "continuity-wiki");
  integer (&both, "version", 1);
  begin_array (&both, "empty");
  end_array (&both);
  begin_object (&both, "empty object");
  end_object (&both);
  begin_array (&both, "entities");
  for (int i = 0; i < 3; i++)
    {
      begin_object (&both, NULL);
      string (&both, "title", "Kill “Bill”: Vol. 1 — \"quoted\" \\ back\\slash </script>");
      string (&both, "notes", every_byte);
      string (&both, every_byte, "a member named with every byte");
      string (&both, "unicode", "Léon · 東京 · 🎬 · \xe2\x80\xa8");
      integer (&both, "negative", -9007199254740993LL);
      integer (&both, "max", G_MAXINT64);
      boolean (&both, "spoiler", i % 2);
      begin_array (&both, "aliases");
      for (int j = 0; j < i; j++)
        string (&both, NULL, "alias");
      end_array (&both);
      begin_array (&both, "nested");
      begin_array (&both, NULL);
      begin_object (&both, NULL);
      end_object (&both);
      end_array (&both);
      end_array (&both);
      end_object (&both);
    }
  end_array (&both);
  string (&both, "empty string", "");
  end_object (&both);

  assert_same (&both, out);
}

/* Larger than the writer's buffer, so it flushes in the middle. */
static void
test_flushes (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(CtJsonWriter) writer = ct_json_writer_new (out);
  Both both = { builder, writer };

  begin_array (&both, NULL);
  for (int i = 0; i < 20000; i++)
    {
      g_autofree char *text = g_strdup_printf ("entity number %d with some words", i);
      string (&both, NULL, text);
    }
  end_array (&both);
  assert_same (&both, out);
}

/* A stream that fails: the error comes back from finish. */
static void
test_write_error (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new (NULL, 0, NULL, NULL);
  g_autoptr(CtJsonWriter) writer = ct_json_writer_new (out);
  g_autoptr(GError) error = NULL;

  /* a fixed-size memory stream of 0 bytes cannot take anything */
  ct_json_writer_begin_array (writer, NULL);
  for (int i = 0; i < 10000; i++)
    ct_json_writer_string (writer, NULL, "more than the stream can hold");
  ct_json_writer_end_array (writer);
  g_assert_false (ct_json_writer_finish (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/same-bytes", test_same_bytes);
  g_test_add_func ("/json-writer/flushes", test_flushes);
  g_test_add_func ("/json-writer/write-error", test_write_error);

  return g_test_run ();
}
