#define G_LOG_DOMAIN "ct-cli-check"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ct-cli-spelling.h"
#include "ct-spell.h"

/* `continuity check --spelling`: the editor's spelling engine, one line a
 * misspelt word, "PATH:LINE:COL: spelling: WORD (suggestions: a, b, c)",
 * so a blog's CI can fail on a typo. Checkers are made once per language
 * and reused for every file of a run. */

#define MAX_SUGGESTIONS 3

struct _CtCliSpelling
{
  GHashTable *checkers;  /* language → CtSpellChecker */
  GHashTable *loaded;    /* CtSpellChecker → the CtWiki its words came from */
};

CtCliSpelling *
ct_cli_spelling_new (void)
{
  CtCliSpelling *self = g_new0 (CtCliSpelling, 1);

  self->checkers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->loaded = g_hash_table_new (NULL, NULL);
  return self;
}

void
ct_cli_spelling_free (CtCliSpelling *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->checkers);
  g_hash_table_unref (self->loaded);
  g_free (self);
}

static CtSpellChecker *
checker_for (CtCliSpelling  *self,
             const char     *language,
             CtWiki         *wiki,
             GError        **error)
{
  CtSpellChecker *checker = g_hash_table_lookup (self->checkers, language);

  if (checker == NULL)
    {
      checker = ct_spell_checker_new (language, error);
      if (checker == NULL)
        return NULL;
      g_hash_table_insert (self->checkers, g_strdup (language), checker);
    }
  if (g_hash_table_lookup (self->loaded, checker) != wiki)
    {
      if (wiki != NULL && !ct_spell_checker_load_wiki (checker, wiki, error))
        return NULL;
      if (wiki == NULL)
        ct_spell_checker_set_wiki_names (checker, NULL);
      g_hash_table_insert (self->loaded, checker, wiki);
    }
  return checker;
}

gboolean
ct_cli_spelling_check (CtCliSpelling  *self,
                       CtWiki         *wiki,
                       const char     *path,
                       const char     *text,
                       gsize           length,
                       guint          *misspelt,
                       GError        **error)
{
  g_autofree char *language = ct_spell_language_for_post (text, length, NULL);
  g_autoptr(GPtrArray) found = NULL;
  CtSpellChecker *checker;

  checker = checker_for (self, language, wiki, error);
  if (checker == NULL)
    return FALSE;
  found = ct_spell_checker_check (checker, text, length, MAX_SUGGESTIONS, error);
  if (found == NULL)
    return FALSE;

  for (guint i = 0; i < found->len; i++)
    {
      CtMisspelling *m = g_ptr_array_index (found, i);
      g_autofree char *suggestions = g_strjoinv (", ", m->suggestions);

      if (*suggestions != '\0')
        /* Translators: "spelling" is a diagnostic kind, like error and warning */
        printf (_("%s:%u:%u: spelling: %s (suggestions: %s)\n"), path, m->line, m->column, m->word, suggestions);
      else
        printf (_("%s:%u:%u: spelling: %s (no suggestions)\n"), path, m->line, m->column, m->word);
    }
  *misspelt += found->len;
  return TRUE;
}
