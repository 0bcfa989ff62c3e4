#define G_LOG_DOMAIN "ct-prose-check"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-mentions.h"
#include "ct-prose-check-private.h"
#include "ct-render.h"
#include "ct-scanner-private.h"
#include "ct-wiki-cache.h"
#include "ct-wiki.h"

static void
resolved_free (Resolved *resolved)
{
  g_free (resolved->title);
  g_free (resolved);
}

const char *
_ct_prose_folded (ProseCheck *self,
                  Token      *token)
{
  const char *p = self->text + token->start;
  gsize n = token->end - token->start;
  char lower[64];
  gboolean ascii = n < sizeof lower;

  if (token->folded != NULL)
    return token->folded;
  for (gsize i = 0; ascii && i < n; i++)
    {
      ascii = (guchar) p[i] < 0x80;
      lower[i] = g_ascii_tolower (p[i]);
    }
  if (ascii)
    token->folded = g_string_chunk_insert_len (self->folds, lower, n);
  else
    {
      g_autofree char *folded = g_utf8_casefold (p, n);
      token->folded = g_string_chunk_insert (self->folds, folded);
    }
  return token->folded;
}

const Resolved *
_ct_prose_resolve (ProseCheck  *self,
                   const Token *token)
{
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  Resolved *resolved;
  const CtLookup *chosen = NULL;

  if (token->kind != TOKEN_REF || token->ref->target == NULL || *token->ref->target == '\0')
    return NULL;
  folded = g_utf8_casefold (token->ref->target, -1);
  resolved = g_hash_table_lookup (self->resolved, folded);
  if (resolved != NULL)
    return resolved->id != 0 ? resolved : NULL;

  resolved = g_new0 (Resolved, 1);
  matches = ct_wiki_lookup (self->wiki, token->ref->target, self->error ? NULL : &self->error);
  /* the renderer's rule: one match, else the one exact title */
  if (matches != NULL && matches->len == 1)
    chosen = g_ptr_array_index (matches, 0);
  for (guint i = 0; matches != NULL && chosen == NULL && i < matches->len; i++)
    {
      const CtLookup *lookup = g_ptr_array_index (matches, i);
      if (lookup->match == CT_MATCH_TITLE)
        chosen = lookup;
    }
  if (chosen != NULL)
    {
      resolved->id = chosen->entity_id;
      resolved->kind = chosen->kind;
      resolved->title = g_strdup (chosen->title);
    }
  g_hash_table_insert (self->resolved, g_steal_pointer (&folded), resolved);
  return resolved->id != 0 ? resolved : NULL;
}

GPtrArray *
_ct_prose_facts (ProseCheck *self,
                 gint64      id)
{
  GPtrArray *facts = g_hash_table_lookup (self->facts, &id);
  gint64 *key;

  if (facts != NULL)
    return facts;
  facts = ct_wiki_get_facts (self->wiki, id, self->error ? NULL : &self->error);
  if (facts == NULL)
    return NULL;
  key = g_memdup2 (&id, sizeof id);
  g_hash_table_insert (self->facts, key, facts);
  return facts;
}

GPtrArray *
_ct_prose_cast (ProseCheck *self,
                gint64      id)
{
  GPtrArray *cast = g_hash_table_lookup (self->casts, &id);

  if (cast != NULL)
    return cast;
  cast = ct_wiki_get_cast (self->wiki, id, self->error ? NULL : &self->error);
  if (cast != NULL)
    g_hash_table_insert (self->casts, g_memdup2 (&id, sizeof id), cast);
  return cast;
}

const CtEntity *
_ct_prose_entity (ProseCheck *self,
                  gint64      id)
{
  CtEntity *entity = g_hash_table_lookup (self->entities, &id);

  if (entity != NULL)
    return entity;
  entity = ct_wiki_get_entity (self->wiki, id, self->error ? NULL : &self->error);
  if (entity != NULL)
    g_hash_table_insert (self->entities, g_memdup2 (&id, sizeof id), entity);
  return entity;
}

