#define G_LOG_DOMAIN "ct-templates"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ct-fact-format.h"
#include "ct-fact-keys.h"
#include "ct-render-card.h"
#include "ct-render-private.h"
#include "ct-timeline-svg.h"

/* What each reference shows, as spans and blocks (ct-render-private.h):
 * the data only. ct-render-html.c and ct-render-markdown.c decide how it
 * looks and escape it. */

/* ---- spans, rows, blocks ---- */

CtSpan *
ct_span_new_text (const char *text)
{
  CtSpan *span = g_new0 (CtSpan, 1);

  span->text = g_strdup (text ? text : "");
  return span;
}

CtSpan *
ct_span_new_entity (const CtEntity *entity,
                    const char     *label)
{
  CtSpan *span = ct_span_new_text (label ? label : entity->title);

  span->entity_id = entity->id;
  span->kind = entity->kind;
  span->slug = g_strdup (entity->slug);
  span->summary = g_strdup (entity->summary);
  return span;
}

void
ct_span_free (CtSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->text);
  g_free (span->slug);
  g_free (span->summary);
  g_free (span->tooltip);
  g_free (span->source);
  g_free (span);
}

GPtrArray *
ct_spans_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ct_span_free);
}

void
ct_row_free (CtRow *row)
{
  if (row == NULL)
    return;
  g_ptr_array_unref (row->cells);
  g_free (row->notes);
  g_free (row);
}

void
ct_block_free (CtBlock *block)
{
  if (block == NULL)
    return;
  g_clear_pointer (&block->heading, g_ptr_array_unref);
  g_clear_pointer (&block->next, ct_block_free);
  g_ptr_array_unref (block->rows);
  g_free (block->summary);
  g_free (block->notes);
  g_free (block->figure);
  g_free (block);
}

CtBlock *
ct_block_new (CtBlockStyle     style,
           CtBlockTemplate  template,
           const char      *empty)
{
  CtBlock *block = g_new0 (CtBlock, 1);

  block->style = style;
  block->template = template;
  block->empty = empty;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_row_free);
  return block;
}

CtRow *
ct_block_add_row (CtBlock *block,
               guint    n_cells)
{
  CtRow *row = g_new0 (CtRow, 1);

  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (row->cells, ct_spans_new ());
  g_ptr_array_add (block->rows, row);
  return row;
}

static GPtrArray *
cell (CtRow *row,
      guint  i)
{
  return g_ptr_array_index (row->cells, i);
}

static void
add_text (GPtrArray  *spans,
          const char *text)
{
  g_ptr_array_add (spans, ct_span_new_text (text));
}

static void
add_role_text (GPtrArray  *spans,
               const char *text,
               CtSpanRole  role)
{
  CtSpan *span = ct_span_new_text (text);

  span->role = role;
  g_ptr_array_add (spans, span);
}

void
ct_spans_add_entity (CtRenderContext *ctx,
            GPtrArray       *spans,
            gint64           id,
            const char      *fallback)
{
  const CtEntity *entity = id > 0 ? ct_render_context_entity (ctx, id) : NULL;

  if (entity != NULL)
    g_ptr_array_add (spans, ct_span_new_entity (entity, NULL));
  else
    add_text (spans, fallback);
}

static GPtrArray *
unresolved (CtRenderContext *ctx,
            const char      *source)
{
  GPtrArray *spans = ct_spans_new ();
  CtSpan *span = ct_span_new_text (source);

  span->unresolved = TRUE;
  span->tooltip = g_strdup (ctx->last_message);
  span->raw_markdown = TRUE;
  g_ptr_array_add (spans, span);
  return spans;
}

/* ---- facts ---- */

/* Keys compare case-insensitively, with blanks and dashes as underscores:
 * "Release date", "release-date" and "release_date" are one key. */
