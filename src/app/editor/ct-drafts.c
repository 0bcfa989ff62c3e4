#define G_LOG_DOMAIN "ct-drafts"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ct-drafts.h"

/* Version 1: (u version, s file URI or "", s text, x saved µs since epoch). */
#define DRAFT_VERSION 1
#define DRAFT_TYPE    G_VARIANT_TYPE ("(ussx)")
#define DRAFT_SUFFIX  ".draft"

struct _CtDrafts
{
  GObject      parent_instance;

  GFile       *directory;
  /* One worker: drafts of a document are written, read and deleted in the
   * order asked, so a late write never resurrects a discarded draft. */
  GThreadPool *pool;
};

G_DEFINE_FINAL_TYPE (CtDrafts, ct_drafts, G_TYPE_OBJECT)

typedef enum {
  OP_SAVE,
  OP_LOAD,
  OP_LIST,
  OP_DISCARD,
} OpKind;

typedef struct {
  OpKind  kind;
  char   *id;
  char   *uri;
  char   *text;
} Op;

static void
op_free (Op *op)
{
  g_free (op->id);
  g_free (op->uri);
  g_free (op->text);
  g_free (op);
}

void
ct_draft_free (CtDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->id);
  g_clear_object (&draft->file);
  g_free (draft->text);
  g_clear_pointer (&draft->saved, g_date_time_unref);
  g_free (draft);
}

static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
draft_path (CtDrafts   *self,
            const char *id)
{
  g_autofree char *dir = g_file_get_path (self->directory);
  g_autofree char *name = g_strconcat (id, DRAFT_SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

static CtDraft *
read_draft (CtDrafts    *self,
            const char  *id,
            GError     **error)
{
  g_autofree char *path = draft_path (self, id);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) variant = NULL;
  const char *uri, *text;
  guint32 version;
  gint64 saved;
  gsize length;
  CtDraft *draft;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  variant = g_variant_ref_sink (g_variant_new_from_bytes (DRAFT_TYPE, bytes, FALSE));

  /* A torn or foreign file must not crash us: only trust normal form. */
  if (!g_variant_is_normal_form (variant))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The draft “%s” is damaged and was left alone."), path);
      return NULL;
    }

  g_variant_get (variant, "(u&s&sx)", &version, &uri, &text, &saved);
  if (version != DRAFT_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The draft “%s” was written by another version of Continuity "
                     "and was left alone."), path);
      return NULL;
    }

  draft = g_new0 (CtDraft, 1);
  draft->id = g_strdup (id);
  draft->file = *uri ? g_file_new_for_uri (uri) : NULL;
  draft->text = g_strdup (text);
  {
    /* Microseconds count: a draft and a file written in the same second
     * must still compare the right way round. */
    g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_local (saved / G_USEC_PER_SEC);

    draft->saved = g_date_time_add (seconds, saved % G_USEC_PER_SEC);
  }
  return draft;
}

static void
run_op (GTask    *task,
        CtDrafts *self)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_file_get_path (self->directory);

  switch (op->kind)
    {
    case OP_SAVE:
      {
        g_autofree char *path = draft_path (self, op->id);
        g_autoptr(GVariant) variant = NULL;
        g_autoptr(GBytes) bytes = NULL;

        if (g_mkdir_with_parents (dir, 0700) != 0)
          {
            int saved_errno = errno;

            g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                     _("Could not create the drafts folder “%s”: %s"),
                                     dir, g_strerror (saved_errno));
            return;
          }

        variant = g_variant_ref_sink (g_variant_new ("(ussx)", DRAFT_VERSION,
                                                     op->uri ? op->uri : "",
                                                     op->text,
                                                     g_get_real_time ()));
        bytes = g_variant_get_data_as_bytes (variant);
        /* Atomic and durable: after a power loss either the old draft or
         * the new one is there, never half of one. */
        if (!g_file_set_contents_full (path,
                                       g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes),
                                       G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                       0600, &error))
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_boolean (task, TRUE);
      }
      break;

    case OP_LOAD:
      {
        CtDraft *draft = read_draft (self, op->id, &error);

        if (error != NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_pointer (task, draft, (GDestroyNotify) ct_draft_free);
      }
      break;

    case OP_LIST:
      {
        g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_draft_free);
        g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
        const char *name;

        while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
          {
            g_autofree char *id = NULL;
            g_autoptr(GError) draft_error = NULL;
            CtDraft *draft;

            if (!g_str_has_suffix (name, DRAFT_SUFFIX))
              continue;
            id = g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX));
            if (!id_is_valid (id))
              continue;
            draft = read_draft (self, id, &draft_error);
            if (draft != NULL)
              g_ptr_array_add (drafts, draft);
            else if (draft_error != NULL)
              g_warning ("%s", draft_error->message);
          }

        g_task_return_pointer (task, g_steal_pointer (&drafts), (GDestroyNotify) g_ptr_array_unref);
      }
      break;

    case OP_DISCARD:
      {
        g_autofree char *path = draft_path (self, op->id);

        if (g_unlink (path) != 0 && errno != ENOENT)
          g_warning ("Could not delete the draft “%s”: %s", path, g_strerror (errno));
        g_task_return_boolean (task, TRUE);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
worker (gpointer data,
        gpointer user_data)
{
  g_autoptr(GTask) task = data;

  run_op (task, user_data);
}

static void
ct_drafts_queue (CtDrafts            *self,
                 Op                  *op,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);

  if (self->pool == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               _("Continuity is quitting; the draft was not written."));
      g_object_unref (task);
      return;
    }

  g_thread_pool_push (self->pool, task, NULL);
}

