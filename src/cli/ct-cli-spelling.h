/* ct-cli-spelling.h — `continuity check --spelling` (docs/cli.md). */
#pragma once

#include "ct-wiki.h"

G_BEGIN_DECLS

typedef struct _CtCliSpelling CtCliSpelling;

CtCliSpelling *ct_cli_spelling_new   (void);
void           ct_cli_spelling_free  (CtCliSpelling  *self);

/* Prints the misspelt words of @text (a post of @wiki, may be NULL,
 * shown as @path) and adds their number to @misspelt. Fails when there
 * is no dictionary for the post's language or @text is not UTF-8. */
gboolean       ct_cli_spelling_check (CtCliSpelling  *self,
                                      CtWiki         *wiki,
                                      const char     *path,
                                      const char     *text,
                                      gsize           length,
                                      guint          *misspelt,
                                      GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtCliSpelling, ct_cli_spelling_free)

G_END_DECLS
