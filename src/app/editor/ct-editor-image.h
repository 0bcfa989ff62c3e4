/* ct-editor-image.h — images into a post: Insert Image… (page.insert-image,
 * Ctrl+Shift+I), an image file dropped on the editor, or an image pasted.
 * After a prompt for its alt text, core copies it into the wiki's media/
 * off the UI thread and `![alt](../media/NAME)` goes in at the caret, one
 * undo step. Without a wiki there is no media/ to copy into: the user is
 * told so and nothing is inserted. */
#pragma once

#include "ct-editor-page.h"

G_BEGIN_DECLS

/* From the page's class_init and init. */
void  _ct_editor_page_class_image_init (GtkWidgetClass *widget_class);
void  _ct_editor_page_image_init       (CtEditorPage   *self);

/* The image @file (dropped, chosen) or @texture (pasted) into the post:
 * the alt text prompt, the copy, the Markdown. */
void  ct_editor_image_insert_file      (CtEditorPage   *self,
                                        GFile          *file);
void  ct_editor_image_insert_texture   (CtEditorPage   *self,
                                        GdkTexture     *texture);

G_END_DECLS
