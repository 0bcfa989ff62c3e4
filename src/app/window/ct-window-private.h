/* ct-window-private.h — the window's state, shared by its files:
 *
 * ct-window.c           tabs, drafts, the GObject
 * ct-window-close.c     closing a tab or the window with unsaved changes
 * ct-window-actions.c   what the menus and keys do to documents (export:
 *                       the window's side of export/)
 * ct-window-welcome.c   the welcome page and recent documents and wikis
 * ct-window-wiki.c      the wiki of each post (looked up, re-indexed)
 * ct-window-sidebar.c   the window's wiki: opening one, the sidebar
 * ct-window-entities.c  entity tabs, inserting from them, new and delete
 * ct-window-graph.c     the relationship graph's tab (win.open-graph)
 */
#pragma once

#include "ct-window.h"
#include "ct-entity-page.h"
#include "ct-export.h"
#include "ct-wiki-registry.h"
#include "ct-wiki-sidebar.h"

G_BEGIN_DECLS

struct _CtWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  CtDrafts             *drafts;          /* construct-only, from the application */
  CtWikiRegistry       *wiki_registry;   /* construct-only, from the application */
  GtkRecentManager     *recent;
  GtkWidget            *close_dialog;   /* the unsaved-changes dialog on quit */

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *view_mode_box;
  GtkStack             *stack;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  GtkWidget            *recent_wikis_box;
  GtkListBox           *recent_wikis_list;
  AdwTabView           *tab_view;
  AdwFlap              *flap;
  CtWikiSidebar        *sidebar;

  CtWiki               *wiki;            /* the sidebar's, or NULL */
  CtEditorPage         *last_editor;     /* weak: the post tab selected last */
};

void  _ct_window_class_actions_init (GtkWidgetClass      *widget_class);
/* ct-window-import.c: File › Import › Letterboxd Export…, and the import
 * itself (for the tests, which skip the file chooser). */
void  _ct_window_class_import_init  (GtkWidgetClass      *widget_class);
void  _ct_window_import_letterboxd  (CtWindow            *self,
                                     GFile               *export);
/* ct-window-import-image.c: Insert Image… in the main menu. */
void  _ct_window_class_import_image_init (GtkWidgetClass *widget_class);
void  _ct_window_update_actions     (CtWindow            *self);

/* Saves @page (asking for a file when it has none or @save_as), talking
 * to the user about any failure; resolves TRUE only once it is saved. */
