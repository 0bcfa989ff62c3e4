/* ct-error.h — the one error domain of Continuity's core.
 *
 * Every fallible core function takes a GError ** and fills it with a
 * sentence a user can act on; the code says what kind of failure it was so
 * callers can react (refuse to write a too-new database, offer a retry …).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CT_ERROR (ct_error_quark ())

typedef enum {
  CT_ERROR_FAILED,          /* anything not listed below */
  CT_ERROR_INVALID,         /* bad input: a value, a file, a JSON document */
  CT_ERROR_NOT_FOUND,       /* a named thing does not exist */
  CT_ERROR_EXISTS,          /* a unique name is already taken */
  CT_ERROR_CONSTRAINT,      /* the database refused a change */
  CT_ERROR_FULL,            /* the disk or the database is full */
  CT_ERROR_CORRUPT,         /* the database file is damaged */
  CT_ERROR_NOT_A_DATABASE,  /* the file is not a Continuity/SQLite database */
  CT_ERROR_TOO_NEW,         /* written by a newer Continuity: read-only */
  CT_ERROR_READ_ONLY,       /* the wiki is open read-only */
  CT_ERROR_BUSY,            /* another program holds the database too long */
  CT_ERROR_IO,              /* reading or writing a file failed */
  CT_ERROR_ENCODING,        /* text is not valid UTF-8 */
} CtError;

GQuark ct_error_quark (void);

G_END_DECLS
