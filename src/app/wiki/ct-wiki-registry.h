/* ct-wiki-registry.h — the wikis the application has open, one per folder.
 *
 * Every tab whose file lies in a wiki folder shares one CtWiki; the
 * registry holds them weakly, so a wiki closes with its last tab.
 * Finding and opening (a backup, maybe a migration) and indexing posts
 * run in threads; a CtWiki is only ever handed to the main thread once
 * the thread is done with it.
 */
#pragma once

#include <gio/gio.h>

#include "ct-wiki.h"

G_BEGIN_DECLS

#define CT_TYPE_WIKI_REGISTRY (ct_wiki_registry_get_type ())
G_DECLARE_FINAL_TYPE (CtWikiRegistry, ct_wiki_registry, CT, WIKI_REGISTRY, GObject)

CtWikiRegistry *ct_wiki_registry_new          (void);

/* The wiki of the file at @path: the nearest folder upwards holding a
 * wiki.continuity. Resolves to NULL without an error when there is none,
 * and to an error (a sentence for the user) when it cannot be opened. */
void            ct_wiki_registry_lookup_async  (CtWikiRegistry       *self,
                                                const char           *path,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CtWiki         *ct_wiki_registry_lookup_finish (CtWikiRegistry       *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Brings the post index of @wiki up to date with its posts/ folder, in a
 * thread on a connection of its own; requests while one runs are merged
 * into one more run. Nothing happens for a read-only wiki. "indexed" is
 * emitted (with the CtWiki) after each run; before it, "index-failed"
 * (CtWiki, a sentence for the user) when the run failed. */
void            ct_wiki_registry_reindex       (CtWikiRegistry       *self,
                                                CtWiki               *wiki);

G_END_DECLS
