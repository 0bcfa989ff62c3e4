#define G_LOG_DOMAIN "ct-preferences-window"

#include "config.h"

#include "ct-preferences-window.h"

struct _CtPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  GtkSwitch            *monospace_switch;
  GtkSwitch            *wrap_switch;
  GtkSwitch            *current_line_switch;
  GtkSwitch            *line_numbers_switch;
  GtkSwitch            *sync_scroll_switch;
  GtkSwitch            *spell_check_switch;
  GtkSwitch            *remote_content_switch;
  GtkSwitch            *raw_html_switch;
  GtkSpinButton        *interval_spin;
};

G_DEFINE_FINAL_TYPE (CtPreferencesWindow, ct_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Rows of the style combo, in the order of the .ui model. */
static const char *style_variants[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    if (g_strcmp0 (style, style_variants[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (style_variants))
    return NULL;
  return g_variant_new_string (style_variants[selected]);
}

static void
ct_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CT_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ct_preferences_window_parent_class)->dispose (object);
}

static void
ct_preferences_window_finalize (GObject *object)
{
  CtPreferencesWindow *self = (CtPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ct_preferences_window_parent_class)->finalize (object);
}

static void
ct_preferences_window_class_init (CtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_preferences_window_dispose;
  object_class->finalize = ct_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, monospace_switch);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, wrap_switch);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, current_line_switch);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, line_numbers_switch);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, sync_scroll_switch);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, remote_content_switch);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, raw_html_switch);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, spell_check_switch);
}

static void
ct_preferences_window_init (CtPreferencesWindow *self)
{
  static const struct {
    const char *key;
    gsize       offset;
  } switches[] = {
    { "monospace-font", G_STRUCT_OFFSET (CtPreferencesWindow, monospace_switch) },
    { "wrap-text", G_STRUCT_OFFSET (CtPreferencesWindow, wrap_switch) },
    { "highlight-current-line", G_STRUCT_OFFSET (CtPreferencesWindow, current_line_switch) },
    { "show-line-numbers", G_STRUCT_OFFSET (CtPreferencesWindow, line_numbers_switch) },
    { "sync-scroll", G_STRUCT_OFFSET (CtPreferencesWindow, sync_scroll_switch) },
    { "allow-remote-content", G_STRUCT_OFFSET (CtPreferencesWindow, remote_content_switch) },
    { "allow-raw-html", G_STRUCT_OFFSET (CtPreferencesWindow, raw_html_switch) },
    { "spell-check", G_STRUCT_OFFSET (CtPreferencesWindow, spell_check_switch) },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    g_settings_bind (self->settings, switches[i].key,
                     G_STRUCT_MEMBER (GtkSwitch *, self, switches[i].offset), "active",
                     G_SETTINGS_BIND_DEFAULT);

  g_settings_bind_with_mapping (self->settings, "style-variant", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_get_mapping, style_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "autosave-interval", self->interval_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

CtPreferencesWindow *
ct_preferences_window_new (void)
{
  return g_object_new (CT_TYPE_PREFERENCES_WINDOW, NULL);
}
