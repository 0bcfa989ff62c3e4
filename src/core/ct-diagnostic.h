/* ct-diagnostic.h — a problem found in a document, with its position.
 *
 * The same diagnostics feed the editor's underlines, the preview's markers
 * and `continuity check`, so all three always agree.
 */
#pragma once

#include "ct-types.h"

G_BEGIN_DECLS

typedef enum {
  CT_SEVERITY_ERROR,
  CT_SEVERITY_WARNING,
  CT_SEVERITY_HINT,     /* an offer, not a problem (an unlinked mention):
                         * no exit status, `continuity check --mentions` */
} CtSeverity;

/* A change that fixes a diagnostic: replace bytes [start, end) of the
 * document with @replacement. Offsets are into the text that was checked,
 * like the diagnostic's own. */
typedef struct {
  char  *label;         /* the button's words, translated: "Use June 2025" */
  gsize  start;
  gsize  end;
  char  *replacement;
} CtQuickFix;

struct _CtDiagnostic {
  CtSeverity severity;
  gsize start;          /* byte offset of the problem in the document */
  gsize end;            /* byte offset just past it */
  guint line;           /* 1-based */
  guint column;         /* 1-based, in characters (not bytes) */
  char *message;        /* a sentence, already translated */
  const char *rule;     /* static: which check said it ("prose-release-date",
                         * "unlinked-mention"), or NULL for references */
  GPtrArray *fixes;     /* of CtQuickFix, or NULL when there is none */
};

CtDiagnostic *ct_diagnostic_new        (CtSeverity          severity,
                                        const char         *text,
                                        gsize               start,
                                        gsize               end,
                                        const char         *message);
/* The same when the line and column are known already (the scanner's):
 * no scan from the start of the text, which made a document with many
 * problems quadratic to render. */
CtDiagnostic *ct_diagnostic_new_at     (CtSeverity          severity,
                                        gsize               start,
                                        gsize               end,
                                        guint               line,
                                        guint               column,
                                        const char         *message);
CtDiagnostic *ct_diagnostic_copy       (const CtDiagnostic *self);
void          ct_diagnostic_free       (CtDiagnostic       *self);
const char   *ct_severity_to_string    (CtSeverity          severity);

/* Offers @fix's change as a fix of @self (takes the strings' copies). */
void          ct_diagnostic_add_fix    (CtDiagnostic       *self,
                                        const char         *label,
                                        gsize               start,
                                        gsize               end,
                                        const char         *replacement);
CtQuickFix   *ct_quick_fix_copy        (const CtQuickFix   *self);
void          ct_quick_fix_free        (CtQuickFix         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtDiagnostic, ct_diagnostic_free)

G_END_DECLS
