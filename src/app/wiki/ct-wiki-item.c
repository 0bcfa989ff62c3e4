#define G_LOG_DOMAIN "ct-wiki-item"

#include "config.h"

#include "ct-wiki-item.h"

struct _CtWikiItem
{
  GObject         parent_instance;

  CtWikiItemType  type;
  gint64          id;
  CtEntityKind    kind;
  char           *title;
  char           *subtitle;
  char           *snippet;
  char           *path;
  guint           count;     /* heading: entities; post: problems */
  gboolean        flag;      /* entity: spoiler; post: draft */
};

G_DEFINE_FINAL_TYPE (CtWikiItem, ct_wiki_item, G_TYPE_OBJECT)

static void
ct_wiki_item_finalize (GObject *object)
{
  CtWikiItem *self = CT_WIKI_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->snippet);
  g_free (self->path);

  G_OBJECT_CLASS (ct_wiki_item_parent_class)->finalize (object);
}

static void
ct_wiki_item_class_init (CtWikiItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_wiki_item_finalize;
}

static void
ct_wiki_item_init (CtWikiItem *self)
{
}

CtWikiItem *
ct_wiki_item_new_heading (CtEntityKind kind,
                          guint        count)
{
  CtWikiItem *self = g_object_new (CT_TYPE_WIKI_ITEM, NULL);

  self->type = CT_WIKI_ITEM_HEADING;
  self->kind = kind;
  self->count = count;
  return self;
}

CtWikiItem *
ct_wiki_item_new_entity (gint64        id,
                         CtEntityKind  kind,
                         const char   *title,
                         const char   *summary,
                         gboolean      spoiler)
{
  CtWikiItem *self = g_object_new (CT_TYPE_WIKI_ITEM, NULL);

  self->type = CT_WIKI_ITEM_ENTITY;
  self->id = id;
  self->kind = kind;
  self->title = g_strdup (title);
  self->subtitle = g_strdup (summary);
  self->flag = spoiler;
  return self;
}

CtWikiItem *
ct_wiki_item_new_post (const char *path,
                       const char *title,
                       const char *date,
                       gboolean    draft,
                       guint       problems)
{
  CtWikiItem *self = g_object_new (CT_TYPE_WIKI_ITEM, NULL);

  self->type = CT_WIKI_ITEM_POST;
  self->path = g_strdup (path);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (date);
  self->flag = draft;
  self->count = problems;
  return self;
}

CtWikiItemType
ct_wiki_item_get_item_type (CtWikiItem *self)
{
  g_return_val_if_fail (CT_IS_WIKI_ITEM (self), CT_WIKI_ITEM_ENTITY);
  return self->type;
}

gint64
ct_wiki_item_get_id (CtWikiItem *self)
{
  g_return_val_if_fail (CT_IS_WIKI_ITEM (self), 0);
  return self->id;
}

CtEntityKind
ct_wiki_item_get_kind (CtWikiItem *self)
{
  g_return_val_if_fail (CT_IS_WIKI_ITEM (self), CT_ENTITY_FILM);
  return self->kind;
}

const char *
ct_wiki_item_get_title (CtWikiItem *self)
{
  g_return_val_if_fail (CT_IS_WIKI_ITEM (self), NULL);
  return self->title;
}

const char *
ct_wiki_item_get_subtitle (CtWikiItem *self)
{
  g_return_val_if_fail (CT_IS_WIKI_ITEM (self), NULL);
  return self->subtitle;
}

const char *
ct_wiki_item_get_snippet (CtWikiItem *self)
{
  g_return_val_if_fail (CT_IS_WIKI_ITEM (self), NULL);
  return self->snippet;
}

void
ct_wiki_item_set_snippet (CtWikiItem *self,
                          const char *markup)
{
  g_return_if_fail (CT_IS_WIKI_ITEM (self));
  g_free (self->snippet);
  self->snippet = g_strdup (markup);
}

const char *
ct_wiki_item_get_path (CtWikiItem *self)
{
  g_return_val_if_fail (CT_IS_WIKI_ITEM (self), NULL);
  return self->path;
}

guint
ct_wiki_item_get_count (CtWikiItem *self)
{
  g_return_val_if_fail (CT_IS_WIKI_ITEM (self), 0);
  return self->count;
}

gboolean
ct_wiki_item_get_flag (CtWikiItem *self)
{
  g_return_val_if_fail (CT_IS_WIKI_ITEM (self), FALSE);
  return self->flag;
}

const char *
ct_wiki_kind_icon_name (CtEntityKind kind)
{
  /* From the Adwaita icon theme of Debian 12, so none is missing. */
  static const char * const icons[CT_N_ENTITY_KINDS] = {
    [CT_ENTITY_FILM] = "video-x-generic-symbolic",
    [CT_ENTITY_PERSON] = "avatar-default-symbolic",
    [CT_ENTITY_CHARACTER] = "user-info-symbolic",
    [CT_ENTITY_SCENE] = "camera-photo-symbolic",
    [CT_ENTITY_EVENT] = "x-office-calendar-symbolic",
    [CT_ENTITY_ORGANIZATION] = "system-users-symbolic",
    [CT_ENTITY_LOCATION] = "mark-location-symbolic",
  };

  return (guint) kind < CT_N_ENTITY_KINDS ? icons[kind] : "text-x-generic-symbolic";
}
