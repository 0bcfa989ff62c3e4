/* ct-wiki-reader.h — a view's reads of its wiki, off the UI thread.
 *
 * The timeline and the graph views redraw from the wiki: when it changes
 * they wait for the burst of edits to end (an import, an undo of many
 * facts), then read on a worker with a read-only connection of its own (a
 * CtWiki is for one thread at a time; WAL lets it read while the window
 * writes). A newer read cancels the one running, and a late result of an
 * older one is dropped, never shown over a newer one. This object is that
 * pattern once, for both.
 */
#pragma once

#include <gio/gio.h>

#include "ct-wiki.h"

G_BEGIN_DECLS

/* Runs on the worker: reads what @data asks from @wiki (read-only, the
 * worker's own) and returns it, or NULL with @error set. */
typedef gpointer (*CtWikiReadFunc)     (CtWiki        *wiki,
                                        gpointer       data,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* On the UI thread, for the latest read only: @result (the callee's, to
 * free) or NULL and @error. */
typedef void     (*CtWikiReadDoneFunc) (gpointer       result,
                                        const GError  *error,
                                        gpointer       user_data);

#define CT_TYPE_WIKI_READER (ct_wiki_reader_get_type ())
G_DECLARE_FINAL_TYPE (CtWikiReader, ct_wiki_reader, CT, WIKI_READER, GObject)

/* @read makes results that @result_free frees; @done gets each latest
 * one with @user_data (the reader's owner, which calls
 * ct_wiki_reader_cancel() before it goes: no call comes after that, though
 * a worker still running keeps the reader alive). After the wiki changed and
 * stayed quiet for @delay_ms, the reader emits "refresh" for its owner to
 * read again with what it shows now. */
CtWikiReader *ct_wiki_reader_new      (guint               delay_ms,
                                       CtWikiReadFunc      read,
                                       GDestroyNotify      result_free,
                                       CtWikiReadDoneFunc  done,
                                       gpointer            user_data);

/* The wiki read and watched, or NULL; cancels what is under way. */
void          ct_wiki_reader_set_wiki (CtWikiReader       *self,
                                       CtWiki             *wiki);
CtWiki       *ct_wiki_reader_get_wiki (CtWikiReader       *self);

/* Reads with @data (taken, freed with @data_free on the worker's end),
 * cancelling the read under way and a refresh still waiting. Without a
 * wiki it does nothing and returns FALSE. */
gboolean      ct_wiki_reader_read     (CtWikiReader       *self,
                                       gpointer            data,
                                       GDestroyNotify      data_free);

/* Cancels the read under way and a refresh still waiting. */
void          ct_wiki_reader_cancel   (CtWikiReader       *self);

/* A read is under way or a refresh is waiting for the edits to end. */
gboolean      ct_wiki_reader_is_busy  (CtWikiReader       *self);

G_END_DECLS
