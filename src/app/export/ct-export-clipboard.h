/* ct-export-clipboard.h — Copy as HTML: a post's HTML fragment on the
 * clipboard as text/html, with the Markdown export as its text/plain
 * alternative, so a web editor keeps the formatting and a plain text
 * field still gets readable text. Both are rendered for output as Print
 * renders (ct_export_job_render_for_output_async): the site URL last
 * chosen in Export…, the user's raw HTML preference. */
#pragma once

#include <gtk/gtk.h>

#include "ct-app-types.h"

G_BEGIN_DECLS

void     ct_export_copy_html_async  (CtEditorPage        *page,
                                     GdkClipboard        *clipboard,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* TRUE once the clipboard holds it; the error is a sentence. */
gboolean ct_export_copy_html_finish (CtEditorPage        *page,
                                     GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
