/* ct-export-print.h — Print / Save as PDF: the post's standalone export
 * (what Export… writes) laid out by WebKit and printed, so paper and PDF
 * look like the exported page. */
#pragma once

#include <gtk/gtk.h>

#include "ct-app-types.h"

G_BEGIN_DECLS

/* Renders @page's standalone export off the UI thread, loads it in a web
 * view of its own that is never shown (no scripts, no network beyond
 * what the page names), and prints it: with @settings (a printer, or
 * "Print to File" with an output URI) straight away, without it through
 * the print dialog on @parent, where Print to File saves a PDF. The
 * export is rendered for output as Copy as HTML renders it
 * (ct_export_job_render_for_output_async). Resolves
 * FALSE without an error when the user cancels the dialog. */
void     ct_export_print_async  (CtEditorPage        *page,
                                 GtkWindow           *parent,
                                 GtkPrintSettings    *settings,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gboolean ct_export_print_finish (CtEditorPage        *page,
                                 GAsyncResult        *result,
                                 GError             **error);

G_END_DECLS
