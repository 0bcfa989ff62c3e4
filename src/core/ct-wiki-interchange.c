#define G_LOG_DOMAIN "ct-wiki-interchange"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "ct-fact-keys.h"
#include "ct-json-scan.h"
#include "ct-json-writer.h"
#include "ct-wiki-private.h"

/* The JSON interchange of DESIGN §4. Dump is sorted and stable so that
 * dump -> import into an empty wiki -> dump gives the same bytes. */

#define FORMAT_NAME    "continuity-wiki"
#define FORMAT_VERSION 1

/* Dumping: written as it is read, row by row, through CtJsonWriter, so a
 * dump holds one entity and a small buffer in memory whatever the size of
 * the wiki. The bytes are those json-glib's pretty generator wrote. */

static void
add_string (CtJsonWriter *writer,
            const char   *name,
            const char   *value)
{
  if (value == NULL)
    return;
  ct_json_writer_string (writer, name, value);
}

static gboolean
dump_entity (CtWiki    *self,
             CtEntity  *entity,
             gpointer   user_data,
             GError   **error)
{
  CtJsonWriter *writer = user_data;
  g_autoptr(GPtrArray) facts = ct_wiki_get_facts (self, entity->id, error);

  if (facts == NULL)
    return FALSE;

  ct_json_writer_begin_object (writer, NULL);
  add_string (writer, "kind", ct_entity_kind_to_string (entity->kind));
  add_string (writer, "title", entity->title);
  ct_json_writer_begin_array (writer, "aliases");
  for (guint i = 0; entity->aliases[i] != NULL; i++)
    ct_json_writer_string (writer, NULL, entity->aliases[i]);
  ct_json_writer_end_array (writer);
  add_string (writer, "summary", entity->summary);
  add_string (writer, "notes", entity->notes);
  ct_json_writer_bool (writer, "spoiler", entity->spoiler);

  ct_json_writer_begin_array (writer, "facts");
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);

      ct_json_writer_begin_object (writer, NULL);
      add_string (writer, "key", fact->key);
      if (fact->value_id != 0)
        add_string (writer, "entity", fact->value_title);
      else
        add_string (writer, "value", fact->text);
      add_string (writer, "status", ct_fact_status_to_string (fact->status));
      add_string (writer, "source", fact->source);
      ct_json_writer_bool (writer, "spoiler", fact->spoiler);
      ct_json_writer_end_object (writer);
    }
  ct_json_writer_end_array (writer);
  ct_json_writer_end_object (writer);
  return TRUE;
}

static gboolean
dump_credit (CtWiki    *self,
             CtCredit  *credit,
             gpointer   user_data,
             GError   **error)
{
  CtJsonWriter *writer = user_data;

  ct_json_writer_begin_object (writer, NULL);
  add_string (writer, "film", credit->film_title);
  add_string (writer, "person", credit->person_title);
  add_string (writer, "character", credit->character_title);
  add_string (writer, "role", credit->role);
  ct_json_writer_int (writer, "billing", credit->billing);
  add_string (writer, "status", ct_fact_status_to_string (credit->status));
  add_string (writer, "source", credit->source);
  ct_json_writer_end_object (writer);
  return TRUE;
}

gboolean
ct_wiki_dump_to_stream (CtWiki         *self,
                        GOutputStream  *out,
                        GError        **error)
{
  g_autoptr(CtJsonWriter) writer = NULL;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  writer = ct_json_writer_new (out);
  ct_json_writer_begin_object (writer, NULL);
  ct_json_writer_string (writer, "format", FORMAT_NAME);
  ct_json_writer_int (writer, "version", FORMAT_VERSION);

  /* Kind by kind (films first), each by title. One read transaction, so
   * the entities and credits come from the same state of the file even
   * when another process writes meanwhile. */
  own_transaction = sqlite3_get_autocommit (ct_db_handle (self->db));
  if (own_transaction && !ct_db_exec (self->db, "BEGIN", error))
    return FALSE;
  ct_json_writer_begin_array (writer, "entities");
  ok = TRUE;
  for (int kind = 0; ok && kind < CT_N_ENTITY_KINDS; kind++)
    ok = _ct_wiki_foreach_entity (self, kind, dump_entity, writer, error);
  if (ok)
    {
      ct_json_writer_end_array (writer);
      ct_json_writer_begin_array (writer, "credits");
      ok = _ct_wiki_foreach_credit (self, dump_credit, writer, error);
    }
  if (own_transaction)
    sqlite3_exec (ct_db_handle (self->db), "COMMIT", NULL, NULL, NULL);
  if (!ok)
    return FALSE;
  ct_json_writer_end_array (writer);
  ct_json_writer_end_object (writer);
  return ct_json_writer_finish (writer, error);
}

