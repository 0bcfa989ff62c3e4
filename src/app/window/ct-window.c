#define G_LOG_DOMAIN "ct-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-editor-page-private.h"
#include "ct-entity-page.h"
#include "ct-graph-view.h"
#include "ct-timeline-view.h"
#include "ct-wiki-sidebar.h"
#include "ct-window-private.h"

G_DEFINE_FINAL_TYPE (CtWindow, ct_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DRAFTS,
  PROP_WIKI_REGISTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_tab (CtWindow     *self,
            CtEditorPage *page)
{
  AdwTabPage *tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));
  g_autofree char *title = ct_editor_page_dup_title (page);
  g_autofree char *tab_title = NULL;
  GFile *file = ct_document_get_file (ct_editor_page_get_document (page));

  if (tab == NULL)
    return;

  /* A dot before the name marks unsaved changes, as GNOME editors do. */
  tab_title = ct_editor_page_get_modified (page) ? g_strconcat ("• ", title, NULL) : g_strdup (title);
  adw_tab_page_set_title (tab, tab_title);
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (file);

      adw_tab_page_set_tooltip (tab, path);
    }

  if (adw_tab_view_get_selected_page (self->tab_view) == tab)
    {
      g_autofree char *subtitle = NULL;

      if (file != NULL)
        subtitle = _ct_window_dup_folder_name (file);
      else
        subtitle = g_strdup (_("Not saved yet"));

      adw_window_title_set_title (self->window_title, tab_title);
      adw_window_title_set_subtitle (self->window_title, subtitle);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
}

static void
on_page_title_changed_cb (CtWindow     *self,
                          GParamSpec   *pspec,
                          CtEditorPage *page)
{
  update_tab (self, page);
}

static void
on_selected_page_changed_cb (CtWindow   *self,
                             GParamSpec *pspec,
                             AdwTabView *tab_view)
{
  CtEditorPage *page = ct_window_get_active_page (self);
  AdwTabPage *tab = adw_tab_view_get_selected_page (tab_view);
  GtkWidget *child = tab ? adw_tab_page_get_child (tab) : NULL;

  /* Insertions from an entity page go to the post written last. */
  if (page != NULL)
    g_set_weak_pointer (&self->last_editor, page);
  /* Editor and preview toggles mean nothing on an entity page. */
  gtk_widget_set_visible (GTK_WIDGET (self->view_mode_box), page != NULL);

  if (page != NULL)
    update_tab (self, page);
  else if (CT_IS_ENTITY_PAGE (child))
    _ct_window_update_entity_tab (self, CT_ENTITY_PAGE (child));
  else if (CT_IS_GRAPH_VIEW (child))
    _ct_window_update_graph_tab (self, CT_GRAPH_VIEW (child));
  else if (CT_IS_TIMELINE_VIEW (child))
    {
      /* Translators: the window's title while its Timeline tab is shown */
      adw_window_title_set_title (self->window_title, _("Timeline"));
      adw_window_title_set_subtitle (self->window_title, _("Story and Release Order"));
      gtk_window_set_title (GTK_WINDOW (self), _("Timeline"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Continuity"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Continuity"));
    }
  _ct_window_update_actions (self);
}

static void
on_n_pages_changed_cb (CtWindow   *self,
                       GParamSpec *pspec,
                       AdwTabView *tab_view)
{
  gboolean empty = adw_tab_view_get_n_pages (tab_view) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "documents");
  _ct_window_update_actions (self);
}

static AdwTabPage *
add_page (CtWindow     *self,
          CtEditorPage *page)
{
  AdwTabPage *tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));

  g_signal_connect_object (page, "notify::title",
                           G_CALLBACK (on_page_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::modified",
                           G_CALLBACK (on_page_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "open-entity",
                           G_CALLBACK (_ct_window_open_page_entity), self, G_CONNECT_SWAPPED);
  adw_tab_view_set_selected_page (self->tab_view, tab);
  update_tab (self, page);
  _ct_window_track_wiki (self, page);
  return tab;
}

static void
page_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CtWindow) self = user_data;
  CtEditorPage *page = CT_EDITOR_PAGE (object);
  AdwTabPage *tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));
  g_autoptr(GError) error = NULL;

  if (tab != NULL)
    adw_tab_page_set_loading (tab, FALSE);

  if (!ct_editor_page_load_finish (page, result, &error))
    {
      /* Nothing was typed into a page that failed to load: just drop it. */
      if (tab != NULL)
        adw_tab_view_close_page (self->tab_view, tab);
      _ct_window_show_notice (self, _("Could Not Open the File"), error->message);
      return;
    }

  _ct_window_add_recent (self, ct_document_get_file (ct_editor_page_get_document (page)));
  _ct_window_page_loaded (self, page);
  /* Opened from a mention in the wiki: show the line that mentions it. */
  if (g_object_get_data (G_OBJECT (page), "ct-go-to-line") != NULL)
    ct_editor_page_go_to_line (page, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (page), "ct-go-to-line")));
  /* Loads finish in any order: a tab restored from a draft that loads last
   * must not take the keys from the file the user named. */
  if (tab != NULL && adw_tab_view_get_selected_page (self->tab_view) == tab)
    gtk_widget_grab_focus (GTK_WIDGET (ct_editor_page_get_view (page)));
}

