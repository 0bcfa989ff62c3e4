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

/* The file name (without ".html") of an entity's page in an exported site:
 * @slug itself when it is a valid slug, else the slug of @slug, so a slug
 * from a damaged or hand-edited database never names a path outside its
 * folder; "index" becomes "index-@kind", since KIND/index.html lists the
 * kind. The site and the renderer's site links both use this. */
char *ct_slug_for_page (const char *slug,
                        const char *kind);

G_END_DECLS
