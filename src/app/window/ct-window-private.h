/* ct-window-private.h — the window's state, shared by ct-window.c (tabs,
 * closing, drafts) and ct-window-actions.c (what the menus and keys do). */
#pragma once

#include "ct-window.h"
#include "ct-wiki-registry.h"

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
  GtkBox               *view_mode_box;
  GtkStack             *stack;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  AdwTabView           *tab_view;
};

void  _ct_window_class_actions_init (GtkWidgetClass      *widget_class);
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

/* Renders @page as one standalone HTML file into @target, off the UI
 * thread; the error is a sentence for the user. */
void      _ct_window_export_html_async  (CtWindow            *self,
                                         CtEditorPage        *page,
                                         GFile               *target,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  _ct_window_export_html_finish (CtWindow            *self,
                                         GAsyncResult        *result,
                                         GError             **error);

/* Gives @page the wiki of its file's folder, now and whenever the file
 * changes (ct-window-wiki.c). */
void      _ct_window_track_wiki       (CtWindow            *self,
                                       CtEditorPage        *page);

void      _ct_window_add_recent       (CtWindow            *self,
                                       GFile               *file);

G_END_DECLS
