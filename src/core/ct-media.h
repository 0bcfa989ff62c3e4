/* ct-media.h — images copied into a wiki's media/ folder for its posts.
 *
 * The site export already copies media/; a post refers to an image there
 * by a path relative to itself, so the Markdown works in any viewer.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CT_MEDIA_DIR "media"

/* @name made safe as a file name in media/: the last path segment only,
 * letters (any script), digits, '-', '_' and '.' kept, other characters
 * as '-', no leading dot, at most ~100 bytes, the extension lowercased;
 * "image" when nothing is left. "../../etc/passwd.png" → "passwd.png". */
char     *ct_media_safe_name     (const char    *name);

/* Is @name's extension one of an image a browser shows (png, jpg, jpeg,
 * gif, webp, svg, avif)? */
gboolean  ct_media_is_image_name (const char    *name);

/* Copies @source into @wiki_folder/media/ (created if missing) under the
 * safe form of @name (NULL: @source's own name), made unique with "-2",
 * "-3" … — unless a file there already has the same bytes, which is then
 * reused. Returns the file name (no folder). Refuses a name that is not
 * an image's with CT_ERROR_INVALID. A failed copy leaves no partial
 * file. Blocking: call it from a worker thread. */
char     *ct_media_import_file   (const char    *wiki_folder,
                                  GFile         *source,
                                  const char    *name,
                                  GCancellable  *cancellable,
                                  GError       **error);
/* The same for bytes already in memory (a pasted image). */
char     *ct_media_import_bytes  (const char    *wiki_folder,
                                  GBytes        *bytes,
                                  const char    *name,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* The Markdown image for media/@name seen from the post at @post_path
 * (absolute; NULL for a post not saved yet, taken to be in posts/):
 * "![ALT](../media/NAME)", the alt text escaped so it stays text. */
char     *ct_media_markdown      (const char    *wiki_folder,
                                  const char    *post_path,
                                  const char    *name,
                                  const char    *alt);

G_END_DECLS
