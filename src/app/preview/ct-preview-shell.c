/* ct-preview-shell.c — the web view and the shell page it loads: its
 * locked-down settings and ephemeral session, the shell built from
 * resources with its Content-Security-Policy, loading it (again after a
 * crash), and the page menu trimmed so nothing leaves the shell. */
#define G_LOG_DOMAIN "ct-preview"

#include "config.h"

#include <string.h>

#include "ct-preview-private.h"
#include "ct-render.h"

/* From the generated app resource header, whose name (ct-resources.h)
 * is taken by core's lookup helper. */
GResource *ct_get_resource (void);

#define RESOURCE_PREFIX "/io/github/continuity/Continuity/preview/"

#define MAX_CRASH_RELOADS 3

static GBytes *
lookup_resource (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* Looked up in our own GResource: a static library may drop the
   * constructor that would register it globally. Compiled in, so missing
   * means a broken build. */
  bytes = g_resource_lookup_data (ct_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("Missing resource %s: %s", path, error->message);
  return bytes;
}

static void
string_replace (GString    *string,
                const char *placeholder,
                const char *value)
{
  const char *hit = strstr (string->str, placeholder);
  gssize pos;

  g_assert (hit != NULL);
  pos = hit - string->str;
  g_string_erase (string, pos, strlen (placeholder));
  g_string_insert (string, pos, value);
}

/* The Content-Security-Policy of the shell: no script from the document
 * ever (a second wall behind enable-javascript-markup), local images only
 * unless the user allowed remote content. */
static char *
build_csp (gboolean allow_remote)
{
  const char *remote = allow_remote ? " http: https:" : "";

  return g_strdup_printf ("default-src 'none'; script-src 'none'; object-src 'none'; "
                          "style-src 'unsafe-inline' file: data:%s; "
                          "img-src file: data:%s; media-src file: data:%s; "
                          "font-src file: data:%s; frame-src %s; "
                          "base-uri file:; form-action 'none'",
                          remote, remote, remote, remote,
                          allow_remote ? "http: https:" : "'none'");
}

static char *
build_shell (CtPreview *self,
             guint      load)
{
  g_autoptr(GBytes) template = lookup_resource ("shell.html");
  g_autoptr(GBytes) css = ct_render_get_stylesheet ();
  g_autofree char *csp = build_csp (self->allow_remote_content);
  g_autofree char *load_text = g_strdup_printf ("%u", load);
  g_autofree char *style = g_strndup (g_bytes_get_data (css, NULL), g_bytes_get_size (css));
  GString *html = g_string_new_len (g_bytes_get_data (template, NULL),
                                    g_bytes_get_size (template));

  /* Our own stylesheet; it must not be able to end the <style> element. */
  g_assert (strstr (style, "</") == NULL);

  string_replace (html, "@CLASS@", self->dark ? "dark" : "light");
  string_replace (html, "@LOAD@", load_text);
  string_replace (html, "@CSP@", csp);
  string_replace (html, "@STYLE@", style);

  return g_string_free (html, FALSE);
}

/* Relative images and links resolve against the document's folder; a file:
 * base also gives the page the file: origin those images need. */
const char *
_ct_preview_effective_base (CtPreview *self)
{
  static gsize once;
  static char *home_uri;

  if (self->base_uri != NULL)
    return self->base_uri;
  if (g_once_init_enter (&once))
    {
      g_autofree char *uri = g_filename_to_uri (g_get_home_dir (), NULL, NULL);
      home_uri = g_strconcat (uri ? uri : "file://", "/", NULL);
      g_once_init_leave (&once, 1);
    }
  return home_uri;
}

void
_ct_preview_load_shell (CtPreview *self)
{
  g_autofree char *html = NULL;

  /* Scripts still on their way belong to the page being replaced. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->ready = FALSE;
  g_clear_pointer (&self->shown, ct_block_list_unref);
  g_free (self->loaded_base);
  self->loaded_base = g_strdup (_ct_preview_effective_base (self));
  self->expecting_shell = TRUE;
  self->load_count++;

  html = build_shell (self, self->load_count);
  webkit_web_view_load_html (self->web_view, html, self->loaded_base);
}

static void
on_load_changed_cb (WebKitWebView   *web_view,
                    WebKitLoadEvent  event,
                    CtPreview       *self)
{
  if (event == WEBKIT_LOAD_COMMITTED)
    self->expecting_shell = FALSE;
}

static void
on_web_process_terminated_cb (WebKitWebView                     *web_view,
                              WebKitWebProcessTerminationReason  reason,
                              CtPreview                         *self)
{
  /* A crashed page is blank: load the shell again and push everything,
   * but don't loop if the content itself keeps crashing it. */
  if (self->crash_reloads >= MAX_CRASH_RELOADS)
    {
      g_warning ("The preview's web process ended (reason %d) again; giving up", reason);
      return;
    }
  self->crash_reloads++;
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    g_debug ("The preview's web process was ended; reloading it");
  else
    g_warning ("The preview's web process ended (reason %d); reloading it", reason);
  _ct_preview_load_shell (self);
}

/* The page menu must not offer to leave the shell or to reload it. */
static gboolean
on_context_menu_cb (WebKitWebView       *web_view,
                    WebKitContextMenu   *menu,
                    WebKitHitTestResult *hit,
                    CtPreview           *self)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;

      switch (webkit_context_menu_item_get_stock_action (item))
        {
        case WEBKIT_CONTEXT_MENU_ACTION_GO_BACK:
        case WEBKIT_CONTEXT_MENU_ACTION_GO_FORWARD:
        case WEBKIT_CONTEXT_MENU_ACTION_STOP:
        case WEBKIT_CONTEXT_MENU_ACTION_RELOAD:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_LINK_TO_DISK:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_IMAGE_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_IMAGE_TO_DISK:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_FRAME_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_VIDEO_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_AUDIO_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_VIDEO_TO_DISK:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_AUDIO_TO_DISK:
          webkit_context_menu_remove (menu, item);
          break;
        default:
          break;
        }
    }
  g_list_free (items);

  return FALSE;
}

