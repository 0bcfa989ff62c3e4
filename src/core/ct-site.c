#define G_LOG_DOMAIN "ct-site"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ct-error.h"
#include "ct-site-private.h"
#include "ct-render.h"
#include "ct-slug.h"
#include "ct-wiki-cache.h"

/* `continuity site`: the plan of pages, the output folder and the workers.
 *
 * Safety (DESIGN §9): every file name is made here from [a-z0-9-] slugs
 * and fixed folder names, never from a title or a stored path; folders in
 * the output are created or checked to be real folders (not symbolic
 * links) before anything is written into them; each file is written
 * atomically. */

/* Media files larger than this are not copied (they are read whole). */
#define MAX_MEDIA_SIZE (256 * 1024 * 1024)

/* ---- the plan ---- */

static void
site_entity_free (CtSiteEntity *self)
{
  ct_entity_free (self->entity);
  g_free (self->file);
  g_free (self->release);
  g_free (self);
}

static void
site_post_free (CtSitePost *self)
{
  ct_post_free (self->post);
  g_free (self->file);
  g_free (self);
}

static void
site_page_free (CtSitePage *self)
{
  g_free (self->file);
  g_free (self);
}

static void
plan_free (CtSitePlan *plan)
{
  g_free (plan->wiki_folder);
  g_clear_pointer (&plan->films, g_ptr_array_unref);
  g_clear_pointer (&plan->media, g_ptr_array_unref);
  g_clear_pointer (&plan->entities, g_ptr_array_unref);
  g_clear_pointer (&plan->posts, g_ptr_array_unref);
  g_clear_pointer (&plan->entity_files, g_hash_table_unref);
  g_clear_pointer (&plan->post_files, g_hash_table_unref);
  g_clear_pointer (&plan->pages, g_ptr_array_unref);
  g_clear_pointer (&plan->backlinks, g_hash_table_unref);
  g_clear_pointer (&plan->with_cast, g_hash_table_unref);
  g_clear_pointer (&plan->with_scenes, g_hash_table_unref);
  g_clear_pointer (&plan->with_events, g_hash_table_unref);
  g_clear_pointer (&plan->with_appearances, g_hash_table_unref);
  g_clear_pointer (&plan->answers, ct_wiki_answers_free);
  g_free (plan->site_name);
  g_free (plan->header_root);
  g_free (plan->header_below);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtSitePlan, plan_free)

static void
add_page (CtSitePlan     *plan,
          CtSitePageType  type,
          guint           index,
          char           *file)
{
  CtSitePage *page = g_new0 (CtSitePage, 1);

  page->type = type;
  page->index = index;
  page->file = file;
  g_ptr_array_add (plan->pages, page);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(CtPost * const *) a)->path, (*(CtPost * const *) b)->path);
}

/* Post file names come from their paths ("posts/2025/review.md" →
 * "2025-review"), numbered in path order when two agree, so a post keeps
 * its page whether drafts are exported or not. */
static GHashTable *
post_slugs (GPtrArray *posts)
{
  g_autoptr(GPtrArray) by_path = g_ptr_array_sized_new (posts->len);  /* not owning */
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *slugs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < posts->len; i++)
    g_ptr_array_add (by_path, posts->pdata[i]);
  g_ptr_array_sort (by_path, compare_paths);
  for (guint i = 0; i < by_path->len; i++)
    {
      CtPost *post = g_ptr_array_index (by_path, i);
      const char *path = post->path;
      g_autofree char *stem = NULL;
      g_autofree char *base = NULL;
      char *slug = NULL;

      if (g_str_has_prefix (path, "posts/"))
        path += strlen ("posts/");
      stem = g_str_has_suffix (path, ".md") ? g_strndup (path, strlen (path) - 3) : g_strdup (path);
      base = ct_slug_from_title (stem, "post");
      for (guint n = 1; slug == NULL || g_hash_table_contains (taken, slug); n++)
        {
          g_free (slug);
          slug = ct_slug_with_suffix (base, n);
        }
      g_hash_table_add (taken, g_strdup (slug));
      g_hash_table_insert (slugs, post->path, slug);
    }
  return slugs;
}

