#define G_LOG_DOMAIN "ct-problems"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-diagnostic.h"
#include "ct-problems.h"

#define ERROR_TAG "ct-problem-error"
#define WARNING_TAG "ct-problem-warning"

typedef struct {
  GtkTextMark *start;
  GtkTextMark *end;
  CtSeverity   severity;
  guint        line, column;
  char        *message;
} Problem;

struct _CtProblems
{
  GtkWidget       parent_instance;

  GtkMenuButton  *button;
  GtkImage       *icon;
  GtkLabel       *count_label;
  GtkListBox     *list;

  GtkSourceView  *view;     /* weak: the page owns both of us */
  GtkTextBuffer  *buffer;
  CtPreview      *preview;
  GtkTextTag     *error_tag;
  GtkTextTag     *warning_tag;

  GPtrArray      *problems; /* of Problem, in document order */
  guint64         edits;    /* changes of the buffer so far */
  guint64         sent;     /* edits when the text was last sent */
};

G_DEFINE_FINAL_TYPE (CtProblems, ct_problems, GTK_TYPE_WIDGET)

static void
problem_free (gpointer data)
{
  Problem *problem = data;
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (problem->start);

  if (buffer != NULL)
    {
      gtk_text_buffer_delete_mark (buffer, problem->start);
      gtk_text_buffer_delete_mark (buffer, problem->end);
    }
  g_object_unref (problem->start);
  g_object_unref (problem->end);
  g_free (problem->message);
  g_free (problem);
}

static void
on_buffer_changed_cb (CtProblems    *self,
                      GtkTextBuffer *buffer)
{
  self->edits++;
}

/* [start, end) of a diagnostic in the buffer, from its line and column
 * (characters) and its length in bytes: a reference never spans lines,
 * so the end is a byte index on the same line; anything longer stops at
 * the line's end. An empty range covers the character at its start. */
static gboolean
diagnostic_range (GtkTextBuffer      *buffer,
                  const CtDiagnostic *diagnostic,
                  GtkTextIter        *start,
                  GtkTextIter        *end)
{
  gsize length = diagnostic->end > diagnostic->start ? diagnostic->end - diagnostic->start : 0;
  int line = diagnostic->line > 0 ? (int) diagnostic->line - 1 : 0;

  if (!gtk_text_buffer_get_iter_at_line_offset (buffer, start, line,
                                                diagnostic->column > 0 ? (int) diagnostic->column - 1 : 0))
    return FALSE;
  *end = *start;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
  if ((gsize) (gtk_text_iter_get_line_index (end) - gtk_text_iter_get_line_index (start)) > length && length > 0)
    gtk_text_iter_set_line_index (end, gtk_text_iter_get_line_index (start) + (int) length);
  else if (length == 0)
    {
      *end = *start;
      if (!gtk_text_iter_ends_line (end))
        gtk_text_iter_forward_char (end);
    }
  return TRUE;
}

static GtkWidget *
make_row (Problem *problem)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (problem->severity == CT_SEVERITY_ERROR
                                                  ? "dialog-error-symbolic"
                                                  : "dialog-warning-symbolic");
  g_autofree char *where = g_strdup_printf ("%u:%u", problem->line, problem->column);
  GtkWidget *position = gtk_label_new (where);
  GtkWidget *message = gtk_label_new (problem->message);

  gtk_widget_add_css_class (icon, problem->severity == CT_SEVERITY_ERROR ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  problem->severity == CT_SEVERITY_ERROR ? _("Error") : _("Warning"), -1);
  gtk_widget_add_css_class (position, "dim-label");
  gtk_widget_add_css_class (position, "numeric");
  /* Messages start in one column whatever the position's digits. */
  gtk_label_set_width_chars (GTK_LABEL (position), 8);
  gtk_label_set_xalign (GTK_LABEL (position), 0);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (message), 36);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 60);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), position);
  gtk_box_append (GTK_BOX (box), message);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

