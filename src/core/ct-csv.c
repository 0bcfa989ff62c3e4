#define G_LOG_DOMAIN "ct-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-csv.h"
#include "ct-error.h"

/* One pass over the bytes with a two-state machine (in quotes or not):
 * RFC 4180 has no other context, so no backtracking is needed and a
 * 100 MB file costs one copy of its fields. */

static void
fail (GError     **error,
      const char  *name,
      guint        line,
      const char  *sentence)
{
  /* Translators: "reviews.csv:12: a quoted field is never closed" */
  g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s:%u: %s"), name, line, sentence);
}

static GStrv
take_row (GPtrArray *fields)
{
  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_free (fields, FALSE);
}

CtCsv *
ct_csv_parse (const char  *data,
              gsize        length,
              const char  *name,
              GError     **error)
{
  g_autoptr(CtCsv) self = g_new0 (CtCsv, 1);
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *fields = NULL;
  const char *p = data, *end = data + length;
  guint line = 1, row_line = 1, n_columns = 0;
  gboolean blank_row = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  if (!g_utf8_validate (p, end - p, NULL))
    {
      const char *bad = NULL;

      g_utf8_validate (p, end - p, &bad);
      for (const char *q = p; q < bad; q++)
        if (*q == '\n')
          line++;
      fail (error, name, line, _("the text is not valid UTF-8."));
      return NULL;
    }

  fields = g_ptr_array_new_with_free_func (g_free);
  while (p <= end)
    {
      gboolean at_end = p == end;

      /* One field. */
      g_string_truncate (field, 0);
      if (!at_end && *p == '"')
        {
          blank_row = FALSE;
          p++;
          for (;;)
            {
              if (p == end)
                {
                  fail (error, name, row_line, _("a quoted field is never closed."));
                  g_ptr_array_free (fields, TRUE);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                line++;
              g_string_append_c (field, *p++);
            }
          if (p < end && *p != ',' && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n'))
            {
              fail (error, name, line, _("text follows the closing quote of a field; a quote inside a quoted field is written twice (\"\")."));
              g_ptr_array_free (fields, TRUE);
              return NULL;
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n'))
            {
              if (*p == '"')
                {
                  fail (error, name, line, _("a quote inside a field that does not start with one; such a field must be quoted and its quotes doubled."));
                  g_ptr_array_free (fields, TRUE);
                  return NULL;
                }
              g_string_append_c (field, *p++);
            }
          if (field->len > 0)
            blank_row = FALSE;
        }
      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (p < end && *p == ',')
        {
          blank_row = FALSE;
          p++;
          continue;
        }

      /* End of a row: a line break or the end of the data. A blank line
       * (and the final line break) holds no row. */
      if (!(blank_row && fields->len == 1))
        {
          if (self->header == NULL)
            {
              self->header = take_row (fields);
              n_columns = g_strv_length (self->header);
            }
          else if (fields->len != n_columns)
            {
              g_autofree char *sentence =
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "the row has %u field, the header has %u.",
                                              "the row has %u fields, the header has %u.",
                                              fields->len),
                                 fields->len, n_columns);
              fail (error, name, row_line, sentence);
              g_ptr_array_free (fields, TRUE);
              return NULL;
            }
          else
            {
              g_ptr_array_add (self->rows, take_row (fields));
              g_array_append_val (self->lines, row_line);
            }
          fields = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_ptr_array_set_size (fields, 0);

      if (p >= end)
        break;
      p += *p == '\r' ? 2 : 1;
      line++;
      row_line = line;
      blank_row = TRUE;
    }
  g_ptr_array_free (fields, TRUE);

  if (self->header == NULL)
    {
      fail (error, name, 1, _("the file is empty; it should start with a line of column names."));
      return NULL;
    }
  return g_steal_pointer (&self);
}

int
ct_csv_column (const CtCsv *self,
               const char  *name)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; self->header[i] != NULL; i++)
    {
      g_autofree char *h = g_strstrip (g_strdup (self->header[i]));
      if (strcmp (h, name) == 0)
        return (int) i;
    }
  return -1;
}

const char *
ct_csv_get (const CtCsv *self,
            guint        row,
            int          column)
{
  GStrv fields;

  g_return_val_if_fail (self != NULL && row < self->rows->len, "");
  if (column < 0)
    return "";
  fields = g_ptr_array_index (self->rows, row);
  return fields[column];
}

guint
ct_csv_get_line (const CtCsv *self,
                 guint        row)
{
  g_return_val_if_fail (self != NULL && row < self->lines->len, 0);
  return g_array_index (self->lines, guint, row);
}

void
ct_csv_free (CtCsv *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->header);
  if (self->rows)
    g_ptr_array_free (self->rows, TRUE);
  if (self->lines)
    g_array_free (self->lines, TRUE);
  g_free (self);
}
