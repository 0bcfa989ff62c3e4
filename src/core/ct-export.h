/* ct-export.h — one post published as a file: the one path that
 * `continuity export` and the window's Export and Copy as HTML take, so
 * the app and the command line write the same bytes for the same text.
 *
 * It is ct_render() in an output mode plus what publishing adds: the
 * format's name, file extension and media type, the check of the site
 * URL, and a wiki opened for this export alone, so a caller on any
 * thread can pass a folder instead of its own (single-thread) CtWiki. */
#pragma once

#include "ct-render.h"
#include "ct-types.h"

G_BEGIN_DECLS

typedef enum {
  CT_EXPORT_STANDALONE,  /* one HTML file, stylesheet inline, sources as footnotes */
  CT_EXPORT_FRAGMENT,    /* the body HTML only, for a blog engine */
  CT_EXPORT_MARKDOWN,    /* references flattened, front matter kept (Hugo, Jekyll) */
} CtExportFormat;

#define CT_EXPORT_N_FORMATS 3

typedef struct {
  CtExportFormat  format;
  /* Where references are looked up; at most one of the two:
   * @wiki, an open wiki, used on the caller's thread (a CtWiki must not
   * cross threads); @wiki_folder, opened read-only for this export and
   * closed after it, so it may be called from any thread. Neither:
   * references stay unresolved, each with a diagnostic. */
  CtWiki         *wiki;
  const char     *wiki_folder;
  const char     *site_url;        /* references link to SITE_URL/KIND/SLUG.html;
                                    * NULL or "": plain text with a tooltip */
  gboolean        allow_raw_html;  /* FALSE: cmark's safe mode */
  CtRenderTheme   theme;           /* standalone only; AUTO follows the reader */
} CtExportOptions;

typedef struct {
  GBytes    *bytes;        /* the file, exactly as `continuity export -o` writes it */
  GPtrArray *diagnostics;  /* of CtDiagnostic, as `continuity check` prints them */
  char      *title;        /* front matter title, else first heading, else NULL */
} CtExportResult;

/* Renders @text (UTF-8, @length bytes or -1) in @options' format. Fails
 * on invalid UTF-8, a site URL that is not http(s) or a path, or a wiki
 * folder that cannot be opened; an unresolved reference is no failure:
 * it is marked in the output and listed in the diagnostics. */
CtExportResult *ct_export_post            (const char             *text,
                                           gssize                  length,
                                           const CtExportOptions  *options,
                                           GError                **error);
void            ct_export_result_free     (CtExportResult         *self);
/* How many of the diagnostics are errors. */
guint           ct_export_result_count_errors (const CtExportResult *self);

/* "standalone", "fragment", "markdown": the names of `--format`. */
const char     *ct_export_format_to_name  (CtExportFormat          format);
gboolean        ct_export_format_from_name (const char            *name,
                                           CtExportFormat         *format);
/* "auto", "light", "dark", "print": the names of `--theme`. */
const char     *ct_export_theme_to_name   (CtRenderTheme           theme);
gboolean        ct_export_theme_from_name (const char             *name,
                                           CtRenderTheme          *theme);
/* "html" or "md", without the dot. */
const char     *ct_export_format_get_extension (CtExportFormat     format);
/* "text/html" or "text/markdown". */
const char     *ct_export_format_get_mime_type (CtExportFormat     format);

/* References become links under the site URL: only web URLs and paths,
 * never a script-capable scheme (javascript:, data:). */
gboolean        ct_export_check_site_url  (const char             *url,
                                           GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtExportResult, ct_export_result_free)

G_END_DECLS
