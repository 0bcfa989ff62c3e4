/* ct-prose-check.h — prose checked against the wiki: sentences whose
 * words contradict the facts of the entities they refer to, and names of
 * entities written as plain text (unlinked mentions).
 *
 * The checks add CtDiagnostics, with quick fixes, to the same list the
 * renderer fills, so the editor's underlines, the preview and `continuity
 * check` agree. The rules, with examples: docs/reference-syntax.md,
 * "Prose checked against the wiki".
 */
#pragma once

#include "ct-wiki.h"

G_BEGIN_DECLS

typedef enum {
  CT_PROSE_CHECK_FACTS    = 1 << 0,  /* release dates, crew, casting: warnings */
  CT_PROSE_CHECK_MENTIONS = 1 << 1,  /* unlinked mentions: hints */
  CT_PROSE_CHECK_ALL      = CT_PROSE_CHECK_FACTS | CT_PROSE_CHECK_MENTIONS,
} CtProseCheckFlags;

/* Checks the prose of @text (@length bytes, the whole document with any
 * front matter) against @wiki and appends what it finds to @diagnostics
 * (of CtDiagnostic, not sorted). Nothing in front matter, code, raw HTML,
 * link destinations or references themselves is read as prose. FALSE with
 * @error set when @text is not UTF-8 or the wiki cannot be read. */
gboolean  ct_prose_check (CtWiki             *wiki,
                          const char         *text,
                          gsize               length,
                          CtProseCheckFlags   flags,
                          GPtrArray          *diagnostics,
                          GError            **error);

/* The rule names of CtDiagnostic.rule these checks set. */
#define CT_PROSE_RULE_RELEASE_DATE    "prose-release-date"
#define CT_PROSE_RULE_CREW            "prose-crew"
#define CT_PROSE_RULE_CASTING         "prose-casting"
#define CT_PROSE_RULE_UNLINKED        "unlinked-mention"

G_END_DECLS
