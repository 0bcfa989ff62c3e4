#define G_LOG_DOMAIN "ct-spell"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-document.h"
#include "ct-spell.h"
#include "ct-spell-highlighter.h"
#include "ct-spell-private.h"
#include "ct-text-mirror.h"
#include "ct-wiki-reader.h"

/* When to check and where (the menu is in ct-spell-menu.c):
 *
 * - A change in the buffer widens the "dirty" span (two marks) and
 *   restarts a short timeout; scrolling restarts a shorter one. Typing
 *   itself never checks anything.
 * - When the timeout fires, the windows to check are the lines on screen
 *   (with a screen's worth around them, so a small scroll finds them
 *   done) and the dirty span. The text is copied and a worker finds the
 *   prose (cmark over the whole post: a code fence far above decides what
 *   is code here) and checks the windows' words.
 * - Back on the main thread the answer is dropped if the text changed in
 *   the meantime (another check follows); otherwise the tag is cleared in
 *   the windows and set on each misspelt word.
 *
 * Offsets cross threads as characters, which is what GtkTextIter counts;
 * the worker converts from the bytes core works in. */

#define CHECK_AFTER_EDIT_MS   400
#define CHECK_AFTER_SCROLL_MS 120
#define MAX_DIRTY_LINES       2000   /* a bigger paste is checked as it scrolls by */

#define WIKI_SETTLE_MS        500
#define SPELL_TAG             "ct-spell-misspelt"

struct _CtSpellHighlighter
{
  GObject          parent_instance;

  GtkTextView     *view;       /* weak: the page owns us both */
  GtkTextBuffer   *buffer;
  GtkTextTag      *tag;
  GSettings       *settings;
  CtWikiReader    *names_reader; /* the wiki's names, read in a thread */
  GStrv            wiki_names;
  gboolean         names_pending; /* the first names of a wiki are not in yet */
  CtSpellChecker  *checker;    /* the language last checked in */
  char            *chosen;     /* the writer's choice for this document */
  char            *problem;
  gboolean         enabled;

  GtkTextMark     *dirty_start;  /* NULL when nothing was edited since the last check */
  GtkTextMark     *dirty_end;
  guint64          edits;
  guint            check_source;
  CtTextMirror    *mirror;       /* the page's copy of the text, edit by edit (not ours) */
  GCancellable    *cancellable;  /* of the job with the worker, else NULL */
  gboolean         again;        /* asked to check while a job ran */
  guint            checks;

  CtSpellMenu      menu;
};

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_LANGUAGE,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CtSpellHighlighter, ct_spell_highlighter, G_TYPE_OBJECT)

/* ---- scheduling, on the main thread ---- */

static void schedule_check (CtSpellHighlighter *self,
                            guint               delay);

static void
set_tag (CtSpellHighlighter *self,
         const CtTextRange  *r,
         gboolean            on)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, (int) r->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, (int) r->end);
  if (on)
    gtk_text_buffer_apply_tag (self->buffer, self->tag, &a, &b);
  else
    gtk_text_buffer_remove_tag (self->buffer, self->tag, &a, &b);
}

/* The underlined ranges wholly inside @w, in order. */
static GArray *
tagged_in (CtSpellHighlighter *self,
           const CtTextRange  *w)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (CtTextRange));
  GtkTextIter iter, end;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, (int) w->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, (int) w->end);
  if (!gtk_text_iter_starts_tag (&iter, self->tag)
      && !gtk_text_iter_forward_to_tag_toggle (&iter, self->tag))
    return ranges;
  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextIter off = iter;
      CtTextRange r;

      if (gtk_text_iter_starts_tag (&iter, self->tag))
        {
          gtk_text_iter_forward_to_tag_toggle (&off, self->tag);
          r.start = gtk_text_iter_get_offset (&iter);
          r.end = gtk_text_iter_get_offset (&off);
          if (r.end <= w->end)
            g_array_append_val (ranges, r);
        }
      iter = off;
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, self->tag))
        break;
    }
  return ranges;
}

/* Brings the underlines inside @w to @found, touching only what changed:
 * every tag change redraws its lines, and redrawing a long line is the
 * slowest thing a text view does. */