char *
ct_wiki_dump (CtWiki  *self,
              GError **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  if (!ct_wiki_dump_to_stream (self, out, error)
      || !g_output_stream_write_all (out, "", 1, NULL, NULL, error)
      || !g_output_stream_close (out, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Importing */

/* Every error names where in the document it is, the way a JSON path
 * does: entities[12].facts[3].entity. */
static void
fail_at (GError     **error,
         const char  *path,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
fail_at (GError     **error,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CT_ERROR, CT_ERROR_INVALID, "%s: %s", path, message);
}

static void
prefix_error (GError     **error,
              const char  *path)
{
  g_prefix_error (error, "%s: ", path);
}

/* A member that must be a string (or may be absent when !required).
 * *@value is NULL when absent or JSON null. */
static gboolean
get_string (JsonObject   *object,
            const char   *member,
            const char   *path,
            gboolean      required,
            const char  **value,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          fail_at (error, path, _("%s is missing"), member);
          return FALSE;
        }
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fail_at (error, path, _("%s must be a string"), member);
      return FALSE;
    }
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const char  *member,
          const char  *path,
          gboolean    *value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      fail_at (error, path, _("%s must be true or false"), member);
      return FALSE;
    }
  *value = json_node_get_boolean (node);
  return TRUE;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           const char  *path,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail_at (error, path, _("%s must be a list"), member);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_object (JsonArray   *array,
            guint        index,
            const char  *path,
            GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_at (error, path, _("must be an object { … }"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
get_status (JsonObject    *object,
            const char    *path,
            CtFactStatus  *status,
            GError       **error)
{
  const char *name;

  *status = CT_FACT_CONFIRMED;
  if (!get_string (object, "status", path, FALSE, &name, error))
    return FALSE;
  if (name != NULL && !ct_fact_status_from_string (name, status))
    {
      fail_at (error, path, _("status must be confirmed, rumored or disputed, not \"%s\""), name);
      return FALSE;
    }
  return TRUE;
}

/* The id of the entity titled @title (titles only: the interchange
 * refers by title), or 0 with an error at @path.@member. */
static gint64
resolve (CtWiki      *self,
         const char  *title,
         const char  *path,
         const char  *member,
         GError     **error)
{
  gint64 id = _ct_wiki_id_by_title (self, title, error);

  if (id == 0)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
      fail_at (error, where, _("no entity titled \"%s\""), title);
    }
  return id > 0 ? id : 0;
}

static gboolean
import_entity (CtWiki      *self,
               JsonObject  *object,
               const char  *path,
               GHashTable  *seen,
               gint64      *id_out,
               GError     **error)
{
  const char *kind_name, *title, *summary, *notes;
  g_autoptr(CtEntity) entity = NULL;
  g_autofree char *key = NULL;
  CtEntityKind kind;
  JsonArray *aliases;
  gint64 id;

  if (!get_string (object, "kind", path, TRUE, &kind_name, error)
      || !get_string (object, "title", path, TRUE, &title, error))
    return FALSE;
  if (!ct_entity_kind_from_string (kind_name, &kind))
    {
      fail_at (error, path, _("kind must be film, person, character, scene, event, organization or location, not \"%s\""), kind_name);
      return FALSE;
    }

  key = _ct_wiki_name_key (title);
  if (g_hash_table_contains (seen, key))
    {
      fail_at (error, path, _("\"%s\" appears twice in this file (also at %s)"), title,
               (const char *) g_hash_table_lookup (seen, key));
      return FALSE;
    }
  g_hash_table_insert (seen, g_steal_pointer (&key), g_strdup (path));

  /* Merge by title: an existing entity keeps what the file leaves out. */
  id = _ct_wiki_id_by_title (self, title, error);
  if (id < 0)
    return FALSE;
  if (id == 0)
    {
      id = _ct_wiki_insert_entity (self, kind, title, error);
      if (id == 0)
        {
          prefix_error (error, path);
          return FALSE;
        }
    }
  entity = ct_wiki_get_entity (self, id, error);
  if (entity == NULL)
    return FALSE;
  if (entity->kind != kind)
    {
      g_autofree char *where = g_strdup_printf ("%s.kind", path);
      fail_at (error, where, _("\"%s\" is already in the wiki as %s, not %s"),
               entity->title, ct_entity_kind_with_article (entity->kind), ct_entity_kind_with_article (kind));
      return FALSE;
    }

  g_free (entity->title);
  entity->title = g_strdup (title);
  if (json_object_has_member (object, "summary"))
    {
      if (!get_string (object, "summary", path, FALSE, &summary, error))
        return FALSE;
      g_free (entity->summary);
      entity->summary = g_strdup (summary);
    }
  if (json_object_has_member (object, "notes"))
    {
      if (!get_string (object, "notes", path, FALSE, &notes, error))
        return FALSE;
      g_free (entity->notes);
      entity->notes = g_strdup (notes);
    }
  if (!get_bool (object, "spoiler", path, &entity->spoiler, error))
    return FALSE;

  aliases = get_array (object, "aliases", path, error);
  if (aliases == NULL && error && *error)
    return FALSE;
  if (aliases != NULL)
    {
      GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < json_array_get_length (aliases); i++)
        {
          JsonNode *node = json_array_get_element (aliases, i);
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            {
              g_autofree char *where = g_strdup_printf ("%s.aliases[%u]", path, i);
              fail_at (error, where, _("must be a string"));
              g_ptr_array_free (list, TRUE);
              return FALSE;
            }
          g_ptr_array_add (list, g_strdup (json_node_get_string (node)));
        }
      g_ptr_array_add (list, NULL);
      g_strfreev (entity->aliases);
      /* FALSE: the array goes, the strings (now the entity's) stay */
      entity->aliases = (GStrv) g_ptr_array_free (list, FALSE);
    }

  if (!_ct_wiki_write_entity (self, entity, error))
    {
      prefix_error (error, path);
      return FALSE;
    }
  *id_out = id;
  return TRUE;
}

static gboolean
import_facts (CtWiki      *self,
              JsonObject  *object,
              const char  *path,
              gint64       id,
              GError     **error)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_fact_free);
  g_autoptr(GPtrArray) fact_paths = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;
  guint bad;

  if (!json_object_has_member (object, "facts"))
    return TRUE;   /* keep the facts it has */
  array = get_array (object, "facts", path, error);
  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *fact_path = g_strdup_printf ("%s.facts[%u]", path, i);
      JsonObject *item = get_object (array, i, fact_path, error);
      JsonNode *value;
      const char *key, *target, *source;
      CtFact *fact;

      if (item == NULL || !get_string (item, "key", fact_path, TRUE, &key, error)
          || !get_string (item, "entity", fact_path, FALSE, &target, error)
          || !get_string (item, "source", fact_path, FALSE, &source, error))
        return FALSE;

      fact = g_new0 (CtFact, 1);
      g_ptr_array_add (facts, fact);
      fact->key = g_strdup (key);
      fact->source = g_strdup (source);
      if (!get_status (item, fact_path, &fact->status, error)
          || !get_bool (item, "spoiler", fact_path, &fact->spoiler, error))
        return FALSE;

      value = json_object_get_member (item, "value");
      if ((value != NULL) == (target != NULL))
        {
          fail_at (error, fact_path, _("a fact needs either \"value\" (text) or \"entity\" (a title), not both"));
          return FALSE;
        }
      if (target != NULL)
        {
          if ((fact->value_id = resolve (self, target, fact_path, "entity", error)) == 0)
            return FALSE;
        }
      else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        fact->text = g_strdup (json_node_get_string (value));
      else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        fact->text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      else
        {
          fail_at (error, fact_path, _("value must be a string"));
          return FALSE;
        }
      g_ptr_array_add (fact_paths, g_steal_pointer (&fact_path));
    }

  if (!_ct_wiki_write_facts (self, id, facts, &bad, error))
    {
      if (bad < facts->len)
        {
          CtFact *fact = g_ptr_array_index (facts, bad);
          g_autofree char *where = g_strdup_printf ("%s.%s", (char *) g_ptr_array_index (fact_paths, bad),
                                                    fact->value_id ? "entity" : "value");
          prefix_error (error, where);
        }
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_credit (CtWiki      *self,
               JsonObject  *object,
               const char  *path,
               GError     **error)
{
  const char *film, *person, *character, *role, *source;
  CtCredit credit = { 0 };
  JsonNode *billing;

  if (!get_string (object, "film", path, TRUE, &film, error)
      || !get_string (object, "person", path, TRUE, &person, error)
      || !get_string (object, "character", path, FALSE, &character, error)
      || !get_string (object, "role", path, TRUE, &role, error)
      || !get_string (object, "source", path, FALSE, &source, error)
      || !get_status (object, path, &credit.status, error))
    return FALSE;

  billing = json_object_get_member (object, "billing");
  if (billing != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (billing) || json_node_get_value_type (billing) != G_TYPE_INT64
          || json_node_get_int (billing) < 0 || json_node_get_int (billing) > G_MAXINT)
        {
          fail_at (error, path, _("billing must be a whole number, 0 for unbilled"));
          return FALSE;
        }
      credit.billing = (int) json_node_get_int (billing);
    }

  if ((credit.film_id = resolve (self, film, path, "film", error)) == 0
      || (credit.person_id = resolve (self, person, path, "person", error)) == 0
      || (character != NULL && (credit.character_id = resolve (self, character, path, "character", error)) == 0))
    return FALSE;
  credit.role = (char *) role;
  credit.source = (char *) source;

  if (_ct_wiki_write_credit (self, &credit, error) == 0)
    {
      prefix_error (error, path);
      return FALSE;
    }
  return TRUE;
}

