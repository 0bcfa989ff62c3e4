#define G_LOG_DOMAIN "ct-wiki-backlinks"

#include "config.h"

#include <string.h>

#include "ct-scanner.h"
#include "ct-wiki-private.h"

/* Backlinks: where an entity is mentioned, with the line around the first
 * mention so the wiki window's "Mentioned in" list can show it. */

#define CONTEXT_MAX_CHARS 200

void
ct_backlink_free (CtBacklink *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->title);
  g_free (self->context);
  g_free (self);
}

/* Line @line (1-based) of @text, or NULL. */
static char *
nth_line (const char *text,
          guint       line)
{
  const char *p = text;

  for (guint i = 1; i < line && p != NULL; i++)
    {
      p = strchr (p, '\n');
      if (p != NULL)
        p++;
    }
  if (p == NULL || line == 0)
    return NULL;
  return g_strndup (p, strcspn (p, "\r\n"));
}

/* @line as plain as cheaply possible: block markers (#, >, list bullets)
 * off the start, links shown as their label or name (found by the shared
 * scanner, as everywhere), blanks trimmed, cut at a word after
 * CONTEXT_MAX_CHARS characters. */
char *
_ct_wiki_context_line (const char *line)
{
  g_autofree char *valid = g_utf8_make_valid (line, -1);
  g_autoptr(GPtrArray) refs = NULL;
  GString *plain = g_string_new (NULL);
  const char *p = valid;
  gsize copied;

  while (*p == ' ' || *p == '\t' || *p == '#' || *p == '>')
    p++;
  if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
    p += 2;
  copied = p - valid;

  refs = ct_scan_references (valid, strlen (valid));
  for (guint i = 0; i < refs->len; i++)
    {
      CtReference *ref = g_ptr_array_index (refs, i);

      if (ref->type != CT_REF_LINK || !ref->closed || ref->start < copied)
        continue;
      g_string_append_len (plain, valid + copied, ref->start - copied);
      g_string_append (plain, ref->label ? ref->label : ref->target);
      copied = ref->end;
    }
  g_string_append (plain, valid + copied);
  g_strstrip (plain->str);
  plain->len = strlen (plain->str);

  if (g_utf8_strlen (plain->str, -1) > CONTEXT_MAX_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (plain->str, CONTEXT_MAX_CHARS);
      char *space = end;

      while (space > plain->str && *space != ' ')
        space--;
      if (space > plain->str)
        end = space;
      g_string_truncate (plain, end - plain->str);
      g_string_append (plain, "…");
    }
  if (plain->len == 0)
    {
      g_string_free (plain, TRUE);
      return NULL;
    }
  return g_string_free (plain, FALSE);
}

/* The text a backlink points into: the post file (the files are the truth
 * for posts) or the mentioning entity's notes. NULL when unreadable or for
 * a link by a fact (line 0). */
static char *
context_of (CtWiki     *self,
            CtBacklink *link)
{
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;

  if (link->line == 0)
    return NULL;
  if (link->is_post)
    {
      g_autofree char *path = g_build_filename (self->folder, link->path, NULL);
      if (!g_file_get_contents (path, &text, NULL, NULL))
        return NULL;
    }
  else
    {
      g_autoptr(CtEntity) entity = ct_wiki_get_entity (self, link->entity_id, NULL);
      if (entity == NULL || entity->notes == NULL)
        return NULL;
      text = g_strdup (entity->notes);
    }
  line = nth_line (text, link->line);
  return line ? _ct_wiki_context_line (line) : NULL;
}

static CtBacklink *
backlink_from_row (sqlite3_stmt *stmt)
{
  CtBacklink *link = g_new0 (CtBacklink, 1);

  link->is_post = sqlite3_column_int (stmt, 0) != 0;
  link->path = ct_db_column_dup (stmt, 1);
  link->entity_id = sqlite3_column_int64 (stmt, 2);
  link->title = ct_db_column_dup (stmt, 3);
  link->line = (guint) sqlite3_column_int (stmt, 4);
  return link;
}

/* Every row first, then the contexts: reading notes runs other
 * statements, which must not interleave with this one's steps. */
