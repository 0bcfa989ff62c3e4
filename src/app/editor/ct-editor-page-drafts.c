/* ct-editor-page-drafts.c — the page's unsaved text kept as a draft: written
 * at most autosave-interval after the first undrafted change, however the
 * typing goes on; looked for after each load, restored or thrown away. The
 * draft never goes over the real file (STYLE §10). */
#define G_LOG_DOMAIN "ct-editor-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-editor-page-private.h"

typedef struct {
  CtEditorPage *self;
  CtDraft      *draft;
} DraftCheck;

static char *
format_time (GDateTime *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (now) == g_date_time_get_year (when) &&
      g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (when))
    return g_date_time_format (when, "%H:%M");
  return g_date_time_format (when, "%x %H:%M");
}

static void
draft_check_free (DraftCheck *check)
{
  g_object_unref (check->self);
  ct_draft_free (check->draft);
  g_free (check);
}

static void write_draft (CtEditorPage *self);

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CtEditorPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ct_drafts_save_finish (CT_DRAFTS (object), result, &error))
    g_warning ("Unsaved changes could not be kept as a draft: %s", error->message);

  self->draft_writing = FALSE;
  /* The text changed while the worker wrote: write the latest now, once,
   * rather than having queued one copy of the text per interval. */
  if (self->draft_again)
    {
      self->draft_again = FALSE;
      write_draft (self);
    }
}

static void
write_draft (CtEditorPage *self)
{
  g_autofree char *text = NULL;
  gsize length;

  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    return;

  if (self->draft_writing)
    {
      self->draft_again = TRUE;
      return;
    }

  self->draft_writing = TRUE;
  /* the page's copy, not the buffer's walk (this runs while typing) */
  text = ct_text_mirror_dup (_ct_editor_page_get_text_mirror (self), &length);
  ct_drafts_save_async (self->drafts, self->draft_id,
                        ct_document_get_file (self->document), text,
                        NULL, draft_saved_cb, g_object_ref (self));
}

static gboolean
save_draft_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;

  /* While the loader fills the buffer it is "modified" with half a file:
   * that is no draft. Try again once it is done. */
  if (ct_document_get_busy (self->document))
    return G_SOURCE_CONTINUE;

  self->draft_source = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

