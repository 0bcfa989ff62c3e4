/* ct-editor-page.h — one tab: a document in a GtkSourceView beside its live
 * preview, with find/replace, drafts and a status line. */
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

CtEditorPage  *ct_editor_page_new              (CtDrafts       *drafts);

CtDocument    *ct_editor_page_get_document     (CtEditorPage   *self);
GtkSourceView *ct_editor_page_get_view         (CtEditorPage   *self);
CtSearchBar   *ct_editor_page_get_search_bar   (CtEditorPage   *self);
/* The live preview (a CtPreview). */
GtkWidget     *ct_editor_page_get_preview      (CtEditorPage   *self);
const char    *ct_editor_page_get_draft_id     (CtEditorPage   *self);

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

/* Shows @draft's text (a document never saved, found at start). */
void           ct_editor_page_restore_draft    (CtEditorPage   *self,
                                                const CtDraft  *draft);

/* The user threw the unsaved changes away: the draft goes too. */
void           ct_editor_page_discard_draft    (CtEditorPage   *self);

void           ct_editor_page_begin_search     (CtEditorPage   *self,
                                                gboolean        replace);

/* The sentence of the banner on top of the page, NULL when hidden. */
const char    *ct_editor_page_get_banner       (CtEditorPage   *self);

/* Moves the cursor to 1-based @line and scrolls the editor there. */
void           ct_editor_page_go_to_line       (CtEditorPage   *self,
                                                guint           line);

/* The wiki of the document's folder, which references resolve against
 * and completion proposes from; NULL for none. */
void           ct_editor_page_set_wiki         (CtEditorPage   *self,
                                                CtWiki         *wiki);
CtWiki        *ct_editor_page_get_wiki         (CtEditorPage   *self);

/* The underlined problems and the status-bar button that lists them. */
CtProblems    *ct_editor_page_get_problems     (CtEditorPage   *self);
CtCompletionProvider *ct_editor_page_get_completion (CtEditorPage *self);

G_END_DECLS
