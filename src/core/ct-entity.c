#define G_LOG_DOMAIN "ct-entity"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

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

/* What people read: the one place that names kinds in the interface, the
 * site and messages. */
static const char * const kind_labels[CT_N_ENTITY_KINDS] = {
  [CT_ENTITY_FILM] = N_("Film"),
  [CT_ENTITY_PERSON] = N_("Person"),
  [CT_ENTITY_CHARACTER] = N_("Character"),
  [CT_ENTITY_SCENE] = N_("Scene"),
  [CT_ENTITY_EVENT] = N_("Event"),
  [CT_ENTITY_ORGANIZATION] = N_("Organization"),
  [CT_ENTITY_LOCATION] = N_("Location"),
};

static const char * const kind_plural_labels[CT_N_ENTITY_KINDS] = {
  [CT_ENTITY_FILM] = N_("Films"),
  [CT_ENTITY_PERSON] = N_("People"),
  [CT_ENTITY_CHARACTER] = N_("Characters"),
  [CT_ENTITY_SCENE] = N_("Scenes"),
  [CT_ENTITY_EVENT] = N_("Events"),
  [CT_ENTITY_ORGANIZATION] = N_("Organizations"),
  [CT_ENTITY_LOCATION] = N_("Locations"),
};

static const char * const kind_with_article[CT_N_ENTITY_KINDS] = {
  [CT_ENTITY_FILM] = N_("a film"),
  [CT_ENTITY_PERSON] = N_("a person"),
  [CT_ENTITY_CHARACTER] = N_("a character"),
  [CT_ENTITY_SCENE] = N_("a scene"),
  [CT_ENTITY_EVENT] = N_("an event"),
  [CT_ENTITY_ORGANIZATION] = N_("an organization"),
  [CT_ENTITY_LOCATION] = N_("a location"),
};

static const char * const status_labels[] = {
  [CT_FACT_CONFIRMED] = N_("Confirmed"),
  [CT_FACT_RUMORED] = N_("Rumored"),
  [CT_FACT_DISPUTED] = N_("Disputed"),
};

/* Roles as stored (never translated), cast roles first, and their labels. */
static const struct {
  const char *role;
  const char *label;
  gboolean    cast;
} roles[] = {
  { "cast", N_("Cast"), TRUE },
  { "cameo", N_("Cameo"), TRUE },
  { "voice", N_("Voice"), TRUE },
  { "director", N_("Director"), FALSE },
  { "writer", N_("Writer"), FALSE },
  { "cinematographer", N_("Cinematographer"), FALSE },
  { "producer", N_("Producer"), FALSE },
  { "composer", N_("Composer"), FALSE },
  { "editor", N_("Editor"), FALSE },
  { "stunts", N_("Stunts"), FALSE },
};

const char *
ct_fact_status_label (CtFactStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, status_labels[status]);
}

const char * const *
ct_credit_roles (void)
{
  static const char *names[G_N_ELEMENTS (roles) + 1];
  static gsize once;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        names[i] = roles[i].role;
      g_once_init_leave (&once, 1);
    }
  return names;
}

const char *
ct_credit_role_label (const char *role)
{
  for (guint i = 0; role != NULL && i < G_N_ELEMENTS (roles); i++)
    if (g_ascii_strcasecmp (roles[i].role, role) == 0)
      return g_dgettext (GETTEXT_PACKAGE, roles[i].label);
  return role;
}

gboolean
ct_credit_role_is_cast (const char *role)
{
  for (guint i = 0; role != NULL && i < G_N_ELEMENTS (roles); i++)
    if (g_ascii_strcasecmp (roles[i].role, role) == 0)
      return roles[i].cast;
  return FALSE;
}

const char *
ct_entity_kind_label (CtEntityKind kind)
{
  g_return_val_if_fail (kind < CT_N_ENTITY_KINDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, kind_labels[kind]);
}

const char *
ct_entity_kind_plural_label (CtEntityKind kind)
{
  g_return_val_if_fail (kind < CT_N_ENTITY_KINDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, kind_plural_labels[kind]);
}

const char *
ct_entity_kind_with_article (CtEntityKind kind)
{
  g_return_val_if_fail (kind < CT_N_ENTITY_KINDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, kind_with_article[kind]);
}

/* The URI the preview links entities with: written and read here only. */
#define ENTITY_URI_PREFIX "continuity:entity/"

char *
ct_entity_uri (gint64 id)
{
  g_return_val_if_fail (id > 0, NULL);
  return g_strdup_printf (ENTITY_URI_PREFIX "%" G_GINT64_FORMAT, id);
}

gint64
ct_entity_id_from_uri (const char *uri)
{
  const char *digits;
  guint64 id;

  if (uri == NULL || !g_str_has_prefix (uri, ENTITY_URI_PREFIX))
    return 0;
  digits = uri + strlen (ENTITY_URI_PREFIX);
  /* only what ct_entity_uri writes: no sign, blanks or leading zeros */
  if (*digits == '\0' || *digits == '0')
    return 0;
  for (const char *p = digits; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return 0;
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &id, NULL))
    return 0;  /* too large for an id */
  return (gint64) id;
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
