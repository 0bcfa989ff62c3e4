/* ct-application.h — the GUI application object. */
#pragma once

#include <adwaita.h>

#include "ct-drafts.h"
#include "ct-wiki-registry.h"

G_BEGIN_DECLS

#define CT_TYPE_APPLICATION (ct_application_get_type ())
G_DECLARE_FINAL_TYPE (CtApplication, ct_application, CT, APPLICATION, AdwApplication)

CtApplication *ct_application_new        (void);

/* Where every window keeps unsaved text. */
CtDrafts      *ct_application_get_drafts (CtApplication *self);

/* Keeps drafts in @directory instead of the user's data dir (tests, and
 * anyone running a second, separate instance). Only before any window. */
void           ct_application_set_drafts_directory (CtApplication *self,
                                                    GFile         *directory);

/* The wikis open for the documents of every window, one per folder. */
CtWikiRegistry *ct_application_get_wiki_registry (CtApplication *self);

/* Runs the GUI; what main() calls when argv is not a subcommand. */
int            ct_app_main               (int    argc,
                                          char **argv);

G_END_DECLS
