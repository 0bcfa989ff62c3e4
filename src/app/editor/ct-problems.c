#define G_LOG_DOMAIN "ct-problems"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-diagnostic.h"
#include "ct-editor-insert.h"
#include "ct-prose-check.h"
#include "ct-problems.h"

#define ERROR_TAG "ct-problem-error"
#define WARNING_TAG "ct-problem-warning"
#define HINT_TAG "ct-problem-hint"

/* A 3 MB post may name an entity thousands of times: all are underlined
 * and Link All Mentions links all, but the popover lists only so many;
 * a list of thousands of rows with buttons takes seconds to build. */
#define MAX_HINT_ROWS 100
/* Unlinked mentions underlined at most: each costs two marks, and clearing
 * tens of thousands of marks from an emptied buffer took seconds. The
 * next check, after some are linked, offers the rest. */
#define MAX_PLACED_HINTS 1000
#define MAX_PROBLEM_ROWS 200

/* A quick fix placed in the buffer: where it is from its problem's start
 * mark (no marks of its own: a buffer with tens of thousands of marks is
 * slow to edit and to clear), and the text it replaces as it was, so a fix
 * never replaces what the user retyped. */
typedef struct {
  char        *label;
  int          offset;      /* characters from the problem's start */
  int          length;      /* characters */
  char        *expected;
  char        *replacement;
} Fix;

typedef struct {
  GtkTextMark *start;
  GtkTextMark *end;
  CtSeverity   severity;
  guint        line, column;
  char        *message;
  const char  *rule;
  GPtrArray   *fixes;   /* of Fix */
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
  GtkTextTag     *hint_tag;
  GtkButton      *link_all_button;
  GSimpleActionGroup *actions;  /* "problems.fix", "problems.link-all": the
                                 * popover's buttons and the editor's menu */
  GMenu          *fix_menu;     /* the fixes where the context menu opened */

  GPtrArray      *problems; /* of Problem, in document order */
  GPtrArray      *hints;    /* of Problem: unlinked mentions, not counted */
  guint           problem_rows; /* rows of problems in the list, before the hints' */
  guint64         edits;    /* changes of the buffer so far */
  guint64         sent;     /* edits when the text was last sent */
};

G_DEFINE_FINAL_TYPE (CtProblems, ct_problems, GTK_TYPE_WIDGET)

static void
delete_marks (GtkTextMark *start,
              GtkTextMark *end)
{
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (start);

  if (buffer != NULL)
    {
      gtk_text_buffer_delete_mark (buffer, start);
      gtk_text_buffer_delete_mark (buffer, end);
    }
  g_object_unref (start);
  g_object_unref (end);
}

static void
fix_free (gpointer data)
{
  Fix *fix = data;

  g_free (fix->label);
  g_free (fix->expected);
  g_free (fix->replacement);
  g_free (fix);
}

static void
problem_free (gpointer data)
{
  Problem *problem = data;

  delete_marks (problem->start, problem->end);
  g_clear_pointer (&problem->fixes, g_ptr_array_unref);
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

/* The fixes of a problem as buttons under its message. */
static GtkWidget *
make_fix_buttons (Problem  *problem,
                  gboolean  hint,
                  guint     index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (guint f = 0; f < problem->fixes->len; f++)
    {
      Fix *fix = g_ptr_array_index (problem->fixes, f);
      GtkWidget *button = gtk_button_new_with_label (fix->label);

      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new ("(buu)", hint, index, f));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "problems.fix");
      gtk_widget_set_tooltip_text (button, fix->replacement);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static GtkWidget *
make_row (Problem *problem,
          gboolean hint,
          guint    index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *icon_name = problem->severity == CT_SEVERITY_ERROR ? "dialog-error-symbolic"
                          : problem->severity == CT_SEVERITY_HINT ? "dialog-information-symbolic"
                          : "dialog-warning-symbolic";
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  g_autofree char *where = g_strdup_printf ("%u:%u", problem->line, problem->column);
  GtkWidget *position = gtk_label_new (where);
  GtkWidget *message = gtk_label_new (problem->message);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (icon, problem->severity == CT_SEVERITY_ERROR ? "error"
                                  : problem->severity == CT_SEVERITY_HINT ? "accent" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  problem->severity == CT_SEVERITY_ERROR ? _("Error")
                                  : problem->severity == CT_SEVERITY_HINT ? _("Suggestion") : _("Warning"), -1);
  gtk_widget_add_css_class (position, "dim-label");
  gtk_widget_add_css_class (position, "numeric");
  /* Messages start in one column whatever the position's digits. */
  gtk_label_set_width_chars (GTK_LABEL (position), 8);
  gtk_label_set_xalign (GTK_LABEL (position), 0);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (message), 36);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 60);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), message);
  if (problem->fixes->len > 0)
    gtk_box_append (GTK_BOX (text), make_fix_buttons (problem, hint, index));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), position);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