/* One ephemeral session for every preview: a preview is a view, not a
 * browser, so WebKit keeps no cookies, caches, local storage or media keys
 * on disk for it. Shared so all previews use one network process. */
static WebKitNetworkSession *
preview_network_session (void)
{
  static WebKitNetworkSession *session;

  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();
  return session;
}

WebKitWebView *
_ct_preview_create_web_view (CtPreview *self)
{
  g_autoptr(WebKitSettings) settings = NULL;
  g_autoptr(WebKitUserScript) script = NULL;
  g_autoptr(GBytes) source = lookup_resource ("preview.js");
  g_autofree char *source_text = g_strndup (g_bytes_get_data (source, NULL), g_bytes_get_size (source));
  WebKitWebView *web_view;

  settings = webkit_settings_new_with_settings (
      /* Script inside the document never runs; ours runs from the app. */
      "enable-javascript-markup", FALSE,
      "javascript-can-open-windows-automatically", FALSE,
      "javascript-can-access-clipboard", FALSE,
      "allow-file-access-from-file-urls", FALSE,
      "allow-universal-access-from-file-urls", FALSE,
      "allow-top-navigation-to-data-urls", FALSE,
      "allow-modal-dialogs", FALSE,
      "enable-page-cache", FALSE,
      "enable-webgl", FALSE,
      "enable-back-forward-navigation-gestures", FALSE,
      /* For working on preview.js: CONTINUITY_PREVIEW_INSPECTOR=1. */
      "enable-developer-extras", g_strcmp0 (g_getenv ("CONTINUITY_PREVIEW_INSPECTOR"), "1") == 0,
      NULL);

  self->content_manager = webkit_user_content_manager_new ();
  webkit_user_content_manager_register_script_message_handler (self->content_manager,
                                                               MESSAGE_HANDLER, SCRIPT_WORLD);
  g_signal_connect_object (self->content_manager, "script-message-received::" MESSAGE_HANDLER,
                           G_CALLBACK (_ct_preview_on_script_message_cb), self, 0);

  script = webkit_user_script_new_for_world (source_text,
                                             WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                             WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                             SCRIPT_WORLD, NULL, NULL);
  webkit_user_content_manager_add_script (self->content_manager, script);

  web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                           "network-session", preview_network_session (),
                           "settings", settings,
                           "user-content-manager", self->content_manager,
                           NULL);

  g_signal_connect (web_view, "decide-policy", G_CALLBACK (_ct_preview_on_decide_policy_cb), self);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (on_load_changed_cb), self);
  g_signal_connect (web_view, "web-process-terminated",
                    G_CALLBACK (on_web_process_terminated_cb), self);
  g_signal_connect (web_view, "context-menu", G_CALLBACK (on_context_menu_cb), self);

  return web_view;
}
