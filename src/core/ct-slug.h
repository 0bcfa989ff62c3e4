/* ct-slug.h — titles turned into ASCII, path-safe file names (core-internal). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CT_SLUG_MAX 80

/* The slug of @title alone: lowercase ASCII letters, digits and single
 * dashes, at most CT_SLUG_MAX bytes, never empty, never a name Windows
 * reserves (con, nul, com1 …). @fallback (e.g. the kind) is used when the
 * title has nothing transliterable (emoji, most non-Latin scripts). */
char *ct_slug_from_title (const char *title,
                          const char *fallback);

/* @base with "-2", "-3" … appended (keeping CT_SLUG_MAX) for attempt n > 1. */
char *ct_slug_with_suffix (const char *base,
                           guint       n);

G_END_DECLS
