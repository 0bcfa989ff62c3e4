#define G_LOG_DOMAIN "ct-spell"

#include "config.h"

#include "ct-spell-private.h"

/* One check, in the worker: the post's language (its front matter may
 * have changed), the prose of the whole post, then the words of each
 * window, with offsets turned from core's bytes into the characters
 * GtkTextIter counts. Nothing here touches GTK. */


void
_ct_spell_job_free (CtSpellJob *job)
{
  g_free (job->text);
  g_free (job->chosen);
  g_clear_object (&job->checker);
  g_strfreev (job->wiki_names);
  g_array_unref (job->windows);
  g_clear_object (&job->used);
  g_free (job->problem);
  g_clear_pointer (&job->found, g_array_unref);
  g_free (job);
}

/* Byte offset of character @chars, going on from (@at_chars, @at_bytes). */
static gsize
bytes_at (const char *text,
          gsize       length,
          gsize      *at_chars,
          gsize      *at_bytes,
          gsize       chars)
{
  while (*at_chars < chars && *at_bytes < length)
    {
      *at_bytes = g_utf8_next_char (text + *at_bytes) - text;
      (*at_chars)++;
    }
  return MIN (*at_bytes, length);
}

void
_ct_spell_job_run (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CtSpellJob *job = task_data;
  g_autofree char *language = ct_spell_language_for_post (job->text, job->length, job->chosen);
  g_autoptr(GArray) prose = NULL;
  gsize chars = 0, bytes = 0;
  gsize found_chars = 0, found_bytes = 0;
  GError *error = NULL;

  if (job->checker != NULL && g_str_equal (ct_spell_checker_get_language (job->checker), language))
    job->used = g_object_ref (job->checker);
  else
    {
      job->used = ct_spell_checker_new (language, &error);
      if (job->used == NULL)
        {
          job->problem = g_strdup (error->message);
          g_clear_error (&error);
          g_task_return_boolean (task, TRUE);
          return;
        }
      ct_spell_checker_set_wiki_names (job->used, (const char * const *) job->wiki_names);
    }

  prose = ct_spell_prose_ranges (job->text, job->length);
  job->found = g_array_new (FALSE, FALSE, sizeof (CtTextRange));

  for (guint i = 0; i < job->windows->len; i++)
    {
      const CtTextRange *w = &g_array_index (job->windows, CtTextRange, i);
      gsize from = bytes_at (job->text, job->length, &chars, &bytes, w->start);
      gsize to = bytes_at (job->text, job->length, &chars, &bytes, w->end);
      g_autoptr(GPtrArray) found = NULL;

      found = ct_spell_checker_check_ranges (job->used, job->text, job->length, prose,
                                             from, to, 0, cancellable, &error);
      if (found == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      for (guint k = 0; k < found->len; k++)
        {
          CtMisspelling *m = g_ptr_array_index (found, k);
          CtTextRange r;

          /* windows and words both go forward through the text */
          found_chars += g_utf8_pointer_to_offset (job->text + found_bytes, job->text + m->start);
          found_bytes = m->start;
          r.start = found_chars;
          r.end = found_chars + g_utf8_strlen (m->word, -1);
          g_array_append_val (job->found, r);
        }
    }
  g_task_return_boolean (task, TRUE);
}

