#define G_LOG_DOMAIN "ct-timeline-svg"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ct-timeline-svg.h"

/* About 7 pixels per character at 13px in a sans font, 6 at 11px: SVG
 * cannot wrap text, and the writer cannot measure it, so long titles are
 * cut with an ellipsis (the whole title is in the item's <title> and
 * aria-label). */
#define CHAR_WIDTH       7.0
#define SMALL_CHAR_WIDTH 6.0

/* The dark variant, under @p: when the reader's system is dark unless the
 * page is forced light (a standalone page's light and print themes put
 * class "light" on <html>), and when the page is forced dark. In a .svg
 * file of its own, :root is the <svg>, which has no class. */
#define DARK_RULES(p) \
  p ".ct-tl-lane{fill:#303030;stroke:#4a4a4a}\n" \
  p ".ct-tl-lane-title," p ".ct-tl-title{fill:#ffffff}\n" \
  p ".ct-tl-group{fill:#3d3d3d}\n" \
  p ".ct-tl-group.ct-tl-unplaced{fill:#4a4030}\n" \
  p ".ct-tl-group-title," p ".ct-tl-when{fill:#c0bfbc}\n" \
  p ".ct-tl-box{fill:#242424;stroke:#77767b}\n" \
  p ".ct-tl-film .ct-tl-box{fill:#1c3a5e;stroke:#62a0ea}\n"

/* Colours in classes, with a dark variant, so a page's theme can restyle
 * them; the defaults follow GNOME's palette. */
static const char style[] =
  "<style>\n"
  ".ct-tl-lane{fill:#f6f5f4;stroke:#deddda}\n"
  ".ct-tl-lane-title{font:bold 14px sans-serif;fill:#241f31}\n"
  ".ct-tl-group{fill:#e8e6e3;stroke:none}\n"
  ".ct-tl-group.ct-tl-unplaced{fill:#fdf6e3}\n"
  ".ct-tl-group-title{font:bold 12px sans-serif;fill:#5e5c64}\n"
  ".ct-tl-box{fill:#ffffff;stroke:#9a9996}\n"
  ".ct-tl-film .ct-tl-box{fill:#dbe7f6;stroke:#3584e4}\n"
  ".ct-tl-spoiler .ct-tl-box{stroke:#c01c28;stroke-dasharray:4 3}\n"
  ".ct-tl-title{font:13px sans-serif;fill:#241f31}\n"
  ".ct-tl-when{font:11px sans-serif;fill:#5e5c64}\n"
  ".ct-tl-connector{fill:none;stroke:#3584e4;stroke-width:1.5;opacity:.7}\n"
  "@media (prefers-color-scheme:dark){\n"
  DARK_RULES (":root:not(.light) ")
  "}\n"
  DARK_RULES (":root.dark ")
  "</style>\n";

static void
num (GString *out,
     double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static void
esc (GString    *out,
     const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

/* @text cut to what fits @width, with an ellipsis. */
static char *
fit (const char *text,
     double      width,
     double      char_width)
{
  glong room = MAX (4, (glong) ((width - 16) / char_width));

  if (g_utf8_strlen (text, -1) <= room)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, room - 1);

    return g_strconcat (g_strchomp (head), "…", NULL);
  }
}

static void
rect (GString              *out,
      const char           *klass,
      const CtTimelineRect *r,
      double                radius)
{
  g_string_append_printf (out, "<rect class=\"%s\" x=\"", klass);
  num (out, r->x);
  g_string_append (out, "\" y=\"");
  num (out, r->y);
  g_string_append (out, "\" width=\"");
  num (out, r->width);
  g_string_append (out, "\" height=\"");
  num (out, r->height);
  g_string_append (out, "\" rx=\"");
  num (out, radius);
  g_string_append (out, "\"/>\n");
}

static void
text (GString    *out,
      const char *klass,
      double      x,
      double      y,
      const char *content,
      double      width)
{
  g_autofree char *shown = fit (content, width, g_str_equal (klass, "ct-tl-when") ? SMALL_CHAR_WIDTH : CHAR_WIDTH);

  g_string_append_printf (out, "<text class=\"%s\" x=\"", klass);
  num (out, x);
  g_string_append (out, "\" y=\"");
  num (out, y);
  g_string_append (out, "\">");
  esc (out, shown);
  g_string_append (out, "</text>\n");
}

static void
connector (GString                   *out,
           const CtTimelineConnector *c)
{
  double mid = (c->x1 + c->x2) / 2;

  g_string_append (out, "<path class=\"ct-tl-connector\" d=\"M");
  num (out, c->x1);
  g_string_append_c (out, ' ');
  num (out, c->y1);
  g_string_append (out, " C");
  num (out, mid);
  g_string_append_c (out, ' ');
  num (out, c->y1);
  g_string_append (out, " ");
  num (out, mid);
  g_string_append_c (out, ' ');
  num (out, c->y2);
  g_string_append (out, " ");
  num (out, c->x2);
  g_string_append_c (out, ' ');
  num (out, c->y2);
  g_string_append (out, "\"/>\n");
}

/* An event or film: a box with its title and a second line (when, or the
 * release), labelled, linked when @href gives a link. */
