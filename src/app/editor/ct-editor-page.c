#define G_LOG_DOMAIN "ct-editor-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-editor-page.h"
#include "ct-text-stats.h"
#include "ct-preview.h"
/* The wiki half (issue #4): problems, completion, entity cards. */
#include "ct-completion-provider.h"
#include "ct-entity-popover.h"
#include "ct-problems.h"

typedef enum {
  BANNER_NONE,
  BANNER_CHANGED_ON_DISK,
  BANNER_DRAFT_RESTORED,
  BANNER_DRAFT_OLDER,
  BANNER_CONVERTED,
} BannerKind;

struct _CtEditorPage
{
  GtkWidget          parent_instance;

  CtDocument        *document;
  CtDrafts          *drafts;
  GSettings         *settings;
  GtkWidget         *preview;
  char              *draft_id;
  char              *view_mode;
  CtDraft           *offered_draft;   /* an older draft the user may restore */
  GCancellable      *cancellable;

  BannerKind         banner;
  guint              draft_source;
  guint              stats_source;
  guint              text_source;
  guint              scroll_source;
  guint              ignore_scroll_source;
  guint              keep_mine : 1;

  GtkRevealer       *banner_revealer;
  GtkLabel          *banner_label;
  GtkButton         *banner_primary;
  GtkButton         *banner_secondary;
  GtkRevealer       *search_revealer;
  CtSearchBar       *search_bar;
  GtkScrolledWindow *editor_scroller;
  GtkSourceView     *view;
  GtkBox            *preview_box;
  GtkLabel          *words_label;
  GtkLabel          *position_label;

  CtWiki               *wiki;
  CtProblems           *problems;
  CtCompletionProvider *completion;
  CtEntityPopover      *entity_popover;
};

G_DEFINE_FINAL_TYPE (CtEditorPage, ct_editor_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_DRAFTS,
  PROP_MODIFIED,
  PROP_TITLE,
  PROP_VIEW_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_banner (CtEditorPage *self,
            BannerKind    kind,
            const char   *message,
            const char   *secondary_label,
            const char   *secondary_action,
            const char   *primary_label,
            const char   *primary_action)
{
  g_debug ("Banner %d: %s", kind, message ? message : "(hidden)");
  self->banner = kind;

  if (kind == BANNER_NONE)
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }

  gtk_label_set_label (self->banner_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_secondary), secondary_label != NULL);
  gtk_button_set_label (self->banner_secondary, secondary_label ? secondary_label : "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_secondary), secondary_action);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_primary), primary_label != NULL);
  gtk_button_set_label (self->banner_primary, primary_label ? primary_label : "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_primary), primary_action);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

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
update_draft_id (CtEditorPage *self)
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

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ct_drafts_save_finish (CT_DRAFTS (object), result, &error))
    g_warning ("Unsaved changes could not be kept as a draft: %s", error->message);
}

static gboolean
save_draft_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;
  g_autofree char *text = NULL;

  /* While the loader fills the buffer it is "modified" with half a file:
   * that is no draft. Try again once it is done. */
  if (ct_document_get_busy (self->document))
    return G_SOURCE_CONTINUE;

  self->draft_source = 0;

  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    return G_SOURCE_REMOVE;

  text = ct_document_dup_text (self->document);
  ct_drafts_save_async (self->drafts, self->draft_id,
                        ct_document_get_file (self->document), text,
                        NULL, draft_saved_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_draft (CtEditorPage *self)
{
  guint interval = g_settings_get_uint (self->settings, "autosave-interval");

  /* "changed" runs before the buffer marks itself modified: whether there
   * is anything to keep is decided when the timeout fires. */
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add_seconds (MAX (interval, 1), save_draft_cb, self);
}

static gboolean
update_stats_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;
  g_autofree char *text = ct_document_dup_text (self->document);
  guint words = ct_text_count_words (text, -1);
  guint minutes = ct_text_reading_time (words);
  g_autofree char *words_text = NULL;
  g_autofree char *label = NULL;

  self->stats_source = 0;

  words_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  if (minutes > 0)
    /* Translators: "120 words · 1 min read" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u min read", "%s · %u min read", minutes),
                             words_text, minutes);
  else
    label = g_steal_pointer (&words_text);
  gtk_label_set_label (self->words_label, label);
  return G_SOURCE_REMOVE;
}

static gboolean
push_text_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;

  self->text_source = 0;
  {
    g_autofree char *text = ct_document_dup_text (self->document);

    ct_preview_set_text (CT_PREVIEW (self->preview), text, -1);
    ct_problems_text_sent (self->problems);
  }
  return G_SOURCE_REMOVE;
}

static void
update_position (CtEditorPage *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  g_autofree char *label = NULL;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  /* Translators: cursor position, line and column */
  label = g_strdup_printf (_("Ln %d, Col %u"),
                           gtk_text_iter_get_line (&iter) + 1,
                           gtk_source_view_get_visual_column (self->view, &iter) + 1);
  gtk_label_set_label (self->position_label, label);
}

