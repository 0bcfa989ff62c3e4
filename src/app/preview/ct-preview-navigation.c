/* ct-preview-navigation.c — where links go. The preview never navigates
 * away from its shell: a click on a continuity: link is handed to the app,
 * http(s) to the browser, anything else nowhere; only our own load and,
 * when the user allows remote content, remote frames load. */
#define G_LOG_DOMAIN "ct-preview"

#include "config.h"

#include "ct-preview-private.h"

static void
launch_uri_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the link in a browser: %s", error->message);
}

static void
activate_link (CtPreview  *self,
               const char *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  if (scheme == NULL)
    return;

  if (g_ascii_strcasecmp (scheme, "continuity") == 0)
    {
      g_signal_emit (self, _ct_preview_signals[SIGNAL_LINK_ACTIVATED], 0, uri);
    }
  else if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    {
      g_autoptr(GAppLaunchContext) context = NULL;

      context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
      g_app_info_launch_default_for_uri_async (uri, context, NULL, launch_uri_done_cb, NULL);
    }
  /* Anything else (file:, javascript:, data: …) goes nowhere. */
}

static gboolean
is_remote_uri (const char *uri)
{
  return g_str_has_prefix (uri, "http:") || g_str_has_prefix (uri, "https:");
}

/* The preview never navigates away from its shell: links the user clicks
 * are handed to the app or the browser, and only the frames the user's
 * setting allows load. */
gboolean
_ct_preview_on_decide_policy_cb (WebKitWebView            *web_view,
                     WebKitPolicyDecision     *decision,
                     WebKitPolicyDecisionType  type,
                     CtPreview                *self)
{
  WebKitNavigationAction *action;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED ||
      (type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION &&
       webkit_navigation_action_is_user_gesture (action)))
    {
      activate_link (self, uri);
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }

  /* Our own load_html; matched by its kind rather than by URI, which
   * WebKit may have normalized. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION && self->expecting_shell &&
      webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER)
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  /* Remote frames load when allowed: preview.js sandboxes every frame, so
   * nothing but a frame can ask for a remote page here. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION && self->allow_remote_content &&
      webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER &&
      is_remote_uri (uri))
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  g_debug ("ignored a navigation to %s", uri);
  webkit_policy_decision_ignore (decision);
  return TRUE;
}