static void
item_box (GString              *out,
          const CtTimelineItem *item,
          const char           *klass,
          gboolean              spoiler,
          const char           *label,
          const char           *title,
          const char           *detail,
          const char           *url)
{
  g_string_append_printf (out, "<g class=\"%s%s\" aria-label=\"", klass, spoiler ? " ct-tl-spoiler" : "");
  esc (out, label);
  g_string_append (out, "\">\n<title>");
  esc (out, label);
  g_string_append (out, "</title>\n");
  if (url != NULL)
    {
      g_string_append (out, "<a href=\"");
      esc (out, url);
      g_string_append (out, "\">\n");
    }
  rect (out, "ct-tl-box", &item->rect, 6);
  text (out, "ct-tl-title", item->rect.x + 8, item->rect.y + 18, title, item->rect.width);
  if (detail != NULL)
    text (out, "ct-tl-when", item->rect.x + 8, item->rect.y + 35, detail, item->rect.width);
  if (url != NULL)
    g_string_append (out, "</a>\n");
  g_string_append (out, "</g>\n");
}

char *
ct_timeline_svg (const CtTimeline              *timeline,
                 const CtTimelineLayoutOptions *options,
                 CtTimelineHrefFunc             href,
                 gpointer                       user_data)
{
  g_autoptr(CtTimelineLayout) layout = ct_timeline_layout_new (timeline, options);
  GString *out = g_string_new (NULL);
  guint n_events = 0, n_films = 0;

  for (guint i = 0; i < layout->items->len; i++)
    {
      const CtTimelineItem *item = &g_array_index (layout->items, CtTimelineItem, i);

      n_events += item->kind == CT_TIMELINE_ITEM_EVENT;
      n_films += item->kind == CT_TIMELINE_ITEM_FILM;
    }

  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ct-timeline-drawing\" role=\"img\" width=\"");
  num (out, layout->width);
  g_string_append (out, "\" height=\"");
  num (out, layout->height);
  g_string_append (out, "\" viewBox=\"0 0 ");
  num (out, layout->width);
  g_string_append_c (out, ' ');
  num (out, layout->height);
  g_string_append (out, "\">\n<title>");
  esc (out, _("Timeline"));
  g_string_append (out, "</title>\n<desc>");
  {
    /* TRANSLATORS: the description of the drawn timeline, for screen readers:
     * "8 events in in-universe order, beside 6 films in release order." */
    g_autofree char *events = g_strdup_printf (ngettext ("%u event in in-universe order",
                                                         "%u events in in-universe order", n_events), n_events);
    g_autofree char *films = g_strdup_printf (ngettext ("beside %u film in release order",
                                                        "beside %u films in release order", n_films), n_films);
    g_autofree char *desc = g_strdup_printf (_("%s, %s; a line joins each run of events to its film."),
                                             events, films);
    esc (out, desc);
  }
  g_string_append (out, "</desc>\n");
  g_string_append (out, style);

  /* lanes and group bands first, then connectors, then boxes on top */
  for (guint i = 0; i < layout->items->len; i++)
    {
      const CtTimelineItem *item = &g_array_index (layout->items, CtTimelineItem, i);

      if (item->kind == CT_TIMELINE_ITEM_LANE)
        {
          rect (out, "ct-tl-lane", &item->rect, 8);
          text (out, "ct-tl-lane-title", item->heading.x + 8, item->heading.y + 21,
                ct_timeline_lane_title (item->index), item->heading.width);
        }
      else if (item->kind == CT_TIMELINE_ITEM_GROUP)
        {
          rect (out, item->unplaced ? "ct-tl-group ct-tl-unplaced" : "ct-tl-group", &item->rect, 6);
          text (out, "ct-tl-group-title", item->heading.x + 2, item->heading.y + 15,
                ct_timeline_group_title (timeline, item), item->heading.width);
        }
    }
  for (guint i = 0; i < layout->connectors->len; i++)
    connector (out, &g_array_index (layout->connectors, CtTimelineConnector, i));

  for (guint i = 0; i < layout->items->len; i++)
    {
      const CtTimelineItem *item = &g_array_index (layout->items, CtTimelineItem, i);

      if (item->kind == CT_TIMELINE_ITEM_EVENT)
        {
          const CtTimelineEvent *event = g_ptr_array_index (timeline->events, item->index);
          g_autofree char *label = ct_timeline_event_label (timeline, event);
          g_autofree char *url = href ? href (CT_ENTITY_EVENT, event->slug, event->id, user_data) : NULL;

          item_box (out, item, "ct-tl-event", event->spoiler, label, event->title, event->when, url);
        }
      else if (item->kind == CT_TIMELINE_ITEM_FILM)
        {
          const CtTimelineFilm *film = g_ptr_array_index (timeline->films, item->index);
          g_autofree char *label = ct_timeline_film_label (film);
          g_autofree char *url = href ? href (CT_ENTITY_FILM, film->slug, film->id, user_data) : NULL;

          item_box (out, item, "ct-tl-film", film->spoiler, label, film->title, film->release, url);
        }
    }
  g_string_append (out, "</svg>\n");
  return g_string_free (out, FALSE);
}