GPtrArray *
_ct_prose_credits_of_character (ProseCheck *self,
                                gint64      id)
{
  if (self->credits == NULL)
    {
      g_autoptr(GPtrArray) all = ct_wiki_list_credits (self->wiki, self->error ? NULL : &self->error);

      self->credits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; all != NULL && i < all->len; i++)
        {
          CtCredit *credit = g_ptr_array_index (all, i);
          GPtrArray *list;

          if (credit->character_id == 0)
            continue;
          list = g_hash_table_lookup (self->credits, &credit->character_id);
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_credit_free);
              g_hash_table_insert (self->credits, g_memdup2 (&credit->character_id, sizeof (gint64)), list);
            }
          g_ptr_array_add (list, ct_credit_copy (credit));
        }
    }
  return g_hash_table_lookup (self->credits, &id);
}

CtDiagnostic *
_ct_prose_diagnose (ProseCheck *self,
                    CtSeverity  severity,
                    const char *rule,
                    gsize       start,
                    gsize       end,
                    const char *message)
{
  GArray *starts = self->line_starts;
  guint lo = 0, hi = starts->len;
  CtDiagnostic *diagnostic;
  gsize line_start;

  /* the last line that starts at or before @start */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (starts, gsize, mid) <= start)
        lo = mid;
      else
        hi = mid;
    }
  line_start = g_array_index (starts, gsize, lo);
  diagnostic = ct_diagnostic_new_at (severity, start, end, lo + 1,
                                     1 + (guint) g_utf8_pointer_to_offset (self->text + line_start,
                                                                            self->text + start),
                                     message);
  diagnostic->rule = rule;
  g_ptr_array_add (self->diagnostics, diagnostic);
  return diagnostic;
}

gboolean
_ct_prose_one_line (ProseCheck *self,
                    gsize       start,
                    gsize       end)
{
  return memchr (self->text + start, '\n', end - start) == NULL
         && memchr (self->text + start, '\r', end - start) == NULL;
}

/* Byte ranges [a, b) sorted by start, as the scanner leaves them. */
typedef struct {
  const gsize *ranges;
  guint        n;       /* pairs */
  guint        next;
} Ranges;

static void
push_token (GArray            *tokens,
            TokenKind          kind,
            gsize              start,
            gsize              end,
            const CtReference *ref)
{
  Token token = { kind, start, end, ref, FALSE, NULL };
  g_array_append_val (tokens, token);
}

/* A Markdown link's destination starts at `(` right after `]`: the words
 * since the last `[` are its text, already a link. */
static void
mark_link_text (GArray     *tokens,
                const char *text,
                gsize       paren)
{
  if (paren == 0 || text[paren - 1] != ']')
    return;
  for (guint i = tokens->len; i > 0; i--)
    {
      Token *token = &g_array_index (tokens, Token, i - 1);

      if (token->kind == TOKEN_PUNCT && text[token->start] == '[')
        {
          for (guint j = i - 1; j < tokens->len; j++)
            g_array_index (tokens, Token, j).in_link = TRUE;
          return;
        }
    }
}

/* Cuts block [start, end) into tokens. @refs and @hidden advance with it:
 * blocks come in document order. */
static void
tokenize (const char *text,
          gsize       start,
          gsize       end,
          GPtrArray  *refs,
          guint      *next_ref,
          Ranges     *hidden,
          GArray     *tokens)
{
  gsize p = start;

  while (*next_ref < refs->len && ((CtReference *) g_ptr_array_index (refs, *next_ref))->start < start)
    (*next_ref)++;
  while (hidden->next < hidden->n && hidden->ranges[2 * hidden->next] < start)
    hidden->next++;

  while (p < end)
    {
      const CtReference *ref = *next_ref < refs->len ? g_ptr_array_index (refs, *next_ref) : NULL;
      gunichar c;
      gsize q;

      if (ref != NULL && ref->start == p)
        {
          push_token (tokens, ref->closed ? TOKEN_REF : TOKEN_OPAQUE, ref->start, MAX (ref->end, p + 1), ref);
          p = MAX (ref->end, p + 1);
          (*next_ref)++;
          continue;
        }
      if (hidden->next < hidden->n && hidden->ranges[2 * hidden->next] == p)
        {
          gsize stop = MAX (hidden->ranges[2 * hidden->next + 1], p + 1);

          if (text[p] == '(')
            mark_link_text (tokens, text, p);
          push_token (tokens, TOKEN_OPAQUE, p, stop, NULL);
          p = stop;
          hidden->next++;
          continue;
        }

      c = g_utf8_get_char (text + p);
      q = g_utf8_next_char (text + p) - text;
      if (g_unichar_isspace (c) || c == '*' || c == '_' || c == '\\')
        {
          /* blanks, and emphasis marks, which are not words of the prose */
          p = q;
          continue;
        }
      if (g_unichar_isalnum (c))
        {
          while (q < end && g_unichar_isalnum (g_utf8_get_char (text + q)))
            q = g_utf8_next_char (text + q) - text;
          push_token (tokens, TOKEN_WORD, p, q, NULL);
        }
      else
        push_token (tokens, TOKEN_PUNCT, p, q, NULL);
      p = q;
    }
}

