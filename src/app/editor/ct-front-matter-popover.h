/* ct-front-matter-popover.h — "Post Details": the title, date, tags, draft
 * and spoilers of a post's front matter, edited without writing YAML
 * (issue 9).
 *
 * The text is the truth: the popover keeps no state of its own. Opening
 * it reads the buffer through core's parser; each change is handed to
 * core's ct_front_matter_set and the part of the buffer that differs —
 * always inside the front matter, core checks the body is untouched — is
 * replaced as one user action, so Ctrl+Z takes it back. When core
 * refuses (YAML it cannot rewrite safely), its sentence is shown and the
 * text is left alone.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CT_TYPE_FRONT_MATTER_POPOVER (ct_front_matter_popover_get_type ())
G_DECLARE_FINAL_TYPE (CtFrontMatterPopover, ct_front_matter_popover, CT, FRONT_MATTER_POPOVER, GtkPopover)

CtFrontMatterPopover *ct_front_matter_popover_new      (void);

/* The view whose buffer is edited; changes wait while it is not
 * editable (a file still loading). */
void                  ct_front_matter_popover_set_view (CtFrontMatterPopover *self,
                                                        GtkTextView          *view);

/* Reads the fields again from the buffer (done on each opening). */
void                  ct_front_matter_popover_reload   (CtFrontMatterPopover *self);

/* The sentence shown for a refused change or unreadable front matter,
 * NULL when none (for the tests). */
const char           *ct_front_matter_popover_get_error (CtFrontMatterPopover *self);

G_END_DECLS
