#define G_LOG_DOMAIN "ct-wiki-reader"

#include "config.h"

#include "ct-wiki-reader.h"

struct _CtWikiReader
{
  GObject             parent_instance;

  CtWiki             *wiki;
  guint               delay_ms;
  CtWikiReadFunc      read;
  GDestroyNotify      result_free;
  CtWikiReadDoneFunc  done;
  gpointer            user_data;

  GCancellable       *cancellable;   /* of the read under way, or NULL */
  guint               refresh_id;
};

G_DEFINE_FINAL_TYPE (CtWikiReader, ct_wiki_reader, G_TYPE_OBJECT)

enum {
  SIGNAL_REFRESH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  char           *folder;
  CtWikiReadFunc  read;
  GDestroyNotify  result_free;
  gpointer        data;
  GDestroyNotify  data_free;
} Request;

static void
request_free (Request *request)
{
  if (request->data_free != NULL)
    g_clear_pointer (&request->data, request->data_free);
  g_free (request->folder);
  g_free (request);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_open (request->folder, CT_WIKI_OPEN_READ_ONLY, &error);
  gpointer result;

  if (wiki == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result = request->read (wiki, request->data, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, request->result_free);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(CtWikiReader) self = data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &error);

  /* a newer read replaced this one, or the owner went: stale */
  if (cancellable != self->cancellable || g_cancellable_is_cancelled (cancellable))
    {
      if (value != NULL)
        self->result_free (value);
      return;
    }
  g_clear_object (&self->cancellable);
  self->done (value, error, self->user_data);
}

static gboolean
refresh_cb (gpointer data)
{
  CtWikiReader *self = data;

  self->refresh_id = 0;
  g_signal_emit (self, signals[SIGNAL_REFRESH], 0);
  return G_SOURCE_REMOVE;
}

static void
on_wiki_changed_cb (CtWikiReader *self,
                    gint64        id,
                    CtWiki       *wiki)
{
  /* a burst of edits reads once, after the last */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (self->delay_ms, refresh_cb, self);
}

static void
ct_wiki_reader_dispose (GObject *object)
{
  CtWikiReader *self = CT_WIKI_READER (object);

  ct_wiki_reader_cancel (self);
  if (self->wiki != NULL)
    g_signal_handlers_disconnect_by_data (self->wiki, self);
  g_clear_object (&self->wiki);

  G_OBJECT_CLASS (ct_wiki_reader_parent_class)->dispose (object);
}

static void
ct_wiki_reader_class_init (CtWikiReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_wiki_reader_dispose;

  /* The wiki changed and has been quiet since: read it again. */
  signals[SIGNAL_REFRESH] =
    g_signal_new ("refresh", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ct_wiki_reader_init (CtWikiReader *self)
{
}

CtWikiReader *
ct_wiki_reader_new (guint               delay_ms,
                    CtWikiReadFunc      read,
                    GDestroyNotify      result_free,
                    CtWikiReadDoneFunc  done,
                    gpointer            user_data)
{
  CtWikiReader *self;

  g_return_val_if_fail (read != NULL && result_free != NULL && done != NULL, NULL);

  self = g_object_new (CT_TYPE_WIKI_READER, NULL);
  self->delay_ms = delay_ms;
  self->read = read;
  self->result_free = result_free;
  self->done = done;
  self->user_data = user_data;
  return self;
}

void
ct_wiki_reader_set_wiki (CtWikiReader *self,
                         CtWiki       *wiki)
{
  g_return_if_fail (CT_IS_WIKI_READER (self));
  g_return_if_fail (wiki == NULL || CT_IS_WIKI (wiki));

  if (self->wiki == wiki)
    return;
  ct_wiki_reader_cancel (self);
  if (self->wiki != NULL)
    g_signal_handlers_disconnect_by_data (self->wiki, self);
  g_set_object (&self->wiki, wiki);
  if (wiki != NULL)
    g_signal_connect_object (wiki, "changed", G_CALLBACK (on_wiki_changed_cb), self, G_CONNECT_SWAPPED);
}

CtWiki *
ct_wiki_reader_get_wiki (CtWikiReader *self)
{
  g_return_val_if_fail (CT_IS_WIKI_READER (self), NULL);
  return self->wiki;
}

gboolean
ct_wiki_reader_read (CtWikiReader   *self,
                     gpointer        data,
                     GDestroyNotify  data_free)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_val_if_fail (CT_IS_WIKI_READER (self), FALSE);

  ct_wiki_reader_cancel (self);
  if (self->wiki == NULL)
    {
      if (data_free != NULL && data != NULL)
        data_free (data);
      return FALSE;
    }
  request = g_new0 (Request, 1);
  request->folder = g_strdup (ct_wiki_get_folder (self->wiki));
  request->read = self->read;
  request->result_free = self->result_free;
  request->data = data;
  request->data_free = data_free;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, ct_wiki_reader_read);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, read_thread);
  return TRUE;
}

void
ct_wiki_reader_cancel (CtWikiReader *self)
{
  g_return_if_fail (CT_IS_WIKI_READER (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

gboolean
ct_wiki_reader_is_busy (CtWikiReader *self)
{
  g_return_val_if_fail (CT_IS_WIKI_READER (self), FALSE);
  return self->cancellable != NULL || self->refresh_id != 0;
}
