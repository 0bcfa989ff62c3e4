/* ct-resources.h — files compiled into libcontinuity-core (SQL, CSS). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @path is relative to the core resource root, e.g. "sql/001-initial.sql".
 * The resource is compiled in: a missing one is a programming error. */
GBytes *ct_core_resource_bytes (const char *path);

/* The sample wiki (data/sample) compiled in. @path is relative to it:
 * "wiki.json", "posts/ballerina-review.md". */
GBytes *ct_sample_resource_bytes (const char *path);

/* Every file of the sample wiki, as paths relative to it, sorted. */
GStrv   ct_sample_resource_list  (void);

G_END_DECLS
