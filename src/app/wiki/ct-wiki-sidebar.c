#define G_LOG_DOMAIN "ct-wiki-sidebar"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ct-entity-list-model.h"
#include "ct-scanner.h"
#include "ct-timeline-view.h"
#include "ct-wiki-item.h"
#include "ct-wiki-sidebar.h"

/* Search hits shown: a sidebar is no results page; Enter opens the first. */
#define SEARCH_LIMIT 50

struct _CtWikiSidebar
{
  GtkWidget           parent_instance;

  CtWiki             *wiki;
  CtEntityListModel  *entities;
  GListStore         *posts;
  GListStore         *events;
  GListStore         *hits;

  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkStack           *mode_stack;
  AdwViewStack       *view_stack;
  GtkStack           *posts_stack;
  GtkListView        *posts_list;
  GtkListView        *wiki_list;
  GtkListView        *timeline_list;
  CtTimelineView     *timeline_view;
  GtkListView        *search_list;

  gboolean            timeline_loaded;  /* the Timeline page has this wiki */
};

enum {
  SIGNAL_ENTITY_ACTIVATED,
  SIGNAL_POST_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CtWikiSidebar, ct_wiki_sidebar, GTK_TYPE_WIDGET)

/* Rows ------------------------------------------------------------------ */

typedef struct {
  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *badge;
} RowParts;

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CtWikiSidebar            *self)
{
  CtWikiItem *item = gtk_list_item_get_item (list_item);
  RowParts *parts = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "parts");
  GtkWidget *row = gtk_list_item_get_child (list_item);
  const char *subtitle = ct_wiki_item_get_subtitle (item);
  const char *snippet = ct_wiki_item_get_snippet (item);
  g_autofree char *badge = NULL;

  gtk_widget_remove_css_class (row, "ct-sidebar-heading");
  gtk_list_item_set_activatable (list_item, TRUE);

  switch (ct_wiki_item_get_item_type (item))
    {
    case CT_WIKI_ITEM_HEADING:
      gtk_widget_add_css_class (row, "ct-sidebar-heading");
      gtk_list_item_set_activatable (list_item, FALSE);
      gtk_image_set_from_icon_name (GTK_IMAGE (parts->icon), ct_wiki_kind_icon_name (ct_wiki_item_get_kind (item)));
      gtk_label_set_text (GTK_LABEL (parts->title), ct_entity_kind_plural_label (ct_wiki_item_get_kind (item)));
      badge = g_strdup_printf ("%u", ct_wiki_item_get_count (item));
      subtitle = NULL;
      break;

    case CT_WIKI_ITEM_ENTITY:
      gtk_image_set_from_icon_name (GTK_IMAGE (parts->icon), ct_wiki_kind_icon_name (ct_wiki_item_get_kind (item)));
      gtk_label_set_text (GTK_LABEL (parts->title), ct_wiki_item_get_title (item));
      if (ct_wiki_item_get_flag (item))
        badge = g_strdup (_("Spoiler"));
      break;

    case CT_WIKI_ITEM_POST:
    default:
      gtk_image_set_from_icon_name (GTK_IMAGE (parts->icon), "text-x-generic-symbolic");
      gtk_label_set_text (GTK_LABEL (parts->title), ct_wiki_item_get_title (item));
      if (ct_wiki_item_get_flag (item))
        badge = g_strdup (_("Draft"));
      else if (ct_wiki_item_get_count (item) > 0)
        /* Translators: references in a post that name no entity */
        badge = g_strdup_printf (ngettext ("%u problem", "%u problems", ct_wiki_item_get_count (item)),
                                 ct_wiki_item_get_count (item));
      break;
    }

  if (snippet != NULL)
    gtk_label_set_markup (GTK_LABEL (parts->subtitle), snippet);
  else
    gtk_label_set_text (GTK_LABEL (parts->subtitle), subtitle ? subtitle : "");
  gtk_widget_set_visible (parts->subtitle, snippet != NULL || (subtitle != NULL && *subtitle != '\0'));
  gtk_label_set_text (GTK_LABEL (parts->badge), badge ? badge : "");
  gtk_widget_set_visible (parts->badge, badge != NULL);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkListItem   *list_item)
{
  CtWikiItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *link = NULL;

  if (item == NULL || ct_wiki_item_get_item_type (item) != CT_WIKI_ITEM_ENTITY
      || ct_wiki_item_get_id (item) == 0)
    return NULL;

  /* Dropped into an editor, an entity becomes a link to it. A title no
   * link can hold (the wiki refuses those) is not dragged at all. */
  link = ct_reference_format_link (ct_wiki_item_get_title (item), NULL);
  return link ? gdk_content_provider_new_typed (G_TYPE_STRING, link) : NULL;
}

