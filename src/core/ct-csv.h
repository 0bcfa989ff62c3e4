/* ct-csv.h — comma-separated values as RFC 4180 writes them.
 *
 * A whole file is read at once (exports are small next to memory): quoted
 * fields may hold commas, line breaks and doubled quotes; lines end in
 * CRLF or LF; a UTF-8 byte order mark is skipped. Every row must have as
 * many fields as the header. A malformed file fails with CT_ERROR_INVALID
 * naming the file and the line, so a user can open it there.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  GStrv      header;  /* the first row: column names */
  GPtrArray *rows;    /* of GStrv, each with as many fields as the header */
  GArray    *lines;   /* of guint: the 1-based line each row starts on */
} CtCsv;

/* @name is how the file is named in messages ("reviews.csv"). */
CtCsv      *ct_csv_parse        (const char  *data,
                                 gsize        length,
                                 const char  *name,
                                 GError     **error);
/* The index of column @name (exact, after surrounding blanks), or -1. */
int         ct_csv_column       (const CtCsv *self,
                                 const char  *name);
/* Field @column of row @row; "" when @column is -1. */
const char *ct_csv_get          (const CtCsv *self,
                                 guint        row,
                                 int          column);
guint       ct_csv_get_line     (const CtCsv *self,
                                 guint        row);
void        ct_csv_free         (CtCsv       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtCsv, ct_csv_free)

G_END_DECLS
