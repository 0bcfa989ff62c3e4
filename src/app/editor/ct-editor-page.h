/* ct-editor-page.h — one tab: a document in a GtkSourceView beside its live
 * preview, with find/replace, drafts and a status line. What the window
 * alone drives and the tests look into is in ct-editor-page-private.h. */
#pragma once

#include <adwaita.h>

#include "ct-app-types.h"
#include "ct-document.h"
#include "ct-drafts.h"
#include "ct-search-bar.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

#define CT_TYPE_EDITOR_PAGE (ct_editor_page_get_type ())
G_DECLARE_FINAL_TYPE (CtEditorPage, ct_editor_page, CT, EDITOR_PAGE, GtkWidget)

/* Signal "open-entity" (gint64 entity_id): Ctrl+click on a reference, or
 * "Open …" in the editor's context menu; the window opens the entity. */

CtEditorPage  *ct_editor_page_new              (CtDrafts       *drafts);

CtDocument    *ct_editor_page_get_document     (CtEditorPage   *self);
GtkSourceView *ct_editor_page_get_view         (CtEditorPage   *self);

/* "title": the file name; "modified": unsaved changes. */
char          *ct_editor_page_dup_title        (CtEditorPage   *self);
gboolean       ct_editor_page_get_modified     (CtEditorPage   *self);

/* "view-mode": "editor", "split" or "preview". */
const char    *ct_editor_page_get_view_mode    (CtEditorPage   *self);
void           ct_editor_page_set_view_mode    (CtEditorPage   *self,
                                                const char     *view_mode);

/* Loads @file, then offers a draft of it if one was left behind. */
void           ct_editor_page_load_async       (CtEditorPage   *self,
                                                GFile          *file,
                                                GCancellable   *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
gboolean       ct_editor_page_load_finish      (CtEditorPage   *self,
                                                GAsyncResult   *result,
                                                GError        **error);

/* Saves (to @file, or the current file when NULL) and deletes the draft. */
void           ct_editor_page_save_async       (CtEditorPage   *self,
                                                GFile          *file,
                                                gboolean        overwrite_changes,
                                                GCancellable   *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
gboolean       ct_editor_page_save_finish      (CtEditorPage   *self,
                                                GAsyncResult   *result,
                                                GError        **error);

void           ct_editor_page_begin_search     (CtEditorPage   *self,
                                                gboolean        replace);

/* Moves the cursor to 1-based @line and scrolls the editor there. */
void           ct_editor_page_go_to_line       (CtEditorPage   *self,
                                                guint           line);

/* The wiki of the document's folder, which references resolve against
 * and completion proposes from; NULL for none. */
void           ct_editor_page_set_wiki         (CtEditorPage   *self,
                                                CtWiki         *wiki);
CtWiki        *ct_editor_page_get_wiki         (CtEditorPage   *self);

G_END_DECLS
