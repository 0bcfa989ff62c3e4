/* ct-export-launch.h — after an export: the toast that says so, and
 * opening the file or its folder the way the desktop does. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* "Exported “NAME”" (with the count of problems, when there were
 * errors), an Open button (win.open-exported) and Show in Folder
 * (win.show-exported), both with @target's URI as their parameter. */
AdwToast *ct_export_toast_new          (GFile     *target,
                                        guint      errors);

/* Opens @uri in the application that handles its type; a failure is
 * said in a dialog on @parent. */
void      ct_export_open_uri           (GtkWindow  *parent,
                                        const char *uri);
/* Shows @uri selected in the file manager (FileManager1's ShowItems over
 * D-Bus), else opens its folder. */
void      ct_export_show_uri_in_folder (GtkWindow  *parent,
                                        const char *uri);

G_END_DECLS
