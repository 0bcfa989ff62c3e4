#define G_LOG_DOMAIN "ct-wiki-edit"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-fact-keys.h"
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

static gboolean
check_text (const char  *text,
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

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
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
  gint64 id;

  if (!check_name (title, _("title"), error))
    return 0;
  trimmed = g_strstrip (g_strdup (title));
  if (!check_title_free (self, trimmed, 0, error))
    return 0;
  slug = unique_slug (self, trimmed, kind, 0, error);
  if (slug == NULL)
    return 0;

  stmt = ct_db_prepare (self->db, "INSERT INTO entity (kind, title, slug) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  ct_db_bind_text (stmt, 1, ct_entity_kind_to_string (kind));
  ct_db_bind_text (stmt, 2, trimmed);
  ct_db_bind_text (stmt, 3, slug);
  if (!ct_db_run (self->db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (ct_db_handle (self->db));

  if (!insert_name (self, id, trimmed, FALSE, 0, error))
    return 0;
  return id;
}

gboolean
_ct_wiki_reindex_entity (CtWiki  *self,
                         gint64   id,
                         GError **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;
  g_autoptr(sqlite3_stmt) del_mentions = NULL;
  g_autoptr(sqlite3_stmt) notes = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  gboolean row;

  del = ct_db_prepare (self->db, "DELETE FROM search WHERE rowid = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (!ct_db_run (self->db, del, error))
    return FALSE;

  ins = ct_db_prepare (self->db,
                       "INSERT INTO search (rowid, title, aliases, summary, body)"
                       " SELECT e.id, e.title,"
                       "  (SELECT group_concat (a.name, ' ') FROM name a WHERE a.entity_id = e.id AND a.is_alias = 1),"
                       "  e.summary, e.notes FROM entity e WHERE e.id = ?", error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, id);
  if (!ct_db_run (self->db, ins, error))
    return FALSE;

  del_mentions = ct_db_prepare (self->db, "DELETE FROM entity_mention WHERE entity_id = ?", error);
  if (del_mentions == NULL)
    return FALSE;
  sqlite3_bind_int64 (del_mentions, 1, id);
  if (!ct_db_run (self->db, del_mentions, error))
    return FALSE;

  notes = ct_db_prepare (self->db, "SELECT notes FROM entity WHERE id = ?", error);
  if (notes == NULL)
    return FALSE;
  sqlite3_bind_int64 (notes, 1, id);
  if (!ct_db_step (self->db, notes, &row, error))
    return FALSE;
  if (!row || sqlite3_column_type (notes, 0) == SQLITE_NULL)
    return TRUE;

  mentions = _ct_wiki_collect_mentions ((const char *) sqlite3_column_text (notes, 0),
                                        sqlite3_column_bytes (notes, 0));
  ct_db_release (notes);
  for (guint i = 0; i < mentions->len; i++)
    {
      CtMention *m = g_ptr_array_index (mentions, i);
      g_autoptr(sqlite3_stmt) add =
        ct_db_prepare (self->db, "INSERT INTO entity_mention (entity_id, key, line) VALUES (?, ?, ?)", error);
      g_autofree char *key = _ct_wiki_name_key (m->name);

      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, id);
      ct_db_bind_text (add, 2, key);
      sqlite3_bind_int (add, 3, (int) m->line);
      if (!ct_db_run (self->db, add, error))
        return FALSE;
    }
  return TRUE;
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
      ct_db_rollback (self->db);
      return 0;
    }
  return ct_db_commit (self->db, error) ? id : 0;
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
      g_autoptr(GPtrArray) mentions = NULL;
      g_autoptr(sqlite3_stmt) update = NULL;
      GString *notes;
      gsize copied = 0;

      if (entity == NULL)
        return FALSE;
      if (entity->notes == NULL)
        continue;
      mentions = _ct_wiki_collect_mentions (entity->notes, strlen (entity->notes));
      notes = g_string_new (NULL);
      for (guint j = 0; j < mentions->len; j++)
        {
          CtMention *m = g_ptr_array_index (mentions, j);
          g_autofree char *key = _ct_wiki_name_key (m->name);

          if (!g_str_equal (key, old_key))
            continue;
          g_string_append_len (notes, entity->notes + copied, m->start - copied);
          g_string_append (notes, new_title);
          copied = m->end;
        }
      g_string_append (notes, entity->notes + copied);

      update = ct_db_prepare (self->db, "UPDATE entity SET notes = ? WHERE id = ?", error);
      if (update == NULL)
        {
          g_string_free (notes, TRUE);
          return FALSE;
        }
      ct_db_bind_text (update, 1, notes->str);
      sqlite3_bind_int64 (update, 2, id);
      g_string_free (notes, TRUE);
      if (!ct_db_run (self->db, update, error) || !_ct_wiki_reindex_entity (self, id, error))
        return FALSE;
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
      || !check_text (entity->summary, _("summary"), error)
      || !check_text (entity->notes, _("notes"), error))
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
      stmt = ct_db_prepare (self->db, "UPDATE entity SET title = ?, slug = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      ct_db_bind_text (stmt, 1, title);
      ct_db_bind_text (stmt, 2, slug);
      sqlite3_bind_int64 (stmt, 3, entity->id);
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

      /* Facts and credits link by id and follow by themselves. */
      if (!rewrite_note_mentions (self, old_title, title, error))
        return FALSE;
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
  if (!_ct_wiki_write_entity (self, entity, error))
    {
      ct_db_rollback (self->db);
      return FALSE;
    }
  return ct_db_commit (self->db, error);
}

/* Deleting */

static gint64
count (CtWiki      *self,
       const char  *sql,
       gint64       id,
       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (self->db, sql, error);
  gboolean row;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ct_db_step (self->db, stmt, &row, error))
    return -1;
  return row ? sqlite3_column_int64 (stmt, 0) : 0;
}

enum { OWN_FACTS, ALIASES, CREDITS_REMOVED, CREDITS_UNLINKED, LINKING_FACTS, MENTIONS, N_COUNTS };

static const char * const count_queries[N_COUNTS] = {
  "SELECT count(*) FROM fact WHERE entity_id = ?1",
  "SELECT count(*) FROM name WHERE entity_id = ?1 AND is_alias = 1",
  "SELECT count(*) FROM credit WHERE film_id = ?1 OR person_id = ?1",
  "SELECT count(*) FROM credit WHERE character_id = ?1 AND film_id != ?1 AND person_id != ?1",
  "SELECT count(*) FROM fact WHERE value_id = ?1 AND entity_id != ?1",
  "SELECT (SELECT count(DISTINCT post_id) FROM post_mention WHERE key IN (SELECT key FROM name WHERE entity_id = ?1))"
  " + (SELECT count(DISTINCT entity_id) FROM entity_mention WHERE entity_id != ?1 AND key IN (SELECT key FROM name WHERE entity_id = ?1))",
};

char *
ct_wiki_describe_delete (CtWiki  *self,
                         gint64   id,
                         GError **error)
{
  g_autofree char *title = NULL;
  CtEntityKind kind;
  gint64 n[N_COUNTS];
  GString *text;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  if (!_ct_wiki_entity_brief (self, id, &kind, &title, error))
    return NULL;
  for (guint i = 0; i < N_COUNTS; i++)
    if ((n[i] = count (self, count_queries[i], id, error)) < 0)
      return NULL;

  text = g_string_new (NULL);
  g_string_append_printf (text, _("Deleting “%s” removes it"), title);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", its %" G_GINT64_FORMAT " fact",
                                             ", its %" G_GINT64_FORMAT " facts", n[OWN_FACTS]), n[OWN_FACTS]);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %" G_GINT64_FORMAT " alias",
                                             ", %" G_GINT64_FORMAT " aliases", n[ALIASES]), n[ALIASES]);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " and %" G_GINT64_FORMAT " credit.",
                                             " and %" G_GINT64_FORMAT " credits.", n[CREDITS_REMOVED]),
                          n[CREDITS_REMOVED]);
  if (n[CREDITS_UNLINKED] > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               " %" G_GINT64_FORMAT " credit keeps its person but loses the character.",
                                               " %" G_GINT64_FORMAT " credits keep their person but lose the character.",
                                               n[CREDITS_UNLINKED]), n[CREDITS_UNLINKED]);
  if (n[LINKING_FACTS] > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               " %" G_GINT64_FORMAT " fact of another entity links to it and will keep “%s” as plain text.",
                                               " %" G_GINT64_FORMAT " facts of other entities link to it and will keep “%s” as plain text.",
                                               n[LINKING_FACTS]), n[LINKING_FACTS], title);
  if (n[MENTIONS] > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               " %" G_GINT64_FORMAT " post or entity mentions it; its text is not changed, and the mention will no longer resolve.",
                                               " %" G_GINT64_FORMAT " posts and entities mention it; their text is not changed, and the mentions will no longer resolve.",
                                               n[MENTIONS]), n[MENTIONS]);
  return g_string_free (text, FALSE);
}

