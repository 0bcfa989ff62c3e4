#define G_LOG_DOMAIN "ct-wiki-registry"

#include "config.h"

#include "ct-wiki-registry.h"

struct _CtWikiRegistry
{
  GObject     parent_instance;

  GHashTable *wikis;      /* canonical folder → CtWiki (weak) */
  GHashTable *indexing;   /* folder → GINT_TO_POINTER (run again?) */
};

enum {
  SIGNAL_INDEXED,
  SIGNAL_INDEX_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CtWikiRegistry, ct_wiki_registry, G_TYPE_OBJECT)

static void
wiki_finalized_cb (gpointer  user_data,
                   GObject  *where_the_object_was)
{
  CtWikiRegistry *self = user_data;
  GHashTableIter iter;
  gpointer wiki;

  g_hash_table_iter_init (&iter, self->wikis);
  while (g_hash_table_iter_next (&iter, NULL, &wiki))
    if (wiki == (gpointer) where_the_object_was)
      g_hash_table_iter_remove (&iter);
}

static void
remember (CtWikiRegistry *self,
          CtWiki         *wiki)
{
  g_hash_table_insert (self->wikis, g_strdup (ct_wiki_get_folder (wiki)), wiki);
  g_object_weak_ref (G_OBJECT (wiki), wiki_finalized_cb, self);
}

typedef struct {
  char   *path;
  char   *folder;
  CtWiki *wiki;
  GError *index_error;  /* the wiki opened, its post index did not */
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_free (lookup->path);
  g_free (lookup->folder);
  g_clear_object (&lookup->wiki);
  g_clear_error (&lookup->index_error);
  g_free (lookup);
}

/* Stats its way up the folders, then opens (which may back up and
 * migrate) and indexes the posts: all disk work, none of it on the UI
 * thread. */
static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Lookup *lookup = task_data;
  GError *error = NULL;

  lookup->folder = ct_wiki_find_folder (lookup->path);
  if (lookup->folder == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  lookup->wiki = ct_wiki_open (lookup->folder, CT_WIKI_OPEN_DEFAULT, &error);
  if (lookup->wiki == NULL)
    {
      /* A wiki on read-only media, or one we may not write: still worth
       * resolving against. Damaged files fail the same way again. */
      lookup->wiki = ct_wiki_open (lookup->folder, CT_WIKI_OPEN_READ_ONLY, NULL);
      if (lookup->wiki == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
    }
  if (!ct_wiki_is_read_only (lookup->wiki) &&
      !ct_wiki_index_posts (lookup->wiki, cancellable, &error))
    {
      /* The wiki works without an up-to-date post index; the window
       * says so (lookup_done_cb). */
      lookup->index_error = g_steal_pointer (&error);
    }
  g_task_return_boolean (task, TRUE);
}

static void
index_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *folder = task_data;
  g_autoptr(CtWiki) wiki = NULL;
  GError *error = NULL;

  /* A connection of its own: the main thread's must not cross threads,
   * and WAL lets both work at once. */
  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  if (wiki == NULL || !ct_wiki_index_posts (wiki, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void start_index (CtWikiRegistry *self, const char *folder);

static void
index_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CtWikiRegistry *self = CT_WIKI_REGISTRY (object);
  const char *folder = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean again;
  CtWiki *wiki;

  g_task_propagate_boolean (G_TASK (result), &error);

  again = GPOINTER_TO_INT (g_hash_table_lookup (self->indexing, folder));
  wiki = g_hash_table_lookup (self->wikis, folder);
  if (wiki != NULL && error != NULL)
    g_signal_emit (self, signals[SIGNAL_INDEX_FAILED], 0, wiki, error->message);
  else if (error != NULL)
    g_debug ("Could not index the posts of %s: %s", folder, error->message);
  if (wiki != NULL)
    g_signal_emit (self, signals[SIGNAL_INDEXED], 0, wiki);
  if (again && wiki != NULL)
    start_index (self, folder);
  else
    g_hash_table_remove (self->indexing, folder);
}

static void
start_index (CtWikiRegistry *self,
             const char     *folder)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, index_done_cb, NULL);

  g_hash_table_insert (self->indexing, g_strdup (folder), GINT_TO_POINTER (FALSE));
  g_task_set_source_tag (task, start_index);
  g_task_set_task_data (task, g_strdup (folder), g_free);
  g_task_run_in_thread (task, index_thread);
}

