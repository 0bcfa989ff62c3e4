#define G_LOG_DOMAIN "ct-fact-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ct-fact-format.h"
#include "ct-fact-keys.h"

char *
ct_partial_date_format (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GDateTime) date = NULL;
  const char *format;
  guint n;

  if (!ct_partial_date_is_valid (text))
    return NULL;
  parts = g_strsplit (text, "-", 3);
  n = g_strv_length (parts);
  date = g_date_time_new_utc ((int) g_ascii_strtoll (parts[0], NULL, 10),
                              n > 1 ? (int) g_ascii_strtoll (parts[1], NULL, 10) : 1,
                              n > 2 ? (int) g_ascii_strtoll (parts[2], NULL, 10) : 1,
                              0, 0, 0);
  if (date == NULL)
    return NULL;

  /* The formats are translated because the order of day, month and year
   * is the language's, not strftime's (%x writes digits). A month with a
   * year wants the month's own name (%OB: "Juni", "июнь"); a day wants
   * the form that follows a number (%B: "июня"). */
  if (n == 1)
    format = "%Y";
  else if (n == 2)
    format = C_("partial date: a month and a year, strftime format", "%OB %Y");
  else
    format = C_("partial date: a day, strftime format", "%-d %B %Y");
  return g_date_time_format (date, format);
}

char *
ct_post_date_format (const char  *date,
                     char       **machine)
{
  g_autofree char *day = NULL;
  char *shown;

  if (machine != NULL)
    *machine = NULL;
  if (date == NULL)
    return NULL;
  /* Hugo and Jekyll write timestamps; the reader wants the day */
  day = strlen (date) > 10 && (date[10] == 'T' || date[10] == ' ') ? g_strndup (date, 10) : g_strdup (date);
  shown = ct_partial_date_format (day);
  if (shown == NULL)
    return g_strdup (date);
  if (machine != NULL)
    *machine = g_steal_pointer (&day);
  return shown;
}

/* Labels of the choices in ct-fact-keys.c, by value: lower case, since a
 * value is read inside a sentence ("The Marquis is deceased") as often as
 * in an infobox. */
static const struct {
  const char *value;
  const char *label;
} choice_labels[] = {
  { "alive", NC_("fate", "alive") },
  { "deceased", NC_("fate", "deceased") },
  { "unknown", NC_("fate", "unknown") },
};

char *
ct_fact_text_display (CtEntityKind  kind,
                      const char   *key,
                      const char   *text)
{
  const CtFactKey *known = ct_fact_key_find (kind, key);
  char *date;

  if (text == NULL)
    return g_strdup ("");
  /* an event's "when" is a date or a phrase ("between Chapter 3 and 4") */
  if ((known != NULL && known->type == CT_FACT_TYPE_PARTIAL_DATE)
      || (kind == CT_ENTITY_EVENT && g_strcmp0 (key, "when") == 0))
    {
      date = ct_partial_date_format (text);
      if (date != NULL)
        return date;
    }
  if (known != NULL && known->type == CT_FACT_TYPE_CHOICE)
    for (guint i = 0; i < G_N_ELEMENTS (choice_labels); i++)
      if (g_str_equal (choice_labels[i].value, text))
        return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "fate", choice_labels[i].label));
  return g_strdup (text);
}

char *
ct_fact_display (CtEntityKind  kind,
                 const CtFact *fact)
{
  g_autofree char *value = fact->value_id > 0 ? g_strdup (fact->value_title)
                                              : ct_fact_text_display (kind, fact->key, fact->text);
  const char *note = ct_fact_status_note (fact->status);

  return note != NULL ? g_strdup_printf ("%s %s", value, note) : g_steal_pointer (&value);
}

const char *
ct_fact_status_note (CtFactStatus status)
{
  switch (status)
    {
    case CT_FACT_RUMORED:
      return _("(rumored)");
    case CT_FACT_DISPUTED:
      return _("(disputed)");
    case CT_FACT_CONFIRMED:
    default:
      return NULL;
    }
}
