/* ct-first-frame.h — work that waits until a widget is on the screen. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*CtFirstFrameFunc) (GtkWidget *widget);

/* Calls @func once, from an idle, after the first frame painted with
 * @widget mapped (if it never is, never); not if @widget is gone by then.
 * For what start-up must not wait for: what the first frame shows needs
 * none of it. */
void ct_after_first_frame (GtkWidget        *widget,
                           CtFirstFrameFunc  func);

G_END_DECLS
