#define G_LOG_DOMAIN "ct-mentions"

#include "config.h"

#include <string.h>

#include "ct-entity.h"
#include "ct-mentions.h"

/* A trie whose edges are whole words: from each word of the text the walk
 * follows the words of the names that start there and stops at the first
 * word no name continues with, so the text is read about once whatever
 * the number of names (a name is a handful of words). A node that ends a
 * name says whose it is; two entities ending at one node make it
 * ambiguous, and an ambiguous name is never offered.
 *
 * The nodes are one array and the edges one hash table keyed by the
 * parent's index and the word, the words in one string chunk: a wiki of
 * 100,000 entities has some 300,000 edges, and a hash table per node
 * with a malloc per word cost about 130 MB where this takes a few tens. */

#define AMBIGUOUS ((gint64) -1)
/* Longer words are in no name worth linking; they are not looked up. */
#define MAX_WORD_BYTES 128
/* An edge's key: the parent's index in 8 hex digits, then the word. */
#define PARENT_DIGITS 8
#define MAX_KEY_BYTES (PARENT_DIGITS + MAX_WORD_BYTES + 1)

typedef struct {
  gint64   entity_id;   /* a name ends here: its entity, AMBIGUOUS, or 0 */
  guint32  title;       /* index in titles, when entity_id is set */
  gboolean parent;      /* some edge leaves this node */
} Node;

struct _CtMentionMatcher {
  GArray       *nodes;   /* of Node; the root is 0 */
  GHashTable   *edges;   /* key (in keys) → child index (never 0: the root) */
  GStringChunk *keys;
  GPtrArray    *titles;  /* owns the titles */
};

/* Writes the edge key of @word (@n bytes) under @parent into @key. */
static void
edge_key (char       *key,
          guint       parent,
          const char *word,
          gsize       n)
{
  static const char hex[] = "0123456789abcdef";

  for (int i = PARENT_DIGITS - 1; i >= 0; i--, parent >>= 4)
    key[i] = hex[parent & 0xf];
  memcpy (key + PARENT_DIGITS, word, n);
  key[PARENT_DIGITS + n] = '\0';
}

/* The child of @parent along @word, or 0 (the root is nobody's child). */
static guint
node_find_child (CtMentionMatcher *self,
                 guint             parent,
                 const char       *word,
                 gsize             n)
{
  char key[MAX_KEY_BYTES];

  if (n > MAX_WORD_BYTES || !g_array_index (self->nodes, Node, parent).parent)
    return 0;
  edge_key (key, parent, word, n);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->edges, key));
}

/* The child of @parent along @word, made if need be; 0 for a word too
 * long to be looked up, which no text can reach. */
static guint
node_child (CtMentionMatcher *self,
            guint             parent,
            const char       *word)
{
  gsize n = strlen (word);
  guint child;
  char key[MAX_KEY_BYTES];

  if (n > MAX_WORD_BYTES)
    return 0;
  child = node_find_child (self, parent, word, n);
  if (child != 0)
    return child;
  child = self->nodes->len;
  g_array_set_size (self->nodes, child + 1);
  g_array_index (self->nodes, Node, parent).parent = TRUE;
  edge_key (key, parent, word, n);
  g_hash_table_insert (self->edges, g_string_chunk_insert (self->keys, key), GUINT_TO_POINTER (child));
  return child;
}

void
ct_mention_split_words (const char *text,
                        gsize       start,
                        gsize       end,
                        GArray     *words)
{
  const char *p = text + start;
  const char *stop = text + end;

  while (p < stop)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      CtMentionWord word = { p - text, 0, FALSE };

      if (g_unichar_isspace (c))
        {
          p = next;
          continue;
        }
      if (g_unichar_isalnum (c))
        while (next < stop && g_unichar_isalnum (g_utf8_get_char (next)))
          next = g_utf8_next_char (next);
      word.end = next - text;
      g_array_append_val (words, word);
      p = next;
    }
}

static gboolean
name_is_worth_linking (const char *name)
{
  gboolean upper = FALSE;

  if (g_utf8_strlen (name, -1) < CT_MENTION_MIN_CHARS)
    return FALSE;
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    upper |= g_unichar_isupper (g_utf8_get_char (p));
  return upper;
}

static void
insert_words (CtMentionMatcher *self,
              const char       *name,
              GArray           *words,
              const char       *first,
              gint64            id,
              guint32           title)
{
  guint index = 0;
  Node *node;

  for (guint i = 0; i < words->len; i++)
    {
      const CtMentionWord *w = &g_array_index (words, CtMentionWord, i);
      g_autofree char *word = i == 0 && first != NULL ? g_strdup (first)
                                                      : g_strndup (name + w->start, w->end - w->start);
      index = node_child (self, index, word);
      if (index == 0)
        return;
    }
  node = &g_array_index (self->nodes, Node, index);
  if (node->entity_id == 0)
    {
      node->entity_id = id;
      node->title = title;
    }
  else if (node->entity_id != id)
    node->entity_id = AMBIGUOUS;
}