/* One piece of the document, parsed on its own: the import holds the
 * text and the tree of one entity or credit, never a tree of the whole. */
static JsonNode *
parse_span (const char        *json,
            const CtJsonSpan  *span,
            const char        *path,
            GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, json + span->start, span->length, &local_error))
    {
      guint line = 0, column = 0;
      int consumed = 0;

      /* json-glib says "<data>:LINE:COL: Parse error: …" counting from the
       * piece it was given: count from the document instead. */
      if (sscanf (local_error->message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2
          && consumed > 0 && line > 0)
        {
          if (line == 1)
            {
              gsize line_start = span->start;

              while (line_start > 0 && json[line_start - 1] != '\n')
                line_start--;
              column += g_utf8_strlen (json + line_start, span->start - line_start);
            }
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                       _("The document is not valid JSON: %s, line %u, column %u: %s"),
                       path, span->line + line - 1, column, local_error->message + consumed);
        }
      else
        g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                     _("The document is not valid JSON: %s, from line %u: %s"),
                     path, span->line, local_error->message);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

static JsonObject *
parse_object (const char        *json,
              const CtJsonSpan  *span,
              const char        *path,
              JsonNode         **node,
              GError           **error)
{
  *node = parse_span (json, span, path, error);
  if (*node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (*node))
    {
      fail_at (error, path, _("must be an object { … }"));
      return NULL;
    }
  return json_node_get_object (*node);
}

