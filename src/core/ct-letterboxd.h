/* ct-letterboxd.h — bringing a Letterboxd export into a wiki.
 *
 * Letterboxd's export (Settings › Data › Export) is a zip of CSV files;
 * a user may also have unpacked it. The import makes a film entity per
 * film it names (reusing one the wiki has with that title and year) and a
 * post per review under posts/letterboxd/, whose front matter carries a
 * hash of what was written: a post edited since is never overwritten.
 */
#pragma once

#include <gio/gio.h>

#include "ct-wiki.h"

G_BEGIN_DECLS

/* The folder of the imported posts, relative to the wiki folder. */
#define CT_LETTERBOXD_POSTS_DIR "posts/letterboxd"

typedef struct {
  guint      films_added;
  guint      films_reused;
  guint      posts_written;    /* new files */
  guint      posts_updated;    /* the review changed on Letterboxd; the file was not edited */
  guint      posts_unchanged;
  guint      posts_edited;     /* edited since the import: left alone */
  GPtrArray *edited_paths;     /* of char *, relative to the wiki folder */
} CtLetterboxdReport;

void      ct_letterboxd_report_free (CtLetterboxdReport *self);
/* "Imported 12 reviews, 3 films new, 9 already in the wiki", translated;
 * mentions edited posts left alone. */
char     *ct_letterboxd_report_describe (const CtLetterboxdReport *self);

/* Called from the importing thread: @done of @total steps. */
typedef void (*CtLetterboxdProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* Imports the export at @path (a .zip or a folder) into @wiki. All or
 * nothing: a malformed row fails with CT_ERROR_INVALID naming the file and
 * line before anything is written; films are written in one transaction
 * and posts are written beside their folder and moved in only once it has
 * committed. Cancelling before that point changes nothing. */
CtLetterboxdReport *ct_letterboxd_import (CtWiki               *wiki,
                                          const char           *path,
                                          GCancellable         *cancellable,
                                          CtLetterboxdProgress  progress,
                                          gpointer              user_data,
                                          GError              **error);

/* A review's text as Letterboxd stores it (plain text with some HTML:
 * <i>, <b>, <br>, <p>, <a>, <blockquote>, entities) as Markdown that
 * renders the same: markup converted, every other character kept and
 * escaped so it is never read as Markdown, raw HTML or a reference. */
char     *ct_letterboxd_review_to_markdown (const char *html);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtLetterboxdReport, ct_letterboxd_report_free)

G_END_DECLS
