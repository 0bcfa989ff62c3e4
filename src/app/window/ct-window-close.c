#define G_LOG_DOMAIN "ct-window-close"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-editor-page-private.h"
#include "ct-window-private.h"

/* Closing: a tab with unsaved changes asks Save / Discard / Cancel; the
 * window asks once for all of them and saves them in turn, staying open
 * if one cannot be saved. Entity tabs have nothing unsaved. */

/* Closing one tab ------------------------------------------------------- */

typedef struct {
  CtWindow   *self;
  AdwTabPage *tab;
} CloseTab;

static void
close_tab_free (CloseTab *close)
{
  g_object_unref (close->self);
  g_object_unref (close->tab);
  g_free (close);
}

static void
close_tab_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CloseTab *close = user_data;

  adw_tab_view_close_page_finish (close->self->tab_view, close->tab,
                                  _ct_window_save_page_finish (close->self, result));
  close_tab_free (close);
}

static void
close_tab_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  CloseTab *close = user_data;
  CtEditorPage *page = CT_EDITOR_PAGE (adw_tab_page_get_child (close->tab));

  if (g_strcmp0 (response, "save") == 0)
    {
      _ct_window_save_page_async (close->self, page, FALSE, close_tab_saved_cb, close);
      return;
    }

  if (g_strcmp0 (response, "discard") == 0)
    {
      _ct_editor_page_discard_draft (page);
      adw_tab_view_close_page_finish (close->self->tab_view, close->tab, TRUE);
    }
  else
    adw_tab_view_close_page_finish (close->self->tab_view, close->tab, FALSE);

  close_tab_free (close);
}

static GtkWidget *
unsaved_dialog_new (CtWindow   *self,
                    const char *heading,
                    const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

gboolean
_ct_window_on_close_page (CtWindow   *self,
                  AdwTabPage *tab,
                  AdwTabView *tab_view)
{
  GtkWidget *child = adw_tab_page_get_child (tab);
  CtEditorPage *page = CT_IS_EDITOR_PAGE (child) ? CT_EDITOR_PAGE (child) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  CloseTab *close;

  /* An entity page has nothing unsaved: every edit is in the wiki. */
  if (page == NULL || !ct_editor_page_get_modified (page))
    {
      adw_tab_view_close_page_finish (tab_view, tab, TRUE);
      return GDK_EVENT_STOP;
    }

  adw_tab_view_set_selected_page (tab_view, tab);
  title = ct_editor_page_dup_title (page);
  heading = g_strdup_printf (_("Save Changes to “%s”?"), title);
  dialog = unsaved_dialog_new (self, heading,
                               _("If you don’t save, your changes will be lost."));

  close = g_new0 (CloseTab, 1);
  close->self = g_object_ref (self);
  close->tab = g_object_ref (tab);
  g_signal_connect (dialog, "response", G_CALLBACK (close_tab_response_cb), close);
  gtk_window_present (GTK_WINDOW (dialog));
  return GDK_EVENT_STOP;
}

/* Closing the window ---------------------------------------------------- */

static GPtrArray *
modified_pages (CtWindow *self)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_object_unref);
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, i);
      GtkWidget *page = adw_tab_page_get_child (tab);

      if (CT_IS_EDITOR_PAGE (page) && ct_editor_page_get_modified (CT_EDITOR_PAGE (page)))
        g_ptr_array_add (pages, g_object_ref (page));
    }
  return pages;
}

static void save_all_next (CtWindow  *self,
                           GPtrArray *pages);

static void
save_all_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GPtrArray) pages = user_data;
  CtWindow *self = CT_WINDOW (object);

  /* A page that could not be saved keeps the window open. */
  if (!_ct_window_save_page_finish (self, result))
    return;

  g_ptr_array_remove_index (pages, 0);
  save_all_next (self, g_steal_pointer (&pages));
}

static void
save_all_next (CtWindow  *self,
               GPtrArray *pages)
{
  if (pages->len == 0)
    {
      g_ptr_array_unref (pages);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  _ct_window_save_page_async (self, g_ptr_array_index (pages, 0), FALSE, save_all_cb, pages);
}

static void
close_window_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CtWindow         *self)
{
  g_autoptr(GPtrArray) pages = modified_pages (self);

  self->close_dialog = NULL;

  if (g_strcmp0 (response, "save") == 0)
    save_all_next (self, g_steal_pointer (&pages));
  else if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < pages->len; i++)
        _ct_editor_page_discard_draft (g_ptr_array_index (pages, i));
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

gboolean
_ct_window_ask_before_close (CtWindow *self)
{
  g_autoptr(GPtrArray) pages = modified_pages (self);
  g_autoptr(GString) body = NULL;
  g_autofree char *heading = NULL;

  if (pages->len == 0)
    return FALSE;

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return GDK_EVENT_STOP;
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Save Changes to %u Document?",
                                          "Save Changes to %u Documents?", pages->len),
                             pages->len);
  body = g_string_new (_("If you don’t save, your changes will be lost:"));
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *title = ct_editor_page_dup_title (g_ptr_array_index (pages, i));

      g_string_append_printf (body, "\n%s", title);
    }

  self->close_dialog = unsaved_dialog_new (self, heading, body->str);
  g_signal_connect_object (self->close_dialog, "response",
                           G_CALLBACK (close_window_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->close_dialog));
  return GDK_EVENT_STOP;
}

