#define G_LOG_DOMAIN "ct-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-timeline-canvas.h"
#include "ct-timeline-view.h"
#include "ct-title-list.h"
#include "ct-wiki-reader.h"

#define ZOOM_STEP     1.25
#define ZOOM_MIN      0.5
#define ZOOM_MAX      8.0
#define RELOAD_DELAY_MS 250
/* the problems list: up to this many rows shown whole, else scrolled */
#define FEW_PROBLEMS    4
#define PROBLEMS_HEIGHT 160

struct _CtTimelineView
{
  GtkWidget          parent_instance;

  CtWikiReader      *reader;        /* of the wiki shown */
  gboolean           compact;
  double             zoom;
  double             pinch_start;
  CtTitleList       *films;         /* film_filter's model: "All Films", then by release */
  CtTitleList       *characters;    /* character_filter's: "All Characters", then by title */
  gboolean           filling;       /* the dropdowns are being refilled */

  GtkWidget         *box;
  GtkWidget         *toolbar;
  GtkWidget         *zoom_out_button;
  GtkWidget         *zoom_in_button;
  GtkToggleButton   *reveal_button;
  GtkLabel          *hidden_label;
  GtkWidget         *open_button;
  GtkWidget         *filters;
  GtkDropDown       *film_filter;
  GtkDropDown       *character_filter;
  GtkWidget         *problems_scroller;
  GtkListView       *problems_list;
  GtkStringList     *problem_messages;  /* problems_list's model */
  GArray            *problems;      /* of Problem, one per message */
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  CtTimelineCanvas  *canvas;
};

G_DEFINE_FINAL_TYPE (CtTimelineView, ct_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void set_compact (CtTimelineView *self,
                         gboolean        compact);

/* What a problem's row needs beside its message. */
typedef struct {
  gint64   entity_id;
  gboolean error;
} Problem;

/* Reading, off the main thread ------------------------------------------ */

typedef struct {
  CtTimeline              *timeline;
  CtTitleListItems        *films;        /* the film filter's items */
  CtTitleListItems        *characters;   /* the events' participants, by title */
  CtTimelineLayoutOptions  options;      /* what the layout was made for */
  CtTimelineLayout        *layout;       /* or NULL */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->layout, ct_timeline_layout_free);
  g_clear_pointer (&loaded->timeline, ct_timeline_free);
  g_clear_pointer (&loaded->films, ct_title_list_items_free);
  g_clear_pointer (&loaded->characters, ct_title_list_items_free);
  g_free (loaded);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate ((*(CtEntity * const *) a)->title, (*(CtEntity * const *) b)->title);
}

/* On the reader's worker, with its own read-only connection. */
static gpointer
read_timeline (CtWiki        *wiki,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) characters = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_entity_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Loaded *loaded;

  loaded = g_new0 (Loaded, 1);
  loaded->timeline = ct_timeline_new (wiki, error);
  if (loaded->timeline == NULL)
    {
      loaded_free (loaded);
      return NULL;
    }
  for (guint e = 0; e < loaded->timeline->events->len; e++)
    {
      CtTimelineEvent *event = g_ptr_array_index (loaded->timeline->events, e);

      for (guint p = 0; p < event->participants->len; p++)
        {
          gint64 *id = &g_array_index (event->participants, gint64, p);
          CtEntity *character;

          if (g_hash_table_contains (seen, id))
            continue;
          g_hash_table_add (seen, id);
          character = ct_wiki_get_entity (wiki, *id, NULL);
          if (character != NULL)
            g_ptr_array_add (characters, character);
        }
    }
  g_ptr_array_sort (characters, compare_titles);

  /* the filters' items too: 10,000 films are too many to make in a frame */
  for (guint i = 0; i < loaded->timeline->films->len; i++)
    {
      CtTimelineFilm *film = g_ptr_array_index (loaded->timeline->films, i);

      g_ptr_array_add (titles, film->title);
      g_array_append_val (ids, film->id);
    }
  loaded->films = ct_title_list_items_new (_("All Films"), (const char * const *) titles->pdata,
                                           (const gint64 *) (gpointer) ids->data, titles->len);
  g_ptr_array_set_size (titles, 0);
  g_array_set_size (ids, 0);
  for (guint i = 0; i < characters->len; i++)
    {
      CtEntity *character = g_ptr_array_index (characters, i);

      g_ptr_array_add (titles, character->title);
      g_array_append_val (ids, character->id);
    }
  loaded->characters = ct_title_list_items_new (_("All Characters"), (const char * const *) titles->pdata,
                                                (const gint64 *) (gpointer) ids->data, titles->len);
  /* laid out here too, with the options shown when the read began: tens
   * of milliseconds at 20,000 events, no longer on the main thread */
  if (data != NULL)
    {
      loaded->options = *(CtTimelineLayoutOptions *) data;
      loaded->layout = ct_timeline_layout_new (loaded->timeline, &loaded->options);
    }
  return loaded;
}

