#define G_LOG_DOMAIN "ct-completion-provider"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ct-completion-item.h"
#include "ct-completion-provider.h"
#include "ct-render.h"
#include "ct-fact-keys.h"
#include "ct-render-card.h"
#include "ct-scanner.h"

struct _CtCompletionProvider
{
  GObject     parent_instance;

  CtWiki     *wiki;
  CtTextMirror *mirror;  /* the page's, or NULL: copy out of the buffer */
  /* entity id → when it was last inserted (a counter): within a rank,
   * what the writer used last in this session comes first. */
  GHashTable *recent;
  guint       uses;
};

static void provider_iface_init (GtkSourceCompletionProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtCompletionProvider, ct_completion_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROVIDER,
                                                      provider_iface_init))

static guint
last_use (CtCompletionProvider *self,
          gint64                entity_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->recent, &entity_id));
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const CtLookup *la = *(const CtLookup **) a;
  const CtLookup *lb = *(const CtLookup **) b;
  guint ua, ub;

  if (la->rank != lb->rank)
    return la->rank < lb->rank ? -1 : 1;
  ua = last_use (user_data, la->entity_id);
  ub = last_use (user_data, lb->entity_id);
  return ua == ub ? 0 : (ua > ub ? -1 : 1);
}

static void
propose_names (CtCompletionProvider *self,
               GListStore           *store,
               const char           *prefix,
               const char           *closer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  if (self->wiki == NULL)
    return;
  found = ct_wiki_complete (self->wiki, prefix, CT_COMPLETION_MAX_NAMES, &error);
  if (found == NULL)
    {
      g_debug ("No completion: %s", error->message);
      return;
    }
  /* Core ranks by how the name matches; ties go to what was used last.
   * The sort is stable (g_qsort_with_data), so core's order stays
   * between names never used. */
  g_ptr_array_sort_with_data (found, compare_ranked, self);
  for (guint i = 0; i < found->len; i++)
    {
      const CtLookup *lookup = g_ptr_array_index (found, i);
      g_autoptr(CtCompletionItem) item = NULL;

      item = ct_completion_item_new (lookup->matched, ct_entity_kind_label (lookup->kind), closer);
      ct_completion_item_set_entity (item, lookup->entity_id);
      if (lookup->match == CT_MATCH_ALIAS)
        {
          /* Translators: after a name in the completion list: "alias of Rooney" */
          g_autofree char *note = g_strdup_printf (_("alias of %s"), lookup->title);

          ct_completion_item_set_note (item, note);
        }
      g_list_store_append (store, item);
    }
}

/* What each template makes, said in the list after its name. Core knows
 * the names; the sentences are the UI's, to be translated. */
static const struct {
  const char *name;
  const char *makes;
} template_descriptions[] = {
  { "fact",        N_("one fact of an entity, kept up to date") },
  { "cast",        N_("the film's cast and crew as a table") },
  { "scenes",      N_("the film's scenes in order, with locations") },
  { "timeline",    N_("events in in-universe order") },
  { "infobox",     N_("the entity's facts as an infobox") },
  { "appearances", N_("the films and scenes an entity appears in") },
};

static const char *
template_makes (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (template_descriptions); i++)
    if (g_str_equal (template_descriptions[i].name, name))
      return _(template_descriptions[i].makes);
  return NULL;
}

static void
propose_keys (CtCompletionProvider *self,
              GListStore           *store,
              const char           *target,
              const char           *prefix)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const CtLookup *lookup;
  const char * const *known;
  gsize prefix_len = strlen (prefix);

  if (self->wiki == NULL)
    return;
  found = ct_wiki_lookup (self->wiki, target, NULL);
  if (found == NULL || found->len != 1)
    return;
  lookup = g_ptr_array_index (found, 0);

  /* The keys the entity has first, then the others its kind knows. */
  facts = ct_wiki_get_facts (self->wiki, lookup->entity_id, NULL);
  known = ct_wiki_known_keys (lookup->kind);
  for (guint pass = 0; pass < 2; pass++)
    {
      guint n = pass == 0 ? (facts ? facts->len : 0) : (known ? g_strv_length ((char **) known) : 0);

      for (guint i = 0; i < n; i++)
        {
          const char *key = pass == 0 ? ((CtFact *) g_ptr_array_index (facts, i))->key : known[i];
          g_autoptr(CtCompletionItem) item = NULL;
          g_autofree char *label = NULL;

          if (g_hash_table_contains (seen, key) || g_ascii_strncasecmp (key, prefix, prefix_len) != 0)
            continue;
          g_hash_table_add (seen, (gpointer) key);
          label = ct_fact_key_label (lookup->kind, key);
          /* Translators: what a fact key proposal is, before the key */
          item = ct_completion_item_new (key, _("Fact"), "}}");
          ct_completion_item_set_note (item, label);
          g_list_store_append (store, item);
        }
    }
}

