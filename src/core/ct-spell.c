#define G_LOG_DOMAIN "ct-spell"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ct-error.h"
#include "ct-spell.h"
#include "ct-spell-enchant.h"

/* Enchant answers for the language and the user's personal word list;
 * the wiki's words and the session's ignored words are ours, because
 * enchant's session list belongs to one dictionary object and would also
 * be written as-is, while wiki words must match whatever their case
 * ("rooney's" in a heading typed in lower case still names Rooney). */

/* Words whose answer is remembered; past it the memo starts again, so a
 * huge post cannot make it grow without bound. */
#define MEMO_LIMIT 200000

struct _CtSpellChecker
{
  GObject        parent_instance;

  GMutex         lock;         /* around everything below: enchant is not thread-safe */
  const CtEnchant *enchant;    /* loaded on first use (ct-spell-enchant.c) */
  EnchantBroker *broker;
  EnchantDict   *dict;
  char          *language;
  GHashTable    *wiki_words;   /* case-folded word → itself */
  GHashTable    *ignored;      /* case-folded word → itself */
  GHashTable    *memo;         /* word as written → GINT_TO_POINTER (1 right, 2 wrong) */
};

G_DEFINE_FINAL_TYPE (CtSpellChecker, ct_spell_checker, G_TYPE_OBJECT)

void
ct_misspelling_free (CtMisspelling *self)
{
  if (self == NULL)
    return;
  g_free (self->word);
  g_strfreev (self->suggestions);
  g_free (self);
}

/* Enchant's hunspell reads the typewriter apostrophe; writers type ’. */
static char *
plain_apostrophes (const char *word,
                   gssize      length)
{
  GString *s = g_string_new_len (word, length < 0 ? (gssize) strlen (word) : length);

  g_string_replace (s, "\xe2\x80\x99", "'", 0);
  return g_string_free (s, FALSE);
}

static void
add_word_cb (const char *word,
             gsize       length,
             gsize       offset,
             gpointer    user_data)
{
  GHashTable *set = user_data;
  g_autofree char *plain = plain_apostrophes (word, length);
  char *folded = g_utf8_casefold (plain, -1);

  g_hash_table_add (set, folded);
}

static gboolean
in_set (GHashTable *set,
        const char *plain)
{
  g_autofree char *folded = g_utf8_casefold (plain, -1);
  gsize n = strlen (folded);

  if (g_hash_table_contains (set, folded))
    return TRUE;
  /* the possessive of a known word: Wick's, Laustsen’s */
  if (n > 2 && folded[n - 2] == '\'' && folded[n - 1] == 's')
    {
      folded[n - 2] = '\0';
      return g_hash_table_contains (set, folded);
    }
  return FALSE;
}

/* With the lock held. */
static gboolean
check_locked (CtSpellChecker *self,
              const char     *word,
              gsize           length)
{
  g_autofree char *plain = plain_apostrophes (word, length);
  gpointer known;
  gboolean right;

  known = g_hash_table_lookup (self->memo, plain);
  if (known != NULL)
    return GPOINTER_TO_INT (known) == 1;

  right = in_set (self->wiki_words, plain)
          || in_set (self->ignored, plain)
          || self->enchant->dict_check (self->dict, plain, -1) == 0;

  if (g_hash_table_size (self->memo) >= MEMO_LIMIT)
    g_hash_table_remove_all (self->memo);
  g_hash_table_insert (self->memo, g_steal_pointer (&plain), GINT_TO_POINTER (right ? 1 : 2));
  return right;
}

static GStrv
suggest_locked (CtSpellChecker *self,
                const char     *word,
                gsize           length,
                guint           max)
{
  g_autofree char *plain = plain_apostrophes (word, length);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  size_t n = 0;
  char **list;

  if (max > 0)
    {
      list = self->enchant->dict_suggest (self->dict, plain, -1, &n);
      for (size_t i = 0; list != NULL && i < n && i < max; i++)
        g_strv_builder_add (builder, list[i]);
      if (list != NULL)
        self->enchant->dict_free_string_list (self->dict, list);
    }
  return g_strv_builder_end (builder);
}

static void
ct_spell_checker_finalize (GObject *object)
{
  CtSpellChecker *self = CT_SPELL_CHECKER (object);

  if (self->dict != NULL)
    self->enchant->broker_free_dict (self->broker, self->dict);
  if (self->broker != NULL)
    self->enchant->broker_free (self->broker);
  g_free (self->language);
  g_hash_table_unref (self->wiki_words);
  g_hash_table_unref (self->ignored);
  g_hash_table_unref (self->memo);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ct_spell_checker_parent_class)->finalize (object);
}