static int
compare_release (gconstpointer a,
                 gconstpointer b)
{
  const CtSiteEntity *ea = *(CtSiteEntity * const *) a;
  const CtSiteEntity *eb = *(CtSiteEntity * const *) b;

  /* dated films first, by date; then undated ones; ties by title */
  if ((ea->release == NULL) != (eb->release == NULL))
    return ea->release == NULL ? 1 : -1;
  if (ea->release != NULL && strcmp (ea->release, eb->release) != 0)
    return strcmp (ea->release, eb->release);
  return g_utf8_collate (ea->entity->title, eb->entity->title);
}

static gboolean
plan_entities (CtSitePlan  *plan,
               CtWiki      *wiki,
               GError     **error)
{
  g_autoptr(GPtrArray) entities = ct_wiki_list_entities (wiki, -1, error);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) releases = NULL;

  if (entities == NULL)
    return FALSE;
  /* one query for every film's release date, not one per film */
  releases = ct_wiki_list_fact_texts (wiki, "release_date", error);
  if (releases == NULL)
    return FALSE;

  for (guint i = 0; i < entities->len; i++)
    {
      CtEntity *entity = g_ptr_array_index (entities, i);
      const char *kind = ct_entity_kind_to_string (entity->kind);
      g_autofree char *page = ct_slug_for_page (entity->slug, kind);
      CtSiteEntity *site_entity = g_new0 (CtSiteEntity, 1);
      gint64 *id = g_new (gint64, 1);

      site_entity->entity = ct_entity_copy (entity);
      site_entity->file = g_strdup_printf ("%s/%s.html", kind, page);
      /* Slugs are unique in a sound wiki; two that only agree after
       * cleaning (a hand-edited database) must not overwrite each other. */
      if (g_hash_table_contains (taken, site_entity->file))
        {
          g_free (site_entity->file);
          site_entity->file = g_strdup_printf ("%s/%s-%" G_GINT64_FORMAT ".html", kind, page, entity->id);
        }
      g_hash_table_add (taken, g_strdup (site_entity->file));

      if (entity->kind == CT_ENTITY_FILM)
        {
          site_entity->release = g_strdup (g_hash_table_lookup (releases, &entity->id));
          g_ptr_array_add (plan->films, site_entity);
        }

      *id = entity->id;
      g_hash_table_insert (plan->entity_files, id, site_entity);
      plan->kind_count[entity->kind]++;
      g_ptr_array_add (plan->entities, site_entity);
    }
  g_ptr_array_sort (plan->films, compare_release);

  /* The names, facts, casts and appearances the entity pages' templates
   * ask for, each read for the whole wiki here once rather than page by
   * page in every worker (a fifth of an export's CPU time was those
   * per-page statements); the entities just listed are kept for them. */
  plan->answers = ct_wiki_answers_new (wiki, entities, error);
  return plan->answers != NULL;
}

static gboolean
plan_posts (CtSitePlan           *plan,
            CtWiki               *wiki,
            const CtSiteOptions  *options,
            GError              **error)
{
  g_autoptr(GPtrArray) posts = ct_wiki_list_posts_uncounted (wiki, error);
  g_autoptr(GHashTable) slugs = NULL;

  if (posts == NULL)
    return FALSE;
  slugs = post_slugs (posts);

  for (guint i = 0; i < posts->len; i++)
    {
      CtPost *post = g_ptr_array_index (posts, i);
      CtSitePost *site_post;

      if (post->draft && !options->drafts)
        continue;
      site_post = g_new0 (CtSitePost, 1);
      site_post->file = g_strdup_printf ("posts/%s.html", (char *) g_hash_table_lookup (slugs, post->path));
      site_post->post = g_steal_pointer (&posts->pdata[i]);
      g_hash_table_insert (plan->post_files, site_post->post->path, site_post->file);
      g_ptr_array_add (plan->posts, site_post);
    }
  return TRUE;
}