static void
update_button (CtProblems *self)
{
  guint count = self->problems->len, errors = 0;
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autofree char *tooltip = NULL;

  for (guint i = 0; i < count; i++)
    if (((Problem *) g_ptr_array_index (self->problems, i))->severity == CT_SEVERITY_ERROR)
      errors++;

  gtk_label_set_label (self->count_label, text);
  gtk_image_set_from_icon_name (self->icon, errors > 0 ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), errors > 0 ? "warning" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), errors > 0 ? "error" : "warning");
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem (F8: next)",
                                          "%u problems (F8: next)", count), count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  /* Its name says what it does; how many there are is the description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), count > 0);
  if (count == 0)
    gtk_menu_button_popdown (self->button);
}

static void
apply (CtProblems *self,
       GPtrArray  *diagnostics)
{
  GtkTextIter start, end;

  /* Only where the tags are: after removing them from the whole buffer
   * the text view laid out a long post again on the main thread (a 3 MB
   * post: frames of half a second and more, measured in
   * bench/keystroke-bench). */
  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *problem = g_ptr_array_index (self->problems, i);

      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, problem->start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &end, problem->end);
      gtk_text_buffer_remove_tag (self->buffer, self->error_tag, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->warning_tag, &start, &end);
    }
  g_ptr_array_set_size (self->problems, 0);
  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL;)
    gtk_list_box_remove (self->list, row);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const CtDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      Problem *problem;

      if (!diagnostic_range (self->buffer, diagnostic, &start, &end))
        continue;
      problem = g_new0 (Problem, 1);
      problem->start = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE));
      problem->end = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &end, TRUE));
      problem->severity = diagnostic->severity;
      problem->line = diagnostic->line;
      problem->column = diagnostic->column;
      problem->message = g_strdup (diagnostic->message);
      gtk_text_buffer_apply_tag (self->buffer,
                                 diagnostic->severity == CT_SEVERITY_ERROR ? self->error_tag : self->warning_tag,
                                 &start, &end);
      g_ptr_array_add (self->problems, problem);
      gtk_list_box_append (self->list, make_row (problem));
    }
  update_button (self);
}

static void
on_diagnostics_changed_cb (CtProblems *self,
                           GPtrArray  *diagnostics,
                           CtPreview  *preview)
{
  /* Typed since that text went out: these offsets would land wrong. */
  if (self->edits != self->sent)
    return;
  apply (self, diagnostics);
}

static gboolean
on_query_tooltip_cb (CtProblems *self,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     GtkWidget  *widget)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (widget);
  GString *text = NULL;
  GtkTextIter iter;
  int bx, by;

  if (self->problems->len == 0)
    return FALSE;
  if (keyboard)
    gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  else
    {
      gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (text_view, &iter, bx, by))
        return FALSE;
    }

  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *problem = g_ptr_array_index (self->problems, i);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, problem->start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &end, problem->end);
      if (gtk_text_iter_compare (&iter, &start) < 0 || gtk_text_iter_compare (&iter, &end) >= 0)
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      g_string_append (text, problem->message);
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);
  return TRUE;
}

static void
on_row_activated_cb (CtProblems    *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  gtk_menu_button_popdown (self->button);
  ct_problems_go_to (self, gtk_list_box_row_get_index (row));
}

static void
ct_problems_dispose (GObject *object)
{
  CtProblems *self = CT_PROBLEMS (object);

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  if (self->preview != NULL)
    g_signal_handlers_disconnect_by_data (self->preview, self);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_weak_pointer (&self->view);
  g_clear_weak_pointer (&self->preview);
  g_clear_object (&self->buffer);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_PROBLEMS);

  G_OBJECT_CLASS (ct_problems_parent_class)->dispose (object);
}