void      _ct_window_save_page_async  (CtWindow            *self,
                                       CtEditorPage        *page,
                                       gboolean             save_as,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  _ct_window_save_page_finish (CtWindow            *self,
                                       GAsyncResult        *result);

/* Exports @page with @choices (format, theme, site URL; the raw-HTML
 * preference is the window's) to @target off the UI thread, through the
 * path of `continuity export`, then says so in a toast (Open, Show in
 * Folder) or why not in a dialog. */
void      _ct_window_export_async     (CtWindow              *self,
                                       CtEditorPage          *page,
                                       const CtExportOptions *choices,
                                       GFile               *target,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  _ct_window_export_finish    (CtWindow            *self,
                                       GAsyncResult        *result,
                                       GError             **error);

/* Gives @page the wiki of its file's folder, now and whenever the file
 * changes (ct-window-wiki.c). */
void      _ct_window_track_wiki       (CtWindow            *self,
                                       CtEditorPage        *page);

void      _ct_window_add_recent       (CtWindow            *self,
                                       GFile               *file);

/* Connects to the wiki registry's failures (ct-window-wiki.c). */
void      _ct_window_wiki_init        (CtWindow            *self);

/* A problem whose sentence carries advice, in a dialog: a toast would cut
 * it short. The same @heading again updates the open one; @heading may be
 * NULL (ct_window_add_toast() sends long messages here). */
void      _ct_window_show_notice      (CtWindow            *self,
                                       const char          *heading,
                                       const char          *body);

/* ct-window-close.c */
gboolean  _ct_window_on_close_page    (CtWindow            *self,
                                       AdwTabPage          *tab,
                                       AdwTabView          *tab_view);
/* TRUE when unsaved changes stop the window closing: a dialog asks. */
gboolean  _ct_window_ask_before_close (CtWindow            *self);

/* ct-window-welcome.c */
void      _ct_window_welcome_init     (CtWindow            *self);
/* The folder of @file as people read it: "~/Films", not "/home/ana/Films". */
char     *_ct_window_dup_folder_name  (GFile               *file);

/* ct-window-sidebar.c */
void      _ct_window_class_sidebar_init (GtkWidgetClass    *widget_class);
void      _ct_window_sidebar_init     (CtWindow            *self);
/* Shows @wiki in the sidebar and remembers it for the next start. */
void      _ct_window_set_wiki         (CtWindow            *self,
                                       CtWiki              *wiki);
void      _ct_window_open_wiki_folder (CtWindow            *self,
                                       const char          *folder);
/* A folder holding wiki.continuity, or that file itself. */
gboolean  _ct_window_is_wiki_file     (GFile               *file);
void      _ct_window_open_wiki_file   (CtWindow            *self,
                                       GFile               *file);
void      _ct_window_restore_wiki     (CtWindow            *self);
/* Exports the window's wiki as a static site into @output (progress in a
 * dialog with Cancel; a toast with Open when done). */
void      _ct_window_export_site      (CtWindow            *self,
                                       GFile               *output);
/* Opens the post at @path (relative to @wiki's folder) at 1-based @line
 * (0: where it was). */
void      _ct_window_open_post        (CtWindow            *self,
                                       CtWiki              *wiki,
                                       const char          *path,
                                       guint                line);

/* ct-window-entities.c */
CtEntityPage *_ct_window_open_entity  (CtWindow            *self,
                                       CtWiki              *wiki,
                                       gint64               id);
/* A post asked to open the entity of a reference (Ctrl+click, "Open …"). */
void      _ct_window_open_page_entity (CtWindow            *self,
                                       gint64               id,
                                       CtEditorPage        *page);
CtEntityPage *_ct_window_find_entity_page (CtWindow        *self,
                                       CtWiki              *wiki,
                                       gint64               id);
void      _ct_window_update_entity_tab (CtWindow           *self,
                                       CtEntityPage        *page);
/* Inserts reference text into the post written last; FALSE (and a
 * toast) when no post is open. */
gboolean  _ct_window_insert_into_post (CtWindow            *self,
                                       const char          *text);
/* Deletes the entity, closes its tab and offers Undo in the toast it
 * returns (NULL, and @error set, when nothing was deleted). */
AdwToast *_ct_window_delete_entity    (CtWindow            *self,
                                       CtWiki              *wiki,
                                       gint64               id,
                                       GError             **error);
void      _ct_window_new_entity       (CtWindow            *self);
/* Rewrites `[[Old]]` and `{{…: Old}}` in every post of @wiki that links
 * by @old_title, each in its tab (opened if need be; Ctrl+Z there takes
 * it back) and saved. */
void      _ct_window_rewrite_links    (CtWindow            *self,
                                       CtWiki              *wiki,
                                       const char          *old_title,
                                       const char          *new_title);
/* A post finished loading: what was waiting for it (a rewrite of links
 * after a rename) is done now. */
void      _ct_window_page_loaded      (CtWindow            *self,
                                       CtEditorPage        *page);

/* ct-window-timeline.c: win.open-timeline, the timeline's tab */
void            _ct_window_class_timeline_init (GtkWidgetClass *widget_class);
CtTimelineView *_ct_window_open_timeline       (CtWindow       *self);
void            _ct_window_timeline_set_wiki   (CtWindow       *self,
                                                CtWiki         *wiki);
/* ct-window-graph.c */
void      _ct_window_class_graph_init (GtkWidgetClass      *widget_class);
/* The tab's and, when it is selected, the window's title. */
void      _ct_window_update_graph_tab (CtWindow            *self,
                                       CtGraphView         *view);

G_END_DECLS
