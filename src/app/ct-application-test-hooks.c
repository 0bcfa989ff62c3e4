/* ct-application-test-hooks.c — two application actions that exist only
 * when CONTINUITY_TEST_HOOKS=1 is in the environment, so that a test can
 * drive the real binary as a separate process over D-Bus (type into the
 * post in front, read back what the window holds) and then SIGKILL it:
 * crash recovery can only be proven on a process that really dies.
 * Synthetic X key events would depend on a window manager giving focus. */
#define G_LOG_DOMAIN "ct-application"

#include "config.h"

#include "ct-application-private.h"
#include "ct-window.h"

typedef struct {
  GtkApplication *app;
  GString        *pending;
  guint           retry_source;
} Typist;

static gboolean flush_cb (gpointer user_data);

/* Text typed before the file finished loading waits for it, as keys
 * queued in a real event stream would: the test counts every word. */
static void
flush (Typist *typist)
{
  GtkWindow *window = gtk_application_get_active_window (typist->app);
  CtEditorPage *page = CT_IS_WINDOW (window) ? ct_window_get_active_page (CT_WINDOW (window)) : NULL;
  CtDocument *document = page ? ct_editor_page_get_document (page) : NULL;
  GtkTextIter end;

  if (typist->pending->len == 0)
    return;
  if (document == NULL || ct_document_get_busy (document) || ct_document_get_file (document) == NULL)
    {
      if (typist->retry_source == 0)
        typist->retry_source = g_timeout_add (50, flush_cb, typist);
      return;
    }

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (document));
  gtk_text_buffer_insert_at_cursor (GTK_TEXT_BUFFER (document), typist->pending->str, -1);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (document));
  g_string_truncate (typist->pending, 0);
}

static gboolean
flush_cb (gpointer user_data)
{
  Typist *typist = user_data;

  typist->retry_source = 0;
  flush (typist);
  return G_SOURCE_REMOVE;
}

static void
type_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  Typist *typist = user_data;

  g_string_append (typist->pending, g_variant_get_string (param, NULL));
  flush (typist);
}

/* Writes (selected file URI, [(file URI, text, modified)]) of the active
 * window to the file named by @param, as GVariant text. */
static void
dump_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  Typist *typist = user_data;
  GtkWindow *window = gtk_application_get_active_window (typist->app);
  CtEditorPage *active = CT_IS_WINDOW (window) ? ct_window_get_active_page (CT_WINDOW (window)) : NULL;
  GFile *active_file = active ? ct_document_get_file (ct_editor_page_get_document (active)) : NULL;
  g_autofree char *active_uri = active_file ? g_file_get_uri (active_file) : g_strdup ("");
  g_autoptr(GVariantBuilder) pages = g_variant_builder_new (G_VARIANT_TYPE ("a(ssb)"));
  g_autoptr(GVariant) dump = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (CT_IS_WINDOW (window))
    {
      AdwTabView *tabs = ct_window_get_tab_view (CT_WINDOW (window));

      for (int i = 0; i < adw_tab_view_get_n_pages (tabs); i++)
        {
          GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (tabs, i));
          CtDocument *document;
          g_autofree char *uri = NULL;
          g_autofree char *page_text = NULL;

          if (!CT_IS_EDITOR_PAGE (child))
            continue;
          document = ct_editor_page_get_document (CT_EDITOR_PAGE (child));
          uri = ct_document_get_file (document) ? g_file_get_uri (ct_document_get_file (document)) : g_strdup ("");
          page_text = ct_document_dup_text (document);
          g_variant_builder_add (pages, "(ssb)", uri, page_text,
                                 ct_editor_page_get_modified (CT_EDITOR_PAGE (child)));
        }
    }

  dump = g_variant_ref_sink (g_variant_new ("(sa(ssb))", active_uri, pages));
  text = g_variant_print (dump, TRUE);
  if (!g_file_set_contents (g_variant_get_string (param, NULL), text, -1, &error))
    g_warning ("%s", error->message);
}

static void
typist_free (gpointer data)
{
  Typist *typist = data;

  g_clear_handle_id (&typist->retry_source, g_source_remove);
  g_string_free (typist->pending, TRUE);
  g_free (typist);
}

void
_ct_application_add_test_hooks (GtkApplication *app)
{
  Typist *typist;
  const GActionEntry entries[] = {
    { .name = "test-type", .activate = type_action, .parameter_type = "s" },
    { .name = "test-dump", .activate = dump_action, .parameter_type = "s" },
  };

  if (g_strcmp0 (g_getenv ("CONTINUITY_TEST_HOOKS"), "1") != 0)
    return;

  typist = g_new0 (Typist, 1);
  typist->app = app;
  typist->pending = g_string_new (NULL);
  g_object_set_data_full (G_OBJECT (app), "ct-test-typist", typist, typist_free);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), typist);
}
