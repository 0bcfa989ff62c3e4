/* ct-preview-private.h — what the files of the preview share.
 *
 * ct-preview.c            the widget: properties, signals, dispose, public API
 * ct-preview-shell.c      the web view and the shell page: settings, session,
 *                         CSP, loading (again after a crash), the page menu
 * ct-preview-page.c       talking with preview.js: pushing the changed blocks,
 *                         the queue while loading, scroll, theme, base, and
 *                         the page's messages back (ready, line, card)
 * ct-preview-navigation.c decide-policy: continuity: links to the app,
 *                         http(s) to the browser, nothing else loads
 *
 * A text's way: ct_preview_set_text → the render worker → the page file
 * keeps the newest blocks and pushes them once the shell says "ready" →
 * preview.js patches the page and says "applied" → "updated".
 *
 * Split as GNOME Text Editor splits its classes: each job reads alone,
 * and the struct is shared here instead of growing getters for the
 * preview's own files. Nothing outside src/app/preview/ includes this
 * header: the rest of the app and the tests use ct-preview.h.
 */
#pragma once

#include "ct-preview.h"
#include "ct-render-worker.h"

G_BEGIN_DECLS

/* preview.js and its message handler live in a script world of their own:
 * whatever the document holds cannot call them or post to the app. */
#define SCRIPT_WORLD CT_PREVIEW_SCRIPT_WORLD
#define MESSAGE_HANDLER "ctPreview"

struct _CtPreview
{
  GtkWidget                 parent_instance;

  WebKitWebView            *web_view;
  WebKitUserContentManager *content_manager;
  CtRenderWorker           *worker;
  GCancellable             *cancellable;  /* of the scripts we run */

  CtWiki                   *wiki;
  char                     *base_uri;     /* as set, or NULL */
  char                     *loaded_base;  /* what the shell was loaded with */
  gboolean                  allow_remote_content;
  gboolean                  allow_raw_html;
  gboolean                  dark;

  guint                     load_count;
  guint                     crash_reloads;
  gboolean                  expecting_shell;  /* our load_html is on its way */
  gboolean                  ready;            /* preview.js runs in this load */

  /* Blocks of the newest render and those the page shows; the same list
   * once pushed. */
  CtBlockList              *latest;
  guint                     latest_generation;
  guint                     sent_generation;  /* of the last patch sent */
  char                     *document_title;  /* of the last render */
  CtBlockList              *shown;

  guint                     pending_line;     /* scroll once ready, or 0 */

  /* Hop times of the newest render on its way, and of the last update. */
  CtPreviewTrace            pending_trace;
  gint64                    pending_sent_real_us;  /* wall clock, for page_wait_ms */
  CtPreviewTrace            trace;
  gboolean                  has_trace;

  GPtrArray                *diagnostics;      /* of the newest render */
  GdkRectangle              link_rect;        /* the reference last pointed at */
  gboolean                  has_link_rect;
};

/* The signals, installed in ct-preview.c and emitted from the file whose
 * job they report. */
enum {
  SIGNAL_UPDATED,
  SIGNAL_LINE_ACTIVATED,
  SIGNAL_LINK_ACTIVATED,
  SIGNAL_DIAGNOSTICS_CHANGED,
  N_SIGNALS
};

extern guint _ct_preview_signals[N_SIGNALS];

/* ct-preview-shell.c */
/* Creates the web view, its content manager with preview.js and the
 * message handler, and connects the signals of the view. */
WebKitWebView *_ct_preview_create_web_view     (CtPreview  *self);
/* Loads the shell page, replacing the one shown; blocks are pushed
 * again once the new page says it is ready. */
void           _ct_preview_load_shell          (CtPreview  *self);
/* The base URI set, or the home folder when none is. */
const char    *_ct_preview_effective_base      (CtPreview  *self);

/* ct-preview-page.c */
/* Sends the page the blocks that changed since those it shows; nothing
 * until it is ready, and then the newest only. */
void           _ct_preview_push_latest          (CtPreview  *self);
void           _ct_preview_push_marks           (CtPreview  *self);
void           _ct_preview_scroll_page          (CtPreview  *self,
                                                 guint       line);
void           _ct_preview_apply_dark           (CtPreview  *self);
void           _ct_preview_apply_base           (CtPreview  *self);
/* The worker's "rendered": the newest blocks and diagnostics. */
void           _ct_preview_on_worker_rendered_cb (CtRenderWorker *worker,
                                                  guint           generation,
                                                  CtRenderResult *result,
                                                  const GError   *error,
                                                  CtPreview      *self);
/* The content manager's "script-message-received::ctPreview". */
void           _ct_preview_on_script_message_cb (WebKitUserContentManager *manager,
                                                 JSCValue                 *message,
                                                 CtPreview                *self);

/* ct-preview-navigation.c */
/* The web view's "decide-policy": links to the app or the browser, and
 * nothing but the shell and allowed remote frames loads. */
gboolean       _ct_preview_on_decide_policy_cb  (WebKitWebView            *web_view,
                                                 WebKitPolicyDecision     *decision,
                                                 WebKitPolicyDecisionType  type,
                                                 CtPreview                *self);

G_END_DECLS
