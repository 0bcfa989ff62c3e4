/* ct-application-private.h — for the application's own files.
 *
 * ct-application.c             the GtkApplication: windows, actions, startup
 * ct-application-test-hooks.c  actions a test drives the real binary with
 */
#pragma once

#include "ct-application.h"

G_BEGIN_DECLS

/* Adds app.test-type(s) and app.test-dump(s) when CONTINUITY_TEST_HOOKS=1
 * is set; does nothing otherwise. */
void _ct_application_add_test_hooks (GtkApplication *app);

G_END_DECLS
