#define G_LOG_DOMAIN "ct-entity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-document.h"
#include "ct-entity-page-private.h"

/* What is written about an entity: its notes (Markdown with references,
 * saved as the user pauses, with a preview made on request) and the posts
 * and entities that mention it. */

/* Notes are saved this long after the last keystroke: one transaction
 * (and one Undo step) per pause, not per character. */
#define NOTES_SAVE_DELAY_MS 800

static gboolean
save_notes_cb (gpointer user_data)
{
  CtEntityPage *self = user_data;
  g_autoptr(CtEntity) changed = ct_entity_copy (self->entity);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  GtkTextIter start, end;

  self->notes_source = 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (changed->notes);
  changed->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (changed->notes, self->entity->notes ? self->entity->notes : "") != 0)
    _ct_entity_page_update_entity (self, changed);
  return G_SOURCE_REMOVE;
}

static void
push_notes_preview (CtEntityPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->notes_preview == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->notes_preview)))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ct_preview_set_text (self->notes_preview, text, -1);
}

static void
on_notes_link_activated_cb (CtEntityPage *self,
                            const char   *uri,
                            CtPreview    *preview)
{
  gint64 id = ct_entity_id_from_uri (uri);

  if (id > 0)
    g_signal_emit_by_name (self, "open-entity", id);
}

/* The notes render as posts do, references included; the web view is
 * made only when asked for, as most pages are read, not their notes. */
void
_ct_entity_page_notes_preview_toggled (CtEntityPage    *self,
                                       GtkToggleButton *button)
{
  gboolean shown = gtk_toggle_button_get_active (button);

  if (shown && self->notes_preview == NULL)
    {
      g_autofree char *base = g_filename_to_uri (ct_wiki_get_folder (self->wiki), NULL, NULL);

      self->notes_preview = ct_preview_new ();
      gtk_widget_set_size_request (GTK_WIDGET (self->notes_preview), -1, 260);
      ct_preview_set_wiki (self->notes_preview, self->wiki);
      ct_preview_set_base_uri (self->notes_preview, base);
      g_signal_connect_object (self->notes_preview, "link-activated",
                               G_CALLBACK (on_notes_link_activated_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->notes_box, GTK_WIDGET (self->notes_preview));
    }
  if (self->notes_preview != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->notes_preview), shown);
  push_notes_preview (self);
}

static void
on_notes_changed_cb (CtEntityPage  *self,
                     GtkTextBuffer *buffer)
{
  push_notes_preview (self);
  if (self->loading)
    return;
  g_clear_handle_id (&self->notes_source, g_source_remove);
  self->notes_source = g_timeout_add (NOTES_SAVE_DELAY_MS, save_notes_cb, self);
}

void
_ct_entity_page_notes_load (CtEntityPage *self)
{
  GtkTextBuffer *notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));

  /* The notes are the user's text while they type: only a change from
   * elsewhere (Undo, another window) replaces the buffer. */
  if (self->notes_source == 0)
    {
      g_autofree char *shown = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (notes, &start, &end);
      shown = gtk_text_buffer_get_text (notes, &start, &end, FALSE);
      if (g_strcmp0 (shown, self->entity->notes ? self->entity->notes : "") != 0)
        {
          gtk_text_buffer_begin_irreversible_action (notes);
          gtk_text_buffer_set_text (notes, self->entity->notes ? self->entity->notes : "", -1);
          gtk_text_buffer_end_irreversible_action (notes);
        }
    }

}

void
_ct_entity_page_notes_flush (CtEntityPage *self)
{
  if (self->notes_source != 0)
    {
      g_clear_handle_id (&self->notes_source, g_source_remove);
      save_notes_cb (self);
    }
}

void
_ct_entity_page_notes_init (CtEntityPage *self)
{
  GtkSourceLanguage *markdown = ct_document_get_markdown_language ();
  GtkTextBuffer *notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));

  if (markdown != NULL)
    gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (notes), markdown);
  g_signal_connect_object (notes, "changed", G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Mentioned in ------------------------------------------------------------- */

static void
on_mention_activated_cb (AdwActionRow *row,
                         CtEntityPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");
  gint64 entity_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "entity-id"));
  guint line = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "line"));

  if (path != NULL)
    g_signal_emit_by_name (self, "open-post", path, line);
  else if (entity_id > 0)
    g_signal_emit_by_name (self, "open-entity", entity_id);
}

void
_ct_entity_page_mentions_load (CtEntityPage *self)
{
  g_autoptr(GPtrArray) backlinks = NULL;
  g_autoptr(GError) error = NULL;

  _ct_entity_page_clear_rows (self, self->mention_rows);
  backlinks = ct_wiki_get_backlinks (self->wiki, self->id, &error);
  if (backlinks == NULL)
    {
      adw_preferences_group_set_description (self->mentions_group, error->message);
      return;
    }
  adw_preferences_group_set_description (self->mentions_group,
                                         backlinks->len == 0 ? _("No post or entity links here yet.") : NULL);
  for (guint i = 0; i < backlinks->len; i++)
    {
      const CtBacklink *link = g_ptr_array_index (backlinks, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (link->is_post ? "text-x-generic-symbolic"
                                                                    : "user-bookmarks-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), link->title);
      if (link->context != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), link->context);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (link->path), g_free);
      g_object_set_data (G_OBJECT (row), "entity-id", GSIZE_TO_POINTER ((gsize) link->entity_id));
      g_object_set_data (G_OBJECT (row), "line", GUINT_TO_POINTER (link->line));
      g_signal_connect (row, "activated", G_CALLBACK (on_mention_activated_cb), self);
      _ct_entity_page_add_row (self, self->mentions_group, self->mention_rows, row);
    }
}

