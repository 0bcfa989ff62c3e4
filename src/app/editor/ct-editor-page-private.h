/* ct-editor-page-private.h — what the files of the page share.
 *
 * ct-editor-page.c         the page: template, buffer signals, status line,
 *                          load and save, view mode, public API
 * ct-editor-page-banner.c  the banner: its table of kinds → buttons, and
 *                          the file changed or deleted on disk
 * ct-editor-page-drafts.c  autosave to a draft, restoring and discarding one
 * ct-editor-page-preview.c the preview in step: text, scrolling, clicks
 * ct-editor-page-actions.c the page.* actions the banners and keys use
 * ct-editor-page-references.c references lead to entities: hover card,
 *                          Ctrl+click and "Open …" emit "open-entity"
 *
 * Split as GNOME Text Editor splits its editor-page: each concern reads
 * alone, and the struct is shared here instead of growing getters for the
 * page's own files. The window and the UI tests
 * include this header too, for the underscored calls below: the drafts
 * plumbing only the window drives, and parts the tests look into. They
 * are not part of the page's public face in ct-editor-page.h.
 */
#pragma once

#include "ct-editor-page.h"
#include "ct-front-matter-popover.h"
#include "ct-hover-provider.h"
#include "ct-spell-highlighter.h"

G_BEGIN_DECLS

/* Which banner shows: each kind has its buttons in the table in
 * ct-editor-page.c, so a variant with other buttons is a kind of its own. */
typedef enum {
  BANNER_NONE,
  BANNER_CHANGED_ON_DISK,   /* modified here and there: keep mine or reload */
  BANNER_DELETED_ON_DISK,   /* the file is gone: save to write it back */
  BANNER_RELOAD_FAILED,     /* reloading the changed file failed */
  BANNER_DRAFT_RESTORED,    /* a file's newer draft replaced its text */
  BANNER_UNTITLED_RESTORED, /* a never-saved document came back from its draft */
  BANNER_DRAFT_OLDER,       /* a draft older than the file, offered */
  BANNER_CONVERTED,         /* read from another encoding than UTF-8 */
  N_BANNERS
} BannerKind;

struct _CtEditorPage
{
  GtkWidget          parent_instance;

  CtDocument        *document;
  CtDrafts          *drafts;
  GSettings         *settings;
  char              *draft_id;
  char              *view_mode;
  CtDraft           *offered_draft;   /* an older draft the user may restore */
  GCancellable      *cancellable;

  BannerKind         banner;
  guint              draft_source;
  guint              stats_source;
  guint              stats_count;   /* the newest word count (a thread's) */
  guint              text_source;
  guint              scroll_source;
  guint              ignore_scroll_source;
  guint              menu_source;
  guint              menu_scan;     /* the newest caret scan (a thread's) */
  guint              keep_mine : 1;
  guint              draft_writing : 1; /* a draft write is with the worker */
  guint              draft_again : 1;   /* …and the text changed since */

  GtkRevealer       *banner_revealer;
  GtkLabel          *banner_label;
  GtkButton         *banner_primary;
  GtkButton         *banner_secondary;
  GtkRevealer       *search_revealer;
  CtSearchBar       *search_bar;
  GtkScrolledWindow *editor_scroller;
  GtkSourceView     *view;
  GtkBox            *preview_box;
  CtPreview         *preview;
  GtkLabel          *words_label;
  GtkLabel          *position_label;
  GtkMenuButton     *details_button;
  CtFrontMatterPopover *details_popover;

  CtWiki               *wiki;
  CtProblems           *problems;
  CtCompletionProvider *completion;
  CtEntityPopover      *entity_popover;
  CtHoverProvider      *hover;
  GMenu                *open_menu;       /* the extra menu's "Open …" */
  gint64                menu_entity;     /* what it opens, 0 for none */
  CtSpellHighlighter   *spelling;        /* underlines and the menu's suggestions */
};

/* ct-editor-page-banner.c */
/* Shows @message with the buttons of @kind; BANNER_NONE hides it. */
void         _ct_editor_page_set_banner        (CtEditorPage  *self,
                                                BannerKind     kind,
                                                const char    *message);
/* A real save happened: hides the banners it answers. */
void         _ct_editor_page_hide_banner_on_save (CtEditorPage *self);
/* Reads the file again, throwing the text in the buffer away. */
void         _ct_editor_page_reload            (CtEditorPage  *self);
/* The document's "changed-on-disk": a banner, or a reload when nothing
 * of the user's would be lost. */
void         _ct_editor_page_changed_on_disk   (CtEditorPage  *self,
                                                CtDocument    *document);

/* ct-editor-page-preview.c */
void         _ct_editor_page_class_preview_init (GtkWidgetClass *widget_class);
/* Sends the text to the preview from an idle, once however many changes. */
void         _ct_editor_page_queue_text        (CtEditorPage  *self);
/* The page's copy of its text, edit by edit: the preview's and the
 * spelling's, one for both. */
CtTextMirror *_ct_editor_page_get_text_mirror  (CtEditorPage  *self);
void         _ct_editor_page_schedule_sync_scroll (CtEditorPage *self);

/* ct-editor-page-actions.c */
void         _ct_editor_page_class_actions_init (GtkWidgetClass *widget_class);

/* ct-editor-page-references.c */
void         _ct_editor_page_class_references_init (GtkWidgetClass *widget_class);
/* Once the template and the document are there. */
void         _ct_editor_page_references_init   (CtEditorPage  *self);
void         _ct_editor_page_references_set_wiki (CtEditorPage *self,
                                                CtWiki        *wiki);

/* ct-editor-page-drafts.c */
void         _ct_editor_page_update_draft_id   (CtEditorPage  *self);
void         _ct_editor_page_schedule_draft    (CtEditorPage  *self);
/* Writes the draft now if one is waiting for its timeout (on dispose). */
void         _ct_editor_page_flush_draft       (CtEditorPage  *self);
/* After a load: looks for a draft of the file and offers or applies it. */
void         _ct_editor_page_look_for_draft    (CtEditorPage  *self);
void         _ct_editor_page_apply_draft_text  (CtEditorPage  *self,
                                                const char    *text);

/* For the window: shows @draft's text (found at start: a document never
 * saved, or one whose file is no longer there). */
void         _ct_editor_page_restore_draft     (CtEditorPage  *self,
                                                const CtDraft *draft);
/* For the window: the user threw the unsaved changes away, so the draft
 * goes too. */
void         _ct_editor_page_discard_draft     (CtEditorPage  *self);

/* For the tests, which look into the page. */
const char  *_ct_editor_page_get_draft_id      (CtEditorPage  *self);
/* The sentence of the banner on top of the page, NULL when hidden. */
const char  *_ct_editor_page_get_banner        (CtEditorPage  *self);
CtSearchBar *_ct_editor_page_get_search_bar    (CtEditorPage  *self);
CtPreview   *_ct_editor_page_get_preview       (CtEditorPage  *self);
/* The underlined problems and the status-bar button that lists them. */
CtProblems  *_ct_editor_page_get_problems      (CtEditorPage  *self);
CtCompletionProvider *_ct_editor_page_get_completion (CtEditorPage *self);
/* The status-bar button "Post Details" and its popover. */
GtkMenuButton *_ct_editor_page_get_details_button (CtEditorPage *self);
/* The entity the context menu's "Open …" would open (0 for none), and
 * that menu section. */
gint64       _ct_editor_page_get_menu_entity   (CtEditorPage  *self);
GMenuModel  *_ct_editor_page_get_open_menu     (CtEditorPage  *self);

G_END_DECLS
