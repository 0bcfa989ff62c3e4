/* ct-export-clipboard.h — Copy as HTML: a post's HTML fragment on the
 * clipboard as text/html, with the Markdown export as its text/plain
 * alternative, so a web editor keeps the formatting and a plain text
 * field still gets readable text. */
#pragma once

#include <gtk/gtk.h>

#include "ct-app-types.h"

G_BEGIN_DECLS

void     ct_export_copy_html_async  (CtEditorPage        *page,
                                     GdkClipboard        *clipboard,
                                     const char          *site_url,
                                     gboolean             allow_raw_html,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* TRUE once the clipboard holds it; the error is a sentence. */
gboolean ct_export_copy_html_finish (CtEditorPage        *page,
                                     GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
