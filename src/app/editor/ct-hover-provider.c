#define G_LOG_DOMAIN "ct-hover-provider"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ct-entity-card.h"
#include "ct-hover-provider.h"
#include "ct-scanner.h"

struct _CtHoverProvider
{
  GObject  parent_instance;

  CtWiki       *wiki;
  CtTextMirror *mirror;   /* the page's; it outlives the provider */
};

static void provider_iface_init (GtkSourceHoverProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtHoverProvider, ct_hover_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_HOVER_PROVIDER,
                                                      provider_iface_init))

gint64
ct_hover_provider_entity_at (CtWiki            *wiki,
                             CtTextMirror      *mirror,
                             const GtkTextIter *iter)
{
  g_autofree char *text = NULL;
  g_autofree char *target = NULL;
  gsize length;

  g_return_val_if_fail (mirror != NULL, 0);

  if (wiki == NULL)
    return 0;
  /* The whole text: whether it is a reference depends on what comes
   * before (code fences, front matter) and after (the closer). From the
   * mirror, a memcpy; out of the buffer, a 3 MB post took a large part of
   * a second on the main thread at every pause of the caret. */
  text = ct_text_mirror_dup (mirror, &length);
  target = ct_reference_at (text, length, ct_text_mirror_byte_offset (mirror, iter), NULL, NULL);
  return ct_hover_provider_entity_named (wiki, target);
}

gint64
ct_hover_provider_entity_named (CtWiki     *wiki,
                                const char *target)
{
  g_autoptr(GPtrArray) found = NULL;

  if (wiki == NULL || target == NULL)
    return 0;
  /* An unknown or ambiguous name has no card: its problem is underlined. */
  found = ct_wiki_lookup (wiki, target, NULL);
  if (found == NULL || found->len != 1)
    return 0;
  return ((CtLookup *) g_ptr_array_index (found, 0))->entity_id;
}

static gboolean
ct_hover_provider_populate (GtkSourceHoverProvider  *provider,
                            GtkSourceHoverContext   *context,
                            GtkSourceHoverDisplay   *display,
                            GError                 **error)
{
  CtHoverProvider *self = CT_HOVER_PROVIDER (provider);
  CtEntityCard *card;
  GtkTextIter iter;
  gint64 id = 0;

  if (gtk_source_hover_context_get_iter (context, &iter))
    id = self->mirror != NULL ? ct_hover_provider_entity_at (self->wiki, self->mirror, &iter) : 0;
  if (id == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "No entity here");
      return FALSE;
    }
  card = ct_entity_card_new ();
  if (!ct_entity_card_set_entity (card, self->wiki, id, error))
    {
      g_object_ref_sink (card);
      g_object_unref (card);
      return FALSE;
    }
  gtk_widget_set_margin_start (GTK_WIDGET (card), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (card), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (card), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (card), 6);
  gtk_source_hover_display_append (display, GTK_WIDGET (card));
  return TRUE;
}

static void
provider_iface_init (GtkSourceHoverProviderInterface *iface)
{
  iface->populate = ct_hover_provider_populate;
}

static void
ct_hover_provider_dispose (GObject *object)
{
  CtHoverProvider *self = CT_HOVER_PROVIDER (object);

  g_clear_object (&self->wiki);

  G_OBJECT_CLASS (ct_hover_provider_parent_class)->dispose (object);
}

static void
ct_hover_provider_class_init (CtHoverProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ct_hover_provider_dispose;
}

static void
ct_hover_provider_init (CtHoverProvider *self)
{
}

CtHoverProvider *
ct_hover_provider_new (void)
{
  return g_object_new (CT_TYPE_HOVER_PROVIDER, NULL);
}

void
ct_hover_provider_set_wiki (CtHoverProvider *self,
                            CtWiki          *wiki)
{
  g_return_if_fail (CT_IS_HOVER_PROVIDER (self));

  g_set_object (&self->wiki, wiki);
}

void
ct_hover_provider_set_text_mirror (CtHoverProvider *self,
                                   CtTextMirror    *mirror)
{
  g_return_if_fail (CT_IS_HOVER_PROVIDER (self));

  self->mirror = mirror;
}