static char *
normalize_key (const char *key)
{
  char *folded = g_utf8_casefold (key, -1);

  g_strstrip (folded);
  for (char *p = folded; *p; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';
  return folded;
}

static gboolean
fact_matches (CtEntityKind  kind,
              const CtFact *fact,
              const char   *wanted)
{
  g_autofree char *key = normalize_key (fact->key);
  g_autofree char *known = ct_fact_key_label (kind, fact->key);
  g_autofree char *label = normalize_key (known);
  const CtFactKey *entry = ct_fact_key_find (kind, fact->key);
  g_autofree char *english = entry != NULL ? normalize_key (entry->label) : NULL;

  /* the English label too: a post must not stop working in another locale */
  return g_str_equal (key, wanted) || g_str_equal (label, wanted)
         || (english != NULL && g_str_equal (english, wanted));
}

static char *
list_keys (GPtrArray *facts)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < keys->len && !seen; j++)
        seen = g_str_equal (keys->pdata[j], fact->key);
      if (!seen)
        g_ptr_array_add (keys, fact->key);
    }
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (", ", (char **) keys->pdata);
}

/* Adds the value of @fact (of an entity of @kind) to @spans as a reader
 * reads it ("June 2025"), or as stored when @raw, marked with its status,
 * spoiler flag and source. */
static void
add_fact_value (CtRenderContext *ctx,
                GPtrArray       *spans,
                CtEntityKind     kind,
                const CtFact    *fact,
                gboolean         raw)
{
  const CtEntity *value = fact->value_id > 0 ? ct_render_context_entity (ctx, fact->value_id) : NULL;
  CtSpan *span;

  if (value != NULL)
    span = ct_span_new_entity (value, NULL);
  else if (fact->text == NULL || raw)
    span = ct_span_new_text (fact->text ? fact->text : fact->value_title);
  else
    {
      g_autofree char *shown = ct_fact_text_display (kind, fact->key, fact->text);
      span = ct_span_new_text (shown);
    }

  span->status = fact->status;
  if (fact->status != CT_FACT_CONFIRMED)
    span->tooltip = g_strdup (fact->status == CT_FACT_RUMORED ? _("Rumored, not confirmed")
                                                               : _("Disputed"));
  span->spoiler = fact->spoiler;
  span->source = g_strdup (fact->source);
  g_ptr_array_add (spans, span);
}

/* A spoiler fact in a post that promises none: a warning, shown once per
 * reference. */
static void
check_spoiler (CtRenderContext   *ctx,
               const CtReference *ref,
               const CtEntity    *entity,
               const CtFact      *fact,
               gboolean          *warned)
{
  if (!fact->spoiler || ctx->root->spoilers != 0 || *warned)
    return;
  *warned = TRUE;
  ct_render_context_diagnose (ctx, CT_SEVERITY_WARNING, ref,
                              _("The fact “%s” of “%s” is a spoiler, but the front matter says "
                              "“spoilers: false”"),
                              fact->key, entity->title);
}

/* "key | raw" asks for the value as stored (2025-06, not June 2025), for
 * a sentence that needs it as data. Splits @key_and_option into the key
 * and whether it was asked; FALSE for an option other than raw. */
static gboolean
split_fact_option (const char  *key_and_option,
                   char       **key,
                   gboolean    *raw)
{
  const char *bar = strrchr (key_and_option, '|');
  g_autofree char *option = NULL;

  *raw = FALSE;
  if (bar == NULL)
    {
      *key = g_strdup (key_and_option);
      return TRUE;
    }
  *key = g_strstrip (g_strndup (key_and_option, bar - key_and_option));
  option = g_strstrip (g_ascii_strdown (bar + 1, -1));
  *raw = g_str_equal (option, "raw");
  return *raw;
}

