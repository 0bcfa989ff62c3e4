#define G_LOG_DOMAIN "ct-preview"

#include "config.h"

#include "ct-first-frame.h"
#include "ct-preview-private.h"

enum {
  PROP_0,
  PROP_ALLOW_REMOTE_CONTENT,
  PROP_ALLOW_RAW_HTML,
  PROP_DARK,
  PROP_DOCUMENT_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _ct_preview_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CtPreview, ct_preview, GTK_TYPE_WIDGET)

static void
ct_preview_dispose (GObject *object)
{
  CtPreview *self = CT_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->worker != NULL)
    g_signal_handlers_disconnect_by_data (self->worker, self);
  g_clear_object (&self->worker);
  if (self->web_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->web_view, self);
      gtk_widget_unparent (GTK_WIDGET (self->web_view));
      self->web_view = NULL;
    }
  if (self->content_manager != NULL)
    webkit_user_content_manager_unregister_script_message_handler (self->content_manager,
                                                                   MESSAGE_HANDLER, SCRIPT_WORLD);
  g_clear_object (&self->content_manager);
  g_clear_object (&self->wiki);
  g_clear_pointer (&self->latest, ct_block_list_unref);
  g_clear_pointer (&self->shown, ct_block_list_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);

  G_OBJECT_CLASS (ct_preview_parent_class)->dispose (object);
}

static void
ct_preview_finalize (GObject *object)
{
  CtPreview *self = CT_PREVIEW (object);

  g_clear_object (&self->cancellable);
  g_free (self->base_uri);
  g_free (self->loaded_base);
  g_free (self->document_title);

  G_OBJECT_CLASS (ct_preview_parent_class)->finalize (object);
}

static void
ct_preview_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CtPreview *self = CT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ALLOW_REMOTE_CONTENT:
      g_value_set_boolean (value, self->allow_remote_content);
      break;
    case PROP_ALLOW_RAW_HTML:
      g_value_set_boolean (value, self->allow_raw_html);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_DOCUMENT_TITLE:
      g_value_set_string (value, self->document_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_preview_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CtPreview *self = CT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ALLOW_REMOTE_CONTENT:
      ct_preview_set_allow_remote_content (self, g_value_get_boolean (value));
      break;
    case PROP_ALLOW_RAW_HTML:
      ct_preview_set_allow_raw_html (self, g_value_get_boolean (value));
      break;
    case PROP_DARK:
      ct_preview_set_dark (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_preview_class_init (CtPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_preview_dispose;
  object_class->finalize = ct_preview_finalize;
  object_class->get_property = ct_preview_get_property;
  object_class->set_property = ct_preview_set_property;

  properties[PROP_ALLOW_REMOTE_CONTENT] =
    g_param_spec_boolean ("allow-remote-content", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_RAW_HTML] =
    g_param_spec_boolean ("allow-raw-html", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The title of the text last rendered: its front matter title, else
   * its first heading; NULL for neither. */
  properties[PROP_DOCUMENT_TITLE] =
    g_param_spec_string ("document-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _ct_preview_signals[SIGNAL_UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  _ct_preview_signals[SIGNAL_LINE_ACTIVATED] =
    g_signal_new ("line-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  _ct_preview_signals[SIGNAL_LINK_ACTIVATED] =
    g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  _ct_preview_signals[SIGNAL_DIAGNOSTICS_CHANGED] =
    g_signal_new ("diagnostics-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ctpreview");
}

/* The page, and with it WebKit's web and network processes, starts after
 * the first frame the preview is drawn in: spawning and loading them
 * beside the window's own start-up (a few hundred ms of CPU on a 2-core
 * machine) held back the window's first frame. Until then the web view
 * shows the page's background colour (update_placeholder). A preview
 * never shown (the editor alone) starts when it first is. */
/* The web view's own background, all there is to see until the page
 * paints: the page's (continuity.css's --ct-bg), so a dark preview never
 * flashes white while its page starts. */
static void
update_placeholder (CtPreview *self)
{
  GdkRGBA background;

  gdk_rgba_parse (&background, self->dark ? "#1e1e1e" : "#fdfcfa");
  webkit_web_view_set_background_color (self->web_view, &background);
}

static void
load_first_shell (GtkWidget *widget)
{
  CtPreview *self = CT_PREVIEW (widget);

  if (self->web_view != NULL && self->load_count == 0)
    _ct_preview_load_shell (self);
}

static void
ct_preview_init (CtPreview *self)
{

  self->worker = ct_render_worker_new ();
  g_signal_connect (self->worker, "rendered",
                    G_CALLBACK (_ct_preview_on_worker_rendered_cb), self);

  self->web_view = _ct_preview_create_web_view (self);
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));

  update_placeholder (self);
  ct_after_first_frame (GTK_WIDGET (self), load_first_shell);
}

CtPreview *
ct_preview_new (void)
{
  return g_object_new (CT_TYPE_PREVIEW, NULL);
}

void
ct_preview_set_text (CtPreview  *self,
                     const char *text,
                     gssize      length)
{
  g_return_if_fail (CT_IS_PREVIEW (self));

  ct_render_worker_request (self->worker, text, length);
}

void
ct_preview_set_text_take (CtPreview *self,
                          char      *text,
                          gsize      length)
{
  g_return_if_fail (CT_IS_PREVIEW (self));

  ct_render_worker_request_take (self->worker, text, length);
}

void
ct_preview_set_wiki (CtPreview *self,
                     CtWiki    *wiki)
{
  g_return_if_fail (CT_IS_PREVIEW (self));

  if (g_set_object (&self->wiki, wiki))
    ct_render_worker_set_wiki (self->worker, wiki);
}

void
ct_preview_set_base_uri (CtPreview  *self,
                         const char *base_uri)
{
  g_autofree char *old_base = NULL;

  g_return_if_fail (CT_IS_PREVIEW (self));

  old_base = g_steal_pointer (&self->base_uri);
  /* A folder: without the final slash its last segment would be dropped
   * when relative paths resolve. */
  if (base_uri != NULL && !g_str_has_suffix (base_uri, "/"))
    self->base_uri = g_strconcat (base_uri, "/", NULL);
  else
    self->base_uri = g_strdup (base_uri);

  if (self->ready && g_strcmp0 (self->base_uri, old_base) != 0)
    {
      /* Images already shown resolved against the old base: push every
       * block again. */
      _ct_preview_apply_base (self);
      g_clear_pointer (&self->shown, ct_block_list_unref);
      _ct_preview_push_latest (self);
    }
}

void
ct_preview_scroll_to_line (CtPreview *self,
                           guint      line)
{
  g_return_if_fail (CT_IS_PREVIEW (self));

  if (line == 0)
    line = 1;
  if (self->ready)
    _ct_preview_scroll_page (self, line);
  else
    self->pending_line = line;
}

WebKitWebView *
ct_preview_get_web_view (CtPreview *self)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), NULL);

  return self->web_view;
}

