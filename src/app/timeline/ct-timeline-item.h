/* ct-timeline-item.h — one event or film of the drawn timeline: a button
 * with its title and "when" (or release), an accessible label a screen
 * reader reads ("Event: …, between Chapter 3 and Chapter 4, in
 * Ballerina") and its place among all items, activating win.open-entity.
 *
 * The canvas makes these only for the items near the view and binds one
 * again to another item when it scrolls away, so everything that tells
 * the item is set by ct_timeline_item_bind.
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-timeline-layout.h"

G_BEGIN_DECLS

/* The slot of a button bound to nothing. */
#define CT_TIMELINE_NO_SLOT G_MAXUINT

GtkWidget *ct_timeline_item_new      (void);

/* Shows @item (an EVENT or FILM of a layout of @timeline) on @button:
 * item @slot of @n_slots in reading order. */
void       ct_timeline_item_bind     (GtkWidget            *button,
                                      const CtTimeline     *timeline,
                                      const CtTimelineItem *item,
                                      guint                 slot,
                                      guint                 n_slots);

/* The slot @button shows, or CT_TIMELINE_NO_SLOT; set_slot only marks it
 * (CT_TIMELINE_NO_SLOT: to be bound again). */
guint      ct_timeline_item_get_slot (GtkWidget            *button);
void       ct_timeline_item_set_slot (GtkWidget            *button,
                                      guint                 slot);

/* The entity @button shows, or 0. */
gint64     ct_timeline_item_get_id   (GtkWidget            *button);

G_END_DECLS
