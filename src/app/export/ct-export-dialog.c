#define G_LOG_DOMAIN "ct-export-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ct-document.h"
#include "ct-editor-page.h"
#include "ct-export-dialog.h"

struct _CtExportDialog
{
  AdwWindow             parent_instance;

  CtEditorPage         *page;
  GSettings            *settings;
  GtkFileChooserNative *chooser;

  AdwComboRow          *format_row;
  AdwComboRow          *theme_row;
  AdwEntryRow          *site_url_row;
  GtkLabel             *error_label;
  GtkButton            *export_button;
};

enum {
  SIGNAL_EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CtExportDialog, ct_export_dialog, ADW_TYPE_WINDOW)

/* Choices are kept per post, under its URI, in one settings dictionary
 * of (format, theme, site URL): a blog post goes to the blog each time,
 * a Hugo page to Hugo. An unsaved post has no URI and is not remembered. */
static char *
dup_page_uri (CtEditorPage *page)
{
  GFile *file = ct_document_get_file (ct_editor_page_get_document (page));

  return file != NULL ? g_file_get_uri (file) : NULL;
}

static char *
dup_post_uri (CtExportDialog *self)
{
  return dup_page_uri (self->page);
}

/* The (format, theme, site URL) remembered for @page, or NULL. */
static GVariant *
lookup_choices (GSettings    *settings,
                CtEditorPage *page)
{
  g_autofree char *uri = dup_page_uri (page);
  g_autoptr(GVariant) all = NULL;

  if (uri == NULL)
    return NULL;
  all = g_settings_get_value (settings, "export-post-choices");
  return g_variant_lookup_value (all, uri, G_VARIANT_TYPE ("(sss)"));
}

static void
load_choices (CtExportDialog *self)
{
  g_autoptr(GVariant) choices = lookup_choices (self->settings, self->page);
  const char *format_name, *theme_name, *site_url;
  CtExportFormat format;
  CtRenderTheme theme;

  if (choices == NULL)
    return;
  g_variant_get (choices, "(&s&s&s)", &format_name, &theme_name, &site_url);
  if (ct_export_format_from_name (format_name, &format))
    ct_export_dialog_set_format (self, format);
  if (ct_export_theme_from_name (theme_name, &theme))
    ct_export_dialog_set_theme (self, theme);
  ct_export_dialog_set_site_url (self, site_url);
}

static void
save_choices (CtExportDialog *self)
{
  g_autofree char *uri = dup_post_uri (self);
  g_autoptr(GVariant) all = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{s(sss)}"));
  const char *site_url = ct_export_dialog_get_site_url (self);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (uri == NULL)
    return;
  all = g_settings_get_value (self->settings, "export-post-choices");
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@(sss)}", &key, &value))
    {
      if (!g_str_equal (key, uri))
        g_variant_builder_add (&builder, "{s@(sss)}", key, value);
      g_variant_unref (value);
    }
  g_variant_builder_add (&builder, "{s(sss)}", uri,
                         ct_export_format_to_name (ct_export_dialog_get_format (self)),
                         ct_export_theme_to_name (ct_export_dialog_get_theme (self)),
                         site_url != NULL ? site_url : "");
  g_settings_set_value (self->settings, "export-post-choices", g_variant_builder_end (&builder));
}

static void
show_error (CtExportDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->site_url_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->site_url_row), "error");
}

/* Only a standalone page has a theme: a fragment takes the blog's
 * style, Markdown has none. */
static void
on_format_changed_cb (CtExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->theme_row),
                          ct_export_dialog_get_format (self) == CT_EXPORT_STANDALONE);
}

static void
on_site_url_changed_cb (CtExportDialog *self)
{
  show_error (self, NULL);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CtExportDialog  *self)
{
  g_autoptr(GFile) target = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (target != NULL)
    ct_export_dialog_choose (self, target);
}

