/* ct-test-wiki.h — a real wiki for tests, built in a temporary folder from
 * an interchange JSON fixture (DESIGN §4) with ct_wiki_import. */
#pragma once

#include "ct-wiki.h"

typedef struct {
  char   *folder;
  CtWiki *wiki;
} CtTestWiki;

/* Creates a wiki in a new temporary folder and imports
 * tests/fixtures/wiki/@fixture into it. */
void ct_test_wiki_init  (CtTestWiki *self,
                         const char *fixture);
/* Closes the wiki and deletes its folder. */
void ct_test_wiki_clear (CtTestWiki *self);

/* Reads a file under the test source folder (tests/). */
char *ct_test_read_source (const char *first_element,
                           ...) G_GNUC_NULL_TERMINATED;
