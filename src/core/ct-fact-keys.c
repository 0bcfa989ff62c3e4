#define G_LOG_DOMAIN "ct-fact-keys"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-fact-keys.h"
#include "ct-wiki.h"

#define TEXT(k, l)            { k, CT_FACT_TYPE_TEXT, 0, FALSE, l, NULL }
#define DATE(k, l)            { k, CT_FACT_TYPE_PARTIAL_DATE, 0, FALSE, l, NULL }
#define INTEGER(k, l)         { k, CT_FACT_TYPE_INTEGER, 0, FALSE, l, NULL }
#define NUMBER(k, l)          { k, CT_FACT_TYPE_NUMBER, 0, FALSE, l, NULL }
#define LINK(k, kind, l)      { k, CT_FACT_TYPE_ENTITY, kind, FALSE, l, NULL }
#define LINKS(k, kind, l)     { k, CT_FACT_TYPE_ENTITY, kind, TRUE, l, NULL }

static const char * const fates[] = { "alive", "deceased", "unknown", NULL };

static const CtFactKey film_keys[] = {
  DATE ("release_date", N_("Release date")),
  INTEGER ("runtime_min", N_("Runtime (minutes)")),
  LINKS ("director", CT_ENTITY_PERSON, N_("Director")),
  LINKS ("writer", CT_ENTITY_PERSON, N_("Writer")),
  LINKS ("cinematographer", CT_ENTITY_PERSON, N_("Cinematographer")),
  TEXT ("studio", N_("Studio")),
  TEXT ("franchise", N_("Franchise")),
  LINK ("set_after", CT_ENTITY_FILM, N_("Set after")),
  LINK ("set_before", CT_ENTITY_FILM, N_("Set before")),
  TEXT ("tagline", N_("Tagline")),
  { NULL }
};

static const CtFactKey person_keys[] = {
  DATE ("born", N_("Born")),
  TEXT ("nationality", N_("Nationality")),
  { NULL }
};

static const CtFactKey character_keys[] = {
  LINKS ("affiliation", CT_ENTITY_ORGANIZATION, N_("Affiliation")),
  LINK ("first_appearance", CT_ENTITY_FILM, N_("First appearance")),
  { "fate", CT_FACT_TYPE_CHOICE, 0, FALSE, N_("Fate"), fates },
  { NULL }
};

static const CtFactKey scene_keys[] = {
  LINK ("film", CT_ENTITY_FILM, N_("Film")),
  INTEGER ("order", N_("Order in the film")),
  LINK ("location", CT_ENTITY_LOCATION, N_("Location")),
  LINKS ("characters", CT_ENTITY_CHARACTER, N_("Characters")),
  TEXT ("time_in_film", N_("Time in the film")),
  { NULL }
};

static const CtFactKey event_keys[] = {
  /* a partial date or a label like "between Chapter 3 and Chapter 4" */
  TEXT ("when", N_("When")),
  NUMBER ("chrono", N_("In-universe order")),
  LINK ("film", CT_ENTITY_FILM, N_("Film")),
  LINK ("scene", CT_ENTITY_SCENE, N_("Scene")),
  LINKS ("participants", CT_ENTITY_CHARACTER, N_("Participants")),
  { NULL }
};

static const CtFactKey organization_keys[] = {
  LINK ("leader", CT_ENTITY_CHARACTER, N_("Leader")),
  TEXT ("founded", N_("Founded")),
  { NULL }
};

static const CtFactKey location_keys[] = {
  TEXT ("city", N_("City")),
  TEXT ("country", N_("Country")),
  { NULL }
};

static const CtFactKey * const keys_by_kind[CT_N_ENTITY_KINDS] = {
  film_keys, person_keys, character_keys, scene_keys, event_keys,
  organization_keys, location_keys,
};

const CtFactKey *
ct_fact_key_find (CtEntityKind  kind,
                  const char   *key)
{
  g_return_val_if_fail (kind < CT_N_ENTITY_KINDS, NULL);

  for (const CtFactKey *k = keys_by_kind[kind]; k->key != NULL; k++)
    if (g_strcmp0 (k->key, key) == 0)
      return k;
  return NULL;
}

char *
ct_fact_key_label (CtEntityKind  kind,
                   const char   *key)
{
  const CtFactKey *known = ct_fact_key_find (kind, key);
  g_autofree char *spaced = NULL;
  gunichar first;
  char buf[6];
  int n;

  if (known != NULL)
    return g_strdup (g_dgettext (GETTEXT_PACKAGE, known->label));
  if (key == NULL || *key == '\0')
    return g_strdup ("");
  /* A key of the user's own (fighting_style): readable, not translated. */
  spaced = g_strdelimit (g_strdup (key), "_-", ' ');
  first = g_utf8_get_char (spaced);
  n = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strdup_printf ("%.*s%s", n, buf, g_utf8_next_char (spaced));
}

