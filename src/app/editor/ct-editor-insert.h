/* ct-editor-insert.h — putting reference text from the wiki (a link, a
 * fact, a cast table …) into a post where it works: at the caret (over
 * the selection), never inside the front matter, and a block template in
 * a paragraph of its own. One user action: Ctrl+Z takes it back. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  ct_editor_insert_reference (GtkTextView *view,
                                  const char  *text);

/* One quick fix's change: @length characters at @offset characters from
 * @anchor, which must still read @expected, become @replacement. */
typedef struct {
  GtkTextMark *anchor;
  int          offset;
  int          length;
  const char  *expected;
  const char  *replacement;
} CtEditorReplacement;

/* Applies @n replacements, in document order and not overlapping, as one
 * user action (one Ctrl+Z takes them all back). A range whose text changed
 * since its fix was offered is left alone: the fix no longer knows what it
 * replaces. Returns how many were applied. Nothing is changed in a view
 * that is not editable. */
guint ct_editor_replace_ranges   (GtkTextView                *view,
                                  const CtEditorReplacement  *replacements,
                                  guint                       n);

G_END_DECLS
