#define G_LOG_DOMAIN "ct-entity-card"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-entity-card.h"
#include "ct-fact-format.h"
#include "ct-fact-keys.h"
#include "ct-render-card.h"

struct _CtEntityCard
{
  GtkWidget  parent_instance;

  char      *title;

  GtkLabel  *kind_label;
  GtkLabel  *title_label;
  GtkLabel  *summary_label;
  GtkGrid   *facts_grid;
  GtkLabel  *note_label;
};

G_DEFINE_FINAL_TYPE (CtEntityCard, ct_entity_card, GTK_TYPE_WIDGET)

static void
ct_entity_card_dispose (GObject *object)
{
  CtEntityCard *self = CT_ENTITY_CARD (object);

  g_clear_pointer (&self->title, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_ENTITY_CARD);

  G_OBJECT_CLASS (ct_entity_card_parent_class)->dispose (object);
}

static void
ct_entity_card_class_init (CtEntityCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ct_entity_card_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-entity-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CtEntityCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CtEntityCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, CtEntityCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CtEntityCard, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, CtEntityCard, note_label);
}

static void
ct_entity_card_init (CtEntityCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
}

CtEntityCard *
ct_entity_card_new (void)
{
  return g_object_new (CT_TYPE_ENTITY_CARD, NULL);
}

const char *
ct_entity_card_get_title (CtEntityCard *self)
{
  g_return_val_if_fail (CT_IS_ENTITY_CARD (self), NULL);

  return self->title;
}

gboolean
ct_entity_card_set_entity (CtEntityCard  *self,
                           CtWiki        *wiki,
                           gint64         id,
                           GError       **error)
{
  g_autoptr(CtEntity) entity = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autofree char *kind = NULL;
  guint shown = 0, hidden = 0;

  g_return_val_if_fail (CT_IS_ENTITY_CARD (self), FALSE);
  g_return_val_if_fail (CT_IS_WIKI (wiki), FALSE);

  entity = ct_wiki_get_entity (wiki, id, error);
  if (entity == NULL)
    return FALSE;
  facts = ct_wiki_get_facts (wiki, id, error);
  if (facts == NULL)
    return FALSE;

  g_free (self->title);
  self->title = g_strdup (entity->title);

  /* Plain text everywhere (no markup): titles may hold '<' or '&'. */
  kind = entity->spoiler ? g_strdup_printf ("%s · %s", ct_entity_kind_label (entity->kind), _("Spoiler"))
                         : g_strdup (ct_entity_kind_label (entity->kind));
  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->title_label, entity->title);
  gtk_label_set_text (self->summary_label, entity->summary ? entity->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), entity->summary && *entity->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, entity->title, -1);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL;)
    gtk_grid_remove (self->facts_grid, child);
  for (guint i = 0; i < facts->len; i++)
    {
      const CtFact *fact = g_ptr_array_index (facts, i);
      g_autofree char *label = NULL;
      g_autofree char *display = NULL;
      GtkWidget *key, *value;

      if (fact->spoiler)
        {
          hidden++;
          continue;
        }
      if (shown >= CT_RENDER_CARD_MAX_FACTS)
        continue;
      label = ct_fact_key_label (entity->kind, fact->key);
      key = gtk_label_new (label);
      /* the same words as the hover card and the exports */
      display = ct_fact_display (entity->kind, fact);
      value = gtk_label_new (display);
      gtk_widget_add_css_class (key, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (key), 0);
      gtk_label_set_yalign (GTK_LABEL (key), 0);
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 30);
      gtk_grid_attach (self->facts_grid, key, 0, (int) shown, 1, 1);
      gtk_grid_attach (self->facts_grid, value, 1, (int) shown, 1, 1);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->facts_grid), shown > 0);

  if (hidden > 0)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u spoiler fact not shown",
                                                            "%u spoiler facts not shown", hidden), hidden);
      gtk_label_set_text (self->note_label, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), hidden > 0);
  return TRUE;
}
