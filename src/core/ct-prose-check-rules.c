#define G_LOG_DOMAIN "ct-prose-check"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-fact-format.h"
#include "ct-fact-keys.h"
#include "ct-prose-check-private.h"
#include "ct-scanner.h"

/* The fact rules, each on one sentence (docs/reference-syntax.md, "Prose
 * checked against the wiki"). Each fires only when the wiki has a value
 * to contradict with; a value the wiki marks rumored or disputed still
 * fires, but the message says so, because the writer may know better. */

/* How far after a release phrase its date may be, in tokens: "opens in
 * cinemas on 12 June 2025" has three words between. */
#define DATE_REACH 6
/* How far before a release or crew phrase its film may be, in tokens:
 * "[[Ballerina]], the spin-off, finally opens". */
#define SUBJECT_REACH 8
/* A plain name after "directed by" has at most this many words. */
#define NAME_WORDS 5

/* Whether the words of @phrase start at token @i. */
static gboolean
phrase_at (ProseCheck          *self,
           Token               *tokens,
           guint                n,
           guint                i,
           const CtProsePhrase *phrase)
{
  if (i + phrase->n_words > n)
    return FALSE;
  for (guint k = 0; k < phrase->n_words; k++)
    {
      Token *token = &tokens[i + k];
      if (token->kind != TOKEN_WORD || !g_str_equal (_ct_prose_folded (self, token), phrase->words[k]))
        return FALSE;
    }
  return TRUE;
}

/* The nearest reference to a @kind entity before token @i. */
static const Resolved *
entity_before (ProseCheck   *self,
               Token        *tokens,
               guint         i,
               CtEntityKind  kind,
               guint        *at)
{
  while (i-- > 0)
    if (tokens[i].kind == TOKEN_REF)
      {
        const Resolved *resolved = _ct_prose_resolve (self, &tokens[i]);
        if (resolved != NULL && resolved->kind == kind)
          {
            if (at != NULL)
              *at = i;
            return resolved;
          }
      }
  return NULL;
}

static const CtFact *
find_fact (GPtrArray  *facts,
           const char *key)
{
  for (guint i = 0; facts != NULL && i < facts->len; i++)
    {
      const CtFact *fact = g_ptr_array_index (facts, i);
      if (g_str_equal (fact->key, key))
        return fact;
    }
  return NULL;
}

/* " (the wiki marks this rumored)" for a value that is not confirmed. */
static const char *
status_note (CtFactStatus status)
{
  switch (status)
    {
    case CT_FACT_RUMORED:
      return _(" (the wiki marks this rumored)");
    case CT_FACT_DISPUTED:
      return _(" (the wiki marks this disputed)");
    case CT_FACT_CONFIRMED:
    default:
      return "";
    }
}

/* ---- release dates ---- */

typedef enum { PRECISION_YEAR = 1, PRECISION_MONTH, PRECISION_DAY } Precision;

typedef struct {
  guint     year, month, day;
  Precision precision;
  gboolean  day_first;   /* "12 June 2025", not "June 12, 2025" */
  gsize     start, end;  /* bytes as written */
} Date;

static gboolean
word_number (ProseCheck *self,
             Token      *token,
             guint       min,
             guint      max,
             guint      *value)
{
  const char *p = self->text + token->start;
  gsize n = token->end - token->start;
  guint v = 0, digits = 0;

  if (token->kind != TOKEN_WORD)
    return FALSE;
  while (digits < n && g_ascii_isdigit (p[digits]) && digits < 5)
    v = v * 10 + (p[digits++] - '0');
  if (digits == 0)
    return FALSE;
  /* an ordinal's ending: 12th, 1st */
  if (digits < n)
    {
      g_autofree char *rest = g_ascii_strdown (p + digits, n - digits);
      if (max > 31 || !(g_str_equal (rest, "st") || g_str_equal (rest, "nd")
                        || g_str_equal (rest, "rd") || g_str_equal (rest, "th")))
        return FALSE;
    }
  if (v < min || v > max)
    return FALSE;
  *value = v;
  return TRUE;
}