static CtTimelineLayoutOptions
current_options (CtTimelineView *self)
{
  guint film = gtk_drop_down_get_selected (self->film_filter);
  guint character = gtk_drop_down_get_selected (self->character_filter);
  CtTimelineLayoutOptions options = {
    .zoom = self->zoom,
    .one_lane = self->compact,
    .show_spoilers = gtk_toggle_button_get_active (self->reveal_button),
  };

  options.film_id = ct_title_list_get_id (self->films, film);
  options.character_id = ct_title_list_get_id (self->characters, character);
  return options;
}

static void
update_hidden (CtTimelineView *self)
{
  guint hidden = ct_timeline_canvas_get_n_hidden (self->canvas);
  g_autofree char *text = NULL;

  if (hidden > 0)
    /* Translators: spoiler events and films the timeline does not show */
    text = g_strdup_printf (ngettext ("%u spoiler hidden", "%u spoilers hidden", hidden), hidden);
  gtk_label_set_text (self->hidden_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hidden_label), text != NULL);
}

/* Shows @items (taken) in @dropdown, keeping the entity that was chosen
 * when it is still there. A refresh after an edit mostly finds the same
 * entities: the list is then left as it is. */
static void
fill_filter (GtkDropDown      *dropdown,
             CtTitleList      *list,
             CtTitleListItems *items)
{
  gint64 chosen = ct_title_list_get_id (list, gtk_drop_down_get_selected (dropdown));

  if (ct_title_list_equal (list, items))
    {
      ct_title_list_items_free (items);
      return;
    }
  ct_title_list_set_items (list, items);
  gtk_drop_down_set_selected (dropdown, ct_title_list_find (list, chosen));
}

static void
fill_filters (CtTimelineView *self,
              Loaded         *loaded)
{
  self->filling = TRUE;
  fill_filter (self->film_filter, self->films, g_steal_pointer (&loaded->films));
  fill_filter (self->character_filter, self->characters, g_steal_pointer (&loaded->characters));
  self->filling = FALSE;
}

/* The problems, as rows of a list view: a wiki with hundreds of them
 * made a row widget each and measured them all in every frame that laid
 * the view out (seconds at 300 wrapped messages in the sidebar). */
static void
fill_problems (CtTimelineView *self,
               CtTimeline     *timeline)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();

  g_array_set_size (self->problems, 0);
  for (guint i = 0; i < timeline->problems->len; i++)
    {
      CtTimelineProblem *problem = g_ptr_array_index (timeline->problems, i);
      Problem row = { problem->entity_id, problem->diagnostic->severity == CT_SEVERITY_ERROR };

      g_array_append_val (self->problems, row);
      g_ptr_array_add (messages, problem->diagnostic->message);
    }
  g_ptr_array_add (messages, NULL);
  gtk_string_list_splice (self->problem_messages, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->problem_messages)),
                          (const char * const *) messages->pdata);
  /* a few rows take the room they need; more get a fixed height, as the
   * height a list view would need for all of them is found by measuring
   * every row, again for each width it is offered (seconds at 300) */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->problems_scroller),
                                                    timeline->problems->len <= FEW_PROBLEMS);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->problems_scroller),
                                              timeline->problems->len <= FEW_PROBLEMS ? -1 : PROBLEMS_HEIGHT);
  gtk_widget_set_visible (self->problems_scroller, timeline->problems->len > 0);
}

static void
setup_problem_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  CtTimelineView           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  /* one line each, the whole message in the tooltip: a wrapped label is
   * shaped again for every width it is measured at */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_problem_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 CtTimelineView           *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  guint position = gtk_list_item_get_position (list_item);
  const char *message = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  gboolean error = position < self->problems->len && g_array_index (self->problems, Problem, position).error;
  g_autofree char *spoken = g_strdup_printf ("%s: %s", error ? _("Error") : _("Warning"), message);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (icon, error ? "warning" : "error");
  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_set_tooltip_text (box, message);
  /* activating the row opens the entity to fix */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
