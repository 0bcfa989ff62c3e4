/* The CSV reader: RFC 4180 as Letterboxd and spreadsheets write it. */
#include "config.h"

#include <string.h>

#include "ct-csv.h"
#include "ct-error.h"

static CtCsv *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  CtCsv *csv = ct_csv_parse (text, strlen (text), "t.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static void
assert_fails (const char *text,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtCsv) csv = ct_csv_parse (text, strlen (text), "t.csv", &error);

  g_assert_null (csv);
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, message))
    g_error ("expected a message starting “%s”, got “%s”", message, error->message);
}

static void
test_quoted (void)
{
  g_autoptr(CtCsv) csv = parse_ok ("Name,Review,Year\n"
                                   "\"Crouching Tiger, Hidden Dragon\",\"Two\nlines, and \"\"quotes\"\"\",2000\n"
                                   "Heat,,1995\n");

  g_assert_cmpuint (csv->rows->len, ==, 2);
  g_assert_cmpint (ct_csv_column (csv, "Review"), ==, 1);
  g_assert_cmpint (ct_csv_column (csv, "Rating"), ==, -1);
  g_assert_cmpstr (ct_csv_get (csv, 0, 0), ==, "Crouching Tiger, Hidden Dragon");
  g_assert_cmpstr (ct_csv_get (csv, 0, 1), ==, "Two\nlines, and \"quotes\"");
  g_assert_cmpstr (ct_csv_get (csv, 0, 2), ==, "2000");
  g_assert_cmpstr (ct_csv_get (csv, 1, 1), ==, "");
  g_assert_cmpstr (ct_csv_get (csv, 1, -1), ==, "");
  /* The second row starts on line 4: the first one spans two lines. */
  g_assert_cmpuint (ct_csv_get_line (csv, 0), ==, 2);
  g_assert_cmpuint (ct_csv_get_line (csv, 1), ==, 4);
}

static void
test_bom_crlf (void)
{
  g_autoptr(CtCsv) csv = parse_ok ("\xef\xbb\xbfName,Year\r\nAm\xc3\xa9lie,2001\r\n\"a\r\nb\",\r\n\r\n");

  g_assert_cmpstr (csv->header[0], ==, "Name");
  g_assert_cmpint (ct_csv_column (csv, "Name"), ==, 0);
  g_assert_cmpuint (csv->rows->len, ==, 2);
  g_assert_cmpstr (ct_csv_get (csv, 0, 0), ==, "Am\xc3\xa9lie");
  g_assert_cmpstr (ct_csv_get (csv, 0, 1), ==, "2001");
  /* A line break inside quotes is kept as written. */
  g_assert_cmpstr (ct_csv_get (csv, 1, 0), ==, "a\r\nb");
  g_assert_cmpstr (ct_csv_get (csv, 1, 1), ==, "");
}

static void
test_no_final_newline (void)
{
  g_autoptr(CtCsv) csv = parse_ok ("A,B\n1,2");
  g_autoptr(CtCsv) empty_field = parse_ok ("A,B\n1,");
  g_autoptr(CtCsv) quoted_empty = parse_ok ("A\n\"\"\n");

  g_assert_cmpuint (csv->rows->len, ==, 1);
  g_assert_cmpstr (ct_csv_get (csv, 0, 1), ==, "2");
  g_assert_cmpstr (ct_csv_get (empty_field, 0, 1), ==, "");
  /* "" is a row with one empty field, not a blank line. */
  g_assert_cmpuint (quoted_empty->rows->len, ==, 1);
}

static void
test_malformed (void)
{
  assert_fails ("A,B\n1,2\n\"never closed,3\n4,5\n", "t.csv:3: a quoted field is never closed");
  assert_fails ("A,B\n1,\"2\"x\n", "t.csv:2: text follows the closing quote");
  assert_fails ("A,B\n1,2\"3\n", "t.csv:2: a quote inside a field");
  assert_fails ("A,B\n1,2\n\"multi\nline\",2,3\n", "t.csv:3: the row has 3 fields, the header has 2");
  assert_fails ("A,B\n1,2\n3,\xff\n", "t.csv:3: the text is not valid UTF-8");
  assert_fails ("", "t.csv:1: the file is empty");
  assert_fails ("\xef\xbb\xbf\n\n", "t.csv:1: the file is empty");
}

static void
test_huge_field (void)
{
  g_autoptr(GString) text = g_string_new ("A\n\"");
  g_autoptr(CtCsv) csv = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "x,\"\"\n");
  g_string_append (text, "\"\n");
  csv = parse_ok (text->str);
  g_assert_cmpuint (csv->rows->len, ==, 1);
  g_assert_cmpuint (strlen (ct_csv_get (csv, 0, 0)), ==, 200000 * 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/bom-crlf", test_bom_crlf);
  g_test_add_func ("/csv/no-final-newline", test_no_final_newline);
  g_test_add_func ("/csv/malformed", test_malformed);
  g_test_add_func ("/csv/huge-field", test_huge_field);

  return g_test_run ();
}
