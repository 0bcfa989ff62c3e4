/* ct-preview-page.c — talking with preview.js in the shell page. Each
 * render becomes the newest blocks, and only the changed run of them is
 * pushed, once the page says it is ready (until then the newest waits);
 * scrolling, the theme and the base go over the same channel. What the
 * page says back: ready, a patch applied, a block clicked, a reference
 * pointed at (whose card is rendered here). */
#define G_LOG_DOMAIN "ct-preview"

#include "config.h"

#include <string.h>

#include "ct-preview-private.h"
#include "ct-diagnostic.h"
#include "ct-render-blocks.h"
#include "ct-render-card.h"

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

/* Appends "[from,to,by]" for each run of blocks in [from, to) of @new
 * whose first line moved by the same @by from that of the block the page
 * shows for it (block @i + @offset of @old). An edit moves every block
 * after it by the same number of lines: one run, not one number per
 * block of a long post, found by chunks the lists share. */
static void
append_shifts (GString     *out,
               CtBlockList *new,
               CtBlockList *old,
               guint        from,
               guint        to,
               int          offset)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (CtBlockShift));

  ct_block_list_append_shifts (new, old, from, to, offset, runs);
  for (guint i = 0; i < runs->len; i++)
    {
      const CtBlockShift *run = &g_array_index (runs, CtBlockShift, i);

      g_string_append_printf (out, "%s[%u,%u,%d]", out->len > 1 ? "," : "", run->from, run->to, run->by);
    }
}

/* Sends the page what differs between the blocks it shows and the newest
 * ones: the changed middle between a common prefix and suffix, with its
 * blocks' first lines, and how the first lines of the others moved (moved
 * blocks keep their nodes). */
void
_ct_preview_push_latest (CtPreview *self)
{
  CtBlockList *old = self->shown;
  CtBlockList *new = self->latest;
  guint old_len = old ? ct_block_list_get_length (old) : 0;
  guint new_len;
  guint prefix = 0, suffix = 0;
  GString *html, *lines, *shifts;
  GVariantBuilder args;

  if (!self->ready || new == NULL || new == old)
    return;

  new_len = ct_block_list_get_length (new);
  if (old != NULL)
    ct_block_list_common (old, new, &prefix, &suffix);

  html = g_string_new (NULL);
  lines = g_string_new (NULL);
  shifts = g_string_new (NULL);
  /* WebKit converts only scalar GVariants into script values: the arrays
   * travel as JSON text. */
  g_string_append_c (html, '[');
  g_string_append_c (lines, '[');
  for (guint i = prefix; i < new_len - suffix; i++)
    {
      CtRenderBlock block = ct_block_list_get (new, i);

      if (i > prefix)
        {
          g_string_append_c (html, ',');
          g_string_append_c (lines, ',');
        }
      append_json_string (html, block.html);
      g_string_append_printf (lines, "%u", block.first_line);
    }
  g_string_append_c (html, ']');
  g_string_append_c (lines, ']');

  g_string_append_c (shifts, '[');
  if (old != NULL)
    {
      append_shifts (shifts, new, old, 0, prefix, 0);
      append_shifts (shifts, new, old, new_len - suffix, new_len, (int) old_len - (int) new_len);
    }
  g_string_append_c (shifts, ']');

  g_variant_builder_init (&args, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&args, "{sv}", "start", g_variant_new_uint32 (prefix));
  /* Nothing known shown (a new base, a reloaded shell): whatever the
   * page holds goes, or a new base would show every block twice. */
  g_variant_builder_add (&args, "{sv}", "deleteCount",
                         g_variant_new_uint32 (old != NULL ? old_len - prefix - suffix : G_MAXINT32));
  g_variant_builder_add (&args, "{sv}", "html", g_variant_new_take_string (g_string_free (html, FALSE)));
  g_variant_builder_add (&args, "{sv}", "lines", g_variant_new_take_string (g_string_free (lines, FALSE)));
  g_variant_builder_add (&args, "{sv}", "shifts", g_variant_new_take_string (g_string_free (shifts, FALSE)));
  g_variant_builder_add (&args, "{sv}", "seq", g_variant_new_uint32 (self->latest_generation));

  run_script (self, "return ctPreview.patch(start, deleteCount, JSON.parse(html), JSON.parse(lines), "
              "JSON.parse(shifts), seq);",
              g_variant_builder_end (&args));
  self->sent_generation = self->latest_generation;
  if (self->pending_trace.generation == self->latest_generation)
    {
      self->pending_trace.sent_us = g_get_monotonic_time ();
      self->pending_sent_real_us = g_get_real_time ();
      self->pending_trace.blocks_sent = new_len - suffix - prefix;
    }

  g_clear_pointer (&self->shown, ct_block_list_unref);
  self->shown = ct_block_list_ref (new);
}

/* Sends the page the newest render's prose warnings (a release date, a
 * director, a casting the wiki contradicts): the preview marks the block
 * each is in, so the preview shows what the editor underlines and
 * `continuity check` prints. Reference problems need none: they are
 * drawn in the text; unlinked mentions are offers, not problems. */
