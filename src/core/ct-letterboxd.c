#define G_LOG_DOMAIN "ct-letterboxd"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ct-letterboxd-private.h"
#include "ct-wiki-private.h"

/* The import in three steps, so that it is all or nothing:
 *   1. read and check the whole export (a bad row stops it here);
 *   2. decide each film (an entity to reuse, or a title for a new one)
 *      and each post (new, changed, unchanged, edited by the user), and
 *      write the new and changed posts into a hidden staging folder
 *      beside their final place;
 *   3. create the films in one transaction and, once it has committed,
 *      move the staged posts in (a rename within one folder: each post
 *      appears whole or not at all).
 * Cancelling or failing before the commit leaves the wiki as it was. */

typedef struct {
  CtLetterboxdFilm *film;
  gint64            id;      /* the entity reused, or 0 for a new one */
  char             *title;   /* its title (existing or to create) */
} FilmPlan;

typedef enum {
  POST_NEW,
  POST_UPDATE,
  POST_UNCHANGED,
  POST_EDITED,
} PostAction;

static void
film_plan_free (FilmPlan *plan)
{
  g_free (plan->title);
  g_free (plan);
}

void
ct_letterboxd_report_free (CtLetterboxdReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->edited_paths, g_ptr_array_unref);
  g_free (self);
}

char *
ct_letterboxd_report_describe (const CtLetterboxdReport *self)
{
  guint reviews = self->posts_written + self->posts_updated;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Imported %u review", "Imported %u reviews", reviews), reviews);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, ", %u film new", ", %u films new", self->films_added),
                          self->films_added);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, ", %u already in the wiki", ", %u already in the wiki",
                                            self->films_reused), self->films_reused);
  if (self->posts_unchanged > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, ", %u post unchanged", ", %u posts unchanged",
                                              self->posts_unchanged), self->posts_unchanged);
  if (self->posts_edited > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, ", %u post you edited left as it is",
                                              ", %u posts you edited left as they are", self->posts_edited),
                            self->posts_edited);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Deciding films */

static char *
year_of (const char *release_date)
{
  return release_date && strlen (release_date) >= 4 ? g_strndup (release_date, 4) : NULL;
}

/* Is entity @id the film @film: a film whose release year is the film's,
 * or whose facts cite the film's Letterboxd address? */
static gboolean
is_same_film (CtWiki                 *wiki,
              gint64                  id,
              const CtLetterboxdFilm *film,
              GError                **error)
{
  g_autoptr(CtEntity) entity = ct_wiki_get_entity (wiki, id, error);
  g_autoptr(GPtrArray) facts = NULL;
  gboolean has_date = FALSE;

  if (entity == NULL || entity->kind != CT_ENTITY_FILM)
    return FALSE;
  facts = ct_wiki_get_facts (wiki, id, error);
  if (facts == NULL)
    return FALSE;
  for (guint i = 0; i < facts->len; i++)
    {
      CtFact *fact = g_ptr_array_index (facts, i);

      if (film->uri != NULL && g_strcmp0 (fact->source, film->uri) == 0)
        return TRUE;
      if (g_strcmp0 (fact->key, "release_date") == 0 && fact->text != NULL)
        {
          g_autofree char *year = year_of (fact->text);
          has_date = TRUE;
          if (film->year != NULL && g_strcmp0 (year, film->year) == 0)
            return TRUE;
        }
    }
  /* Neither side knows the year: the same title is all there is. */
  return film->year == NULL && !has_date;
}

/* Titles tried for @film, in order: its name, then the way Wikipedia
 * tells films apart ("Dune (1984 film)"), then "Dune (film)". */
/* The film's name as an entity title may be written: references use
 * | [ ] { } as punctuation, so "[REC]" is titled "(REC)"; the post keeps
 * the name as Letterboxd writes it. */
static char *
title_from_name (const char *name)
{
  char *title = g_strdup (name);

  for (char *p = title; *p != '\0'; p++)
    {
      if (*p == '[' || *p == '{')
        *p = '(';
      else if (*p == ']' || *p == '}')
        *p = ')';
      else if (*p == '|')
        *p = '/';
      else if ((guchar) *p < 0x20 || *p == 0x7f)
        *p = ' ';
    }
  return title;
}

static GPtrArray *
candidate_titles (const CtLetterboxdFilm *film)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = title_from_name (film->name);

  g_ptr_array_add (titles, g_strdup (name));
  if (film->year != NULL)
    g_ptr_array_add (titles, g_strdup_printf ("%s (%s film)", name, film->year));
  g_ptr_array_add (titles, g_strdup_printf ("%s (film)", name));
  return titles;
}

