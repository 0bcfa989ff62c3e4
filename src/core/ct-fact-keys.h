/* ct-fact-keys.h — the known fact keys of each entity kind (DESIGN §4):
 * their type, label and validation. Unknown keys are free text. */
#pragma once

#include "ct-entity.h"
#include "ct-error.h"

G_BEGIN_DECLS

typedef enum {
  CT_FACT_TYPE_TEXT,          /* anything; may also link to any entity */
  CT_FACT_TYPE_PARTIAL_DATE,  /* 2025, 2025-06 or 2025-06-06 */
  CT_FACT_TYPE_INTEGER,
  CT_FACT_TYPE_NUMBER,        /* a sortable decimal number */
  CT_FACT_TYPE_CHOICE,        /* one of CtFactKey.choices */
  CT_FACT_TYPE_ENTITY,        /* a link to an entity of CtFactKey.target */
} CtFactType;

typedef struct {
  const char         *key;
  CtFactType          type;
  CtEntityKind        target;    /* CT_FACT_TYPE_ENTITY only */
  gboolean            many;      /* may appear more than once (a list) */
  const char         *label;     /* untranslated; ct_fact_key_label translates */
  const char * const *choices;   /* CT_FACT_TYPE_CHOICE only */
} CtFactKey;

/* The known key @key of @kind, or NULL when it is free text. */
const CtFactKey *ct_fact_key_find        (CtEntityKind   kind,
                                          const char    *key);

/* Returns: (transfer full): the label of a fact key: the known label
 * ("Release date"), else the key made readable ("fighting_style" →
 * "Fighting style"). */
char            *ct_fact_key_label       (CtEntityKind   kind,
                                          const char    *key);

/* Checks one fact of the entity titled @title of kind @kind. For a link,
 * @fact->value_kind and value_title must be filled in. The message names
 * the entity and the key:
 * `Ballerina: director must be a person, but "Ruska Roma" is an organization`. */
gboolean         ct_fact_validate        (const char    *title,
                                          CtEntityKind   kind,
                                          const CtFact  *fact,
                                          GError       **error);

/* Checks @facts (of CtFact) one by one, then that keys which take one
 * value appear once. On failure *@bad_index is the offending fact. */
gboolean         ct_facts_validate       (const char    *title,
                                          CtEntityKind   kind,
                                          GPtrArray     *facts,
                                          guint         *bad_index,
                                          GError       **error);

/* Is @text a date or partial date (YYYY, YYYY-MM, YYYY-MM-DD)? */
gboolean         ct_partial_date_is_valid (const char   *text);

G_END_DECLS
