/* ct-test-window.h — a window of the real application for each test, on
 * its own temporary folder, and what the window tests do with it. */
#pragma once

#include "ct-application.h"
#include "ct-editor-page.h"
#include "ct-window.h"

G_BEGIN_DECLS

typedef struct {
  CtApplication *app;
  CtWindow      *window;
  GSettings     *settings;
  char          *dir;        /* the test's own files */
} CtTestWindowFixture;

/* One application for the whole program, as in real life (a registered
 * GApplication stays exported on the bus for the life of the process),
 * with drafts of its own in a new folder, returned in @drafts_dir. */
CtApplication *ct_test_window_app_new          (char               **drafts_dir);

/* For g_test_add: @app is the test data. */
void           ct_test_window_fixture_setup    (CtTestWindowFixture *f,
                                                gconstpointer        app);
/* Closes the window without questions or drafts left for the next test. */
void           ct_test_window_fixture_teardown (CtTestWindowFixture *f,
                                                gconstpointer        app);

/* Opens @path through the window, as the Open dialog or the command line
 * would, and waits for the tab to hold the file. */
CtEditorPage  *ct_test_window_open_file        (CtTestWindowFixture *f,
                                                const char          *path);

/* Removes @path, a folder of files. */
void           ct_test_remove_dir              (const char          *path);
/* Types @text at the end of the page, as key presses would. */
void           ct_test_type_at_end             (CtEditorPage        *page,
                                                const char          *text);
char          *ct_test_document_text           (CtEditorPage        *page);
gboolean       ct_test_page_text_is            (CtEditorPage        *page,
                                                const char          *expected);
char          *ct_test_file_contents           (const char          *path);
/* What a click on a response button does: the response, then the dialog
 * goes away (adw_message_dialog_response alone leaves it open). */
void           ct_test_respond                 (GtkWindow           *dialog,
                                                const char          *response);

G_END_DECLS
