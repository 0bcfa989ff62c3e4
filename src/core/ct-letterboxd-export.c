#define G_LOG_DOMAIN "ct-letterboxd"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-archive.h"
#include "ct-csv.h"
#include "ct-error.h"
#include "ct-letterboxd-private.h"

/* The files read, in the order films are collected: the film lists first,
 * so a film's own address (not a diary entry's) becomes its source. */
static const char * const export_files[] = {
  "watched.csv", "ratings.csv", "diary.csv", "reviews.csv",
};

/* A CSV larger than this is not a Letterboxd export (a 20-year diary is a
 * few megabytes); refusing keeps a hostile zip from filling memory. */
#define MAX_FILE_SIZE (256u * 1024 * 1024)

static void
film_free (CtLetterboxdFilm *film)
{
  g_free (film->name);
  g_free (film->year);
  g_free (film->uri);
  g_free (film);
}

static void
review_free (CtLetterboxdReview *review)
{
  g_free (review->uri);
  g_free (review->date);
  g_free (review->rating);
  g_strfreev (review->tags);
  g_free (review->text);
  g_free (review->where);
  g_free (review);
}

void
_ct_letterboxd_export_free (CtLetterboxdExport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->reviews);
  g_ptr_array_unref (self->films);
  g_free (self);
}

/* Reading the files */

static gboolean
is_export_file (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_files); i++)
    if (g_str_equal (name, export_files[i]))
      return TRUE;
  return FALSE;
}

static gboolean
read_zip (const char    *path,
          GHashTable    *contents,
          GCancellable  *cancellable,
          GError       **error)
{
  const CtArchive *ar = ct_archive_get (error);
  struct archive *a;
  struct archive_entry *entry;
  gboolean ok = TRUE;
  int r;

  if (ar == NULL)
    return FALSE;
  a = ar->read_new ();
  ar->read_support_format_zip (a);
  if (ar->read_open_filename (a, path, 64 * 1024) != ARCHIVE_OK)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("“%s” could not be read as a zip file: %s"),
                   path, ar->error_string (a));
      ar->read_free (a);
      return FALSE;
    }

  while (ok && (r = ar->read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = ar->entry_pathname (entry);
      la_int64_t size = ar->entry_size (entry);
      GByteArray *data;
      char buf[64 * 1024];
      la_ssize_t n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      /* Only the files at the top; deleted/reviews.csv and the like are
       * what the user removed on Letterboxd. */
      if (name == NULL || !is_export_file (name) || g_hash_table_contains (contents, name))
        continue;
      if (ar->entry_size_is_set (entry) && size > MAX_FILE_SIZE)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s in the export is too large to be a Letterboxd file."), name);
          ok = FALSE;
          break;
        }
      data = g_byte_array_new ();
      while ((n = ar->read_data (a, buf, sizeof buf)) > 0)
        {
          if (data->len + (gsize) n > MAX_FILE_SIZE)
            {
              n = -1;
              break;
            }
          g_byte_array_append (data, (const guint8 *) buf, (guint) n);
        }
      if (n < 0)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s in “%s” could not be read: %s"), name, path,
                       ar->error_string (a) ? ar->error_string (a) : _("too large"));
          g_byte_array_unref (data);
          ok = FALSE;
          break;
        }
      g_hash_table_insert (contents, g_strdup (name), g_byte_array_free_to_bytes (data));
    }
  if (ok && r != ARCHIVE_EOF && r != ARCHIVE_OK)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("“%s” could not be read as a zip file: %s"),
                   path, ar->error_string (a));
      ok = FALSE;
    }
  ar->read_free (a);
  return ok;
}

static gboolean
read_folder (const char    *path,
             GHashTable    *contents,
             GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_files); i++)
    {
      g_autofree char *file = g_build_filename (path, export_files[i], NULL);
      g_autoptr(GError) local_error = NULL;
      char *data = NULL;
      gsize length;

      if (!g_file_get_contents (file, &data, &length, &local_error))
        {
          if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            continue;
          g_set_error (error, CT_ERROR, CT_ERROR_IO, _("%s could not be read: %s"), file, local_error->message);
          return FALSE;
        }
      g_hash_table_insert (contents, g_strdup (export_files[i]), g_bytes_new_take (data, length));
    }
  return TRUE;
}