/* The elements of the member @name of the document (NULL and no error
 * when absent). */
static GArray *
list_elements (const char        *json,
               const CtJsonSpan  *span,
               const char        *name,
               GError           **error)
{
  GArray *elements = NULL;

  if (span == NULL)
    return NULL;
  if (json[span->start] != '[')
    {
      /* as the tree parser did: a value, but not a list */
      g_autoptr(JsonNode) node = parse_span (json, span, name, error);

      if (node != NULL)
        fail_at (error, "document", _("%s must be a list"), name);
      return NULL;
    }
  ct_json_scan_elements (json, span, &elements, error);
  return elements;
}

static gboolean
import_document (CtWiki      *self,
                 const char  *json,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(JsonObject) top = json_object_new ();
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) entities = NULL;
  g_autoptr(GArray) credits = NULL;
  const CtJsonSpan *entities_span = NULL, *credits_span = NULL;
  JsonNode *version;
  const char *format;

  if (!ct_json_scan_members (json, length, &names, &spans, error))
    return FALSE;

  /* The small members become a JsonObject of their own; the two lists
   * are read element by element below. Every other member must still be
   * valid JSON. The last of a repeated member counts, as in json-glib. */
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const CtJsonSpan *span = &g_array_index (spans, CtJsonSpan, i);
      JsonNode *node;

      if (g_str_equal (name, "entities"))
        entities_span = span;
      else if (g_str_equal (name, "credits"))
        credits_span = span;
      else if ((node = parse_span (json, span, name, error)) == NULL)
        return FALSE;
      else
        json_object_set_member (top, name, node);
    }

  if (!get_string (top, "format", "format", FALSE, &format, error))
    return FALSE;
  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      fail_at (error, "format", _("expected \"%s\": this is not a Continuity wiki dump"), FORMAT_NAME);
      return FALSE;
    }
  version = json_object_get_member (top, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      fail_at (error, "version", _("must be a number"));
      return FALSE;
    }
  if (json_node_get_int (version) > FORMAT_VERSION)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_TOO_NEW,
                   _("version: the file is format %lld, written by a newer Continuity; this one reads up to %d."),
                   (long long) json_node_get_int (version), FORMAT_VERSION);
      return FALSE;
    }

  entities = list_elements (json, entities_span, "entities", error);
  if (entities == NULL && *error != NULL)
    return FALSE;
  credits = list_elements (json, credits_span, "credits", error);
  if (credits == NULL && *error != NULL)
    return FALSE;

  /* Entities first, facts after: a fact may link to an entity that comes
   * later in the file. Each entity is parsed twice rather than kept. */
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("entities[%u]", i);
      g_autoptr(JsonNode) node = NULL;
      JsonObject *object = parse_object (json, &g_array_index (entities, CtJsonSpan, i), path, &node, error);
      gint64 id = 0;

      if (object == NULL || !import_entity (self, object, path, seen, &id, error))
        return FALSE;
      g_array_append_val (ids, id);
    }
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("entities[%u]", i);
      g_autoptr(JsonNode) node = NULL;
      JsonObject *object = parse_object (json, &g_array_index (entities, CtJsonSpan, i), path, &node, error);

      if (object == NULL || !import_facts (self, object, path, g_array_index (ids, gint64, i), error))
        return FALSE;
    }
  for (guint i = 0; credits != NULL && i < credits->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("credits[%u]", i);
      g_autoptr(JsonNode) node = NULL;
      JsonObject *object = parse_object (json, &g_array_index (credits, CtJsonSpan, i), path, &node, error);

      if (object == NULL || !import_credit (self, object, path, error))
        return FALSE;
    }
  return TRUE;
}