static guint
top_visible_line (CtEditorPage *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->editor_scroller);
  GtkTextIter iter;

  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->view), &iter,
                               (int) gtk_adjustment_get_value (vadj), NULL);
  return gtk_text_iter_get_line (&iter) + 1;
}

static gboolean
sync_scroll_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;

  self->scroll_source = 0;
  if (g_settings_get_boolean (self->settings, "sync-scroll") &&
      g_strcmp0 (self->view_mode, "split") == 0)
    ct_preview_scroll_to_line (CT_PREVIEW (self->preview), top_visible_line (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_sync_scroll (CtEditorPage *self)
{
  /* A scroll we caused from the preview must not bounce back to it. */
  if (self->ignore_scroll_source != 0 || self->scroll_source != 0)
    return;
  self->scroll_source = g_idle_add_full (G_PRIORITY_LOW, sync_scroll_cb, self, NULL);
}

static void
on_vadjustment_changed_cb (CtEditorPage  *self,
                           GtkAdjustment *adjustment)
{
  schedule_sync_scroll (self);
}

static void
on_buffer_changed_cb (CtEditorPage  *self,
                      GtkTextBuffer *buffer)
{
  schedule_draft (self);

  /* Counting words of a long text on every key would lag typing: count once
   * the burst is over. The preview coalesces itself; an idle only spares
   * copying the text more than once per frame. */
  g_clear_handle_id (&self->stats_source, g_source_remove);
  self->stats_source = g_timeout_add (150, update_stats_cb, self);
  if (self->text_source == 0)
    self->text_source = g_idle_add (push_text_cb, self);
}

static void
on_cursor_moved_cb (CtEditorPage  *self,
                    GParamSpec    *pspec,
                    GtkTextBuffer *buffer)
{
  update_position (self);
  schedule_sync_scroll (self);
}

static void
on_modified_changed_cb (CtEditorPage  *self,
                        GtkTextBuffer *buffer)
{
  if (!gtk_text_buffer_get_modified (buffer))
    g_clear_handle_id (&self->draft_source, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_title_changed_cb (CtEditorPage *self,
                     GParamSpec   *pspec,
                     CtDocument   *document)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
on_file_changed_cb (CtEditorPage *self,
                    GParamSpec   *pspec,
                    CtDocument   *document)
{
  GFile *file = ct_document_get_file (document);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *uri = parent ? g_file_get_uri (parent) : NULL;
      g_autofree char *base = uri ? g_strconcat (uri, g_str_has_suffix (uri, "/") ? "" : "/", NULL) : NULL;

      ct_preview_set_base_uri (CT_PREVIEW (self->preview), base);
    }
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CtEditorPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ct_document_load_finish (CT_DOCUMENT (object), result, &error))
    set_banner (self, BANNER_CHANGED_ON_DISK, error->message, NULL, NULL, NULL, NULL);
}

static void
reload (CtEditorPage *self)
{
  GFile *file = ct_document_get_file (self->document);

  self->keep_mine = FALSE;
  set_banner (self, BANNER_NONE, NULL, NULL, NULL, NULL, NULL);
  if (file != NULL)
    ct_document_load_async (self->document, file, self->cancellable, reload_cb, g_object_ref (self));
}

static void
on_changed_on_disk_cb (CtEditorPage *self,
                       CtDocument   *document)
{
  g_autofree char *title = ct_document_dup_title (document);
  g_autofree char *message = NULL;

  if (ct_document_get_file_deleted (document))
    {
      /* The text is all there is now: say so, and offer to write it back. */
      message = g_strdup_printf (_("“%s” was deleted or moved by another program. "
                                   "Save to write it back."), title);
      set_banner (self, BANNER_CHANGED_ON_DISK, message,
                  NULL, NULL, _("_Save"), "win.save");
      return;
    }

  /* Nothing of the user's to lose: follow the file, as other editors do. */
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)))
    {
      reload (self);
      return;
    }

  message = g_strdup_printf (_("“%s” was changed by another program. Reload it, or keep "
                               "your version and replace the file when you save."), title);
  set_banner (self, BANNER_CHANGED_ON_DISK, message,
              _("_Keep Mine"), "page.keep-mine",
              _("_Reload"), "page.reload");
}