/* Checking the rows */

static gboolean
is_date (const char *t)
{
  if (strlen (t) != 10 || t[4] != '-' || t[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (t[i]))
      return FALSE;
  return g_date_valid_dmy ((GDateDay) atoi (t + 8), (GDateMonth) atoi (t + 5), (GDateYear) atoi (t));
}

static gboolean
is_year (const char *t)
{
  gsize len = strlen (t);

  if (len != 4)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (t[i]))
      return FALSE;
  return TRUE;
}

/* Letterboxd rates in half stars: 0.5 … 5. */
static char *
parse_rating (const char *t)
{
  char *end = NULL;
  double v = g_ascii_strtod (t, &end);
  double halves = v * 2;

  if (end == t || *end != '\0' || v < 0.5 || v > 5 || halves != (double) (int) halves)
    return NULL;
  return (int) halves % 2 == 0 ? g_strdup_printf ("%d", (int) v) : g_strdup_printf ("%d.5", (int) v);
}

static gboolean
bad_value (GError     **error,
           const char  *where,
           const char  *column,
           const char  *value,
           const char  *expected)
{
  /* Translators: "reviews.csv:12: Rating “6” is not 0.5 to 5 in half stars." */
  g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s: %s “%s” is not %s."), where, column, value, expected);
  return FALSE;
}

typedef struct {
  int name, year, uri, rating, rewatch, review, tags, date, watched;
} Columns;

static gboolean
find_columns (const CtCsv  *csv,
              const char   *file,
              Columns      *c,
              GError      **error)
{
  c->name = ct_csv_column (csv, "Name");
  c->year = ct_csv_column (csv, "Year");
  c->uri = ct_csv_column (csv, "Letterboxd URI");
  c->rating = ct_csv_column (csv, "Rating");
  c->rewatch = ct_csv_column (csv, "Rewatch");
  c->review = ct_csv_column (csv, "Review");
  c->tags = ct_csv_column (csv, "Tags");
  c->date = ct_csv_column (csv, "Date");
  c->watched = ct_csv_column (csv, "Watched Date");
  if (c->name < 0 || (g_str_equal (file, "reviews.csv") && c->review < 0))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("%s:1: the header has no “%s” column; is this a Letterboxd export?"),
                   file, c->name < 0 ? "Name" : "Review");
      return FALSE;
    }
  return TRUE;
}

static CtLetterboxdFilm *
add_film (CtLetterboxdExport *self,
          GHashTable         *by_key,
          const char         *name,
          const char         *year,
          const char         *uri)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", folded, year ? year : "");
  CtLetterboxdFilm *film = g_hash_table_lookup (by_key, key);

  if (film == NULL)
    {
      film = g_new0 (CtLetterboxdFilm, 1);
      film->name = g_strdup (name);
      film->year = year && *year ? g_strdup (year) : NULL;
      g_ptr_array_add (self->films, film);
      g_hash_table_insert (by_key, g_steal_pointer (&key), film);
    }
  /* Files are read film lists first: the first address met is the
   * film's own when it has one, a diary entry's otherwise. */
  if (*uri != '\0' && film->uri == NULL)
    film->uri = g_strdup (uri);
  return film;
}

