/* ct-test-ui.h — helpers shared by the UI tests: wait on the main loop for
 * a condition, with a deadline so that a hang fails instead of blocking. */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "ct-application.h"
#include "ct-editor-page.h"
#include "ct-window.h"

G_BEGIN_DECLS

#define CT_TEST_TIMEOUT_SECONDS 30

/* A timeout callback that only keeps the main loop awake. */
gboolean ct_test_tick_cb        (gpointer         user_data);

/* Iterates the main context for @msec milliseconds. */
void     ct_test_spin           (guint            msec);

/* Writes @contents to @path or fails the test. */
void     ct_test_write_file     (const char      *path,
                                 const char      *contents,
                                 gssize           length);

/* The visible toplevel of @type transient for @parent, or NULL. */
GtkWindow *ct_test_find_dialog  (GtkWindow       *parent,
                                 GType            type);

/* Waits until ct_test_find_dialog() finds one. */
GtkWindow *ct_test_wait_dialog  (GtkWindow       *parent,
                                 GType            type);

/* Deletes @file and, for a folder, everything below it (links are not
 * followed); what cannot be deleted is left. */
void       ct_test_remove_tree  (GFile           *file);

/* @page has its file loaded and is not busy loading or saving. */
gboolean   ct_test_page_ready   (CtEditorPage    *page);

/* Evaluates @script in @view's page world, waiting for it; its value as
 * a string, or the test fails. */
char      *ct_test_eval_js      (WebKitWebView   *view,
                                 const char      *script);

/* A registered application for the whole test program, not unique (a
 * registered GApplication stays exported on the bus for the process). */
CtApplication *ct_test_app_new     (void);
/* The first descendant of @root of @type, depth first, or NULL. */
GtkWidget *ct_test_find_descendant (GtkWidget       *root,
                                    GType            type);
/* @widget's accessible label is @expected (GTK_A11Y=test must be set
 * before GTK starts, or widgets have no accessible context to read). */
void       ct_test_assert_label (GtkWidget       *widget,
                                 const char      *expected);
gboolean   ct_test_has_label    (GtkWidget       *widget,
                                 const char      *expected);
/* Delivers @keyval to @widget's key controllers as a key press would
 * (GTK 4.8 has no way to synthesize a key event for a test). */
gboolean   ct_test_press_key    (GtkWidget       *widget,
                                 guint            keyval);

/* What @widget draws, or NULL while a redraw of it is still to come (a
 * widget's paintable has nothing to give between a queued redraw and the
 * frame that makes it): wait for it with CT_TEST_WAIT. */
GskRenderNode *ct_test_render_node (GtkWidget     *widget);
/* With CT_TEST_SCREENSHOTS=DIR set, draws @widget to DIR/@name (a PNG)
 * after letting it settle; without, does nothing. */
void       ct_test_screenshot   (GtkWidget       *widget,
                                 const char      *name);

/* A copy of the sample wiki (what `continuity new --sample` makes) in a
 * new temporary folder named after @template (a g_dir_make_tmp one), closed
 * again: the app opens its own. Returns the wiki's folder, "TMP/wiki";
 * the temporary folder is its parent, for ct_test_remove_tree (). */
char      *ct_test_sample_wiki_new (const char    *template);

/* A new window of @app, @width × @height, shown. */
CtWindow  *ct_test_window_new   (CtApplication   *app,
                                 int              width,
                                 int              height);

/* A new window of @app, @width × @height, on the wiki in @folder, as
 * Files or the command line would hand the folder over; returns once the
 * window has the wiki open. */
CtWindow  *ct_test_wiki_window_new (CtApplication *app,
                                    const char    *folder,
                                    int            width,
                                    int            height);

/* Opens the post at @path in @window: its tab, once loaded and with its
 * wiki found (the wiki is found and opened in a thread). */
CtEditorPage *ct_test_open_post (CtWindow        *window,
                                 const char      *path);

/* Iterates the default main context until @expr holds; fails the test
 * after CT_TEST_TIMEOUT_SECONDS. The tick wakes the loop up regularly, so a
 * condition that changes without an event (a file a thread wrote) is seen. */
#define CT_TEST_WAIT(expr)                                                   \
  G_STMT_START {                                                             \
    gint64 ct_test_end_ = g_get_monotonic_time ()                           \
                          + CT_TEST_TIMEOUT_SECONDS * G_USEC_PER_SEC;        \
    guint ct_test_tick_ = g_timeout_add (20, ct_test_tick_cb, NULL);         \
    while (!(expr))                                                          \
      {                                                                      \
        if (g_get_monotonic_time () > ct_test_end_)                          \
          g_error ("Timed out after %d s waiting for: %s",                   \
                   CT_TEST_TIMEOUT_SECONDS, #expr);                          \
        g_main_context_iteration (NULL, TRUE);                               \
      }                                                                      \
    g_source_remove (ct_test_tick_);                                         \
  } G_STMT_END

G_END_DECLS
