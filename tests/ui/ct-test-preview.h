/* ct-test-preview.h — what the preview's test programs share
 * (test-preview.c: rendering and updates; test-preview-page.c: what the
 * page does with links, script, remote content, lines and scrolling). */
#pragma once

#include <gtk/gtk.h>

#include "ct-preview.h"

G_BEGIN_DECLS

#define TIMEOUT_S 10

typedef struct {
  GtkWindow *window;
  CtPreview *preview;
} Fixture;

/* Iterates the main loop until @cond holds; fails after TIMEOUT_S. */
#define WAIT_FOR(cond)                                                        \
  G_STMT_START {                                                              \
    gint64 wait_deadline = g_get_monotonic_time () + TIMEOUT_S * G_TIME_SPAN_SECOND; \
    while (!(cond))                                                           \
      {                                                                       \
        if (g_get_monotonic_time () > wait_deadline)                          \
          g_error ("timed out waiting for %s", #cond);                        \
        if (!g_main_context_iteration (NULL, FALSE))                          \
          g_usleep (1000);                                                    \
      }                                                                       \
  } G_STMT_END

/* Iterates the main loop until *@done is set; fails the test after
 * TIMEOUT_S seconds rather than hanging. */
void      spin_until        (gboolean      *done,
                             const char    *what);
void      spin_ms           (guint          ms);
void      count_cb          (guint         *count);
void      flag_cb           (gpointer       instance,
                             gboolean      *flag);
/* Waits for the preview's next "updated". */
void      wait_updated      (Fixture       *f);
/* Waits until the page has no block left to fill. */
void      wait_filled       (Fixture       *f);
/* Evaluates @script in the page (the document's own world unless
 * @world) and returns its value. */
JSCValue *eval_in           (Fixture       *f,
                             const char    *world,
                             const char    *script);
char     *eval_string       (Fixture       *f,
                             const char    *script);
gint32    eval_int          (Fixture       *f,
                             const char    *world,
                             const char    *script);
gboolean  eval_bool         (Fixture       *f,
                             const char    *world,
                             const char    *script);
/* How the preview's own script counts patched blocks. */
gint32    preview_stat      (Fixture       *f,
                             const char    *name);
/* Re-evaluates @script (in the document's world) until it is true: for
 * what the page does at its own pace (smooth scrolling, image loads). */
void      wait_js_true      (Fixture       *f,
                             const char    *script);
void      fixture_set_up    (Fixture       *f,
                             gconstpointer  data);
void      fixture_tear_down (Fixture       *f,
                             gconstpointer  data);
/* About 100 KB of Markdown: sections of paragraphs. */
GString  *big_document      (void);

G_END_DECLS