static void
update_button (CtProblems *self)
{
  guint count = self->problems->len, errors = 0, hints = self->hints->len;
  g_autofree char *text = g_strdup_printf ("%u", count > 0 ? count : hints);
  g_autofree char *tooltip = NULL;
  const char *style;

  for (guint i = 0; i < count; i++)
    if (((Problem *) g_ptr_array_index (self->problems, i))->severity == CT_SEVERITY_ERROR)
      errors++;

  /* only unlinked mentions: the button counts those, in the accent colour */
  style = errors > 0 ? "error" : count > 0 ? "warning" : "accent";
  gtk_label_set_label (self->count_label, text);
  gtk_image_set_from_icon_name (self->icon, errors > 0 ? "dialog-error-symbolic"
                                            : count > 0 ? "dialog-warning-symbolic"
                                            : "dialog-information-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "accent");
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), style);
  gtk_widget_set_visible (GTK_WIDGET (self->link_all_button), hints > 0);
  if (count == 0 && hints > 0)
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unlinked mention of the wiki",
                                            "%u unlinked mentions of the wiki", hints), hints);
  else
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem (F8: next)",
                                            "%u problems (F8: next)", count), count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  /* Its name says what it does; how many there are is the description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), count + hints > 0);
  if (count + hints == 0)
    gtk_menu_button_popdown (self->button);
}

/* The fixes of @diagnostic, placed by its start (@start): core puts a fix
 * on the diagnostic's own line, so a byte index on that line finds it. */