/* Every film of the wiki by the sources its facts cite: a film imported
 * before is found by its Letterboxd page even after the user renamed it. */
static GHashTable *
films_by_source (CtWiki  *wiki,
                 GError **error)
{
  g_autoptr(GHashTable) by_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) films = ct_wiki_list_entities (wiki, CT_ENTITY_FILM, error);

  if (films == NULL)
    return NULL;
  for (guint i = 0; i < films->len; i++)
    {
      CtEntity *film = g_ptr_array_index (films, i);
      g_autoptr(GPtrArray) facts = ct_wiki_get_facts (wiki, film->id, error);

      if (facts == NULL)
        return NULL;
      for (guint j = 0; j < facts->len; j++)
        {
          CtFact *fact = g_ptr_array_index (facts, j);
          if (fact->source != NULL && !g_hash_table_contains (by_source, fact->source))
            g_hash_table_insert (by_source, g_strdup (fact->source), g_memdup2 (&film->id, sizeof film->id));
        }
    }
  return g_steal_pointer (&by_source);
}

static GPtrArray *
plan_films (CtWiki              *wiki,
            CtLetterboxdExport  *export,
            GError             **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) film_plan_free);
  g_autoptr(GHashTable) by_source = films_by_source (wiki, error);
  g_autoptr(GHashTable) per_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (by_source == NULL)
    return NULL;

  /* How many films of the export share each name. */
  for (guint i = 0; i < export->films->len; i++)
    {
      CtLetterboxdFilm *film = g_ptr_array_index (export->films, i);
      char *key = _ct_wiki_name_key (film->name);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_name, key));

      g_hash_table_replace (per_name, key, GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; i < export->films->len; i++)
    {
      CtLetterboxdFilm *film = g_ptr_array_index (export->films, i);
      g_autoptr(GPtrArray) titles = candidate_titles (film);
      g_autofree char *name_key = _ct_wiki_name_key (film->name);
      FilmPlan *plan = g_new0 (FilmPlan, 1);
      gboolean shared = GPOINTER_TO_UINT (g_hash_table_lookup (per_name, name_key)) > 1;

      plan->film = film;
      g_ptr_array_add (plans, plan);

      if (film->uri != NULL && g_hash_table_contains (by_source, film->uri))
        {
          g_autoptr(CtEntity) entity = NULL;

          plan->id = *(gint64 *) g_hash_table_lookup (by_source, film->uri);
          entity = ct_wiki_get_entity (wiki, plan->id, error);
          if (entity == NULL)
            return NULL;
          plan->title = g_strdup (entity->title);
          continue;
        }

      for (guint t = 0; t < titles->len && plan->id == 0; t++)
        {
          gint64 id = _ct_wiki_id_by_title (wiki, g_ptr_array_index (titles, t), error);

          if (id < 0)
            return NULL;
          if (id > 0 && is_same_film (wiki, id, film, error))
            {
              plan->id = id;
              plan->title = g_strdup (g_ptr_array_index (titles, t));
            }
          else if (error && *error)
            return NULL;
        }
      if (plan->id != 0)
        continue;

      /* A new film: the plain name when nothing else wants it. */
      for (guint t = shared ? 1 : 0; t < titles->len && plan->title == NULL; t++)
        {
          const char *title = g_ptr_array_index (titles, t);
          g_autofree char *key = _ct_wiki_name_key (title);
          gint64 id = _ct_wiki_id_by_title (wiki, title, error);

          if (id < 0)
            return NULL;
          if (id == 0 && !g_hash_table_contains (taken, key))
            {
              plan->title = g_strdup (title);
              g_hash_table_add (taken, g_steal_pointer (&key));
            }
        }
      if (plan->title == NULL)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_EXISTS,
                       _("The film “%s” cannot be added: the wiki already has other entities titled “%s” and “%s”. Rename one and import again."),
                       film->name, (const char *) g_ptr_array_index (titles, 0),
                       (const char *) g_ptr_array_index (titles, titles->len - 1));
          return NULL;
        }
    }
  return g_steal_pointer (&plans);
}

