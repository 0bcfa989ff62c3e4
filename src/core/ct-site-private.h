/* ct-site-private.h — what the files of the site export share.
 *
 * ct-site.c        the plan (which pages, which file names), the workers
 * ct-site-pages.c  one page as HTML, from the plan and a wiki connection
 * ct-site-files.c  writing a file only when its bytes changed
 * ct-site-search.c search.html: the index as JSON and the page's script
 * ct-site-inputs.c what the pages are made from, recorded in the marker
 * ct-site-output.c the output folder: marker, subfolders, stale files
 */
#pragma once

#include <sys/stat.h>

#include "ct-entity.h"
#include "ct-site.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

typedef enum {
  CT_SITE_PAGE_HOME,       /* index.html */
  CT_SITE_PAGE_TIMELINE,   /* timeline.html */
  CT_SITE_PAGE_KIND,       /* KIND/index.html */
  CT_SITE_PAGE_POST,       /* posts/SLUG.html */
  CT_SITE_PAGE_ENTITY,     /* KIND/SLUG.html */
  CT_SITE_PAGE_MEDIA,      /* media/NAME: copied from the wiki's media/ */
  CT_SITE_PAGE_SEARCH,     /* search.html */
} CtSitePageType;

typedef struct {
  CtEntity *entity;
  char     *file;          /* "film/john-wick.html" */
  char     *release;       /* films: the release_date fact, or NULL */
} CtSiteEntity;

typedef struct {
  CtPost   *post;
  char     *file;          /* "posts/ballerina-review.html" */
} CtSitePost;

typedef struct {
  CtSitePageType  type;
  guint           index;   /* KIND: the kind; POST, ENTITY, MEDIA: into the plan's arrays */
  char           *file;    /* relative to the output folder, '/'-separated */
} CtSitePage;

/* Everything the pages need to know about each other, gathered once in
 * the calling thread and only read by the workers. */
typedef struct {
  char        *wiki_folder;
  GPtrArray   *entities;   /* of CtSiteEntity, by title */
  GPtrArray   *posts;      /* of CtSitePost, published, newest first */
  GPtrArray   *films;      /* of CtSiteEntity (not owned), in release order */
  GPtrArray   *media;      /* of char *: "media/NAME", relative to the wiki */
  GHashTable  *entity_files;  /* id (gint64 *) → CtSiteEntity (not owned) */
  GHashTable  *post_files;    /* post path → file */
  guint        kind_count[CT_N_ENTITY_KINDS];
  GPtrArray   *pages;      /* of CtSitePage, in file order */
  /* What the entity pages would otherwise each ask the wiki (a few
   * queries per page), asked once for the whole wiki: id (gint64 *) →
   * GPtrArray of CtBacklink without context; and the sets of ids that
   * have a cast, scenes, events, appearances (ct-wiki.h). */
  GHashTable  *backlinks;
  GHashTable  *with_cast;
  GHashTable  *with_scenes;
  GHashTable  *with_events;
  GHashTable  *with_appearances;
  /* what the entity pages' templates ask, read once for all workers */
  CtWikiAnswers *answers;
  /* the site's name and header, for pages at the root and one folder
   * below it (ct_site_plan_headers) */
  char        *site_name;
  char        *header_root;
  char        *header_below;
} CtSitePlan;

/* (from ct-render.h, which is not included here: ct-site-inputs.c reads
 * ct-wiki-private.h, whose CtMention is another) */
typedef struct _CtRenderMemo CtRenderMemo;

/* The HTML of @page; @wiki is the calling thread's own connection, @memo
 * what its renders share (ct-render.h). */
char *ct_site_render_page (const CtSitePlan  *plan,
                           CtWiki            *wiki,
                           CtRenderMemo      *memo,
                           const CtSitePage  *page,
                           GError           **error);

/* Makes the plan's header strings, once its kinds are counted. */
void ct_site_plan_headers (CtSitePlan *plan);

/* The start of every page (head, the site's header with its links and
 * search box) and its end; @root leads back to the site's root ("" or
 * "../"). page_close frees @out and returns its text. */
void ct_site_page_open (GString          *out,
                        const CtSitePlan *plan,
                        const char       *root,
                        const char       *title,
                        const char       *body_class);