/* The context menu of an entity row: open it, or insert a reference to
 * it into the post being written (window actions, so the window decides
 * where the text goes). */
static GMenuModel *
entity_menu_new (CtWikiItem *item)
{
  GMenu *menu = g_menu_new ();
  GMenu *insert = g_menu_new ();
  gint64 id = ct_wiki_item_get_id (item);
  CtEntityKind kind = ct_wiki_item_get_kind (item);
  struct { const char *label; const char *what; gboolean shown; } items[] = {
    { N_("Insert _Link"), "link", TRUE },
    { N_("Insert _Infobox"), "infobox", TRUE },
    { N_("Insert _Cast Table"), "cast", kind == CT_ENTITY_FILM },
    { N_("Insert _Scene List"), "scenes", kind == CT_ENTITY_FILM },
    { N_("Insert _Appearances"), "appearances",
      kind == CT_ENTITY_CHARACTER || kind == CT_ENTITY_PERSON || kind == CT_ENTITY_LOCATION },
  };
  g_autoptr(GMenuItem) open = g_menu_item_new (_("_Open"), NULL);
  g_autoptr(GMenuItem) facts = g_menu_item_new (_("Insert _Fact…"), NULL);

  g_menu_item_set_action_and_target_value (open, "win.open-entity", g_variant_new_int64 (id));
  g_menu_append_item (menu, open);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) entry = NULL;

      if (!items[i].shown)
        continue;
      entry = g_menu_item_new (_(items[i].label), NULL);
      g_menu_item_set_action_and_target_value (entry, "win.insert-entity",
                                               g_variant_new ("(xs)", id, items[i].what));
      g_menu_append_item (insert, entry);
    }
  /* A fact is picked on the entity's page, where each has its Insert. */
  g_menu_item_set_action_and_target_value (facts, "win.open-entity", g_variant_new_int64 (id));
  g_menu_append_item (insert, facts);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (insert));
  g_object_unref (insert);
  return G_MENU_MODEL (menu);
}

static void
on_row_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkListItem     *list_item)
{
  CtWikiItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;

  if (item == NULL || ct_wiki_item_get_item_type (item) != CT_WIKI_ITEM_ENTITY || ct_wiki_item_get_id (item) == 0)
    return;
  model = entity_menu_new (item);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, row);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  /* Gone once closed: the next press makes a menu for the row's item then. */
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CtWikiSidebar            *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  RowParts *parts = g_new0 (RowParts, 1);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkGesture *menu_click = gtk_gesture_click_new ();

  parts->icon = gtk_image_new ();
  parts->title = gtk_label_new (NULL);
  parts->subtitle = gtk_label_new (NULL);
  parts->badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (parts->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (parts->title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (parts->subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (parts->subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (parts->subtitle), TRUE);
  gtk_widget_add_css_class (parts->subtitle, "caption");
  gtk_widget_add_css_class (parts->subtitle, "dim-label");
  gtk_widget_add_css_class (parts->badge, "ct-badge");
  gtk_widget_set_valign (parts->badge, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_box_append (GTK_BOX (text), parts->title);
  gtk_box_append (GTK_BOX (text), parts->subtitle);
  gtk_box_append (GTK_BOX (row), parts->icon);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), parts->badge);
  g_object_set_data_full (G_OBJECT (row), "parts", parts, g_free);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (menu_click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (menu_click, "pressed", G_CALLBACK (on_row_pressed_cb), list_item, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (menu_click));

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), list_item, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  gtk_list_item_set_child (list_item, row);
}

static GtkListItemFactory *
row_factory_new (CtWikiSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  return factory;
}

static void
set_list_model (GtkListView *list,
                GListModel  *model)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (model ? g_object_ref (model) : NULL);

  gtk_list_view_set_model (list, GTK_SELECTION_MODEL (selection));
}

