/* ct-entity.h — the plain data records of a wiki: entities, facts, credits.
 *
 * These are value records handed out by CtWiki queries: the caller owns
 * what it gets and frees it with the matching _free (GPtrArrays returned by
 * CtWiki already carry the free function).
 */
#pragma once

#include "ct-types.h"

G_BEGIN_DECLS

typedef enum {
  CT_ENTITY_FILM,
  CT_ENTITY_PERSON,
  CT_ENTITY_CHARACTER,
  CT_ENTITY_SCENE,
  CT_ENTITY_EVENT,
  CT_ENTITY_ORGANIZATION,
  CT_ENTITY_LOCATION,
  CT_N_ENTITY_KINDS
} CtEntityKind;

typedef enum {
  CT_FACT_CONFIRMED,
  CT_FACT_RUMORED,
  CT_FACT_DISPUTED,
} CtFactStatus;

struct _CtEntity {
  gint64        id;
  CtEntityKind  kind;
  char         *title;
  char         *slug;
  char         *summary;     /* one line, may be NULL */
  char         *notes;       /* Markdown, may hold references; may be NULL */
  gboolean      spoiler;
  GStrv         aliases;     /* NULL-terminated, never NULL */
};

struct _CtFact {
  gint64        id;
  gint64        entity_id;   /* the entity the fact is about */
  int           position;    /* order among the entity's facts */
  char         *key;
  char         *text;        /* the value when it is text, else NULL */
  gint64        value_id;    /* the linked entity when the value is one, else 0 */
  char         *value_title; /* that entity's current title, else NULL */
  CtEntityKind  value_kind;  /* that entity's kind (meaningless when value_id == 0) */
  CtFactStatus  status;
  char         *source;      /* citation: a title and/or URL, may be NULL */
  gboolean      spoiler;
};

struct _CtCredit {
  gint64        id;
  gint64        film_id;
  char         *film_title;
  gint64        person_id;
  char         *person_title;
  gint64        character_id;    /* 0 when the credit has no character (crew) */
  char         *character_title; /* NULL when character_id == 0 */
  char         *role;            /* cast, cameo, voice, director, writer, … */
  int           billing;         /* order in the credits, 1 first; 0 unbilled */
  CtFactStatus  status;
  char         *source;
};

const char   *ct_entity_kind_to_string   (CtEntityKind  kind);
gboolean      ct_entity_kind_from_string (const char   *name,
                                          CtEntityKind *kind);
const char   *ct_fact_status_to_string   (CtFactStatus  status);
gboolean      ct_fact_status_from_string (const char   *name,
                                          CtFactStatus *status);

/* The kind as a translated, capitalized word ("Character"), its plural
 * ("People") and with an article, for messages ("an organization"). */
const char   *ct_entity_kind_label        (CtEntityKind  kind);
const char   *ct_entity_kind_plural_label (CtEntityKind  kind);
const char   *ct_entity_kind_with_article (CtEntityKind  kind);

/* A status as people read it ("Rumored"), translated. */
const char   *ct_fact_status_label        (CtFactStatus  status);

/* Credit roles (DESIGN §4). Known roles, cast roles first, NULL-terminated;
 * a role as people read it ("Cameo"; a role of the user's own as typed);
 * whether a role belongs in the cast (cast, cameo, voice) or the crew. */
const char * const *ct_credit_roles        (void);
const char   *ct_credit_role_label        (const char   *role);
gboolean      ct_credit_role_is_cast      (const char   *role);

/* The preview's link to an entity, "continuity:entity/ID" (@id > 0), and
 * back: the id, or 0 when @uri is not one (NULL, another scheme, not a
 * positive decimal number that fits an id). */
char         *ct_entity_uri              (gint64        id);
gint64        ct_entity_id_from_uri      (const char   *uri);

CtEntity     *ct_entity_copy             (const CtEntity *self);
void          ct_entity_free             (CtEntity       *self);
CtFact       *ct_fact_copy               (const CtFact   *self);
void          ct_fact_free               (CtFact         *self);
CtCredit     *ct_credit_copy             (const CtCredit *self);
void          ct_credit_free             (CtCredit       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtEntity, ct_entity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtFact, ct_fact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtCredit, ct_credit_free)

G_END_DECLS
