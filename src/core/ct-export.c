#define G_LOG_DOMAIN "ct-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ct-diagnostic.h"
#include "ct-error.h"
#include "ct-export.h"
#include "ct-render.h"
#include "ct-wiki.h"

/* One row per format, in CtExportFormat order: the renderer's mode and
 * what a file of it is called. */
static const struct {
  const char   *name;
  CtRenderMode  mode;
  const char   *extension;
  const char   *mime_type;
} formats[CT_EXPORT_N_FORMATS] = {
  { "standalone", CT_RENDER_STANDALONE, "html", "text/html" },
  { "fragment", CT_RENDER_FRAGMENT, "html", "text/html" },
  { "markdown", CT_RENDER_MARKDOWN, "md", "text/markdown" },
};

const char *
ct_export_format_to_name (CtExportFormat format)
{
  g_return_val_if_fail (format < CT_EXPORT_N_FORMATS, NULL);

  return formats[format].name;
}

gboolean
ct_export_format_from_name (const char     *name,
                            CtExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (name, formats[i].name))
      {
        if (format != NULL)
          *format = i;
        return TRUE;
      }
  return FALSE;
}

/* In CtRenderTheme order. */
static const char *theme_names[CT_RENDER_N_THEMES] = { "auto", "light", "dark", "print" };

const char *
ct_export_theme_to_name (CtRenderTheme theme)
{
  g_return_val_if_fail (theme < CT_RENDER_N_THEMES, NULL);

  return theme_names[theme];
}

gboolean
ct_export_theme_from_name (const char    *name,
                           CtRenderTheme *theme)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (theme_names); i++)
    if (g_str_equal (name, theme_names[i]))
      {
        if (theme != NULL)
          *theme = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ct_export_format_get_extension (CtExportFormat format)
{
  g_return_val_if_fail (format < CT_EXPORT_N_FORMATS, NULL);

  return formats[format].extension;
}

const char *
ct_export_format_get_mime_type (CtExportFormat format)
{
  g_return_val_if_fail (format < CT_EXPORT_N_FORMATS, NULL);

  return formats[format].mime_type;
}

gboolean
ct_export_check_site_url (const char  *url,
                          GError     **error)
{
  g_autofree char *scheme = NULL;

  if (url == NULL || *url == '\0')
    return TRUE;

  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL || g_ascii_strcasecmp (scheme, "http") == 0
      || g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
               _("The site URL must start with http:// or https://, or be a path: “%s”"), url);
  return FALSE;
}

CtExportResult *
ct_export_post (const char             *text,
                gssize                  length,
                const CtExportOptions  *options,
                GError                **error)
{
  g_autoptr(CtWiki) own_wiki = NULL;
  g_autoptr(CtRenderResult) rendered = NULL;
  CtRenderOptions render = { 0 };
  CtExportResult *result;
  gsize size;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->format < CT_EXPORT_N_FORMATS, NULL);
  g_return_val_if_fail (options->theme < CT_RENDER_N_THEMES, NULL);
  g_return_val_if_fail (options->wiki == NULL || options->wiki_folder == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ct_export_check_site_url (options->site_url, error))
    return NULL;

  /* A connection of this export's own: WAL lets it read beside the
   * caller's, on whatever thread this runs. */
  if (options->wiki_folder != NULL)
    {
      own_wiki = ct_wiki_open (options->wiki_folder, CT_WIKI_OPEN_READ_ONLY, error);
      if (own_wiki == NULL)
        return NULL;
    }

  render.mode = formats[options->format].mode;
  render.wiki = own_wiki != NULL ? own_wiki : options->wiki;
  render.allow_raw_html = options->allow_raw_html;
  render.theme = options->theme;
  render.site_url = options->site_url != NULL && *options->site_url != '\0' ? options->site_url : NULL;

  rendered = ct_render (text, length, &render, error);
  if (rendered == NULL)
    return NULL;

  result = g_new0 (CtExportResult, 1);
  size = strlen (rendered->output);
  result->bytes = g_bytes_new_take (g_steal_pointer (&rendered->output), size);
  result->diagnostics = g_steal_pointer (&rendered->diagnostics);
  result->title = g_steal_pointer (&rendered->title);
  return result;
}

guint
ct_export_result_count_errors (const CtExportResult *self)
{
  guint errors = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->diagnostics->len; i++)
    if (((CtDiagnostic *) g_ptr_array_index (self->diagnostics, i))->severity == CT_SEVERITY_ERROR)
      errors++;
  return errors;
}

void
ct_export_result_free (CtExportResult *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_free (self->title);
  g_free (self);
}
