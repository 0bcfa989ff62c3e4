/* ct-reference-rewrite.h — renaming an entity inside Markdown text.
 *
 * For the rename dialog: the wiki rewrites its own notes when an entity is
 * renamed; posts are the user's files, and the UI offers to rewrite them
 * with this (ct_wiki_find_post_mentions lists which).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text (@length bytes) with every reference to @old_name — [[Old]],
 * [[Old|label]], {{cast: Old}}, {{fact: Old | key}} … matched as the
 * reference language matches (case and surrounding blanks ignored) —
 * pointing to @new_title instead. Labels, keys and everything else stay
 * byte for byte; nothing changes in front matter, code spans or code
 * blocks (the shared scanner decides, ct-scanner.h).
 *
 * Returns: (transfer full) (nullable): the new text, or NULL with
 * *@n_changed = 0 when nothing changed; NULL with @error set
 * (CT_ERROR_INVALID) when @new_title is not a title a reference can hold
 * (empty, a line break, or one of | [ ] { }). @n_changed may be NULL. */
char *ct_reference_rename (const char  *text,
                           gsize        length,
                           const char  *old_name,
                           const char  *new_title,
                           guint       *n_changed,
                           GError     **error);

G_END_DECLS
