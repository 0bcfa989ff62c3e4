#define G_LOG_DOMAIN "ct-spell"

#include "config.h"

#include <string.h>
#include "ct-spell-enchant.h"

#include "ct-front-matter.h"
#include "ct-spell.h"

/* Which language a post is checked in: the post says so (`lang:`), else
 * the writer chose one for it in the editor, else the user's locale when
 * a dictionary for it is installed, else US English, which Debian's
 * hunspell-en-us gives. */

char *
ct_spell_normalize_language (const char *language)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (language));
  GString *s = g_string_new (NULL);
  gboolean region = FALSE;

  /* "en-gb.UTF-8@euro" → "en_GB": enchant's tags are language_REGION */
  for (const char *p = trimmed; *p != '\0' && *p != '.' && *p != '@'; p++)
    {
      if (*p == '-' || *p == '_')
        {
          region = TRUE;
          g_string_append_c (s, '_');
        }
      else if (g_ascii_isalnum (*p))
        g_string_append_c (s, region ? g_ascii_toupper (*p) : g_ascii_tolower (*p));
    }
  return g_string_free (s, FALSE);
}

static gboolean
dictionary_exists (const char *language)
{
  const CtEnchant *enchant = ct_spell_enchant_get (NULL);
  EnchantBroker *broker;
  gboolean exists;

  /* without enchant there is no dictionary at all */
  if (enchant == NULL)
    return FALSE;
  broker = enchant->broker_init ();
  exists = *language != '\0' && enchant->broker_dict_exists (broker, language);
  enchant->broker_free (broker);
  return exists;
}

char *
ct_spell_default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *language = ct_spell_normalize_language (names[i]);

      if (g_str_equal (language, "C") || g_str_equal (language, "c")
          || g_str_equal (language, "posix") || *language == '\0')
        continue;
      if (dictionary_exists (language))
        return g_steal_pointer (&language);
    }
  return g_strdup ("en_US");
}

char *
ct_spell_language_for_post (const char *text,
                            gsize       length,
                            const char *chosen)
{
  g_autoptr(CtFrontMatter) fm = NULL;

  /* front matter that does not parse says nothing about the language;
   * `continuity check` reports it elsewhere */
  fm = ct_front_matter_parse (text, length, NULL);
  if (fm != NULL && fm->lang != NULL && *fm->lang != '\0')
    return ct_spell_normalize_language (fm->lang);
  if (chosen != NULL && *chosen != '\0')
    return ct_spell_normalize_language (chosen);
  return ct_spell_default_language ();
}

static void
describe_cb (const char * const lang_tag,
             const char * const provider_name,
             const char * const provider_desc,
             const char * const provider_file,
             void              *user_data)
{
  GPtrArray *languages = user_data;

  for (guint i = 0; i < languages->len; i++)
    if (g_str_equal (g_ptr_array_index (languages, i), lang_tag))
      return;
  g_ptr_array_add (languages, g_strdup (lang_tag));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
ct_spell_list_languages (void)
{
  const CtEnchant *enchant = ct_spell_enchant_get (NULL);
  GPtrArray *languages = g_ptr_array_new ();

  if (enchant != NULL)
    {
      EnchantBroker *broker = enchant->broker_init ();

      enchant->broker_list_dicts (broker, describe_cb, languages);
      enchant->broker_free (broker);
    }
  g_ptr_array_sort (languages, compare_strings);
  g_ptr_array_add (languages, NULL);
  return (GStrv) g_ptr_array_free (languages, FALSE);
}
