/* ct-json-scan.h — finds the members of a JSON object and the elements of
 * a JSON array without building a tree (core-internal).
 *
 * A wiki import parsed its whole document into a json-glib tree: a few
 * hundred bytes of nodes, hash tables and lists per value, over 200 MB at
 * 100,000 entities. The import now scans the document's structure here and
 * hands json-glib one entity (or credit) at a time. The scan checks the
 * brackets, strings, commas and colons between the pieces; what is inside
 * each piece is checked by json-glib when that piece is parsed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a value lies in the document. */
typedef struct {
  gsize start;
  gsize length;
  guint line;    /* 1-based line of its first byte, for messages */
} CtJsonSpan;

/* @text must hold one JSON object and nothing else but white space. Fills
 * @names (decoded member names, in order) and @spans (their values);
 * FALSE with CT_ERROR_INVALID "The document is not valid JSON: …". */
gboolean ct_json_scan_members  (const char  *text,
                                gsize        length,
                                GPtrArray  **names,
                                GArray     **spans,
                                GError     **error);

/* The elements of the array at @array (as found by ct_json_scan_members);
 * FALSE with CT_ERROR_INVALID when @array is not an array. */
gboolean ct_json_scan_elements (const char        *text,
                                const CtJsonSpan  *array,
                                GArray           **spans,
                                GError           **error);

/* json-glib parses recursively: a document nested a hundred thousand deep
 * would overflow the stack. FALSE with CT_ERROR_INVALID past 64 levels. */
gboolean ct_json_check_nesting (const char  *json,
                                gsize        length,
                                GError     **error);

G_END_DECLS
