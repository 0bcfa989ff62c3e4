#define G_LOG_DOMAIN "ct-slug"

#include "config.h"

#include <string.h>

#include "ct-slug.h"

/* Device names Windows reserves with any extension: a site exported to
 * "con.html" could not be copied to such a machine. */
static gboolean
is_reserved (const char *slug)
{
  static const char * const reserved[] = { "con", "prn", "aux", "nul", NULL };

  if (g_strv_contains (reserved, slug))
    return TRUE;
  return (g_str_has_prefix (slug, "com") || g_str_has_prefix (slug, "lpt"))
         && strlen (slug) == 4 && g_ascii_isdigit (slug[3]);
}

char *
ct_slug_from_title (const char *title,
                    const char *fallback)
{
  /* "C" locale: transliteration that does not depend on the user's
   * locale, so the same title gives the same slug everywhere. */
  g_autofree char *ascii = g_str_to_ascii (title, "C");
  GString *slug = g_string_sized_new (strlen (ascii));
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0' && slug->len < CT_SLUG_MAX; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else if (*p != '\'')   /* "Wick's" -> "wicks" */
        dash = TRUE;
    }

  /* A cut at CT_SLUG_MAX may leave a dash at the end. */
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    g_string_assign (slug, fallback ? fallback : "entity");
  else if (is_reserved (slug->str))
    g_string_append_printf (slug, "-%s", fallback ? fallback : "entity");

  return g_string_free (slug, FALSE);
}

char *
ct_slug_with_suffix (const char *base,
                     guint       n)
{
  g_autofree char *suffix = NULL;
  gsize keep;

  if (n <= 1)
    return g_strdup (base);

  suffix = g_strdup_printf ("-%u", n);
  keep = MIN (strlen (base), CT_SLUG_MAX - strlen (suffix));
  while (keep > 0 && base[keep - 1] == '-')
    keep--;
  return g_strdup_printf ("%.*s%s", (int) keep, base, suffix);
}

char *
ct_slug_for_page (const char *slug,
                  const char *kind)
{
  /* ct_slug_from_title returns a valid slug unchanged */
  char *page = ct_slug_from_title (slug ? slug : "", kind);

  if (g_str_equal (page, "index"))
    {
      char *renamed = g_strdup_printf ("index-%s", kind);
      g_free (page);
      return renamed;
    }
  return page;
}
