/* ct-timeline-paint.c — what the timeline canvas draws itself: the
 * lanes, the film bands with their headings, the connectors. */
#define G_LOG_DOMAIN "ct-timeline-canvas"

#include "config.h"

#include "ct-timeline-paint.h"

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static void
fill_rounded (GtkSnapshot          *snapshot,
              const CtTimelineRect *r,
              float                 radius,
              const GdkRGBA        *color)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height);
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &rect);
  gtk_snapshot_pop (snapshot);
}

static void
draw_text (GtkWidget            *widget,
           GtkSnapshot          *snapshot,
           const CtTimelineRect *r,
           const char           *text,
           gboolean              large,
           const GdkRGBA        *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attributes = pango_attr_list_new ();
  int height;

  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (!large)
    pango_attr_list_insert (attributes, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_width (layout, (int) ((r->width - 8) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (r->x + 4, r->y + (r->height - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  pango_attr_list_unref (attributes);
  g_object_unref (layout);
}

static void
draw_connectors (GtkSnapshot            *snapshot,
                 const CtTimelineLayout *layout,
                 double                  top,
                 double                  bottom,
                 const GdkRGBA          *accent)
{
  cairo_t *cr;

  if (layout->connectors->len == 0 || bottom <= top)
    return;
  /* GskPath is GTK 4.14: the curves go through cairo, on a surface the
   * size of the visible part only */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, top, layout->width, bottom - top));
  gdk_cairo_set_source_rgba (cr, accent);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < layout->connectors->len; i++)
    {
      const CtTimelineConnector *c = &g_array_index (layout->connectors, CtTimelineConnector, i);
      double mid = (c->x1 + c->x2) / 2;

      if (MAX (c->y1, c->y2) + 3 < top || MIN (c->y1, c->y2) - 3 > bottom)
        continue;
      cairo_move_to (cr, c->x1, c->y1);
      cairo_curve_to (cr, mid, c->y1, mid, c->y2, c->x2, c->y2);
      cairo_stroke (cr);
      cairo_arc (cr, c->x2 - 3, c->y2, 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

void
ct_timeline_paint (GtkWidget              *widget,
                   GtkSnapshot            *snapshot,
                   const CtTimeline       *timeline,
                   const CtTimelineLayout *layout,
                   double                  top,
                   double                  bottom)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA fg, accent, warning, lane, band, unplaced, dim;

  top = MAX (top, 0);
  bottom = MIN (bottom, layout->height);
  if (bottom <= top)
    return;
  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };
  if (!gtk_style_context_lookup_color (style, "warning_color", &warning))
    warning = (GdkRGBA) { 0.9, 0.65, 0.04, 1 };
  /* shades of the text colour: right in light and dark alike */
  lane = with_alpha (&fg, 0.04);
  band = with_alpha (&fg, 0.07);
  unplaced = with_alpha (&warning, 0.18);
  dim = with_alpha (&fg, 0.7);
  accent = with_alpha (&accent, 0.8);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, top, layout->width, bottom - top));
  for (guint i = 0; i < layout->items->len; i++)
    {
      const CtTimelineItem *item = &g_array_index (layout->items, CtTimelineItem, i);

      if (item->rect.y > bottom || item->rect.y + item->rect.height < top)
        continue;
      if (item->kind == CT_TIMELINE_ITEM_LANE)
        {
          fill_rounded (snapshot, &item->rect, 10, &lane);
          draw_text (widget, snapshot, &item->heading, ct_timeline_lane_title (item->index), TRUE, &fg);
        }
      else if (item->kind == CT_TIMELINE_ITEM_GROUP)
        {
          fill_rounded (snapshot, &item->rect, 8, item->unplaced ? &unplaced : &band);
          draw_text (widget, snapshot, &item->heading, ct_timeline_group_title (timeline, item), FALSE, &dim);
        }
    }
  draw_connectors (snapshot, layout, top, bottom, &accent);
  gtk_snapshot_pop (snapshot);
}
