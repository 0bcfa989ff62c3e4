#define G_LOG_DOMAIN "ct-text-mirror"

#include "config.h"

#include <string.h>

#include "ct-text-mirror.h"

struct _CtTextMirror
{
  GtkTextBuffer *buffer;       /* weak */
  GString       *text;         /* NULL: copy the buffer at the next dup */
  GArray        *lines;        /* gsize: where each line of text starts */
};

/* GtkTextBuffer also ends lines at a CR and at U+2029: the index below
 * only knows LF. */
static gboolean
has_other_line_ends (const char *text,
                     gsize       length)
{
  return memchr (text, '\r', length) != NULL ||
         g_strstr_len (text, length, "\xe2\x80\xa9") != NULL;
}

static void
reset (CtTextMirror *self)
{
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  self->text = NULL;
  g_array_set_size (self->lines, 0);
}

static gsize
offset_of (CtTextMirror      *self,
           const GtkTextIter *iter)
{
  guint line = gtk_text_iter_get_line (iter);

  return g_array_index (self->lines, gsize, line) + gtk_text_iter_get_line_index (iter);
}

/* Before the buffer inserts: @location is where the text goes. */
static void
on_insert_text_cb (GtkTextBuffer *buffer,
                   GtkTextIter   *location,
                   const char    *text,
                   int            length,
                   CtTextMirror  *self)
{
  guint line;
  gsize at;
  g_autoptr(GArray) starts = NULL;

  if (self->text == NULL)
    return;
  if (has_other_line_ends (text, length) || (guint) gtk_text_iter_get_line (location) >= self->lines->len)
    {
      reset (self);
      return;
    }

  line = gtk_text_iter_get_line (location);
  at = offset_of (self, location);
  g_string_insert_len (self->text, at, text, length);
  for (guint i = line + 1; i < self->lines->len; i++)
    g_array_index (self->lines, gsize, i) += length;

  starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = text; (p = memchr (p, '\n', text + length - p)) != NULL; p++)
    {
      gsize start = at + (gsize) (p - text) + 1;
      g_array_append_val (starts, start);
    }
  if (starts->len > 0)
    g_array_insert_vals (self->lines, line + 1, starts->data, starts->len);
}

/* Before the buffer deletes: both iterators are still valid. */
static void
on_delete_range_cb (GtkTextBuffer *buffer,
                    GtkTextIter   *start,
                    GtkTextIter   *end,
                    CtTextMirror  *self)
{
  guint first, last;
  gsize from, to;

  if (self->text == NULL)
    return;
  first = gtk_text_iter_get_line (start);
  last = gtk_text_iter_get_line (end);
  if (last >= self->lines->len)
    {
      reset (self);
      return;
    }
  from = offset_of (self, start);
  to = offset_of (self, end);
  g_string_erase (self->text, from, to - from);
  if (last > first)
    g_array_remove_range (self->lines, first + 1, last - first);
  for (guint i = first + 1; i < self->lines->len; i++)
    g_array_index (self->lines, gsize, i) -= to - from;
}

CtTextMirror *
ct_text_mirror_new (GtkTextBuffer *buffer)
{
  CtTextMirror *self = g_new0 (CtTextMirror, 1);

  self->buffer = buffer;
  g_object_add_weak_pointer (G_OBJECT (buffer), (gpointer *) &self->buffer);
  self->lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  /* Not after: the iterators must point into the text before the edit. */
  g_signal_connect (buffer, "insert-text", G_CALLBACK (on_insert_text_cb), self);
  g_signal_connect (buffer, "delete-range", G_CALLBACK (on_delete_range_cb), self);
  return self;
}

void
ct_text_mirror_free (CtTextMirror *self)
{
  if (self == NULL)
    return;
  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      g_object_remove_weak_pointer (G_OBJECT (self->buffer), (gpointer *) &self->buffer);
    }
  reset (self);
  g_array_unref (self->lines);
  g_free (self);
}

/* The copy agrees with the buffer on its lines and the last line's
 * length: cheap, and what a missed edit would break. */
static gboolean
in_step (CtTextMirror *self)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  return (guint) gtk_text_buffer_get_line_count (self->buffer) == self->lines->len &&
         self->text->len - g_array_index (self->lines, gsize, self->lines->len - 1) ==
         (gsize) gtk_text_iter_get_line_index (&end);
}

gsize
ct_text_mirror_byte_offset (CtTextMirror      *self,
                            const GtkTextIter *iter)
{
  GtkTextIter start;
  g_autofree char *before = NULL;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (iter != NULL, 0);

  if (self->text != NULL && in_step (self))
    return offset_of (self, iter);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  before = gtk_text_iter_get_slice (&start, iter);
  return strlen (before);
}

char *
ct_text_mirror_dup (CtTextMirror *self,
                    gsize        *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->buffer != NULL, NULL);

  if (self->text != NULL && !in_step (self))
    {
      g_warning ("The preview's copy of the text missed an edit: copying it again");
      reset (self);
    }
  if (self->text == NULL)
    {
      GtkTextIter start, end;
      char *text;
      gsize start_of_line = 0;

      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
      *length = strlen (text);
      if (has_other_line_ends (text, *length))
        return text;  /* kept in step by copies only */
      self->text = g_string_new_len (text, *length);
      g_array_append_val (self->lines, start_of_line);
      for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
        {
          start_of_line = (gsize) (p - text) + 1;
          g_array_append_val (self->lines, start_of_line);
        }
      return text;
    }

  *length = self->text->len;
  return g_memdup2 (self->text->str, self->text->len + 1);
}