static GPtrArray *
render_fact (CtRenderContext   *ctx,
             const CtReference *ref,
             const char        *source)
{
  GPtrArray *facts;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *key = NULL;
  const CtEntity *entity;
  gboolean warned_spoiler = FALSE;
  gboolean raw;

  if (ref->target == NULL || *ref->target == '\0')
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  _("{{fact}} needs an entity and a key: {{fact: Title | key}}"));
      return unresolved (ctx, source);
    }
  if (ref->key == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  _("{{fact}} needs a key after “|”: {{fact: %s | key}}"), ref->target);
      return unresolved (ctx, source);
    }

  if (!split_fact_option (ref->key, &key, &raw))
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  _("{{fact}} knows one option after the key, “raw” (the value as stored): "
                                  "{{fact: %s | %s | raw}}"), ref->target, key);
      return unresolved (ctx, source);
    }

  entity = ct_resolve_entity (ctx, ref, ref->target, CT_KINDS_ANY, NULL);
  if (entity == NULL)
    return unresolved (ctx, source);

  facts = ct_render_context_facts (ctx, entity->id, &error);
  if (facts == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, _("Could not read the facts of “%s”: %s"),
                                  entity->title, error->message);
      return unresolved (ctx, source);
    }

  wanted = normalize_key (key);
  spans = ct_spans_new ();
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);

      if (!fact_matches (entity->kind, fact, wanted))
        continue;
      if (spans->len > 0)
        add_text (spans, ", ");
      add_fact_value (ctx, spans, entity->kind, fact, raw);
      check_spoiler (ctx, ref, entity, fact, &warned_spoiler);
      if (fact->status != CT_FACT_CONFIRMED)
        ct_render_context_diagnose (ctx, CT_SEVERITY_WARNING, ref,
                                    _("The fact “%s” of “%s” is %s, not confirmed; "
                                    "the output marks it so"),
                                    fact->key, entity->title, ct_fact_status_to_string (fact->status));
    }

  if (spans->len == 0)
    {
      if (facts->len == 0)
        ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, _("“%s” has no facts yet, so it has no “%s”"),
                                    entity->title, key);
      else
        {
          g_autofree char *keys = list_keys (facts);
          ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                      _("“%s” has no fact “%s”; its facts are: %s"),
                                      entity->title, key, keys);
        }
      return unresolved (ctx, source);
    }

  return g_steal_pointer (&spans);
}

/* ---- links ---- */

static GPtrArray *
render_link (CtRenderContext   *ctx,
             const CtReference *ref,
             const char        *source)
{
  const CtEntity *entity = ct_resolve_entity (ctx, ref, ref->target, CT_KINDS_ANY, NULL);
  GPtrArray *spans;

  if (entity == NULL)
    return unresolved (ctx, source);
  spans = ct_spans_new ();
  g_ptr_array_add (spans, ct_span_new_entity (entity, ref->label));
  if (entity->spoiler)
    ((CtSpan *) g_ptr_array_index (spans, 0))->spoiler = TRUE;
  return spans;
}

/* ---- block templates ---- */

/* The facts of @entity with key @key, in order; NULL when reading fails. */
static GPtrArray *
facts_with_key (CtRenderContext *ctx,
                GPtrArray       *facts,
                const char      *key)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; facts != NULL && i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);
      if (g_str_equal (fact->key, key))
        g_ptr_array_add (found, fact);
    }
  return found;
}

/* Appends ", "-separated values of @key to @spans after @lead; nothing
 * when @entity has no such fact. */
static void
add_fact_list (CtRenderContext *ctx,
               GPtrArray       *spans,
               CtEntityKind     kind,
               GPtrArray       *facts,
               const char      *key,
               const char      *lead)
{
  g_autoptr(GPtrArray) found = facts_with_key (ctx, facts, key);

  for (guint i = 0; i < found->len; i++)
    {
      add_text (spans, i == 0 ? lead : ", ");
      add_fact_value (ctx, spans, kind, g_ptr_array_index (found, i), FALSE);
    }
}

static GPtrArray *
get_facts_quiet (CtRenderContext *ctx,
                 gint64           id)
{
  return ct_render_context_facts (ctx, id, NULL);
}

