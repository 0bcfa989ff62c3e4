/* ct-window.h — the main window: documents in tabs, header bar, toasts. */
#pragma once

#include <adwaita.h>

#include "ct-application.h"
#include "ct-editor-page.h"

G_BEGIN_DECLS

#define CT_TYPE_WINDOW (ct_window_get_type ())
G_DECLARE_FINAL_TYPE (CtWindow, ct_window, CT, WINDOW, AdwApplicationWindow)

/* The window is handed what it works with: @drafts keeps its pages'
 * unsaved text, @wiki_registry finds the wiki of each page's folder. */
CtWindow     *ct_window_new             (CtApplication  *application,
                                         CtDrafts       *drafts,
                                         CtWikiRegistry *wiki_registry);

/* Opens @file in a tab, or shows the tab that already has it. */
void          ct_window_open_file       (CtWindow      *self,
                                         GFile         *file);
/* Opens @file: a wiki (its folder or its wiki.continuity) in the
 * sidebar, anything else as a document in a tab. */
void          ct_window_open            (CtWindow      *self,
                                         GFile         *file);
/* Opens the wiki that was open last time, if it is still there. */
void          ct_window_restore_wiki    (CtWindow      *self);
/* The wiki the sidebar shows, or NULL. */
CtWiki       *ct_window_get_wiki        (CtWindow      *self);
CtEditorPage *ct_window_new_document    (CtWindow      *self);

/* Opens tabs for the drafts left behind by a previous run. */
void          ct_window_restore_drafts  (CtWindow      *self);

CtEditorPage *ct_window_get_active_page (CtWindow      *self);
AdwTabView   *ct_window_get_tab_view    (CtWindow      *self);
CtEditorPage *ct_window_find_page       (CtWindow      *self,
                                         GFile         *file);

/* A short message in a toast; one too long for a toast (it would be cut
 * with "…") in a dialog. */
void          ct_window_add_toast       (CtWindow      *self,
                                         const char    *message);

G_END_DECLS