static const char * const delete_statements[] = {
  /* Links from other entities' facts become the title as text. */
  "UPDATE fact SET text = (SELECT title FROM entity WHERE id = ?1), value_id = NULL"
  " WHERE value_id = ?1 AND entity_id != ?1",
  /* A credit that would lose its character and then duplicate an
   * existing character-less one is the same credit: keep one. */
  "DELETE FROM credit WHERE character_id = ?1 AND EXISTS (SELECT 1 FROM credit c2"
  " WHERE c2.film_id = credit.film_id AND c2.person_id = credit.person_id"
  " AND c2.character_id IS NULL AND c2.role = credit.role)",
  "DELETE FROM fact WHERE entity_id = ?1",
  "DELETE FROM search WHERE rowid = ?1",
  /* names, credits as film or person, mentions: ON DELETE CASCADE;
   * credits as character: ON DELETE SET NULL */
  "DELETE FROM entity WHERE id = ?1",
};

gboolean
ct_wiki_delete_entity (CtWiki  *self,
                       gint64   id,
                       GError **error)
{
  CtEntityKind kind;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);

  if (!_ct_wiki_check_writable (self, error) || !ct_db_begin (self->db, error))
    return FALSE;
  if (!_ct_wiki_entity_brief (self, id, &kind, &title, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (delete_statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = ct_db_prepare (self->db, delete_statements[i], error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!ct_db_run (self->db, stmt, error))
        goto fail;
    }
  return ct_db_commit (self->db, error);

fail:
  ct_db_rollback (self->db);
  return FALSE;
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
      if (fact->source != NULL && !check_text (fact->source, _("source"), error))
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
      ct_db_rollback (self->db);
      return FALSE;
    }
  return ct_db_commit (self->db, error);
}

