/* ct-document-probe.h — a quick look at a file before it is loaded, off the
 * main thread: GtkTextView shapes a whole paragraph with Pango on the main
 * thread, and the editor's highlighting, word count and preview all walk
 * the text, so a very long line or a large file would stop the window for
 * seconds to minutes. Such files are refused with a sentence instead.
 *
 * Measured under GTK 4.8 (Xvfb, shared 2-core machine; longest gap between
 * frames while the file opens in the editor, tests/ui/test-recovery.c):
 *   a line of 4,000 / 8,000 / 16,000 unbroken characters: 150 / 176 / 357 ms;
 *   a line of 64 KB: frames stop for over ten seconds;
 *   1 MB / 4 MB of ordinary lines: 66 / 236 ms, alone; 2 MB with a 4 KB
 *   line: up to 440 ms beside other tests.
 * The limits keep the longest stall near a quarter of a second: a review
 * is a few dozen KB with paragraphs of a few hundred characters on one
 * line each (the sample's longest: 567); an 8 KB line is a paragraph of
 * some 1,400 words, and 5 MB holds the 3 MB posts the speed budget is
 * measured on. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest line the editor accepts, in bytes. */
#define CT_DOCUMENT_MAX_LINE (8 * 1024)
/* The largest file the editor accepts, in bytes. */
#define CT_DOCUMENT_MAX_SIZE (5 * 1024 * 1024)

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
