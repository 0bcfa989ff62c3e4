#define G_LOG_DOMAIN "ct-wiki-credits"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-fact-keys.h"
#include "ct-wiki-private.h"

/* Credits: film x person x optional character x role (DESIGN §4). */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

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
  g_autoptr(sqlite3_stmt) find = NULL;
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
  if (!_ct_wiki_check_text (credit->source, _("source"), error))
    return 0;

  /* The same film, person, character and role is the same credit: a
   * second add updates its billing, status and source. Looked up first
   * rather than INSERT … RETURNING, which costs a temporary table per row. */
  find = ct_db_prepare (self->db,
                        "SELECT id FROM credit WHERE film_id = ? AND person_id = ?"
                        " AND ifnull (character_id, 0) = ? AND role = ?", error);
  if (find == NULL)
    return 0;
  sqlite3_bind_int64 (find, 1, credit->film_id);
  sqlite3_bind_int64 (find, 2, credit->person_id);
  sqlite3_bind_int64 (find, 3, credit->character_id);
  ct_db_bind_text (find, 4, credit->role);
  if (!ct_db_step (self->db, find, &row, error))
    return 0;
  id = row ? sqlite3_column_int64 (find, 0) : 0;
  ct_db_release (find);

  stmt = ct_db_prepare (self->db,
                        id != 0
                        ? "UPDATE credit SET billing = ?5, status = ?6, source = ?7 WHERE id = ?8"
                        : "INSERT INTO credit (film_id, person_id, character_id, role, billing, status, source)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return 0;
  if (id == 0)
    {
      sqlite3_bind_int64 (stmt, 1, credit->film_id);
      sqlite3_bind_int64 (stmt, 2, credit->person_id);
      ct_db_bind_id (stmt, 3, credit->character_id);
      ct_db_bind_text (stmt, 4, credit->role);
    }
  else
    sqlite3_bind_int64 (stmt, 8, id);
  sqlite3_bind_int (stmt, 5, credit->billing);
  ct_db_bind_text (stmt, 6, ct_fact_status_to_string (credit->status));
  ct_db_bind_text (stmt, 7, credit->source);
  if (!ct_db_run (self->db, stmt, error))
    return 0;
  return id != 0 ? id : sqlite3_last_insert_rowid (ct_db_handle (self->db));
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
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("The wiki has no credit number %lld."), (long long) credit_id);
      return FALSE;
    }
  return TRUE;
}
