#define G_LOG_DOMAIN "ct-wiki-delete"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-wiki-private.h"

/* Deleting an entity: ct_wiki_describe_delete says beforehand exactly
 * what ct_wiki_delete_entity removes or unlinks. */

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
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", its %lld fact",
                                             ", its %lld facts", n[OWN_FACTS]), (long long) n[OWN_FACTS]);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %lld alias",
                                             ", %lld aliases", n[ALIASES]), (long long) n[ALIASES]);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " and %lld credit.",
                                             " and %lld credits.", n[CREDITS_REMOVED]),
                          (long long) n[CREDITS_REMOVED]);
  if (n[CREDITS_UNLINKED] > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               " %lld credit keeps its person but loses the character.",
                                               " %lld credits keep their person but lose the character.",
                                               n[CREDITS_UNLINKED]), (long long) n[CREDITS_UNLINKED]);
  if (n[LINKING_FACTS] > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               " %lld fact of another entity links to it and will keep “%s” as plain text.",
                                               " %lld facts of other entities link to it and will keep “%s” as plain text.",
                                               n[LINKING_FACTS]), (long long) n[LINKING_FACTS], title);
  if (n[MENTIONS] > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               " %lld post or entity mentions it; its text is not changed, and the mention will no longer resolve.",
                                               " %lld posts and entities mention it; their text is not changed, and the mentions will no longer resolve.",
                                               n[MENTIONS]), (long long) n[MENTIONS]);
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
  _ct_wiki_note_change (self, id);
  return _ct_wiki_commit (self, error);

fail:
  _ct_wiki_rollback (self);
  return FALSE;
}