char *ct_site_page_close (GString *out);

/* search.html, with the site's index (ct-site-search.c) */
char *ct_site_render_search (const CtSitePlan *plan);

/* Reads @path (relative to the wiki @folder) without following a symbolic
 * link at any step: a link in the wiki must not publish a file from
 * elsewhere. */
char *ct_site_read_wiki_file (const char  *folder,
                              const char  *path,
                              gsize       *length,
                              GError     **error);

/* Writes @data to @dir/@file atomically, unless the file there already
 * holds exactly @data: then it is left untouched (same inode, same
 * mtime). @written says which. @absent: the caller knows no file is
 * there (a folder this export found empty), so it is not looked for.
 * @left (nullable): the file's state as it was left. */
gboolean ct_site_write_file (const char  *dir,
                             const char  *file,
                             const char  *data,
                             gsize        length,
                             gboolean     absent,
                             gboolean    *written,
                             struct stat *left,
                             GError     **error);

/* ct-site-output.c: the output folder. A path the marker may name (one or
 * two plain components); the files the previous export wrote, each with
 * its record ("" for none), or NULL with @error when the folder is not
 * empty and not marked (@empty: the folder was made or found empty); a
 * real subfolder (never a symbolic link); the
 * marker, listing @files and @extra with their @records, written only
 * when its bytes change (@wiki_line: what ct_site_inputs_key remembers
 * of the wiki, read back by the claim); and removing files of @previous that are not
 * @written (returns how many). */
gboolean    ct_site_is_path          (const char  *path);
/* (the table's strings are in *@text, which must outlive it) */
GHashTable *ct_site_claim_output     (const char  *dir,
                                      gboolean    *empty,
                                      char       **wiki_line,
                                      char       **text,
                                      GError     **error);
gboolean    ct_site_ensure_subfolder (const char  *dir,
                                      const char  *name,
                                      GError     **error);
gboolean    ct_site_write_marker     (const char  *dir,
                                      GPtrArray   *files,
                                      GHashTable  *extra,
                                      GHashTable  *records,
                                      const char  *wiki_line,
                                      GError     **error);
guint       ct_site_remove_stale     (const char  *dir,
                                      GHashTable  *previous,
                                      GHashTable  *written);

/* ct-site-inputs.c: the key of everything pages are made from (NULL and
 * @error when the wiki cannot be read), and the record of a file in the
 * marker: that key and the file's identity as it was left. @remembered:
 * the marker's line of the wiki (or NULL); *@remembered_now: the line
 * for the next marker (NULL: none). */
char *ct_site_inputs_key (const CtSitePlan     *plan,
                          CtWiki               *wiki,
                          const CtSiteOptions  *options,
                          const char           *remembered,
                          char                **remembered_now,
                          GError              **error);
/* For a fresh export, the key made beside the plan: a GThreadFunc taking
 * a CtSiteKeyJob, which it fills with the key and the wiki's line for the
 * marker, or the error. */
typedef struct {
  const CtSitePlan    *plan;
  const CtSiteOptions *options;
  char                *key;
  char                *wiki_line;
  GError              *error;
} CtSiteKeyJob;
gpointer ct_site_inputs_key_thread (gpointer job);
/* TRUE when every file @previous (the marker's) lists was made from @key
 * and is still as it was left; *@files is how many files that is. */
gboolean ct_site_nothing_changed (int         dirfd,
                                  const char *dir,
                                  GHashTable *previous,
                                  const char *key,
                                  guint      *files);
/* (a record is made from the state ct_site_write_file left the file in) */
char *ct_site_record_stat (const char        *key,
                           const struct stat *st);
/* TRUE, with the new record in @record, when @file is still the regular
 * file @previous records and made from @key: it can be left alone.
 * @dirfd: @dir opened, or -1 to go by its path. */
gboolean ct_site_record_current (int         dirfd,
                                 const char *dir,
                                 const char *file,
                                 const char *key,
                                 const char *previous,
                                 char      **record);

/* The site's stylesheet: the renderer's plus the site's own layout. */
GBytes *ct_site_stylesheet (void);

G_END_DECLS