/* Proposals for the caret at byte @caret of @text (the whole document:
 * what is code or a closed reference depends on text before and after the
 * caret). Core says what the caret is in; the wiki says what fits. */
static GListStore *
propose_at (CtCompletionProvider *self,
            const char           *text,
            gsize                 length,
            gsize                 caret,
            guint                *typed)
{
  GListStore *store = g_list_store_new (CT_TYPE_COMPLETION_ITEM);
  g_autoptr(CtReferenceContext) context = ct_reference_context_at (text, length, caret);
  g_autofree char *prefix = NULL;

  *typed = 0;
  switch (context->kind)
    {
    case CT_REFERENCE_CONTEXT_NONE:
    case CT_REFERENCE_CONTEXT_LINK_LABEL:  /* the user's own words */
      return store;
    case CT_REFERENCE_CONTEXT_TEMPLATE_KEY:
      if (!g_str_equal (context->name, "fact"))
        return store;
      break;
    case CT_REFERENCE_CONTEXT_LINK_TITLE:
    case CT_REFERENCE_CONTEXT_TEMPLATE_NAME:
    case CT_REFERENCE_CONTEXT_TEMPLATE_TARGET:
    default:
      break;
    }

  prefix = g_strndup (text + context->prefix_start, context->prefix_end - context->prefix_start);
  *typed = g_utf8_strlen (prefix, -1);

  switch (context->kind)
    {
    case CT_REFERENCE_CONTEXT_LINK_TITLE:
      propose_names (self, store, prefix, "]]");
      break;
    case CT_REFERENCE_CONTEXT_TEMPLATE_TARGET:
      propose_names (self, store, prefix, "}}");
      break;
    case CT_REFERENCE_CONTEXT_TEMPLATE_NAME:
      for (const char * const *name = ct_render_template_names (); *name != NULL; name++)
        if (g_ascii_strncasecmp (*name, prefix, strlen (prefix)) == 0)
          {
            /* {{timeline}} needs no entity: close it at once. */
            gboolean bare = g_str_equal (*name, "timeline");
            g_autoptr(CtCompletionItem) item =
              ct_completion_item_new (*name, _("Template"), bare ? "}}" : ": ");

            ct_completion_item_set_note (item, template_makes (*name));
            g_list_store_append (store, item);
          }
      break;
    case CT_REFERENCE_CONTEXT_TEMPLATE_KEY:
      propose_keys (self, store, context->target, prefix);
      break;
    case CT_REFERENCE_CONTEXT_NONE:
    case CT_REFERENCE_CONTEXT_LINK_LABEL:
    default:
      g_assert_not_reached ();
    }
  return store;
}

GListStore *
ct_completion_provider_propose (CtCompletionProvider *self,
                                const char           *before,
                                guint                *typed)
{
  g_return_val_if_fail (CT_IS_COMPLETION_PROVIDER (self), NULL);
  g_return_val_if_fail (before != NULL, NULL);

  return propose_at (self, before, strlen (before), strlen (before), typed);
}

/* The whole text of the buffer, and the caret's byte offset in it. */
static char *
text_around_cursor (CtCompletionProvider       *provider,
                    GtkSourceCompletionContext *context,
                    GtkTextIter                *cursor,
                    gsize                      *caret)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (gtk_source_completion_context_get_buffer (context));
  GtkTextIter start, end;
  g_autofree char *before = NULL;

  gtk_text_buffer_get_iter_at_mark (buffer, cursor, gtk_text_buffer_get_insert (buffer));
  /* Every key while the list is up asks again: two walks over a 3 MB
   * buffer took 10-25 ms of each keystroke there; the mirror is a memcpy
   * and a line lookup. */
  if (provider->mirror != NULL)
    {
      gsize length;

      *caret = ct_text_mirror_byte_offset (provider->mirror, cursor);
      return ct_text_mirror_dup (provider->mirror, &length);
    }
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  before = gtk_text_iter_get_slice (&start, cursor);
  *caret = strlen (before);
  return gtk_text_iter_get_slice (&start, &end);
}

