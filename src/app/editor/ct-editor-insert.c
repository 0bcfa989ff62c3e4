#define G_LOG_DOMAIN "ct-editor-insert"

#include "config.h"

#include <string.h>

#include "ct-editor-insert.h"
#include "ct-front-matter.h"
#include "ct-scanner.h"

/* Where the text after the front matter starts, as a buffer offset in
 * characters (0 without front matter). Core finds the fence. */
static int
body_start (GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gsize body_offset = 0;
  guint body_line = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (!ct_front_matter_split (text, strlen (text), &body_offset, &body_line))
    return 0;
  return (int) g_utf8_pointer_to_offset (text, text + body_offset);
}

static gboolean
line_is_blank (const GtkTextIter *iter)
{
  GtkTextIter start = *iter, end = *iter;
  g_autofree char *line = NULL;

  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  line = gtk_text_iter_get_text (&start, &end);
  return *g_strstrip (line) == '\0';
}

void
ct_editor_insert_reference (CtEditorPage *page,
                            const char   *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  int body;
  gboolean block;
  g_autoptr(GString) inserted = NULL;

  g_return_if_fail (CT_IS_EDITOR_PAGE (page));
  g_return_if_fail (text != NULL);

  buffer = GTK_TEXT_BUFFER (ct_editor_page_get_document (page));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  /* Front matter is YAML: a reference there would break the post. */
  body = body_start (buffer);
  if (gtk_text_iter_get_offset (&iter) < body)
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, body);

  /* {{cast: …}} and the other block templates only work alone in a
   * paragraph: blank lines around them, as a writer would type them. */
  block = ct_reference_is_block (text);
  inserted = g_string_new (NULL);
  if (block)
    {
      if (!gtk_text_iter_starts_line (&iter))
        g_string_append (inserted, "\n\n");
      else if (!gtk_text_iter_is_start (&iter) && gtk_text_iter_get_offset (&iter) > body)
        {
          GtkTextIter previous = iter;

          gtk_text_iter_backward_line (&previous);
          if (!line_is_blank (&previous))
            g_string_append_c (inserted, '\n');
        }
    }
  g_string_append (inserted, text);
  if (block)
    g_string_append (inserted, gtk_text_iter_is_end (&iter) ? "\n" : "\n\n");

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &iter, inserted->str, (int) inserted->len);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (ct_editor_page_get_view (page)),
                                      gtk_text_buffer_get_insert (buffer));
}