static void
ct_spell_checker_class_init (CtSpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_spell_checker_finalize;
}

static void
ct_spell_checker_init (CtSpellChecker *self)
{
  g_mutex_init (&self->lock);
  self->wiki_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

CtSpellChecker *
ct_spell_checker_new (const char  *language,
                      GError     **error)
{
  g_autoptr(CtSpellChecker) self = g_object_new (CT_TYPE_SPELL_CHECKER, NULL);

  g_return_val_if_fail (language != NULL, NULL);

  self->language = ct_spell_normalize_language (language);
  self->enchant = ct_spell_enchant_get (error);
  if (self->enchant == NULL)
    return NULL;
  self->broker = self->enchant->broker_init ();
  if (*self->language != '\0' && self->enchant->broker_dict_exists (self->broker, self->language))
    self->dict = self->enchant->broker_request_dict (self->broker, self->language);
  if (self->dict == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                   /* Translators: %s is a language code such as fr_FR */
                   _("No spelling dictionary for “%s” is installed: install one (for example "
                     "the hunspell package for that language) or choose another language"),
                   language);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
ct_spell_checker_get_language (CtSpellChecker *self)
{
  g_return_val_if_fail (CT_IS_SPELL_CHECKER (self), NULL);
  return self->language;
}

void
ct_spell_checker_set_wiki_names (CtSpellChecker     *self,
                                 const char * const *names)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_if_fail (CT_IS_SPELL_CHECKER (self));

  /* split outside the lock: a big wiki must not hold up a check */
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_utf8_validate (names[i], -1, NULL))
      ct_spell_foreach_word (names[i], 0, strlen (names[i]), add_word_cb, words);

  g_mutex_lock (&self->lock);
  g_hash_table_unref (self->wiki_words);
  self->wiki_words = g_steal_pointer (&words);
  g_hash_table_remove_all (self->memo);
  g_mutex_unlock (&self->lock);
}

GStrv
ct_spell_wiki_names (CtWiki  *wiki,
                     GError **error)
{
  g_autoptr(GPtrArray) entities = ct_wiki_list_entity_names (wiki, error);
  GPtrArray *names;

  if (entities == NULL)
    return NULL;
  names = g_ptr_array_new ();
  for (guint i = 0; i < entities->len; i++)
    {
      CtEntity *entity = g_ptr_array_index (entities, i);

      g_ptr_array_add (names, g_steal_pointer (&entity->title));
      for (guint j = 0; entity->aliases[j] != NULL; j++)
        g_ptr_array_add (names, g_steal_pointer (&entity->aliases[j]));
    }
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (names, FALSE);
}

gboolean
ct_spell_checker_load_wiki (CtSpellChecker  *self,
                            CtWiki          *wiki,
                            GError         **error)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (CT_IS_SPELL_CHECKER (self), FALSE);

  names = ct_spell_wiki_names (wiki, error);
  if (names == NULL)
    return FALSE;
  ct_spell_checker_set_wiki_names (self, (const char * const *) names);
  return TRUE;
}

gboolean
ct_spell_checker_check_word (CtSpellChecker *self,
                             const char     *word,
                             gssize          length)
{
  gboolean right;

  g_return_val_if_fail (CT_IS_SPELL_CHECKER (self), TRUE);

  if (length < 0)
    length = strlen (word);
  if (length == 0 || !g_utf8_validate (word, length, NULL))
    return TRUE;
  g_mutex_lock (&self->lock);
  right = check_locked (self, word, length);
  g_mutex_unlock (&self->lock);
  return right;
}

GStrv
ct_spell_checker_suggest (CtSpellChecker *self,
                          const char     *word,
                          guint           max)
{
  GStrv list;

  g_return_val_if_fail (CT_IS_SPELL_CHECKER (self), NULL);

  if (!g_utf8_validate (word, -1, NULL) || *word == '\0')
    return g_new0 (char *, 1);
  g_mutex_lock (&self->lock);
  list = suggest_locked (self, word, strlen (word), max);
  g_mutex_unlock (&self->lock);
  return list;
}