static void
ct_drafts_dispose (GObject *object)
{
  ct_drafts_close (CT_DRAFTS (object));

  G_OBJECT_CLASS (ct_drafts_parent_class)->dispose (object);
}

static void
ct_drafts_finalize (GObject *object)
{
  CtDrafts *self = (CtDrafts *)object;

  g_clear_object (&self->directory);

  G_OBJECT_CLASS (ct_drafts_parent_class)->finalize (object);
}

static void
ct_drafts_class_init (CtDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_drafts_dispose;
  object_class->finalize = ct_drafts_finalize;
}

static void
ct_drafts_init (CtDrafts *self)
{
  /* The pool holds no reference on self: dispose drains it first. */
  self->pool = g_thread_pool_new (worker, self, 1, FALSE, NULL);
}

CtDrafts *
ct_drafts_new (GFile *directory)
{
  CtDrafts *self = g_object_new (CT_TYPE_DRAFTS, NULL);

  if (directory != NULL)
    self->directory = g_object_ref (directory);
  else
    self->directory = g_file_new_build_filename (g_get_user_data_dir (),
                                                 "continuity", "drafts", NULL);
  return self;
}

GFile *
ct_drafts_get_directory (CtDrafts *self)
{
  g_return_val_if_fail (CT_IS_DRAFTS (self), NULL);

  return self->directory;
}

char *
ct_drafts_id_for_file (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  return g_strdup_printf ("file-%.32s", digest);
}

char *
ct_drafts_new_id (void)
{
  return g_strconcat ("new-", g_uuid_string_random (), NULL);
}

void
ct_drafts_save_async (CtDrafts            *self,
                      const char          *id,
                      GFile               *file,
                      const char          *text,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Op *op;

  g_return_if_fail (CT_IS_DRAFTS (self));
  g_return_if_fail (id_is_valid (id));
  g_return_if_fail (!file || G_IS_FILE (file));
  g_return_if_fail (text != NULL);

  op = g_new0 (Op, 1);
  op->kind = OP_SAVE;
  op->id = g_strdup (id);
  op->uri = file ? g_file_get_uri (file) : NULL;
  op->text = g_strdup (text);
  ct_drafts_queue (self, op, ct_drafts_save_async, cancellable, callback, user_data);
}

gboolean
ct_drafts_save_finish (CtDrafts      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ct_drafts_load_async (CtDrafts            *self,
                      const char          *id,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Op *op;

  g_return_if_fail (CT_IS_DRAFTS (self));
  g_return_if_fail (id_is_valid (id));

  op = g_new0 (Op, 1);
  op->kind = OP_LOAD;
  op->id = g_strdup (id);
  ct_drafts_queue (self, op, ct_drafts_load_async, cancellable, callback, user_data);
}

CtDraft *
ct_drafts_load_finish (CtDrafts      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static int
compare_saved (gconstpointer a,
               gconstpointer b)
{
  const CtDraft *da = *(CtDraft * const *) a;
  const CtDraft *db = *(CtDraft * const *) b;

  return g_date_time_compare (da->saved, db->saved);
}

void
ct_drafts_list_async (CtDrafts            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Op *op;

  g_return_if_fail (CT_IS_DRAFTS (self));

  op = g_new0 (Op, 1);
  op->kind = OP_LIST;
  ct_drafts_queue (self, op, ct_drafts_list_async, cancellable, callback, user_data);
}

GPtrArray *
ct_drafts_list_finish (CtDrafts      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  GPtrArray *drafts;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  drafts = g_task_propagate_pointer (G_TASK (result), error);
  if (drafts != NULL)
    g_ptr_array_sort (drafts, compare_saved);
  return drafts;
}

void
ct_drafts_close (CtDrafts *self)
{
  g_return_if_fail (CT_IS_DRAFTS (self));

  /* Let queued writes finish: they hold text not saved anywhere else. */
  if (self->pool != NULL)
    {
      g_thread_pool_free (self->pool, FALSE, TRUE);
      self->pool = NULL;
    }
}

void
ct_drafts_discard (CtDrafts   *self,
                   const char *id)
{
  Op *op;

  g_return_if_fail (CT_IS_DRAFTS (self));
  g_return_if_fail (id_is_valid (id));

  op = g_new0 (Op, 1);
  op->kind = OP_DISCARD;
  op->id = g_strdup (id);
  ct_drafts_queue (self, op, ct_drafts_discard, NULL, NULL, NULL);
}
