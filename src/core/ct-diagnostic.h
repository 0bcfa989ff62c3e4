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
} CtSeverity;

struct _CtDiagnostic {
  CtSeverity severity;
  gsize start;          /* byte offset of the problem in the document */
  gsize end;            /* byte offset just past it */
  guint line;           /* 1-based */
  guint column;         /* 1-based, in characters (not bytes) */
  char *message;        /* a sentence, already translated */
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtDiagnostic, ct_diagnostic_free)

G_END_DECLS
