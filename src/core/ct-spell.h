/* ct-spell.h — spelling that knows the genre and the wiki.
 *
 * One engine for the editor's underlines and `continuity check
 * --spelling`, on enchant-2 (docs/spelling.md, decisions.md):
 *
 * - Only prose is checked: the blocks of inline content the reference
 *   scanner reads (paragraphs and headings), without references, code
 *   spans, autolinks, raw HTML and link destinations, and without bare
 *   URLs, e-mail addresses and words with digits. Front matter, code
 *   blocks and HTML blocks are never checked.
 * - Every word of every entity title and alias of the wiki is known
 *   ("Rooney", "Laustsen", "Parabellum"), also with a possessive 's.
 * - "Add to Dictionary" writes enchant's personal word list (under
 *   $ENCHANT_CONFIG_DIR, else ~/.config/enchant); "Ignore" lasts for the
 *   life of the checker.
 *
 * A CtSpellChecker may be used from several threads: it locks around
 * enchant, which is not thread-safe.
 */
#pragma once

#include <gio/gio.h>

#include "ct-wiki.h"

G_BEGIN_DECLS

typedef struct {
  gsize   start, end;    /* bytes of the word in the whole document */
  guint   line, column;  /* 1-based, column in characters */
  char   *word;
  GStrv   suggestions;   /* best first; never NULL, empty when none or not asked */
} CtMisspelling;

void           ct_misspelling_free (CtMisspelling *self);

/* A byte range [start, end) of a document. */
typedef struct {
  gsize start, end;
} CtTextRange;

#define CT_TYPE_SPELL_CHECKER (ct_spell_checker_get_type ())
G_DECLARE_FINAL_TYPE (CtSpellChecker, ct_spell_checker, CT, SPELL_CHECKER, GObject)

/* A checker for @language ("en_US", "en-GB", "de": '-' is read as '_').
 * Fails with CT_ERROR_NOT_FOUND and a sentence naming the language when
 * no dictionary for it is installed. */
CtSpellChecker *ct_spell_checker_new               (const char      *language,
                                                    GError         **error);
/* The language as enchant knows it ("en_US"). */
const char     *ct_spell_checker_get_language      (CtSpellChecker  *self);

/* Replaces the wiki's words with the words of @names (titles and
 * aliases, NULL-terminated); they count as spelt right. */
void            ct_spell_checker_set_wiki_names    (CtSpellChecker      *self,
                                                    const char * const  *names);
/* The same from every entity title and alias of @wiki. */
gboolean        ct_spell_checker_load_wiki         (CtSpellChecker  *self,
                                                    CtWiki          *wiki,
                                                    GError         **error);
/* Every entity title and alias of @wiki, for set_wiki_names (the editor
 * reads them in a thread, then hands them to its checker). */
GStrv           ct_spell_wiki_names                (CtWiki          *wiki,
                                                    GError         **error);

/* Whether @word (@length bytes, -1 for NUL-terminated) is spelt right:
 * a wiki word, ignored, in the user's dictionary or in the language's. */
gboolean        ct_spell_checker_check_word        (CtSpellChecker  *self,
                                                    const char      *word,
                                                    gssize           length);
/* Returns: (transfer full): at most @max suggestions for @word, best
 * first, never NULL. */
GStrv           ct_spell_checker_suggest           (CtSpellChecker  *self,
                                                    const char      *word,
                                                    guint            max);
/* Adds @word to the user's personal dictionary for this language (kept
 * across runs, shared by every program using enchant). */
void            ct_spell_checker_add_to_dictionary (CtSpellChecker  *self,
                                                    const char      *word);
/* Counts @word as right for the life of this checker. */
void            ct_spell_checker_ignore            (CtSpellChecker  *self,
                                                    const char      *word);

/* Returns: (transfer full): the misspelt words of @text (@length bytes,
 * the whole document, front matter included) that lie wholly in bytes
 * [@from, @to) and in @prose (from ct_spell_prose_ranges), of
 * CtMisspelling in document order, each with at most @max_suggestions
 * suggestions. NULL with @error set when @cancellable was cancelled or
 * @text is not UTF-8. */
GPtrArray      *ct_spell_checker_check_ranges      (CtSpellChecker  *self,
                                                    const char      *text,
                                                    gsize            length,
                                                    GArray          *prose,
                                                    gsize            from,
                                                    gsize            to,
                                                    guint            max_suggestions,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
/* The whole document: ct_spell_prose_ranges, then the above. */
GPtrArray      *ct_spell_checker_check             (CtSpellChecker  *self,
                                                    const char      *text,
                                                    gsize            length,
                                                    guint            max_suggestions,
                                                    GError         **error);

/* Returns: (transfer full): the byte ranges of @text (@length bytes, the
 * whole document) that are prose, of CtTextRange, sorted and disjoint,
 * as the reference scanner reads the document (ct-spell-text.c). */
GArray         *ct_spell_prose_ranges              (const char      *text,
                                                    gsize            length);

/* Calls @func for each word of @text[@start, @end) a spelling checker
 * would look at, with its bytes; bare URLs, e-mail addresses, words
 * with digits and runs of letters longer than any word (45 characters)
 * are left out (ct-spell-text.c). */
typedef void  (*CtSpellWordFunc)                   (const char      *word,
                                                    gsize            length,
                                                    gsize            offset,
                                                    gpointer         user_data);
void            ct_spell_foreach_word              (const char      *text,
                                                    gsize            start,
                                                    gsize            end,
                                                    CtSpellWordFunc  func,
                                                    gpointer         user_data);

/* Languages (ct-spell-language.c) */

/* Returns: (transfer full): the language to check @text in: its front
 * matter's `lang:`, else @chosen (the writer's choice for this document,
 * may be NULL), else ct_spell_default_language(). */
char           *ct_spell_language_for_post         (const char      *text,
                                                    gsize            length,
                                                    const char      *chosen);
/* Returns: (transfer full): the user's locale language when a dictionary
 * for it is installed, else "en_US". */
char           *ct_spell_default_language          (void);
/* Returns: (transfer full): the languages with an installed dictionary,
 * sorted ("de_DE", "en_GB", "en_US" …). */
GStrv           ct_spell_list_languages            (void);
/* "en-gb" → "en_GB": the form enchant and this file use. */
char           *ct_spell_normalize_language        (const char      *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtMisspelling, ct_misspelling_free)

G_END_DECLS
