#define G_LOG_DOMAIN "ct-template-cast"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ct-render-private.h"

/* {{cast}}: the credits of a film as two tables, the cast (who plays whom)
 * and the crew (who made it). A reader looks for a director among the
 * crew, not at the bottom of the cast with a billing number; billing is
 * shown only for the cast, and only when the wiki has it. */

/* translated where they are written out */
static const char * const cast_columns[] = { N_("Person"), N_("Character"), NULL };
static const char * const cast_role_columns[] = { N_("Person"), N_("Character"), N_("Role"), NULL };
static const char * const billed_columns[] = { N_("Person"), N_("Character"), N_("Billing"), NULL };
static const char * const billed_role_columns[] = { N_("Person"), N_("Character"), N_("Role"), N_("Billing"), NULL };
static const char * const crew_columns[] = { N_("Person"), N_("Role"), NULL };

/* The department of a crew role: its place among the known roles, unknown
 * roles after them. */
static guint
role_rank (const char *role)
{
  const char * const *roles = ct_credit_roles ();
  guint i;

  for (i = 0; roles[i] != NULL; i++)
    if (g_ascii_strcasecmp (roles[i], role) == 0)
      return i;
  return i;
}

static int
compare_crew (gconstpointer a,
              gconstpointer b)
{
  const CtCredit *x = *(CtCredit * const *) a;
  const CtCredit *y = *(CtCredit * const *) b;
  guint rx = role_rank (x->role), ry = role_rank (y->role);
  int cmp;

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if ((cmp = g_ascii_strcasecmp (x->role, y->role)) != 0)
    return cmp;
  if (x->billing != y->billing)
    return x->billing == 0 ? 1 : y->billing == 0 ? -1 : x->billing - y->billing;
  return 0;   /* stable: the wiki's order */
}

/* The person, with the credit's status and source: the credit is the claim. */
static void
add_person (CtRenderContext *ctx,
            CtRow           *row,
            const CtCredit  *credit)
{
  GPtrArray *person = g_ptr_array_index (row->cells, 0);
  CtSpan *span;

  ct_spans_add_entity (ctx, person, credit->person_id, credit->person_title);
  span = g_ptr_array_index (person, 0);
  span->status = credit->status;
  span->source = g_strdup (credit->source);
}

static gboolean
is_plain_cast (const CtCredit *credit)
{
  return g_ascii_strcasecmp (credit->role, "cast") == 0;
}

CtBlock *
ct_template_cast (CtRenderContext   *ctx,
                  const CtReference *ref,
                  const CtEntity    *film)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) credits = ct_render_context_cast (ctx, film->id, &error);
  g_autoptr(GPtrArray) crew = g_ptr_array_new ();
  CtBlock *cast;
  gboolean billed = FALSE, roles = FALSE;
  guint n_columns;

  if (credits == NULL)
    {
      ct_render_context_diagnose (ctx, CT_SEVERITY_ERROR, ref, _("Could not read the cast of “%s”: %s"),
                                  film->title, error->message);
      return NULL;
    }

  for (guint i = 0; i < credits->len; i++)
    {
      CtCredit *credit = g_ptr_array_index (credits, i);
      if (!ct_credit_role_is_cast (credit->role))
        continue;
      billed |= credit->billing > 0;
      /* "Cast" on every row says nothing; a Role column is there for "Cameo" */
      roles |= !is_plain_cast (credit);
    }

  cast = ct_block_new (CT_BLOCK_TABLE, CT_BLOCK_TEMPLATE_CAST, N_("No cast or crew yet."));
  cast->columns = billed ? (roles ? billed_role_columns : billed_columns)
                         : (roles ? cast_role_columns : cast_columns);
  n_columns = g_strv_length ((GStrv) cast->columns);
  cast->caption = N_("Cast");
  cast->part = "ct-cast-list";
  for (guint i = 0; i < credits->len; i++)
    {
      CtCredit *credit = g_ptr_array_index (credits, i);
      CtRow *row;

      if (!ct_credit_role_is_cast (credit->role))
        {
          g_ptr_array_add (crew, credit);
          continue;
        }
      row = ct_block_add_row (cast, n_columns);
      add_person (ctx, row, credit);
      if (credit->character_id > 0)
        ct_spans_add_entity (ctx, g_ptr_array_index (row->cells, 1), credit->character_id,
                             credit->character_title);
      if (roles && !is_plain_cast (credit))
        g_ptr_array_add (g_ptr_array_index (row->cells, 2), ct_span_new_text (ct_credit_role_label (credit->role)));
      if (billed && credit->billing > 0)
        {
          g_autofree char *billing = g_strdup_printf ("%d", credit->billing);
          g_ptr_array_add (g_ptr_array_index (row->cells, n_columns - 1), ct_span_new_text (billing));
        }
    }

  if (crew->len > 0)
    {
      CtBlock *table = ct_block_new (CT_BLOCK_TABLE, CT_BLOCK_TEMPLATE_CAST, NULL);

      table->columns = crew_columns;
      table->caption = N_("Crew");
      table->part = "ct-crew-list";
      g_ptr_array_sort (crew, compare_crew);
      for (guint i = 0; i < crew->len; i++)
        {
          CtCredit *credit = g_ptr_array_index (crew, i);
          CtRow *row = ct_block_add_row (table, 2);

          add_person (ctx, row, credit);
          g_ptr_array_add (g_ptr_array_index (row->cells, 1), ct_span_new_text (ct_credit_role_label (credit->role)));
        }
      cast->next = table;
    }
  return cast;
}
