#define G_LOG_DOMAIN "ct-render-context"

#include "config.h"

#include <string.h>

#include "ct-render-private.h"
#include "ct-timeline.h"
#include "ct-slug.h"
#include "ct-wiki-cache.h"

/* The state of one rendering, shared by every file of the renderer: the
 * caches of what was read from the wiki, the diagnostics, mentions and
 * footnotes gathered on the way, and where entity links go in each mode.
 * It depends on nothing else of the renderer, so that the writers, the
 * resolver and the templates can all use it without calling each other. */

/* ---- what renders may share ---- */

/* A site worker renders a thousand pages in one read transaction, and
 * they name the same entities: resolved again per page, each name cost a
 * lookup in the connection's cache and copies of its rows (a tenth of an
 * export). What a render keeps of the wiki depends only on the wiki's
 * state (a resolution on the name, the kinds and the message's start;
 * an entity or its facts on the id), so renders that see one state may
 * keep it together. What a render gathers of its own (diagnostics,
 * mentions, footnotes) is never shared: a resolution remembered is
 * replayed into each render as its diagnostic or mention. */
struct _CtRenderMemo {
  GHashTable *entities;
  GHashTable *facts;
  GHashTable *resolved;
  /* name as written → GPtrArray of CtLookup: an entity page names its
   * entity in three templates wanting different kinds, each resolved
   * apart, but the wiki's answer to the name is one */
  GHashTable *lookups;
  /* the whole wiki's answers, read once for every worker (borrowed) */
  const CtWikiAnswers *answers;
};

static GHashTable *
entities_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) ct_entity_free);
}

static GHashTable *
facts_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

static GHashTable *
resolved_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

CtRenderMemo *
ct_render_memo_new (void)
{
  CtRenderMemo *self = g_new0 (CtRenderMemo, 1);

  self->entities = entities_new ();
  self->facts = facts_new ();
  self->resolved = resolved_new ();
  self->lookups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
ct_render_memo_free (CtRenderMemo *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->entities);
  g_hash_table_unref (self->facts);
  g_hash_table_unref (self->resolved);
  g_hash_table_unref (self->lookups);
  g_free (self);
}

void
ct_render_memo_set_answers (CtRenderMemo        *self,
                            const CtWikiAnswers *answers)
{
  self->answers = answers;
}

static const CtWikiAnswers *
answers_of (CtRenderContext *ctx)
{
  return ctx->options->memo != NULL ? ctx->options->memo->answers : NULL;
}

/* ---- the context ---- */

void
ct_render_context_init (CtRenderContext       *ctx,
                        const CtRenderOptions *options,
                        const char            *text,
                        gsize                  length)
{
  CtRenderMemo *memo = options->memo;

  memset (ctx, 0, sizeof *ctx);
  ctx->options = options;
  ctx->root = ctx;
  ctx->text = text;
  ctx->length = length;
  ctx->spoilers = -1;
  ctx->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_diagnostic_free);
  ctx->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_mention_free);
  ctx->entities = memo ? g_hash_table_ref (memo->entities) : entities_new ();
  ctx->facts = memo ? g_hash_table_ref (memo->facts) : facts_new ();
  ctx->resolved = memo ? g_hash_table_ref (memo->resolved) : resolved_new ();
  ctx->footnotes = g_ptr_array_new_with_free_func (g_free);
  ctx->user_data = g_ptr_array_new_with_free_func (g_free);
  /* what the wiki answers is remembered on its connection, and checked
   * against other processes' changes once for the whole render */
  if (options->wiki != NULL)
    {
      _ct_wiki_cache_hold (options->wiki);
      ctx->holds_cache = TRUE;
    }
}

void
ct_render_context_init_child (CtRenderContext *child,
                              CtRenderContext *parent,
                              const CtEntity  *entity)
{
  memset (child, 0, sizeof *child);
  child->options = parent->options;
  child->root = parent->root;
  child->parent = parent;
  child->depth = parent->depth + 1;
  child->notes_of = entity->id;
  child->text = entity->notes;
  child->length = strlen (entity->notes);
  child->spoilers = parent->root->spoilers;
}

void
ct_render_context_clear (CtRenderContext *ctx)
{
  if (ctx->holds_cache)
    _ct_wiki_cache_release (ctx->options->wiki);
  ctx->holds_cache = FALSE;
  g_clear_pointer (&ctx->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&ctx->mentions, g_ptr_array_unref);
  g_clear_pointer (&ctx->entities, g_hash_table_unref);
  g_clear_pointer (&ctx->facts, g_hash_table_unref);
  g_clear_pointer (&ctx->resolved, g_hash_table_unref);
  g_clear_pointer (&ctx->footnotes, g_ptr_array_unref);
  g_clear_pointer (&ctx->user_data, g_ptr_array_unref);
  g_clear_pointer (&ctx->recursion, g_free);
  g_clear_pointer (&ctx->last_message, g_free);
  g_clear_pointer (&ctx->timeline, ct_timeline_free);
}

