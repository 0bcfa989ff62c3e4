/* ct-spell-enchant.h — enchant, opened the first time spelling is used.
 *
 * Only spelling (the editor's, `continuity check --spelling`) asks
 * enchant anything, yet linking it made every headless command map it at
 * start-up. The functions spelling uses are looked up once, on first
 * use, the way ct-archive.c opens libarchive. */
#pragma once

#include <enchant.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  EnchantBroker *(*broker_init)           (void);
  void           (*broker_free)           (EnchantBroker *broker);
  int            (*broker_dict_exists)    (EnchantBroker *broker, const char *const tag);
  EnchantDict   *(*broker_request_dict)   (EnchantBroker *broker, const char *const tag);
  void           (*broker_free_dict)      (EnchantBroker *broker, EnchantDict *dict);
  void           (*broker_list_dicts)     (EnchantBroker *broker, EnchantDictDescribeFn fn, void *user_data);
  int            (*dict_check)            (EnchantDict *dict, const char *const word, ssize_t len);
  char         **(*dict_suggest)          (EnchantDict *dict, const char *const word, ssize_t len, size_t *out_n_suggs);
  void           (*dict_free_string_list) (EnchantDict *dict, char **string_list);
  void           (*dict_add)              (EnchantDict *dict, const char *const word, ssize_t len);
} CtEnchant;

/* The functions, or NULL and a sentence saying what to install.
 * Thread-safe; loaded once. */
const CtEnchant *ct_spell_enchant_get (GError **error);

G_END_DECLS
