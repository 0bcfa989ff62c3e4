/* ct-timeline-item.c — one event or film of the drawn timeline, a button
 * bound and bound again to items as the view scrolls. */
#define G_LOG_DOMAIN "ct-timeline-canvas"

#include "config.h"

#include "ct-timeline-item.h"

guint
ct_timeline_item_get_slot (GtkWidget *button)
{
  /* stored plus one: no data is 0, which is CT_TIMELINE_NO_SLOT + 1 */
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ct-slot")) - 1;
}

void
ct_timeline_item_set_slot (GtkWidget *button,
                           guint      slot)
{
  g_object_set_data (G_OBJECT (button), "ct-slot", GUINT_TO_POINTER (slot + 1));
}

gint64
ct_timeline_item_get_id (GtkWidget *button)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "ct-entity-id");

  return id ? *id : 0;
}

GtkWidget *
ct_timeline_item_new (void)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "ct-timeline-title");
  gtk_box_append (GTK_BOX (box), title);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "ct-timeline-item");
  g_object_set_data (G_OBJECT (button), "ct-title", title);
  g_object_set_data (G_OBJECT (button), "ct-detail", detail);
  ct_timeline_item_set_slot (button, CT_TIMELINE_NO_SLOT);
  return button;
}

void
ct_timeline_item_bind (GtkWidget            *button,
                       const CtTimeline     *timeline,
                       const CtTimelineItem *item,
                       guint                 slot,
                       guint                 n_slots)
{
  GtkWidget *title = g_object_get_data (G_OBJECT (button), "ct-title");
  GtkWidget *detail = g_object_get_data (G_OBJECT (button), "ct-detail");
  g_autofree char *label = NULL;
  const char *title_text, *detail_text;
  gint64 id;
  gboolean spoiler, event = item->kind == CT_TIMELINE_ITEM_EVENT;

  if (event)
    {
      CtTimelineEvent *e = g_ptr_array_index (timeline->events, item->index);

      id = e->id;
      spoiler = e->spoiler;
      label = ct_timeline_event_label (timeline, e);
      title_text = e->title;
      detail_text = e->when;
    }
  else
    {
      CtTimelineFilm *film = g_ptr_array_index (timeline->films, item->index);

      id = film->id;
      spoiler = film->spoiler;
      label = ct_timeline_film_label (film);
      title_text = film->title;
      detail_text = film->release;
    }

  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_text (GTK_LABEL (detail), detail_text ? detail_text : "");
  gtk_widget_set_visible (detail, detail_text != NULL);
  if (event)
    {
      gtk_widget_remove_css_class (button, "ct-timeline-film");
      gtk_widget_add_css_class (button, "ct-timeline-event");
    }
  else
    {
      gtk_widget_remove_css_class (button, "ct-timeline-event");
      gtk_widget_add_css_class (button, "ct-timeline-film");
    }
  if (spoiler)
    gtk_widget_add_css_class (button, "ct-timeline-spoiler");
  else
    gtk_widget_remove_css_class (button, "ct-timeline-spoiler");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* only some items have buttons: where this one is among all of them */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_POS_IN_SET, (int) slot + 1,
                                  GTK_ACCESSIBLE_RELATION_SET_SIZE, (int) n_slots,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "ct-entity-id", g_memdup2 (&id, sizeof id), g_free);
  /* the target first: the action takes an id */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-entity");
  ct_timeline_item_set_slot (button, slot);
}