static void
ct_problems_class_init (CtProblemsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_problems_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ctproblems");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-problems.ui");
  gtk_widget_class_bind_template_child (widget_class, CtProblems, button);
  gtk_widget_class_bind_template_child (widget_class, CtProblems, icon);
  gtk_widget_class_bind_template_child (widget_class, CtProblems, count_label);
  gtk_widget_class_bind_template_child (widget_class, CtProblems, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
ct_problems_init (CtProblems *self)
{
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

CtProblems *
ct_problems_new (void)
{
  return g_object_new (CT_TYPE_PROBLEMS, NULL);
}

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer,
            const char    *name,
            const char    *color)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  GdkRGBA rgba;

  if (tag != NULL)
    return tag;
  gdk_rgba_parse (&rgba, color);
  return gtk_text_buffer_create_tag (buffer, name,
                                     "underline", PANGO_UNDERLINE_ERROR,
                                     "underline-rgba", &rgba,
                                     NULL);
}

void
ct_problems_attach (CtProblems    *self,
                    GtkSourceView *view,
                    CtPreview     *preview)
{
  g_return_if_fail (CT_IS_PROBLEMS (self));
  g_return_if_fail (GTK_SOURCE_IS_VIEW (view));
  g_return_if_fail (CT_IS_PREVIEW (preview));
  g_return_if_fail (self->view == NULL);

  g_set_weak_pointer (&self->view, view);
  g_set_weak_pointer (&self->preview, preview);
  self->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  /* libadwaita's error red and warning amber. */
  self->error_tag = ensure_tag (self->buffer, ERROR_TAG, "#e01b24");
  self->warning_tag = ensure_tag (self->buffer, WARNING_TAG, "#e5a50a");

  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (on_buffer_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_has_tooltip (GTK_WIDGET (view), TRUE);
  g_signal_connect_object (view, "query-tooltip", G_CALLBACK (on_query_tooltip_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (preview, "diagnostics-changed", G_CALLBACK (on_diagnostics_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

void
ct_problems_text_sent (CtProblems *self)
{
  g_return_if_fail (CT_IS_PROBLEMS (self));

  self->sent = self->edits;
}

guint
ct_problems_get_count (CtProblems *self)
{
  g_return_val_if_fail (CT_IS_PROBLEMS (self), 0);

  return self->problems->len;
}

void
ct_problems_go_to (CtProblems *self,
                   guint       index)
{
  Problem *problem;
  GtkTextIter iter;

  g_return_if_fail (CT_IS_PROBLEMS (self));

  if (index >= self->problems->len || self->view == NULL)
    return;
  problem = g_ptr_array_index (self->problems, index);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, problem->start);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (self->buffer),
                                0.2, FALSE, 0.0, 0.0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

gboolean
ct_problems_go_next (CtProblems *self,
                     gboolean    backwards)
{
  GtkTextIter cursor;
  guint n;

  g_return_val_if_fail (CT_IS_PROBLEMS (self), FALSE);

  n = self->problems->len;
  if (n == 0 || self->buffer == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));

  for (guint k = 0; k < n; k++)
    {
      guint i = backwards ? n - 1 - k : k;
      Problem *problem = g_ptr_array_index (self->problems, i);
      GtkTextIter start;
      int cmp;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, problem->start);
      cmp = gtk_text_iter_compare (&start, &cursor);
      if (backwards ? cmp < 0 : cmp > 0)
        {
          ct_problems_go_to (self, i);
          return TRUE;
        }
    }
  /* Past the last one: wrap around. */
  ct_problems_go_to (self, backwards ? n - 1 : 0);
  return TRUE;
}

gboolean
ct_problems_get_range (CtProblems *self,
                       guint       index,
                       int        *start,
                       int        *end,
                       gboolean   *is_error)
{
  Problem *problem;
  GtkTextIter iter;

  g_return_val_if_fail (CT_IS_PROBLEMS (self), FALSE);

  if (index >= self->problems->len)
    return FALSE;
  problem = g_ptr_array_index (self->problems, index);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, problem->start);
  *start = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, problem->end);
  *end = gtk_text_iter_get_offset (&iter);
  *is_error = problem->severity == CT_SEVERITY_ERROR;
  return TRUE;
}