guint
ct_preview_get_load_count (CtPreview *self)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), 0);

  return self->load_count;
}

void
ct_preview_set_allow_remote_content (CtPreview *self,
                                     gboolean   allow)
{
  g_return_if_fail (CT_IS_PREVIEW (self));

  allow = !!allow;
  if (self->allow_remote_content == allow)
    return;
  self->allow_remote_content = allow;
  /* The policy is in the shell: load it again; on "ready" every block is
   * pushed again. */
  _ct_preview_load_shell (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_REMOTE_CONTENT]);
}

gboolean
ct_preview_get_allow_remote_content (CtPreview *self)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), FALSE);

  return self->allow_remote_content;
}

void
ct_preview_set_allow_raw_html (CtPreview *self,
                               gboolean   allow)
{
  g_return_if_fail (CT_IS_PREVIEW (self));

  allow = !!allow;
  if (self->allow_raw_html == allow)
    return;
  self->allow_raw_html = allow;
  /* A fresh page, so nothing raw HTML left behind (loaded frames, media)
   * outlives the setting; the worker renders the text again for it. */
  _ct_preview_load_shell (self);
  ct_render_worker_set_allow_raw_html (self->worker, allow);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_RAW_HTML]);
}

gboolean
ct_preview_get_allow_raw_html (CtPreview *self)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), FALSE);

  return self->allow_raw_html;
}

void
ct_preview_set_dark (CtPreview *self,
                     gboolean   dark)
{
  g_return_if_fail (CT_IS_PREVIEW (self));

  dark = !!dark;
  if (self->dark == dark)
    return;
  self->dark = dark;
  update_placeholder (self);
  if (self->ready)
    _ct_preview_apply_dark (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

gboolean
ct_preview_get_dark (CtPreview *self)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), FALSE);

  return self->dark;
}

GPtrArray *
ct_preview_get_diagnostics (CtPreview *self)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), NULL);

  return self->diagnostics;
}

CtWiki *
ct_preview_get_wiki (CtPreview *self)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), NULL);

  return self->wiki;
}

gboolean
ct_preview_get_link_rect (CtPreview    *self,
                          GdkRectangle *rect)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  *rect = self->link_rect;
  return self->has_link_rect;
}

const char *
ct_preview_get_document_title (CtPreview *self)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), NULL);
  return self->document_title;
}

gboolean
ct_preview_get_trace (CtPreview      *self,
                      CtPreviewTrace *trace)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), FALSE);
  g_return_val_if_fail (trace != NULL, FALSE);

  *trace = self->trace;
  return self->has_trace;
}

guint
ct_preview_get_sent_generation (CtPreview *self)
{
  g_return_val_if_fail (CT_IS_PREVIEW (self), 0);

  return self->sent_generation;
}
