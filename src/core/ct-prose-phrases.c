#define G_LOG_DOMAIN "ct-prose-phrases"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ct-prose-phrases.h"

/* The English phrasing of the prose checks. Each table is one
 * translatable string of phrases separated by "|", so a translation can
 * list as many phrases as its language needs, in any order; matching
 * ignores case. The checks read sentences word by word: a phrase is
 * words, and punctuation between words does not belong in one. */

static void
phrase_free (CtProsePhrase *phrase)
{
  g_strfreev (phrase->words);
  g_free (phrase);
}

/* "opens|hits cinemas" → phrases of folded words. */
static GPtrArray *
split_phrases (const char *list)
{
  GPtrArray *phrases = g_ptr_array_new_with_free_func ((GDestroyNotify) phrase_free);
  g_auto(GStrv) items = g_strsplit (list, "|", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (g_strstrip (items[i]), -1);
      g_auto(GStrv) words = g_strsplit_set (folded, " \t", -1);
      GPtrArray *kept = g_ptr_array_new ();
      CtProsePhrase *phrase;

      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          g_ptr_array_add (kept, g_strdup (words[j]));
      if (kept->len == 0)
        {
          g_ptr_array_unref (kept);
          continue;
        }
      phrase = g_new0 (CtProsePhrase, 1);
      phrase->n_words = kept->len;
      g_ptr_array_add (kept, NULL);
      phrase->words = (GStrv) g_ptr_array_free (kept, FALSE);
      g_ptr_array_add (phrases, phrase);
    }
  return phrases;
}

const GPtrArray *
ct_prose_release_phrases (void)
{
  static GPtrArray *phrases;

  if (g_once_init_enter (&phrases))
    /* Translators: words that say a film comes out, followed in a sentence
     * by its date ("[[Ballerina]] opens in June 2025"). Separate phrases
     * with "|"; add as many as your language uses; case does not matter.
     * Leave out words a plot summary uses for people ("open", "arrives",
     * "lands", "bows"): they would read a character's year as a release. */
    g_once_init_leave (&phrases, split_phrases (_("opens|opened|released|releases|release|"
                                                  "premieres|premiered|premiere|out in|out on|comes out|"
                                                  "came out|coming out|hits cinemas|hit cinemas|hits theaters|"
                                                  "hit theaters|hits theatres|hit theatres|debuts|debuted")));
  return phrases;
}

const char * const *
ct_prose_crew_roles (void)
{
  static const char * const roles[] = { "director", "writer", "cinematographer", NULL };
  return roles;
}

const GPtrArray *
ct_prose_crew_phrases (const char *role)
{
  static GPtrArray *directed, *written, *shot;

  if (g_once_init_enter (&directed))
    /* Translators: words before the name of a film's director ("directed
     * by Len Wiseman"). Separate phrases with "|"; add your language's. */
    g_once_init_leave (&directed, split_phrases (_("directed by|direction by|helmed by")));
  if (g_once_init_enter (&written))
    /* Translators: words before the name of a film's writer ("written by
     * Shay Hatten"). Separate phrases with "|"; add your language's. */
    g_once_init_leave (&written, split_phrases (_("written by|scripted by|screenplay by")));
  if (g_once_init_enter (&shot))
    /* Translators: words before the name of a film's cinematographer
     * ("shot by Romain Lacourbas"). Separate phrases with "|". */
    g_once_init_leave (&shot, split_phrases (_("shot by|photographed by|lensed by|cinematography by")));

  if (g_strcmp0 (role, "director") == 0)
    return directed;
  if (g_strcmp0 (role, "writer") == 0)
    return written;
  if (g_strcmp0 (role, "cinematographer") == 0)
    return shot;
  return NULL;
}

const GPtrArray *
ct_prose_casting_phrases (void)
{
  static GPtrArray *phrases;

  if (g_once_init_enter (&phrases))
    /* Translators: words between an actor and the character they play
     * ("[[Ana de Armas]] as [[Rooney]]", "… plays …"). Separate phrases
     * with "|"; add your language's. */
    g_once_init_leave (&phrases, split_phrases (_("as|plays|played|playing|stars as|starring as|"
                                                  "portrays|portrayed|returns as|returning as")));
  return phrases;
}

gboolean
ct_prose_is_name_particle (const char *folded)
{
  static GPtrArray *particles;

  if (g_once_init_enter (&particles))
    /* Translators: small lower-case words that may sit inside a person's
     * name ("Ana de Armas"). Separate them with "|". */
    g_once_init_leave (&particles, split_phrases (_("de|da|del|della|di|du|van|von|der|den|la|le|bin|al")));

  for (guint i = 0; i < particles->len; i++)
    {
      const CtProsePhrase *phrase = g_ptr_array_index (particles, i);
      if (g_str_equal (phrase->words[0], folded))
        return TRUE;
    }
  return FALSE;
}

/* The months as prose names them: the first name of each is the one a
 * replacement writes. */
static GPtrArray *
months (void)
{
  static GPtrArray *table;

  if (g_once_init_enter (&table))
    {
      GPtrArray *made = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char *names[12] = {
        /* Translators: the names of a month in prose, the one to write
         * first, then others it may be written as ("Sept."), separated
         * by "|". The same for the eleven other months. */
        N_("January|Jan"), N_("February|Feb"), N_("March|Mar"), N_("April|Apr"),
        N_("May"), N_("June|Jun"), N_("July|Jul"), N_("August|Aug"),
        N_("September|Sep|Sept"), N_("October|Oct"), N_("November|Nov"), N_("December|Dec"),
      };

      for (guint i = 0; i < 12; i++)
        g_ptr_array_add (made, g_strsplit (_(names[i]), "|", -1));
      g_once_init_leave (&table, made);
    }
  return table;
}

guint
ct_prose_month_from_word (const char *folded)
{
  static GHashTable *by_name;

  /* every name of every month, folded once: read for each word of a
   * sentence that may hold a date */
  if (g_once_init_enter (&by_name))
    {
      GHashTable *made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GPtrArray *table = months ();

      for (guint m = 0; m < table->len; m++)
        {
          GStrv names = g_ptr_array_index (table, m);

          for (guint i = 0; names[i] != NULL; i++)
            g_hash_table_insert (made, g_utf8_casefold (g_strstrip (names[i]), -1), GUINT_TO_POINTER (m + 1));
        }
      g_once_init_leave (&by_name, made);
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (by_name, folded));
}

const char *
ct_prose_month_name (guint month)
{
  GPtrArray *table = months ();

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  return ((GStrv) g_ptr_array_index (table, month - 1))[0];
}