const CtEntity *
ct_render_context_entity (CtRenderContext *ctx,
                          gint64           id)
{
  GHashTable *cache = ctx->root->entities;
  gpointer value;

  if (ctx->options->wiki == NULL || id <= 0)
    return NULL;
  if (answers_of (ctx) != NULL && (value = (gpointer) ct_wiki_answers_entity (answers_of (ctx), id)) != NULL)
    return value;
  if (!g_hash_table_lookup_extended (cache, &id, NULL, &value))
    {
      /* remember failures too: a broken link is asked for once per
       * render (not past it, where a failure to read may have passed) */
      value = ct_wiki_get_entity (ctx->options->wiki, id, NULL);
      if (value != NULL || ctx->options->memo == NULL)
        g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), value);
    }
  return value;
}

GPtrArray *
ct_render_context_lookup (CtRenderContext  *ctx,
                          const char       *name,
                          GError          **error)
{
  CtRenderMemo *memo = ctx->options->memo;
  GPtrArray *matches;

  if (answers_of (ctx) != NULL)
    return ct_wiki_answers_lookup (answers_of (ctx), name);
  matches = memo ? g_hash_table_lookup (memo->lookups, name) : NULL;
  if (matches != NULL)
    return g_ptr_array_ref (matches);
  matches = ct_wiki_lookup (ctx->options->wiki, name, error);
  if (matches != NULL && memo != NULL)
    g_hash_table_insert (memo->lookups, g_strdup (name), g_ptr_array_ref (matches));
  return matches;
}

GPtrArray *
ct_render_context_facts (CtRenderContext  *ctx,
                         gint64            id,
                         GError          **error)
{
  GHashTable *cache = ctx->root->facts;
  GPtrArray *facts = g_hash_table_lookup (cache, &id);

  if (facts == NULL && answers_of (ctx) != NULL)
    return ct_wiki_answers_facts (answers_of (ctx), id);
  if (facts == NULL)
    {
      facts = ct_wiki_get_facts (ctx->options->wiki, id, error);
      if (facts == NULL)
        return NULL;
      g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), facts);
    }
  return facts;
}

GPtrArray *
ct_render_context_cast (CtRenderContext  *ctx,
                        gint64            film_id,
                        GError          **error)
{
  if (answers_of (ctx) != NULL)
    return ct_wiki_answers_cast (answers_of (ctx), film_id);
  return ct_wiki_get_cast (ctx->options->wiki, film_id, error);
}

GPtrArray *
ct_render_context_appearances (CtRenderContext  *ctx,
                               gint64            id,
                               GError          **error)
{
  if (answers_of (ctx) != NULL)
    return ct_wiki_answers_appearances (answers_of (ctx), id);
  return ct_wiki_get_appearances (ctx->options->wiki, id, error);
}

void
ct_render_context_diagnose (CtRenderContext   *ctx,
                            CtSeverity         severity,
                            const CtReference *ref,
                            const char        *format,
                            ...)
{
  va_list args;

  g_free (ctx->last_message);
  va_start (args, format);
  ctx->last_message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Problems inside entity notes belong to the entity, not to this
   * document: only the document's own references are reported. */
  if (ctx->depth == 0)
    g_ptr_array_add (ctx->diagnostics,
                     ct_diagnostic_new_at (severity, ref->start, ref->end, ref->line, ref->column,
                                           ctx->last_message));
}

guint
ct_render_context_footnote (CtRenderContext *ctx,
                            const char      *source)
{
  GPtrArray *notes = ctx->root->footnotes;

  for (guint i = 0; i < notes->len; i++)
    if (g_str_equal (g_ptr_array_index (notes, i), source))
      return i + 1;
  g_ptr_array_add (notes, g_strdup (source));
  return notes->len;
}

void
ct_render_context_mention (CtRenderContext   *ctx,
                           const CtEntity    *entity,
                           const CtReference *ref)
{
  CtMention *mention;

  if (ctx->depth > 0)
    return;
  mention = g_new0 (CtMention, 1);
  mention->entity_id = entity->id;
  mention->title = g_strdup (entity->title);
  mention->line = ref->line;
  g_ptr_array_add (ctx->mentions, mention);
}

/* ---- links ---- */

char *
ct_render_entity_url (const CtRenderOptions *options,
                      CtEntityKind           kind,
                      const char            *slug,
                      gint64                 id)
{
  g_autofree char *escaped_slug = NULL;

  if (options->mode == CT_RENDER_PREVIEW)
    return ct_entity_uri (id);

  if (slug == NULL || *slug == '\0')
    return NULL;

  if (options->mode == CT_RENDER_SITE)
    {
      /* the page's file name, as `continuity site` writes it (ct-site.c);
       * pages live one folder deep unless @site_url says where the root is */
      const char *root = options->site_url != NULL ? options->site_url : "..";
      g_autofree char *page = ct_slug_for_page (slug, ct_entity_kind_to_string (kind));

      return g_strdup_printf ("%s/%s/%s.html", root, ct_entity_kind_to_string (kind), page);
    }

  /* '/' is escaped too: a slug never leaves its folder */
  escaped_slug = g_uri_escape_string (slug, NULL, FALSE);

  if (options->site_url != NULL && *options->site_url != '\0')
    {
      gsize n = strlen (options->site_url);

      while (n > 0 && options->site_url[n - 1] == '/')
        n--;
      return g_strdup_printf ("%.*s/%s/%s.html", (int) n, options->site_url,
                              ct_entity_kind_to_string (kind), escaped_slug);
    }
  return NULL;
}