/* Images and other files under media/ that posts show: copied as they
 * are. Only regular files directly in media/ with a plain name; links,
 * folders and hidden files stay behind. */
static gboolean
plan_media (CtSitePlan  *plan,
            GError     **error)
{
  g_autofree char *folder = g_build_filename (plan->wiki_folder, "media", NULL);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (folder, &st) != 0 || !S_ISDIR (st.st_mode))
    return TRUE;
  listing = g_dir_open (folder, 0, &local_error);
  if (listing == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_IO, _("Could not read the folder %s: %s"), folder, local_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!ct_site_is_path (name) || g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode)
          || st.st_size > MAX_MEDIA_SIZE)
        continue;
      g_ptr_array_add (plan->media, g_strdup_printf ("media/%s", name));
    }
  return TRUE;
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(CtSitePage * const *) a)->file, (*(CtSitePage * const *) b)->file);
}

/* The plan in two steps: first the media read from the folder, which the
 * inputs key needs (with the posts' paths, which it asks for alone:
 * ct_wiki_list_post_paths); the posts, the entities and the list of
 * pages only when some page may need rendering (plan_complete). */
static CtSitePlan *
plan_new (CtWiki               *wiki,
          const CtSiteOptions  *options,
          GError              **error)
{
  g_autoptr(CtSitePlan) plan = g_new0 (CtSitePlan, 1);

  plan->wiki_folder = g_strdup (ct_wiki_get_folder (wiki));
  plan->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) site_entity_free);
  plan->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) site_post_free);
  plan->films = g_ptr_array_new ();
  plan->media = g_ptr_array_new_with_free_func (g_free);
  plan->entity_files = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  plan->post_files = g_hash_table_new (g_str_hash, g_str_equal);
  plan->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) site_page_free);

  if (!plan_media (plan, error))
    return NULL;
  return g_steal_pointer (&plan);
}

static gboolean
plan_complete (CtSitePlan           *plan,
               CtWiki               *wiki,
               const CtSiteOptions  *options,
               GError              **error)
{
  if (!plan_posts (plan, wiki, options, error) || !plan_entities (plan, wiki, error))
    return FALSE;
  /* A few whole-wiki queries here instead of several per entity page in
   * the workers: per page they were most of an entity page's time (and
   * each query with a temporary b-tree allocates and faults in a fresh
   * page cache). */
  if ((plan->backlinks = ct_wiki_get_all_backlinks (wiki, error)) == NULL
      || (plan->with_cast = ct_wiki_list_with_cast (wiki, error)) == NULL
      || (plan->with_scenes = ct_wiki_list_with_scenes (wiki, error)) == NULL
      || (plan->with_events = ct_wiki_list_with_events (wiki, error)) == NULL
      || (plan->with_appearances = ct_wiki_list_with_appearances (wiki, error)) == NULL)
    return FALSE;
  ct_site_plan_headers (plan);

  add_page (plan, CT_SITE_PAGE_HOME, 0, g_strdup ("index.html"));
  add_page (plan, CT_SITE_PAGE_TIMELINE, 0, g_strdup ("timeline.html"));
  add_page (plan, CT_SITE_PAGE_SEARCH, 0, g_strdup ("search.html"));
  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    if (plan->kind_count[k] > 0)
      add_page (plan, CT_SITE_PAGE_KIND, k, g_strdup_printf ("%s/index.html", ct_entity_kind_to_string (k)));
  for (guint i = 0; i < plan->posts->len; i++)
    add_page (plan, CT_SITE_PAGE_POST, i,
              g_strdup (((CtSitePost *) g_ptr_array_index (plan->posts, i))->file));
  for (guint i = 0; i < plan->entities->len; i++)
    add_page (plan, CT_SITE_PAGE_ENTITY, i,
              g_strdup (((CtSiteEntity *) g_ptr_array_index (plan->entities, i))->file));
  for (guint i = 0; i < plan->media->len; i++)
    add_page (plan, CT_SITE_PAGE_MEDIA, i, g_strdup (g_ptr_array_index (plan->media, i)));
  /* a fixed order, so progress and errors do not depend on the wiki's */
  g_ptr_array_sort (plan->pages, compare_pages);
  return TRUE;
}

