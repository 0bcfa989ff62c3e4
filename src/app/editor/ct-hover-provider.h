/* ct-hover-provider.h — the entity card when the pointer rests on a
 * reference in the editor ([[Rooney]], {{infobox: Rooney}}), as the
 * preview shows it on its links (DESIGN §7). */
#pragma once

#include <gtksourceview/gtksource.h>

#include "ct-text-mirror.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

#define CT_TYPE_HOVER_PROVIDER (ct_hover_provider_get_type ())
G_DECLARE_FINAL_TYPE (CtHoverProvider, ct_hover_provider, CT, HOVER_PROVIDER, GObject)

CtHoverProvider *ct_hover_provider_new      (void);
void             ct_hover_provider_set_wiki (CtHoverProvider *self,
                                             CtWiki          *wiki);

/* The page's copy of its text, which the provider reads instead of
 * copying a long post out of the buffer at every hover. */
void             ct_hover_provider_set_text_mirror (CtHoverProvider *self,
                                                    CtTextMirror    *mirror);

/* The entity the reference at @iter names, if it names exactly one in
 * @wiki; 0 otherwise. Core finds the reference (ct_reference_at) in
 * @mirror's text (the buffer's, kept edit by edit), the wiki resolves it.
 * Shared with Ctrl+click and the context menu. */
gint64           ct_hover_provider_entity_at (CtWiki            *wiki,
                                              CtTextMirror      *mirror,
                                              const GtkTextIter *iter);

/* The entity @target (a reference's target, as ct_reference_at gives it)
 * names, if exactly one in @wiki; 0 otherwise or for a NULL @target. */
gint64           ct_hover_provider_entity_named (CtWiki     *wiki,
                                                 const char *target);

G_END_DECLS
