/* Tests of ct-fact-format: wiki values as a reader reads them. The test
 * environment runs under C.UTF-8, whose month names are English; the
 * German forms are checked in test-references (values/german). */
#include "config.h"

#include "ct-fact-format.h"

static void
test_partial_dates (void)
{
  const struct { const char *stored; const char *shown; } cases[] = {
    { "2025", "2025" },
    { "2025-06", "June 2025" },
    { "2025-06-06", "6 June 2025" },
    { "0812-01-31", "31 January 812" },
    { "2025-02-30", NULL },     /* not a day */
    { "2025-6", NULL },
    { "June 2025", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = ct_partial_date_format (cases[i].stored);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  g_assert_null (ct_partial_date_format (NULL));
}

static void
test_post_dates (void)
{
  g_autofree char *machine = NULL;
  g_autofree char *day = ct_post_date_format ("2025-06-12T20:00:00+02:00", &machine);
  g_autofree char *other = NULL;
  g_autofree char *words = ct_post_date_format ("next spring", &other);

  g_assert_cmpstr (day, ==, "12 June 2025");
  g_assert_cmpstr (machine, ==, "2025-06-12");
  g_assert_cmpstr (words, ==, "next spring");
  g_assert_null (other);
}

static void
test_text_display (void)
{
  const struct {
    CtEntityKind kind; const char *key; const char *stored; const char *shown;
  } cases[] = {
    { CT_ENTITY_FILM, "release_date", "2025-06", "June 2025" },
    { CT_ENTITY_PERSON, "born", "1964-09-02", "2 September 1964" },
    /* an event's when: a date, or a phrase left as written */
    { CT_ENTITY_EVENT, "when", "2014-10", "October 2014" },
    { CT_ENTITY_EVENT, "when", "between Chapter 3 and 4", "between Chapter 3 and 4" },
    { CT_ENTITY_CHARACTER, "fate", "deceased", "deceased" },
    /* a date in a free-text key is the user's text */
    { CT_ENTITY_FILM, "tagline", "2025-06", "2025-06" },
    { CT_ENTITY_FILM, "runtime_min", "169", "169" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = ct_fact_text_display (cases[i].kind, cases[i].key, cases[i].stored);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_status_note (void)
{
  g_assert_null (ct_fact_status_note (CT_FACT_CONFIRMED));
  g_assert_cmpstr (ct_fact_status_note (CT_FACT_RUMORED), ==, "(rumored)");
  g_assert_cmpstr (ct_fact_status_note (CT_FACT_DISPUTED), ==, "(disputed)");
}

static void
test_fact_display (void)
{
  CtFact date = { .key = "release_date", .text = "2027-05", .status = CT_FACT_DISPUTED };
  CtFact link = { .key = "director", .value_id = 3, .value_title = "Len Wiseman" };
  g_autofree char *date_text = ct_fact_display (CT_ENTITY_FILM, &date);
  g_autofree char *link_text = ct_fact_display (CT_ENTITY_FILM, &link);

  g_assert_cmpstr (date_text, ==, "May 2027 (disputed)");
  g_assert_cmpstr (link_text, ==, "Len Wiseman");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fact-format/partial-dates", test_partial_dates);
  g_test_add_func ("/fact-format/post-dates", test_post_dates);
  g_test_add_func ("/fact-format/text-display", test_text_display);
  g_test_add_func ("/fact-format/status-note", test_status_note);
  g_test_add_func ("/fact-format/fact-display", test_fact_display);

  return g_test_run ();
}