static GPtrArray *
place_fixes (CtProblems         *self,
             const CtDiagnostic *diagnostic,
             const GtkTextIter  *start)
{
  GPtrArray *fixes = g_ptr_array_new_with_free_func (fix_free);
  int line_index = gtk_text_iter_get_line_index (start);
  GtkTextIter line_end = *start;
  int line_bytes;

  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line_bytes = gtk_text_iter_get_line_index (&line_end);

  for (guint f = 0; diagnostic->fixes != NULL && f < diagnostic->fixes->len; f++)
    {
      const CtQuickFix *quick = g_ptr_array_index (diagnostic->fixes, f);
      gint64 from = line_index + ((gint64) quick->start - (gint64) diagnostic->start);
      gint64 to = from + (gint64) (quick->end - quick->start);
      GtkTextIter a = *start, b = *start;
      Fix *fix;

      if (from < 0 || to > line_bytes)
        continue;
      gtk_text_iter_set_line_index (&a, (int) from);
      gtk_text_iter_set_line_index (&b, (int) to);
      fix = g_new0 (Fix, 1);
      fix->label = g_strdup (quick->label);
      fix->replacement = g_strdup (quick->replacement);
      fix->expected = gtk_text_iter_get_text (&a, &b);
      fix->offset = gtk_text_iter_get_offset (&a) - gtk_text_iter_get_offset (start);
      fix->length = gtk_text_iter_get_offset (&b) - gtk_text_iter_get_offset (&a);
      g_ptr_array_add (fixes, fix);
    }
  return fixes;
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
  for (guint i = 0; i < self->problems->len + self->hints->len; i++)
    {
      Problem *problem = i < self->problems->len ? g_ptr_array_index (self->problems, i)
                                                 : g_ptr_array_index (self->hints, i - self->problems->len);

      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, problem->start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &end, problem->end);
      gtk_text_buffer_remove_tag (self->buffer, self->error_tag, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->warning_tag, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->hint_tag, &start, &end);
    }
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->hints, 0);
  g_menu_remove_all (self->fix_menu);
  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL;)
    gtk_list_box_remove (self->list, row);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const CtDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      gboolean hint = diagnostic->severity == CT_SEVERITY_HINT;
      GPtrArray *into = hint ? self->hints : self->problems;
      Problem *problem;

      if (hint && self->hints->len >= MAX_PLACED_HINTS)
        continue;
      if (!diagnostic_range (self->buffer, diagnostic, &start, &end))
        continue;
      problem = g_new0 (Problem, 1);
      problem->start = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE));
      problem->end = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &end, TRUE));
      problem->severity = diagnostic->severity;
      problem->line = diagnostic->line;
      problem->column = diagnostic->column;
      problem->message = g_strdup (diagnostic->message);
      problem->rule = diagnostic->rule;
      problem->fixes = place_fixes (self, diagnostic, &start);
      gtk_text_buffer_apply_tag (self->buffer,
                                 diagnostic->severity == CT_SEVERITY_ERROR ? self->error_tag
                                 : hint ? self->hint_tag : self->warning_tag,
                                 &start, &end);
      g_ptr_array_add (into, problem);
      if (!hint && into->len <= MAX_PROBLEM_ROWS)
        gtk_list_box_append (self->list, make_row (problem, FALSE, into->len - 1));
    }
  self->problem_rows = MIN (self->problems->len, MAX_PROBLEM_ROWS);
  /* the offers after the problems */
  for (guint i = 0; i < self->hints->len && i < MAX_HINT_ROWS; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (self->hints, i), TRUE, i));
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

  if (self->problems->len + self->hints->len == 0)
    return FALSE;
  if (keyboard)
    gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  else
    {
      gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (text_view, &iter, bx, by))
        return FALSE;
    }

  for (guint i = 0; i < self->problems->len + self->hints->len; i++)
    {
      Problem *problem = i < self->problems->len ? g_ptr_array_index (self->problems, i)
                                                 : g_ptr_array_index (self->hints, i - self->problems->len);
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
go_to_problem (CtProblems *self,
               Problem    *problem)
{
  GtkTextIter iter;

  if (self->view == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, problem->start);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (self->buffer),
                                0.2, FALSE, 0.0, 0.0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static Fix *
find_fix (CtProblems  *self,
          gboolean     hint,
          guint        index,
          guint        fix,
          Problem    **problem)
{
  GPtrArray *from = hint ? self->hints : self->problems;

  if (index >= from->len)
    return NULL;
  *problem = g_ptr_array_index (from, index);
  return fix < (*problem)->fixes->len ? g_ptr_array_index ((*problem)->fixes, fix) : NULL;
}

static CtEditorReplacement
replacement_of (Problem *problem,
                Fix     *fix)
{
  return (CtEditorReplacement) { problem->start, fix->offset, fix->length, fix->expected, fix->replacement };
}

static void
fix_activated_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CtProblems *self = user_data;
  Problem *problem = NULL;
  CtEditorReplacement replacement;
  gboolean hint;
  guint index, f;
  Fix *fix;

  g_variant_get (parameter, "(buu)", &hint, &index, &f);
  fix = find_fix (self, hint, index, f, &problem);
  if (fix == NULL || self->view == NULL)
    return;
  gtk_menu_button_popdown (self->button);
  replacement = replacement_of (problem, fix);
  ct_editor_replace_ranges (GTK_TEXT_VIEW (self->view), &replacement, 1);
}

static void
link_all_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CtProblems *self = user_data;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (CtEditorReplacement));

  if (self->view == NULL)
    return;
  for (guint i = 0; i < self->hints->len; i++)
    {
      Problem *problem = g_ptr_array_index (self->hints, i);
      CtEditorReplacement replacement;
      Fix *fix;

      if (g_strcmp0 (problem->rule, CT_PROSE_RULE_UNLINKED) != 0 || problem->fixes->len == 0)
        continue;
      fix = g_ptr_array_index (problem->fixes, 0);
      replacement = replacement_of (problem, fix);
      g_array_append_val (all, replacement);
    }
  gtk_menu_button_popdown (self->button);
  /* one user action: one Ctrl+Z takes every link back */
  ct_editor_replace_ranges (GTK_TEXT_VIEW (self->view), (CtEditorReplacement *) (gpointer) all->data, all->len);
}

