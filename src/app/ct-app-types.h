/* ct-app-types.h — the user interface's types, declared once, so a header
 * can name another room's type without including its header (as GNOME
 * Text Editor's editor-types.h does). C11 allows the typedef to be
 * repeated by each G_DECLARE_FINAL_TYPE. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* the application and its window (window/) */
typedef struct _CtApplication        CtApplication;
typedef struct _CtWindow             CtWindow;

/* one document tab (editor/) */
typedef struct _CtEditorPage         CtEditorPage;
typedef struct _CtDocument           CtDocument;
typedef struct _CtDrafts             CtDrafts;
typedef struct _CtSearchBar          CtSearchBar;
typedef struct _CtProblems           CtProblems;
typedef struct _CtCompletionProvider CtCompletionProvider;
typedef struct _CtCompletionItem     CtCompletionItem;

/* the live preview (preview/) */
typedef struct _CtPreview            CtPreview;
typedef struct _CtRenderWorker       CtRenderWorker;
typedef struct _CtEntityPopover      CtEntityPopover;

/* the wikis the window shows (wiki/) */
typedef struct _CtWikiRegistry       CtWikiRegistry;

/* the drawn timeline (timeline/) */
typedef struct _CtTimelineView       CtTimelineView;

/* preferences/ */
typedef struct _CtPreferencesWindow  CtPreferencesWindow;

/* the relationship graph (graph/) */
typedef struct _CtGraphView          CtGraphView;

G_END_DECLS
