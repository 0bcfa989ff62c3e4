/* ct-site-export.h — the whole wiki as a static site, from the app: the
 * same core as `continuity site`, in a thread, with a progress dialog
 * (pages done of total) and Cancel. */
#pragma once

#include <adwaita.h>

#include "ct-site.h"

G_BEGIN_DECLS

/* Exports the wiki in @wiki_folder into @output, showing progress in a
 * dialog on @parent. Resolves with the stats, or an error (a sentence;
 * G_IO_ERROR_CANCELLED when the user cancelled). */
void      ct_site_export_run_async  (GtkWindow           *parent,
                                     const char          *wiki_folder,
                                     GFile               *output,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean  ct_site_export_run_finish (GAsyncResult        *result,
                                     CtSiteStats         *stats,
                                     GError             **error);

G_END_DECLS