static gboolean
is_year (ProseCheck *self, Token *token, guint *year)
{
  return token->end - token->start == 4 && word_number (self, token, 1870, 2200, year);
}

static guint
month_of (ProseCheck *self, Token *token)
{
  if (token->kind != TOKEN_WORD)
    return 0;
  return ct_prose_month_from_word (_ct_prose_folded (self, token));
}

static gboolean
is_punct (ProseCheck *self, Token *tokens, guint n, guint i, char c)
{
  return i < n && tokens[i].kind == TOKEN_PUNCT && self->text[tokens[i].start] == c;
}

/* A date starting at token @i: "June 2025", "12 June 2025", "June 12,
 * 2025", "June 2025" with "Sept." and the like, or a year alone. A month
 * and day without a year says too little to compare. */
static gboolean
date_at (ProseCheck *self,
         Token      *tokens,
         guint       n,
         guint       i,
         Date       *date)
{
  guint month, day, year;
  guint k = i;

  memset (date, 0, sizeof *date);
  if (word_number (self, &tokens[k], 1, 31, &day) && k + 2 < n
      && (month = month_of (self, &tokens[k + 1])) != 0)
    {
      k += 2;
      if (is_punct (self, tokens, n, k, '.'))
        k++;
      if (k < n && is_year (self, &tokens[k], &year) && g_date_valid_dmy (day, month, year))
        {
          *date = (Date) { year, month, day, PRECISION_DAY, TRUE, tokens[i].start, tokens[k].end };
          return TRUE;
        }
      return FALSE;
    }
  if ((month = month_of (self, &tokens[k])) != 0)
    {
      k++;
      if (is_punct (self, tokens, n, k, '.'))
        k++;
      if (k < n && word_number (self, &tokens[k], 1, 31, &day) && !is_year (self, &tokens[k], &year))
        {
          k++;
          if (is_punct (self, tokens, n, k, ','))
            k++;
          if (k < n && is_year (self, &tokens[k], &year) && g_date_valid_dmy (day, month, year))
            {
              *date = (Date) { year, month, day, PRECISION_DAY, FALSE, tokens[i].start, tokens[k].end };
              return TRUE;
            }
          return FALSE;
        }
      if (is_punct (self, tokens, n, k, ','))
        k++;
      if (k < n && is_year (self, &tokens[k], &year))
        {
          *date = (Date) { year, month, 0, PRECISION_MONTH, FALSE, tokens[i].start, tokens[k].end };
          return TRUE;
        }
      return FALSE;
    }
  if (is_year (self, &tokens[k], &year))
    {
      *date = (Date) { year, 0, 0, PRECISION_YEAR, FALSE, tokens[i].start, tokens[k].end };
      return TRUE;
    }
  return FALSE;
}

/* The wiki's partial date "2025", "2025-06", "2025-06-12". */
static gboolean
parse_stored_date (const char *text,
                   Date       *date)
{
  guint y = 0, m = 0, d = 0;
  int fields;

  memset (date, 0, sizeof *date);
  /* the wiki's own rule for what a partial date is */
  if (text == NULL || !ct_partial_date_is_valid (text))
    return FALSE;
  fields = sscanf (text, "%4u-%2u-%2u", &y, &m, &d);
  if (fields < 1 || y == 0 || (fields >= 2 && (m < 1 || m > 12))
      || (fields == 3 && !g_date_valid_dmy (d, m, y)))
    return FALSE;
  *date = (Date) { y, fields >= 2 ? m : 0, fields == 3 ? d : 0, (Precision) fields, FALSE, 0, 0 };
  return TRUE;
}

/* The wiki's date as prose writes it, no more precise than the writer
 * was, in the writer's order of day and month. */
static char *
format_like (const Date *wiki,
             const Date *written)
{
  Precision precision = MIN (wiki->precision, written->precision);

  switch (precision)
    {
    case PRECISION_DAY:
      if (written->day_first)
        return g_strdup_printf ("%u %s %u", wiki->day, ct_prose_month_name (wiki->month), wiki->year);
      return g_strdup_printf ("%s %u, %u", ct_prose_month_name (wiki->month), wiki->day, wiki->year);
    case PRECISION_MONTH:
      return g_strdup_printf ("%s %u", ct_prose_month_name (wiki->month), wiki->year);
    case PRECISION_YEAR:
    default:
      return g_strdup_printf ("%u", wiki->year);
    }
}