on_problem_activate_cb (CtTimelineView *self,
                        guint           position,
                        GtkListView    *list)
{
  if (position < self->problems->len)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-entity", "x",
                                g_array_index (self->problems, Problem, position).entity_id);
}

static void
loaded_cb (gpointer      result,
           const GError *error,
           gpointer      data)
{
  CtTimelineView *self = CT_TIMELINE_VIEW (data);
  Loaded *loaded = result;
  CtTimelineLayoutOptions options;

  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot read the timeline: %s", error->message);
      return;
    }

  fill_filters (self, loaded);
  fill_problems (self, loaded->timeline);
  options = current_options (self);
  gtk_stack_set_visible_child_name (self->stack, loaded->timeline->events->len + loaded->timeline->films->len > 0
                                                 ? "drawing" : "empty");
  /* the worker's layout, unless a filter or the zoom changed meanwhile */
  if (loaded->layout != NULL
      && options.film_id == loaded->options.film_id && options.character_id == loaded->options.character_id
      && options.show_spoilers == loaded->options.show_spoilers && options.one_lane == loaded->options.one_lane
      && options.zoom == loaded->options.zoom)
    options.lane_width = loaded->options.lane_width;
  else
    g_clear_pointer (&loaded->layout, ct_timeline_layout_free);
  ct_timeline_canvas_set_timeline (self->canvas, ct_wiki_reader_get_wiki (self->reader),
                                   g_steal_pointer (&loaded->timeline), &options,
                                   g_steal_pointer (&loaded->layout));
  update_hidden (self);
  loaded_free (loaded);
}

static void
reload (CtTimelineView *self)
{
  CtTimelineLayoutOptions *options = g_new (CtTimelineLayoutOptions, 1);

  *options = current_options (self);
  options->lane_width = ct_timeline_canvas_get_lane_width (self->canvas, options);
  ct_wiki_reader_read (self->reader, options, g_free);
}

/* Filters and zoom --------------------------------------------------------- */

static void
on_filters_changed_cb (CtTimelineView *self)
{
  CtTimelineLayoutOptions options;

  if (self->filling || ct_timeline_canvas_get_timeline (self->canvas) == NULL)
    return;
  options = current_options (self);
  /* laid out on a worker: "laid-out" updates the count of hidden items */
  ct_timeline_canvas_set_options (self->canvas, &options, -1);
}

static void
on_laid_out_cb (CtTimelineView *self)
{
  update_hidden (self);
}

static void
update_zoom_actions (CtTimelineView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in", self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out", self->zoom > ZOOM_MIN);
}

/* Zooms to @zoom keeping the item nearest to @anchor_y (in the scrolled
 * window; negative: its middle) where it is on screen. Zoom stretches the
 * drawing from the top, so without this everything below the top slides
 * away from the pointer.
 *
 * The new layout is made on the canvas's worker (every item moves: more
 * than a frame at 20,000 events); the canvas moves the scroll position
 * together with the new size when it lands, before a frame draws
 * anything at the old position. */
static void
zoom_at (CtTimelineView *self,
         double          zoom,
         double          anchor_y)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (vadjustment);
  CtTimelineLayoutOptions options;
  graphene_point_t point;
  int anchor = -1;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (zoom == self->zoom)
    return;
  if (anchor_y < 0 || anchor_y > page)
    anchor_y = page / 2;
  if (gtk_widget_compute_point (GTK_WIDGET (self->scroller), GTK_WIDGET (self->canvas),
                                &GRAPHENE_POINT_INIT (0, anchor_y), &point))
    anchor = ct_timeline_canvas_get_slot_near (self->canvas, point.y);

  self->zoom = zoom;
  update_zoom_actions (self);
  options = current_options (self);
  ct_timeline_canvas_set_options (self->canvas, &options, anchor);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtTimelineView *self = CT_TIMELINE_VIEW (widget);

  /* buttons and keys have no pointer: the middle of the view stays */
  if (g_str_equal (action_name, "timeline.zoom-in"))
    ct_timeline_view_set_zoom (self, self->zoom * ZOOM_STEP);
  else
    ct_timeline_view_set_zoom (self, self->zoom / ZOOM_STEP);
}

