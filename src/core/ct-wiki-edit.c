#define G_LOG_DOMAIN "ct-wiki-edit"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-fact-keys.h"
#include "ct-reference-rewrite.h"
#include "ct-slug.h"
#include "ct-wiki-private.h"

/* Titles and aliases are written inside [[ ]] and {{ … | … }}: the
 * characters that end or split a reference cannot be part of a name. */
#define NAME_FORBIDDEN "|[]{}"
#define NAME_MAX_CHARS 500

static gboolean
check_name (const char  *name,
            const char  *what,
            GError     **error)
{
  const char *bad;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING, _("The %s is not valid UTF-8 text."), what);
      return FALSE;
    }
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (name));
    if (*trimmed == '\0')
      {
        g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("The %s is empty."), what);
        return FALSE;
      }
  }
  if (g_utf8_strlen (name, -1) > NAME_MAX_CHARS)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("The %s is longer than %d characters."), what, NAME_MAX_CHARS);
      return FALSE;
    }
  if ((bad = strpbrk (name, NAME_FORBIDDEN)) != NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("The %s “%s” contains “%c”, which references use as punctuation."), what, name, *bad);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("The %s “%s” contains a line break or control character."), what, name);
        return FALSE;
      }
  return TRUE;
}

gboolean
_ct_wiki_check_text (const char  *text,
            const char  *what,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING, _("The %s is not valid UTF-8 text."), what);
      return FALSE;
    }
  return TRUE;
}

/* A slug for @title not used by any entity but @self_id. */
static char *
unique_slug (CtWiki       *self,
             const char   *title,
             CtEntityKind  kind,
             gint64        self_id,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (self->db, "SELECT id FROM entity WHERE slug = ?", error);
  g_autofree char *base = ct_slug_from_title (title, ct_entity_kind_to_string (kind));

  if (stmt == NULL)
    return NULL;

  for (guint n = 1; ; n++)
    {
      g_autofree char *slug = ct_slug_with_suffix (base, n);
      gboolean row;

      sqlite3_reset (stmt);
      ct_db_bind_text (stmt, 1, slug);
      if (!ct_db_step (self->db, stmt, &row, error))
        return NULL;
      if (!row || sqlite3_column_int64 (stmt, 0) == self_id)
        return g_steal_pointer (&slug);
    }
}

static gboolean
insert_name (CtWiki      *self,
             gint64       id,
             const char  *name,
             gboolean     is_alias,
             int          position,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    ct_db_prepare (self->db,
                   "INSERT INTO name (entity_id, is_alias, position, name, key, fold)"
                   " VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *key = _ct_wiki_name_key (name);
  g_autofree char *fold = _ct_wiki_name_fold (name);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, is_alias);
  sqlite3_bind_int (stmt, 3, position);
  ct_db_bind_text (stmt, 4, trimmed);
  ct_db_bind_text (stmt, 5, key);
  ct_db_bind_text (stmt, 6, fold);
  return ct_db_run (self->db, stmt, error);
}

static gboolean
check_title_free (CtWiki      *self,
                  const char  *title,
                  gint64       self_id,
                  GError     **error)
{
  gint64 other = _ct_wiki_id_by_title (self, title, error);
  CtEntityKind kind;
  g_autofree char *other_title = NULL;

  if (other < 0)
    return FALSE;
  if (other == 0 || other == self_id)
    return TRUE;
  if (!_ct_wiki_entity_brief (self, other, &kind, &other_title, error))
    return FALSE;
  g_set_error (error, CT_ERROR, CT_ERROR_EXISTS,
               _("There is already %s titled “%s”. Titles are unique; tell them apart the way Wikipedia does, e.g. “%s (%s)”."),
               ct_entity_kind_with_article (kind), other_title, other_title, ct_entity_kind_to_string (kind));
  return FALSE;
}