static CtBlock *
render_scenes (CtRenderContext   *ctx,
               const CtReference *ref,
               const CtEntity    *film)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenes = ct_wiki_get_scenes (ctx->options->wiki, film->id, &error);
  CtBlock *block;

  if (scenes == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, _("Could not read the scenes of “%s”: %s"),
                                  film->title, error->message);
      return NULL;
    }

  block = ct_block_new (CT_BLOCK_ORDERED, CT_BLOCK_TEMPLATE_SCENES, N_("No scenes yet."));
  for (guint i = 0; i < scenes->len; i++)
    {
      CtEntity *scene = g_ptr_array_index (scenes, i);
      GPtrArray *facts = get_facts_quiet (ctx, scene->id);
      GPtrArray *spans = cell (ct_block_add_row (block, 1), 0);
      g_autoptr(GPtrArray) time = facts_with_key (ctx, facts, "time_in_film");

      if (time->len > 0)
        {
          CtFact *fact = g_ptr_array_index (time, 0);
          add_role_text (spans, fact->text, CT_SPAN_ROLE_WHEN);
          add_text (spans, " ");
        }
      g_ptr_array_add (spans, ct_span_new_entity (scene, NULL));
      add_fact_list (ctx, spans, CT_ENTITY_SCENE, facts, "location", _(" — at "));
      add_fact_list (ctx, spans, CT_ENTITY_SCENE, facts, "characters", _(" — with "));
    }
  return block;
}

static char *
timeline_href (CtEntityKind  kind,
               const char   *slug,
               gint64        id,
               gpointer      data)
{
  CtRenderContext *ctx = data;

  return ct_render_entity_url (ctx->options, kind, slug, id);
}

/* Standalone and site pages show {{timeline}} drawn, with the list after
 * it as the accessible fallback (and for text browsers); the preview,
 * fragments and Markdown keep the list alone. Tied to a film, the drawing
 * shows that film's events; to a character, the events it takes part in;
 * to anything else there is no drawing that says more than the list. */
static char *
timeline_drawing (CtRenderContext *ctx,
                  const CtEntity  *tied_to)
{
  CtTimelineLayoutOptions options = { .lane_width = 240, .zoom = 1, .show_spoilers = TRUE };
  CtRenderContext *root = ctx->root;
  g_autoptr(GError) error = NULL;

  if ((ctx->options->mode != CT_RENDER_STANDALONE && ctx->options->mode != CT_RENDER_SITE)
      || ctx->options->no_drawings)
    return NULL;
  if (tied_to != NULL && tied_to->kind == CT_ENTITY_FILM)
    options.film_id = tied_to->id;
  else if (tied_to != NULL && tied_to->kind == CT_ENTITY_CHARACTER)
    options.character_id = tied_to->id;
  else if (tied_to != NULL)
    return NULL;

  /* read once per document, however many {{timeline}} it holds; the list
   * is there already: a drawing that cannot be read is left out */
  if (root->timeline == NULL)
    root->timeline = ct_timeline_new (ctx->options->wiki, &error);
  if (root->timeline == NULL)
    return NULL;
  return ct_timeline_svg (root->timeline, &options, timeline_href, ctx);
}