/* Where @controller's current event happened, in @widget's coordinates;
 * FALSE for an event without a position. */
static gboolean
event_y (GtkEventController *controller,
         GtkWidget          *widget,
         double             *y)
{
  GdkEvent *event = gtk_event_controller_get_current_event (controller);
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double x, surface_y, dx, dy;

  if (event == NULL || native == NULL || !gdk_event_get_position (event, &x, &surface_y))
    return FALSE;
  /* event positions are the surface's; the native widget sits inside it */
  gtk_native_get_surface_transform (native, &dx, &dy);
  if (!gtk_widget_compute_point (GTK_WIDGET (native), widget, &GRAPHENE_POINT_INIT (x - dx, surface_y - dy), &point))
    return FALSE;
  *y = point.y;
  return TRUE;
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *scroll,
              double                    dx,
              double                    dy,
              CtTimelineView           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  double y = -1;

  /* Ctrl+scroll zooms; a plain scroll goes on to the scrolled window */
  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return GDK_EVENT_PROPAGATE;
  /* around the item under the pointer, as maps do */
  if (event_y (GTK_EVENT_CONTROLLER (scroll), GTK_WIDGET (self), &y))
    ct_timeline_view_zoom_around (self, dy < 0 ? self->zoom * ZOOM_STEP : self->zoom / ZOOM_STEP, y);
  else
    ct_timeline_view_set_zoom (self, dy < 0 ? self->zoom * ZOOM_STEP : self->zoom / ZOOM_STEP);
  return GDK_EVENT_STOP;
}

static void
on_pinch_begin_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   CtTimelineView   *self)
{
  self->pinch_start = self->zoom;
}

static void
on_pinch_scale_changed_cb (GtkGestureZoom *gesture,
                           double          scale,
                           CtTimelineView *self)
{
  double x, y;
  graphene_point_t point;

  /* around the middle of the fingers (the gesture is the scrolled window's) */
  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y)
      && gtk_widget_compute_point (GTK_WIDGET (self->scroller), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    ct_timeline_view_zoom_around (self, self->pinch_start * scale, point.y);
  else
    ct_timeline_view_set_zoom (self, self->pinch_start * scale);
}

/* GObject ---------------------------------------------------------------- */

static void
ct_timeline_view_dispose (GObject *object)
{
  CtTimelineView *self = CT_TIMELINE_VIEW (object);

  if (self->reader != NULL)
    ct_wiki_reader_cancel (self->reader);
  g_clear_object (&self->reader);
  g_clear_object (&self->films);
  g_clear_object (&self->characters);
  g_clear_object (&self->problem_messages);
  g_clear_pointer (&self->problems, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_TIMELINE_VIEW);

  G_OBJECT_CLASS (ct_timeline_view_parent_class)->dispose (object);
}

static void
ct_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CtTimelineView *self = CT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CtTimelineView *self = CT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_timeline_view_class_init (CtTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_KP_Add, GDK_KEY_equal };
  const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };

  object_class->dispose = ct_timeline_view_dispose;
  object_class->get_property = ct_timeline_view_get_property;
  object_class->set_property = ct_timeline_view_set_property;

  /* One lane, filters stacked, a button to open the tab: for the sidebar. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CT_TYPE_TIMELINE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/continuity/Continuity/ui/ct-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, box);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, open_button);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, filters);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, film_filter);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, character_filter);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, problems_scroller);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, problems_list);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CtTimelineView, canvas);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_laid_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activate_cb);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_in_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], 0, "timeline.zoom-in", NULL);
      gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], 0, "timeline.zoom-out", NULL);
      gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
    }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ct-timeline-view");
}

/* Names the search entry that @root's popover holds, when it has one. */
static gboolean
name_search (GtkWidget  *root,
             const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          return TRUE;
        }
      if (name_search (child, name))
        return TRUE;
    }
  return FALSE;
}

