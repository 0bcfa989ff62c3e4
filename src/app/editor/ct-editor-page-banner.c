/* ct-editor-page-banner.c — the banner on top of the page: a sentence and
 * the buttons its kind offers, from one table, and the changes on disk
 * that raise most banners. */
#define G_LOG_DOMAIN "ct-editor-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-editor-page-private.h"

/* What each banner offers: the label and action of its buttons, a NULL
 * label for none. A real save answers the banners marked so. */
static const struct {
  const char *secondary_label;
  const char *secondary_action;
  const char *primary_label;
  const char *primary_action;
  gboolean    answered_by_save;
} banners[N_BANNERS] = {
  [BANNER_NONE]              = { NULL },
  [BANNER_CHANGED_ON_DISK]   = { N_("_Keep Mine"), "page.keep-mine", N_("_Reload"), "page.reload", TRUE },
  [BANNER_DELETED_ON_DISK]   = { NULL, NULL, N_("_Save"), "win.save", TRUE },
  [BANNER_RELOAD_FAILED]     = { NULL, NULL, NULL, NULL, TRUE },
  [BANNER_DRAFT_RESTORED]    = { NULL, NULL, N_("_Discard Changes"), "page.discard-changes", TRUE },
  [BANNER_UNTITLED_RESTORED] = { NULL, NULL, NULL, NULL, TRUE },
  [BANNER_DRAFT_OLDER]       = { N_("_Discard Draft"), "page.discard-draft", N_("_Restore Draft"), "page.restore-draft", FALSE },
  [BANNER_CONVERTED]         = { NULL, NULL, NULL, NULL, TRUE },
};

static void
set_button (GtkButton  *button,
            const char *label,
            const char *action)
{
  gtk_widget_set_visible (GTK_WIDGET (button), label != NULL);
  gtk_button_set_label (button, label ? _(label) : "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
}

void
_ct_editor_page_set_banner (CtEditorPage *self,
                            BannerKind    kind,
                            const char   *message)
{
  g_debug ("Banner %d: %s", kind, message ? message : "(hidden)");
  self->banner = kind;

  if (kind == BANNER_NONE)
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }

  gtk_label_set_label (self->banner_label, message);
  set_button (self->banner_secondary, banners[kind].secondary_label, banners[kind].secondary_action);
  set_button (self->banner_primary, banners[kind].primary_label, banners[kind].primary_action);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CtEditorPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ct_document_load_finish (CT_DOCUMENT (object), result, &error))
    _ct_editor_page_set_banner (self, BANNER_RELOAD_FAILED, error->message);
}

void
_ct_editor_page_reload (CtEditorPage *self)
{
  GFile *file = ct_document_get_file (self->document);

  self->keep_mine = FALSE;
  _ct_editor_page_set_banner (self, BANNER_NONE, NULL);
  if (file != NULL)
    ct_document_load_async (self->document, file, self->cancellable, reload_cb, g_object_ref (self));
}

void
_ct_editor_page_changed_on_disk (CtEditorPage *self,
                                 CtDocument   *document)
{
  g_autofree char *title = ct_document_dup_title (document);
  g_autofree char *message = NULL;

  if (ct_document_get_file_deleted (document))
    {
      /* The text is all there is now: say so, and offer to write it back. */
      message = g_strdup_printf (_("“%s” was deleted or moved by another program. "
                                   "Save to write it back."), title);
      _ct_editor_page_set_banner (self, BANNER_DELETED_ON_DISK, message);
      return;
    }

  /* Nothing of the user's to lose: follow the file, as other editors do. */
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)))
    {
      _ct_editor_page_reload (self);
      return;
    }

  message = g_strdup_printf (_("“%s” was changed by another program. Reload it, or keep "
                               "your version and replace the file when you save."), title);
  _ct_editor_page_set_banner (self, BANNER_CHANGED_ON_DISK, message);
}

void
_ct_editor_page_hide_banner_on_save (CtEditorPage *self)
{
  if (banners[self->banner].answered_by_save)
    _ct_editor_page_set_banner (self, BANNER_NONE, NULL);
}

const char *
_ct_editor_page_get_banner (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  if (self->banner == BANNER_NONE)
    return NULL;
  return gtk_label_get_label (self->banner_label);
}
