#define G_LOG_DOMAIN "ct-wiki-snapshot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ct-slug.h"
#include "ct-wiki-private.h"

/* Undo for the wiki window: a snapshot is an entity and everything tied
 * to it, read before an edit or a deletion; restoring writes it back in
 * one transaction (ct-wiki.h says exactly what comes back). Ids are kept
 * wherever they are still free, so what other rows point to keeps
 * pointing there. */

typedef struct {
  gint64  id;         /* a fact of another entity that links to this one */
  gint64  entity_id;
} LinkingFact;

typedef struct {
  char   *key;
  int     line;
} Mention;

struct _CtWikiSnapshot {
  CtEntity  *entity;
  GPtrArray *facts;      /* of CtFact, in order, with ids */
  GPtrArray *credits;    /* of CtCredit (ids only, no titles) */
  GArray    *linking;    /* of LinkingFact */
  GArray    *mentions;   /* of Mention: its entity_mention rows */
  char      *search[4];  /* its search row: title, aliases, summary, body */
  gboolean   has_search;
};

static void
mention_clear (gpointer data)
{
  g_free (((Mention *) data)->key);
}

void
ct_wiki_snapshot_free (CtWikiSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  ct_entity_free (snapshot->entity);
  g_clear_pointer (&snapshot->facts, g_ptr_array_unref);
  g_clear_pointer (&snapshot->credits, g_ptr_array_unref);
  g_clear_pointer (&snapshot->linking, g_array_unref);
  g_clear_pointer (&snapshot->mentions, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (snapshot->search); i++)
    g_free (snapshot->search[i]);
  g_free (snapshot);
}

gint64
ct_wiki_snapshot_get_id (const CtWikiSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);
  return snapshot->entity->id;
}

/* Taking */

