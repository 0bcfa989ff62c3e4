/* ct-site.h — the whole wiki and its posts as a static HTML site
 * (`continuity site`, DESIGN §8; docs/site.md).
 *
 * The site is a folder of plain files with relative links only, so it
 * works from file:// and from any sub-path of a web server. Everything is
 * written inside the output folder, whatever the wiki's titles, slugs and
 * post paths hold.
 */
#pragma once

#include <gio/gio.h>

#include "ct-wiki.h"

G_BEGIN_DECLS

/* The file that marks a folder as made by `continuity site`; it lists the
 * files the last export wrote, so stale ones can be removed. */
#define CT_SITE_MARKER ".continuity-site"

/* Called in the thread that runs ct_site_export as pages get done: about
 * a hundred times in all (not after every page), always for the last. */
typedef void (*CtSiteProgress) (guint    done,
                                guint    total,
                                gpointer user_data);

typedef struct {
  const char *output_dir;  /* created if missing; see ct_site_export */
  guint       jobs;        /* pages rendered in parallel; 0: one per CPU */
  gboolean    drafts;      /* include posts whose front matter says draft */
  GHashTable *post_files;  /* NULL, or the post files as just read (path in the
                            * wiki → struct stat, ct_wiki_posts_indexed): what
                            * tells a rerun whether a post changed, not read
                            * again */
} CtSiteOptions;

typedef struct {
  guint pages;             /* files written (their bytes changed or were new), style.css included */
  guint removed;           /* stale files of the previous export removed */
  guint kept;              /* files already there with the same bytes: not touched */
  guint rendered;          /* pages rendered: the others were left alone, made from
                            * the same inputs as the file there (ct-site-inputs.c) */
} CtSiteStats;

/* Exports @wiki as a static site. Uses the post index as it is: index
 * the posts first to include new files. Blocks until done; each worker
 * thread opens its own read-only connection to @wiki's folder.
 *
 * Refuses (CT_ERROR_EXISTS) an output folder that is not empty and has no
 * CT_SITE_MARKER: the site is never mixed into someone else's files. In a
 * marked folder, files the previous export wrote and this one did not are
 * removed; other files are left alone. A file whose bytes are already
 * there is not rewritten (the marker neither), so a rerun with nothing
 * changed writes nothing. The output is the same bytes whatever
 * @options->jobs is. */
gboolean ct_site_export (CtWiki              *wiki,
                         const CtSiteOptions *options,
                         CtSiteProgress       progress,
                         gpointer             user_data,
                         GCancellable        *cancellable,
                         CtSiteStats         *stats,
                         GError             **error);

G_END_DECLS
