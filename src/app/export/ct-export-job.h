/* ct-export-job.h — a post's tab exported off the UI thread, through
 * core's ct_export_post(), the very path of `continuity export`. */
#pragma once

#include <gio/gio.h>

#include "ct-app-types.h"
#include "ct-export.h"

G_BEGIN_DECLS

/* Renders @page's text as it would be saved, in @choices' format, theme,
 * site URL and HTML safety, against the wiki of its folder (a read-only
 * connection of the thread's own: @choices' wiki fields must be NULL),
 * and writes it to @target atomically when @target is not NULL. The
 * result carries the bytes and the diagnostics; errors are sentences
 * for the user. */
void            ct_export_job_run_async  (CtEditorPage          *page,
                                          const CtExportOptions *choices,
                                          GFile               *target,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
CtExportResult *ct_export_job_run_finish (CtEditorPage        *page,
                                          GAsyncResult        *result,
                                          GError             **error);

/* The current document rendered for output, as Copy as HTML and Print
 * do: @page's text as @format in @theme, with the site URL last chosen for
 * the post in Export… (so its links match what was published) and the
 * user's raw HTML preference. Finish with ct_export_job_run_finish (). */
void            ct_export_job_render_for_output_async (CtEditorPage        *page,
                                                       CtExportFormat       format,
                                                       CtRenderTheme        theme,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);

G_END_DECLS
