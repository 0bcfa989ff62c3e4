/* ct-window-import-image.c — Insert Image… in the main menu: the menu
 * lives in the header bar, outside the page, so the window hands the
 * action to the post tab in view (page.insert-image does the rest). */
#define G_LOG_DOMAIN "ct-window"

#include "config.h"

#include "ct-editor-page.h"
#include "ct-window-private.h"

static void
insert_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CtEditorPage *page = ct_window_get_active_page (CT_WINDOW (widget));

  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (page), "page.insert-image", NULL);
}

void
_ct_window_class_import_image_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.insert-image", NULL, insert_image_action);
}
