#define G_LOG_DOMAIN "ct-reference-rewrite"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-error.h"
#include "ct-reference-rewrite.h"
#include "ct-scanner.h"
#include "ct-wiki-private.h"

/* The characters that end or split a reference, as titles forbid them
 * (ct-wiki-edit.c): a title holding one could not be written back. */
#define REFERENCE_PUNCTUATION "|[]{}"

static gboolean
check_title (const char  *title,
             GError     **error)
{
  const char *bad;

  if (!g_utf8_validate (title, -1, NULL))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING, _("The new title is not valid UTF-8 text."));
      return FALSE;
    }
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                     _("The new title “%s” contains a line break or control character, which a reference cannot hold."), title);
        return FALSE;
      }
  if ((bad = strpbrk (title, REFERENCE_PUNCTUATION)) != NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("The new title “%s” contains “%c”, which references use as punctuation."), title, *bad);
      return FALSE;
    }
  return TRUE;
}

char *
ct_reference_rename (const char  *text,
                     gsize        length,
                     const char  *old_name,
                     const char  *new_title,
                     guint       *n_changed,
                     GError     **error)
{
  g_autofree char *title = NULL;
  g_autofree char *old_key = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  GString *out = NULL;
  gsize copied = 0;
  guint changed = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (old_name != NULL && new_title != NULL, NULL);

  if (n_changed != NULL)
    *n_changed = 0;
  title = g_strstrip (g_strdup (new_title));
  if (*title == '\0')
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("The new title is empty."));
      return NULL;
    }
  if (!check_title (title, error))
    return NULL;
  if (text == NULL || !ct_text_has_reference_opener (text, length))
    return NULL;

  /* The same mentions the post index stores, with the byte range of each
   * name: only that range is replaced. */
  old_key = _ct_wiki_name_key (old_name);
  mentions = _ct_wiki_collect_mentions (text, length);
  for (guint i = 0; i < mentions->len; i++)
    {
      CtMention *m = g_ptr_array_index (mentions, i);
      g_autofree char *key = _ct_wiki_name_key (m->name);

      /* Already spelled so: nothing to change. */
      if (!g_str_equal (key, old_key)
          || (m->end - m->start == strlen (title) && memcmp (text + m->start, title, m->end - m->start) == 0))
        continue;
      if (out == NULL)
        out = g_string_sized_new (length + 64);
      g_string_append_len (out, text + copied, m->start - copied);
      g_string_append (out, title);
      copied = m->end;
      changed++;
    }
  if (out == NULL)
    return NULL;
  g_string_append_len (out, text + copied, length - copied);
  if (n_changed != NULL)
    *n_changed = changed;
  return g_string_free (out, FALSE);
}
