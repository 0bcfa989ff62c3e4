/* ct-entity-page-private.h — the entity page's state, shared by its files:
 *
 * ct-entity-page.c          the page: loading, title/summary/aliases/spoiler,
 *                           undo and redo, delete, insert
 * ct-entity-page-facts.c    the facts: a row per fact, adding and removing
 * ct-entity-page-notes.c    the notes (saved as you pause, a preview on
 *                           request) and where the entity is mentioned
 * ct-entity-page-credits.c  a film's cast, crew and scenes: the lists'
 *                           models (in core's order), reordering, adding
 * ct-entity-page-credit-rows.c  their recycled row widgets: bound from a
 *                           CtCreditItem, fields made when a credit is
 *                           opened, keyboard and drag reordering
 *
 * Every change goes through _ct_entity_page_edit_begin/_end: snapshots of
 * the entities it touches are taken first, so Undo restores everything
 * the change touched (each entity in one core transaction).
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "ct-entity-page.h"
#include "ct-preview.h"

G_BEGIN_DECLS

struct _CtEntityPage
{
  GtkWidget             parent_instance;

  CtWiki               *wiki;
  gint64                id;
  CtEntity             *entity;        /* as last read from the wiki */
  char                 *error;         /* the last refusal, or NULL */
  GPtrArray            *undo;          /* of steps (GPtrArray of CtWikiSnapshot), newest last */
  GPtrArray            *redo;
  GPtrArray            *pending;       /* the step taken by edit_begin */
  guint                 notes_source;  /* debounced notes save */
  guint                 load_source;   /* the form is read again when idle */
  gboolean              loading;       /* filling the form: no edits */

  GtkWidget            *scroller;
  GtkImage             *kind_icon;
  GtkLabel             *heading_label;
  GtkLabel             *kind_label;
  GtkMenuButton        *menu_button;
  GtkLabel             *error_label;
  AdwEntryRow          *title_row;
  AdwEntryRow          *summary_row;
  AdwEntryRow          *aliases_row;
  GtkSwitch            *spoiler_switch;
  AdwPreferencesGroup  *facts_group;
  GtkMenuButton        *add_fact_button;
  AdwPreferencesGroup  *cast_group;
  GtkGridView          *cast_list;
  AdwPreferencesGroup  *crew_group;
  GtkGridView          *crew_list;
  AdwPreferencesGroup  *add_credit_group;
  AdwEntryRow          *credit_person_row;
  AdwEntryRow          *credit_character_row;
  AdwComboRow          *credit_role_row;
  AdwComboRow          *credit_status_row;
  AdwEntryRow          *credit_source_row;
  GtkButton            *add_credit_button;
  AdwPreferencesGroup  *scenes_group;
  GtkGridView          *scenes_list;
  GtkButton            *add_scene_button;
  GtkSourceView        *notes_view;
  GtkBox               *notes_box;
  GtkToggleButton      *notes_preview_button;
  CtPreview            *notes_preview;   /* made when first shown */
  AdwPreferencesGroup  *mentions_group;

  GListModel           *role_model;    /* labels of ct_credit_roles (), in order */
  GListModel           *status_model;  /* labels of the fact statuses */
  GPtrArray            *fact_rows;     /* rows added to facts_group */
  char                 *draft_key;     /* a fact being added: key, no value yet */
  /* Of CtCreditItem, in core's order (cast and crew share one billing
   * order, cast first): only the rows on screen are widgets. */
  GListStore           *cast_store;
  GListStore           *crew_store;
  GListStore           *scene_store;
  gint64                refocus_id;    /* a row moved by key: focus it when bound */
  GPtrArray            *mention_rows;
  GHashTable           *expanded;      /* "rows/id" of rows the user opened
                                        * ("credit/id" for credits) */
};

/* A change begins: snapshot what it may touch (the page's entity, and
 * @others, e.g. the scenes a reorder renumbers). */
gboolean  _ct_entity_page_edit_begin   (CtEntityPage  *self);
gboolean  _ct_entity_page_edit_begin_with (CtEntityPage *self,
                                        const gint64  *others,
                                        guint          n_others);
/* … and ends: kept for Undo when @ok, else the refusal is shown (and
 * @error consumed). The form is read again from the wiki either way, as
 * soon as the main loop is idle. */
void      _ct_entity_page_edit_end     (CtEntityPage  *self,
                                        gboolean       ok,
                                        GError        *error);
void      _ct_entity_page_show_error   (CtEntityPage  *self,
                                        const char    *message);
/* The wiki's entity titled or aliased @name of @kind (-1: any), or 0
 * with a sentence in @error. */
gint64    _ct_entity_page_resolve      (CtEntityPage  *self,
                                        const char    *name,
                                        int            kind,
                                        GError       **error);

/* Writes @changed (title, summary, notes, spoiler, aliases) as one edit. */
gboolean  _ct_entity_page_update_entity (CtEntityPage *self,
                                        CtEntity      *changed);

void      _ct_entity_page_notes_init   (CtEntityPage  *self);
void      _ct_entity_page_notes_load   (CtEntityPage  *self);
/* Saves notes typed but not saved yet (the tab is closing). */
void      _ct_entity_page_notes_flush  (CtEntityPage  *self);
void      _ct_entity_page_notes_preview_toggled (CtEntityPage    *self,
                                        GtkToggleButton *button);
void      _ct_entity_page_mentions_load (CtEntityPage *self);
void      _ct_entity_page_facts_init   (CtEntityPage  *self);
void      _ct_entity_page_facts_load   (CtEntityPage  *self);
void      _ct_entity_page_credits_init (CtEntityPage  *self);
void      _ct_entity_page_credits_load (CtEntityPage  *self);
void      _ct_entity_page_add_credit   (CtEntityPage  *self);
void      _ct_entity_page_add_scene    (CtEntityPage  *self);
/* Moves the row of @id in @store (a list's model) to @to, as one edit
 * of the order core keeps; Undo puts it back. */
void      _ct_entity_page_move_row     (CtEntityPage  *self,
                                        GListStore    *store,
                                        gint64         id,
                                        guint          to);
void      _ct_entity_page_remove_credit (CtEntityPage *self,
                                        gint64         credit_id);
/* The factories of the credits' and the scenes' rows. */
GtkListItemFactory *_ct_entity_page_credit_factory_new (CtEntityPage *self);
GtkListItemFactory *_ct_entity_page_scene_factory_new  (CtEntityPage *self);
void      _ct_entity_page_add_move_keys (CtEntityPage *self,
                                        GtkWidget     *list);

/* Removes every row of @rows from its group, remembering which were
 * open; add_row adds one to @group (opened again if it was). */
void      _ct_entity_page_clear_rows   (CtEntityPage  *self,
                                        GPtrArray     *rows);
void      _ct_entity_page_add_row      (CtEntityPage        *self,
                                        AdwPreferencesGroup *group,
                                        GPtrArray           *rows,
                                        GtkWidget           *row);

G_END_DECLS