static GPtrArray *
collect_backlinks (CtWiki        *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GPtrArray) links = _ct_wiki_collect (self, stmt, (gpointer (*) (sqlite3_stmt *)) backlink_from_row,
                                                 (GDestroyNotify) ct_backlink_free, error);

  if (links == NULL)
    return NULL;
  ct_db_release (stmt);
  for (guint i = 0; i < links->len; i++)
    {
      CtBacklink *link = g_ptr_array_index (links, i);
      link->context = context_of (self, link);
    }
  return g_steal_pointer (&links);
}

GPtrArray *
ct_wiki_get_backlinks (CtWiki  *self,
                       gint64   entity_id,
                       GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* Mentions are stored as name keys, so a mention by any of the entity's
   * names counts, and a post written before the entity existed links as
   * soon as it does. Entities also link through their facts (line 0). */
  stmt = ct_db_prepare (self->db,
                        "SELECT 1, p.path, 0, p.title, min (m.line)"
                        " FROM post_mention m JOIN post p ON p.id = m.post_id"
                        " WHERE m.key IN (SELECT key FROM name WHERE entity_id = ?1)"
                        " GROUP BY p.id"
                        " UNION ALL "
                        "SELECT 0, NULL, e.id, e.title, ifnull (min (x.line), 0) FROM ("
                        "   SELECT m.entity_id AS id, m.line AS line FROM entity_mention m"
                        "   WHERE m.key IN (SELECT key FROM name WHERE entity_id = ?1)"
                        "   UNION ALL SELECT f.entity_id, NULL FROM fact f WHERE f.value_id = ?1"
                        " ) x JOIN entity e ON e.id = x.id WHERE e.id != ?1"
                        " GROUP BY e.id"
                        " ORDER BY 1 DESC, 4, 2, 3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  return collect_backlinks (self, stmt, error);
}

/* Posts that mention @name (by any spelling of the same key): what a
 * rename offers to rewrite, since the files are the user's. */
GPtrArray *
ct_wiki_find_post_mentions (CtWiki      *self,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  key = _ct_wiki_name_key (name);
  stmt = ct_db_prepare (self->db,
                        "SELECT 1, p.path, 0, p.title, min (m.line)"
                        " FROM post_mention m JOIN post p ON p.id = m.post_id"
                        " WHERE m.key = ?1 GROUP BY p.id ORDER BY p.path", error);
  if (stmt == NULL)
    return NULL;
  ct_db_bind_text (stmt, 1, key);
  return collect_backlinks (self, stmt, error);
}

GHashTable *
ct_wiki_get_all_backlinks (CtWiki  *self,
                           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *links = NULL;
  gint64 current = 0;
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  /* ct_wiki_get_backlinks' query with the mentioned entity as a column
   * instead of a parameter, ordered by it first and then as that query
   * orders, so each entity's rows come out as it would give them. */
  stmt = ct_db_prepare (self->db,
                        "SELECT n.entity_id, 1, p.path, 0, p.title, min (m.line)"
                        " FROM name n JOIN post_mention m ON m.key = n.key JOIN post p ON p.id = m.post_id"
                        " GROUP BY n.entity_id, p.id"
                        " UNION ALL "
                        "SELECT x.target, 0, NULL, e.id, e.title, ifnull (min (x.line), 0) FROM ("
                        "   SELECT n.entity_id AS target, m.entity_id AS id, m.line AS line"
                        "   FROM name n JOIN entity_mention m ON m.key = n.key"
                        "   UNION ALL SELECT f.value_id, f.entity_id, NULL FROM fact f WHERE f.value_id IS NOT NULL"
                        " ) x JOIN entity e ON e.id = x.id WHERE e.id != x.target"
                        " GROUP BY x.target, e.id"
                        " ORDER BY 1, 2 DESC, 5, 3, 4", error);
  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      CtBacklink *link;
      gint64 target;

      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      target = sqlite3_column_int64 (stmt, 0);
      if (links == NULL || target != current)
        {
          gint64 *key = g_new (gint64, 1);

          *key = current = target;
          links = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_backlink_free);
          g_hash_table_insert (all, key, links);
        }
      link = g_new0 (CtBacklink, 1);
      link->is_post = sqlite3_column_int (stmt, 1) != 0;
      link->path = ct_db_column_dup (stmt, 2);
      link->entity_id = sqlite3_column_int64 (stmt, 3);
      link->title = ct_db_column_dup (stmt, 4);
      link->line = (guint) sqlite3_column_int (stmt, 5);
      g_ptr_array_add (links, link);
    }
  return g_steal_pointer (&all);
}
