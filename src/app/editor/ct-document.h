/* ct-document.h — one Markdown document: a GtkSourceBuffer and the file it
 * comes from, loaded and saved through GtkSourceFileLoader/Saver. */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define CT_TYPE_DOCUMENT (ct_document_get_type ())
G_DECLARE_FINAL_TYPE (CtDocument, ct_document, CT, DOCUMENT, GtkSourceBuffer)

CtDocument *ct_document_new                 (void);

/* NULL for a document that was never saved. */
GFile      *ct_document_get_file            (CtDocument          *self);

/* The file's name, or "Untitled Document". */
char       *ct_document_dup_title           (CtDocument          *self);

/* The whole text, UTF-8. */
char       *ct_document_dup_text            (CtDocument          *self);

/* TRUE while a load or save runs: the buffer must not be saved twice. */
gboolean    ct_document_get_busy            (CtDocument          *self);

/* Reads @file into the buffer (UTF-8, else ISO-8859-15 / Windows-1252) and
 * marks it unmodified. The error message is a sentence for the user. */
void        ct_document_load_async          (CtDocument          *self,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    ct_document_load_finish         (CtDocument          *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Saves as UTF-8 to @file (NULL: the current file), replacing it
 * atomically. Unless @overwrite_changes, fails with
 * GTK_SOURCE_FILE_SAVER_ERROR_EXTERNALLY_MODIFIED when the file changed
 * on disk since it was loaded or saved. */
void        ct_document_save_async          (CtDocument          *self,
                                             GFile               *file,
                                             gboolean             overwrite_changes,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    ct_document_save_finish         (CtDocument          *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Whether the file on disk changed (or vanished) since load or save;
 * "changed-on-disk" is emitted when that becomes true. */
gboolean    ct_document_get_changed_on_disk (CtDocument          *self);

/* The buffer now holds text based on an older version of the file (a
 * draft written before the file last changed): until the next load or
 * save, saving over the file fails with EXTERNALLY_MODIFIED unless
 * @overwrite_changes, so the user is asked. */
void        ct_document_mark_diverged       (CtDocument          *self);

/* Whether the file was deleted (or moved away) since load or save. */
gboolean    ct_document_get_file_deleted    (CtDocument          *self);

/* The encoding the file was read in when it was not UTF-8, else NULL. */
const GtkSourceEncoding *
            ct_document_get_converted_from  (CtDocument          *self);

/* Markdown with references (resources/language-specs), for every view
 * that shows Markdown: posts, entity notes. */
GtkSourceLanguage *ct_document_get_markdown_language (void);
/* Highlights the text as Continuity Markdown from now on. Not done when
 * the document is made: GtkSourceView reads and checks markdown.lang and
 * the HTML, CSS and JavaScript it embeds, a good part of a window's
 * start-up; the page calls this once its first frame is on the screen. */
void        ct_document_start_highlighting  (CtDocument          *self);

G_END_DECLS