static GPtrArray *
film_facts (const CtLetterboxdFilm *film)
{
  GPtrArray *facts = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_fact_free);
  CtFact *fact = g_new0 (CtFact, 1);

  /* The year is what Letterboxd knows of the release: a partial date,
   * cited to the film's page there. Without a year, the page itself is
   * kept as a fact so the film still says where it came from. */
  fact->key = g_strdup (film->year ? "release_date" : "letterboxd");
  fact->text = g_strdup (film->year ? film->year : film->uri);
  fact->source = g_strdup (film->uri);
  fact->status = CT_FACT_CONFIRMED;
  if (fact->text == NULL)
    {
      ct_fact_free (fact);
      return facts;
    }
  g_ptr_array_add (facts, fact);
  return facts;
}

static gboolean
write_films (CtWiki     *wiki,
             GPtrArray  *plans,
             GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  if (!ct_db_begin (wiki->db, error))
    return FALSE;
  _ct_wiki_defer_search (wiki);
  for (guint i = 0; ok && i < plans->len; i++)
    {
      FilmPlan *plan = g_ptr_array_index (plans, i);
      g_autoptr(GPtrArray) facts = NULL;
      gint64 id;

      if (plan->id != 0)
        continue;
      id = _ct_wiki_insert_entity (wiki, CT_ENTITY_FILM, plan->title, &local_error);
      facts = film_facts (plan->film);
      ok = id > 0 && _ct_wiki_write_facts (wiki, id, facts, NULL, &local_error);
      if (ok)
        plan->id = id;
    }
  if (!ok || !_ct_wiki_flush_search (wiki, &local_error))
    {
      _ct_wiki_drop_search (wiki);
      _ct_wiki_rollback (wiki);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  _ct_wiki_note_change (wiki, 0);
  return _ct_wiki_commit (wiki, error);
}

/* Posts */

static void
remove_staging (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

typedef struct {
  char       *name;     /* file name in posts/letterboxd */
  char       *text;
  PostAction  action;
} PostPlan;

static void
post_plan_free (PostPlan *plan)
{
  g_free (plan->name);
  g_free (plan->text);
  g_free (plan);
}

static GPtrArray *
plan_posts (CtLetterboxdExport  *export,
            GPtrArray           *films,
            const char          *posts_dir,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) post_plan_free);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < films->len; i++)
    {
      FilmPlan *plan = g_ptr_array_index (films, i);
      g_hash_table_insert (titles, plan->film, plan->title);
    }
  /* Two reviews of one film on one day share a name; both then carry
   * their own address's hash, whatever the order of the rows. */
  for (guint i = 0; i < export->reviews->len; i++)
    {
      g_autofree char *name = _ct_letterboxd_post_name (g_ptr_array_index (export->reviews, i), FALSE);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (names, name));
      g_hash_table_replace (names, g_steal_pointer (&name), GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; i < export->reviews->len; i++)
    {
      CtLetterboxdReview *review = g_ptr_array_index (export->reviews, i);
      g_autofree char *plain = _ct_letterboxd_post_name (review, FALSE);
      PostPlan *plan = g_new0 (PostPlan, 1);
      g_autofree char *path = NULL;
      g_autofree char *old = NULL;
      gsize old_len;

      g_ptr_array_add (plans, plan);
      plan->name = _ct_letterboxd_post_name (review, GPOINTER_TO_UINT (g_hash_table_lookup (names, plain)) > 1);
      plan->text = _ct_letterboxd_post_text (review, g_hash_table_lookup (titles, review->film), error);
      if (plan->text == NULL)
        return NULL;

      path = g_build_filename (posts_dir, plan->name, NULL);
      if (!g_file_get_contents (path, &old, &old_len, NULL))
        plan->action = POST_NEW;
      else if (old_len == strlen (plan->text) && memcmp (old, plan->text, old_len) == 0)
        plan->action = POST_UNCHANGED;
      else if (_ct_letterboxd_post_is_pristine (old, old_len))
        plan->action = POST_UPDATE;
      else
        plan->action = POST_EDITED;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }
  return g_steal_pointer (&plans);
}