/* `.`, `!` or `?` followed by a blank, a closing mark or the end of the
 * block ends a sentence ("2.5" and "example.com" do not). */
static gboolean
ends_sentence (const char *text,
               gsize       end,
               const Token *token)
{
  char c = text[token->start];
  gsize after = token->end;

  if (c != '.' && c != '!' && c != '?')
    return FALSE;
  while (after < end && strchr (")\"'*_", text[after]) != NULL)
    after++;
  return after >= end || g_ascii_isspace (text[after])
         || g_str_has_prefix (text + after, "”") || g_str_has_prefix (text + after, "’");
}

/* "Oct. 2015": the stop of a month's short name before a number. */
static gboolean
abbreviated_month (ProseCheck *self,
                   GArray     *tokens,
                   guint       i)
{
  Token *before, *after;

  if (i == 0 || i + 1 >= tokens->len || self->text[g_array_index (tokens, Token, i).start] != '.')
    return FALSE;
  before = &g_array_index (tokens, Token, i - 1);
  after = &g_array_index (tokens, Token, i + 1);
  return before->kind == TOKEN_WORD && after->kind == TOKEN_WORD && g_ascii_isdigit (self->text[after->start])
         && ct_prose_month_from_word (_ct_prose_folded (self, before)) != 0;
}

static void
check_sentences (ProseCheck *self,
                 GArray     *tokens,
                 gsize       block_end)
{
  guint first = 0;
  gboolean has_ref = FALSE;

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      gboolean last = i + 1 == tokens->len;

      has_ref |= token->kind == TOKEN_REF;
      if (last || (token->kind == TOKEN_PUNCT && ends_sentence (self->text, block_end, token)
                   && !abbreviated_month (self, tokens, i)))
        {
          /* every fact rule starts from a reference */
          if (has_ref)
            _ct_prose_check_sentence (self, &g_array_index (tokens, Token, first), i + 1 - first);
          first = i + 1;
          has_ref = FALSE;
        }
    }
}

typedef struct {
  ProseCheck *self;
} MentionData;

static void
on_mention_found (const CtMentionMatch *match,
                  gpointer              user_data)
{
  ProseCheck *self = ((MentionData *) user_data)->self;
  g_autofree char *written = g_strndup (self->text + match->start, match->end - match->start);
  g_autofree char *link = NULL;
  g_autofree char *message = NULL;
  g_autofree char *label = NULL;
  CtDiagnostic *diagnostic;

  if (g_str_equal (written, match->title))
    link = ct_reference_format_link (match->title, NULL);
  else
    {
      /* keep the writer's words as the label */
      g_autofree char *target = ct_reference_format_link (match->title, NULL);
      if (target != NULL && strchr (written, '|') == NULL && strstr (written, "]]") == NULL)
        link = g_strdup_printf ("[[%s|%s]]", match->title, written);
    }
  if (link == NULL)
    return;

  message = g_strdup_printf (_("“%s” is in the wiki: link it?"), match->title);
  /* Translators: a quick fix; %s is an entity's title */
  label = g_strdup_printf (_("Link to %s"), match->title);
  diagnostic = _ct_prose_diagnose (self, CT_SEVERITY_HINT, CT_PROSE_RULE_UNLINKED,
                                   match->start, match->end, message);
  ct_diagnostic_add_fix (diagnostic, label, match->start, match->end, link);
}