static gboolean
read_rows (CtLetterboxdExport *self,
           GHashTable         *by_key,
           const char         *file,
           GBytes             *bytes,
           GError            **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(CtCsv) csv = ct_csv_parse (data ? data : "", length, file, error);
  Columns c;

  if (csv == NULL || !find_columns (csv, file, &c, error))
    return FALSE;

  for (guint row = 0; row < csv->rows->len; row++)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u", file, ct_csv_get_line (csv, row));
      g_autofree char *name = g_strstrip (g_strdup (ct_csv_get (csv, row, c.name)));
      const char *year = ct_csv_get (csv, row, c.year);
      const char *uri = ct_csv_get (csv, row, c.uri);
      const char *rating = ct_csv_get (csv, row, c.rating);
      const char *rewatch = ct_csv_get (csv, row, c.rewatch);
      const char *date = ct_csv_get (csv, row, c.date);
      const char *watched = ct_csv_get (csv, row, c.watched);
      const char *text = ct_csv_get (csv, row, c.review);
      g_autofree char *half_stars = NULL;
      CtLetterboxdFilm *film;
      CtLetterboxdReview *review;

      if (*name == '\0')
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s: the film has no name."), where);
          return FALSE;
        }
      if (g_utf8_strlen (name, -1) > 400)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s: the film’s name is longer than 400 characters."), where);
          return FALSE;
        }
      if (*year != '\0' && !is_year (year))
        return bad_value (error, where, "Year", year, _("a year"));
      if (*date != '\0' && !is_date (date))
        return bad_value (error, where, "Date", date, _("a date written as YYYY-MM-DD"));
      if (*watched != '\0' && !is_date (watched))
        return bad_value (error, where, "Watched Date", watched, _("a date written as YYYY-MM-DD"));
      if (*rating != '\0' && (half_stars = parse_rating (rating)) == NULL)
        return bad_value (error, where, "Rating", rating, _("0.5 to 5 in half stars"));
      if (*rewatch != '\0' && g_ascii_strcasecmp (rewatch, "yes") != 0 && g_ascii_strcasecmp (rewatch, "no") != 0)
        return bad_value (error, where, "Rewatch", rewatch, _("Yes or No"));
      if (*uri != '\0' && !g_str_has_prefix (uri, "https://") && !g_str_has_prefix (uri, "http://"))
        return bad_value (error, where, "Letterboxd URI", uri, _("a web address"));

      film = add_film (self, by_key, name, year, uri);
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        if (c.review < 0 || *stripped == '\0')
          continue;
      }

      review = g_new0 (CtLetterboxdReview, 1);
      review->film = film;
      review->uri = *uri ? g_strdup (uri) : NULL;
      review->date = g_strdup (*watched ? watched : *date ? date : NULL);
      review->rating = g_steal_pointer (&half_stars);
      review->rewatch = g_ascii_strcasecmp (rewatch, "yes") == 0;
      /* Letterboxd joins a row's tags with ", ". */
      review->tags = g_strsplit (ct_csv_get (csv, row, c.tags), ",", -1);
      {
        guint j = 0;
        for (guint i = 0; review->tags[i] != NULL; i++)
          {
            g_strstrip (review->tags[i]);
            if (*review->tags[i] == '\0')
              g_free (review->tags[i]);
            else
              review->tags[j++] = review->tags[i];
          }
        review->tags[j] = NULL;
      }
      review->text = g_strdup (text);
      review->where = g_steal_pointer (&where);
      g_ptr_array_add (self->reviews, review);
    }
  return TRUE;
}

CtLetterboxdExport *
_ct_letterboxd_export_read (const char    *path,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GHashTable) contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CtLetterboxdExport) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (!read_folder (path, contents, error))
        return NULL;
    }
  else if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("“%s” does not exist."), path);
      return NULL;
    }
  else if (!read_zip (path, contents, cancellable, error))
    return NULL;

  if (g_hash_table_size (contents) == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("“%s” is not a Letterboxd export: it has none of watched.csv, ratings.csv, diary.csv and reviews.csv."),
                   path);
      return NULL;
    }

  self = g_new0 (CtLetterboxdExport, 1);
  self->films = g_ptr_array_new_with_free_func ((GDestroyNotify) film_free);
  self->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) review_free);
  for (guint i = 0; i < G_N_ELEMENTS (export_files); i++)
    {
      GBytes *bytes = g_hash_table_lookup (contents, export_files[i]);

      if (bytes != NULL && !read_rows (self, by_key, export_files[i], bytes, error))
        return NULL;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}
