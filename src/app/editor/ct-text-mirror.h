/* ct-text-mirror.h — a copy of a GtkTextBuffer's text kept in step with
 * its edits, so the preview gets the text of a long post without
 * gtk_text_buffer_get_text walking the whole buffer on every keystroke
 * (tens of milliseconds on the main thread for 3 MB; see bench/README.md).
 *
 * Each insert or delete is applied to the copy through the buffer's
 * signals, at a byte offset found from a line index. Text that GTK
 * counts lines in differently (a CR, U+2029) or a copy that no longer
 * matches the buffer's line count falls back to a full copy.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _CtTextMirror CtTextMirror;

CtTextMirror *ct_text_mirror_new   (GtkTextBuffer *buffer);
void          ct_text_mirror_free  (CtTextMirror  *self);

/* Returns: (transfer full): the buffer's text, NUL-terminated, its
 * length in @length. */
char         *ct_text_mirror_dup   (CtTextMirror  *self,
                                    gsize         *length);
/* The byte offset of @iter in that text: from the line index when the
 * copy is in step (no walk over the text), else counted from the start. */
gsize         ct_text_mirror_byte_offset (CtTextMirror      *self,
                                          const GtkTextIter *iter);

G_END_DECLS