static void
file_info_for_draft_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  DraftCheck *check = user_data;
  CtEditorPage *self = check->self;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, NULL);
  g_autoptr(GDateTime) modified = info ? g_file_info_get_modification_date_time (info) : NULL;
  g_autofree char *when = format_time (check->draft->saved);
  g_autofree char *message = NULL;

  g_debug ("Draft %s is %s than the file", check->draft->id,
           modified == NULL || g_date_time_compare (check->draft->saved, modified) >= 0 ? "newer" : "older");
  if (modified == NULL || g_date_time_compare (check->draft->saved, modified) >= 0)
    {
      _ct_editor_page_apply_draft_text (self, check->draft->text);
      message = g_strdup_printf (_("Unsaved changes from %s were restored from a draft."), when);
      _ct_editor_page_set_banner (self, BANNER_DRAFT_RESTORED, message);
    }
  else
    {
      /* The file moved on since: never overwrite it with older text, but
       * never drop the draft silently either. */
      ct_draft_free (self->offered_draft);
      self->offered_draft = g_steal_pointer (&check->draft);
      message = g_strdup_printf (_("A draft from %s is older than the file on disk."), when);
      _ct_editor_page_set_banner (self, BANNER_DRAFT_OLDER, message);
    }

  draft_check_free (check);
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CtEditorPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDraft) draft = ct_drafts_load_finish (CT_DRAFTS (object), result, &error);
  g_autofree char *text = NULL;
  DraftCheck *check;

  if (error != NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  g_debug ("Draft %s: %s", self->draft_id, draft ? "found" : "none");
  if (draft == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  /* A draft of the very text on disk tells nothing new. */
  text = ct_document_dup_text (self->document);
  if (g_strcmp0 (text, draft->text) == 0)
    {
      g_debug ("Draft %s holds the file's text: discarded", draft->id);
      ct_drafts_discard (self->drafts, draft->id);
      return;
    }

  check = g_new0 (DraftCheck, 1);
  check->self = g_object_ref (self);
  check->draft = g_steal_pointer (&draft);
  g_file_query_info_async (ct_document_get_file (self->document),
                           G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, self->cancellable,
                           file_info_for_draft_cb, check);
}

void
_ct_editor_page_update_draft_id (CtEditorPage *self)
{
  GFile *file = ct_document_get_file (self->document);
  g_autofree char *new_id = file ? ct_drafts_id_for_file (file) : ct_drafts_new_id ();

  if (g_strcmp0 (new_id, self->draft_id) == 0)
    return;

  /* The text now lives in the file; the old draft must not come back. */
  if (self->draft_id != NULL)
    ct_drafts_discard (self->drafts, self->draft_id);
  g_free (self->draft_id);
  self->draft_id = g_steal_pointer (&new_id);
}

void
_ct_editor_page_schedule_draft (CtEditorPage *self)
{
  guint interval = g_settings_get_uint (self->settings, "autosave-interval");

  /* The clock starts at the first change not yet in a draft and is not
   * restarted by later keys: a writer who never pauses long still gets a
   * draft every @interval seconds, so at most that much typing is lost.
   * "changed" runs before the buffer marks itself modified: whether there
   * is anything to keep is decided when the timeout fires. */
  if (self->draft_source != 0)
    return;
  self->draft_source = g_timeout_add (MAX (interval, 1) * 1000, save_draft_cb, self);
}

void
_ct_editor_page_flush_draft (CtEditorPage *self)
{
  g_autofree char *text = NULL;

  if (self->draft_source == 0 && !self->draft_again)
    return;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_again = FALSE;
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    return;

  /* No coalescing here: the page is going away and the main loop may not
   * run again before exit. The worker writes in order, so this copy lands
   * after any write still in flight. */
  text = ct_document_dup_text (self->document);
  ct_drafts_save_async (self->drafts, self->draft_id,
                        ct_document_get_file (self->document), text,
                        NULL, NULL, NULL);
}

void
_ct_editor_page_look_for_draft (CtEditorPage *self)
{
  ct_drafts_load_async (self->drafts, self->draft_id, self->cancellable,
                        draft_loaded_cb, g_object_ref (self));
}

void
_ct_editor_page_apply_draft_text (CtEditorPage *self,
                                  const char   *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter start, end;

  /* One user action, so Undo brings back the file's text. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

void
_ct_editor_page_restore_draft (CtEditorPage  *self,
                               const CtDraft *draft)
{
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (CT_IS_EDITOR_PAGE (self));
  g_return_if_fail (draft != NULL);

  /* Adopt the draft's id, so going on typing updates that very draft. */
  g_free (self->draft_id);
  self->draft_id = g_strdup (draft->id);
  _ct_editor_page_apply_draft_text (self, draft->text);

  when = format_time (draft->saved);
  if (draft->file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (draft->file);

      message = g_strdup_printf (_("“%s” is no longer there; its unsaved text from %s was "
                                   "restored from a draft. Save it to keep it."), name, when);
    }
  else
    message = g_strdup_printf (_("This document was never saved; its text from %s was "
                                 "restored from a draft."), when);
  _ct_editor_page_set_banner (self, BANNER_UNTITLED_RESTORED, message);
}

void
_ct_editor_page_discard_draft (CtEditorPage *self)
{
  g_return_if_fail (CT_IS_EDITOR_PAGE (self));

  /* Nor may a write waiting behind one in flight bring it back. */
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_again = FALSE;
  ct_drafts_discard (self->drafts, self->draft_id);
}

const char *
_ct_editor_page_get_draft_id (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->draft_id;
}