static gboolean
dates_agree (const Date *wiki,
             const Date *written)
{
  Precision precision = MIN (wiki->precision, written->precision);

  return wiki->year == written->year
         && (precision < PRECISION_MONTH || wiki->month == written->month)
         && (precision < PRECISION_DAY || wiki->day == written->day);
}

static void
add_fact_fix (CtDiagnostic *diagnostic,
              const char   *film,
              const char   *key,
              gsize         start,
              gsize         end)
{
  g_autofree char *fact = ct_reference_format_template ("fact", film, key, NULL);
  g_autofree char *label = NULL;

  if (fact == NULL)
    return;
  /* Translators: a quick fix; %s is a template such as {{fact: Ballerina | release_date}} */
  label = g_strdup_printf (_("Insert %s"), fact);
  ct_diagnostic_add_fix (diagnostic, label, start, end, fact);
}

/* @done: where the last date read ends, so that "came out in" (two
 * phrases: "came out", "out in") or "opens, opens" read a date once. */
/* The film a release or crew phrase at token @i is about: a film reference
 * shortly before it, with no other reference between them ("In
 * [[Ballerina]], [[Rooney]] debuts in 2019" is about Rooney). */
static const Resolved *
subject_film (ProseCheck *self,
                 Token      *tokens,
                 guint       i)
{
  for (guint k = i; k > 0 && i - k < SUBJECT_REACH; k--)
    if (tokens[k - 1].kind == TOKEN_REF)
      {
        const Resolved *resolved = _ct_prose_resolve (self, &tokens[k - 1]);
        return resolved != NULL && resolved->kind == CT_ENTITY_FILM ? resolved : NULL;
      }
  return NULL;
}

static void
check_release (ProseCheck *self,
               Token      *tokens,
               guint       n,
               guint       i,
               guint       phrase_words,
               gsize      *done)
{
  const Resolved *film = subject_film (self, tokens, i);
  const CtFact *fact;
  Date wiki, written;

  if (film == NULL)
    return;
  fact = find_fact (_ct_prose_facts (self, film->id), "release_date");
  if (fact == NULL || !parse_stored_date (fact->text, &wiki))
    return;

  for (guint k = i + phrase_words; k < n && k <= i + phrase_words + DATE_REACH; k++)
    {
      if (tokens[k].kind == TOKEN_REF || tokens[k].kind == TOKEN_OPAQUE)
        return;   /* another entity's sentence now, or code */
      if (!date_at (self, tokens, n, k, &written))
        continue;
      if (written.start < *done)
        return;
      *done = written.end;
      if (!dates_agree (&wiki, &written) && _ct_prose_one_line (self, written.start, written.end))
        {
          g_autofree char *shown = ct_partial_date_format (fact->text);
          g_autofree char *use = format_like (&wiki, &written);
          g_autofree char *message = NULL;
          g_autofree char *label = NULL;
          CtDiagnostic *diagnostic;

          /* Translators: the first %s is a film's title, the second its
           * release date as the wiki has it; the last a note such as
           * " (the wiki marks this rumored)" or nothing */
          message = g_strdup_printf (_("Release of “%s”: the wiki says %s%s"),
                                     film->title, shown ? shown : fact->text, status_note (fact->status));
          diagnostic = _ct_prose_diagnose (self, CT_SEVERITY_WARNING, CT_PROSE_RULE_RELEASE_DATE,
                                           written.start, written.end, message);
          /* Translators: a quick fix; %s is a date ("June 2025") */
          label = g_strdup_printf (_("Use %s"), use);
          ct_diagnostic_add_fix (diagnostic, label, written.start, written.end, use);
          add_fact_fix (diagnostic, film->title, "release_date", written.start, written.end);
        }
      return;
    }
}

/* ---- crew ---- */

typedef struct {
  gint64        id;       /* 0 for a text value */
  const char   *name;
  CtFactStatus  status;
} Person;