static CtBlock *
render_timeline (CtRenderContext   *ctx,
                 const CtReference *ref,
                 const CtEntity    *tied_to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = ct_wiki_get_events (ctx->options->wiki, tied_to ? tied_to->id : 0, &error);
  CtBlock *block;

  if (events == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, _("Could not read the timeline: %s"),
                                  error->message);
      return NULL;
    }

  block = ct_block_new (CT_BLOCK_ORDERED, CT_BLOCK_TEMPLATE_TIMELINE, N_("No events yet."));
  for (guint i = 0; i < events->len; i++)
    {
      CtEntity *event = g_ptr_array_index (events, i);
      GPtrArray *facts = get_facts_quiet (ctx, event->id);
      g_autoptr(GPtrArray) when = facts_with_key (ctx, facts, "when");
      GPtrArray *spans = cell (ct_block_add_row (block, 1), 0);

      if (when->len > 0)
        {
          CtFact *fact = g_ptr_array_index (when, 0);
          g_autofree char *shown = fact->text ? ct_fact_text_display (CT_ENTITY_EVENT, "when", fact->text)
                                              : g_strdup (fact->value_title);
          add_role_text (spans, shown, CT_SPAN_ROLE_WHEN);
          add_text (spans, " ");
        }
      g_ptr_array_add (spans, ct_span_new_entity (event, NULL));
      add_fact_list (ctx, spans, CT_ENTITY_EVENT, facts, "film", _(" — in "));
    }
  if (events->len > 0)
    block->figure = timeline_drawing (ctx, tied_to);
  return block;
}

static CtBlock *
render_infobox (CtRenderContext   *ctx,
                const CtReference *ref,
                const CtEntity    *entity)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *facts = ct_render_context_facts (ctx, entity->id, &error);
  gboolean warned_spoiler = FALSE;
  CtBlock *block;
  const char *last_key = NULL;
  CtRow *row = NULL;

  if (facts == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, _("Could not read the facts of “%s”: %s"),
                                  entity->title, error->message);
      return NULL;
    }

  block = ct_block_new (CT_BLOCK_INFOBOX, CT_BLOCK_TEMPLATE_INFOBOX, NULL);
  block->kind = entity->kind;
  block->heading = ct_spans_new ();
  g_ptr_array_add (block->heading, ct_span_new_entity (entity, NULL));
  block->summary = g_strdup (entity->summary);

  /* facts with the same key in a row (several directors) share a line */
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);

      if (last_key == NULL || !g_str_equal (last_key, fact->key))
        {
          g_autofree char *label = ct_fact_key_label (entity->kind, fact->key);

          row = ct_block_add_row (block, 2);
          add_text (cell (row, 0), label);
        }
      else
        add_text (cell (row, 1), ", ");
      add_fact_value (ctx, cell (row, 1), entity->kind, fact, FALSE);
      check_spoiler (ctx, ref, entity, fact, &warned_spoiler);
      last_key = fact->key;
    }

  block->notes = ct_render_notes (ctx, entity);
  return block;
}

static CtBlock *
render_appearances (CtRenderContext   *ctx,
                    const CtReference *ref,
                    const CtEntity    *entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) appearances = ct_render_context_appearances (ctx, entity->id, &error);
  CtBlock *block;

  if (appearances == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, _("Could not read the appearances of “%s”: %s"),
                                  entity->title, error->message);
      return NULL;
    }

  block = ct_block_new (CT_BLOCK_BULLETS, CT_BLOCK_TEMPLATE_APPEARANCES, N_("No appearances yet."));
  for (guint i = 0; i < appearances->len; i++)
    {
      CtAppearance *appearance = g_ptr_array_index (appearances, i);
      CtRow *row = ct_block_add_row (block, 1);
      GPtrArray *spans = cell (row, 0);

      ct_spans_add_entity (ctx, spans, appearance->entity_id, appearance->title);
      if (appearance->kind == CT_ENTITY_SCENE && appearance->film_id > 0)
        {
          add_text (spans, _(" in "));
          ct_spans_add_entity (ctx, spans, appearance->film_id, appearance->film_title);
        }
      if (appearance->detail != NULL && *appearance->detail != '\0')
        {
          add_text (spans, " — ");
          add_role_text (spans, appearance->detail, CT_SPAN_ROLE_DETAIL);
        }
      /* what happens in a scene is in its notes */
      if (appearance->kind == CT_ENTITY_SCENE)
        {
          const CtEntity *scene = ct_render_context_entity (ctx, appearance->entity_id);
          if (scene != NULL)
            row->notes = ct_render_notes (ctx, scene);
        }
    }
  return block;
}

