/* ct-preview.h — the live HTML preview of one document (DESIGN §6).
 *
 * A WebKitWebView loaded once with a shell page from resources; each
 * render pushes only the blocks that changed, through
 * webkit_web_view_evaluate_javascript, so typing never reloads the page
 * and never jumps the scroll position. Content scripts never run.
 */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "ct-wiki.h"

G_BEGIN_DECLS

/* The script world preview.js runs in (for webkit_web_view_evaluate_javascript
 * by tests); the document's own world never sees it. */
#define CT_PREVIEW_SCRIPT_WORLD "continuity-preview"

#define CT_TYPE_PREVIEW (ct_preview_get_type ())
G_DECLARE_FINAL_TYPE (CtPreview, ct_preview, CT, PREVIEW, GtkWidget)

CtPreview     *ct_preview_new             (void);

/* Schedules a render of @text: requests are coalesced, large texts render
 * off the main thread, stale results are dropped. "updated" is emitted
 * once the page shows the newest text. */
void           ct_preview_set_text        (CtPreview  *self,
                                           const char *text,
                                           gssize      length);

/* The same, taking @text (@length bytes followed by a NUL) instead of
 * copying it: a long post is not copied once more per keystroke. */
void           ct_preview_set_text_take   (CtPreview  *self,
                                           char       *text,
                                           gsize       length);

/* The wiki references resolve against; NULL for none. */
void           ct_preview_set_wiki        (CtPreview  *self,
                                           CtWiki     *wiki);

/* Folder URI relative images and links resolve against (file:///…/). */
void           ct_preview_set_base_uri    (CtPreview  *self,
                                           const char *base_uri);

/* Scrolls so the block holding 1-based source @line is at the top. */
void           ct_preview_scroll_to_line  (CtPreview  *self,
                                           guint       line);

WebKitWebView *ct_preview_get_web_view    (CtPreview  *self);

/* How many times the shell page was loaded: 1 in normal life; only a
 * change of allow-remote-content or allow-raw-html reloads it (and the
 * recovery from a crashed web process). */
guint          ct_preview_get_load_count  (CtPreview  *self);

void           ct_preview_set_allow_remote_content (CtPreview *self,
                                                    gboolean   allow);
gboolean       ct_preview_get_allow_remote_content (CtPreview *self);
void           ct_preview_set_allow_raw_html       (CtPreview *self,
                                                    gboolean   allow);
gboolean       ct_preview_get_allow_raw_html       (CtPreview *self);
void           ct_preview_set_dark                 (CtPreview *self,
                                                    gboolean   dark);
gboolean       ct_preview_get_dark                 (CtPreview *self);

/* Returns: (transfer none) (nullable): the diagnostics (CtDiagnostic) of
 * the newest render, or NULL before the first. Their byte offsets are into
 * the text last given to ct_preview_set_text. */
GPtrArray     *ct_preview_get_diagnostics (CtPreview  *self);

CtWiki        *ct_preview_get_wiki        (CtPreview  *self);
/* "document-title": the front matter title of the text last rendered,
 * else its first heading, else NULL. */
const char    *ct_preview_get_document_title (CtPreview *self);

/* Where the reference last pointed at in the page is, in the web view's
 * coordinates; FALSE before any. */
gboolean       ct_preview_get_link_rect   (CtPreview    *self,
                                           GdkRectangle *rect);

/* Where the time of the last update went, hop by hop (monotonic µs), for
 * the keystroke benchmark; recorded on every update, never printed. */
typedef struct {
  guint    generation;     /* of the text the page shows */
  gint64   requested_us;   /* the text reached the preview */
  gint64   dispatched_us;  /* the render worker took it up */
  gint64   render_start_us;
  gint64   render_end_us;  /* in its thread, when threaded */
  gint64   delivered_us;   /* the result was on the main thread */
  gint64   sent_us;        /* the patch went to the page */
  gint64   applied_us;     /* the page's "applied" came back */
  gboolean threaded;       /* rendered in a thread */
  gboolean full;           /* the whole text was rendered */
  gsize    render_bytes;   /* bytes given to the Markdown renderer */
  guint    blocks_sent;    /* blocks whose HTML went to the page */
  double   page_ms;        /* the page's own time patching, measured there */
  /* From the patch sent to the page's script starting on it, by the wall
   * clocks of both processes (the page's is coarsened to about 1 ms): a
   * long wait here is the web process busy before the patch, a long
   * round trip without it is the answer's way back. */
  double   page_wait_ms;
  /* Blocks the page had still to fill (a long post fills in slices after
   * it opens), and whether this update's blocks were among them: applied,
   * but on the screen once the filling reaches them. */
  guint    page_unfilled;
  gboolean deferred;
} CtPreviewTrace;

/* The generation of the render whose patch last went to the page (0
 * before any): with the trace, how the tests see the order of events. */
guint          ct_preview_get_sent_generation (CtPreview *self);

/* FALSE before the first update. */
gboolean       ct_preview_get_trace       (CtPreview      *self,
                                           CtPreviewTrace *trace);

/* Properties: "allow-remote-content" (gboolean), "allow-raw-html"
 * (gboolean), "dark" (gboolean).
 * Signals:
 *   "updated"         ()                   the page shows the newest render
 *   "line-activated"  (guint line)         the user clicked a block
 *   "link-activated"  (const char *uri)    a continuity: link was clicked
 *                                          (http(s) opens the browser itself)
 *   "diagnostics-changed" (GPtrArray *)    the newest render's diagnostics,
 *                                          as ct_preview_get_diagnostics
 */

G_END_DECLS