/* The film's people in @role: its facts and its credits. */
static GArray *
crew_of (ProseCheck *self,
         gint64      film_id,
         const char *role)
{
  GArray *people = g_array_new (FALSE, FALSE, sizeof (Person));
  GPtrArray *facts = _ct_prose_facts (self, film_id);
  GPtrArray *credits = NULL;

  for (guint i = 0; facts != NULL && i < facts->len; i++)
    {
      const CtFact *fact = g_ptr_array_index (facts, i);
      Person person = { fact->value_id, fact->value_id ? fact->value_title : fact->text, fact->status };

      if (g_str_equal (fact->key, role) && person.name != NULL)
        g_array_append_val (people, person);
    }

  /* the crew's credits too: the cast table's crew comes from them */
  credits = _ct_prose_cast (self, film_id);
  for (guint i = 0; credits != NULL && i < credits->len; i++)
    {
      const CtCredit *credit = g_ptr_array_index (credits, i);
      Person person = { credit->person_id, credit->person_title, credit->status };
      gboolean known = FALSE;

      if (g_strcmp0 (credit->role, role) != 0 || credit->person_title == NULL)
        continue;
      for (guint p = 0; p < people->len && !known; p++)
        known = g_array_index (people, Person, p).id == person.id;
      if (!known)
        g_array_append_val (people, person);
    }
  return people;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

/* Whether @written (a reference's entity or plain words) is @person:
 * by id, title, an alias, or the last word of the name ("Wiseman"). */
static gboolean
is_person (ProseCheck   *self,
           const Person *person,
           gint64        written_id,
           const char   *written)
{
  const CtEntity *entity;
  const char *last;

  if (written_id != 0)
    return written_id == person->id;
  if (same_name (written, person->name))
    return TRUE;
  last = strrchr (person->name, ' ');
  if (last != NULL && same_name (written, last + 1))
    return TRUE;
  entity = person->id != 0 ? _ct_prose_entity (self, person->id) : NULL;
  for (guint a = 0; entity != NULL && entity->aliases[a] != NULL; a++)
    if (same_name (written, entity->aliases[a]))
      return TRUE;
  return FALSE;
}

/* A plain name at token @i: capitalized words, with particles ("de")
 * between them; its bytes in @start, @end. */
static char *
plain_name_at (ProseCheck *self,
               Token      *tokens,
               guint       n,
               guint       i,
               gsize      *start,
               gsize      *end)
{
  guint last = i, words = 0;

  for (guint k = i; k < n && words < NAME_WORDS; k++)
    {
      const char *p = self->text + tokens[k].start;

      if (tokens[k].kind != TOKEN_WORD)
        break;
      if (g_unichar_isupper (g_utf8_get_char (p)))
        last = k;
      else if (k == i || !ct_prose_is_name_particle (_ct_prose_folded (self, &tokens[k])))
        break;
      words++;
    }
  if (tokens[i].kind != TOKEN_WORD || !g_unichar_isupper (g_utf8_get_char (self->text + tokens[i].start)))
    return NULL;
  *start = tokens[i].start;
  *end = tokens[last].end;
  return g_strndup (self->text + *start, *end - *start);
}

static char *
crew_message (const char *role,
              const char *film,
              const char *names,
              const char *note)
{
  if (g_str_equal (role, "director"))
    /* Translators: a film; its directors per the wiki; a status note or nothing */
    return g_strdup_printf (_("“%s” is directed by %s, the wiki says%s"), film, names, note);
  if (g_str_equal (role, "writer"))
    /* Translators: a film; its writers per the wiki; a status note or nothing */
    return g_strdup_printf (_("“%s” is written by %s, the wiki says%s"), film, names, note);
  /* Translators: a film; its cinematographers per the wiki; a status note or nothing */
  return g_strdup_printf (_("“%s” is shot by %s, the wiki says%s"), film, names, note);
}

static void
check_crew (ProseCheck *self,
            Token      *tokens,
            guint       n,
            guint       i,
            guint       phrase_words,
            const char *role)
{
  const Resolved *film = subject_film (self, tokens, i);
  g_autoptr(GArray) people = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GString) names = NULL;
  g_autofree char *message = NULL;
  const Resolved *written = NULL;
  CtFactStatus status = CT_FACT_RUMORED;
  guint x = i + phrase_words;
  gsize start, end;
  CtDiagnostic *diagnostic;

  if (film == NULL || x >= n)
    return;
  if (tokens[x].kind == TOKEN_REF)
    {
      written = _ct_prose_resolve (self, &tokens[x]);
      if (written == NULL || written->kind != CT_ENTITY_PERSON)
        return;   /* the renderer says what is wrong with it */
      start = tokens[x].start;
      end = tokens[x].end;
    }
  else if ((plain = plain_name_at (self, tokens, n, x, &start, &end)) == NULL)
    return;

  people = crew_of (self, film->id, role);
  if (people->len == 0)
    return;
  for (guint p = 0; p < people->len; p++)
    if (is_person (self, &g_array_index (people, Person, p), written ? written->id : 0, plain))
      return;
  if (!_ct_prose_one_line (self, start, end))
    return;

  /* the most certain status among the wiki's values */
  names = g_string_new (NULL);
  for (guint p = 0; p < people->len; p++)
    {
      const Person *person = &g_array_index (people, Person, p);
      if (p > 0)
        g_string_append (names, p + 1 == people->len ? _(" and ") : ", ");
      g_string_append (names, person->name);
      if (person->status == CT_FACT_CONFIRMED || (person->status == CT_FACT_DISPUTED && status == CT_FACT_RUMORED))
        status = person->status;
    }
  message = crew_message (role, film->title, names->str, status_note (status));
  diagnostic = _ct_prose_diagnose (self, CT_SEVERITY_WARNING, CT_PROSE_RULE_CREW, start, end, message);
  for (guint p = 0; p < people->len && p < 3; p++)
    {
      const Person *person = &g_array_index (people, Person, p);
      g_autofree char *label = g_strdup_printf (_("Use %s"), person->name);
      g_autofree char *use = written != NULL ? ct_reference_format_link (person->name, NULL)
                                             : g_strdup (person->name);
      if (use != NULL)
        ct_diagnostic_add_fix (diagnostic, label, start, end, use);
    }
  add_fact_fix (diagnostic, film->title, role, start, end);
}