static void
on_row_activated_cb (CtProblems    *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  int index = gtk_list_box_row_get_index (row);

  gtk_menu_button_popdown (self->button);
  if ((guint) index < self->problem_rows)
    ct_problems_go_to (self, index);
  else if ((guint) index - self->problem_rows < self->hints->len)
    go_to_problem (self, g_ptr_array_index (self->hints, index - self->problem_rows));
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
  if (self->view != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self->view), "problems", NULL);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->hints, g_ptr_array_unref);
  g_clear_object (&self->actions);
  g_clear_object (&self->fix_menu);
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
  gtk_widget_class_bind_template_child (widget_class, CtProblems, link_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
ct_problems_init (CtProblems *self)
{
  static const GActionEntry entries[] = {
    { .name = "fix", .activate = fix_activated_cb, .parameter_type = "(buu)" },
    { .name = "link-all", .activate = link_all_activated_cb },
  };

  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->hints = g_ptr_array_new_with_free_func (problem_free);
  self->fix_menu = g_menu_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "problems", G_ACTION_GROUP (self->actions));
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
  /* an offer, not a problem: a quiet straight line in the accent blue */
  self->hint_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), HINT_TAG);
  if (self->hint_tag == NULL)
    {
      GdkRGBA blue;

      gdk_rgba_parse (&blue, "#3584e4");
      self->hint_tag = gtk_text_buffer_create_tag (self->buffer, HINT_TAG,
                                                   "underline", PANGO_UNDERLINE_SINGLE,
                                                   "underline-rgba", &blue,
                                                   NULL);
    }
  /* the editor's context menu offers the fixes too */
  gtk_widget_insert_action_group (GTK_WIDGET (view), "problems", G_ACTION_GROUP (self->actions));

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

  g_return_if_fail (CT_IS_PROBLEMS (self));

  if (index >= self->problems->len || self->view == NULL)
    return;
  problem = g_ptr_array_index (self->problems, index);
  go_to_problem (self, problem);
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

guint
ct_problems_get_hint_count (CtProblems *self)
{
  g_return_val_if_fail (CT_IS_PROBLEMS (self), 0);

  return self->hints->len;
}

GMenuModel *
ct_problems_get_fix_menu (CtProblems *self)
{
  g_return_val_if_fail (CT_IS_PROBLEMS (self), NULL);

  return G_MENU_MODEL (self->fix_menu);
}

void
ct_problems_update_fix_menu (CtProblems        *self,
                             const GtkTextIter *iter)
{
  gboolean on_mention = FALSE;

  g_return_if_fail (CT_IS_PROBLEMS (self));

  g_menu_remove_all (self->fix_menu);
  if (self->buffer == NULL)
    return;
  for (guint h = 0; h < 2; h++)
    {
      GPtrArray *from = h ? self->hints : self->problems;

      for (guint i = 0; i < from->len; i++)
        {
          Problem *problem = g_ptr_array_index (from, i);
          GtkTextIter start, end;

          gtk_text_buffer_get_iter_at_mark (self->buffer, &start, problem->start);
          gtk_text_buffer_get_iter_at_mark (self->buffer, &end, problem->end);
          if (gtk_text_iter_compare (iter, &start) < 0 || gtk_text_iter_compare (iter, &end) > 0)
            continue;
          for (guint f = 0; f < problem->fixes->len; f++)
            {
              Fix *fix = g_ptr_array_index (problem->fixes, f);
              g_autoptr(GMenuItem) item = g_menu_item_new (fix->label, NULL);

              g_menu_item_set_action_and_target_value (item, "problems.fix", g_variant_new ("(buu)", h, i, f));
              g_menu_append_item (self->fix_menu, item);
            }
          on_mention |= g_strcmp0 (problem->rule, CT_PROSE_RULE_UNLINKED) == 0;
        }
    }
  if (on_mention)
    g_menu_append (self->fix_menu, _("Link All Mentions"), "problems.link-all");
}

gboolean
ct_problems_get_hint_range (CtProblems *self,
                            guint       index,
                            int        *start,
                            int        *end)
{
  Problem *problem;
  GtkTextIter iter;

  g_return_val_if_fail (CT_IS_PROBLEMS (self), FALSE);

  if (index >= self->hints->len)
    return FALSE;
  problem = g_ptr_array_index (self->hints, index);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, problem->start);
  *start = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, problem->end);
  *end = gtk_text_iter_get_offset (&iter);
  return TRUE;
}