/* Drafts left by a previous run ------------------------------------------ */

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = ct_drafts_list_finish (CT_DRAFTS (object), result, &error);
  AdwTabPage *selected = adw_tab_view_get_selected_page (self->tab_view);
  guint untitled = 0;

  if (drafts == NULL)
    {
      g_warning ("Could not look for drafts: %s", error->message);
      return;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      CtDraft *draft = g_ptr_array_index (drafts, i);

      /* A local file that is gone (deleted, or moved while the app was
       * down) would fail to open, and its draft would stay where no one
       * can reach it: its text comes back like an unsaved document's. */
      if (draft->file != NULL
          && !(g_file_is_native (draft->file) && !g_file_query_exists (draft->file, NULL)))
        {
          /* Opening the file finds its draft and says what it did. */
          ct_window_open_file (self, draft->file);
        }
      else
        {
          CtEditorPage *page = ct_editor_page_new (self->drafts);

          add_page (self, page);
          _ct_editor_page_restore_draft (page, draft);
          untitled++;
        }
    }

  /* A file named on the command line stays in front of restored drafts. */
  if (selected != NULL)
    adw_tab_view_set_selected_page (self->tab_view, selected);

  if (untitled > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Restored %u unsaved document",
                                      "Restored %u unsaved documents", untitled),
                         untitled);

      ct_window_add_toast (self, message);
    }
}

static gboolean
ct_window_close_request (GtkWindow *window)
{
  if (_ct_window_ask_before_close (CT_WINDOW (window)))
    return GDK_EVENT_STOP;
  return GTK_WINDOW_CLASS (ct_window_parent_class)->close_request (window);
}

/* GObject --------------------------------------------------------------- */

static void
ct_window_constructed (GObject *object)
{
  CtWindow *self = (CtWindow *)object;

  G_OBJECT_CLASS (ct_window_parent_class)->constructed (object);

  g_assert (CT_IS_DRAFTS (self->drafts));
  g_assert (CT_IS_WIKI_REGISTRY (self->wiki_registry));
  _ct_window_sidebar_init (self);
  _ct_window_wiki_init (self);
}

static void
ct_window_dispose (GObject *object)
{
  CtWindow *self = (CtWindow *)object;

  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  g_clear_weak_pointer (&self->last_editor);
  g_clear_object (&self->wiki);

  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_WINDOW);

  G_OBJECT_CLASS (ct_window_parent_class)->dispose (object);
}

static void
ct_window_finalize (GObject *object)
{
  CtWindow *self = (CtWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->drafts);
  g_clear_object (&self->wiki_registry);

  G_OBJECT_CLASS (ct_window_parent_class)->finalize (object);
}

static void
ct_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CtWindow *self = CT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
      break;
    case PROP_WIKI_REGISTRY:
      g_value_set_object (value, self->wiki_registry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CtWindow *self = CT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DRAFTS:
      self->drafts = g_value_dup_object (value);
      break;
    case PROP_WIKI_REGISTRY:
      self->wiki_registry = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_window_class_init (CtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ct_window_constructed;
  object_class->dispose = ct_window_dispose;
  object_class->finalize = ct_window_finalize;
  object_class->get_property = ct_window_get_property;
  object_class->set_property = ct_window_set_property;
  window_class->close_request = ct_window_close_request;

  /* Handed in by whoever makes the window (the application, or a test),
   * so the window never reaches up into the application for them. */
  properties[PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL, CT_TYPE_DRAFTS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIKI_REGISTRY] =
    g_param_spec_object ("wiki-registry", NULL, NULL, CT_TYPE_WIKI_REGISTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CT_TYPE_EDITOR_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, view_mode_box);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, recent_wikis_box);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, recent_wikis_list);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, sidebar);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_close_page_cb",
                                                G_CALLBACK (_ct_window_on_close_page));
  gtk_widget_class_bind_template_callback (widget_class, on_selected_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_n_pages_changed_cb);

  _ct_window_class_actions_init (widget_class);
  _ct_window_class_import_init (widget_class);
  _ct_window_class_import_image_init (widget_class);
  _ct_window_class_sidebar_init (widget_class);
  _ct_window_class_timeline_init (widget_class);
  _ct_window_class_graph_init (widget_class);
}

