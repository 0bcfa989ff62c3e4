/* ct-test-wiki.h — temporary wikis and file checks for the wiki tests. */
#pragma once

#include "ct-error.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

/* A new temporary folder (removed with ct_test_rmtree). */
char     *ct_test_tmpdir          (void);
/* Removes @dir and everything under it. */
void      ct_test_rmtree          (const char *dir);

/* An empty wiki in a new temporary folder, returned in @folder. */
CtWiki   *ct_test_wiki_new        (char      **folder);
/* The same with tests/fixtures/wiki/john-wick.json imported. */
CtWiki   *ct_test_wiki_fixture    (char      **folder);

/* A path under tests/fixtures. */
char     *ct_test_fixture         (const char *first, ...) G_GNUC_NULL_TERMINATED;
/* SHA-256 of a file's bytes. */
char     *ct_test_checksum        (const char *path);
/* The id of the entity titled @title (asserts that it exists). */
gint64    ct_test_id              (CtWiki     *wiki,
                                   const char *title);
/* The titles of a GPtrArray of CtEntity, joined with "; ". */
char     *ct_test_entity_titles   (GPtrArray  *entities);

/* A fixture wiki that owns its folder: for tests that set up one per case. */
typedef struct {
  char   *folder;
  CtWiki *wiki;
} CtTestWiki;

/* Creates a wiki in a new temporary folder and imports
 * tests/fixtures/wiki/@fixture into it. */
void      ct_test_wiki_init       (CtTestWiki *self,
                                   const char *fixture);
/* Closes the wiki and deletes its folder. */
void      ct_test_wiki_clear      (CtTestWiki *self);

/* Reads a file under the test source folder (tests/). */
char     *ct_test_read_source     (const char *first_element,
                                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