static sqlite3_stmt *
prepare_with_id (CtWiki      *self,
                 const char  *sql,
                 gint64       id,
                 GError     **error)
{
  sqlite3_stmt *stmt = ct_db_prepare (self->db, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return stmt;
}

static gboolean
read_credits (CtWiki          *self,
              CtWikiSnapshot  *snapshot,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare_with_id (self,
                     "SELECT id, film_id, person_id, character_id, role, billing, status, source FROM credit"
                     " WHERE film_id = ?1 OR person_id = ?1 OR character_id = ?1 ORDER BY id",
                     snapshot->entity->id, error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      CtCredit *credit;

      if (!ct_db_step (self->db, stmt, &row, error))
        return FALSE;
      if (!row)
        return TRUE;
      credit = g_new0 (CtCredit, 1);
      credit->id = sqlite3_column_int64 (stmt, 0);
      credit->film_id = sqlite3_column_int64 (stmt, 1);
      credit->person_id = sqlite3_column_int64 (stmt, 2);
      credit->character_id = sqlite3_column_int64 (stmt, 3);
      credit->role = ct_db_column_dup (stmt, 4);
      credit->billing = sqlite3_column_int (stmt, 5);
      ct_fact_status_from_string ((const char *) sqlite3_column_text (stmt, 6), &credit->status);
      credit->source = ct_db_column_dup (stmt, 7);
      g_ptr_array_add (snapshot->credits, credit);
    }
}

static gboolean
read_index_rows (CtWiki          *self,
                 CtWikiSnapshot  *snapshot,
                 GError         **error)
{
  gint64 id = snapshot->entity->id;
  g_autoptr(sqlite3_stmt) links =
    prepare_with_id (self, "SELECT id, entity_id FROM fact WHERE value_id = ?1 AND entity_id != ?1 ORDER BY id",
                     id, error);
  g_autoptr(sqlite3_stmt) mentions = NULL;
  g_autoptr(sqlite3_stmt) search = NULL;
  gboolean row;

  if (links == NULL)
    return FALSE;
  while (ct_db_step (self->db, links, &row, error) && row)
    {
      LinkingFact link = { sqlite3_column_int64 (links, 0), sqlite3_column_int64 (links, 1) };
      g_array_append_val (snapshot->linking, link);
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  ct_db_release (g_steal_pointer (&links));

  mentions = prepare_with_id (self, "SELECT key, line FROM entity_mention WHERE entity_id = ? ORDER BY rowid",
                              id, error);
  if (mentions == NULL)
    return FALSE;
  while (ct_db_step (self->db, mentions, &row, error) && row)
    {
      Mention m = { ct_db_column_dup (mentions, 0), sqlite3_column_int (mentions, 1) };
      g_array_append_val (snapshot->mentions, m);
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  ct_db_release (g_steal_pointer (&mentions));

  search = prepare_with_id (self, "SELECT title, aliases, summary, body FROM search WHERE rowid = ?", id, error);
  if (search == NULL || !ct_db_step (self->db, search, &row, error))
    return FALSE;
  snapshot->has_search = row;
  for (int i = 0; row && i < 4; i++)
    snapshot->search[i] = ct_db_column_dup (search, i);
  return TRUE;
}

CtWikiSnapshot *
ct_wiki_snapshot_entity (CtWiki  *self,
                         gint64   id,
                         GError **error)
{
  g_autoptr(CtWikiSnapshot) snapshot = g_new0 (CtWikiSnapshot, 1);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CT_IS_WIKI (self), NULL);

  snapshot->credits = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_credit_free);
  snapshot->linking = g_array_new (FALSE, FALSE, sizeof (LinkingFact));
  snapshot->mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  g_array_set_clear_func (snapshot->mentions, mention_clear);

  snapshot->entity = ct_wiki_get_entity (self, id, error);
  if (snapshot->entity == NULL)
    return NULL;
  snapshot->facts = ct_wiki_get_facts (self, id, error);
  if (snapshot->facts == NULL
      || !read_credits (self, snapshot, error)
      || !read_index_rows (self, snapshot, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&snapshot);
}

/* Restoring */

static gboolean
exists (CtWiki      *self,
        const char  *sql,
        gint64       id,
        gboolean    *found,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_with_id (self, sql, id, error);

  return stmt != NULL && ct_db_step (self->db, stmt, found, error);
}

static gboolean
run_with_id (CtWiki      *self,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_with_id (self, sql, id, error);

  return stmt != NULL && ct_db_run (self->db, stmt, error);
}

/* Brings back the row and title of a deleted entity with its own id; its
 * slug too, unless another entity has taken it meanwhile. */
static gboolean
reinsert_entity (CtWiki          *self,
                 const CtEntity  *entity,
                 GError         **error)
{
  g_autofree char *key = _ct_wiki_name_key (entity->title);
  g_autofree char *fold = _ct_wiki_name_fold (entity->title);
  g_autofree char *slug = g_strdup (entity->slug);
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autoptr(sqlite3_stmt) name = NULL;

  for (guint n = 2; ; n++)
    {
      g_autoptr(sqlite3_stmt) taken = ct_db_prepare (self->db, "SELECT 1 FROM entity WHERE slug = ?", error);
      gboolean found;

      if (taken == NULL)
        return FALSE;
      ct_db_bind_text (taken, 1, slug);
      if (!ct_db_step (self->db, taken, &found, error))
        return FALSE;
      if (!found)
        break;
      g_free (slug);
      slug = ct_slug_with_suffix (entity->slug, n);
    }

  row = ct_db_prepare (self->db,
                       "INSERT INTO entity (id, kind, title, slug, title_key) VALUES (?, ?, ?, ?, ?)", error);
  if (row == NULL)
    return FALSE;
  sqlite3_bind_int64 (row, 1, entity->id);
  ct_db_bind_text (row, 2, ct_entity_kind_to_string (entity->kind));
  ct_db_bind_text (row, 3, entity->title);
  ct_db_bind_text (row, 4, slug);
  ct_db_bind_text (row, 5, key);
  if (!ct_db_run (self->db, row, error))
    return FALSE;

  name = ct_db_prepare (self->db,
                        "INSERT INTO name (entity_id, is_alias, position, name, key, fold) VALUES (?, 0, 0, ?, ?, ?)",
                        error);
  if (name == NULL)
    return FALSE;
  sqlite3_bind_int64 (name, 1, entity->id);
  ct_db_bind_text (name, 2, entity->title);
  ct_db_bind_text (name, 3, key);
  ct_db_bind_text (name, 4, fold);
  return ct_db_run (self->db, name, error);
}

/* The snapshot's facts replace the entity's; a fact keeps its id unless
 * another entity's fact has it now. A link to an entity deleted since
 * becomes its title as text, as deleting that entity did to the others. */
static gboolean
restore_facts (CtWiki                *self,
               const CtWikiSnapshot  *snapshot,
               GError               **error)
{
  gint64 id = snapshot->entity->id;

  if (!run_with_id (self, "DELETE FROM fact WHERE entity_id = ?", id, error))
    return FALSE;
  for (guint i = 0; i < snapshot->facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (snapshot->facts, i);
      g_autoptr(sqlite3_stmt) ins = NULL;
      gboolean id_taken = FALSE, target = TRUE;

      if (!exists (self, "SELECT 1 FROM fact WHERE id = ?", fact->id, &id_taken, error)
          || (fact->value_id != 0 && !exists (self, "SELECT 1 FROM entity WHERE id = ?", fact->value_id, &target, error)))
        return FALSE;
      ins = ct_db_prepare (self->db,
                           "INSERT INTO fact (id, entity_id, position, key, text, value_id, status, source, spoiler)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (ins == NULL)
        return FALSE;
      ct_db_bind_id (ins, 1, id_taken ? 0 : fact->id);
      sqlite3_bind_int64 (ins, 2, id);
      sqlite3_bind_int (ins, 3, fact->position);
      ct_db_bind_text (ins, 4, fact->key);
      ct_db_bind_text (ins, 5, fact->value_id != 0 ? (target ? NULL : fact->value_title) : fact->text);
      ct_db_bind_id (ins, 6, target ? fact->value_id : 0);
      ct_db_bind_text (ins, 7, ct_fact_status_to_string (fact->status));
      ct_db_bind_text (ins, 8, fact->source);
      sqlite3_bind_int (ins, 9, fact->spoiler ? 1 : 0);
      if (!ct_db_run (self->db, ins, error))
        return FALSE;
    }
  return TRUE;
}

/* Credits as film or person are the entity's own: replaced. Credits as
 * character belong to films: unlinked as deleting it would, then the
 * snapshot's linked again. A credit whose film or person is gone stays
 * gone. */
static const char * const clear_credit_statements[] = {
  "DELETE FROM credit WHERE film_id = ?1 OR person_id = ?1",
  "DELETE FROM credit WHERE character_id = ?1 AND EXISTS (SELECT 1 FROM credit c2"
  " WHERE c2.film_id = credit.film_id AND c2.person_id = credit.person_id"
  " AND c2.character_id IS NULL AND c2.role = credit.role)",
  "UPDATE credit SET character_id = NULL WHERE character_id = ?1",
};

static gboolean
restore_credits (CtWiki                *self,
                 const CtWikiSnapshot  *snapshot,
                 GError               **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (clear_credit_statements); i++)
    if (!run_with_id (self, clear_credit_statements[i], snapshot->entity->id, error))
      return FALSE;

  for (guint i = 0; i < snapshot->credits->len; i++)
    {
      CtCredit *credit = g_ptr_array_index (snapshot->credits, i);
      g_autoptr(sqlite3_stmt) same = NULL;
      g_autoptr(sqlite3_stmt) write = NULL;
      gboolean film, person, character = TRUE, id_taken, is_same;

      if (!exists (self, "SELECT 1 FROM entity WHERE id = ?", credit->film_id, &film, error)
          || !exists (self, "SELECT 1 FROM entity WHERE id = ?", credit->person_id, &person, error)
          || (credit->character_id != 0
              && !exists (self, "SELECT 1 FROM entity WHERE id = ?", credit->character_id, &character, error))
          || !exists (self, "SELECT 1 FROM credit WHERE id = ?", credit->id, &id_taken, error))
        return FALSE;
      if (!film || !person)
        continue;

      /* The same credit (by id, film and person) is updated; otherwise
       * it comes back as a new row, with its id when that is free. */
      same = ct_db_prepare (self->db, "SELECT 1 FROM credit WHERE id = ? AND film_id = ? AND person_id = ?", error);
      if (same == NULL)
        return FALSE;
      sqlite3_bind_int64 (same, 1, credit->id);
      sqlite3_bind_int64 (same, 2, credit->film_id);
      sqlite3_bind_int64 (same, 3, credit->person_id);
      if (!ct_db_step (self->db, same, &is_same, error))
        return FALSE;
      ct_db_release (g_steal_pointer (&same));

      write = ct_db_prepare (self->db,
                             is_same
                             ? "UPDATE credit SET character_id = ?4, role = ?5, billing = ?6, status = ?7, source = ?8"
                               " WHERE id = ?1"
                             : "INSERT INTO credit (id, film_id, person_id, character_id, role, billing, status, source)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      if (write == NULL)
        return FALSE;
      ct_db_bind_id (write, 1, is_same || !id_taken ? credit->id : 0);
      if (!is_same)
        {
          sqlite3_bind_int64 (write, 2, credit->film_id);
          sqlite3_bind_int64 (write, 3, credit->person_id);
        }
      ct_db_bind_id (write, 4, character ? credit->character_id : 0);
      ct_db_bind_text (write, 5, credit->role);
      sqlite3_bind_int (write, 6, credit->billing);
      ct_db_bind_text (write, 7, ct_fact_status_to_string (credit->status));
      ct_db_bind_text (write, 8, credit->source);
      if (!ct_db_run (self->db, write, error))
        return FALSE;
    }
  return TRUE;
}

/* Other entities' facts that deletion turned into the title as text link
 * again; a fact since changed to something else is left as the user made
 * it. */
static gboolean
relink_facts (CtWiki                *self,
              const CtWikiSnapshot  *snapshot,
              GError               **error)
{
  for (guint i = 0; i < snapshot->linking->len; i++)
    {
      LinkingFact *link = &g_array_index (snapshot->linking, LinkingFact, i);
      g_autoptr(sqlite3_stmt) stmt =
        ct_db_prepare (self->db,
                       "UPDATE fact SET value_id = ?1, text = NULL"
                       " WHERE id = ?2 AND entity_id = ?3 AND value_id IS NULL AND text = ?4", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, snapshot->entity->id);
      sqlite3_bind_int64 (stmt, 2, link->id);
      sqlite3_bind_int64 (stmt, 3, link->entity_id);
      ct_db_bind_text (stmt, 4, snapshot->entity->title);
      if (!ct_db_run (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The search row and the notes' mentions as they were. Writing the entity
 * has already rebuilt both from the same data; these are the stored rows
 * themselves, so nothing depends on the indexer being unchanged since. */
static gboolean
restore_index_rows (CtWiki                *self,
                    const CtWikiSnapshot  *snapshot,
                    GError               **error)
{
  gint64 id = snapshot->entity->id;

  if (!run_with_id (self, "DELETE FROM entity_mention WHERE entity_id = ?", id, error)
      || !run_with_id (self, "DELETE FROM search WHERE rowid = ?", id, error))
    return FALSE;
  for (guint i = 0; i < snapshot->mentions->len; i++)
    {
      Mention *m = &g_array_index (snapshot->mentions, Mention, i);
      g_autoptr(sqlite3_stmt) stmt =
        ct_db_prepare (self->db, "INSERT INTO entity_mention (entity_id, key, line) VALUES (?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      ct_db_bind_text (stmt, 2, m->key);
      sqlite3_bind_int (stmt, 3, m->line);
      if (!ct_db_run (self->db, stmt, error))
        return FALSE;
    }
  if (snapshot->has_search)
    {
      g_autoptr(sqlite3_stmt) stmt =
        ct_db_prepare (self->db, "INSERT INTO search (rowid, title, aliases, summary, body) VALUES (?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      for (int i = 0; i < 4; i++)
        ct_db_bind_text (stmt, i + 2, snapshot->search[i]);
      if (!ct_db_run (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
restore (CtWiki                *self,
         const CtWikiSnapshot  *snapshot,
         GError               **error)
{
  const CtEntity *entity = snapshot->entity;
  gint64 holder;
  gboolean found;

  /* Checked before anything is written, so the sentence names the
   * entity that has the title now. */
  holder = _ct_wiki_id_by_title (self, entity->title, error);
  if (holder < 0)
    return FALSE;
  if (holder != 0 && holder != entity->id)
    {
      g_autofree char *title = NULL;
      CtEntityKind kind;

      if (!_ct_wiki_entity_brief (self, holder, &kind, &title, error))
        return FALSE;
      g_set_error (error, CT_ERROR, CT_ERROR_EXISTS,
                   _("“%s” cannot be brought back: another entity is now titled “%s”. Rename that one first."),
                   entity->title, title);
      return FALSE;
    }

  if (!exists (self, "SELECT 1 FROM entity WHERE id = ?", entity->id, &found, error))
    return FALSE;
  if (!found && !reinsert_entity (self, entity, error))
    return FALSE;

  /* Title (a rename undone rewrites other entities' notes back), summary,
   * notes, spoiler and aliases, as an edit writes them. */
  if (!_ct_wiki_write_entity (self, entity, error))
    return FALSE;
  if (found)
    {
      g_autoptr(sqlite3_stmt) slug =
        ct_db_prepare (self->db, "UPDATE entity SET slug = ?2 WHERE id = ?1"
                       " AND NOT EXISTS (SELECT 1 FROM entity WHERE slug = ?2 AND id != ?1)", error);
      if (slug == NULL)
        return FALSE;
      sqlite3_bind_int64 (slug, 1, entity->id);
      ct_db_bind_text (slug, 2, entity->slug);
      if (!ct_db_run (self->db, slug, error))
        return FALSE;
    }

  return restore_facts (self, snapshot, error)
         && restore_credits (self, snapshot, error)
         && relink_facts (self, snapshot, error)
         && restore_index_rows (self, snapshot, error);
}

gboolean
ct_wiki_restore_snapshot (CtWiki                *self,
                          const CtWikiSnapshot  *snapshot,
                          GError               **error)
{
  g_return_val_if_fail (CT_IS_WIKI (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!_ct_wiki_check_writable (self, error) || !ct_db_begin (self->db, error))
    return FALSE;
  if (!restore (self, snapshot, error))
    {
      _ct_wiki_rollback (self);
      return FALSE;
    }
  /* Facts of others linked again and credits shown on films and people:
   * several entities. */
  _ct_wiki_note_change (self, snapshot->linking->len > 0 || snapshot->credits->len > 0 ? 0 : snapshot->entity->id);
  return _ct_wiki_commit (self, error);
}
