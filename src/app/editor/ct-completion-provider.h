/* ct-completion-provider.h — `[[` and `{{` completion in the editor
 * (DESIGN §7): entity titles and aliases after `[[`, template names after
 * `{{`, entity names after `{{name:` and fact keys after
 * `{{fact: Entity |`, all from the document's wiki. */
#pragma once

#include <gtksourceview/gtksource.h>

#include "ct-text-mirror.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

/* At most this many entity names are proposed. */
#define CT_COMPLETION_MAX_NAMES 50

#define CT_TYPE_COMPLETION_PROVIDER (ct_completion_provider_get_type ())
G_DECLARE_FINAL_TYPE (CtCompletionProvider, ct_completion_provider, CT, COMPLETION_PROVIDER, GObject)

CtCompletionProvider *ct_completion_provider_new      (void);
void                  ct_completion_provider_set_wiki (CtCompletionProvider *self,
                                                       CtWiki               *wiki);

/* The page's copy of the buffer's text (not owned; it outlives the
 * provider's use): proposals then read the text from it instead of
 * copying the whole buffer out on every key. */
void                  ct_completion_provider_set_text_mirror (CtCompletionProvider *self,
                                                              CtTextMirror         *mirror);

/* Returns: (transfer full): the proposals (CtCompletionItem) for a line
 * whose text up to the cursor is @before; sets @typed to how many
 * characters at its end they replace. Empty outside an open reference. */
GListStore           *ct_completion_provider_propose  (CtCompletionProvider *self,
                                                       const char           *before,
                                                       guint                *typed);

G_END_DECLS
