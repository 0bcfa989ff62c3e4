/* ct-types.h — forward declarations shared by core headers, so headers
 * don't have to include each other. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CtWiki CtWiki;
typedef struct _CtEntity CtEntity;
typedef struct _CtFact CtFact;
typedef struct _CtCredit CtCredit;
typedef struct _CtDiagnostic CtDiagnostic;
typedef struct _CtRenderResult CtRenderResult;

G_END_DECLS