static void
ct_window_init (CtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  _ct_window_welcome_init (self);

  on_n_pages_changed_cb (self, NULL, self->tab_view);
  on_selected_page_changed_cb (self, NULL, self->tab_view);
}

/* Public API ------------------------------------------------------------ */

CtWindow *
ct_window_new (CtApplication  *application,
               CtDrafts       *drafts,
               CtWikiRegistry *wiki_registry)
{
  g_return_val_if_fail (CT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CT_IS_DRAFTS (drafts), NULL);
  g_return_val_if_fail (CT_IS_WIKI_REGISTRY (wiki_registry), NULL);

  return g_object_new (CT_TYPE_WINDOW,
                       "application", application,
                       "drafts", drafts,
                       "wiki-registry", wiki_registry,
                       NULL);
}

CtEditorPage *
ct_window_find_page (CtWindow *self,
                     GFile    *file)
{
  int n;

  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  n = adw_tab_view_get_n_pages (self->tab_view);
  for (int i = 0; i < n; i++)
    {
      GtkWidget *page = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));
      GFile *page_file;

      if (!CT_IS_EDITOR_PAGE (page))
        continue;
      page_file = ct_document_get_file (ct_editor_page_get_document (CT_EDITOR_PAGE (page)));
      if (page_file != NULL && g_file_equal (page_file, file))
        return CT_EDITOR_PAGE (page);
    }
  return NULL;
}

void
ct_window_open_file (CtWindow *self,
                     GFile    *file)
{
  CtEditorPage *page;
  AdwTabPage *tab;

  g_return_if_fail (CT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((page = ct_window_find_page (self, file)) != NULL)
    {
      adw_tab_view_set_selected_page (self->tab_view,
                                      adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
      return;
    }

  page = ct_editor_page_new (self->drafts);
  tab = add_page (self, page);
  adw_tab_page_set_loading (tab, TRUE);
  ct_editor_page_load_async (page, file, NULL, page_loaded_cb, g_object_ref (self));
}

CtEditorPage *
ct_window_new_document (CtWindow *self)
{
  CtEditorPage *page;

  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);

  page = ct_editor_page_new (self->drafts);
  add_page (self, page);
  gtk_widget_grab_focus (GTK_WIDGET (ct_editor_page_get_view (page)));
  return page;
}

void
ct_window_restore_drafts (CtWindow *self)
{
  g_return_if_fail (CT_IS_WINDOW (self));

  ct_drafts_list_async (self->drafts, NULL, drafts_listed_cb, g_object_ref (self));
}

CtEditorPage *
ct_window_get_active_page (CtWindow *self)
{
  AdwTabPage *tab;

  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);

  tab = adw_tab_view_get_selected_page (self->tab_view);
  if (tab == NULL || !CT_IS_EDITOR_PAGE (adw_tab_page_get_child (tab)))
    return NULL;
  return CT_EDITOR_PAGE (adw_tab_page_get_child (tab));
}

AdwTabView *
ct_window_get_tab_view (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);

  return self->tab_view;
}

#define TOAST_MAX_CHARS 60

static void
notice_destroyed_cb (CtWindow *self)
{
  g_object_set_data (G_OBJECT (self), "ct-notice", NULL);
}

void
_ct_window_show_notice (CtWindow   *self,
                        const char *heading,
                        const char *body)
{
  AdwMessageDialog *dialog = g_object_get_data (G_OBJECT (self), "ct-notice");

  /* A toast cuts a long sentence short, and advice is the part at the end.
   * A failure that repeats (every save while the wiki is locked) updates
   * the open dialog instead of stacking another. */
  if (dialog != NULL && heading != NULL &&
      g_strcmp0 (adw_message_dialog_get_heading (dialog), heading) == 0)
    {
      adw_message_dialog_set_body (dialog, body);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data (G_OBJECT (self), "ct-notice", dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (notice_destroyed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ct_window_add_toast (CtWindow   *self,
                     const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (CT_IS_WINDOW (self));

  /* libadwaita 1.2 shows a toast title on one line and cuts it with "…"
   * at about 60 characters in a default-sized window; longer messages are
   * sentences whose advice comes last, so they get a dialog instead. */
  if (g_utf8_strlen (message, -1) > TOAST_MAX_CHARS)
    {
      _ct_window_show_notice (self, NULL, message);
      return;
    }

  /* Toast titles are markup; file names may hold '&' or '<'. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  /* Errors are sentences to act on: give time to read them. */
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