/* ---- the table of templates ---- */

typedef CtBlock *(*BlockFunc) (CtRenderContext *, const CtReference *, const CtEntity *);

static const struct {
  const char *name;
  BlockFunc   block;         /* NULL: inline ({{fact}}) */
  guint       kinds;         /* of the target */
  gboolean    target_optional;
  const char *wanted;        /* wrong-kind message */
} templates[] = {
  { "fact", NULL, CT_KINDS_ANY, FALSE, NULL },
  { "cast", ct_template_cast, CT_KIND_BIT (CT_ENTITY_FILM), FALSE, N_("{{cast}} needs a film") },
  { "scenes", render_scenes, CT_KIND_BIT (CT_ENTITY_FILM), FALSE, N_("{{scenes}} needs a film") },
  { "timeline", render_timeline, CT_KINDS_ANY, TRUE, NULL },
  { "infobox", render_infobox, CT_KINDS_ANY, FALSE, NULL },
  { "appearances", render_appearances,
    CT_KIND_BIT (CT_ENTITY_CHARACTER) | CT_KIND_BIT (CT_ENTITY_PERSON) | CT_KIND_BIT (CT_ENTITY_LOCATION),
    FALSE, N_("{{appearances}} needs a character, a person or a location") },
};

static int
find_template (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (templates); i++)
    if (g_str_equal (templates[i].name, name))
      return (int) i;
  return -1;
}

const char * const *
ct_render_template_names (void)
{
  static const char *names[G_N_ELEMENTS (templates) + 1];
  static gsize once;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
        names[i] = templates[i].name;
      g_once_init_leave (&once, 1);
    }
  return names;
}

gboolean
ct_template_is_block (const char *name)
{
  int i = find_template (name);
  return i >= 0 && templates[i].block != NULL;
}

void
ct_template_render (CtRenderContext   *ctx,
                    const CtReference *ref,
                    const char        *source,
                    gboolean           alone,
                    GPtrArray        **spans,
                    CtBlock          **block)
{
  const CtEntity *target = NULL;
  int t;

  *spans = NULL;
  *block = NULL;

  if (ref->type == CT_REF_LINK)
    {
      *spans = render_link (ctx, ref, source);
      return;
    }

  t = find_template (ref->name);
  if (t < 0)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  _("There is no template “%s”: use fact, cast, scenes, timeline, "
                                  "infobox or appearances"), ref->name);
      *spans = unresolved (ctx, source);
      return;
    }

  if (templates[t].block == NULL)
    {
      *spans = render_fact (ctx, ref, source);
      return;
    }

  if (!alone)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  _("{{%s}} makes a block: put it alone in its own paragraph, "
                                  "with blank lines around it"), ref->name);
      *spans = unresolved (ctx, source);
      return;
    }

  if (ref->key != NULL)
    ct_render_context_diagnose (ctx, CT_SEVERITY_WARNING, ref,
                                _("{{%s}} takes no “| %s”; it is ignored"), ref->name, ref->key);

  if (ref->target != NULL || !templates[t].target_optional)
    {
      if (ref->target == NULL || *ref->target == '\0')
        {
          ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                      _("{{%s}} needs an entity: {{%s: Title}}"), ref->name, ref->name);
          *spans = unresolved (ctx, source);
          return;
        }
      target = ct_resolve_entity (ctx, ref, ref->target, templates[t].kinds, templates[t].wanted);
      if (target == NULL)
        {
          *spans = unresolved (ctx, source);
          return;
        }
    }
  else if (ctx->options->wiki == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_WARNING, ref,
                                  _("No wiki is open, so {{%s}} cannot be filled in"), ref->name);
      *spans = unresolved (ctx, source);
      return;
    }

  *block = templates[t].block (ctx, ref, target);
  if (*block == NULL)
    *spans = unresolved (ctx, source);
}