static void
update_window (CtSpellHighlighter *self,
               const CtTextRange  *w,
               GArray             *found)
{
  g_autoptr(GArray) old = tagged_in (self, w);
  guint i = 0, k = 0;

  while (k < found->len && g_array_index (found, CtTextRange, k).start < w->start)
    k++;
  for (;;)
    {
      const CtTextRange *o = i < old->len ? &g_array_index (old, CtTextRange, i) : NULL;
      const CtTextRange *n = k < found->len ? &g_array_index (found, CtTextRange, k) : NULL;

      if (n != NULL && n->end > w->end)
        n = NULL;
      if (o == NULL && n == NULL)
        break;
      if (o != NULL && n != NULL && o->start == n->start && o->end == n->end)
        i++, k++;
      else if (n == NULL || (o != NULL && o->start < n->start))
        set_tag (self, &g_array_index (old, CtTextRange, i++), FALSE);
      else
        set_tag (self, &g_array_index (found, CtTextRange, k++), TRUE);
    }
}

static void
set_problem (CtSpellHighlighter *self,
             const char         *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CtSpellHighlighter *self = CT_SPELL_HIGHLIGHTER (object);
  CtSpellJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* cancelled: disposed, or switched off, and nothing to show */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Spelling check failed: %s", error->message);
      g_clear_object (&self->cancellable);
      return;
    }
  g_clear_object (&self->cancellable);
  self->checks++;

  if (job->used == NULL)
    {
      /* no dictionary: say so, underline nothing */
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->tag, &start, &end);
      g_clear_object (&self->checker);
      set_problem (self, job->problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
    }
  else if (job->edits == self->edits && job->found != NULL)
    {
      gboolean new_language = self->checker != job->used;

      g_set_object (&self->checker, job->used);
      set_problem (self, NULL);
      for (guint i = 0; i < job->windows->len; i++)
        update_window (self, &g_array_index (job->windows, CtTextRange, i), job->found);
      if (new_language)
        {
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
          _ct_spell_menu_update_languages (self, &self->menu);
        }
    }
  else
    self->again = TRUE;  /* the text moved on: check what it is now */

  if (self->again)
    {
      self->again = FALSE;
      schedule_check (self, CHECK_AFTER_SCROLL_MS);
    }
}

static void
add_window (GArray *windows,
            int     start,
            int     end)
{
  CtTextRange r = { start, end };

  if (end > start)
    g_array_append_val (windows, r);
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const CtTextRange *ra = a, *rb = b;

  return ra->start < rb->start ? -1 : ra->start > rb->start;
}

/* The visible lines with a screen around them, and what was edited. */
static GArray *
windows_to_check (CtSpellHighlighter *self)
{
  GArray *windows = g_array_new (FALSE, FALSE, sizeof (CtTextRange));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (CtTextRange));
  GdkRectangle rect;
  GtkTextIter top, bottom;
  int lines;

  gtk_text_view_get_visible_rect (self->view, &rect);
  gtk_text_view_get_line_at_y (self->view, &top, rect.y, NULL);
  gtk_text_view_get_line_at_y (self->view, &bottom, rect.y + rect.height, NULL);
  lines = MAX (gtk_text_iter_get_line (&bottom) - gtk_text_iter_get_line (&top), 20);
  gtk_text_iter_backward_lines (&top, lines);
  gtk_text_iter_set_line_offset (&top, 0);
  gtk_text_iter_forward_lines (&bottom, lines + 1);
  add_window (windows, gtk_text_iter_get_offset (&top), gtk_text_iter_get_offset (&bottom));

  if (self->dirty_start != NULL)
    {
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &a, self->dirty_start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &b, self->dirty_end);
      if (gtk_text_iter_get_line (&b) - gtk_text_iter_get_line (&a) <= MAX_DIRTY_LINES)
        {
          gtk_text_iter_backward_line (&a);
          gtk_text_iter_set_line_offset (&a, 0);
          gtk_text_iter_forward_lines (&b, 2);
          add_window (windows, gtk_text_iter_get_offset (&a), gtk_text_iter_get_offset (&b));
        }
      gtk_text_buffer_delete_mark (self->buffer, self->dirty_start);
      gtk_text_buffer_delete_mark (self->buffer, self->dirty_end);
      self->dirty_start = self->dirty_end = NULL;
    }

  g_array_sort (windows, compare_ranges);
  for (guint i = 0; i < windows->len; i++)
    {
      CtTextRange *w = &g_array_index (windows, CtTextRange, i);
      CtTextRange *last = merged->len ? &g_array_index (merged, CtTextRange, merged->len - 1) : NULL;

      if (last != NULL && w->start <= last->end)
        last->end = MAX (last->end, w->end);
      else
        g_array_append_val (merged, *w);
    }
  g_array_unref (windows);
  return merged;
}

