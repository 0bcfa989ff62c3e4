#define G_LOG_DOMAIN "ct-front-matter-popover"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ct-front-matter.h"
#include "ct-front-matter-popover.h"

struct _CtFrontMatterPopover
{
  GtkPopover      parent_instance;

  GtkLabel       *error_label;
  GtkWidget      *list;
  AdwEntryRow    *title_row;
  AdwActionRow   *date_row;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkButton      *clear_date_button;
  AdwEntryRow    *tags_row;
  GtkSwitch      *draft_switch;
  GtkSwitch      *spoilers_switch;

  GtkTextView    *view;      /* weak: the page owns both of us */
  guint           loading;   /* widgets set from the text, not by the user */
};

G_DEFINE_FINAL_TYPE (CtFrontMatterPopover, ct_front_matter_popover, GTK_TYPE_POPOVER)

static void
show_error (CtFrontMatterPopover *self,
            const char           *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
dup_text (CtFrontMatterPopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* Replaces only the bytes where @old and @new differ, so marks, the
 * cursor and the undo record cover the front matter alone. */
static void
replace_difference (GtkTextBuffer *buffer,
                    const char    *old,
                    const char    *new)
{
  gsize old_len = strlen (old), new_len = strlen (new);
  gsize prefix = 0, suffix = 0;
  GtkTextIter start, end;

  while (prefix < old_len && prefix < new_len && old[prefix] == new[prefix])
    prefix++;
  /* Both ends on a character's first byte. */
  while (prefix > 0 && (old[prefix] & 0xc0) == 0x80)
    prefix--;
  while (suffix < old_len - prefix && suffix < new_len - prefix
         && old[old_len - 1 - suffix] == new[new_len - 1 - suffix])
    suffix++;
  while (suffix > 0 && (old[old_len - suffix] & 0xc0) == 0x80)
    suffix--;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) g_utf8_strlen (old, prefix));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) g_utf8_strlen (old, old_len - suffix));

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, new + prefix, (int) (new_len - suffix - prefix));
  gtk_text_buffer_end_user_action (buffer);
}

static gboolean
apply (CtFrontMatterPopover      *self,
       const CtFrontMatterChange *change)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *result = NULL;

  if (self->loading > 0 || self->view == NULL || !gtk_text_view_get_editable (self->view))
    return FALSE;

  text = dup_text (self);
  result = ct_front_matter_set (text, strlen (text), change, &error);
  if (result == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  if (strcmp (text, result) != 0)
    replace_difference (gtk_text_view_get_buffer (self->view), text, result);
  return TRUE;
}

static void
show_date (CtFrontMatterPopover *self,
           const char           *date)
{
  /* Translators: the date of a post that has none */
  adw_action_row_set_subtitle (self->date_row, date ? date : _("None"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_date_button), date != NULL);
}

static void
on_title_applied_cb (CtFrontMatterPopover *self)
{
  CtFrontMatterChange change = {
    .field = CT_FRONT_MATTER_TITLE,
    .text = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
  };

  /* An emptied title is taken away rather than written as "". */
  change.remove = *change.text == '\0';
  apply (self, &change);
}

static void
on_tags_applied_cb (CtFrontMatterPopover *self)
{
  g_auto(GStrv) tags = ct_front_matter_tags_from_text (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  CtFrontMatterChange change = {
    .field = CT_FRONT_MATTER_TAGS,
    .tags = (const char * const *) tags,
    .remove = tags[0] == NULL,
  };

  apply (self, &change);
}

static void
on_day_selected_cb (CtFrontMatterPopover *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  CtFrontMatterChange change = { .field = CT_FRONT_MATTER_DATE, .text = date };

  if (self->loading > 0)
    return;
  if (apply (self, &change))
    show_date (self, date);
  gtk_menu_button_popdown (self->date_button);
}

static void
on_clear_date_clicked_cb (CtFrontMatterPopover *self)
{
  CtFrontMatterChange change = { .field = CT_FRONT_MATTER_DATE, .remove = TRUE };

  if (apply (self, &change))
    show_date (self, NULL);
}

static void
on_draft_toggled_cb (CtFrontMatterPopover *self)
{
  CtFrontMatterChange change = {
    .field = CT_FRONT_MATTER_DRAFT,
    .flag = gtk_switch_get_active (self->draft_switch),
  };

  apply (self, &change);
}

static void
on_spoilers_toggled_cb (CtFrontMatterPopover *self)
{
  CtFrontMatterChange change = {
    .field = CT_FRONT_MATTER_SPOILERS,
    .flag = gtk_switch_get_active (self->spoilers_switch),
  };

  apply (self, &change);
}

/* Each opening reads the text again: it may have been typed into,
 * undone or reloaded since. */
static void
on_shown_cb (CtFrontMatterPopover *self)
{
  ct_front_matter_popover_reload (self);
}

/* GTK 4.8 leaves the calendar's arrows unnamed (a screen reader says
 * "button"): each is named by the way it points and what it sits beside,
 * the month's stack of names or the year's label. */
static void
name_calendar_arrows (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = GTK_IS_BUTTON (child) ? gtk_button_get_icon_name (GTK_BUTTON (child)) : NULL;
      gboolean previous = g_strcmp0 (icon, "pan-start-symbolic") == 0;
      gboolean next = g_strcmp0 (icon, "pan-end-symbolic") == 0;
      GtkWidget *beside = previous ? gtk_widget_get_next_sibling (child)
                          : next ? gtk_widget_get_prev_sibling (child) : NULL;
      const char *name = NULL;

      if (beside != NULL && GTK_IS_STACK (beside))
        name = previous ? _("Previous Month") : _("Next Month");
      else if (beside != NULL && GTK_IS_LABEL (beside))
        name = previous ? _("Previous Year") : _("Next Year");
      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      else
        name_calendar_arrows (child);
    }
}

