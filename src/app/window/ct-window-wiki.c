#define G_LOG_DOMAIN "ct-window-wiki"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-window-private.h"

/* Each page gets the wiki of its file's folder (issue #4): looked up when
 * the file is opened or saved somewhere new, re-indexed after each save.
 * A wiki that cannot be opened is a toast; the post works without it. */

typedef struct {
  CtWindow     *window;
  CtEditorPage *page;
  GFile        *file;
} WikiLookup;

static void
wiki_lookup_free (WikiLookup *lookup)
{
  g_object_unref (lookup->window);
  g_object_unref (lookup->page);
  g_object_unref (lookup->file);
  g_free (lookup);
}

static void
wiki_found_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  WikiLookup *lookup = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtWiki) wiki = ct_wiki_registry_lookup_finish (CT_WIKI_REGISTRY (object), result, &error);
  GFile *file = ct_document_get_file (ct_editor_page_get_document (lookup->page));

  /* Saved somewhere else meanwhile: that lookup decides. */
  if (file == NULL || !g_file_equal (file, lookup->file))
    {
      wiki_lookup_free (lookup);
      return;
    }

  if (error != NULL)
    _ct_window_show_notice (lookup->window, _("Wiki Not Opened"), error->message);
  else if (wiki != NULL && g_object_get_data (G_OBJECT (wiki), "ct-window-told") == NULL)
    {
      /* Said once per wiki, not once per tab: a wiki from a newer
       * Continuity still resolves references but is not changed, and a
       * failed daily backup is worth knowing about. */
      g_object_set_data (G_OBJECT (wiki), "ct-window-told", GINT_TO_POINTER (TRUE));
      if (ct_wiki_is_read_only (wiki))
        ct_window_add_toast (lookup->window, ct_wiki_get_read_only_reason (wiki));
      if (ct_wiki_get_backup_problem (wiki) != NULL)
        _ct_window_show_notice (lookup->window, _("Wiki Not Backed Up"),
                                ct_wiki_get_backup_problem (wiki));
    }
  ct_editor_page_set_wiki (lookup->page, wiki);
  /* A post opened from inside a wiki shows that wiki beside it. */
  if (wiki != NULL && lookup->window->wiki == NULL)
    _ct_window_set_wiki (lookup->window, wiki);
  wiki_lookup_free (lookup);
}

static void
on_file_changed_cb (CtEditorPage *page,
                    GParamSpec   *pspec,
                    CtDocument   *document)
{
  CtWindow *self = CT_WINDOW (gtk_widget_get_root (GTK_WIDGET (page)));
  CtWikiRegistry *registry = self ? self->wiki_registry : NULL;
  GFile *file = ct_document_get_file (document);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  WikiLookup *lookup;

  if (registry == NULL || path == NULL)
    return;

  lookup = g_new0 (WikiLookup, 1);
  lookup->window = g_object_ref (self);
  lookup->page = g_object_ref (page);
  lookup->file = g_object_ref (file);
  ct_wiki_registry_lookup_async (registry, path, NULL, wiki_found_cb, lookup);
}

static void
on_modified_changed_cb (CtEditorPage  *page,
                        GtkTextBuffer *buffer)
{
  CtWiki *wiki = ct_editor_page_get_wiki (page);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  CtWikiRegistry *registry = CT_IS_WINDOW (root) ? CT_WINDOW (root)->wiki_registry : NULL;

  /* Unmodified again: saved (or reloaded), so the post index may be
   * behind the file. Files that did not change are not even read. */
  if (wiki != NULL && registry != NULL && !gtk_text_buffer_get_modified (buffer))
    ct_wiki_registry_reindex (registry, wiki);
}

void
_ct_window_track_wiki (CtWindow     *self,
                       CtEditorPage *page)
{
  CtDocument *document = ct_editor_page_get_document (page);

  g_signal_connect_object (document, "notify::file",
                           G_CALLBACK (on_file_changed_cb), page, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "modified-changed",
                           G_CALLBACK (on_modified_changed_cb), page, G_CONNECT_SWAPPED);
  if (ct_document_get_file (document) != NULL)
    on_file_changed_cb (page, NULL, document);
}

static void
on_index_failed_cb (CtWindow       *self,
                    CtWiki         *wiki,
                    const char     *message,
                    CtWikiRegistry *registry)
{
  AdwTabView *tab_view = self->tab_view;
  gboolean ours = wiki == self->wiki;

  for (int i = 0; !ours && i < adw_tab_view_get_n_pages (tab_view); i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (tab_view, i));

      ours = CT_IS_EDITOR_PAGE (child) && ct_editor_page_get_wiki (CT_EDITOR_PAGE (child)) == wiki;
    }
  if (!ours)
    return;

  /* Only the index is behind: the posts themselves are saved. Say so, or
   * the user fears for the text. */
  {
    g_autofree char *body =
      g_strdup_printf (_("%s Your posts are saved; only the wiki’s list of posts and "
                         "their mentions may be out of date until the next save."),
                       message);

    _ct_window_show_notice (self, _("Post Index Not Updated"), body);
  }
}

void
_ct_window_wiki_init (CtWindow *self)
{
  if (self->wiki_registry != NULL)
    g_signal_connect_object (self->wiki_registry, "index-failed",
                             G_CALLBACK (on_index_failed_cb), self, G_CONNECT_SWAPPED);
}
