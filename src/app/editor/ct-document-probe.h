/* ct-document-probe.h — a quick look at a file before it is loaded, off the
 * main thread: GtkTextView shapes a whole paragraph with Pango on the main
 * thread, so a very long line (or a huge file) would freeze the window for
 * seconds to minutes. Measured under GTK 4.8 (docs/decisions.md): a 64 KB
 * line costs ~80 ms of frame time, a 1 MB line 1.5 s unwrapped and 15 s
 * wrapped. Such files are refused with a sentence instead. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest line the editor accepts, in bytes. */
#define CT_DOCUMENT_MAX_LINE (64 * 1024)
/* The largest file the editor accepts, in bytes. */
#define CT_DOCUMENT_MAX_SIZE (8 * 1024 * 1024)

/* Fails with G_IO_ERROR_NOT_SUPPORTED and a sentence for the user when
 * @file is larger than CT_DOCUMENT_MAX_SIZE or holds a line longer than
 * CT_DOCUMENT_MAX_LINE. Reads at most CT_DOCUMENT_MAX_SIZE bytes, in a
 * thread. A file that cannot be read passes: the loader says why. */
void     ct_document_probe_async  (GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean ct_document_probe_finish (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