/* ---- casting ---- */

static void
check_casting (ProseCheck *self,
               Token      *tokens,
               guint       n,
               guint       i,
               guint       phrase_words)
{
  const Resolved *person, *character, *film;
  GPtrArray *credits;
  g_autoptr(GPtrArray) given = NULL;
  g_autoptr(GString) names = NULL;
  g_autofree char *message = NULL;
  CtFactStatus status = CT_FACT_RUMORED;
  CtDiagnostic *diagnostic;
  guint c = i + phrase_words;

  if (i == 0 || c >= n || tokens[i - 1].kind != TOKEN_REF || tokens[c].kind != TOKEN_REF)
    return;
  person = _ct_prose_resolve (self, &tokens[i - 1]);
  character = _ct_prose_resolve (self, &tokens[c]);
  if (person == NULL || character == NULL || person->kind != CT_ENTITY_PERSON
      || character->kind != CT_ENTITY_CHARACTER)
    return;
  credits = _ct_prose_credits_of_character (self, character->id);
  if (credits == NULL || credits->len == 0)
    return;

  /* a film named earlier in the sentence narrows the credits to it, when
   * it has the character at all (a role recast between films) */
  film = entity_before (self, tokens, i - 1, CT_ENTITY_FILM, NULL);
  given = g_ptr_array_new ();
  for (guint k = 0; film != NULL && k < credits->len; k++)
    if (((CtCredit *) g_ptr_array_index (credits, k))->film_id == film->id)
      g_ptr_array_add (given, g_ptr_array_index (credits, k));
  if (given->len == 0)
    for (guint k = 0; k < credits->len; k++)
      g_ptr_array_add (given, g_ptr_array_index (credits, k));

  names = g_string_new (NULL);
  for (guint k = 0; k < given->len; k++)
    {
      const CtCredit *credit = g_ptr_array_index (given, k);

      if (credit->person_id == person->id)
        return;
      if (strstr (names->str, credit->person_title) == NULL)
        {
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, credit->person_title);
        }
      if (credit->status == CT_FACT_CONFIRMED || (credit->status == CT_FACT_DISPUTED && status == CT_FACT_RUMORED))
        status = credit->status;
    }

  /* Translators: %s: a character; %s: who plays them per the credits; %s: a status note or nothing */
  message = g_strdup_printf (_("The credits give “%s” to %s%s"), character->title, names->str, status_note (status));
  diagnostic = _ct_prose_diagnose (self, CT_SEVERITY_WARNING, CT_PROSE_RULE_CASTING,
                                   tokens[i - 1].start, tokens[i - 1].end, message);
  for (guint k = 0; k < given->len && k < 3; k++)
    {
      const CtCredit *credit = g_ptr_array_index (given, k);
      g_autofree char *link = ct_reference_format_link (credit->person_title, NULL);
      g_autofree char *label = g_strdup_printf (_("Use %s"), credit->person_title);

      if (link != NULL && (k == 0 || credit->person_id != ((CtCredit *) g_ptr_array_index (given, k - 1))->person_id))
        ct_diagnostic_add_fix (diagnostic, label, tokens[i - 1].start, tokens[i - 1].end, link);
    }
}

