/* ct-spell-private.h — what the files of the editor's spelling share.
 *
 * ct-spell-highlighter.c  when and where to check (a worker thread), and
 *                         the underline tag
 * ct-spell-menu.c         the context menu: suggestions, "Add to
 *                         Dictionary", "Ignore", the language submenu
 * ct-spell-job.c          one check, in the worker thread
 *
 * The text comes from the editor page's CtTextMirror (ct-text-mirror.c),
 * the copy the preview reads too, so a check never copies 3 MB out of the
 * buffer and the page keeps one copy, not two.
 *
 * The menu keeps its state in a CtSpellMenu inside the highlighter, so
 * each reads alone without a second object to keep in step.
 */
#pragma once

#include "ct-spell.h"
#include "ct-spell-highlighter.h"

G_BEGIN_DECLS

typedef struct {
  GtkTextView        *view;        /* weak */
  GMenu              *section;     /* what the page adds to the context menu */
  GMenu              *words;       /* suggestions, Add to Dictionary, Ignore */
  GMenu              *languages;   /* radio items of spell.language */
  GSimpleActionGroup *actions;     /* "spell" on the view */
  GtkTextMark        *start;       /* the word the menu is for, or NULL */
  GtkTextMark        *end;
  char               *word;
  GtkEventController *click;       /* ours, on the view */
  guint               caret_source;
} CtSpellMenu;

/* ct-spell-job.c: what a check takes to the worker and brings back */
typedef struct {
  char            *text;
  gsize            length;
  char            *chosen;
  CtSpellChecker  *checker;     /* the current one, or NULL */
  GStrv            wiki_names;  /* for a new one */
  GArray          *windows;     /* of CtTextRange in characters, sorted, disjoint */
  guint64          edits;
  /* answers */
  CtSpellChecker  *used;
  char            *problem;
  GArray          *found;       /* of CtTextRange in characters */
} CtSpellJob;

void            _ct_spell_job_free              (CtSpellJob                *job);
/* GTaskThreadFunc: task data is a CtSpellJob */
void            _ct_spell_job_run               (GTask              *task,
                                                 gpointer            source_object,
                                                 gpointer            task_data,
                                                 GCancellable       *cancellable);

/* ct-spell-menu.c */
void            _ct_spell_menu_init             (CtSpellHighlighter *self,
                                                 CtSpellMenu        *menu,
                                                 GtkTextView        *view);
void            _ct_spell_menu_clear            (CtSpellMenu        *menu);
gboolean        _ct_spell_menu_update_at        (CtSpellHighlighter *self,
                                                 CtSpellMenu        *menu,
                                                 const GtkTextIter  *iter);
/* After the language, its choice or the setting changed. */
void            _ct_spell_menu_update_languages (CtSpellHighlighter *self,
                                                 CtSpellMenu        *menu);

/* ct-spell-highlighter.c */
CtSpellChecker *_ct_spell_highlighter_get_checker (CtSpellHighlighter *self);
GtkTextBuffer  *_ct_spell_highlighter_get_buffer  (CtSpellHighlighter *self);
const char     *_ct_spell_highlighter_get_chosen_language (CtSpellHighlighter *self);
/* Checks the screen again soon: the words known changed. */
void            _ct_spell_highlighter_recheck     (CtSpellHighlighter *self);

G_END_DECLS