static void
apply_draft_text (CtEditorPage *self,
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

typedef struct {
  CtEditorPage *self;
  CtDraft      *draft;
} DraftCheck;

static void
draft_check_free (DraftCheck *check)
{
  g_object_unref (check->self);
  ct_draft_free (check->draft);
  g_free (check);
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
      apply_draft_text (self, check->draft->text);
      message = g_strdup_printf (_("Unsaved changes from %s were restored from a draft."), when);
      set_banner (self, BANNER_DRAFT_RESTORED, message,
                  NULL, NULL, _("_Discard Changes"), "page.discard-changes");
    }
  else
    {
      /* The file moved on since: never overwrite it with older text, but
       * never drop the draft silently either. */
      ct_draft_free (self->offered_draft);
      self->offered_draft = g_steal_pointer (&check->draft);
      message = g_strdup_printf (_("A draft from %s is older than the file on disk."), when);
      set_banner (self, BANNER_DRAFT_OLDER, message,
                  _("_Discard Draft"), "page.discard-draft",
                  _("_Restore Draft"), "page.restore-draft");
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

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CtEditorPage *self = g_task_get_source_object (task);
  const GtkSourceEncoding *converted;
  GError *error = NULL;

  if (!ct_document_load_finish (CT_DOCUMENT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  update_draft_id (self);

  converted = ct_document_get_converted_from (self->document);
  if (converted != NULL)
    {
      g_autofree char *title = ct_document_dup_title (self->document);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not UTF-8: it was read as %s, and will be saved as UTF-8."),
                         title, gtk_source_encoding_get_name (converted));

      set_banner (self, BANNER_CONVERTED, message, NULL, NULL, NULL, NULL);
    }

  ct_drafts_load_async (self->drafts, self->draft_id, self->cancellable,
                        draft_loaded_cb, g_object_ref (self));
  g_task_return_boolean (task, TRUE);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CtEditorPage *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!ct_document_save_finish (CT_DOCUMENT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A real save makes the draft pointless (and a Save As gives a new id). */
  ct_drafts_discard (self->drafts, self->draft_id);
  update_draft_id (self);
  self->keep_mine = FALSE;
  if (self->banner == BANNER_CHANGED_ON_DISK || self->banner == BANNER_DRAFT_RESTORED ||
      self->banner == BANNER_CONVERTED)
    set_banner (self, BANNER_NONE, NULL, NULL, NULL, NULL, NULL);
  g_task_return_boolean (task, TRUE);
}

static gboolean
end_ignore_scroll_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;

  self->ignore_scroll_source = 0;
  return G_SOURCE_REMOVE;
}

static void
on_preview_line_activated_cb (CtEditorPage *self,
                              guint         line,
                              CtPreview    *preview)
{
  g_clear_handle_id (&self->ignore_scroll_source, g_source_remove);
  self->ignore_scroll_source = g_timeout_add (300, end_ignore_scroll_cb, self);
  ct_editor_page_go_to_line (self, line);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* A click on a reference: the entity's card, at the link, until entities
 * have pages of their own. */
static void
on_preview_link_activated_cb (CtEditorPage *self,
                              const char   *uri,
                              CtPreview    *preview)
{
  gint64 id = ct_entity_id_from_uri (uri);
  g_autoptr(GError) error = NULL;
  GdkRectangle rect;
  graphene_point_t point;

  if (id == 0 || self->wiki == NULL)
    return;
  if (!ct_entity_popover_set_entity (self->entity_popover, self->wiki, id, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  if (ct_preview_get_link_rect (preview, &rect) &&
      gtk_widget_compute_point (GTK_WIDGET (ct_preview_get_web_view (preview)), GTK_WIDGET (self),
                                &GRAPHENE_POINT_INIT (rect.x, rect.y), &point))
    {
      rect.x = (int) point.x;
      rect.y = (int) point.y;
      gtk_popover_set_pointing_to (GTK_POPOVER (self->entity_popover), &rect);
    }
  gtk_popover_popup (GTK_POPOVER (self->entity_popover));
}

static void
page_next_problem_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  ct_problems_go_next (self->problems, g_str_equal (action_name, "page.previous-problem"));
}

static void
on_search_stop_cb (CtEditorPage *self,
                   CtSearchBar  *search_bar)
{
  ct_search_bar_end (search_bar);
  gtk_revealer_set_reveal_child (self->search_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
apply_view_mode (CtEditorPage *self)
{
  gboolean editor = g_strcmp0 (self->view_mode, "preview") != 0;
  gboolean preview = g_strcmp0 (self->view_mode, "editor") != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->editor_scroller), editor);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_box), preview);
}

static void
page_reload_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  reload (CT_EDITOR_PAGE (widget));
}

static void
page_keep_mine_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  self->keep_mine = TRUE;
  set_banner (self, BANNER_NONE, NULL, NULL, NULL, NULL, NULL);
}

