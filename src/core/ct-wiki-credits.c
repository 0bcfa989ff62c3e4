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

/* Checks @credit as add_credit and update_credit take it; sets
 * @film_title to the film's title for messages. */
static gboolean
check_credit (CtWiki          *self,
              const CtCredit  *credit,
              char           **film_title,
              GError         **error)
{
  CtEntityKind kind;

  if (!_ct_wiki_entity_brief (self, credit->film_id, &kind, film_title, error)
      || !check_credit_part (self, NULL, _("film"), credit->film_id, CT_ENTITY_FILM, error)
      || !check_credit_part (self, *film_title, _("person"), credit->person_id, CT_ENTITY_PERSON, error)
      || (credit->character_id != 0
          && !check_credit_part (self, *film_title, _("character"), credit->character_id, CT_ENTITY_CHARACTER, error)))
    return FALSE;
  if (credit->role == NULL || !g_utf8_validate (credit->role, -1, NULL) || is_blank (credit->role))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s: a credit has no role (cast, director, …)"), *film_title);
      return FALSE;
    }
  if (credit->billing < 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("%s: billing must be 0 (unbilled) or more, not %d"),
                   *film_title, credit->billing);
      return FALSE;
    }
  return _ct_wiki_check_text (credit->source, _("source"), error);
}

gint64
_ct_wiki_write_credit (CtWiki          *self,
                       const CtCredit  *credit,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *film_title = NULL;
  gboolean row;
  gint64 id;

  if (!check_credit (self, credit, &film_title, error))
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
      _ct_wiki_rollback (self);
      return 0;
    }
  /* A credit shows on the film, the person and the character. */
  _ct_wiki_note_change (self, 0);
  return _ct_wiki_commit (self, error) ? id : 0;
}

gboolean
ct_wiki_remove_credit (CtWiki  *self,
                       gint64   credit_id,
                       GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);

  if (!_ct_wiki_check_writable (self, error) || !ct_db_begin (self->db, error))
    return FALSE;
  stmt = ct_db_prepare (self->db, "DELETE FROM credit WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, credit_id);
  if (!ct_db_run (self->db, stmt, error))
    goto fail;
  if (sqlite3_changes (ct_db_handle (self->db)) == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("The wiki has no credit number %lld."), (long long) credit_id);
      goto fail;
    }
  _ct_wiki_note_change (self, 0);
  return _ct_wiki_commit (self, error);

fail:
  _ct_wiki_rollback (self);
  return FALSE;
}

/* Editing in place and reordering (the wiki window's credits list). */

gboolean
ct_wiki_update_credit (CtWiki          *self,
                       const CtCredit  *credit,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *film_title = NULL;
  CtCredit checked;
  gboolean row;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (credit != NULL, FALSE);

  if (!_ct_wiki_check_writable (self, error) || !ct_db_begin (self->db, error))
    return FALSE;

  /* The film is the credit's own; the caller's film_id is not trusted. */
  stmt = ct_db_prepare (self->db, "SELECT film_id FROM credit WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, credit->id);
  if (!ct_db_step (self->db, stmt, &row, error))
    goto fail;
  if (!row)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("The wiki has no credit number %lld."), (long long) credit->id);
      goto fail;
    }
  checked = *credit;
  checked.film_id = sqlite3_column_int64 (stmt, 0);
  ct_db_release (g_steal_pointer (&stmt));
  if (!check_credit (self, &checked, &film_title, error))
    goto fail;

  /* The unique index would refuse the same film, person, character and
   * role twice: say it in words. */
  stmt = ct_db_prepare (self->db,
                        "SELECT 1 FROM credit WHERE film_id = ? AND person_id = ?"
                        " AND ifnull (character_id, 0) = ? AND role = ? AND id != ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, checked.film_id);
  sqlite3_bind_int64 (stmt, 2, checked.person_id);
  sqlite3_bind_int64 (stmt, 3, checked.character_id);
  ct_db_bind_text (stmt, 4, checked.role);
  sqlite3_bind_int64 (stmt, 5, checked.id);
  if (!ct_db_step (self->db, stmt, &row, error))
    goto fail;
  if (row)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_EXISTS,
                   _("%s already has this credit (same person, character and role): change that one instead."),
                   film_title);
      goto fail;
    }
  ct_db_release (g_steal_pointer (&stmt));

  stmt = ct_db_prepare (self->db,
                        "UPDATE credit SET person_id = ?, character_id = ?, role = ?, billing = ?,"
                        " status = ?, source = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, checked.person_id);
  ct_db_bind_id (stmt, 2, checked.character_id);
  ct_db_bind_text (stmt, 3, checked.role);
  sqlite3_bind_int (stmt, 4, checked.billing);
  ct_db_bind_text (stmt, 5, ct_fact_status_to_string (checked.status));
  ct_db_bind_text (stmt, 6, checked.source);
  sqlite3_bind_int64 (stmt, 7, checked.id);
  if (!ct_db_run (self->db, stmt, error))
    goto fail;
  _ct_wiki_note_change (self, 0);
  return _ct_wiki_commit (self, error);

fail:
  _ct_wiki_rollback (self);
  return FALSE;
}