/* Activation ------------------------------------------------------------ */

static void
activate_item (CtWikiSidebar *self,
               CtWikiItem    *item)
{
  if (item == NULL)
    return;
  switch (ct_wiki_item_get_item_type (item))
    {
    case CT_WIKI_ITEM_ENTITY:
      if (ct_wiki_item_get_id (item) > 0)
        g_signal_emit (self, signals[SIGNAL_ENTITY_ACTIVATED], 0, ct_wiki_item_get_id (item));
      break;
    case CT_WIKI_ITEM_POST:
      g_signal_emit (self, signals[SIGNAL_POST_ACTIVATED], 0, ct_wiki_item_get_path (item));
      break;
    case CT_WIKI_ITEM_HEADING:
    default:
      break;
    }
}

static void
activate_position (CtWikiSidebar *self,
                   GtkListView   *list,
                   guint          position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(CtWikiItem) item = g_list_model_get_item (model, position);

  activate_item (self, item);
}

static void
on_posts_activate_cb (CtWikiSidebar *self,
                      guint          position,
                      GtkListView   *list)
{
  activate_position (self, list, position);
}

static void
on_wiki_activate_cb (CtWikiSidebar *self,
                     guint          position,
                     GtkListView   *list)
{
  activate_position (self, list, position);
}

static void
on_timeline_activate_cb (CtWikiSidebar *self,
                         guint          position,
                         GtkListView   *list)
{
  activate_position (self, list, position);
}

static void
on_search_list_activate_cb (CtWikiSidebar *self,
                            guint          position,
                            GtkListView   *list)
{
  activate_position (self, list, position);
}

/* Search ---------------------------------------------------------------- */

/* Core marks matches with \x01 … \x02 in plain text; the label wants
 * Pango markup. Each piece between marks is escaped on its own (the
 * escaper would turn the marks themselves into character references). */
static char *
snippet_markup (const char *snippet)
{
  GString *markup = g_string_new (NULL);
  const char *p = snippet ? snippet : "";

  while (*p != '\0')
    {
      gsize run = strcspn (p, "\x01\x02");
      g_autofree char *escaped = g_markup_escape_text (p, (gssize) run);

      g_string_append (markup, escaped);
      p += run;
      if (*p == '\x01')
        g_string_append (markup, "<b>");
      else if (*p == '\x02')
        g_string_append (markup, "</b>");
      if (*p != '\0')
        p++;
    }
  return g_string_free (markup, FALSE);
}

static void
run_search (CtWikiSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->hits);
  if (self->wiki == NULL)
    return;
  if (text == NULL || *text == '\0')
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "browse");
      return;
    }

  hits = ct_wiki_search (self->wiki, text, SEARCH_LIMIT, &error);
  if (hits == NULL)
    {
      /* An unfinished query ("Ruska AND") is no reason to alarm anyone. */
      g_debug ("Search for “%s” failed: %s", text, error->message);
      gtk_stack_set_visible_child_name (self->mode_stack, "no-results");
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const CtSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr(CtWikiItem) item = NULL;
      g_autofree char *markup = snippet_markup (hit->snippet);

      if (hit->is_post)
        item = ct_wiki_item_new_post (hit->path, hit->title, NULL, FALSE, 0);
      else
        {
          g_autoptr(CtEntity) entity = ct_wiki_get_entity (self->wiki, hit->entity_id, NULL);

          if (entity == NULL)
            continue;
          item = ct_wiki_item_new_entity (entity->id, entity->kind, entity->title, NULL, entity->spoiler);
        }
      ct_wiki_item_set_snippet (item, markup);
      g_list_store_append (self->hits, item);
    }
  gtk_stack_set_visible_child_name (self->mode_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->hits)) > 0
                                    ? "search" : "no-results");
}

static void
on_search_changed_cb (CtWikiSidebar  *self,
                      GtkSearchEntry *entry)
{
  run_search (self);
}