/* ---- writing ---- */

/* Writes @file unless its bytes are already there (ct-site-files.c);
 * counts it in @written_count when it was written. */
static gboolean
write_file (const char  *dir,
            const char  *file,
            const char  *data,
            gsize        length,
            gboolean     absent,
            guint       *written_count,
            struct stat *left,
            GError     **error)
{
  gboolean written = FALSE;

  g_assert (ct_site_is_path (file) || g_str_equal (file, CT_SITE_MARKER));
  if (!ct_site_write_file (dir, file, data, length, absent, &written, left, error))
    return FALSE;
  if (written && written_count != NULL)
    g_atomic_int_inc (written_count);
  return TRUE;
}

/* ---- the workers ---- */

/* A worker's connection lives for one export and reads most of the wiki
 * (each entity, its facts, the names its pages and posts refer to): at
 * the cache's usual 4,096 entries it filled and started again a few
 * times per export on a 2,000-entity wiki, reading the same rows again.
 * This bounds it still (at most the wiki's rows, copied once per worker,
 * and freed when the worker ends) while one export of a wiki of a few
 * tens of thousands of entities never starts over. */
#define WORKER_CACHE_ENTRIES 65536

typedef struct {
  const CtSitePlan *plan;
  const char       *output_dir;
  int               output_fd;   /* output_dir opened, or -1 */
  GCancellable     *cancellable;
  const char       *key;         /* what every page is made from */
  gboolean          empty;       /* the folder was empty: no page is there yet */
  GHashTable       *previous;    /* file → its record in the previous marker */
  char            **records;     /* per page: its record in the new marker */

  /* Only what the calling thread must hear about takes the lock: a
   * worker's end, a failure, and every report_every-th page for the
   * progress. Waking it after every page cost a context switch per
   * page, on a machine whose cores the workers need. */
  GMutex            lock;
  GCond             changed;
  guint             report_every;  /* 0: nobody listens to the progress */
  gint              next;        /* atomic: the next page to take */
  guint             done;        /* atomic: pages done */
  guint             written;     /* atomic: pages whose bytes changed */
  guint             rendered;    /* atomic: pages rendered (not skipped) */
  gint              failed;      /* atomic: error is set */
  guint             finished;    /* workers that stopped */
  GError           *error;       /* the first failure */
} Shared;

static void
fail (Shared *shared,
      GError *error)
{
  g_mutex_lock (&shared->lock);
  if (shared->error == NULL)
    shared->error = error;
  else
    g_error_free (error);
  g_atomic_int_set (&shared->failed, TRUE);
  g_cond_signal (&shared->changed);
  g_mutex_unlock (&shared->lock);
}

static gboolean
should_stop (Shared *shared)
{
  return g_atomic_int_get (&shared->failed);
}

/* Counts a page done; wakes the calling thread when it reports this one. */
static void
page_done (Shared *shared)
{
  guint done = (guint) g_atomic_int_add (&shared->done, 1) + 1;

  if (shared->report_every == 0
      || (done % shared->report_every != 0 && done != shared->plan->pages->len))
    return;
  g_mutex_lock (&shared->lock);
  g_cond_signal (&shared->changed);
  g_mutex_unlock (&shared->lock);
}

/* One worker: pages until none are left, each skipped when the file
 * there is still the one made from the same inputs (ct-site-inputs.c),
 * else rendered with the worker's own read-only connection (a CtWiki is
 * never shared between threads), opened when first needed. */