/* Fails unless @ids are distinct. */
static gboolean
check_distinct (const gint64  *ids,
                guint          n_ids,
                const char    *what,
                GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_ids; i++)
    if (!g_hash_table_add (seen, (gpointer) &ids[i]))
      {
        g_set_error (error, CT_ERROR, CT_ERROR_INVALID, _("The new order names %s number %lld twice."),
                     what, (long long) ids[i]);
        return FALSE;
      }
  return TRUE;
}

gboolean
ct_wiki_reorder_credits (CtWiki        *self,
                         gint64         film_id,
                         const gint64  *credit_ids,
                         guint          n_ids,
                         GError       **error)
{
  g_autofree char *film_title = NULL;
  CtEntityKind kind;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (credit_ids != NULL || n_ids == 0, FALSE);

  if (!_ct_wiki_check_writable (self, error) || !check_distinct (credit_ids, n_ids, _("credit"), error)
      || !ct_db_begin (self->db, error))
    return FALSE;
  if (!_ct_wiki_entity_brief (self, film_id, &kind, &film_title, error))
    goto fail;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(sqlite3_stmt) stmt =
        ct_db_prepare (self->db, "UPDATE credit SET billing = ? WHERE id = ? AND film_id = ?", error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, (int) i + 1);
      sqlite3_bind_int64 (stmt, 2, credit_ids[i]);
      sqlite3_bind_int64 (stmt, 3, film_id);
      if (!ct_db_run (self->db, stmt, error))
        goto fail;
      if (sqlite3_changes (ct_db_handle (self->db)) == 0)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("Credit number %lld is not a credit of “%s”."),
                       (long long) credit_ids[i], film_title);
          goto fail;
        }
    }
  /* Billing is shown only in the film's cast. */
  _ct_wiki_note_change (self, film_id);
  return _ct_wiki_commit (self, error);

fail:
  _ct_wiki_rollback (self);
  return FALSE;
}

/* Sets the `order` fact of scene @scene_id to @order: the first such fact
 * changes; without one, a new fact is added after the others. */
static gboolean
set_scene_order (CtWiki  *self,
                 gint64   scene_id,
                 int      order,
                 GError **error)
{
  g_autofree char *text = g_strdup_printf ("%d", order);
  g_autoptr(sqlite3_stmt) update =
    ct_db_prepare (self->db,
                   "UPDATE fact SET text = ?1, value_id = NULL WHERE id ="
                   " (SELECT id FROM fact WHERE entity_id = ?2 AND key = 'order' ORDER BY position LIMIT 1)", error);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (update == NULL)
    return FALSE;
  ct_db_bind_text (update, 1, text);
  sqlite3_bind_int64 (update, 2, scene_id);
  if (!ct_db_run (self->db, update, error))
    return FALSE;
  if (sqlite3_changes (ct_db_handle (self->db)) > 0)
    return TRUE;

  insert = ct_db_prepare (self->db,
                          "INSERT INTO fact (entity_id, position, key, text)"
                          " VALUES (?1, (SELECT ifnull (max (position), -1) + 1 FROM fact WHERE entity_id = ?1), 'order', ?2)",
                          error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, scene_id);
  ct_db_bind_text (insert, 2, text);
  return ct_db_run (self->db, insert, error);
}

gboolean
ct_wiki_reorder_scenes (CtWiki        *self,
                        gint64         film_id,
                        const gint64  *scene_ids,
                        guint          n_ids,
                        GError       **error)
{
  g_autofree char *film_title = NULL;
  CtEntityKind kind;

  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (scene_ids != NULL || n_ids == 0, FALSE);

  if (!_ct_wiki_check_writable (self, error) || !check_distinct (scene_ids, n_ids, _("scene"), error)
      || !ct_db_begin (self->db, error))
    return FALSE;
  if (!_ct_wiki_entity_brief (self, film_id, &kind, &film_title, error))
    goto fail;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(sqlite3_stmt) check =
        ct_db_prepare (self->db,
                       "SELECT 1 FROM entity e JOIN fact f ON f.entity_id = e.id"
                       " WHERE e.id = ? AND e.kind = 'scene' AND f.key = 'film' AND f.value_id = ?", error);
      gboolean row;

      if (check == NULL)
        goto fail;
      sqlite3_bind_int64 (check, 1, scene_ids[i]);
      sqlite3_bind_int64 (check, 2, film_id);
      if (!ct_db_step (self->db, check, &row, error))
        goto fail;
      if (!row)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND, _("Entity number %lld is not a scene of “%s”."),
                       (long long) scene_ids[i], film_title);
          goto fail;
        }
      ct_db_release (g_steal_pointer (&check));
      if (!set_scene_order (self, scene_ids[i], (int) i + 1, error))
        goto fail;
    }
  _ct_wiki_note_change (self, 0);
  return _ct_wiki_commit (self, error);

fail:
  _ct_wiki_rollback (self);
  return FALSE;
}