/* The post's name with the format's extension, in the post's folder. */
static void
on_export_clicked_cb (CtExportDialog *self)
{
  CtDocument *document = ct_editor_page_get_document (self->page);
  CtExportFormat format = ct_export_dialog_get_format (self);
  GFile *file = ct_document_get_file (document);
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = ct_document_dup_title (document);
  g_autofree char *name = NULL;
  char *dot;

  if (!ct_export_check_site_url (ct_export_dialog_get_site_url (self), &error))
    {
      show_error (self, error->message);
      return;
    }

  if ((dot = strrchr (title, '.')) != NULL && dot != title)
    *dot = '\0';
  name = g_strconcat (title, ".", ct_export_format_get_extension (format), NULL);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, format == CT_EXPORT_MARKDOWN ? _("Markdown Documents")
                                                                 : _("HTML Documents"));
  gtk_file_filter_add_mime_type (filter, ct_export_format_get_mime_type (format));
  gtk_file_filter_add_suffix (filter, ct_export_format_get_extension (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ct_export_dialog_dispose (GObject *object)
{
  CtExportDialog *self = CT_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), CT_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (ct_export_dialog_parent_class)->dispose (object);
}

static void
ct_export_dialog_finalize (GObject *object)
{
  CtExportDialog *self = CT_EXPORT_DIALOG (object);

  g_clear_object (&self->page);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ct_export_dialog_parent_class)->finalize (object);
}

static void
ct_export_dialog_class_init (CtExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_export_dialog_dispose;
  object_class->finalize = ct_export_dialog_finalize;

  signals[SIGNAL_EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/continuity/Continuity/ui/ct-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CtExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CtExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, CtExportDialog, site_url_row);
  gtk_widget_class_bind_template_child (widget_class, CtExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CtExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_site_url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ct_export_dialog_init (CtExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
}

CtExportDialog *
ct_export_dialog_new (GtkWindow    *parent,
                      CtEditorPage *page)
{
  CtExportDialog *self;

  g_return_val_if_fail (CT_IS_EDITOR_PAGE (page), NULL);

  self = g_object_new (CT_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->page = g_object_ref (page);
  load_choices (self);
  return self;
}

CtEditorPage *
ct_export_dialog_get_page (CtExportDialog *self)
{
  g_return_val_if_fail (CT_IS_EXPORT_DIALOG (self), NULL);

  return self->page;
}

CtExportFormat
ct_export_dialog_get_format (CtExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (CT_IS_EXPORT_DIALOG (self), CT_EXPORT_STANDALONE);

  /* The rows of the .ui model are in CtExportFormat order. */
  selected = adw_combo_row_get_selected (self->format_row);
  return selected < CT_EXPORT_N_FORMATS ? (CtExportFormat) selected : CT_EXPORT_STANDALONE;
}

void
ct_export_dialog_set_format (CtExportDialog *self,
                             CtExportFormat  format)
{
  g_return_if_fail (CT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < CT_EXPORT_N_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

CtRenderTheme
ct_export_dialog_get_theme (CtExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (CT_IS_EXPORT_DIALOG (self), CT_RENDER_THEME_AUTO);

  /* The rows of the .ui model are in CtRenderTheme order. */
  selected = adw_combo_row_get_selected (self->theme_row);
  return selected < CT_RENDER_N_THEMES ? (CtRenderTheme) selected : CT_RENDER_THEME_AUTO;
}

void
ct_export_dialog_set_theme (CtExportDialog *self,
                            CtRenderTheme   theme)
{
  g_return_if_fail (CT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (theme < CT_RENDER_N_THEMES);

  adw_combo_row_set_selected (self->theme_row, theme);
}

const char *
ct_export_dialog_get_site_url (CtExportDialog *self)
{
  const char *text;

  g_return_val_if_fail (CT_IS_EXPORT_DIALOG (self), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self->site_url_row));
  return text != NULL && *text != '\0' ? text : NULL;
}

void
ct_export_dialog_set_site_url (CtExportDialog *self,
                               const char     *url)
{
  g_return_if_fail (CT_IS_EXPORT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->site_url_row), url != NULL ? url : "");
}

gboolean
ct_export_dialog_choose (CtExportDialog *self,
                         GFile          *target)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CT_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  if (!ct_export_check_site_url (ct_export_dialog_get_site_url (self), &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  save_choices (self);
  g_signal_emit (self, signals[SIGNAL_EXPORT], 0, target);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

char *
ct_export_dialog_dup_remembered_site_url (CtEditorPage *page)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) choices = NULL;
  const char *site_url;

  g_return_val_if_fail (CT_IS_EDITOR_PAGE (page), NULL);

  settings = g_settings_new (APP_ID);
  choices = lookup_choices (settings, page);
  if (choices == NULL)
    return NULL;
  g_variant_get (choices, "(&s&s)", NULL, &site_url);
  return *site_url != '\0' ? g_strdup (site_url) : NULL;
}
