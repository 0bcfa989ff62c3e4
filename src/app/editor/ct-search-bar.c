#define G_LOG_DOMAIN "ct-search-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-search-bar.h"

struct _CtSearchBar
{
  GtkWidget                parent_instance;

  GtkSourceView           *view;
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext  *context;
  char                    *status;

  GtkSearchEntry          *search_entry;
  GtkLabel                *status_label;
  GtkToggleButton         *case_button;
  GtkToggleButton         *replace_toggle;
  GtkEntry                *replace_entry;
  GtkWidget               *replace_button;
  GtkWidget               *replace_all_button;
};

G_DEFINE_FINAL_TYPE (CtSearchBar, ct_search_bar, GTK_TYPE_WIDGET)

enum {
  STOP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkTextBuffer *
get_buffer (CtSearchBar *self)
{
  return self->view ? gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)) : NULL;
}

static void
update_status (CtSearchBar *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  const char *search_text = gtk_source_search_settings_get_search_text (self->settings);
  int count = self->context ? gtk_source_search_context_get_occurrences_count (self->context) : 0;
  int position = -1;

  g_clear_pointer (&self->status, g_free);

  if (search_text == NULL || *search_text == '\0' || count < 0)
    self->status = g_strdup ("");
  else if (count == 0)
    self->status = g_strdup (_("No matches"));
  else
    {
      GtkTextIter start, end;

      if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        position = gtk_source_search_context_get_occurrence_position (self->context, &start, &end);

      if (position > 0)
        /* Translators: the match the cursor is on, of how many */
        self->status = g_strdup_printf (_("%d of %d"), position, count);
      else
        self->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count), count);
    }

  gtk_label_set_label (self->status_label, self->status);
  gtk_widget_set_sensitive (self->replace_button, count > 0);
  gtk_widget_set_sensitive (self->replace_all_button, count > 0);

  if (count == 0 && search_text != NULL && *search_text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
select_match (CtSearchBar       *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  gtk_text_buffer_select_range (get_buffer (self), start, end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), (GtkTextIter *) start,
                                0.25, FALSE, 0.0, 0.0);
  update_status (self);
}

static void
on_occurrences_changed_cb (CtSearchBar            *self,
                           GParamSpec             *pspec,
                           GtkSourceSearchContext *context)
{
  update_status (self);
}

static void
on_cursor_moved_cb (CtSearchBar   *self,
                    GParamSpec    *pspec,
                    GtkTextBuffer *buffer)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_status (self);
}

static void
on_search_changed_cb (CtSearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter start, end, match_start, match_end;
  gboolean wrapped;

  gtk_source_search_settings_set_search_text (self->settings, *text ? text : NULL);

  if (self->context == NULL || *text == '\0')
    {
      update_status (self);
      return;
    }

  /* Type-ahead: jump to the first match from where the selection starts. */
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  if (gtk_source_search_context_forward (self->context, &start, &match_start, &match_end, &wrapped))
    select_match (self, &match_start, &match_end);
  else
    update_status (self);
}

static void
on_search_activate_cb (CtSearchBar *self)
{
  ct_search_bar_next (self);
}

static void
on_stop_search_cb (CtSearchBar *self)
{
  g_signal_emit (self, signals[STOP], 0);
}

static gboolean
previous_shortcut_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  ct_search_bar_previous (CT_SEARCH_BAR (user_data));
  return TRUE;
}

static void
ct_search_bar_dispose (GObject *object)
{
  CtSearchBar *self = (CtSearchBar *)object;

  ct_search_bar_set_view (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_SEARCH_BAR);
  /* The template's root box has no id, so dispose_template leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ct_search_bar_parent_class)->dispose (object);
}

static void
ct_search_bar_finalize (GObject *object)
{
  CtSearchBar *self = (CtSearchBar *)object;

  g_clear_object (&self->settings);
  g_free (self->status);

  G_OBJECT_CLASS (ct_search_bar_parent_class)->finalize (object);
}

static void
ct_search_bar_class_init (CtSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_search_bar_dispose;
  object_class->finalize = ct_search_bar_finalize;

  /* An action signal, so Escape can be bound to it. */
  signals[STOP] =
    g_signal_new ("stop",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-search-bar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CtSearchBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CtSearchBar, status_label);
  gtk_widget_class_bind_template_child (widget_class, CtSearchBar, case_button);
  gtk_widget_class_bind_template_child (widget_class, CtSearchBar, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, CtSearchBar, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, CtSearchBar, replace_button);
  gtk_widget_class_bind_template_child (widget_class, CtSearchBar, replace_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, ct_search_bar_next);
  gtk_widget_class_bind_template_callback (widget_class, ct_search_bar_previous);
  gtk_widget_class_bind_template_callback (widget_class, ct_search_bar_replace);
  gtk_widget_class_bind_template_callback (widget_class, ct_search_bar_replace_all);

  /* Escape anywhere in the bar (also in the replace entry) closes it. */
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "stop", NULL);
}