void
ct_spell_checker_add_to_dictionary (CtSpellChecker *self,
                                    const char     *word)
{
  g_autofree char *plain = NULL;

  g_return_if_fail (CT_IS_SPELL_CHECKER (self));
  if (!g_utf8_validate (word, -1, NULL) || *word == '\0')
    return;

  plain = plain_apostrophes (word, -1);
  g_mutex_lock (&self->lock);
  self->enchant->dict_add (self->dict, plain, -1);
  g_hash_table_remove_all (self->memo);
  g_mutex_unlock (&self->lock);
}

void
ct_spell_checker_ignore (CtSpellChecker *self,
                         const char     *word)
{
  g_autofree char *plain = NULL;

  g_return_if_fail (CT_IS_SPELL_CHECKER (self));
  if (!g_utf8_validate (word, -1, NULL) || *word == '\0')
    return;

  plain = plain_apostrophes (word, -1);
  g_mutex_lock (&self->lock);
  g_hash_table_add (self->ignored, g_utf8_casefold (plain, -1));
  g_hash_table_remove_all (self->memo);
  g_mutex_unlock (&self->lock);
}

typedef struct {
  CtSpellChecker *self;
  const char     *text;
  GPtrArray      *found;
  guint           max_suggestions;
  gsize           line_at;       /* byte where line @line starts */
  guint           line;
} Check;

static void
check_word_cb (const char *word,
               gsize       length,
               gsize       offset,
               gpointer    user_data)
{
  Check *check = user_data;
  CtMisspelling *m;

  if (check_locked (check->self, word, length))
    return;

  /* words come in document order: count lines from the last one */
  for (const char *nl; (nl = memchr (check->text + check->line_at, '\n',
                                    offset - check->line_at)) != NULL; )
    {
      check->line_at = nl + 1 - check->text;
      check->line++;
    }

  m = g_new0 (CtMisspelling, 1);
  m->start = offset;
  m->end = offset + length;
  m->line = check->line;
  m->column = 1 + g_utf8_strlen (check->text + check->line_at, offset - check->line_at);
  m->word = g_strndup (word, length);
  m->suggestions = suggest_locked (check->self, word, length, check->max_suggestions);
  g_ptr_array_add (check->found, m);
}

GPtrArray *
ct_spell_checker_check_ranges (CtSpellChecker  *self,
                               const char      *text,
                               gsize            length,
                               GArray          *prose,
                               gsize            from,
                               gsize            to,
                               guint            max_suggestions,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_misspelling_free);
  Check check = { self, text, found, max_suggestions, 0, 1 };
  const char *bad;

  g_return_val_if_fail (CT_IS_SPELL_CHECKER (self), NULL);

  if (!g_utf8_validate (text, length, &bad))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING,
                   _("The text is not valid UTF-8 (at byte %lld)"),
                   (long long) (bad - text));
      return NULL;
    }
  to = MIN (to, length);

  for (guint i = 0; i < prose->len; i++)
    {
      const CtTextRange *r = &g_array_index (prose, CtTextRange, i);
      gsize start = MAX (r->start, from), end = MIN (r->end, to);

      if (r->end <= from)
        continue;
      if (r->start >= to)
        break;
      if (start >= end)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      /* a window edge inside a word: leave that word to the window that
       * holds all of it */
      while (start > r->start && start < end && !g_unichar_isspace (g_utf8_get_char (text + start))
             && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + start))))
        start = g_utf8_next_char (text + start) - text;
      while (end < r->end && end > start && !g_unichar_isspace (g_utf8_get_char (text + end))
             && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + end))))
        end = g_utf8_prev_char (text + end) - text;
      if (start >= end)
        continue;

      g_mutex_lock (&self->lock);
      ct_spell_foreach_word (text, start, end, check_word_cb, &check);
      g_mutex_unlock (&self->lock);
    }
  return g_steal_pointer (&found);
}

GPtrArray *
ct_spell_checker_check (CtSpellChecker  *self,
                        const char      *text,
                        gsize            length,
                        guint            max_suggestions,
                        GError         **error)
{
  g_autoptr(GArray) prose = NULL;

  if (!g_utf8_validate (text, length, NULL))
    return ct_spell_checker_check_ranges (self, text, length, NULL, 0, 0, 0, NULL, error);
  prose = ct_spell_prose_ranges (text, length);
  return ct_spell_checker_check_ranges (self, text, length, prose, 0, length,
                                        max_suggestions, NULL, error);
}