static void
insert_name (CtMentionMatcher *self,
             const char       *name,
             gint64            id,
             guint32           title)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (CtMentionWord));
  const CtMentionWord *first;
  gunichar c;

  if (name == NULL || !name_is_worth_linking (name))
    return;
  ct_mention_split_words (name, 0, strlen (name), words);
  if (words->len == 0)
    return;
  insert_words (self, name, words, NULL, id, title);

  /* a name that starts lower-case ("the Continental") may open a
   * sentence: its capitalized form is the same name */
  first = &g_array_index (words, CtMentionWord, 0);
  c = g_utf8_get_char (name + first->start);
  if (g_unichar_islower (c))
    {
      g_autofree char *rest = g_strndup (g_utf8_next_char (name + first->start),
                                         first->end - (g_utf8_next_char (name + first->start) - name));
      char upper[8] = { 0 };
      g_autofree char *capital = NULL;

      g_unichar_to_utf8 (g_unichar_totitle (c), upper);
      capital = g_strconcat (upper, rest, NULL);
      insert_words (self, name, words, capital, id, title);
    }
}

/* "John Wick (film)" → "John Wick"; NULL when there is no "(…)" at the end. */
static char *
without_disambiguation (const char *title)
{
  gsize n = strlen (title);
  const char *open;

  if (n < 3 || title[n - 1] != ')')
    return NULL;
  open = g_strrstr (title, " (");
  if (open == NULL || open == title)
    return NULL;
  return g_strndup (title, open - title);
}

CtMentionMatcher *
ct_mention_matcher_new (GPtrArray *entities)
{
  CtMentionMatcher *self = g_atomic_rc_box_new0 (CtMentionMatcher);

  self->nodes = g_array_sized_new (FALSE, TRUE, sizeof (Node), 1);
  g_array_set_size (self->nodes, 1);
  self->edges = g_hash_table_new (g_str_hash, g_str_equal);
  self->keys = g_string_chunk_new (64 * 1024);
  self->titles = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      const CtEntity *entity = g_ptr_array_index (entities, i);
      guint32 title = self->titles->len;
      g_autofree char *bare = without_disambiguation (entity->title);

      g_ptr_array_add (self->titles, g_strdup (entity->title));
      insert_name (self, entity->title, entity->id, title);
      if (bare != NULL)
        insert_name (self, bare, entity->id, title);
      for (guint a = 0; entity->aliases != NULL && entity->aliases[a] != NULL; a++)
        insert_name (self, entity->aliases[a], entity->id, title);
    }
  return self;
}

static void
matcher_clear (CtMentionMatcher *self)
{
  g_array_unref (self->nodes);
  g_hash_table_unref (self->edges);
  g_string_chunk_free (self->keys);
  g_ptr_array_unref (self->titles);
}

CtMentionMatcher *
ct_mention_matcher_ref (CtMentionMatcher *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
ct_mention_matcher_unref (CtMentionMatcher *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, (GDestroyNotify) matcher_clear);
}

/* Not a word of a path, an address or a handle ("/Rooney", "@Rooney"). */
static gboolean
bounded (const char *text,
         gsize       length,
         gsize       start,
         gsize       end)
{
  if (start > 0 && strchr ("/@#\\", text[start - 1]) != NULL)
    return FALSE;
  if (end < length && text[end] != '\0' && strchr ("/@", text[end]) != NULL)
    return FALSE;
  return memchr (text + start, '\n', end - start) == NULL
         && memchr (text + start, '\r', end - start) == NULL;
}

void
ct_mention_matcher_find (CtMentionMatcher     *self,
                         const char           *text,
                         gsize                 length,
                         const CtMentionWord  *words,
                         guint                 n_words,
                         void                (*found) (const CtMentionMatch *match,
                                                       gpointer              user_data),
                         gpointer              user_data)
{
  for (guint i = 0; i < n_words;)
    {
      guint node = 0;
      const Node *best = NULL;
      guint best_last = i;

      for (guint j = i; j < n_words; j++)
        {
          const Node *reached;

          if (j > i && words[j].breaks)
            break;
          node = node_find_child (self, node, text + words[j].start, words[j].end - words[j].start);
          if (node == 0)
            break;
          reached = &g_array_index (self->nodes, Node, node);
          if (reached->entity_id != 0)
            {
              best = reached;
              best_last = j;
            }
        }

      if (best != NULL && best->entity_id != AMBIGUOUS
          && bounded (text, length, words[i].start, words[best_last].end))
        {
          CtMentionMatch match = { words[i].start, words[best_last].end, best->entity_id,
                                   g_ptr_array_index (self->titles, best->title) };

          found (&match, user_data);
          i = best_last + 1;
        }
      else
        i++;
    }
}
