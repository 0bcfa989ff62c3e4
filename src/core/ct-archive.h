/* ct-archive.h — libarchive, opened the first time a zip is read.
 *
 * Only the Letterboxd import reads zips, yet linking libarchive made every
 * headless command load it and what it links (ICU, libxml2, libstdc++,
 * five compressors): about 2 ms of a 5 ms `continuity --version`. The
 * functions the import uses are looked up once, on first use. */
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  struct archive *(*read_new)                (void);
  int             (*read_support_format_zip) (struct archive *a);
  int             (*read_open_filename)      (struct archive *a, const char *path, size_t block_size);
  int             (*read_next_header)        (struct archive *a, struct archive_entry **entry);
  la_ssize_t      (*read_data)               (struct archive *a, void *buffer, size_t size);
  int             (*read_free)               (struct archive *a);
  const char     *(*error_string)            (struct archive *a);
  const char     *(*entry_pathname)          (struct archive_entry *entry);
  la_int64_t      (*entry_size)              (struct archive_entry *entry);
  int             (*entry_size_is_set)       (struct archive_entry *entry);
} CtArchive;

/* The functions, or NULL and a sentence saying what to install (or to
 * import the unpacked folder instead). Thread-safe; loaded once. */
const CtArchive *ct_archive_get (GError **error);

G_END_DECLS