void
_ct_preview_push_marks (CtPreview *self)
{
  GString *marks;
  GVariantDict args;
  gboolean first = TRUE;

  if (!self->ready || self->diagnostics == NULL)
    return;

  marks = g_string_new ("[");
  for (guint i = 0; i < self->diagnostics->len; i++)
    {
      const CtDiagnostic *diagnostic = g_ptr_array_index (self->diagnostics, i);

      if (diagnostic->rule == NULL || diagnostic->severity == CT_SEVERITY_HINT)
        continue;
      g_string_append_printf (marks, "%s{\"line\":%u,\"message\":", first ? "" : ",", diagnostic->line);
      append_json_string (marks, diagnostic->message);
      g_string_append_c (marks, '}');
      first = FALSE;
    }
  g_string_append_c (marks, ']');

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert_value (&args, "marks", g_variant_new_take_string (g_string_free (marks, FALSE)));
  run_script (self, "ctPreview.setMarks(JSON.parse(marks));", g_variant_dict_end (&args));
}

void
_ct_preview_scroll_page (CtPreview *self,
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

void
_ct_preview_apply_dark (CtPreview *self)
{
  GVariantDict args;

  g_variant_dict_init (&args, NULL);
  /* Numbers rather than "b": WebKit does not convert GVariant booleans. */
  g_variant_dict_insert (&args, "dark", "u", (guint32) self->dark);
  run_script (self, "ctPreview.setDark(dark !== 0);", g_variant_dict_end (&args));
}

void
_ct_preview_apply_base (CtPreview *self)
{
  GVariantDict args;

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "uri", "s", _ct_preview_effective_base (self));
  run_script (self, "ctPreview.setBase(uri);", g_variant_dict_end (&args));
}

/* One block that says why the text cannot be shown. */
static CtBlockList *
error_blocks (const GError *error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_free);
  CtRenderBlock *block = g_new0 (CtRenderBlock, 1);
  g_autofree char *message = g_markup_escape_text (error->message, -1);
  g_autofree char *html = g_strdup_printf ("<p class=\"ct-unresolved\">%s</p>\n", message);

  block->html = html;
  block->first_line = block->last_line = 1;
  g_ptr_array_add (blocks, block);
  return ct_block_list_new (blocks);  /* copies the html */
}

void
_ct_preview_on_worker_rendered_cb (CtRenderWorker *worker,
                       guint           generation,
                       CtRenderResult *result,
                       const GError   *error,
                       CtPreview      *self)
{
  CtBlockList *blocks;
  CtRenderWorkerTrace hops;

  ct_render_worker_get_trace (worker, &hops);
  self->pending_trace = (CtPreviewTrace) {
    .generation = generation,
    .requested_us = hops.requested_us,
    .dispatched_us = hops.dispatched_us,
    .render_start_us = hops.started_us,
    .render_end_us = hops.ended_us,
    .delivered_us = g_get_monotonic_time (),
    .threaded = hops.threaded,
    .full = hops.stats.full,
    .render_bytes = hops.stats.bytes,
  };

  if (result != NULL)
    blocks = ct_block_list_ref (result->block_list);
  else
    blocks = error_blocks (error);

  if (result != NULL && g_strcmp0 (result->title, self->document_title) != 0)
    {
      g_free (self->document_title);
      self->document_title = g_strdup (result->title);
      g_object_notify (G_OBJECT (self), "document-title");
    }

  g_clear_pointer (&self->latest, ct_block_list_unref);
  self->latest = blocks;
  self->latest_generation = generation;
  _ct_preview_push_latest (self);

  /* The same render's diagnostics, for the editor's underlines. A text
   * that cannot render at all (invalid UTF-8) has none to place. Those of
   * an older text (shown so the preview follows continuous typing) point
   * into a text the editor no longer has: the newest render brings its
   * own. */
  if (generation != ct_render_worker_get_generation (worker))
    return;
  /* A long post's last diagnostics may be tens of thousands (unlinked
   * mentions): freed in a thread, not here. */
  ct_render_worker_free_later (g_steal_pointer (&self->diagnostics), (GDestroyNotify) g_ptr_array_unref);
  self->diagnostics = result != NULL ? g_ptr_array_ref (result->diagnostics)
                                     : g_ptr_array_new_with_free_func ((GDestroyNotify) ct_diagnostic_free);
  g_signal_emit (self, _ct_preview_signals[SIGNAL_DIAGNOSTICS_CHANGED], 0, self->diagnostics);
  _ct_preview_push_marks (self);
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
  _ct_preview_apply_dark (self);
  if (g_strcmp0 (self->loaded_base, _ct_preview_effective_base (self)) != 0)
    _ct_preview_apply_base (self);
  _ct_preview_push_latest (self);
  _ct_preview_push_marks (self);
  if (self->pending_line > 0)
    {
      _ct_preview_scroll_page (self, self->pending_line);
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
      g_autoptr(JSCValue) ms = jsc_value_object_get_property (message, "ms");
      g_autoptr(JSCValue) start = jsc_value_object_get_property (message, "start");
      g_autoptr(JSCValue) unfilled = jsc_value_object_get_property (message, "unfilled");
      g_autoptr(JSCValue) deferred = jsc_value_object_get_property (message, "deferred");

      if ((guint) jsc_value_to_int32 (seq) == self->pending_trace.generation)
        {
          self->trace = self->pending_trace;
          self->trace.applied_us = g_get_monotonic_time ();
          self->trace.page_ms = jsc_value_is_number (ms) ? jsc_value_to_double (ms) : 0;
          self->trace.page_wait_ms = jsc_value_is_number (start)
            ? jsc_value_to_double (start) - self->pending_sent_real_us / 1000.0 : 0;
          self->trace.page_unfilled = jsc_value_is_number (unfilled) ? (guint) jsc_value_to_int32 (unfilled) : 0;
          self->trace.deferred = jsc_value_is_boolean (deferred) && jsc_value_to_boolean (deferred);
          self->has_trace = TRUE;
        }
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