static gboolean
stage_posts (GPtrArray   *plans,
             const char  *staging,
             GError     **error)
{
  for (guint i = 0; i < plans->len; i++)
    {
      PostPlan *plan = g_ptr_array_index (plans, i);
      g_autofree char *path = NULL;
      g_autoptr(GError) local_error = NULL;

      if (plan->action != POST_NEW && plan->action != POST_UPDATE)
        continue;
      path = g_build_filename (staging, plan->name, NULL);
      if (!g_file_set_contents (path, plan->text, -1, &local_error))
        {
          g_set_error (error, CT_ERROR, CT_ERROR_IO, _("The imported posts could not be written: %s"),
                       local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

CtLetterboxdReport *
ct_letterboxd_import (CtWiki               *wiki,
                      const char           *path,
                      GCancellable         *cancellable,
                      CtLetterboxdProgress  progress,
                      gpointer              user_data,
                      GError              **error)
{
  g_autoptr(CtLetterboxdExport) export = NULL;
  g_autoptr(CtLetterboxdReport) report = NULL;
  g_autoptr(GPtrArray) films = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autofree char *posts_dir = NULL;
  g_autofree char *staging = NULL;
  guint total, moved_errors = 0;
  g_autoptr(GString) move_problems = g_string_new (NULL);

  g_return_val_if_fail (CT_IS_WIKI (wiki), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!_ct_wiki_check_writable (wiki, error))
    return NULL;
  export = _ct_letterboxd_export_read (path, cancellable, error);
  if (export == NULL)
    return NULL;
  total = export->films->len + export->reviews->len + 1;
  if (progress)
    progress (0, total, user_data);

  films = plan_films (wiki, export, error);
  if (films == NULL)
    return NULL;
  posts_dir = g_build_filename (ct_wiki_get_folder (wiki), CT_LETTERBOXD_POSTS_DIR, NULL);
  posts = plan_posts (export, films, posts_dir, cancellable, error);
  if (posts == NULL)
    return NULL;
  if (progress)
    progress (export->films->len, total, user_data);

  report = g_new0 (CtLetterboxdReport, 1);
  report->edited_paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < films->len; i++)
    {
      FilmPlan *plan = g_ptr_array_index (films, i);
      if (plan->id != 0)
        report->films_reused++;
      else
        report->films_added++;
    }
  for (guint i = 0; i < posts->len; i++)
    {
      PostPlan *plan = g_ptr_array_index (posts, i);

      switch (plan->action)
        {
        case POST_NEW: report->posts_written++; break;
        case POST_UPDATE: report->posts_updated++; break;
        case POST_UNCHANGED: report->posts_unchanged++; break;
        case POST_EDITED:
          report->posts_edited++;
          g_ptr_array_add (report->edited_paths, g_build_filename (CT_LETTERBOXD_POSTS_DIR, plan->name, NULL));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (report->films_added == 0 && report->posts_written == 0 && report->posts_updated == 0)
    {
      if (progress)
        progress (total, total, user_data);
      return g_steal_pointer (&report);  /* nothing to write: the wiki is not touched */
    }

  if (g_mkdir_with_parents (posts_dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, CT_ERROR, CT_ERROR_IO, _("The folder %s could not be created: %s"),
                   posts_dir, g_strerror (saved));
      return NULL;
    }
  staging = g_build_filename (posts_dir, ".import-XXXXXX", NULL);
  if (g_mkdtemp (staging) == NULL)
    {
      int saved = errno;
      g_set_error (error, CT_ERROR, CT_ERROR_IO, _("The folder %s could not be written: %s"),
                   posts_dir, g_strerror (saved));
      return NULL;
    }
  if (!stage_posts (posts, staging, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !write_films (wiki, films, error))
    {
      remove_staging (staging);
      return NULL;
    }
  if (progress)
    progress (total - 1, total, user_data);

  /* Committed: from here the posts are moved in, one rename each. */
  for (guint i = 0; i < posts->len; i++)
    {
      PostPlan *plan = g_ptr_array_index (posts, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (plan->action != POST_NEW && plan->action != POST_UPDATE)
        continue;
      from = g_build_filename (staging, plan->name, NULL);
      to = g_build_filename (posts_dir, plan->name, NULL);
      if (g_rename (from, to) != 0)
        {
          int saved = errno;
          moved_errors++;
          g_string_append_printf (move_problems, "\n%s: %s", to, g_strerror (saved));
        }
    }
  if (moved_errors > 0)
    {
      /* The films are in; the posts that could not be moved stay in the
       * staging folder rather than being lost. */
      g_set_error (error, CT_ERROR, CT_ERROR_IO,
                   _("The films were imported, but %u posts could not be put in place; they are in %s:%s"),
                   moved_errors, staging, move_problems->str);
      return NULL;
    }
  g_rmdir (staging);

  if (!ct_wiki_index_posts (wiki, cancellable, error))
    return NULL;
  if (progress)
    progress (total, total, user_data);
  return g_steal_pointer (&report);
}
