#define G_LOG_DOMAIN "ct-resolve"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ct-render-private.h"

/* Resolution rules (docs/reference-syntax.md): the wiki's lookup matches
 * titles and aliases case-insensitively with blanks trimmed. Several
 * matches are narrowed, in order, to the entities of the kind the template
 * wants, then to an exact title; what is still more than one is ambiguous
 * and every candidate is named, so the writer can pick one. */

static gboolean
kind_ok (guint        kinds,
         CtEntityKind kind)
{
  return kinds == CT_KINDS_ANY || (kinds & CT_KIND_BIT (kind)) != 0;
}

static GPtrArray *
narrow (GPtrArray *matches,
        gboolean (*keep) (const CtLookup *lookup, gconstpointer data),
        gconstpointer data)
{
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; i < matches->len; i++)
    if (keep (g_ptr_array_index (matches, i), data))
      g_ptr_array_add (kept, g_ptr_array_index (matches, i));
  if (kept->len == 0)
    {
      g_ptr_array_unref (kept);
      return NULL;
    }
  return kept;
}

static gboolean
keep_kind (const CtLookup *lookup,
           gconstpointer   data)
{
  return kind_ok (GPOINTER_TO_UINT (data), lookup->kind);
}

static gboolean
keep_title (const CtLookup *lookup,
            gconstpointer   data)
{
  return lookup->match == CT_MATCH_TITLE;
}

static char *
list_candidates (GPtrArray *matches)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      CtLookup *lookup = g_ptr_array_index (matches, i);

      if (i > 0)
        g_string_append (list, i + 1 == matches->len ? _(" or ") : ", ");
      g_string_append_printf (list, "“%s” (%s)", lookup->title, ct_entity_kind_to_string (lookup->kind));
    }
  return g_string_free (list, FALSE);
}

/* A name's resolution, remembered for the rest of the render: a post
 * names the same few entities again and again. */
typedef struct {
  gint64     id;        /* 0: failed with @message */
  CtSeverity severity;
  char       message[];
} Resolution;

/* Looks @name up; returns the entity id, or 0 after a diagnostic. */
static gint64
resolve_uncached (CtRenderContext   *ctx,
                  const CtReference *ref,
                  const char        *name,
                  guint              kinds,
                  const char        *wanted,
                  CtSeverity        *severity,
                  gboolean          *lasting)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) fitting = NULL;
  g_autoptr(GError) error = NULL;
  CtLookup *chosen = NULL;

  *severity = CT_SEVERITY_ERROR;
  *lasting = TRUE;

  matches = ct_render_context_lookup (ctx, name, &error);
  if (matches == NULL)
    {
      /* the wiki could not be read: not what the name resolves to */
      *lasting = FALSE;
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, _("Could not look up “%s”: %s"),
                                  name, error->message);
      return 0;
    }

  if (matches->len == 0)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  _("No entity in the wiki is titled or aliased “%s”"), name);
      return 0;
    }

  fitting = narrow (matches, keep_kind, GUINT_TO_POINTER (kinds));
  if (fitting == NULL)
    {
      CtLookup *first = g_ptr_array_index (matches, 0);

      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  _("%s, but “%s” is a %s"),
                                  wanted ? _(wanted) : _("This reference needs another kind of entity"),
                                  first->title, ct_entity_kind_to_string (first->kind));
      return 0;
    }

  if (fitting->len == 1)
    chosen = g_ptr_array_index (fitting, 0);
  else
    {
      g_autoptr(GPtrArray) titled = narrow (fitting, keep_title, NULL);

      if (titled != NULL && titled->len == 1)
        chosen = g_ptr_array_index (titled, 0);
    }

  if (chosen == NULL)
    {
      g_autofree char *candidates = list_candidates (fitting);

      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  _("“%s” is ambiguous: it may be %s; write the full title"),
                                  name, candidates);
      return 0;
    }

  return chosen->entity_id;
}

/**
 * ct_resolve_entity:
 * @name: the name as written (already trimmed by the scanner)
 * @kinds: CT_KIND_BIT()s of the kinds that fit, or CT_KINDS_ANY
 * @wanted: the start of the wrong-kind message ("{{cast}} needs a film"),
 *   or %NULL when any kind fits
 *
 * Returns: (transfer none) (nullable): the entity, or %NULL after adding a
 *   diagnostic at @ref
 */
const CtEntity *
ct_resolve_entity (CtRenderContext   *ctx,
                   const CtReference *ref,
                   const char        *name,
                   guint              kinds,
                   const char        *wanted)
{
  g_autofree char *key = NULL;
  const Resolution *cached;
  const CtEntity *entity;

  if (name == NULL || *name == '\0')
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, _("This reference names no entity"));
      return NULL;
    }

  if (ctx->options->wiki == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_WARNING, ref,
                                  _("No wiki is open, so “%s” cannot be looked up"), name);
      return NULL;
    }

  /* the message names the name as written: it is the key, with the
   * kinds (its case-folded form, which the lookup uses, follows from it
   * and was folded again for every reference for nothing), and the start
   * of the wrong-kind message, which two templates wanting the same
   * kinds word differently (the resolutions may outlive the render:
   * CtRenderMemo). \x1f: in none of those starts. */
  key = g_strdup_printf ("%x\x1f%s\x1f%s", kinds, wanted ? wanted : "", name);
  cached = g_hash_table_lookup (ctx->root->resolved, key);
  if (cached == NULL)
    {
      CtSeverity severity;
      gboolean lasting;
      gint64 id = resolve_uncached (ctx, ref, name, kinds, wanted, &severity, &lasting);
      const char *message = id > 0 ? "" : ctx->last_message;
      Resolution *resolution;

      if (!lasting)
        return NULL;
      resolution = g_malloc (sizeof (Resolution) + strlen (message) + 1);

      resolution->id = id;
      resolution->severity = severity;
      strcpy (resolution->message, message);
      g_hash_table_insert (ctx->root->resolved, g_steal_pointer (&key), resolution);
      if (id == 0)
        return NULL;
      cached = resolution;
    }
  else if (cached->id == 0)
    {
      ct_render_context_diagnose (ctx, cached->severity, ref, "%s", cached->message);
      return NULL;
    }

  entity = ct_render_context_entity (ctx, cached->id);
  if (entity != NULL)
    {
      ct_render_context_mention (ctx, entity, ref);
      if (entity->spoiler && ctx->root->spoilers == 0)
        ct_render_context_diagnose (ctx, CT_SEVERITY_WARNING, ref,
                                    _("“%s” is marked as a spoiler, but the front matter says "
                                    "“spoilers: false”"), entity->title);
    }
  else
    ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                _("“%s” was found but could not be read from the wiki"), name);
  return entity;
}
