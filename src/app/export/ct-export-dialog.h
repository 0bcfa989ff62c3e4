/* ct-export-dialog.h — how to export a post (format, site URL) and where;
 * the choices are remembered per post. The window does the export. */
#pragma once

#include <adwaita.h>

#include "ct-app-types.h"
#include "ct-export.h"

G_BEGIN_DECLS

#define CT_TYPE_EXPORT_DIALOG (ct_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CtExportDialog, ct_export_dialog, CT, EXPORT_DIALOG, AdwWindow)

/* Signal "export" (GFile *target): the user chose a file; read the
 * format and site URL now, the dialog closes right after. */

CtExportDialog *ct_export_dialog_new          (GtkWindow      *parent,
                                               CtEditorPage   *page);
CtEditorPage   *ct_export_dialog_get_page     (CtExportDialog *self);
CtExportFormat  ct_export_dialog_get_format   (CtExportDialog *self);
void            ct_export_dialog_set_format   (CtExportDialog *self,
                                               CtExportFormat  format);
/* The site URL typed, or NULL when empty. */
CtRenderTheme   ct_export_dialog_get_theme    (CtExportDialog *self);
void            ct_export_dialog_set_theme    (CtExportDialog *self,
                                               CtRenderTheme   theme);
const char     *ct_export_dialog_get_site_url (CtExportDialog *self);
void            ct_export_dialog_set_site_url (CtExportDialog *self,
                                               const char     *url);
/* What accepting the file chooser does: checks the site URL (showing
 * why it is refused), remembers the choices for the post, emits
 * "export" and closes. FALSE when the URL was refused. */
gboolean        ct_export_dialog_choose       (CtExportDialog *self,
                                               GFile          *target);

/* The site URL last chosen for @page's post, or NULL: Copy as HTML
 * links references the way the post's exports do. */
char           *ct_export_dialog_dup_remembered_site_url (CtEditorPage *page);

G_END_DECLS
