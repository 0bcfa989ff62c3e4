#define G_LOG_DOMAIN "ct-render-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ct-fact-format.h"
#include "ct-fact-keys.h"
#include "ct-render-card.h"
#include "ct-render-private.h"

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

char *
ct_render_entity_card (CtWiki  *wiki,
                       gint64   id,
                       GError **error)
{
  g_autoptr(CtEntity) entity = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  GString *out;
  guint shown = 0, hidden = 0;

  g_return_val_if_fail (CT_IS_WIKI (wiki), NULL);

  entity = ct_wiki_get_entity (wiki, id, error);
  if (entity == NULL)
    return NULL;
  facts = ct_wiki_get_facts (wiki, id, error);
  if (facts == NULL)
    return NULL;

  out = g_string_new (NULL);
  g_string_append_printf (out, "<div class=\"ct-card ct-kind-%s\">",
                          ct_entity_kind_to_string (entity->kind));
  g_string_append (out, "<div class=\"ct-card-kind\">");
  append_escaped (out, ct_entity_kind_label (entity->kind));
  if (entity->spoiler)
    {
      g_string_append (out, " · ");
      append_escaped (out, _("Spoiler"));
    }
  g_string_append (out, "</div><div class=\"ct-card-title\">");
  append_escaped (out, entity->title);
  g_string_append (out, "</div>");

  if (entity->summary != NULL && *entity->summary != '\0')
    {
      g_string_append_printf (out, "<p class=\"ct-card-summary%s\">",
                              entity->spoiler ? " ct-spoiler" : "");
      append_escaped (out, entity->summary);
      g_string_append (out, "</p>");
    }

  for (guint i = 0; i < facts->len; i++)
    {
      const CtFact *fact = g_ptr_array_index (facts, i);
      g_autofree char *value = NULL;

      if (fact->spoiler)
        {
          hidden++;
          continue;
        }
      if (shown == CT_RENDER_CARD_MAX_FACTS)
        continue;
      if (shown++ == 0)
        g_string_append (out, "<dl class=\"ct-card-facts\">");
      g_string_append (out, "<dt>");
      {
        g_autofree char *label = ct_fact_key_label (entity->kind, fact->key);

        append_escaped (out, label);
      }
      g_string_append (out, "</dt><dd>");
      value = fact->value_id > 0 ? g_strdup (fact->value_title)
                                 : ct_fact_text_display (entity->kind, fact->key, fact->text);
      append_escaped (out, value);
      /* the same words as everywhere else (ct_html_append_status) */
      ct_html_append_status (out, fact->status);
      if (fact->source != NULL && *fact->source != '\0')
        {
          g_ptr_array_add (sources, fact->source);
          g_string_append_printf (out, "<sup class=\"ct-fn\">%u</sup>", sources->len);
        }
      g_string_append (out, "</dd>");
    }
  if (shown > 0)
    g_string_append (out, "</dl>");

  /* numbered as in an export, as text: a card links nowhere */
  if (sources->len > 0)
    {
      g_string_append (out, "<ol class=\"ct-card-sources\">");
      for (guint i = 0; i < sources->len; i++)
        {
          g_string_append (out, "<li>");
          append_escaped (out, g_ptr_array_index (sources, i));
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ol>");
    }

  if (hidden > 0)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u spoiler fact not shown",
                                                            "%u spoiler facts not shown", hidden),
                                               hidden);
      g_string_append (out, "<p class=\"ct-card-note\">");
      append_escaped (out, note);
      g_string_append (out, "</p>");
    }

  g_string_append (out, "</div>");
  return g_string_free (out, FALSE);
}
