#define G_LOG_DOMAIN "ct-spell"

#include "config.h"

#include <string.h>

#include "ct-spell-private.h"

/* A copy of the buffer's text kept up to date edit by edit, so a check
 * can hand the worker the text with one memcpy. Copying it out of the
 * GtkTextBuffer instead walks every line and every highlighting tag
 * toggle: 150 ms and more for a 3 MB post here, a stall on each check.
 *
 * Edits come in characters; the copy is in bytes. The byte offset of the
 * last edit is kept as an anchor: typing happens near the last edit, so
 * finding the next one walks a few characters, not the whole text. */

struct _CtSpellMirror
{
  GString *text;
  gsize    chars;          /* characters in text */
  gsize    anchor_char;    /* a character offset … */
  gsize    anchor_byte;    /* … and its byte offset */
};

CtSpellMirror *
_ct_spell_mirror_new (void)
{
  CtSpellMirror *self = g_new0 (CtSpellMirror, 1);

  self->text = g_string_new (NULL);
  return self;
}

void
_ct_spell_mirror_free (CtSpellMirror *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_free (self);
}

/* The byte offset of character @offset, from the nearest of the start,
 * the anchor and the end; it becomes the anchor. */
static gsize
byte_of (CtSpellMirror *self,
         gsize          offset)
{
  const char *base = self->text->str;
  const char *p;
  gsize at;

  offset = MIN (offset, self->chars);
  if (offset >= self->anchor_char)
    {
      if (self->chars - offset < offset - self->anchor_char)
        {
          p = base + self->text->len;
          for (at = self->chars; at > offset; at--)
            p = g_utf8_prev_char (p);
        }
      else
        {
          p = base + self->anchor_byte;
          for (at = self->anchor_char; at < offset; at++)
            p = g_utf8_next_char (p);
        }
    }
  else if (offset < self->anchor_char - offset)
    p = g_utf8_offset_to_pointer (base, offset);
  else
    {
      p = base + self->anchor_byte;
      for (at = self->anchor_char; at > offset; at--)
        p = g_utf8_prev_char (p);
    }

  self->anchor_char = offset;
  self->anchor_byte = p - base;
  return self->anchor_byte;
}

void
_ct_spell_mirror_insert (CtSpellMirror *self,
                         gsize          offset,
                         const char    *text,
                         gssize         length)
{
  gsize at = byte_of (self, offset);

  if (length < 0)
    length = strlen (text);
  g_string_insert_len (self->text, at, text, length);
  self->chars += g_utf8_strlen (text, length);
}

void
_ct_spell_mirror_delete (CtSpellMirror *self,
                         gsize          start,
                         gsize          end)
{
  gsize from, to;

  if (end <= start)
    return;
  to = byte_of (self, end);
  from = byte_of (self, start);
  g_string_erase (self->text, from, to - from);
  self->chars -= MIN (end, self->chars) - start;
}

gsize
_ct_spell_mirror_get_chars (CtSpellMirror *self)
{
  return self->chars;
}

char *
_ct_spell_mirror_dup (CtSpellMirror *self,
                      gsize         *length)
{
  *length = self->text->len;
  return g_strndup (self->text->str, self->text->len);
}

void
_ct_spell_mirror_reset (CtSpellMirror *self,
                        const char    *text)
{
  g_string_assign (self->text, text);
  self->chars = g_utf8_strlen (text, -1);
  self->anchor_char = self->anchor_byte = 0;
}
