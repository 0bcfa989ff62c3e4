/* ct-problems.h — the diagnostics of one document in its editor: wavy
 * underlines with the message as tooltip, and a status-bar button that
 * counts them and lists them in a popover (DESIGN §5, §7).
 *
 * The diagnostics come from the preview's render, the same ones the
 * preview marks and `continuity check` prints. Their byte offsets are
 * into the text that render saw, so they are placed only when the buffer
 * has not changed since that text was sent; otherwise the next render
 * (already on its way) brings fresh ones and the old underlines, which
 * move with the text, stay until then.
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "ct-preview.h"

G_BEGIN_DECLS

#define CT_TYPE_PROBLEMS (ct_problems_get_type ())
G_DECLARE_FINAL_TYPE (CtProblems, ct_problems, CT, PROBLEMS, GtkWidget)

CtProblems *ct_problems_new        (void);

/* Underlines in @view's buffer the diagnostics @preview reports. */
void        ct_problems_attach     (CtProblems    *self,
                                    GtkSourceView *view,
                                    CtPreview     *preview);

/* The editor just gave the preview the buffer's whole text. */
void        ct_problems_text_sent  (CtProblems    *self);

guint       ct_problems_get_count  (CtProblems    *self);

/* Moves the cursor to the next problem after it (or the previous one
 * before it), wrapping around; FALSE when there is none. */
gboolean    ct_problems_go_next    (CtProblems    *self,
                                    gboolean       backwards);

/* Moves the cursor to the start of problem @index (document order). */
void        ct_problems_go_to      (CtProblems    *self,
                                    guint          index);

/* Where problem @index is underlined now: [start, end) in characters of
 * the buffer, and whether it is an error; FALSE past the last one. */
gboolean    ct_problems_get_range  (CtProblems    *self,
                                    guint          index,
                                    int           *start,
                                    int           *end,
                                    gboolean      *is_error);

/* Quick fixes and unlinked mentions (ct-prose-check.h). Hints are kept
 * apart from the problems above: they are offers, not counted by
 * ct_problems_get_count, never visited by F8. */
guint       ct_problems_get_hint_count (CtProblems *self);
/* Where hint @index is underlined now, in characters; FALSE past the last. */
gboolean    ct_problems_get_hint_range (CtProblems *self,
                                        guint       index,
                                        int        *start,
                                        int        *end);

/* A menu section of the fixes of what is at @iter ("Use June 2025",
 * "Link to Rooney", "Link All Mentions"), for the editor's context menu;
 * its items activate "problems.fix" and "problems.link-all", which are
 * installed on the view. Filled by ct_problems_update_fix_menu. */
GMenuModel *ct_problems_get_fix_menu   (CtProblems        *self);
void        ct_problems_update_fix_menu (CtProblems       *self,
                                         const GtkTextIter *iter);

G_END_DECLS