static void
ct_front_matter_popover_dispose (GObject *object)
{
  CtFrontMatterPopover *self = CT_FRONT_MATTER_POPOVER (object);

  g_clear_weak_pointer (&self->view);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_FRONT_MATTER_POPOVER);

  G_OBJECT_CLASS (ct_front_matter_popover_parent_class)->dispose (object);
}

static void
ct_front_matter_popover_class_init (CtFrontMatterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_front_matter_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/continuity/Continuity/ui/ct-front-matter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CtFrontMatterPopover, error_label);
  gtk_widget_class_bind_template_child (widget_class, CtFrontMatterPopover, list);
  gtk_widget_class_bind_template_child (widget_class, CtFrontMatterPopover, title_row);
  gtk_widget_class_bind_template_child (widget_class, CtFrontMatterPopover, date_row);
  gtk_widget_class_bind_template_child (widget_class, CtFrontMatterPopover, date_button);
  gtk_widget_class_bind_template_child (widget_class, CtFrontMatterPopover, calendar);
  gtk_widget_class_bind_template_child (widget_class, CtFrontMatterPopover, clear_date_button);
  gtk_widget_class_bind_template_child (widget_class, CtFrontMatterPopover, tags_row);
  gtk_widget_class_bind_template_child (widget_class, CtFrontMatterPopover, draft_switch);
  gtk_widget_class_bind_template_child (widget_class, CtFrontMatterPopover, spoilers_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_title_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tags_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_date_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spoilers_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_shown_cb);
}

static void
ct_front_matter_popover_init (CtFrontMatterPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_calendar_arrows (GTK_WIDGET (self->calendar));
}

CtFrontMatterPopover *
ct_front_matter_popover_new (void)
{
  return g_object_new (CT_TYPE_FRONT_MATTER_POPOVER, NULL);
}

void
ct_front_matter_popover_set_view (CtFrontMatterPopover *self,
                                  GtkTextView          *view)
{
  g_return_if_fail (CT_IS_FRONT_MATTER_POPOVER (self));
  g_return_if_fail (view == NULL || GTK_IS_TEXT_VIEW (view));

  g_set_weak_pointer (&self->view, view);
}

void
ct_front_matter_popover_reload (CtFrontMatterPopover *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtFrontMatter) fm = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tags = NULL;

  g_return_if_fail (CT_IS_FRONT_MATTER_POPOVER (self));

  if (self->view == NULL)
    return;

  text = dup_text (self);
  fm = ct_front_matter_parse (text, strlen (text), &error);
  /* Fields that cannot be read cannot be edited either: the sentence
   * says what to fix in the text. */
  gtk_widget_set_sensitive (self->list, fm != NULL);
  show_error (self, error ? error->message : NULL);
  if (fm == NULL)
    return;

  self->loading++;
  tags = g_strjoinv (", ", fm->tags);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), fm->title ? fm->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_switch_set_active (self->draft_switch, fm->draft);
  gtk_switch_set_active (self->spoilers_switch, fm->spoilers == 1);
  show_date (self, fm->date);
  {
    int y, m, d;

    if (fm->date != NULL && sscanf (fm->date, "%d-%d-%d", &y, &m, &d) == 3)
      {
        g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 0, 0, 0);

        if (day != NULL)
          gtk_calendar_select_day (self->calendar, day);
      }
  }
  self->loading--;
}

const char *
ct_front_matter_popover_get_error (CtFrontMatterPopover *self)
{
  g_return_val_if_fail (CT_IS_FRONT_MATTER_POPOVER (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_label (self->error_label) : NULL;
}
