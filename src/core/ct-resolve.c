#define G_LOG_DOMAIN "ct-resolve"

#include "config.h"

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
        g_string_append (list, i + 1 == matches->len ? " or " : ", ");
      g_string_append_printf (list, "“%s” (%s)", lookup->title, ct_entity_kind_to_string (lookup->kind));
    }
  return g_string_free (list, FALSE);
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
  CtWiki *wiki = ctx->options->wiki;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) fitting = NULL;
  g_autoptr(GError) error = NULL;
  CtLookup *chosen = NULL;

  if (name == NULL || *name == '\0')
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, "This reference names no entity");
      return NULL;
    }

  if (wiki == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_WARNING, ref,
                                  "No wiki is open, so “%s” cannot be looked up", name);
      return NULL;
    }

  matches = ct_wiki_lookup (wiki, name, &error);
  if (matches == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, "Could not look up “%s”: %s",
                                  name, error->message);
      return NULL;
    }

  if (matches->len == 0)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  "No entity in the wiki is titled or aliased “%s”", name);
      return NULL;
    }

  fitting = narrow (matches, keep_kind, GUINT_TO_POINTER (kinds));
  if (fitting == NULL)
    {
      CtLookup *first = g_ptr_array_index (matches, 0);

      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  "%s, but “%s” is a %s",
                                  wanted ? wanted : "This reference needs another kind of entity",
                                  first->title, ct_entity_kind_to_string (first->kind));
      return NULL;
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
                                  "“%s” is ambiguous: it may be %s; write the full title",
                                  name, candidates);
      return NULL;
    }

  {
    const CtEntity *entity = ct_render_context_entity (ctx, chosen->entity_id);

    if (entity != NULL)
      ct_render_context_mention (ctx, entity, ref);
    else
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref,
                                  "“%s” was found but could not be read from the wiki", name);
    return entity;
  }
}
