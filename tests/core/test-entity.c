/* Tests of the entity module's names: kind labels and the preview's
 * continuity:entity/ID URIs, written and read in one place. */
#include "config.h"

#include "ct-entity.h"

static void
test_uri_round_trip (void)
{
  static const gint64 ids[] = { 1, 42, 1000000, G_MAXINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *uri = ct_entity_uri (ids[i]);

      g_assert_true (g_str_has_prefix (uri, "continuity:entity/"));
      g_assert_cmpint (ct_entity_id_from_uri (uri), ==, ids[i]);
    }
  g_assert_cmpint (ct_entity_id_from_uri ("continuity:entity/42"), ==, 42);
}

/* Anything but what ct_entity_uri writes is no entity: 0. */
static void
test_uri_refused (void)
{
  static const char * const bad[] = {
    "continuity:entity/0",
    "continuity:entity/-5",
    "continuity:entity/+5",
    "continuity:entity/ 5",
    "continuity:entity/5 ",
    "continuity:entity/007",
    "continuity:entity/",
    "continuity:entity/12abc",
    "continuity:entity/4.2",
    "continuity:entity/0x10",
    "continuity:entity/9223372036854775808",        /* G_MAXINT64 + 1 */
    "continuity:entity/99999999999999999999999999", /* beyond 64 bits */
    "continuity:entity",
    "continuity:film/5",
    "Continuity:entity/5",
    "https://example.org/continuity:entity/5",
    "",
    "garbage",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_cmpint (ct_entity_id_from_uri (bad[i]), ==, 0);
    }
  g_assert_cmpint (ct_entity_id_from_uri (NULL), ==, 0);
}

static void
test_kind_labels (void)
{
  g_assert_cmpstr (ct_entity_kind_label (CT_ENTITY_CHARACTER), ==, "Character");
  g_assert_cmpstr (ct_entity_kind_plural_label (CT_ENTITY_PERSON), ==, "People");
  g_assert_cmpstr (ct_entity_kind_with_article (CT_ENTITY_ORGANIZATION), ==, "an organization");
  for (CtEntityKind kind = 0; kind < CT_N_ENTITY_KINDS; kind++)
    {
      g_assert_nonnull (ct_entity_kind_label (kind));
      g_assert_nonnull (ct_entity_kind_plural_label (kind));
      g_assert_nonnull (ct_entity_kind_with_article (kind));
      /* labels are for people; the stored names stay lower-case */
      g_assert_cmpstr (ct_entity_kind_label (kind), !=, ct_entity_kind_to_string (kind));
    }
}

static void
test_roles (void)
{
  const char * const *roles = ct_credit_roles ();
  gboolean crew_seen = FALSE;

  g_assert_cmpstr (roles[0], ==, "cast");
  /* Cast roles come first: a picker lists them before the crew. */
  for (guint i = 0; roles[i] != NULL; i++)
    {
      if (!ct_credit_role_is_cast (roles[i]))
        crew_seen = TRUE;
      else
        g_assert_false (crew_seen);
    }
  g_assert_true (crew_seen);
  g_assert_true (ct_credit_role_is_cast ("cameo"));
  g_assert_true (ct_credit_role_is_cast ("Voice"));
  g_assert_false (ct_credit_role_is_cast ("director"));
  g_assert_false (ct_credit_role_is_cast ("gaffer"));
  g_assert_cmpstr (ct_credit_role_label ("cameo"), ==, "Cameo");
  g_assert_cmpstr (ct_credit_role_label ("gaffer"), ==, "gaffer");
  g_assert_cmpstr (ct_fact_status_label (CT_FACT_RUMORED), ==, "Rumored");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entity/uri/round-trip", test_uri_round_trip);
  g_test_add_func ("/entity/uri/refused", test_uri_refused);
  g_test_add_func ("/entity/kind-labels", test_kind_labels);
  g_test_add_func ("/entity/roles", test_roles);
  return g_test_run ();
}