static void
find_mentions (ProseCheck       *self,
               CtMentionMatcher *matcher,
               GArray           *tokens,
               GArray           *words)
{
  gboolean breaks = TRUE;
  MentionData data = { self };

  g_array_set_size (words, 0);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);
      CtMentionWord word = { token->start, token->end, breaks };

      if (token->kind == TOKEN_REF || token->kind == TOKEN_OPAQUE || token->in_link)
        {
          breaks = TRUE;
          continue;
        }
      g_array_append_val (words, word);
      breaks = FALSE;
    }
  ct_mention_matcher_find (matcher, self->text, self->length,
                           (const CtMentionWord *) (gpointer) words->data, words->len,
                           on_mention_found, &data);
}

/* The connection's matcher while the wiki is unchanged: the preview
 * checks on every render, and reading every entity each time would cost
 * more than the check itself in a big wiki. */
static CtMentionMatcher *
mention_matcher_get (CtWiki  *wiki,
                     GError **error)
{
  CtWikiCache *cache = _ct_wiki_cache_get (wiki);
  g_autoptr(GPtrArray) entities = NULL;
  CtMentionMatcher *matcher = _ct_wiki_cache_matcher (cache);

  if (matcher != NULL)
    return matcher;
  entities = ct_wiki_list_entity_names (wiki, error);
  if (entities == NULL)
    return NULL;
  matcher = ct_mention_matcher_new (entities);
  /* Kept under the version read before the listing: a commit in between
   * makes the next check build it again, never keep a stale one. */
  _ct_wiki_cache_set_matcher (cache, matcher);
  return matcher;
}

gboolean
ct_prose_check (CtWiki             *wiki,
                const char         *text,
                gsize               length,
                CtProseCheckFlags   flags,
                GPtrArray          *diagnostics,
                GError            **error)
{
  g_autoptr(CtMentionMatcher) matcher = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) words = NULL;
  ProseCheck self = { 0 };
  Scanner scanner;
  Ranges hidden;
  guint next_ref = 0;
  gboolean ok;

  g_return_val_if_fail (CT_IS_WIKI (wiki), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (diagnostics != NULL, FALSE);

  if (!ct_text_validate_utf8 (text, length, error))
    return FALSE;
  if (length == 0)
    return TRUE;
  if ((flags & CT_PROSE_CHECK_MENTIONS) != 0)
    {
      matcher = mention_matcher_get (wiki, error);
      if (matcher == NULL)
        return FALSE;
    }

  self.wiki = wiki;
  self.text = text;
  self.length = length;
  self.diagnostics = diagnostics;
  self.resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) resolved_free);
  self.facts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self.entities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) ct_entity_free);
  self.folds = g_string_chunk_new (4096);
  self.casts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self.line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (self.line_starts, (gsize) { 0 });
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n')
      {
        gsize next = i + 1;
        g_array_append_val (self.line_starts, next);
      }

  _ct_scanner_init (&scanner, text, length);
  scanner.hidden = g_array_new (FALSE, FALSE, sizeof (gsize));
  scanner.blocks = g_array_new (FALSE, FALSE, sizeof (gsize));
  _ct_scanner_scan_blocks (&scanner, NULL, NULL, NULL);
  hidden.ranges = (const gsize *) (gpointer) scanner.hidden->data;
  hidden.n = scanner.hidden->len / 2;
  hidden.next = 0;

  tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  words = g_array_new (FALSE, FALSE, sizeof (CtMentionWord));
  for (guint b = 0; b + 1 < scanner.blocks->len; b += 2)
    {
      gsize start = g_array_index (scanner.blocks, gsize, b);
      gsize end = g_array_index (scanner.blocks, gsize, b + 1);

      g_array_set_size (tokens, 0);
      g_string_chunk_clear (self.folds);
      tokenize (text, start, end, scanner.refs, &next_ref, &hidden, tokens);
      if ((flags & CT_PROSE_CHECK_FACTS) != 0)
        check_sentences (&self, tokens, end);
      if (matcher != NULL)
        find_mentions (&self, matcher, tokens, words);
    }
  _ct_scanner_clear (&scanner);

  ok = self.error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self.error));
  g_hash_table_unref (self.resolved);
  g_hash_table_unref (self.facts);
  g_hash_table_unref (self.entities);
  g_clear_pointer (&self.credits, g_hash_table_unref);
  g_hash_table_unref (self.casts);
  g_string_chunk_free (self.folds);
  g_array_unref (self.line_starts);
  return ok;
}