static GListModel *
ct_completion_provider_populate (GtkSourceCompletionProvider  *provider,
                                 GtkSourceCompletionContext   *context,
                                 GError                      **error)
{
  GtkTextIter cursor;
  gsize caret;
  g_autofree char *text = text_around_cursor (CT_COMPLETION_PROVIDER (provider), context, &cursor, &caret);
  guint typed;
  GListStore *store = propose_at (CT_COMPLETION_PROVIDER (provider), text, strlen (text), caret, &typed);

  g_debug ("%u proposals at byte %" G_GSIZE_FORMAT, g_list_model_get_n_items (G_LIST_MODEL (store)), caret);
  return G_LIST_MODEL (store);
}

static void
ct_completion_provider_populate_async (GtkSourceCompletionProvider *provider,
                                       GtkSourceCompletionContext  *context,
                                       GCancellable                *cancellable,
                                       GAsyncReadyCallback          callback,
                                       gpointer                     user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);

  /* A prefix range on an index: fast enough to answer at once. */
  g_task_set_source_tag (task, ct_completion_provider_populate_async);
  g_task_return_pointer (task, ct_completion_provider_populate (provider, context, NULL), g_object_unref);
}

static GListModel *
ct_completion_provider_populate_finish (GtkSourceCompletionProvider  *provider,
                                        GAsyncResult                 *result,
                                        GError                      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Each key typed changes the prefix: propose again into the same list. */
static void
ct_completion_provider_refilter (GtkSourceCompletionProvider *provider,
                                 GtkSourceCompletionContext  *context,
                                 GListModel                  *model)
{
  g_autoptr(GListModel) fresh = ct_completion_provider_populate (provider, context, NULL);
  guint n = g_list_model_get_n_items (fresh);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (fresh, i));
  g_list_store_splice (G_LIST_STORE (model), 0, g_list_model_get_n_items (model), items->pdata, items->len);
}

static gboolean
ct_completion_provider_is_trigger (GtkSourceCompletionProvider *provider,
                                   const GtkTextIter           *iter,
                                   gunichar                     ch)
{
  GtkTextIter before = *iter;

  /* Brackets open a reference, ':' and '|' start its next part; populate
   * proposes nothing when the caret is in no open reference. */
  if (ch == '[' || ch == '{' || ch == ':' || ch == '|')
    return TRUE;
  if (ch != ' ')
    return FALSE;
  /* The blank people type after `{{fact:` or `Ballerina |` would
   * otherwise close the list GtkSourceView opened on the ':' or '|'
   * (blanks end a word for it). Only the characters are looked at here:
   * whether it is a reference is still core's to say, in populate. */
  gtk_text_iter_backward_char (&before);  /* the blank just typed */
  while (gtk_text_iter_backward_char (&before) && gtk_text_iter_get_char (&before) == ' ')
    ;
  return gtk_text_iter_get_char (&before) == ':' || gtk_text_iter_get_char (&before) == '|';
}

/* The summary of a name's entity, read when the proposal is first
 * selected; a spoiler entity's is not told. */
static const char *
item_comment (CtCompletionProvider *self,
              CtCompletionItem     *item)
{
  gint64 id = ct_completion_item_get_entity (item);

  if (!ct_completion_item_has_comment (item))
    {
      g_autoptr(CtEntity) entity = NULL;

      if (id > 0 && self->wiki != NULL)
        entity = ct_wiki_get_entity (self->wiki, id, NULL);
      if (entity != NULL && entity->spoiler)
        ct_completion_item_set_comment (item, _("Summary hidden: spoiler"));
      else
        ct_completion_item_set_comment (item, entity != NULL ? entity->summary : NULL);
    }
  return ct_completion_item_get_comment (item);
}

/* Each part in its own column, so none is drawn over another: the kind
 * before the name (right-aligned), the name, a short note after it, and
 * the entity's summary under the list, for the selected proposal only.
 * Every column is set, empty ones to NULL, as cells are reused from row
 * to row. The summary is one line, ellipsized: a long one must not
 * widen the popover past the window. */
static void
ct_completion_provider_display (GtkSourceCompletionProvider *provider,
                                GtkSourceCompletionContext  *context,
                                GtkSourceCompletionProposal *proposal,
                                GtkSourceCompletionCell     *cell)
{
  CtCompletionProvider *self = CT_COMPLETION_PROVIDER (provider);
  CtCompletionItem *item = CT_COMPLETION_ITEM (proposal);
  GtkWidget *label;

  switch (gtk_source_completion_cell_get_column (cell))
    {
    case GTK_SOURCE_COMPLETION_COLUMN_BEFORE:
      gtk_source_completion_cell_set_text (cell, ct_completion_item_get_detail (item));
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_TYPED_TEXT:
      gtk_source_completion_cell_set_text (cell, ct_completion_item_get_text (item));
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_AFTER:
      gtk_source_completion_cell_set_text (cell, ct_completion_item_get_note (item));
      if ((label = gtk_source_completion_cell_get_widget (cell)) != NULL && GTK_IS_LABEL (label))
        {
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
        }
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_COMMENT:
      gtk_source_completion_cell_set_text (cell, item_comment (self, item));
      if ((label = gtk_source_completion_cell_get_widget (cell)) != NULL && GTK_IS_LABEL (label))
        {
          gtk_label_set_wrap (GTK_LABEL (label), FALSE);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
        }
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_ICON:
    case GTK_SOURCE_COMPLETION_COLUMN_DETAILS:
    default:
      gtk_source_completion_cell_set_text (cell, NULL);
      break;
    }
}

