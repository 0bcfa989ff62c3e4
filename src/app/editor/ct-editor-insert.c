#define G_LOG_DOMAIN "ct-editor-insert"

#include "config.h"

#include <string.h>

#include "ct-editor-insert.h"
#include "ct-front-matter.h"
#include "ct-scanner.h"

/* Where the text after the front matter starts, as a buffer offset in
 * characters, or -1 without front matter. Core finds the fences. */
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
    return -1;
  return (int) g_utf8_strlen (text, (gssize) body_offset);
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
ct_editor_insert_reference (GtkTextView *view,
                            const char  *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  gboolean editable, block, in_front_matter;
  g_autoptr(GString) inserted = NULL;
  int body;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (text != NULL);

  buffer = gtk_text_view_get_buffer (view);
  editable = gtk_text_view_get_editable (view);
  gtk_text_buffer_begin_user_action (buffer);

  /* Front matter is YAML: a reference there would break the post (a caret
   * never moved sits at 0, before the opening `---`). There the text goes
   * to the body's start and the selection stays; in the body it replaces
   * the selection, as typing would. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  body = body_start (buffer);
  in_front_matter = body >= 0 && gtk_text_iter_get_offset (&iter) < body;
  if (in_front_matter)
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, body);
  else
    {
      gtk_text_buffer_delete_selection (buffer, TRUE, editable);
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }

  /* {{cast: …}} and the other block templates only work alone in a
   * paragraph: blank lines around them, as a writer would type them. */
  block = ct_reference_is_block (text);
  inserted = g_string_new (NULL);
  if (!gtk_text_iter_starts_line (&iter))
    g_string_append (inserted, block ? "\n\n" : (in_front_matter ? "\n" : ""));
  else if (block && !gtk_text_iter_is_start (&iter) && gtk_text_iter_get_offset (&iter) > MAX (body, 0))
    {
      GtkTextIter previous = iter;

      gtk_text_iter_backward_line (&previous);
      if (!line_is_blank (&previous))
        g_string_append_c (inserted, '\n');
    }
  g_string_append (inserted, text);
  if (block)
    g_string_append (inserted, gtk_text_iter_is_end (&iter) ? "\n" : "\n\n");

  gtk_text_buffer_insert_interactive (buffer, &iter, inserted->str, (int) inserted->len, editable);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (buffer));
}

guint
ct_editor_replace_ranges (GtkTextView               *view,
                          const CtEditorReplacement *replacements,
                          guint                      n)
{
  GtkTextBuffer *buffer;
  guint applied = 0;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), 0);

  if (!gtk_text_view_get_editable (view) || n == 0)
    return 0;
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_begin_user_action (buffer);
  /* last first: a change never moves the text of one still to come */
  for (guint k = n; k > 0; k--)
    {
      const CtEditorReplacement *r = &replacements[k - 1];
      g_autofree char *current = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_mark (buffer, &start, r->anchor);
      gtk_text_iter_forward_chars (&start, r->offset);
      end = start;
      gtk_text_iter_forward_chars (&end, r->length);
      current = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      if (g_strcmp0 (current, r->expected) != 0)
        continue;
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_insert (buffer, &start, r->replacement, -1);
      applied++;
    }
  gtk_text_buffer_end_user_action (buffer);
  return applied;
}