static void
page_dismiss_banner_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  set_banner (CT_EDITOR_PAGE (widget), BANNER_NONE, NULL, NULL, NULL, NULL, NULL);
}

static void
page_discard_changes_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  ct_editor_page_discard_draft (self);
  reload (self);
}

static void
page_discard_draft_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  ct_editor_page_discard_draft (self);
  g_clear_pointer (&self->offered_draft, ct_draft_free);
  set_banner (self, BANNER_NONE, NULL, NULL, NULL, NULL, NULL);
}

static void
page_restore_draft_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  if (self->offered_draft != NULL)
    apply_draft_text (self, self->offered_draft->text);
  g_clear_pointer (&self->offered_draft, ct_draft_free);
  set_banner (self, BANNER_NONE, NULL, NULL, NULL, NULL, NULL);
}

static gboolean
wrap_mode_from_setting (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  g_value_set_enum (value, g_variant_get_boolean (variant) ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
  return TRUE;
}

static void
ct_editor_page_constructed (GObject *object)
{
  CtEditorPage *self = (CtEditorPage *)object;
  GtkAdjustment *vadj;

  G_OBJECT_CLASS (ct_editor_page_parent_class)->constructed (object);

  g_assert (CT_IS_DRAFTS (self->drafts));

  self->document = ct_document_new ();
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), GTK_TEXT_BUFFER (self->document));
  ct_search_bar_set_view (self->search_bar, self->view);
  update_draft_id (self);
  /* Typing into a buffer the loader is still filling would be lost. */
  g_object_bind_property (self->document, "busy", self->view, "editable",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::cursor-position",
                           G_CALLBACK (on_cursor_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "modified-changed",
                           G_CALLBACK (on_modified_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::title",
                           G_CALLBACK (on_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (on_file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed-on-disk",
                           G_CALLBACK (on_changed_on_disk_cb), self, G_CONNECT_SWAPPED);

  ct_problems_attach (self->problems, self->view, CT_PREVIEW (self->preview));
  gtk_source_completion_add_provider (gtk_source_view_get_completion (self->view),
                                      GTK_SOURCE_COMPLETION_PROVIDER (self->completion));
  /* Enter takes the first name, as in other editors' completion. */
  g_object_set (gtk_source_view_get_completion (self->view), "select-on-show", TRUE, NULL);
  self->entity_popover = ct_entity_popover_new (GTK_TEXT_VIEW (self->view));
  gtk_widget_set_parent (GTK_WIDGET (self->entity_popover), GTK_WIDGET (self));
  g_signal_connect_object (self->preview, "link-activated",
                           G_CALLBACK (on_preview_link_activated_cb), self, G_CONNECT_SWAPPED);

  vadj = gtk_scrolled_window_get_vadjustment (self->editor_scroller);
  g_signal_connect_object (vadj, "value-changed",
                           G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);

  update_position (self);
  update_stats_cb (self);
}

static void
ct_editor_page_dispose (GObject *object)
{
  CtEditorPage *self = (CtEditorPage *)object;

  g_cancellable_cancel (self->cancellable);

  /* Unsaved text still waiting for its draft is written now, not lost. */
  if (self->draft_source != 0)
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      save_draft_cb (self);
    }
  g_clear_handle_id (&self->stats_source, g_source_remove);
  g_clear_handle_id (&self->text_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_clear_handle_id (&self->ignore_scroll_source, g_source_remove);

  if (self->search_bar != NULL)
    ct_search_bar_set_view (self->search_bar, NULL);

  if (self->entity_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->entity_popover));
  self->entity_popover = NULL;
  g_clear_object (&self->completion);
  g_clear_object (&self->wiki);

  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_EDITOR_PAGE);
  /* The template's root box has no id, so dispose_template leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  self->preview = NULL;

  g_clear_object (&self->document);

  G_OBJECT_CLASS (ct_editor_page_parent_class)->dispose (object);
}

static void
ct_editor_page_finalize (GObject *object)
{
  CtEditorPage *self = (CtEditorPage *)object;

  g_clear_object (&self->drafts);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->offered_draft, ct_draft_free);
  g_free (self->draft_id);
  g_free (self->view_mode);

  G_OBJECT_CLASS (ct_editor_page_parent_class)->finalize (object);
}

static void
ct_editor_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CtEditorPage *self = CT_EDITOR_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ct_editor_page_get_modified (self));
      break;
    case PROP_TITLE:
      g_value_take_string (value, ct_editor_page_dup_title (self));
      break;
    case PROP_VIEW_MODE:
      g_value_set_string (value, self->view_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_editor_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CtEditorPage *self = CT_EDITOR_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFTS:
      self->drafts = g_value_dup_object (value);
      break;
    case PROP_VIEW_MODE:
      ct_editor_page_set_view_mode (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_editor_page_class_init (CtEditorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ct_editor_page_constructed;
  object_class->dispose = ct_editor_page_dispose;
  object_class->finalize = ct_editor_page_finalize;
  object_class->get_property = ct_editor_page_get_property;
  object_class->set_property = ct_editor_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CT_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL, CT_TYPE_DRAFTS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW_MODE] =
    g_param_spec_string ("view-mode", NULL, NULL, "split",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (CT_TYPE_SEARCH_BAR);
  g_type_ensure (CT_TYPE_PROBLEMS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-editor-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, banner_primary);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, banner_secondary);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, search_revealer);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, view);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, preview_box);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, words_label);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, position_label);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, problems);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, page_reload_action);
  gtk_widget_class_install_action (widget_class, "page.keep-mine", NULL, page_keep_mine_action);
  gtk_widget_class_install_action (widget_class, "page.dismiss-banner", NULL, page_dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "page.discard-changes", NULL, page_discard_changes_action);
  gtk_widget_class_install_action (widget_class, "page.discard-draft", NULL, page_discard_draft_action);
  gtk_widget_class_install_action (widget_class, "page.restore-draft", NULL, page_restore_draft_action);
  /* F8 / Shift+F8 (application accels). */
  gtk_widget_class_install_action (widget_class, "page.next-problem", NULL, page_next_problem_action);
  gtk_widget_class_install_action (widget_class, "page.previous-problem", NULL, page_next_problem_action);
}

static void
ct_editor_page_init (CtEditorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->completion = ct_completion_provider_new ();
  self->view_mode = g_strdup ("split");
  self->settings = g_settings_new (APP_ID);

  g_settings_bind_with_mapping (self->settings, "wrap-text", self->view, "wrap-mode",
                                G_SETTINGS_BIND_GET, wrap_mode_from_setting, NULL, NULL, NULL);
  g_settings_bind (self->settings, "monospace-font", self->view, "monospace", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "highlight-current-line", self->view, "highlight-current-line",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-line-numbers", self->view, "show-line-numbers",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "view-mode", self, "view-mode", G_SETTINGS_BIND_GET);

  self->preview = GTK_WIDGET (ct_preview_new ());
  gtk_widget_set_hexpand (self->preview, TRUE);
  gtk_widget_set_vexpand (self->preview, TRUE);
  gtk_box_append (self->preview_box, self->preview);
  g_settings_bind (self->settings, "allow-remote-content", self->preview, "allow-remote-content",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "allow-raw-html", self->preview, "allow-raw-html",
                   G_SETTINGS_BIND_GET);
  g_object_bind_property (adw_style_manager_get_default (), "dark",
                          self->preview, "dark", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->preview, "line-activated",
                           G_CALLBACK (on_preview_line_activated_cb), self, G_CONNECT_SWAPPED);
}

CtEditorPage *
ct_editor_page_new (CtDrafts *drafts)
{
  g_return_val_if_fail (CT_IS_DRAFTS (drafts), NULL);

  return g_object_new (CT_TYPE_EDITOR_PAGE, "drafts", drafts, NULL);
}

CtDocument *
ct_editor_page_get_document (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->document;
}

GtkSourceView *
ct_editor_page_get_view (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->view;
}

CtSearchBar *
ct_editor_page_get_search_bar (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->search_bar;
}

GtkWidget *
ct_editor_page_get_preview (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->preview;
}

const char *
ct_editor_page_get_draft_id (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->draft_id;
}

char *
ct_editor_page_dup_title (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->document ? ct_document_dup_title (self->document) : NULL;
}

gboolean
ct_editor_page_get_modified (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), FALSE);

  return self->document && gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document));
}

