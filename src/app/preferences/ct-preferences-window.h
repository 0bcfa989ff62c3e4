/* ct-preferences-window.h — the preferences, bound to GSettings. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CT_TYPE_PREFERENCES_WINDOW (ct_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CtPreferencesWindow, ct_preferences_window, CT, PREFERENCES_WINDOW, AdwPreferencesWindow)

CtPreferencesWindow *ct_preferences_window_new (void);

G_END_DECLS
