/* ct-drafts.h — unsaved text kept as drafts, so no typed word is lost to a
 * crash or a kill (DESIGN §9). A draft never touches the real file: it is
 * one file per document under g_get_user_data_dir()/continuity/drafts, a
 * versioned GVariant written atomically, deleted when the document is
 * really saved or its changes are discarded. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CT_TYPE_DRAFTS (ct_drafts_get_type ())
G_DECLARE_FINAL_TYPE (CtDrafts, ct_drafts, CT, DRAFTS, GObject)

typedef struct {
  char      *id;
  GFile     *file;     /* NULL for a document never saved */
  char      *text;
  GDateTime *saved;    /* when the draft was written */
} CtDraft;

void        ct_draft_free            (CtDraft              *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtDraft, ct_draft_free)

/* @directory NULL: the user's drafts directory. */
CtDrafts   *ct_drafts_new            (GFile                *directory);
GFile      *ct_drafts_get_directory  (CtDrafts             *self);

/* The draft id of a document saved in @file, or a new one for an
 * untitled document. */
char       *ct_drafts_id_for_file    (GFile                *file);
char       *ct_drafts_new_id         (void);

void        ct_drafts_save_async     (CtDrafts             *self,
                                      const char           *id,
                                      GFile                *file,
                                      const char           *text,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean    ct_drafts_save_finish    (CtDrafts             *self,
                                      GAsyncResult         *result,
                                      GError              **error);

/* The draft @id, or NULL without error when there is none. */
void        ct_drafts_load_async     (CtDrafts             *self,
                                      const char           *id,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
CtDraft    *ct_drafts_load_finish    (CtDrafts             *self,
                                      GAsyncResult         *result,
                                      GError              **error);

/* Every readable draft, oldest first (GPtrArray of CtDraft). */
void        ct_drafts_list_async     (CtDrafts             *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
GPtrArray  *ct_drafts_list_finish    (CtDrafts             *self,
                                      GAsyncResult         *result,
                                      GError              **error);

/* Deletes the draft @id, if any; failures are only logged, since a stale
 * draft is merely offered again later. */
void        ct_drafts_discard        (CtDrafts             *self,
                                      const char           *id);

/* Waits for queued writes to finish, then refuses further work: called
 * when the application shuts down, so a draft queued by the last closing
 * window is on disk before the process exits. */
void        ct_drafts_close          (CtDrafts             *self);

G_END_DECLS