const char * const *
ct_wiki_known_keys (CtEntityKind kind)
{
  static const char **names[CT_N_ENTITY_KINDS];

  g_return_val_if_fail (kind < CT_N_ENTITY_KINDS, NULL);

  if (g_once_init_enter (&names[kind]))
    {
      GPtrArray *list = g_ptr_array_new ();

      for (const CtFactKey *k = keys_by_kind[kind]; k->key != NULL; k++)
        g_ptr_array_add (list, (gpointer) k->key);
      g_ptr_array_add (list, NULL);
      g_once_init_leave (&names[kind], (const char **) g_ptr_array_free (list, FALSE));
    }
  return names[kind];
}

gboolean
ct_partial_date_is_valid (const char *text)
{
  guint64 year, month = 1, day = 1;
  g_auto(GStrv) parts = NULL;
  guint n;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, "-", 4);
  n = g_strv_length (parts);
  if (n < 1 || n > 3 || strlen (parts[0]) != 4)
    return FALSE;
  for (guint i = 1; i < n; i++)
    if (strlen (parts[i]) != 2)
      return FALSE;

  if (!g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL)
      || (n > 1 && !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL))
      || (n > 2 && !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL)))
    return FALSE;

  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
is_number (const char *text)
{
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  value = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (value);
}

/* A key is written inside {{fact: X | key}}: characters that close or
 * split a reference cannot be part of it. */
static gboolean
key_is_valid (const char *key)
{
  if (key == NULL || *key == '\0' || g_utf8_strlen (key, -1) > 64)
    return FALSE;
  if (g_ascii_isspace (key[0]) || g_ascii_isspace (key[strlen (key) - 1]))
    return FALSE;
  return strpbrk (key, "|{}[]\n\r\t") == NULL && g_utf8_validate (key, -1, NULL);
}

gboolean
ct_fact_validate (const char    *title,
                  CtEntityKind   kind,
                  const CtFact  *fact,
                  GError       **error)
{
  const CtFactKey *known;
  const char *text = fact->text;

  if (!key_is_valid (fact->key))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("%s: “%s” is not a usable fact key (use letters, digits and _; no | { } [ ])"),
                   title, fact->key ? fact->key : "");
      return FALSE;
    }
  if (fact->value_id == 0 && (text == NULL || *text == '\0'))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s: %s has no value"), title, fact->key);
      return FALSE;
    }
  if (fact->value_id == 0 && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING, _("%s: %s is not valid UTF-8 text"), title, fact->key);
      return FALSE;
    }

  known = ct_fact_key_find (kind, fact->key);
  if (known == NULL || known->type == CT_FACT_TYPE_TEXT)
    return TRUE;

  if (known->type == CT_FACT_TYPE_ENTITY)
    {
      if (fact->value_id == 0)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                       _("%s: %s must be a link to %s, not the text \"%s\""),
                       title, fact->key, ct_entity_kind_with_article (known->target), text);
          return FALSE;
        }
      if (fact->value_kind != known->target)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                       _("%s: %s must be %s, but \"%s\" is %s"),
                       title, fact->key, ct_entity_kind_with_article (known->target),
                       fact->value_title, ct_entity_kind_with_article (fact->value_kind));
          return FALSE;
        }
      return TRUE;
    }

  if (fact->value_id != 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("%s: %s must be a value, not a link to \"%s\""),
                   title, fact->key, fact->value_title);
      return FALSE;
    }

  switch (known->type)
    {
    case CT_FACT_TYPE_PARTIAL_DATE:
      if (!ct_partial_date_is_valid (text))
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                       _("%s: %s must be a date like 2025-06-06, 2025-06 or 2025, not \"%s\""),
                       title, fact->key, text);
          return FALSE;
        }
      break;
    case CT_FACT_TYPE_INTEGER:
      if (!g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, NULL, NULL))
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                       _("%s: %s must be a whole number, not \"%s\""), title, fact->key, text);
          return FALSE;
        }
      break;
    case CT_FACT_TYPE_NUMBER:
      if (!is_number (text))
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                       _("%s: %s must be a number, not \"%s\""), title, fact->key, text);
          return FALSE;
        }
      break;
    case CT_FACT_TYPE_CHOICE:
      if (!g_strv_contains (known->choices, text))
        {
          g_autofree char *choices = g_strjoinv (", ", (GStrv) known->choices);
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                       _("%s: %s must be one of %s, not \"%s\""), title, fact->key, choices, text);
          return FALSE;
        }
      break;
    case CT_FACT_TYPE_TEXT:
    case CT_FACT_TYPE_ENTITY:
      g_assert_not_reached ();
    }

  return TRUE;
}

gboolean
ct_facts_validate (const char    *title,
                   CtEntityKind   kind,
                   GPtrArray     *facts,
                   guint         *bad_index,
                   GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < facts->len; i++)
    {
      const CtFact *fact = g_ptr_array_index (facts, i);
      const CtFactKey *known;

      *bad_index = i;
      if (!ct_fact_validate (title, kind, fact, error))
        return FALSE;

      known = ct_fact_key_find (kind, fact->key);
      if (known != NULL && !known->many && g_hash_table_contains (seen, fact->key))
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                       _("%s: %s can have only one value"), title, fact->key);
          return FALSE;
        }
      g_hash_table_add (seen, fact->key);
    }
  return TRUE;
}