static void
ct_timeline_view_init (CtTimelineView *self)
{
  GtkEventController *scroll;
  GtkGesture *pinch;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom = 1;
  /* a burst of edits (an import, an undo of many facts) reads once */
  self->reader = ct_wiki_reader_new (RELOAD_DELAY_MS, read_timeline, (GDestroyNotify) loaded_free, loaded_cb, self);
  g_signal_connect_object (self->reader, "refresh", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  /* GTK 4.8 gives the search entry inside a dropdown no name of its own */
  name_search (GTK_WIDGET (self->film_filter), _("Search Films"));
  name_search (GTK_WIDGET (self->character_filter), _("Search Characters"));
  /* one model each for good, refilled in one change per read */
  self->films = ct_title_list_new ();
  self->characters = ct_title_list_new ();
  gtk_drop_down_set_model (self->film_filter, G_LIST_MODEL (self->films));
  gtk_drop_down_set_model (self->character_filter, G_LIST_MODEL (self->characters));

  self->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  self->problem_messages = gtk_string_list_new (NULL);
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problem_messages)));

    g_signal_connect (factory, "setup", G_CALLBACK (setup_problem_cb), self);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_problem_cb), self);
    gtk_list_view_set_factory (self->problems_list, factory);
    gtk_list_view_set_model (self->problems_list, GTK_SELECTION_MODEL (selection));
  }

  /* capture: before the scrolled window scrolls */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (pinch));

  update_zoom_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
ct_timeline_view_new (gboolean compact)
{
  return g_object_new (CT_TYPE_TIMELINE_VIEW, "compact", compact, NULL);
}

static void
set_compact (CtTimelineView *self,
             gboolean        compact)
{
  self->compact = compact;
  /* The canvas measures itself for the lanes it will draw, and the
   * sidebar's page is measured (the sidebar's width) before it first loads. */
  {
    CtTimelineLayoutOptions options = *ct_timeline_canvas_get_options (self->canvas);

    options.one_lane = compact;
    ct_timeline_canvas_set_options (self->canvas, &options, -1);
  }
  gtk_widget_set_visible (self->open_button, compact);
  /* the sidebar has no room for two lanes side by side */
  gtk_scrolled_window_set_policy (self->scroller, compact ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  if (compact)
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters), GTK_ORIENTATION_VERTICAL);
  /* a tab is wider than the drawing: keep it in the middle */
  gtk_widget_set_halign (GTK_WIDGET (self->canvas), compact ? GTK_ALIGN_FILL : GTK_ALIGN_CENTER);
}

void
ct_timeline_view_set_wiki (CtTimelineView *self,
                           CtWiki         *wiki)
{
  g_return_if_fail (CT_IS_TIMELINE_VIEW (self));
  g_return_if_fail (wiki == NULL || CT_IS_WIKI (wiki));

  if (ct_wiki_reader_get_wiki (self->reader) == wiki)
    return;
  ct_wiki_reader_set_wiki (self->reader, wiki);
  if (wiki == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  reload (self);
}

CtWiki *
ct_timeline_view_get_wiki (CtTimelineView *self)
{
  g_return_val_if_fail (CT_IS_TIMELINE_VIEW (self), NULL);
  return ct_wiki_reader_get_wiki (self->reader);
}

double
ct_timeline_view_get_zoom (CtTimelineView *self)
{
  g_return_val_if_fail (CT_IS_TIMELINE_VIEW (self), 1);
  return self->zoom;
}

void
ct_timeline_view_set_zoom (CtTimelineView *self,
                           double          zoom)
{
  g_return_if_fail (CT_IS_TIMELINE_VIEW (self));

  zoom_at (self, zoom, -1);
}

void
ct_timeline_view_zoom_around (CtTimelineView *self,
                              double          zoom,
                              double          y)
{
  graphene_point_t point;

  g_return_if_fail (CT_IS_TIMELINE_VIEW (self));

  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->scroller), &GRAPHENE_POINT_INIT (0, y), &point))
    point.y = -1;
  zoom_at (self, zoom, point.y);
}

gboolean
_ct_timeline_view_is_ready (CtTimelineView *self)
{
  return !ct_wiki_reader_is_busy (self->reader) && !ct_timeline_canvas_is_laying_out (self->canvas);
}

GtkWidget *
_ct_timeline_view_get_canvas (CtTimelineView *self)
{
  return GTK_WIDGET (self->canvas);
}

guint
_ct_timeline_view_get_n_problems (CtTimelineView *self)
{
  return self->problems->len;
}

const char *
_ct_timeline_view_get_problem (CtTimelineView *self,
                               guint           index)
{
  return gtk_string_list_get_string (self->problem_messages, index);
}