/* A document that is not an object is never a wiki; json-glib still
 * tells whether it is JSON at all, for the message. */
static gboolean
refuse_non_object (const char  *json,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("The document is not valid JSON: %s"), local_error->message);
  else
    g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("The document is not a Continuity wiki: it must be a JSON object."));
  return FALSE;
}

gboolean
ct_wiki_import (CtWiki      *self,
                const char  *json,
                gssize       length,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize start = 0;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!_ct_wiki_check_writable (self, error))
    return FALSE;
  if (length < 0)
    length = strlen (json);
  if (!g_utf8_validate (json, length, NULL))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING, _("The document is not valid UTF-8 text."));
      return FALSE;
    }
  if (!ct_json_check_nesting (json, length, error))
    return FALSE;
  while (start < (gsize) length && g_ascii_isspace (json[start]))
    start++;
  if (start == (gsize) length || json[start] != '{')
    return refuse_non_object (json, length, error);

  /* All or nothing: one transaction around the whole document, parsed
   * piece by piece inside it; an error anywhere rolls all of it back. */
  if (!ct_db_begin (self->db, error))
    return FALSE;
  _ct_wiki_defer_search (self);
  if (!import_document (self, json, length, &local_error)
      || !_ct_wiki_flush_search (self, &local_error))
    {
      _ct_wiki_drop_search (self);
      _ct_wiki_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  _ct_wiki_note_change (self, 0);
  return _ct_wiki_commit (self, error);
}