static void
ct_search_bar_init (CtSearchBar *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->status = g_strdup ("");
  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);
  g_object_bind_property (self->case_button, "active",
                          self->settings, "case-sensitive",
                          G_BINDING_SYNC_CREATE);

  /* Shift+Enter goes back; it must be seen before the entry activates. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>Return|<Shift>KP_Enter"),
                                                          gtk_callback_action_new (previous_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
}

CtSearchBar *
ct_search_bar_new (void)
{
  return g_object_new (CT_TYPE_SEARCH_BAR, NULL);
}

void
ct_search_bar_set_view (CtSearchBar   *self,
                        GtkSourceView *view)
{
  g_return_if_fail (CT_IS_SEARCH_BAR (self));
  g_return_if_fail (!view || GTK_SOURCE_IS_VIEW (view));

  if (self->view == view)
    return;

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_func (get_buffer (self), on_cursor_moved_cb, self);
      g_clear_object (&self->context);
      g_clear_object (&self->view);
    }

  if (view != NULL)
    {
      GtkSourceBuffer *buffer;

      self->view = g_object_ref (view);
      buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
      self->context = gtk_source_search_context_new (buffer, self->settings);
      gtk_source_search_context_set_highlight (self->context, FALSE);
      g_signal_connect_object (self->context, "notify::occurrences-count",
                               G_CALLBACK (on_occurrences_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (buffer, "notify::cursor-position",
                               G_CALLBACK (on_cursor_moved_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

void
ct_search_bar_begin (CtSearchBar *self,
                     gboolean     replace)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (CT_IS_SEARCH_BAR (self));

  buffer = get_buffer (self);

  /* Seed with a selection inside one line, as text editors do. */
  if (buffer != NULL &&
      gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_iter_get_slice (&start, &end);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }

  if (self->context != NULL)
    gtk_source_search_context_set_highlight (self->context, TRUE);

  gtk_toggle_button_set_active (self->replace_toggle, replace);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  update_status (self);
}

void
ct_search_bar_end (CtSearchBar *self)
{
  g_return_if_fail (CT_IS_SEARCH_BAR (self));

  if (self->context != NULL)
    gtk_source_search_context_set_highlight (self->context, FALSE);
}

void
ct_search_bar_set_search_text (CtSearchBar *self,
                               const char  *text)
{
  g_return_if_fail (CT_IS_SEARCH_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* GtkSearchEntry delays search-changed while typing; a programmatic
   * change takes effect at once. */
  on_search_changed_cb (self);
}

void
ct_search_bar_set_replace_text (CtSearchBar *self,
                                const char  *text)
{
  g_return_if_fail (CT_IS_SEARCH_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->replace_entry), text ? text : "");
}

void
ct_search_bar_next (CtSearchBar *self)
{
  GtkTextIter start, end, match_start, match_end;
  gboolean wrapped;

  g_return_if_fail (CT_IS_SEARCH_BAR (self));

  if (self->context == NULL)
    return;

  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  if (gtk_source_search_context_forward (self->context, &end, &match_start, &match_end, &wrapped))
    select_match (self, &match_start, &match_end);
}

void
ct_search_bar_previous (CtSearchBar *self)
{
  GtkTextIter start, end, match_start, match_end;
  gboolean wrapped;

  g_return_if_fail (CT_IS_SEARCH_BAR (self));

  if (self->context == NULL)
    return;

  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  if (gtk_source_search_context_backward (self->context, &start, &match_start, &match_end, &wrapped))
    select_match (self, &match_start, &match_end);
}

void
ct_search_bar_replace (CtSearchBar *self)
{
  GtkTextIter start, end;
  const char *replacement;

  g_return_if_fail (CT_IS_SEARCH_BAR (self));

  if (self->context == NULL)
    return;

  replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  /* Replace the selected match, if the selection is one; then go on. */
  if (gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end) &&
      gtk_source_search_context_get_occurrence_position (self->context, &start, &end) > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!gtk_source_search_context_replace (self->context, &start, &end, replacement, -1, &error))
        g_warning ("Replace failed: %s", error->message);
      gtk_text_buffer_select_range (get_buffer (self), &end, &end);
    }

  ct_search_bar_next (self);
}

void
ct_search_bar_replace_all (CtSearchBar *self)
{
  g_autoptr(GError) error = NULL;
  const char *replacement;

  g_return_if_fail (CT_IS_SEARCH_BAR (self));

  if (self->context == NULL)
    return;

  replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  gtk_source_search_context_replace_all (self->context, replacement, -1, &error);
  if (error != NULL)
    g_warning ("Replace all failed: %s", error->message);
  update_status (self);
}

int
ct_search_bar_get_occurrences (CtSearchBar *self)
{
  g_return_val_if_fail (CT_IS_SEARCH_BAR (self), -1);

  return self->context ? gtk_source_search_context_get_occurrences_count (self->context) : 0;
}

const char *
ct_search_bar_get_status (CtSearchBar *self)
{
  g_return_val_if_fail (CT_IS_SEARCH_BAR (self), NULL);

  return self->status;
}
