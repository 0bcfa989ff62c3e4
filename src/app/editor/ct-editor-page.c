#define G_LOG_DOMAIN "ct-editor-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-editor-page-private.h"
#include "ct-editor-image.h"
#include "ct-first-frame.h"
#include "ct-text-stats.h"
#include "ct-preview.h"
/* The wiki half (issue #4): problems, completion, entity cards. */
#include "ct-completion-provider.h"
#include "ct-entity-popover.h"
#include "ct-problems.h"

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

enum {
  OPEN_ENTITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Words are counted in a thread, on a copy of the page's mirror (a
 * memcpy): counting a 3 MB post took 10-15 ms of the main thread, a
 * stalled frame at every pause in the typing. */
typedef struct {
  char  *text;
  gsize  length;
  guint  count;     /* self->stats_count when it started */
} WordCount;

static void
word_count_free (gpointer data)
{
  WordCount *count = data;

  g_free (count->text);
  g_free (count);
}

static void
count_words_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  WordCount *count = task_data;

  g_task_return_int (task, ct_text_count_words (count->text, count->length));
}

static void
words_counted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CtEditorPage *self = CT_EDITOR_PAGE (object);
  WordCount *count = g_task_get_task_data (G_TASK (result));
  guint words = (guint) g_task_propagate_int (G_TASK (result), NULL);
  guint minutes = ct_text_reading_time (words);
  g_autofree char *words_text = NULL;
  g_autofree char *label = NULL;

  /* The page went away, or the text changed again: a newer count answers. */
  if (g_cancellable_is_cancelled (self->cancellable) || count->count != self->stats_count)
    return;

  words_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  if (minutes > 0)
    /* Translators: "120 words · 1 min read" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u min read", "%s · %u min read", minutes),
                             words_text, minutes);
  else
    label = g_steal_pointer (&words_text);
  gtk_label_set_label (self->words_label, label);
}

static gboolean
update_stats_cb (gpointer user_data)
{
  CtEditorPage *self = user_data;
  WordCount *count = g_new0 (WordCount, 1);
  g_autoptr(GTask) task = NULL;

  self->stats_source = 0;
  count->text = ct_text_mirror_dup (_ct_editor_page_get_text_mirror (self), &count->length);
  count->count = ++self->stats_count;
  task = g_task_new (self, self->cancellable, words_counted_cb, NULL);
  g_task_set_source_tag (task, update_stats_cb);
  g_task_set_task_data (task, count, word_count_free);
  g_task_run_in_thread (task, count_words_thread);
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

static void
on_vadjustment_changed_cb (CtEditorPage  *self,
                           GtkAdjustment *adjustment)
{
  _ct_editor_page_schedule_sync_scroll (self);
}

static void
on_buffer_changed_cb (CtEditorPage  *self,
                      GtkTextBuffer *buffer)
{
  _ct_editor_page_schedule_draft (self);

  /* Counting words of a long text on every key would lag typing: count once
   * the burst is over. The preview coalesces itself; an idle only spares
   * copying the text more than once per frame. */
  g_clear_handle_id (&self->stats_source, g_source_remove);
  self->stats_source = g_timeout_add (150, update_stats_cb, self);
  _ct_editor_page_queue_text (self);
}

static void
on_cursor_moved_cb (CtEditorPage  *self,
                    GParamSpec    *pspec,
                    GtkTextBuffer *buffer)
{
  update_position (self);
  _ct_editor_page_schedule_sync_scroll (self);
}

static void
on_modified_changed_cb (CtEditorPage  *self,
                        GtkTextBuffer *buffer)
{
  if (!gtk_text_buffer_get_modified (buffer))
    g_clear_handle_id (&self->draft_source, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* The file's name (document) or the post's own title (preview) changed. */
static void
on_title_changed_cb (CtEditorPage *self,
                     GParamSpec   *pspec,
                     GObject      *source)
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

      ct_preview_set_base_uri (self->preview, base);
    }
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

  _ct_editor_page_update_draft_id (self);

  converted = ct_document_get_converted_from (self->document);
  if (converted != NULL)
    {
      g_autofree char *title = ct_document_dup_title (self->document);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not UTF-8: it was read as %s, and will be saved as UTF-8."),
                         title, gtk_source_encoding_get_name (converted));

      _ct_editor_page_set_banner (self, BANNER_CONVERTED, message);
    }

  _ct_editor_page_look_for_draft (self);
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
  _ct_editor_page_update_draft_id (self);
  self->keep_mine = FALSE;
  _ct_editor_page_hide_banner_on_save (self);
  g_task_return_boolean (task, TRUE);
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