/* Credits */

static gboolean
check_credit_part (CtWiki        *self,
                   const char    *film_title,
                   const char    *part,
                   gint64         id,
                   CtEntityKind   wanted,
                   GError       **error)
{
  g_autofree char *title = NULL;
  CtEntityKind kind;

  if (!_ct_wiki_entity_brief (self, id, &kind, &title, error))
    return FALSE;
  if (kind != wanted)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("%s: the %s of a credit must be %s, but “%s” is %s"),
                   film_title ? film_title : title, part, ct_entity_kind_with_article (wanted),
                   title, ct_entity_kind_with_article (kind));
      return FALSE;
    }
  return TRUE;
}

gint64
_ct_wiki_write_credit (CtWiki          *self,
                       const CtCredit  *credit,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *film_title = NULL;
  CtEntityKind kind;
  gboolean row;
  gint64 id;

  if (!_ct_wiki_entity_brief (self, credit->film_id, &kind, &film_title, error)
      || !check_credit_part (self, NULL, _("film"), credit->film_id, CT_ENTITY_FILM, error)
      || !check_credit_part (self, film_title, _("person"), credit->person_id, CT_ENTITY_PERSON, error)
      || (credit->character_id != 0
          && !check_credit_part (self, film_title, _("character"), credit->character_id, CT_ENTITY_CHARACTER, error)))
    return 0;
  if (credit->role == NULL || !g_utf8_validate (credit->role, -1, NULL) || is_blank (credit->role))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s: a credit has no role (cast, director, …)"), film_title);
      return 0;
    }
  if (credit->billing < 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s: billing must be 0 (unbilled) or more, not %d"),
                   film_title, credit->billing);
      return 0;
    }
  if (!check_text (credit->source, _("source"), error))
    return 0;

  /* The same film, person, character and role is the same credit: a
   * second add updates its billing, status and source. */
  stmt = ct_db_prepare (self->db,
                        "INSERT INTO credit (film_id, person_id, character_id, role, billing, status, source)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)"
                        " ON CONFLICT (film_id, person_id, ifnull (character_id, 0), role) DO UPDATE"
                        " SET billing = excluded.billing, status = excluded.status, source = excluded.source"
                        " RETURNING id", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, credit->film_id);
  sqlite3_bind_int64 (stmt, 2, credit->person_id);
  ct_db_bind_id (stmt, 3, credit->character_id);
  ct_db_bind_text (stmt, 4, credit->role);
  sqlite3_bind_int (stmt, 5, credit->billing);
  ct_db_bind_text (stmt, 6, ct_fact_status_to_string (credit->status));
  ct_db_bind_text (stmt, 7, credit->source);
  if (!ct_db_step (self->db, stmt, &row, error))
    return 0;
  id = row ? sqlite3_column_int64 (stmt, 0) : 0;
  ct_db_release (stmt);
  return id;
}

gint64
ct_wiki_add_credit (CtWiki          *self,
                    const CtCredit  *credit,
                    GError         **error)
{
  gint64 id;

  g_return_val_if_fail (CT_IS_WIKI (self), 0);
  g_return_val_if_fail (credit != NULL, 0);

  if (!_ct_wiki_check_writable (self, error) || !ct_db_begin (self->db, error))
    return 0;
  id = _ct_wiki_write_credit (self, credit, error);
  if (id == 0)
    {
      ct_db_rollback (self->db);
      return 0;
    }
  return ct_db_commit (self->db, error) ? id : 0;
}

gboolean
ct_wiki_remove_credit (CtWiki  *self,
                       gint64   credit_id,
                       GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);

  if (!_ct_wiki_check_writable (self, error))
    return FALSE;
  stmt = ct_db_prepare (self->db, "DELETE FROM credit WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, credit_id);
  if (!ct_db_run (self->db, stmt, error))
    return FALSE;
  if (sqlite3_changes (ct_db_handle (self->db)) == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("The wiki has no credit number %" G_GINT64_FORMAT "."), credit_id);
      return FALSE;
    }
  return TRUE;
}