static void
ct_wiki_registry_dispose (GObject *object)
{
  CtWikiRegistry *self = CT_WIKI_REGISTRY (object);
  GHashTableIter iter;
  gpointer wiki;

  if (self->wikis != NULL)
    {
      g_hash_table_iter_init (&iter, self->wikis);
      while (g_hash_table_iter_next (&iter, NULL, &wiki))
        g_object_weak_unref (wiki, wiki_finalized_cb, self);
    }
  g_clear_pointer (&self->wikis, g_hash_table_unref);
  g_clear_pointer (&self->indexing, g_hash_table_unref);

  G_OBJECT_CLASS (ct_wiki_registry_parent_class)->dispose (object);
}

static void
ct_wiki_registry_class_init (CtWikiRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_wiki_registry_dispose;

  signals[SIGNAL_INDEXED] =
    g_signal_new ("indexed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CT_TYPE_WIKI);
  /* The post index of a wiki could not be brought up to date (another
   * program holds the database, the disk is full): a sentence for the
   * user, who would otherwise see stale post lists without a word. */
  signals[SIGNAL_INDEX_FAILED] =
    g_signal_new ("index-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, CT_TYPE_WIKI, G_TYPE_STRING);
}

static void
ct_wiki_registry_init (CtWikiRegistry *self)
{
  self->wikis = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->indexing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

CtWikiRegistry *
ct_wiki_registry_new (void)
{
  return g_object_new (CT_TYPE_WIKI_REGISTRY, NULL);
}

static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  CtWikiRegistry *self = g_task_get_source_object (outer);
  Lookup *lookup = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  CtWiki *existing;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  if (lookup->wiki == NULL)
    {
      g_task_return_pointer (outer, NULL, NULL);
      return;
    }

  /* Another tab may have opened the same wiki meanwhile: share that one. */
  existing = g_hash_table_lookup (self->wikis, ct_wiki_get_folder (lookup->wiki));
  if (existing != NULL)
    {
      g_task_return_pointer (outer, g_object_ref (existing), g_object_unref);
      return;
    }
  remember (self, lookup->wiki);
  existing = g_steal_pointer (&lookup->wiki);
  g_task_return_pointer (outer, existing, g_object_unref);
  /* After the caller had the wiki, so a window showing it can tell. */
  if (lookup->index_error != NULL)
    g_signal_emit (self, signals[SIGNAL_INDEX_FAILED], 0, existing, lookup->index_error->message);
}

void
ct_wiki_registry_lookup_async (CtWikiRegistry      *self,
                               const char          *path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  g_autofree char *canonical = NULL;
  Lookup *lookup;

  g_return_if_fail (CT_IS_WIKI_REGISTRY (self));
  g_return_if_fail (path != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, ct_wiki_registry_lookup_async);

  /* Always looked up from the disk, in the thread: a wiki nested inside
   * one we have open would be the nearer one. Opening twice is avoided
   * when the answer comes back (lookup_done_cb). */
  canonical = g_canonicalize_filename (path, NULL);
  lookup = g_new0 (Lookup, 1);
  lookup->path = g_steal_pointer (&canonical);
  inner = g_task_new (self, cancellable, lookup_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, lookup_thread);
  g_task_set_task_data (inner, lookup, (GDestroyNotify) lookup_free);
  g_task_run_in_thread (inner, lookup_thread);
}

CtWiki *
ct_wiki_registry_lookup_finish (CtWikiRegistry  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ct_wiki_registry_reindex (CtWikiRegistry *self,
                          CtWiki         *wiki)
{
  const char *folder;

  g_return_if_fail (CT_IS_WIKI_REGISTRY (self));
  g_return_if_fail (CT_IS_WIKI (wiki));

  if (ct_wiki_is_read_only (wiki))
    return;
  folder = ct_wiki_get_folder (wiki);
  if (g_hash_table_contains (self->indexing, folder))
    g_hash_table_insert (self->indexing, g_strdup (folder), GINT_TO_POINTER (TRUE));
  else
    start_index (self, folder);
}
