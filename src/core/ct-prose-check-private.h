/* ct-prose-check-private.h — what the files of the prose checks share.
 *
 * ct-prose-check.c        the driver: the scanner's blocks of inline
 *                         content cut into words, references and opaque
 *                         runs (code, raw HTML, link destinations), then
 *                         into sentences; entities, facts and credits read
 *                         once per check; unlinked mentions
 * ct-prose-check-rules.c  the rules on one sentence: release dates, crew,
 *                         casting
 * ct-prose-phrases.c      the words the rules look for (translatable)
 * ct-mentions.c           the names of the wiki in plain text (a trie)
 *
 * Why tokens and not regular expressions over the text: the scanner
 * already knows what is code and what is a reference, and a rule must
 * never look through either; a token stream keeps that knowledge, and
 * lets a rule ask "the words right after this phrase" without a second
 * Markdown parser.
 */
#pragma once

#include "ct-diagnostic.h"
#include "ct-entity.h"
#include "ct-prose-check.h"
#include "ct-prose-phrases.h"
#include "ct-scanner.h"

G_BEGIN_DECLS

typedef enum {
  TOKEN_WORD,     /* letters and digits */
  TOKEN_PUNCT,    /* any other character that is not blank */
  TOKEN_REF,      /* a closed [[…]] or {{…}} */
  TOKEN_OPAQUE,   /* code, raw HTML, a link destination, an unclosed reference */
} TokenKind;

typedef struct {
  TokenKind          kind;
  gsize              start, end;  /* bytes of the document */
  const CtReference *ref;         /* TOKEN_REF */
  gboolean           in_link;     /* in the text of a Markdown link [text](url) */
  const char        *folded;      /* TOKEN_WORD: g_utf8_casefold, made when asked
                                   * (in ProseCheck.folds) */
} Token;

/* A reference's target as the wiki resolves it, without diagnostics (the
 * renderer gives those). */
typedef struct {
  gint64        id;       /* 0: none, or ambiguous */
  CtEntityKind  kind;
  char         *title;
} Resolved;

typedef struct {
  CtWiki      *wiki;
  const char  *text;
  gsize        length;
  GArray      *line_starts;   /* of gsize */
  GPtrArray   *diagnostics;   /* the caller's */
  GHashTable  *resolved;      /* folded name → Resolved */
  GHashTable  *facts;         /* id → GPtrArray of CtFact */
  GHashTable  *entities;      /* id → CtEntity */
  GHashTable  *credits;       /* character id → GPtrArray of CtCredit, when read */
  GHashTable  *casts;         /* film id → GPtrArray of CtCredit */
  GError      *error;         /* the first failure to read the wiki */
  GStringChunk *folds;        /* the folded words of the block being read: one
                               * allocation for many, emptied per block */
} ProseCheck;

const char     *_ct_prose_folded   (ProseCheck     *self,
                                    Token          *token);
const Resolved *_ct_prose_resolve  (ProseCheck     *self,
                                    const Token    *token);
/* The facts of @id (transfer none), or NULL after setting self->error. */
GPtrArray      *_ct_prose_facts    (ProseCheck     *self,
                                    gint64          id);
const CtEntity *_ct_prose_entity   (ProseCheck     *self,
                                    gint64          id);
/* The credits that give character @id to someone, of every film. */
GPtrArray      *_ct_prose_credits_of_character (ProseCheck *self,
                                                gint64      id);
/* The credits of film @id, cast and crew (transfer none). */
GPtrArray      *_ct_prose_cast     (ProseCheck     *self,
                                    gint64          id);
/* A new diagnostic at [start, end), added to the caller's list. */
CtDiagnostic   *_ct_prose_diagnose (ProseCheck     *self,
                                    CtSeverity      severity,
                                    const char     *rule,
                                    gsize           start,
                                    gsize           end,
                                    const char     *message);
/* Whether bytes [start, end) are on one line (a fix must be: references
 * never span lines, and the editor places fixes by line). */
gboolean        _ct_prose_one_line (ProseCheck     *self,
                                    gsize           start,
                                    gsize           end);

/* ct-prose-check-rules.c: the fact rules on the tokens of one sentence. */
void            _ct_prose_check_sentence (ProseCheck *self,
                                          Token      *tokens,
                                          guint       n_tokens);

G_END_DECLS