static gboolean
check_cb (gpointer user_data)
{
  CtSpellHighlighter *self = user_data;
  g_autoptr(GTask) task = NULL;
  CtSpellJob *job;

  self->check_source = 0;
  if (self->cancellable != NULL)
    {
      /* one job at a time: this one follows when it is done */
      self->again = TRUE;
      return G_SOURCE_REMOVE;
    }
  if (!self->enabled || !gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    return G_SOURCE_REMOVE;
  /* the wiki's names come first, or its every name would be underlined;
   * their arrival checks again */
  if (self->names_pending)
    return G_SOURCE_REMOVE;

  job = g_new0 (CtSpellJob, 1);
  job->text = ct_text_mirror_dup (self->mirror, &job->length);
  job->chosen = g_strdup (self->chosen);
  job->checker = self->checker ? g_object_ref (self->checker) : NULL;
  job->wiki_names = g_strdupv (self->wiki_names);
  job->windows = windows_to_check (self);
  job->edits = self->edits;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  g_task_set_source_tag (task, check_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) _ct_spell_job_free);
  g_task_run_in_thread (task, _ct_spell_job_run);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (CtSpellHighlighter *self,
                guint               delay)
{
  if (!self->enabled)
    return;
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (delay, check_cb, self);
}

/* Called by the menu after the words it knows changed. */
void
_ct_spell_highlighter_recheck (CtSpellHighlighter *self)
{
  schedule_check (self, CHECK_AFTER_SCROLL_MS);
}

static void
widen_dirty (CtSpellHighlighter *self,
             const GtkTextIter  *start,
             const GtkTextIter  *end)
{
  if (self->dirty_start == NULL)
    {
      self->dirty_start = gtk_text_buffer_create_mark (self->buffer, NULL, start, TRUE);
      self->dirty_end = gtk_text_buffer_create_mark (self->buffer, NULL, end, FALSE);
      return;
    }
  {
    GtkTextIter a, b;

    gtk_text_buffer_get_iter_at_mark (self->buffer, &a, self->dirty_start);
    gtk_text_buffer_get_iter_at_mark (self->buffer, &b, self->dirty_end);
    if (gtk_text_iter_compare (start, &a) < 0)
      gtk_text_buffer_move_mark (self->buffer, self->dirty_start, start);
    if (gtk_text_iter_compare (end, &b) > 0)
      gtk_text_buffer_move_mark (self->buffer, self->dirty_end, end);
  }
}

static void
on_insert_text_cb (CtSpellHighlighter *self,
                   GtkTextIter        *location,
                   const char         *text,
                   int                 length,
                   GtkTextBuffer      *buffer)
{
  /* after the default handler: @location is past the new text */
  GtkTextIter start = *location;

  gtk_text_iter_backward_chars (&start, (int) g_utf8_strlen (text, length));
  widen_dirty (self, &start, location);
}

static void
on_delete_range_cb (CtSpellHighlighter *self,
                    GtkTextIter        *start,
                    GtkTextIter        *end,
                    GtkTextBuffer      *buffer)
{
  widen_dirty (self, start, start);
}

static void
on_changed_cb (CtSpellHighlighter *self,
               GtkTextBuffer      *buffer)
{
  self->edits++;
  schedule_check (self, CHECK_AFTER_EDIT_MS);
}

static void
on_scrolled_cb (CtSpellHighlighter *self)
{
  /* while typing, the edit's own timeout covers the screen too */
  if (self->check_source == 0)
    schedule_check (self, CHECK_AFTER_SCROLL_MS);
}

/* The wiki's titles and aliases, on the reader's connection of its own:
 * a wiki of 100,000 entities took ~270 ms on the main thread, a stall
 * right after a window opens a post in it and after every change to it. */
static gpointer
read_names (CtWiki        *wiki,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return ct_spell_wiki_names (wiki, error);
}

static void
set_wiki_names (CtSpellHighlighter *self,
                GStrv               names)
{
  self->names_pending = FALSE;
  g_strfreev (self->wiki_names);
  self->wiki_names = names;
  if (self->checker != NULL)
    ct_spell_checker_set_wiki_names (self->checker, (const char * const *) self->wiki_names);
  schedule_check (self, CHECK_AFTER_SCROLL_MS);
}

static void
names_read_cb (gpointer      result,
               const GError *error,
               gpointer      user_data)
{
  CtSpellHighlighter *self = user_data;

  /* Not a warning: a wiki folder moved or deleted while its post is
   * open is the user's doing, and the sidebar says so; spelling goes on
   * without the names until the wiki can be read again. */
  if (result == NULL)
    {
      g_debug ("Spelling cannot read the wiki's names: %s", error->message);
      result = g_new0 (char *, 1);
    }
  set_wiki_names (self, result);
}

/* Entity pages commit change by change: the reader asks once they settle. */
static void
on_names_refresh_cb (CtSpellHighlighter *self)
{
  ct_wiki_reader_read (self->names_reader, NULL, NULL);
}

static char *
document_key (CtSpellHighlighter *self)
{
  GFile *file = ct_document_get_file (CT_DOCUMENT (self->buffer));

  return file != NULL ? g_file_get_uri (file) : NULL;
}

/* The language chosen for this file before, if any. */
static void
on_file_changed_cb (CtSpellHighlighter *self)
{
  g_autofree char *key = document_key (self);
  g_autoptr(GVariant) chosen = g_settings_get_value (self->settings, "spell-languages");
  const char *language = NULL;

  if (key != NULL && g_variant_lookup (chosen, key, "&s", &language))
    ct_spell_highlighter_set_chosen_language (self, language);
}

static void
remember_choice (CtSpellHighlighter *self)
{
  g_autofree char *key = document_key (self);
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  if (key == NULL)
    return;
  old = g_settings_get_value (self->settings, "spell-languages");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&builder, "{ss}", k, v);
  if (self->chosen != NULL)
    g_variant_builder_add (&builder, "{ss}", key, self->chosen);
  g_settings_set_value (self->settings, "spell-languages", g_variant_builder_end (&builder));
}

