/* ct-test-wiki-window.h — a window of the real application on a copy of
 * the sample wiki for each test (test-wiki-window, test-wiki-entity-page),
 * and what those tests look up in it. */
#pragma once

#include "ct-application.h"
#include "ct-editor-page.h"
#include "ct-entity-page.h"
#include "ct-window.h"

G_BEGIN_DECLS

typedef struct {
  CtApplication *app;
  char          *base;       /* the temporary folder, removed at the end */
  char          *folder;     /* the wiki's folder in it */
  CtWindow      *window;
  CtWiki        *wiki;
} CtTestWikiFixture;

/* For g_test_add: @app (the program's one application) is the test data. */
void          ct_test_wiki_fixture_setup    (CtTestWikiFixture *f,
                                             gconstpointer      app);
/* Closes the window without questions or drafts, removes the folder. */
void          ct_test_wiki_fixture_teardown (CtTestWikiFixture *f,
                                             gconstpointer      app);

/* The id of the one entity titled or aliased @title. */
gint64        ct_test_entity_id             (CtWiki            *wiki,
                                             const char        *title);
/* The first descendant of @root of @type whose title (a preferences row)
 * or tooltip (a button) is @title; any of @type when @title is NULL. */
GtkWidget    *ct_test_find_widget           (GtkWidget         *root,
                                             GType              type,
                                             const char        *title);
/* Writes @text to posts/@name of the wiki and opens it in its tab, once
 * loaded and with its wiki found. */
CtEditorPage *ct_test_wiki_write_post       (CtTestWikiFixture *f,
                                             const char        *name,
                                             const char        *text);
char         *ct_test_buffer_text           (CtEditorPage      *page);
/* The entity page of the selected tab, or NULL. */
CtEntityPage *ct_test_selected_entity_page  (CtTestWikiFixture *f);
/* The preview shown by @view (a post's, or an entity's notes) holds @needle. */
gboolean      ct_test_view_shows            (WebKitWebView     *view,
                                             const char        *needle);
gboolean      ct_test_preview_shows         (CtEditorPage      *page,
                                             const char        *needle);

G_END_DECLS
