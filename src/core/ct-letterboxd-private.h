/* ct-letterboxd-private.h — what the ct-letterboxd*.c files share.
 *
 *   ct-letterboxd-export.c    the export, zip or folder, read into rows
 *                             (CtLetterboxdExport): every row checked, so a
 *                             malformed one stops the import before it writes
 *   ct-letterboxd-markdown.c  a review's HTML as Markdown
 *   ct-letterboxd-post.c      a review's post file: its text and the hash
 *                             that tells whether the user edited it
 *   ct-letterboxd.c           the import: films in one transaction, posts
 *                             staged and moved in after it commits
 *
 * Why this shape: reading and checking everything before writing anything
 * is what makes the import all or nothing without holding a transaction
 * open while a zip is read.
 */
#pragma once

#include "ct-letterboxd.h"

G_BEGIN_DECLS

/* A film as the export names it. */
typedef struct {
  char *name;
  char *year;   /* "1984", or NULL when Letterboxd has none */
  char *uri;    /* the film's Letterboxd address, or NULL */
} CtLetterboxdFilm;

/* A review (a row of reviews.csv with text). */
typedef struct {
  CtLetterboxdFilm *film;     /* borrowed from the export's films */
  char   *uri;                /* the review's own address */
  char   *date;               /* watched date, else the logged date: YYYY-MM-DD, or NULL */
  char   *rating;             /* "4.5", or NULL for none */
  gboolean rewatch;
  GStrv   tags;
  char   *text;               /* as Letterboxd wrote it (HTML) */
  char   *where;              /* "reviews.csv:12", for messages */
} CtLetterboxdReview;

typedef struct {
  GPtrArray  *films;          /* of CtLetterboxdFilm, each (name, year) once, in order met */
  GPtrArray  *reviews;        /* of CtLetterboxdReview */
} CtLetterboxdExport;

/* Reads and checks the export at @path (zip or folder). */
CtLetterboxdExport *_ct_letterboxd_export_read (const char    *path,
                                                GCancellable  *cancellable,
                                                GError       **error);
void                _ct_letterboxd_export_free (CtLetterboxdExport *self);

/* The post file of @review about the wiki entity titled @film_title:
 * front matter (title, date, tags, rating, rewatch, film, source and the
 * hash) and the review as Markdown. */
char     *_ct_letterboxd_post_text    (const CtLetterboxdReview *review,
                                       const char               *film_title,
                                       GError                  **error);
/* Does @text still hold what the import wrote: its hash matches? FALSE
 * when it was edited or has no hash. */
gboolean  _ct_letterboxd_post_is_pristine (const char *text,
                                           gsize       length);
/* The file name (no folder) for @review: DATE-SLUG-YEAR.md, with the
 * review address's hash appended when @clash. */
char     *_ct_letterboxd_post_name    (const CtLetterboxdReview *review,
                                       gboolean                  clash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtLetterboxdExport, _ct_letterboxd_export_free)

G_END_DECLS