static void
worker (gpointer data,
        gpointer user_data)
{
  Shared *shared = user_data;
  const CtSitePlan *plan = shared->plan;
  g_autoptr(CtWiki) wiki = NULL;
  gboolean held = FALSE;
  struct stat left;
  CtRenderMemo *memo = NULL;
  GError *error = NULL;

  while (!should_stop (shared))
    {
      guint i = (guint) g_atomic_int_add (&shared->next, 1);
      const CtSitePage *page;
      g_autofree char *html = NULL;   /* or a media file's bytes */
      gsize length = 0;

      if (i >= plan->pages->len)
        break;
      if (g_cancellable_set_error_if_cancelled (shared->cancellable, &error))
        {
          fail (shared, error);
          break;
        }
      page = g_ptr_array_index (plan->pages, i);
      if (ct_site_record_current (shared->output_fd, shared->output_dir, page->file, shared->key,
                                  g_hash_table_lookup (shared->previous, page->file),
                                  &shared->records[i]))
        {
          page_done (shared);
          continue;
        }
      if (wiki == NULL && page->type != CT_SITE_PAGE_MEDIA)
        {
          /* one read transaction for all the worker's pages (see
           * ct_wiki_begin_reading) */
          wiki = ct_wiki_open (plan->wiki_folder, CT_WIKI_OPEN_READ_ONLY, &error);
          if (wiki == NULL || !ct_wiki_begin_reading (wiki, &error))
            {
              fail (shared, error);
              break;
            }
          /* Held for all the worker's pages: in one read transaction
           * nobody's commit can be seen, so what the connection read
           * stays true; otherwise each page's render asked SQLite
           * whether the file changed (a statement per page). */
          _ct_wiki_cache_set_limit (wiki, WORKER_CACHE_ENTRIES);
          /* the wiki cannot change in the transaction: its pages may
           * share what they resolved and read (CtRenderMemo) */
          memo = ct_render_memo_new ();
          ct_render_memo_set_answers (memo, plan->answers);
          _ct_wiki_cache_hold (wiki);
          held = TRUE;
        }
      g_atomic_int_inc (&shared->rendered);
      if (page->type == CT_SITE_PAGE_MEDIA)
        html = ct_site_read_wiki_file (plan->wiki_folder, page->file, &length, &error);
      else if ((html = ct_site_render_page (plan, wiki, memo, page, &error)) != NULL)
        length = strlen (html);
      if (html == NULL
          || !write_file (shared->output_dir, page->file, html, length, shared->empty,
                          &shared->written, &left, &error))
        {
          fail (shared, error);
          break;
        }
      shared->records[i] = ct_site_record_stat (shared->key, &left);
      page_done (shared);
    }

  if (held)
    _ct_wiki_cache_release (wiki);
  if (wiki != NULL)
    ct_wiki_end_reading (wiki);
  g_clear_pointer (&memo, ct_render_memo_free);
  g_clear_object (&wiki);
  g_mutex_lock (&shared->lock);
  shared->finished++;
  g_cond_signal (&shared->changed);
  g_mutex_unlock (&shared->lock);
}

static gboolean
render_pages (const CtSitePlan     *plan,
              const char           *output_dir,
              int                   output_fd,
              gboolean              empty,
              const char           *key,
              GHashTable           *previous,
              char                **records,
              guint                 jobs,
              CtSiteProgress        progress,
              gpointer              user_data,
              GCancellable         *cancellable,
              guint                *written,
              guint                *rendered,
              GError              **error)
{
  Shared shared = { .plan = plan, .output_dir = output_dir, .output_fd = output_fd, .cancellable = cancellable,
                    .key = key, .empty = empty, .previous = previous, .records = records,
                    /* about a hundred reports in all, the last page always */
                    .report_every = progress != NULL ? MAX (plan->pages->len / 100, 1) : 0 };
  GThreadPool *pool;
  guint reported = 0;
  guint total = plan->pages->len;

  g_mutex_init (&shared.lock);
  g_cond_init (&shared.changed);

  pool = g_thread_pool_new (worker, &shared, (int) jobs, TRUE, error);
  if (pool == NULL)
    return FALSE;
  for (guint i = 0; i < jobs; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);

  /* progress is reported from this thread, as the pages get done */
  g_mutex_lock (&shared.lock);
  while (TRUE)
    {
      while ((guint) g_atomic_int_get (&shared.done) == reported && shared.finished < jobs)
        g_cond_wait (&shared.changed, &shared.lock);
      if ((guint) g_atomic_int_get (&shared.done) != reported)
        {
          /* the last page is always reported, even when it was done
           * while the callback ran */
          reported = (guint) g_atomic_int_get (&shared.done);
          g_mutex_unlock (&shared.lock);
          if (progress != NULL)
            progress (reported, total, user_data);
          g_mutex_lock (&shared.lock);
          continue;
        }
      if (shared.finished == jobs)
        break;
    }
  g_mutex_unlock (&shared.lock);

  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&shared.lock);
  g_cond_clear (&shared.changed);

  *written += (guint) g_atomic_int_get (&shared.written);
  *rendered = (guint) g_atomic_int_get (&shared.rendered);
  if (shared.error != NULL)
    {
      g_propagate_error (error, shared.error);
      return FALSE;
    }
  return TRUE;
}