static void
ct_spell_highlighter_dispose (GObject *object)
{
  CtSpellHighlighter *self = CT_SPELL_HIGHLIGHTER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->names_reader != NULL)
    ct_wiki_reader_cancel (self->names_reader);
  g_clear_object (&self->names_reader);
  _ct_spell_menu_clear (&self->menu);

  G_OBJECT_CLASS (ct_spell_highlighter_parent_class)->dispose (object);
}

static void
ct_spell_highlighter_finalize (GObject *object)
{
  CtSpellHighlighter *self = CT_SPELL_HIGHLIGHTER (object);

  g_clear_object (&self->settings);
  self->mirror = NULL;
  g_clear_object (&self->checker);
  g_strfreev (self->wiki_names);
  g_free (self->chosen);
  g_free (self->problem);

  G_OBJECT_CLASS (ct_spell_highlighter_parent_class)->finalize (object);
}

static void
ct_spell_highlighter_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CtSpellHighlighter *self = CT_SPELL_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, ct_spell_highlighter_get_language (self));
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_spell_highlighter_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CtSpellHighlighter *self = CT_SPELL_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      ct_spell_highlighter_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_spell_highlighter_class_init (CtSpellHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_spell_highlighter_dispose;
  object_class->finalize = ct_spell_highlighter_finalize;
  object_class->get_property = ct_spell_highlighter_get_property;
  object_class->set_property = ct_spell_highlighter_set_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ct_spell_highlighter_init (CtSpellHighlighter *self)
{
  self->settings = g_settings_new (APP_ID);
  self->names_reader = ct_wiki_reader_new (WIKI_SETTLE_MS, read_names, (GDestroyNotify) g_strfreev,
                                           names_read_cb, self);
  g_signal_connect_object (self->names_reader, "refresh", G_CALLBACK (on_names_refresh_cb), self,
                           G_CONNECT_SWAPPED);
}

CtSpellHighlighter *
ct_spell_highlighter_new (GtkTextView  *view,
                          CtTextMirror *mirror)
{
  CtSpellHighlighter *self;
  GtkAdjustment *vadj;
  GdkRGBA rgba;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (CT_IS_DOCUMENT (gtk_text_view_get_buffer (view)), NULL);

  self = g_object_new (CT_TYPE_SPELL_HIGHLIGHTER, NULL);
  self->view = view;
  self->buffer = gtk_text_view_get_buffer (view);
  self->mirror = mirror;

  /* Blue, wavy: apart from the red and yellow of reference problems, and
   * light enough to read on the dark scheme's background too. */
  gdk_rgba_parse (&rgba, "#3584e4");
  self->tag = gtk_text_buffer_create_tag (self->buffer, SPELL_TAG,
                                          "underline", PANGO_UNDERLINE_ERROR,
                                          "underline-rgba", &rgba,
                                          NULL);

  g_signal_connect_object (self->buffer, "insert-text",
                           G_CALLBACK (on_insert_text_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "delete-range",
                           G_CALLBACK (on_delete_range_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "notify::file",
                           G_CALLBACK (on_file_changed_cb), self, G_CONNECT_SWAPPED);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  if (vadj != NULL)
    {
    /* not "changed": it fires all along while a long post is laid out */
    g_signal_connect_object (vadj, "value-changed", G_CALLBACK (on_scrolled_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (view, "map", G_CALLBACK (on_scrolled_cb), self, G_CONNECT_SWAPPED);

  _ct_spell_menu_init (self, &self->menu, view);
  g_settings_bind (self->settings, "spell-check", self, "enabled", G_SETTINGS_BIND_GET);
  return self;
}

void
ct_spell_highlighter_set_wiki (CtSpellHighlighter *self,
                               CtWiki             *wiki)
{
  g_return_if_fail (CT_IS_SPELL_HIGHLIGHTER (self));

  ct_wiki_reader_set_wiki (self->names_reader, wiki);
  self->names_pending = ct_wiki_reader_read (self->names_reader, NULL, NULL);
  if (!self->names_pending)
    set_wiki_names (self, g_new0 (char *, 1));
}

gboolean
ct_spell_highlighter_get_enabled (CtSpellHighlighter *self)
{
  g_return_val_if_fail (CT_IS_SPELL_HIGHLIGHTER (self), FALSE);
  return self->enabled;
}

void
ct_spell_highlighter_set_enabled (CtSpellHighlighter *self,
                                  gboolean            enabled)
{
  g_return_if_fail (CT_IS_SPELL_HIGHLIGHTER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  if (enabled)
    schedule_check (self, CHECK_AFTER_SCROLL_MS);
  else
    {
      GtkTextIter start, end;

      g_clear_handle_id (&self->check_source, g_source_remove);
          g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->tag, &start, &end);
    }
  _ct_spell_menu_update_languages (self, &self->menu);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

void
ct_spell_highlighter_set_chosen_language (CtSpellHighlighter *self,
                                          const char         *language)
{
  g_return_if_fail (CT_IS_SPELL_HIGHLIGHTER (self));

  if (language != NULL && *language == '\0')
    language = NULL;
  if (g_strcmp0 (self->chosen, language) == 0)
    return;
  g_free (self->chosen);
  self->chosen = g_strdup (language);
  remember_choice (self);
  _ct_spell_menu_update_languages (self, &self->menu);
  /* every word may change: the whole screen again */
  schedule_check (self, 0);
}

const char *
_ct_spell_highlighter_get_chosen_language (CtSpellHighlighter *self)
{
  return self->chosen;
}

const char *
ct_spell_highlighter_get_language (CtSpellHighlighter *self)
{
  g_return_val_if_fail (CT_IS_SPELL_HIGHLIGHTER (self), NULL);
  return self->checker != NULL ? ct_spell_checker_get_language (self->checker) : NULL;
}

const char *
ct_spell_highlighter_get_problem (CtSpellHighlighter *self)
{
  g_return_val_if_fail (CT_IS_SPELL_HIGHLIGHTER (self), NULL);
  return self->problem;
}

GtkTextTag *
ct_spell_highlighter_get_tag (CtSpellHighlighter *self)
{
  g_return_val_if_fail (CT_IS_SPELL_HIGHLIGHTER (self), NULL);
  return self->tag;
}

CtSpellChecker *
_ct_spell_highlighter_get_checker (CtSpellHighlighter *self)
{
  return self->checker;
}

GtkTextBuffer *
_ct_spell_highlighter_get_buffer (CtSpellHighlighter *self)
{
  return self->buffer;
}

GMenuModel *
ct_spell_highlighter_get_menu (CtSpellHighlighter *self)
{
  g_return_val_if_fail (CT_IS_SPELL_HIGHLIGHTER (self), NULL);
  return G_MENU_MODEL (self->menu.section);
}

gboolean
ct_spell_highlighter_update_menu_at (CtSpellHighlighter *self,
                                     const GtkTextIter  *iter)
{
  g_return_val_if_fail (CT_IS_SPELL_HIGHLIGHTER (self), FALSE);
  return _ct_spell_menu_update_at (self, &self->menu, iter);
}

guint
ct_spell_highlighter_get_checks (CtSpellHighlighter *self)
{
  g_return_val_if_fail (CT_IS_SPELL_HIGHLIGHTER (self), 0);
  return self->checks;
}