static void
ct_completion_provider_activate (GtkSourceCompletionProvider *provider,
                                 GtkSourceCompletionContext  *context,
                                 GtkSourceCompletionProposal *proposal)
{
  CtCompletionItem *item = CT_COMPLETION_ITEM (proposal);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (gtk_source_completion_context_get_buffer (context));
  const char *closer = ct_completion_item_get_closer (item);
  GtkTextIter cursor, start, after;
  gsize caret;
  g_autofree char *text = text_around_cursor (CT_COMPLETION_PROVIDER (provider), context, &cursor, &caret);
  g_autoptr(GListStore) unused = NULL;
  g_autofree char *following = NULL;
  guint typed;

  unused = propose_at (CT_COMPLETION_PROVIDER (provider), text, strlen (text), caret, &typed);
  if (ct_completion_item_get_entity (item) > 0)
    {
      CtCompletionProvider *self = CT_COMPLETION_PROVIDER (provider);
      gint64 id = ct_completion_item_get_entity (item);

      g_hash_table_insert (self->recent, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (++self->uses));
    }
  start = cursor;
  gtk_text_iter_backward_chars (&start, (int) typed);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &cursor);
  gtk_text_buffer_insert (buffer, &start, ct_completion_item_get_text (item), -1);
  after = start;
  gtk_text_iter_forward_chars (&after, g_utf8_strlen (closer, -1));
  following = gtk_text_iter_get_slice (&start, &after);
  /* A closer typed already (completing inside [[…]]) is stepped over. */
  if (g_strcmp0 (following, closer) != 0)
    gtk_text_buffer_insert (buffer, &start, closer, -1);
  else
    start = after;
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_end_user_action (buffer);
}

static char *
ct_completion_provider_get_title (GtkSourceCompletionProvider *provider)
{
  return g_strdup (_("Wiki"));
}

static void
provider_iface_init (GtkSourceCompletionProviderInterface *iface)
{
  iface->get_title = ct_completion_provider_get_title;
  iface->is_trigger = ct_completion_provider_is_trigger;
  iface->populate = ct_completion_provider_populate;
  iface->populate_async = ct_completion_provider_populate_async;
  iface->populate_finish = ct_completion_provider_populate_finish;
  iface->refilter = ct_completion_provider_refilter;
  iface->display = ct_completion_provider_display;
  iface->activate = ct_completion_provider_activate;
}

static void
ct_completion_provider_dispose (GObject *object)
{
  CtCompletionProvider *self = CT_COMPLETION_PROVIDER (object);

  g_clear_object (&self->wiki);

  G_OBJECT_CLASS (ct_completion_provider_parent_class)->dispose (object);
}

static void
ct_completion_provider_finalize (GObject *object)
{
  CtCompletionProvider *self = CT_COMPLETION_PROVIDER (object);

  g_hash_table_unref (self->recent);

  G_OBJECT_CLASS (ct_completion_provider_parent_class)->finalize (object);
}

static void
ct_completion_provider_class_init (CtCompletionProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ct_completion_provider_dispose;
  G_OBJECT_CLASS (klass)->finalize = ct_completion_provider_finalize;
}

static void
ct_completion_provider_init (CtCompletionProvider *self)
{
  self->recent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

CtCompletionProvider *
ct_completion_provider_new (void)
{
  return g_object_new (CT_TYPE_COMPLETION_PROVIDER, NULL);
}

void
ct_completion_provider_set_wiki (CtCompletionProvider *self,
                                 CtWiki               *wiki)
{
  g_return_if_fail (CT_IS_COMPLETION_PROVIDER (self));

  /* Another wiki's ids mean other entities. */
  if (g_set_object (&self->wiki, wiki))
    g_hash_table_remove_all (self->recent);
}

void
ct_completion_provider_set_text_mirror (CtCompletionProvider *self,
                                        CtTextMirror         *mirror)
{
  g_return_if_fail (CT_IS_COMPLETION_PROVIDER (self));

  self->mirror = mirror;
}