static gboolean
wrap_mode_from_setting (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  g_value_set_enum (value, g_variant_get_boolean (variant) ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
  return TRUE;
}

static void
start_highlighting (GtkWidget *widget)
{
  ct_document_start_highlighting (CT_EDITOR_PAGE (widget)->document);
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
  _ct_editor_page_update_draft_id (self);
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
  g_signal_connect_object (self->preview, "notify::document-title",
                           G_CALLBACK (on_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (on_file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed-on-disk",
                           G_CALLBACK (_ct_editor_page_changed_on_disk), self, G_CONNECT_SWAPPED);

  ct_problems_attach (self->problems, self->view, self->preview);
  ct_front_matter_popover_set_view (self->details_popover, GTK_TEXT_VIEW (self->view));
  gtk_source_completion_add_provider (gtk_source_view_get_completion (self->view),
                                      GTK_SOURCE_COMPLETION_PROVIDER (self->completion));
  /* Enter takes the first name, as in other editors' completion. */
  g_object_set (gtk_source_view_get_completion (self->view), "select-on-show", TRUE, NULL);
  self->entity_popover = ct_entity_popover_new (GTK_TEXT_VIEW (self->view));
  gtk_widget_set_parent (GTK_WIDGET (self->entity_popover), GTK_WIDGET (self));
  _ct_editor_page_references_init (self);
  _ct_editor_page_image_init (self);
  /* spelling's suggestions open the context menu, above "Open …" */
  self->spelling = ct_spell_highlighter_new (GTK_TEXT_VIEW (self->view), _ct_editor_page_get_text_mirror (self));
  g_menu_prepend_section (G_MENU (gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (self->view))), NULL,
                          ct_spell_highlighter_get_menu (self->spelling));

  vadj = gtk_scrolled_window_get_vadjustment (self->editor_scroller);
  g_signal_connect_object (vadj, "value-changed",
                           G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);

  update_position (self);
  update_stats_cb (self);
  /* The text is highlighted from the frame after the window's first. */
  ct_after_first_frame (GTK_WIDGET (self), start_highlighting);
}

static void
ct_editor_page_dispose (GObject *object)
{
  CtEditorPage *self = (CtEditorPage *)object;

  g_cancellable_cancel (self->cancellable);

  /* Unsaved text still waiting for its draft is written now, not lost. */
  _ct_editor_page_flush_draft (self);
  g_clear_handle_id (&self->stats_source, g_source_remove);
  g_clear_handle_id (&self->text_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_clear_handle_id (&self->ignore_scroll_source, g_source_remove);
  g_clear_handle_id (&self->menu_source, g_source_remove);

  if (self->search_bar != NULL)
    ct_search_bar_set_view (self->search_bar, NULL);

  if (self->entity_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->entity_popover));
  self->entity_popover = NULL;
  g_clear_object (&self->completion);
  g_clear_object (&self->hover);
  g_clear_object (&self->open_menu);
  g_clear_object (&self->wiki);
  /* a check with the worker holds a reference: stop it before the view goes */
  if (self->spelling != NULL)
    g_object_run_dispose (G_OBJECT (self->spelling));
  g_clear_object (&self->spelling);

  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_EDITOR_PAGE);
  /* The template's root box has no id, so dispose_template leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

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

  /**
   * CtEditorPage::open-entity:
   * @entity_id: the entity a reference in the text names
   *
   * The writer asked to open the entity of a reference: Ctrl+click on
   * it, or "Open …" in the editor's context menu. The window opens it.
   */
  signals[OPEN_ENTITY] =
    g_signal_new ("open-entity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /* GtkSourceView's own stylesheet comes with gtk_source_init(), and
   * without it its popovers have no minimum size: the completion list,
   * whose rows are hidden until the frame after it is shown, was then
   * presented 0 pixels wide (gdk_popup_present: 'width > 0' failed) and
   * never appeared again. Idempotent; the display is open by now. */
  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (CT_TYPE_SEARCH_BAR);
  g_type_ensure (CT_TYPE_PROBLEMS);
  g_type_ensure (CT_TYPE_FRONT_MATTER_POPOVER);
  g_type_ensure (CT_TYPE_PREVIEW);

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
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, preview);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, words_label);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, position_label);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, problems);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, details_button);
  gtk_widget_class_bind_template_child (widget_class, CtEditorPage, details_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);

  _ct_editor_page_class_preview_init (widget_class);
  _ct_editor_page_class_actions_init (widget_class);
  _ct_editor_page_class_references_init (widget_class);
  _ct_editor_page_class_image_init (widget_class);
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

  /* The preview was built by the template with its defaults: the settings
   * below take over its properties, as nothing needs them at construction. */
  g_settings_bind (self->settings, "allow-remote-content", self->preview, "allow-remote-content",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "allow-raw-html", self->preview, "allow-raw-html",
                   G_SETTINGS_BIND_GET);
  g_object_bind_property (adw_style_manager_get_default (), "dark",
                          self->preview, "dark", G_BINDING_SYNC_CREATE);
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

char *
ct_editor_page_dup_title (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  /* The post's own title (front matter, else first heading) reads
   * better in a tab than its file name. */
  if (self->preview != NULL && ct_preview_get_document_title (self->preview) != NULL
      && *ct_preview_get_document_title (self->preview) != '\0')
    return g_strdup (ct_preview_get_document_title (self->preview));
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
ct_editor_page_begin_search (CtEditorPage *self,
                             gboolean      replace)
{
  g_return_if_fail (CT_IS_EDITOR_PAGE (self));

  gtk_revealer_set_reveal_child (self->search_revealer, TRUE);
  ct_search_bar_begin (self->search_bar, replace);
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
  ct_preview_set_wiki (self->preview, wiki);
  ct_completion_provider_set_wiki (self->completion, wiki);
  _ct_editor_page_references_set_wiki (self, wiki);
  ct_spell_highlighter_set_wiki (self->spelling, wiki);
}

CtWiki *
ct_editor_page_get_wiki (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->wiki;
}

/* What the tests look into ---------------------------------------------- */

CtSearchBar *
_ct_editor_page_get_search_bar (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->search_bar;
}

CtPreview *
_ct_editor_page_get_preview (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->preview;
}

CtProblems *
_ct_editor_page_get_problems (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->problems;
}

CtCompletionProvider *
_ct_editor_page_get_completion (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->completion;
}

GtkMenuButton *
_ct_editor_page_get_details_button (CtEditorPage *self)
{
  g_return_val_if_fail (CT_IS_EDITOR_PAGE (self), NULL);

  return self->details_button;
}
