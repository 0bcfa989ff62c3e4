#define G_LOG_DOMAIN "ct-entity"

#include "config.h"

#include "ct-entity.h"

/* The names are the ones stored in the database and in the JSON
 * interchange: they are part of the file formats, never translated. */
static const char * const kind_names[CT_N_ENTITY_KINDS] = {
  "film", "person", "character", "scene", "event", "organization", "location",
};

static const char * const status_names[] = {
  "confirmed", "rumored", "disputed",
};

const char *
ct_entity_kind_to_string (CtEntityKind kind)
{
  g_return_val_if_fail (kind < CT_N_ENTITY_KINDS, NULL);
  return kind_names[kind];
}

gboolean
ct_entity_kind_from_string (const char   *name,
                            CtEntityKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = (CtEntityKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ct_fact_status_to_string (CtFactStatus status)
{
  g_return_val_if_fail (status <= CT_FACT_DISPUTED, NULL);
  return status_names[status];
}

gboolean
ct_fact_status_from_string (const char   *name,
                            CtFactStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (name, status_names[i]) == 0)
      {
        *status = (CtFactStatus) i;
        return TRUE;
      }
  return FALSE;
}

CtEntity *
ct_entity_copy (const CtEntity *self)
{
  CtEntity *copy = g_new0 (CtEntity, 1);

  copy->id = self->id;
  copy->kind = self->kind;
  copy->title = g_strdup (self->title);
  copy->slug = g_strdup (self->slug);
  copy->summary = g_strdup (self->summary);
  copy->notes = g_strdup (self->notes);
  copy->spoiler = self->spoiler;
  copy->aliases = self->aliases ? g_strdupv (self->aliases) : g_new0 (char *, 1);
  return copy;
}

void
ct_entity_free (CtEntity *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->slug);
  g_free (self->summary);
  g_free (self->notes);
  g_strfreev (self->aliases);
  g_free (self);
}

CtFact *
ct_fact_copy (const CtFact *self)
{
  CtFact *copy = g_memdup2 (self, sizeof *self);

  copy->key = g_strdup (self->key);
  copy->text = g_strdup (self->text);
  copy->value_title = g_strdup (self->value_title);
  copy->source = g_strdup (self->source);
  return copy;
}

void
ct_fact_free (CtFact *self)
{
  if (self == NULL)
    return;
  g_free (self->key);
  g_free (self->text);
  g_free (self->value_title);
  g_free (self->source);
  g_free (self);
}

CtCredit *
ct_credit_copy (const CtCredit *self)
{
  CtCredit *copy = g_memdup2 (self, sizeof *self);

  copy->film_title = g_strdup (self->film_title);
  copy->person_title = g_strdup (self->person_title);
  copy->character_title = g_strdup (self->character_title);
  copy->role = g_strdup (self->role);
  copy->source = g_strdup (self->source);
  return copy;
}

void
ct_credit_free (CtCredit *self)
{
  if (self == NULL)
    return;
  g_free (self->film_title);
  g_free (self->person_title);
  g_free (self->character_title);
  g_free (self->role);
  g_free (self->source);
  g_free (self);
}