const char *
ct_editor_page_get_view_mode (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->view_mode;
}

void
ct_editor_page_set_view_mode (CtEditorPage *self,
                              const char   *view_mode)
{
  g_return_if_fail (CT_IS_EDITOR_PAGE (self));

  if (g_strcmp0 (view_mode, "editor") != 0 && g_strcmp0 (view_mode, "preview") != 0)
    view_mode = "split";

  if (g_strcmp0 (self->view_mode, view_mode) == 0)
    return;

  g_free (self->view_mode);
  self->view_mode = g_strdup (view_mode);
  apply_view_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_MODE]);
}

void
ct_editor_page_load_async (CtEditorPage        *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CT_IS_EDITOR_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_editor_page_load_async);
  ct_document_load_async (self->document, file, cancellable, load_cb, g_steal_pointer (&task));
}

gboolean
ct_editor_page_load_finish (CtEditorPage  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ct_editor_page_save_async (CtEditorPage        *self,
                           GFile               *file,
                           gboolean             overwrite_changes,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CT_IS_EDITOR_PAGE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_editor_page_save_async);
  ct_document_save_async (self->document, file, overwrite_changes || self->keep_mine,
                          cancellable, save_cb, g_steal_pointer (&task));
}

gboolean
ct_editor_page_save_finish (CtEditorPage  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ct_editor_page_restore_draft (CtEditorPage  *self,
                              const CtDraft *draft)
{
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (CT_IS_EDITOR_PAGE (self));
  g_return_if_fail (draft != NULL);

  /* Adopt the draft's id, so going on typing updates that very draft. */
  g_free (self->draft_id);
  self->draft_id = g_strdup (draft->id);
  apply_draft_text (self, draft->text);

  when = format_time (draft->saved);
  message = g_strdup_printf (_("This document was never saved; its text from %s was "
                               "restored from a draft."), when);
  set_banner (self, BANNER_DRAFT_RESTORED, message, NULL, NULL, NULL, NULL);
}

void
ct_editor_page_discard_draft (CtEditorPage *self)
{
  g_return_if_fail (CT_IS_EDITOR_PAGE (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  ct_drafts_discard (self->drafts, self->draft_id);
}

void
ct_editor_page_begin_search (CtEditorPage *self,
                             gboolean      replace)
{
  g_return_if_fail (CT_IS_EDITOR_PAGE (self));

  gtk_revealer_set_reveal_child (self->search_revealer, TRUE);
  ct_search_bar_begin (self->search_bar, replace);
}

const char *
ct_editor_page_get_banner (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  if (self->banner == BANNER_NONE)
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

void
ct_editor_page_go_to_line (CtEditorPage *self,
                           guint         line)
{
  GtkTextIter iter;

  g_return_if_fail (CT_IS_EDITOR_PAGE (self));

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (self->document), &iter,
                                    line > 0 ? (int) line - 1 : 0);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->document), &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &iter, 0.0, TRUE, 0.0, 0.0);
}

void
ct_editor_page_set_wiki (CtEditorPage *self,
                         CtWiki       *wiki)
{
  g_return_if_fail (CT_IS_EDITOR_PAGE (self));
  g_return_if_fail (wiki == NULL || CT_IS_WIKI (wiki));

  if (!g_set_object (&self->wiki, wiki))
    return;
  ct_preview_set_wiki (CT_PREVIEW (self->preview), wiki);
  ct_completion_provider_set_wiki (self->completion, wiki);
}

CtWiki *
ct_editor_page_get_wiki (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->wiki;
}

CtProblems *
ct_editor_page_get_problems (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->problems;
}

CtCompletionProvider *
ct_editor_page_get_completion (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->completion;
}