/* ---- the export ---- */

/* TRUE when @dir has no marker: no previous export to compare with, so
 * every page is planned and rendered whatever the key is. */
static gboolean
no_marker (const char *dir)
{
  g_autofree char *marker = g_build_filename (dir, CT_SITE_MARKER, NULL);
  GStatBuf st;

  return g_lstat (marker, &st) != 0;
}

/* The output folder opened, for checking and recording its files by name
 * within it (-1: by their whole paths). */
typedef int SiteFd;

static void
site_fd_close (SiteFd fd)
{
  close (fd);
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (SiteFd, site_fd_close, -1)

/* Phase timings, for G_MESSAGES_DEBUG=ct-site: where an export's time
 * goes, without a profiler. */
static void
phase_done (const char *phase,
            gint64     *since)
{
  gint64 now = g_get_monotonic_time ();

  g_debug ("%s: %.1f ms", phase, (now - *since) / 1000.0);
  *since = now;
}

gboolean
ct_site_export (CtWiki              *wiki,
                const CtSiteOptions *options,
                CtSiteProgress       progress,
                gpointer             user_data,
                GCancellable        *cancellable,
                CtSiteStats         *stats,
                GError             **error)
{
  g_autoptr(CtSitePlan) plan = NULL;
  g_autofree char *marker_text = NULL;   /* holds @previous's strings: freed after it */
  g_autoptr(GHashTable) previous = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GBytes) css = NULL;
  g_autofree char *key = NULL;
  g_autofree char *wiki_line = NULL;
  g_autofree char *wiki_line_before = NULL;
  g_autofree char **page_records = NULL;
  const char *dir;
  guint jobs;
  guint written = 0;
  guint rendered = 0;
  guint removed;
  gboolean empty;
  gboolean planned = FALSE;
  gboolean ok;
  g_auto(SiteFd) output_fd = -1;
  struct stat left;
  gint64 since = g_get_monotonic_time ();

  g_return_val_if_fail (CT_IS_WIKI (wiki), FALSE);
  g_return_val_if_fail (options != NULL && options->output_dir != NULL, FALSE);

  dir = options->output_dir;
  plan = plan_new (wiki, options, error);
  if (plan == NULL)
    return FALSE;
  phase_done ("media listed", &since);
  if (no_marker (dir))
    {
      CtSiteKeyJob job = { .plan = plan, .options = options };
      GThread *thread = g_thread_new ("ct-site-key", ct_site_inputs_key_thread, &job);
      planned = plan_complete (plan, wiki, options, error);
      g_thread_join (thread);
      wiki_line = job.wiki_line;
      if (!planned)
        {
          g_clear_error (&job.error);
          g_free (job.key);
          return FALSE;
        }
      if (job.key == NULL)
        {
          g_propagate_error (error, job.error);
          return FALSE;
        }
      key = job.key;
      phase_done ("plan and inputs key, side by side", &since);
      previous = ct_site_claim_output (dir, &empty, &wiki_line_before, &marker_text, error);
      if (previous == NULL)
        return FALSE;
      output_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
  else
    {
      /* claimed first: the marker may hold the wiki's digest */
      previous = ct_site_claim_output (dir, &empty, &wiki_line_before, &marker_text, error);
      if (previous == NULL)
        return FALSE;
      output_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      key = ct_site_inputs_key (plan, wiki, options, wiki_line_before, &wiki_line, error);
      if (key == NULL)
        return FALSE;
      phase_done ("inputs key", &since);
    }

  {
    guint kept;

    if (ct_site_nothing_changed (output_fd, dir, previous, key, &kept))
      {
        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          return FALSE;
        /* the same files, but the wiki's files moved (a checkpoint, the
         * app closing it): what the next run may reuse is updated */
        if (g_strcmp0 (wiki_line, wiki_line_before) != 0 && wiki_line != NULL
            && !ct_site_write_marker (dir, files, previous, previous, wiki_line, error))
          return FALSE;
        /* style.css is a file but not a page */
        if (progress != NULL)
          progress (kept - 1, kept - 1, user_data);
        if (stats != NULL)
          *stats = (CtSiteStats) { .pages = 0, .kept = kept, .removed = 0, .rendered = 0 };
        return TRUE;
      }
  }
  phase_done ("previous export checked", &since);
  if (!planned)
    {
      if (!plan_complete (plan, wiki, options, error))
        return FALSE;
      phase_done ("plan", &since);
    }

  g_ptr_array_add (files, "style.css");
  for (guint i = 0; i < plan->pages->len; i++)
    g_ptr_array_add (files, ((CtSitePage *) g_ptr_array_index (plan->pages, i))->file);
  for (guint i = 0; i < files->len; i++)
    g_hash_table_add (listed, files->pdata[i]);

  /* Marked before the first page, listing the old files too, with what
   * the previous export recorded of them: an export that stops half-way
   * leaves a folder the next one can take over, and a file it rewrote no
   * longer matches its record. With the same files as last time this is
   * the marker that is already there, and nothing is written. */
  if (!ct_site_write_marker (dir, files, previous, previous, wiki_line, error))
    return FALSE;

  if (plan->posts->len > 0 && !ct_site_ensure_subfolder (dir, "posts", error))
    return FALSE;
  if (plan->media->len > 0 && !ct_site_ensure_subfolder (dir, "media", error))
    return FALSE;
  for (guint k = 0; k < CT_N_ENTITY_KINDS; k++)
    if (plan->kind_count[k] > 0 && !ct_site_ensure_subfolder (dir, ct_entity_kind_to_string (k), error))
      return FALSE;

  css = ct_site_stylesheet ();
  if (!write_file (dir, "style.css", g_bytes_get_data (css, NULL), g_bytes_get_size (css), empty,
                   &written, &left, error))
    return FALSE;
  g_hash_table_insert (records, "style.css", ct_site_record_stat (key, &left));

  jobs = options->jobs > 0 ? options->jobs : g_get_num_processors ();
  jobs = CLAMP (jobs, 1, MAX (plan->pages->len, 1));
  page_records = g_new0 (char *, plan->pages->len + 1);
  phase_done ("marker, folders, style.css", &since);
  ok = render_pages (plan, dir, output_fd, empty, key, previous, page_records, jobs, progress, user_data, cancellable,
                     &written, &rendered, error);
  /* the records move into the hash table, which frees them */
  for (guint i = 0; i < plan->pages->len; i++)
    if (page_records[i] != NULL)
      g_hash_table_insert (records, ((CtSitePage *) g_ptr_array_index (plan->pages, i))->file,
                           page_records[i]);
  if (!ok)
    return FALSE;
  phase_done ("pages", &since);

  removed = ct_site_remove_stale (dir, previous, listed);
  if (stats != NULL)
    {
      stats->pages = written;
      stats->kept = files->len - written;
      stats->removed = removed;
      stats->rendered = rendered;
    }

  ok = ct_site_write_marker (dir, files, NULL, records, wiki_line, error);
  phase_done ("stale files removed, marker", &since);
  return ok;
}