static void
on_search_activate_cb (CtWikiSidebar  *self,
                       GtkSearchEntry *entry)
{
  g_autoptr(CtWikiItem) first = NULL;

  /* The entry's own delay may not have run the search yet. */
  run_search (self);
  first = g_list_model_get_item (G_LIST_MODEL (self->hits), 0);
  activate_item (self, first);
}

static void
on_stop_search_cb (CtWikiSidebar  *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Lists ----------------------------------------------------------------- */

/* Every event, on every change of the wiki while the Timeline page is
 * loaded: the list takes them in one change (one at a time, each a change
 * the list view handled, cost 0.8 s at 6,000 events). */
static void
reload_events (CtWikiSidebar *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (self->wiki != NULL)
    {
      events = ct_wiki_get_events (self->wiki, 0, &error);
      if (events == NULL)
        g_warning ("Cannot list the wiki's events: %s", error->message);
    }
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const CtEntity *event = g_ptr_array_index (events, i);

      g_ptr_array_add (items, ct_wiki_item_new_entity (event->id, event->kind, event->title,
                                                       event->summary, event->spoiler));
    }
  g_list_store_splice (self->events, 0, g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                       items->pdata, items->len);
}

void
ct_wiki_sidebar_reload_posts (CtWikiSidebar *self)
{
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CT_IS_WIKI_SIDEBAR (self));

  g_list_store_remove_all (self->posts);
  if (self->wiki != NULL)
    {
      posts = ct_wiki_list_posts (self->wiki, &error);
      if (posts == NULL)
        g_warning ("Cannot list the wiki's posts: %s", error->message);
    }
  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      const CtPost *post = g_ptr_array_index (posts, i);
      g_autoptr(CtWikiItem) item = ct_wiki_item_new_post (post->path, post->title, post->date,
                                                          post->draft, post->unresolved);

      g_list_store_append (self->posts, item);
    }
  gtk_stack_set_visible_child_name (self->posts_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->posts)) > 0
                                    ? "list" : "empty");
}

/* The Timeline page reads every event and film of the wiki and draws
 * each as a widget: in a wiki of 100,000 entities that is 10-20 s on the
 * main thread and some 45 MB, at start-up, for a page most sessions never
 * show. It is loaded the first time it is shown for a wiki, and
 * follows that wiki from then on. */
static void
load_timeline (CtWikiSidebar *self)
{
  if (self->timeline_loaded || self->wiki == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "timeline") != 0)
    return;
  self->timeline_loaded = TRUE;
  ct_timeline_view_set_wiki (self->timeline_view, self->wiki);
  reload_events (self);
}

static void
on_visible_page_changed_cb (CtWikiSidebar *self)
{
  load_timeline (self);
}

static void
on_wiki_changed_cb (CtWikiSidebar *self,
                    gint64         entity_id,
                    CtWiki        *wiki)
{
  /* The entity list reloads itself; events and hits are small lists. */
  if (self->timeline_loaded)
    reload_events (self);
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    run_search (self);
}

/* GObject --------------------------------------------------------------- */

static void
ct_wiki_sidebar_dispose (GObject *object)
{
  CtWikiSidebar *self = CT_WIKI_SIDEBAR (object);

  if (self->wiki != NULL)
    g_signal_handlers_disconnect_by_data (self->wiki, self);
  g_clear_object (&self->wiki);
  g_clear_object (&self->entities);
  g_clear_object (&self->posts);
  g_clear_object (&self->events);
  g_clear_object (&self->hits);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_WIKI_SIDEBAR);

  G_OBJECT_CLASS (ct_wiki_sidebar_parent_class)->dispose (object);
}

