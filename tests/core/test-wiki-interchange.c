/* The JSON interchange (DESIGN §4): stable dumps, merging imports that
 * are all or nothing, and errors that name their JSON path. */
#include "config.h"

#include <string.h>

#include "ct-resources.h"
#include "ct-test-wiki.h"

static char *
dump_of (CtWiki *wiki)
{
  g_autoptr(GError) error = NULL;
  char *json = ct_wiki_dump (wiki, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

static void
check_round_trip (const char *json,
                  gssize      length)
{
  g_autofree char *folder1 = NULL;
  g_autofree char *folder2 = NULL;
  g_autoptr(CtWiki) first = ct_test_wiki_new (&folder1);
  g_autoptr(CtWiki) second = ct_test_wiki_new (&folder2);
  g_autoptr(GError) error = NULL;
  g_autofree char *dump1 = NULL;
  g_autofree char *dump2 = NULL;
  g_autofree char *dump3 = NULL;

  g_assert_true (ct_wiki_import (first, json, length, &error));
  g_assert_no_error (error);
  dump1 = dump_of (first);

  /* into an empty wiki: the same bytes */
  g_assert_true (ct_wiki_import (second, dump1, -1, &error));
  g_assert_no_error (error);
  dump2 = dump_of (second);
  g_assert_cmpstr (dump1, ==, dump2);

  /* into the wiki it came from: a merge that changes nothing */
  g_assert_true (ct_wiki_import (first, dump1, -1, &error));
  dump3 = dump_of (first);
  g_assert_cmpstr (dump1, ==, dump3);

  g_clear_object (&first);
  g_clear_object (&second);
  ct_test_rmtree (folder1);
  ct_test_rmtree (folder2);
}

static void
test_round_trip_fixture (void)
{
  g_autofree char *path = ct_test_fixture ("wiki", "john-wick.json", NULL);
  g_autofree char *json = NULL;

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  check_round_trip (json, -1);
}

static void
test_round_trip_sample (void)
{
  g_autoptr(GBytes) sample = ct_sample_resource_bytes ("wiki.json");
  gsize size;
  const char *data = g_bytes_get_data (sample, &size);

  check_round_trip (data, (gssize) size);
}

static void
test_dump_shape (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  g_autofree char *json = dump_of (wiki);
  const char *film, *person, *scene, *event;

  g_assert_true (g_str_has_prefix (json, "{\n  \"format\" : \"continuity-wiki\",\n  \"version\" : 1,\n"));
  g_assert_true (g_str_has_suffix (json, "}\n"));
  /* kinds in order, titles in order inside a kind */
  film = strstr (json, "\"title\" : \"Ballerina\"");
  person = strstr (json, "\"title\" : \"Ana de Armas\"");
  scene = strstr (json, "\"title\" : \"Ballet studio ambush\"");
  event = strstr (json, "\"title\" : \"Death of Helen Wick\"");
  g_assert_true (film && person && scene && event);
  g_assert_true (film < person && person < scene && scene < event);
  g_assert_true (strstr (json, "\"title\" : \"John Wick\"") < strstr (json, "\"title\" : \"John Wick: Chapter 3"));
  /* links by title */
  g_assert_nonnull (strstr (json, "\"key\" : \"director\",\n          \"entity\" : \"Len Wiseman\""));

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

static void
test_forward_references (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  const char *json =
    "{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": ["
    " {\"kind\": \"film\", \"title\": \"John Wick: Chapter 4\","
    "  \"facts\": [{\"key\": \"set_after\", \"entity\": \"Ballerina\"},"
    "             {\"key\": \"director\", \"entity\": \"Chad Stahelski\"}]},"
    " {\"kind\": \"film\", \"title\": \"Ballerina\"},"
    " {\"kind\": \"person\", \"title\": \"Chad Stahelski\"}],"
    " \"credits\": [{\"film\": \"John Wick: Chapter 4\", \"person\": \"Chad Stahelski\", \"role\": \"director\"}]}";

  g_assert_true (ct_wiki_import (wiki, json, -1, &error));
  g_assert_no_error (error);
  facts = ct_wiki_get_facts (wiki, ct_test_id (wiki, "John Wick: Chapter 4"), &error);
  g_assert_cmpuint (facts->len, ==, 2);
  g_assert_cmpint (((CtFact *) facts->pdata[0])->value_id, ==, ct_test_id (wiki, "Ballerina"));
  g_assert_cmpint (((CtFact *) facts->pdata[1])->value_id, ==, ct_test_id (wiki, "Chad Stahelski"));

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

static void
test_merge (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtEntity) film = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 id = ct_test_id (wiki, "Ballerina");
  const char *json =
    "{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": ["
    " {\"kind\": \"film\", \"title\": \"BALLERINA\", \"summary\": \"New summary.\"},"
    " {\"kind\": \"film\", \"title\": \"John Wick: Chapter 4\"}]}";

  g_assert_true (ct_wiki_import (wiki, json, -1, &error));
  g_assert_no_error (error);

  /* same entity, the file's spelling and summary; what the file leaves
   * out (facts, notes, aliases) is kept */
  film = ct_wiki_get_entity (wiki, id, &error);
  g_assert_cmpstr (film->title, ==, "BALLERINA");
  g_assert_cmpstr (film->summary, ==, "New summary.");
  g_assert_nonnull (film->notes);
  g_assert_cmpuint (g_strv_length (film->aliases), ==, 1);
  facts = ct_wiki_get_facts (wiki, id, &error);
  g_assert_cmpuint (facts->len, ==, 4);
  all = ct_wiki_list_entities (wiki, CT_ENTITY_FILM, &error);
  g_assert_cmpuint (all->len, ==, 4);

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

typedef struct {
  const char *json;
  const char *message;
} BadImport;

#define DOC(entities, credits) \
  "{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [" entities "], \"credits\": [" credits "]}"

static const BadImport bad_imports[] = {
  { "{\"format\": \"continuity-wiki\", ", "The document is not valid JSON: " },
  { "[1, 2]", "The document is not a Continuity wiki: it must be a JSON object." },
  { "{\"format\": \"hugo\", \"version\": 1}", "format: expected \"continuity-wiki\": this is not a Continuity wiki dump" },
  { "{\"format\": \"continuity-wiki\", \"version\": 7}",
    "version: the file is format 7, written by a newer Continuity; this one reads up to 1." },
  { DOC ("{\"kind\": \"film\", \"title\": \"A\"}, {\"kind\": \"movie\", \"title\": \"B\"}", ""),
    "entities[1]: kind must be film, person, character, scene, event, organization or location, not \"movie\"" },
  { DOC ("{\"kind\": \"film\"}", ""), "entities[0]: title is missing" },
  { DOC ("{\"kind\": \"film\", \"title\": 3}", ""), "entities[0]: title must be a string" },
  { DOC ("{\"kind\": \"film\", \"title\": \"Rooney\"}", ""),
    "entities[0].kind: \"Rooney\" is already in the wiki as a character, not a film" },
  { DOC ("{\"kind\": \"film\", \"title\": \"X\"}, {\"kind\": \"film\", \"title\": \" x \"}", ""),
    "entities[1]: \" x \" appears twice in this file (also at entities[0])" },
  { DOC ("{\"kind\": \"film\", \"title\": \"X\", \"aliases\": [\"ok\", 4]}", ""), "entities[0].aliases[1]: must be a string" },
  { DOC ("{\"kind\": \"film\", \"title\": \"X|Y\"}", ""),
    "entities[0]: The title “X|Y” contains “|”, which references use as punctuation." },
  { DOC ("{\"kind\": \"person\", \"title\": \"Len Wiseman\"}, "
         "{\"kind\": \"film\", \"title\": \"Underworld\", \"facts\": [{\"key\": \"release_date\", \"value\": \"2003\"},"
         " {\"key\": \"writer\", \"entity\": \"Len Wiseman\"}, {\"key\": \"tagline\", \"value\": \"An immortal war\"},"
         " {\"key\": \"director\", \"entity\": \"Len Wisman\"}]}", ""),
    "entities[1].facts[3].entity: no entity titled \"Len Wisman\"" },
  { DOC ("{\"kind\": \"film\", \"title\": \"X\", \"facts\": [{\"key\": \"director\", \"entity\": \"Ruska Roma\"}]}", ""),
    "entities[0].facts[0].entity: X: director must be a person, but \"Ruska Roma\" is an organization" },
  { DOC ("{\"kind\": \"film\", \"title\": \"X\", \"facts\": [{\"key\": \"runtime_min\", \"value\": \"long\"}]}", ""),
    "entities[0].facts[0].value: X: runtime_min must be a whole number, not \"long\"" },
  { DOC ("{\"kind\": \"film\", \"title\": \"X\", \"facts\": [{\"key\": \"tagline\"}]}", ""),
    "entities[0].facts[0]: a fact needs either \"value\" (text) or \"entity\" (a title), not both" },
  { DOC ("{\"kind\": \"film\", \"title\": \"X\", \"facts\": [{\"key\": \"tagline\", \"value\": \"x\", \"status\": \"maybe\"}]}", ""),
    "entities[0].facts[0]: status must be confirmed, rumored or disputed, not \"maybe\"" },
  { DOC ("{\"kind\": \"film\", \"title\": \"X\", \"facts\": {}}", ""), "entities[0]: facts must be a list" },
  { DOC ("{\"kind\": \"film\", \"title\": \"X\"}",
         "{\"film\": \"X\", \"person\": \"Keanu Reeves\", \"role\": \"cast\"},"
         "{\"film\": \"X\", \"person\": \"Keanu Reves\", \"role\": \"cast\"}"),
    "credits[1].person: no entity titled \"Keanu Reves\"" },
  { DOC ("", "{\"film\": \"Ballerina\", \"person\": \"Rooney\", \"role\": \"cast\"}"),
    "credits[0]: Ballerina: the person of a credit must be a person, but “Rooney” is a character" },
  { DOC ("", "{\"film\": \"Ballerina\", \"person\": \"Keanu Reeves\"}"), "credits[0]: role is missing" },
  { DOC ("", "{\"film\": \"Ballerina\", \"person\": \"Keanu Reeves\", \"role\": \"cast\", \"billing\": -1}"),
    "credits[0]: billing must be a whole number, 0 for unbilled" },
  /* the import reads entities and credits one by one: an error late in the
   * document still rolls back the ones before it, and names where it is */
  { DOC ("{\"kind\": \"film\", \"title\": \"A\"},\n{\"kind\": \"film\" \"title\": \"B\"}", ""),
    "The document is not valid JSON: entities[1], line 2, column 15: Parse error: unexpected string constant" },
  { DOC ("{\"kind\": \"film\", \"title\": \"A\"}, 3", ""), "entities[1]: must be an object { … }" },
  { DOC ("{\"kind\": \"film\", \"title\": \"A\"}", "{\"film\": \"A\", \"person\": [}"),
    "The document is not valid JSON: line 1: a bracket closes what it did not open" },
  { "{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": {}}", "document: entities must be a list" },
  { "{\"format\": \"continuity-wiki\", \"version\": 1}\n{}", "The document is not valid JSON: line 2: there is more after the end" },
  { "{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [\"unterminated]}",
    "The document is not valid JSON: line 1: a string does not end" },
  { "{\"format\": \"continuity-wiki\", \"version\": 1, \"note\": tru}", "The document is not valid JSON: note, line 1, column 55: Parse error: unexpected identifier" },
  /* member names are decoded; the last of a repeated member counts */
  { "{\"\\u0066ormat\": \"hugo\", \"version\": 1}", "format: expected \"continuity-wiki\"" },
  { "{\"format\": \"continuity-wiki\", \"version\": 1, \"version\": 9}", "version: the file is format 9" },
};

static void
test_errors_name_path (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  g_autofree char *before = dump_of (wiki);

  for (guint i = 0; i < G_N_ELEMENTS (bad_imports); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (ct_wiki_import (wiki, bad_imports[i].json, -1, &error));
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, bad_imports[i].message))
        g_error ("import %u: “%s”, expected “%s”", i, error->message, bad_imports[i].message);
      /* and nothing of it was kept */
      after = dump_of (wiki);
      g_assert_cmpstr (before, ==, after);
    }

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

static void
test_failed_import_leaves_file (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_fixture (&folder);
  g_autofree char *db = g_build_filename (folder, CT_WIKI_DB_NAME, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GString *json = g_string_new ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [");

  /* Many new entities and facts, then a bad credit at the very end. */
  for (int i = 0; i < 500; i++)
    g_string_append_printf (json, "%s{\"kind\": \"person\", \"title\": \"Stunt performer %d\","
                            " \"notes\": \"Worked with [[Keanu Reeves]].\","
                            " \"facts\": [{\"key\": \"born\", \"value\": \"1980\"}]}", i ? "," : "", i);
  g_string_append (json, "], \"credits\": [{\"film\": \"Ballerina\", \"person\": \"Stunt performer 1\", \"role\": \"stunts\"},"
                   "{\"film\": \"Balerina\", \"person\": \"Stunt performer 2\", \"role\": \"stunts\"}]}");

  g_clear_object (&wiki);
  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);   /* today's backup happens here */
  g_clear_object (&wiki);
  before = ct_test_checksum (db);

  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (ct_wiki_import (wiki, json->str, (gssize) json->len, &error));
  g_assert_cmpstr (error->message, ==, "credits[1].film: no entity titled \"Balerina\"");
  g_clear_object (&wiki);

  after = ct_test_checksum (db);
  g_assert_cmpstr (before, ==, after);
  g_string_free (json, TRUE);
  ct_test_rmtree (folder);
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autoptr(GError) error = NULL;

  g_assert_false (ct_wiki_import (wiki, "{\"format\": \"continuity-wiki\xff\"}", -1, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_ENCODING);

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

static void
test_deep_nesting (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(CtWiki) wiki = ct_test_wiki_new (&folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *open = g_strnfill (200000, '[');
  g_autofree char *close = g_strnfill (200000, ']');
  g_autofree char *brackets = g_strnfill (100, '[');
  g_autofree char *json = g_strconcat ("{\"format\": \"continuity-wiki\", \"version\": 1, \"entities\": [\n"
                                       "{\"kind\": \"film\", \"title\": \"\\\"", brackets, "\",\n"
                                       "\"summary\": ", open, close, "}]}", NULL);

  /* refused before json-glib recurses into it; brackets in strings don't count */
  g_assert_false (ct_wiki_import (wiki, json, -1, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The document is not a Continuity wiki: on line 3 it nests lists and objects more than 64 deep.");

  g_clear_object (&wiki);
  ct_test_rmtree (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/wiki/interchange/round-trip-fixture", test_round_trip_fixture);
  g_test_add_func ("/wiki/interchange/round-trip-sample", test_round_trip_sample);
  g_test_add_func ("/wiki/interchange/dump-shape", test_dump_shape);
  g_test_add_func ("/wiki/interchange/forward-references", test_forward_references);
  g_test_add_func ("/wiki/interchange/merge", test_merge);
  g_test_add_func ("/wiki/interchange/errors-name-path", test_errors_name_path);
  g_test_add_func ("/wiki/interchange/failed-import-leaves-file", test_failed_import_leaves_file);
  g_test_add_func ("/wiki/interchange/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/wiki/interchange/deep-nesting", test_deep_nesting);

  return g_test_run ();
}