/* What a phrase starts: a release, a crew role, or casting. */
typedef struct {
  const CtProsePhrase *phrase;
  const char          *role;     /* crew: the role; NULL otherwise */
  gboolean             release;  /* FALSE with no role: casting */
} Trigger;

static void
add_triggers (GHashTable      *table,
              const GPtrArray *phrases,
              const char      *role,
              gboolean         release)
{
  for (guint p = 0; p < phrases->len; p++)
    {
      const CtProsePhrase *phrase = g_ptr_array_index (phrases, p);
      GArray *list = g_hash_table_lookup (table, phrase->words[0]);
      Trigger trigger = { phrase, role, release };

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (Trigger));
          g_hash_table_insert (table, phrase->words[0], list);
        }
      g_array_append_val (list, trigger);
    }
}

/* Every phrase by its first word: a word of the text is looked up once,
 * not compared with each phrase of each table. */
static GHashTable *
triggers (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *made = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
      const char * const *roles = ct_prose_crew_roles ();

      add_triggers (made, ct_prose_release_phrases (), NULL, TRUE);
      for (guint r = 0; roles[r] != NULL; r++)
        add_triggers (made, ct_prose_crew_phrases (roles[r]), roles[r], FALSE);
      add_triggers (made, ct_prose_casting_phrases (), NULL, FALSE);
      g_once_init_leave (&table, made);
    }
  return table;
}

void
_ct_prose_check_sentence (ProseCheck *self,
                          Token      *tokens,
                          guint       n)
{
  GHashTable *table = triggers ();
  gsize release_done = 0;

  for (guint i = 0; i < n; i++)
    {
      guint release = 0, casting = 0;
      GArray *list;

      if (tokens[i].kind != TOKEN_WORD
          || (list = g_hash_table_lookup (table, _ct_prose_folded (self, &tokens[i]))) == NULL)
        continue;

      /* the longest phrase of each kind that starts here */
      for (guint k = 0; k < list->len; k++)
        {
          const Trigger *trigger = &g_array_index (list, Trigger, k);
          guint words = trigger->phrase->n_words;

          if (!phrase_at (self, tokens, n, i, trigger->phrase))
            continue;
          if (trigger->release)
            release = MAX (release, words);
          else if (trigger->role == NULL)
            casting = MAX (casting, words);
        }
      for (guint k = 0; k < list->len; k++)
        {
          const Trigger *trigger = &g_array_index (list, Trigger, k);

          /* crew roles: one phrase each ("directed by") */
          if (trigger->role != NULL && phrase_at (self, tokens, n, i, trigger->phrase))
            check_crew (self, tokens, n, i, trigger->phrase->n_words, trigger->role);
        }
      if (release > 0)
        check_release (self, tokens, n, i, release, &release_done);
      if (casting > 0)
        check_casting (self, tokens, n, i, casting);
    }
}
