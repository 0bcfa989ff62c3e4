#define G_LOG_DOMAIN "ct-letterboxd"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-error.h"
#include "ct-front-matter.h"
#include "ct-letterboxd-private.h"
#include "ct-slug.h"

/* A post remembers what the import wrote as a hash in its own front
 * matter: the SHA-256 of the file without that line. A later import
 * recomputes it; any change by the user (even a space) makes it differ,
 * and the post is left alone. Keeping the mark in the file, rather than
 * in the database, means it travels with the post (git, a copy of the
 * folder) and a user who deletes the line has said "mine now". */

#define HASH_KEY "letterboxd_hash: "

static void
add_key (GString    *out,
         const char *key,
         const char *value)
{
  g_autofree char *scalar = ct_front_matter_scalar (value, FALSE);
  g_string_append_printf (out, "%s: %s\n", key, scalar);
}

/* The hash line's byte range in @text's front matter, or FALSE. */
static gboolean
find_hash_line (const char *text,
                gsize       length,
                gsize      *start,
                gsize      *end)
{
  gsize body_offset;
  guint body_line;
  const char *p;

  if (!ct_front_matter_split (text, length, &body_offset, &body_line))
    return FALSE;
  for (p = text; p < text + body_offset;)
    {
      const char *nl = memchr (p, '\n', text + body_offset - p);
      const char *line_end = nl ? nl + 1 : text + body_offset;

      if ((gsize) (line_end - p) > strlen (HASH_KEY) && strncmp (p, HASH_KEY, strlen (HASH_KEY)) == 0)
        {
          *start = p - text;
          *end = line_end - text;
          return TRUE;
        }
      p = line_end;
    }
  return FALSE;
}

static char *
hash_without (const char *text,
              gsize       length,
              gsize       start,
              gsize       end)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) text, start);
  g_checksum_update (sum, (const guchar *) text + end, length - end);
  return g_strdup (g_checksum_get_string (sum));
}

char *
_ct_letterboxd_post_text (const CtLetterboxdReview *review,
                          const char               *film_title,
                          GError                  **error)
{
  const CtLetterboxdFilm *film = review->film;
  g_autoptr(GString) out = g_string_new ("---\n");
  g_autoptr(CtFrontMatter) fm = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *hash = NULL;
  gsize hash_at;

  title = film->year ? g_strdup_printf ("%s (%s)", film->name, film->year) : g_strdup (film->name);
  add_key (out, "title", title);
  if (review->date != NULL)
    g_string_append_printf (out, "date: %s\n", review->date);  /* checked: YYYY-MM-DD */
  if (review->tags[0] != NULL)
    {
      g_string_append (out, "tags: [");
      for (guint i = 0; review->tags[i] != NULL; i++)
        {
          g_autofree char *scalar = ct_front_matter_scalar (review->tags[i], TRUE);
          g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", scalar);
        }
      g_string_append (out, "]\n");
    }
  if (review->rating != NULL)
    g_string_append_printf (out, "rating: %s\n", review->rating);  /* checked: 0.5 … 5 */
  g_string_append_printf (out, "rewatch: %s\n", review->rewatch ? "true" : "false");
  add_key (out, "film", film_title);
  if (review->uri != NULL)
    add_key (out, "source", review->uri);
  hash_at = out->len;
  g_string_append (out, "---\n\n");
  body = ct_letterboxd_review_to_markdown (review->text);
  g_string_append (out, body);

  hash = hash_without (out->str, out->len, hash_at, hash_at);
  g_string_insert (out, hash_at, HASH_KEY "\n");
  g_string_insert (out, hash_at + strlen (HASH_KEY), hash);

  /* The promise of the front matter writer, kept here too: what was
   * written reads back as meant. */
  fm = ct_front_matter_parse (out->str, out->len, error);
  if (fm == NULL)
    {
      g_prefix_error (error, "%s: ", review->where);
      return NULL;
    }
  if (g_strcmp0 (fm->title, title) != 0 || g_strcmp0 (fm->date, review->date) != 0
      || !g_strv_equal ((const char * const *) fm->tags, (const char * const *) review->tags))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("%s: the review’s title, date or tags could not be written as front matter."),
                   review->where);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
_ct_letterboxd_post_is_pristine (const char *text,
                                 gsize       length)
{
  g_autofree char *hash = NULL;
  gsize start, end;
  gsize value_len;

  if (!find_hash_line (text, length, &start, &end))
    return FALSE;
  hash = hash_without (text, length, start, end);
  value_len = end - start - strlen (HASH_KEY) - 1;
  return value_len == strlen (hash)
         && memcmp (text + start + strlen (HASH_KEY), hash, value_len) == 0;
}

char *
_ct_letterboxd_post_name (const CtLetterboxdReview *review,
                          gboolean                  clash)
{
  g_autofree char *slug = ct_slug_from_title (review->film->name, "film");
  GString *name = g_string_new (review->date ? review->date : "undated");

  g_string_append_printf (name, "-%s", slug);
  if (review->film->year != NULL)
    g_string_append_printf (name, "-%s", review->film->year);
  if (clash)
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                            review->uri ? review->uri : review->where, -1);
      g_string_append_printf (name, "-%.8s", sum);
    }
  g_string_append (name, ".md");
  return g_string_free (name, FALSE);
}
