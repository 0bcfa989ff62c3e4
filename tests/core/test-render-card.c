/* ct_render_entity_card: the hover card of the preview, against a real
 * wiki: what it shows, what it hides (spoilers) and that nothing from
 * the database reaches the HTML unescaped. */
#include "config.h"

#include <string.h>

#include "ct-render-card.h"
#include "ct-test-wiki.h"

static CtFact *
fact_new (const char *key,
          const char *text,
          gboolean    spoiler,
          CtFactStatus status)
{
  CtFact *fact = g_new0 (CtFact, 1);

  fact->key = g_strdup (key);
  fact->text = g_strdup (text);
  fact->spoiler = spoiler;
  fact->status = status;
  return fact;
}

static gint64
add_hostile_character (CtWiki *wiki)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = NULL;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_fact_free);
  gint64 id;

  id = ct_wiki_create_entity (wiki, CT_ENTITY_CHARACTER, "<script>alert(1)</script>", &error);
  g_assert_no_error (error);
  entity = ct_wiki_get_entity (wiki, id, &error);
  g_assert_no_error (error);
  g_free (entity->summary);
  entity->summary = g_strdup ("A \"dancer\" & <img src=x onerror=alert(2)>");
  ct_wiki_update_entity (wiki, entity, &error);
  g_assert_no_error (error);

  g_ptr_array_add (facts, fact_new ("occupation", "<b>assassin</b>", FALSE, CT_FACT_RUMORED));
  g_ptr_array_add (facts, fact_new ("fate", "deceased", TRUE, CT_FACT_CONFIRMED));
  ct_wiki_set_facts (wiki, id, facts, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_card_escapes (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  gint64 id = add_hostile_character (wiki);

  html = ct_render_entity_card (wiki, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (html);

  /* No tag from the data survives: the only '<' are the card's own. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "A &quot;dancer&quot; &amp; &lt;img src=x onerror=alert(2)&gt;"));
  g_assert_nonnull (strstr (html, "&lt;b&gt;assassin&lt;/b&gt;"));

  /* Kind, the rumored mark, and the spoiler fact counted but not shown. */
  g_assert_true (g_str_has_prefix (html, "<div class=\"ct-card ct-kind-character\">"));
  g_assert_nonnull (strstr (html, "<div class=\"ct-card-kind\">Character</div>"));
  g_assert_nonnull (strstr (html, "(rumored)"));
  g_assert_null (strstr (html, "deceased"));
  g_assert_nonnull (strstr (html, "1 spoiler fact not shown"));
  /* A key of the user's own is made readable. */
  g_assert_nonnull (strstr (html, "<dt>Occupation</dt>"));

  ct_test_rmtree (folder);
}

static void
test_card_spoiler_entity (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) entity = NULL;
  g_autofree char *html = NULL;
  gint64 id;

  id = ct_wiki_create_entity (wiki, CT_ENTITY_SCENE, "The twist", &error);
  g_assert_no_error (error);
  entity = ct_wiki_get_entity (wiki, id, &error);
  g_assert_no_error (error);
  entity->spoiler = TRUE;
  entity->summary = g_strdup ("Everyone was a ghost.");
  ct_wiki_update_entity (wiki, entity, &error);
  g_assert_no_error (error);

  html = ct_render_entity_card (wiki, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "Scene · Spoiler"));
  g_assert_nonnull (strstr (html, "<p class=\"ct-card-summary ct-spoiler\">Everyone was a ghost.</p>"));
  /* No facts: no empty list. */
  g_assert_null (strstr (html, "<dl"));

  ct_test_rmtree (folder);
}

/* A card reads like the exports: the date as the locale writes it, the
 * status in words exactly once, the same words and markup as a post's
 * ({{fact}}: ct_html_append_status), and the sources numbered, as text. */
static void
test_card_values (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_fact_free);
  g_autofree char *html = NULL;
  CtFact *release;
  gint64 id;

  id = ct_wiki_create_entity (wiki, CT_ENTITY_FILM, "Chapter 5", &error);
  g_assert_no_error (error);
  release = fact_new ("release_date", "2027-05", FALSE, CT_FACT_DISPUTED);
  release->source = g_strdup ("A <trade> paper https://example.org/x");
  g_ptr_array_add (facts, release);
  ct_wiki_set_facts (wiki, id, facts, &error);
  g_assert_no_error (error);

  html = ct_render_entity_card (wiki, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "<dt>Release date</dt><dd>May 2027 "
                                  "<span class=\"ct-status ct-status-disputed\">(disputed)</span>"
                                  "<sup class=\"ct-fn\">1</sup></dd>"));
  g_assert_true (strstr (html, "(disputed)") == g_strrstr (html, "(disputed)"));
  g_assert_nonnull (strstr (html, "<ol class=\"ct-card-sources\"><li>A &lt;trade&gt; paper "
                                  "https://example.org/x</li></ol>"));
  g_assert_null (strstr (html, "<a "));

  ct_test_rmtree (folder);
}

static void
test_card_missing (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = ct_render_entity_card (wiki, 4242, &error);

  g_assert_null (html);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  ct_test_rmtree (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/card/escapes", test_card_escapes);
  g_test_add_func ("/render/card/spoiler-entity", test_card_spoiler_entity);
  g_test_add_func ("/render/card/values", test_card_values);
  g_test_add_func ("/render/card/missing", test_card_missing);

  return g_test_run ();
}
