#define G_LOG_DOMAIN "ct-error"

#include "config.h"

#include "ct-error.h"

G_DEFINE_QUARK (ct-error-quark, ct_error)
