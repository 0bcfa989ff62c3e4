#define G_LOG_DOMAIN "ct-preview"

#include "config.h"

#include <string.h>

#include "ct-preview-private.h"
#include "ct-diagnostic.h"
#include "ct-render-card.h"

enum {
  PROP_0,
  PROP_ALLOW_REMOTE_CONTENT,
  PROP_ALLOW_RAW_HTML,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _ct_preview_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CtPreview, ct_preview, GTK_TYPE_WIDGET)

static void
script_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object),
                                                                  result, &error);
  if (value == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The preview script “%s” failed: %s", (const char *) user_data, error->message);
}

/* Calls preview.js; @body is a static string, @arguments a floating
 * a{sv}. Calls run in the page in the order they are made. */
static void
run_script (CtPreview  *self,
            const char *body,
            GVariant   *arguments)
{
  webkit_web_view_call_async_javascript_function (self->web_view, body, -1, arguments,
                                                  SCRIPT_WORLD, NULL, self->cancellable,
                                                  script_done_cb, (gpointer) body);
}

static gboolean
block_equal (GPtrArray *a,
             guint      i,
             GPtrArray *b,
             guint      j)
{
  const CtRenderBlock *x = g_ptr_array_index (a, i);
  const CtRenderBlock *y = g_ptr_array_index (b, j);

  return strcmp (x->html, y->html) == 0;
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

/* Sends the page what differs between the blocks it shows and the newest
 * ones: the changed middle between a common prefix and suffix, and every
 * block's first line (numbers are cheap; moved blocks keep their nodes). */
static void
push_latest (CtPreview *self)
{
  GPtrArray *old = self->shown;
  GPtrArray *new = self->latest;
  guint old_len = old ? old->len : 0;
  guint prefix = 0, suffix = 0;
  GString *html, *lines;
  GVariantBuilder args;

  if (!self->ready || new == NULL || new == old)
    return;

  while (prefix < old_len && prefix < new->len && block_equal (old, prefix, new, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new->len - prefix &&
         block_equal (old, old_len - 1 - suffix, new, new->len - 1 - suffix))
    suffix++;

  html = g_string_new (NULL);
  lines = g_string_new (NULL);
  /* WebKit converts only scalar GVariants into script values: the arrays
   * travel as JSON text. */
  g_string_append_c (html, '[');
  for (guint i = prefix; i < new->len - suffix; i++)
    {
      if (i > prefix)
        g_string_append_c (html, ',');
      append_json_string (html, ((CtRenderBlock *) g_ptr_array_index (new, i))->html);
    }
  g_string_append_c (html, ']');

  g_string_append_c (lines, '[');
  for (guint i = 0; i < new->len; i++)
    g_string_append_printf (lines, i > 0 ? ",%u" : "%u",
                            ((CtRenderBlock *) g_ptr_array_index (new, i))->first_line);
  g_string_append_c (lines, ']');

  g_variant_builder_init (&args, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&args, "{sv}", "start", g_variant_new_uint32 (prefix));
  g_variant_builder_add (&args, "{sv}", "deleteCount", g_variant_new_uint32 (old_len - prefix - suffix));
  g_variant_builder_add (&args, "{sv}", "html", g_variant_new_take_string (g_string_free (html, FALSE)));
  g_variant_builder_add (&args, "{sv}", "lines", g_variant_new_take_string (g_string_free (lines, FALSE)));
  g_variant_builder_add (&args, "{sv}", "seq", g_variant_new_uint32 (self->latest_generation));

  run_script (self, "return ctPreview.patch(start, deleteCount, JSON.parse(html), JSON.parse(lines), seq);",
              g_variant_builder_end (&args));

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_ref (new);
}

static void
scroll_page (CtPreview *self,
             guint      line)
{
  GVariantDict args;
  gboolean animate = TRUE;

  /* Smoothly, unless the user turned animations off. */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "line", "u", line);
  g_variant_dict_insert (&args, "smooth", "u", (guint32) animate);
  run_script (self, "ctPreview.scrollToLine(line, smooth !== 0);", g_variant_dict_end (&args));
}

static void
apply_dark (CtPreview *self)
{
  GVariantDict args;

  g_variant_dict_init (&args, NULL);
  /* Numbers rather than "b": WebKit does not convert GVariant booleans. */
  g_variant_dict_insert (&args, "dark", "u", (guint32) self->dark);
  run_script (self, "ctPreview.setDark(dark !== 0);", g_variant_dict_end (&args));
}

static void
apply_base (CtPreview *self)
{
  GVariantDict args;

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "uri", "s", _ct_preview_effective_base (self));
  run_script (self, "ctPreview.setBase(uri);", g_variant_dict_end (&args));
}

static void
free_error_block (gpointer data)
{
  CtRenderBlock *block = data;

  g_free (block->html);
  g_free (block);
}