static void
ct_wiki_sidebar_class_init (CtWikiSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_wiki_sidebar_dispose;

  /* An entity row or search hit was activated: open the entity's page. */
  signals[SIGNAL_ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A post was activated: its path relative to the wiki folder. */
  signals[SIGNAL_POST_ACTIVATED] =
    g_signal_new ("post-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CT_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-wiki-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CtWikiSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, CtWikiSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CtWikiSidebar, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, CtWikiSidebar, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CtWikiSidebar, posts_stack);
  gtk_widget_class_bind_template_child (widget_class, CtWikiSidebar, posts_list);
  gtk_widget_class_bind_template_child (widget_class, CtWikiSidebar, wiki_list);
  gtk_widget_class_bind_template_child (widget_class, CtWikiSidebar, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, CtWikiSidebar, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, CtWikiSidebar, search_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_posts_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_wiki_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_list_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ct-wiki-sidebar");
}

static void
ct_wiki_sidebar_init (CtWikiSidebar *self)
{
  GtkListView *lists[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->posts = g_list_store_new (CT_TYPE_WIKI_ITEM);
  self->events = g_list_store_new (CT_TYPE_WIKI_ITEM);
  self->hits = g_list_store_new (CT_TYPE_WIKI_ITEM);

  lists[0] = self->posts_list;
  lists[1] = self->wiki_list;
  lists[2] = self->timeline_list;
  lists[3] = self->search_list;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GtkListItemFactory) factory = row_factory_new (self);

      gtk_list_view_set_factory (lists[i], factory);
    }
  set_list_model (self->posts_list, G_LIST_MODEL (self->posts));
  set_list_model (self->timeline_list, G_LIST_MODEL (self->events));
  set_list_model (self->search_list, G_LIST_MODEL (self->hits));
  set_list_model (self->wiki_list, NULL);
  gtk_stack_set_visible_child_name (self->mode_stack, "no-wiki");
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_page_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ct_wiki_sidebar_new (void)
{
  return g_object_new (CT_TYPE_WIKI_SIDEBAR, NULL);
}

void
ct_wiki_sidebar_set_wiki (CtWikiSidebar *self,
                          CtWiki        *wiki)
{
  g_return_if_fail (CT_IS_WIKI_SIDEBAR (self));
  g_return_if_fail (wiki == NULL || CT_IS_WIKI (wiki));

  if (self->wiki == wiki)
    return;

  if (self->wiki != NULL)
    g_signal_handlers_disconnect_by_data (self->wiki, self);
  g_set_object (&self->wiki, wiki);
  g_clear_object (&self->entities);

  if (wiki != NULL)
    {
      self->entities = ct_entity_list_model_new (wiki);
      g_signal_connect_object (wiki, "changed", G_CALLBACK (on_wiki_changed_cb), self, G_CONNECT_SWAPPED);
    }
  set_list_model (self->wiki_list, self->entities ? G_LIST_MODEL (self->entities) : NULL);
  /* Nothing of the previous wiki stays on the Timeline page. */
  self->timeline_loaded = FALSE;
  ct_timeline_view_set_wiki (self->timeline_view, NULL);
  g_list_store_remove_all (self->events);
  load_timeline (self);
  ct_wiki_sidebar_reload_posts (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), wiki != NULL);
  gtk_stack_set_visible_child_name (self->mode_stack, wiki != NULL ? "browse" : "no-wiki");
}

CtWiki *
ct_wiki_sidebar_get_wiki (CtWikiSidebar *self)
{
  g_return_val_if_fail (CT_IS_WIKI_SIDEBAR (self), NULL);
  return self->wiki;
}

void
ct_wiki_sidebar_focus_search (CtWikiSidebar *self)
{
  g_return_if_fail (CT_IS_WIKI_SIDEBAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
ct_wiki_sidebar_set_page (CtWikiSidebar *self,
                          const char    *name)
{
  g_return_if_fail (CT_IS_WIKI_SIDEBAR (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

GtkEditable *
_ct_wiki_sidebar_get_search_entry (CtWikiSidebar *self)
{
  g_return_val_if_fail (CT_IS_WIKI_SIDEBAR (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkListView *
_ct_wiki_sidebar_get_list (CtWikiSidebar *self,
                           const char    *name)
{
  g_return_val_if_fail (CT_IS_WIKI_SIDEBAR (self), NULL);

  if (g_strcmp0 (name, "posts") == 0)
    return self->posts_list;
  if (g_strcmp0 (name, "wiki") == 0)
    return self->wiki_list;
  if (g_strcmp0 (name, "timeline") == 0)
    return self->timeline_list;
  return self->search_list;
}

CtTimelineView *
_ct_wiki_sidebar_get_timeline_view (CtWikiSidebar *self)
{
  g_return_val_if_fail (CT_IS_WIKI_SIDEBAR (self), NULL);
  return self->timeline_view;
}
