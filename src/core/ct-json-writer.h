/* ct-json-writer.h — writes JSON as it goes, to a GOutputStream
 * (core-internal).
 *
 * A JsonBuilder tree and JsonGenerator string hold the whole document in
 * memory several times over; `continuity dump` of a 100,000-entity wiki
 * peaked at 738 MB that way. This writer keeps one buffer of a few
 * kilobytes, and writes the very bytes json-glib's generator writes with
 * pretty printing and an indent of 2, so dumps stay byte-identical to the
 * ones written before (tests/core/test-wiki-interchange.c compares them).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CtJsonWriter CtJsonWriter;

CtJsonWriter *ct_json_writer_new          (GOutputStream *out);
void          ct_json_writer_free         (CtJsonWriter  *writer);

/* @member is the member name inside an object, NULL inside an array or
 * for the root. Once a write failed, the rest are ignored and
 * ct_json_writer_finish() reports the failure. */
void          ct_json_writer_begin_object (CtJsonWriter  *writer,
                                           const char    *member);
void          ct_json_writer_end_object   (CtJsonWriter  *writer);
void          ct_json_writer_begin_array  (CtJsonWriter  *writer,
                                           const char    *member);
void          ct_json_writer_end_array    (CtJsonWriter  *writer);
void          ct_json_writer_string       (CtJsonWriter  *writer,
                                           const char    *member,
                                           const char    *value);
void          ct_json_writer_int          (CtJsonWriter  *writer,
                                           const char    *member,
                                           gint64         value);
void          ct_json_writer_bool         (CtJsonWriter  *writer,
                                           const char    *member,
                                           gboolean       value);

/* Ends the document with a newline and flushes the buffer; FALSE with
 * the first write error. */
gboolean      ct_json_writer_finish       (CtJsonWriter  *writer,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtJsonWriter, ct_json_writer_free)

G_END_DECLS