/* One block that says why the text cannot be shown. */
static GPtrArray *
error_blocks (const GError *error)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (free_error_block);
  CtRenderBlock *block = g_new0 (CtRenderBlock, 1);
  g_autofree char *message = g_markup_escape_text (error->message, -1);

  block->html = g_strdup_printf ("<p class=\"ct-unresolved\">%s</p>\n", message);
  block->first_line = block->last_line = 1;
  g_ptr_array_add (blocks, block);
  return blocks;
}

static void
on_worker_rendered_cb (CtRenderWorker *worker,
                       guint           generation,
                       CtRenderResult *result,
                       const GError   *error,
                       CtPreview      *self)
{
  GPtrArray *blocks;

  if (result != NULL)
    blocks = g_ptr_array_ref (result->blocks);
  else
    blocks = error_blocks (error);

  g_clear_pointer (&self->latest, g_ptr_array_unref);
  self->latest = blocks;
  self->latest_generation = generation;
  push_latest (self);

  /* The same render's diagnostics, for the editor's underlines. A text
   * that cannot render at all (invalid UTF-8) has none to place. */
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  self->diagnostics = result != NULL ? g_ptr_array_ref (result->diagnostics)
                                     : g_ptr_array_new_with_free_func ((GDestroyNotify) ct_diagnostic_free);
  g_signal_emit (self, _ct_preview_signals[SIGNAL_DIAGNOSTICS_CHANGED], 0, self->diagnostics);
}

static gint32
message_int (JSCValue   *message,
             const char *name)
{
  g_autoptr(JSCValue) value = jsc_value_object_get_property (message, name);

  return jsc_value_is_number (value) ? jsc_value_to_int32 (value) : 0;
}

/* The page points at a reference: send it the entity's card. Rendered
 * here from the preview's own wiki (a few indexed queries). */
static void
show_card (CtPreview *self,
           JSCValue  *message)
{
  gint64 id = message_int (message, "id");
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  GVariantDict args;

  self->link_rect.x = message_int (message, "x");
  self->link_rect.y = message_int (message, "y");
  self->link_rect.width = message_int (message, "width");
  self->link_rect.height = message_int (message, "height");
  self->has_link_rect = TRUE;

  g_debug ("card of entity %" G_GINT64_FORMAT " asked for", id);
  if (self->wiki == NULL || id <= 0)
    return;
  html = ct_render_entity_card (self->wiki, id, &error);
  if (html == NULL)
    {
      g_debug ("No card for entity %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "id", "u", (guint32) id);
  g_variant_dict_insert (&args, "html", "s", html);
  run_script (self, "return ctPreview.showCard(id, html);", g_variant_dict_end (&args));
}

static void
on_ready (CtPreview *self)
{
  self->ready = TRUE;
  apply_dark (self);
  if (g_strcmp0 (self->loaded_base, _ct_preview_effective_base (self)) != 0)
    apply_base (self);
  push_latest (self);
  if (self->pending_line > 0)
    {
      scroll_page (self, self->pending_line);
      self->pending_line = 0;
    }
}

void
_ct_preview_on_script_message_cb (WebKitUserContentManager *manager,
                      JSCValue                 *message,
                      CtPreview                *self)
{
  g_autoptr(JSCValue) type_value = NULL;
  g_autoptr(JSCValue) load = NULL;
  g_autofree char *type = NULL;

  if (!jsc_value_is_object (message))
    return;
  /* A page already replaced may still have been talking. */
  load = jsc_value_object_get_property (message, "load");
  if ((guint) jsc_value_to_int32 (load) != self->load_count)
    return;
  type_value = jsc_value_object_get_property (message, "type");
  type = jsc_value_to_string (type_value);

  if (g_strcmp0 (type, "ready") == 0)
    {
      on_ready (self);
    }
  else if (g_strcmp0 (type, "applied") == 0)
    {
      g_autoptr(JSCValue) seq = jsc_value_object_get_property (message, "seq");

      /* Only the newest text counts as "updated"; an older one that was
       * shown meanwhile is a step on the way. */
      if ((guint) jsc_value_to_int32 (seq) == ct_render_worker_get_generation (self->worker))
        g_signal_emit (self, _ct_preview_signals[SIGNAL_UPDATED], 0);
    }
  else if (g_strcmp0 (type, "line") == 0)
    {
      g_autoptr(JSCValue) line = jsc_value_object_get_property (message, "line");
      gint32 value = jsc_value_to_int32 (line);

      if (value > 0)
        g_signal_emit (self, _ct_preview_signals[SIGNAL_LINE_ACTIVATED], 0, (guint) value);
    }
  else if (g_strcmp0 (type, "card") == 0)
    {
      show_card (self, message);
    }
}


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
  g_clear_pointer (&self->latest, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
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

static void
ct_preview_init (CtPreview *self)
{

  self->worker = ct_render_worker_new ();
  g_signal_connect (self->worker, "rendered", G_CALLBACK (on_worker_rendered_cb), self);

  self->web_view = _ct_preview_create_web_view (self);
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));

  _ct_preview_load_shell (self);
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
      apply_base (self);
      g_clear_pointer (&self->shown, g_ptr_array_unref);
      push_latest (self);
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
    scroll_page (self, line);
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
  if (self->ready)
    apply_dark (self);
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