gint64
_ct_wiki_insert_entity (CtWiki        *self,
                        CtEntityKind   kind,
                        const char    *title,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  if (!check_name (title, _("title"), error))
    return 0;
  trimmed = g_strstrip (g_strdup (title));
  if (!check_title_free (self, trimmed, 0, error))
    return 0;
  slug = unique_slug (self, trimmed, kind, 0, error);
  if (slug == NULL)
    return 0;

  /* title_key repeats the title's name key for the browse index
   * (resources/sql/003-browse.sql). */
  stmt = ct_db_prepare (self->db, "INSERT INTO entity (kind, title, slug, title_key) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  key = _ct_wiki_name_key (trimmed);
  ct_db_bind_text (stmt, 1, ct_entity_kind_to_string (kind));
  ct_db_bind_text (stmt, 2, trimmed);
  ct_db_bind_text (stmt, 3, slug);
  ct_db_bind_text (stmt, 4, key);
  if (!ct_db_run (self->db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (ct_db_handle (self->db));

  if (!insert_name (self, id, trimmed, FALSE, 0, error))
    return 0;
  return id;
}

gint64
ct_wiki_create_entity (CtWiki        *self,
                       CtEntityKind   kind,
                       const char    *title,
                       GError       **error)
{
  gint64 id;

  g_return_val_if_fail (CT_IS_WIKI (self), 0);
  g_return_val_if_fail (kind < CT_N_ENTITY_KINDS, 0);

  if (!_ct_wiki_check_writable (self, error) || !ct_db_begin (self->db, error))
    return 0;
  id = _ct_wiki_insert_entity (self, kind, title, error);
  if (id == 0 || !_ct_wiki_reindex_entity (self, id, error))
    {
      _ct_wiki_rollback (self);
      return 0;
    }
  _ct_wiki_note_change (self, id);
  return _ct_wiki_commit (self, error) ? id : 0;
}

/* Rewrites [[Old]] and {{t: Old}} to the new title in every entity's
 * notes, so a rename reaches the wiki's own text. Posts are files: the
 * caller offers those (ct_wiki_find_post_mentions). */
static gboolean
rewrite_note_mentions (CtWiki      *self,
                       const char  *old_title,
                       const char  *new_title,
                       GError     **error)
{
  g_autofree char *old_key = _ct_wiki_name_key (old_title);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  {
    g_autoptr(sqlite3_stmt) stmt =
      ct_db_prepare (self->db, "SELECT DISTINCT entity_id FROM entity_mention WHERE key = ?", error);
    gboolean row;

    if (stmt == NULL)
      return FALSE;
    ct_db_bind_text (stmt, 1, old_key);
    while (TRUE)
      {
        gint64 id;
        if (!ct_db_step (self->db, stmt, &row, error))
          return FALSE;
        if (!row)
          break;
        id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
  }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(CtEntity) entity = ct_wiki_get_entity (self, id, error);
      g_autoptr(sqlite3_stmt) update = NULL;
      g_autofree char *notes = NULL;
      g_autoptr(GError) local_error = NULL;

      if (entity == NULL)
        return FALSE;
      if (entity->notes == NULL)
        continue;
      /* The title was checked, so it fits in a reference; NULL without
       * an error is notes where nothing changed. */
      notes = ct_reference_rename (entity->notes, strlen (entity->notes), old_title, new_title, NULL, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (notes == NULL)
        continue;

      update = ct_db_prepare (self->db, "UPDATE entity SET notes = ? WHERE id = ?", error);
      if (update == NULL)
        return FALSE;
      ct_db_bind_text (update, 1, notes);
      sqlite3_bind_int64 (update, 2, id);
      if (!ct_db_run (self->db, update, error) || !_ct_wiki_reindex_entity (self, id, error))
        return FALSE;
      _ct_wiki_note_change (self, id);
    }
  return TRUE;
}

gboolean
_ct_wiki_write_entity (CtWiki          *self,
                       const CtEntity  *entity,
                       GError         **error)
{
  g_autofree char *old_title = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GHashTable) alias_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CtEntityKind kind;
  int position = 0;

  if (!_ct_wiki_entity_brief (self, entity->id, &kind, &old_title, error))
    return FALSE;
  if (!check_name (entity->title, _("title"), error)
      || !_ct_wiki_check_text (entity->summary, _("summary"), error)
      || !_ct_wiki_check_text (entity->notes, _("notes"), error))
    return FALSE;
  title = g_strstrip (g_strdup (entity->title));

  if (!g_str_equal (title, old_title))
    {
      g_autofree char *slug = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(sqlite3_stmt) name = NULL;
      g_autofree char *key = _ct_wiki_name_key (title);
      g_autofree char *fold = _ct_wiki_name_fold (title);

      if (!check_title_free (self, title, entity->id, error))
        return FALSE;
      slug = unique_slug (self, title, kind, entity->id, error);
      if (slug == NULL)
        return FALSE;
      stmt = ct_db_prepare (self->db, "UPDATE entity SET title = ?, slug = ?, title_key = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      ct_db_bind_text (stmt, 1, title);
      ct_db_bind_text (stmt, 2, slug);
      ct_db_bind_text (stmt, 3, key);
      sqlite3_bind_int64 (stmt, 4, entity->id);
      if (!ct_db_run (self->db, stmt, error))
        return FALSE;

      name = ct_db_prepare (self->db, "UPDATE name SET name = ?, key = ?, fold = ? WHERE entity_id = ? AND is_alias = 0", error);
      if (name == NULL)
        return FALSE;
      ct_db_bind_text (name, 1, title);
      ct_db_bind_text (name, 2, key);
      ct_db_bind_text (name, 3, fold);
      sqlite3_bind_int64 (name, 4, entity->id);
      if (!ct_db_run (self->db, name, error))
        return FALSE;

      /* Facts and credits link by id and follow by themselves. Mentions
       * match case-insensitively: a change of case alone leaves the
       * user's text as it is. */
      {
        g_autofree char *old_key = _ct_wiki_name_key (old_title);

        if (!g_str_equal (old_key, key) && !rewrite_note_mentions (self, old_title, title, error))
          return FALSE;
      }
    }

  {
    g_autoptr(sqlite3_stmt) stmt =
      ct_db_prepare (self->db, "UPDATE entity SET summary = ?, notes = ?, spoiler = ? WHERE id = ?", error);
    if (stmt == NULL)
      return FALSE;
    ct_db_bind_text (stmt, 1, entity->summary);
    ct_db_bind_text (stmt, 2, entity->notes);
    sqlite3_bind_int (stmt, 3, entity->spoiler ? 1 : 0);
    sqlite3_bind_int64 (stmt, 4, entity->id);
    if (!ct_db_run (self->db, stmt, error))
      return FALSE;
  }

  {
    g_autoptr(sqlite3_stmt) stmt =
      ct_db_prepare (self->db, "DELETE FROM name WHERE entity_id = ? AND is_alias = 1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, entity->id);
    if (!ct_db_run (self->db, stmt, error))
      return FALSE;
  }

  /* An alias equal to the title or to an earlier alias adds nothing. */
  g_hash_table_add (alias_keys, _ct_wiki_name_key (title));
  for (guint i = 0; entity->aliases != NULL && entity->aliases[i] != NULL; i++)
    {
      const char *alias = entity->aliases[i];

      if (!check_name (alias, _("alias"), error))
        return FALSE;
      if (!g_hash_table_add (alias_keys, _ct_wiki_name_key (alias)))
        continue;
      if (!insert_name (self, entity->id, alias, TRUE, position++, error))
        return FALSE;
    }

  return _ct_wiki_reindex_entity (self, entity->id, error);
}

gboolean
ct_wiki_update_entity (CtWiki          *self,
                       const CtEntity  *entity,
                       GError         **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  if (!_ct_wiki_check_writable (self, error) || !ct_db_begin (self->db, error))
    return FALSE;
  _ct_wiki_note_change (self, entity->id);
  if (!_ct_wiki_write_entity (self, entity, error))
    {
      _ct_wiki_rollback (self);
      return FALSE;
    }
  return _ct_wiki_commit (self, error);
}

/* Facts */

gboolean
_ct_wiki_write_facts (CtWiki     *self,
                      gint64      id,
                      GPtrArray  *facts,
                      guint      *bad_index,
                      GError    **error)
{
  g_autoptr(GPtrArray) checked = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_fact_free);
  g_autofree char *title = NULL;
  CtEntityKind kind;
  guint bad = 0;

  if (bad_index == NULL)
    bad_index = &bad;
  *bad_index = 0;
  if (!_ct_wiki_entity_brief (self, id, &kind, &title, error))
    return FALSE;

  /* Links are checked against the linked entity as it is now. */
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = ct_fact_copy (g_ptr_array_index (facts, i));

      *bad_index = i;

      g_ptr_array_add (checked, fact);
      if (fact->value_id != 0)
        {
          g_clear_pointer (&fact->text, g_free);
          g_clear_pointer (&fact->value_title, g_free);
          if (!_ct_wiki_entity_brief (self, fact->value_id, &fact->value_kind, &fact->value_title, error))
            return FALSE;
        }
      if (fact->source != NULL && !_ct_wiki_check_text (fact->source, _("source"), error))
        return FALSE;
    }
  if (!ct_facts_validate (title, kind, checked, bad_index, error))
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) del = ct_db_prepare (self->db, "DELETE FROM fact WHERE entity_id = ?", error);
    if (del == NULL)
      return FALSE;
    sqlite3_bind_int64 (del, 1, id);
    if (!ct_db_run (self->db, del, error))
      return FALSE;
  }

  for (guint i = 0; i < checked->len; i++)
    {
      CtFact *fact = g_ptr_array_index (checked, i);
      g_autoptr(sqlite3_stmt) ins =
        ct_db_prepare (self->db,
                       "INSERT INTO fact (entity_id, position, key, text, value_id, status, source, spoiler)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, id);
      sqlite3_bind_int (ins, 2, (int) i);
      ct_db_bind_text (ins, 3, fact->key);
      ct_db_bind_text (ins, 4, fact->text);
      ct_db_bind_id (ins, 5, fact->value_id);
      ct_db_bind_text (ins, 6, ct_fact_status_to_string (fact->status));
      ct_db_bind_text (ins, 7, fact->source);
      sqlite3_bind_int (ins, 8, fact->spoiler ? 1 : 0);
      if (!ct_db_run (self->db, ins, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ct_wiki_set_facts (CtWiki     *self,
                   gint64      entity_id,
                   GPtrArray  *facts,
                   GError    **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  if (!_ct_wiki_check_writable (self, error) || !ct_db_begin (self->db, error))
    return FALSE;
  if (!_ct_wiki_write_facts (self, entity_id, facts, NULL, error))
    {
      _ct_wiki_rollback (self);
      return FALSE;
    }
  _ct_wiki_note_change (self, entity_id);
  return _ct_wiki_commit (self, error);
}
