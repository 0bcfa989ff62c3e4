#define G_LOG_DOMAIN "ct-cli-check"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ct-cli-private.h"
#include "ct-diagnostic.h"
#include "ct-cli-spelling.h"
#include "ct-render.h"
#include "ct-timeline.h"

/* `continuity check`: the diagnostics the editor underlines, as
 * "PATH:LINE:COL: error|warning: MESSAGE" lines on standard output. They
 * come from ct_render itself, so check, the editor and the preview always
 * agree. Entity notes are reported as "wiki:TITLE:LINE:COL" (docs/cli.md). */

typedef struct {
  guint errors;
  guint warnings;
  gboolean mentions;   /* --mentions: also the unlinked mentions (hints) */
  CtCliSpelling *spelling;  /* --spelling, else NULL */
  guint misspelt;
} Tally;

static void
count (Tally     *tally,
       GPtrArray *diagnostics,
       guint      errors)
{
  tally->errors += errors;
  tally->warnings += diagnostics->len - errors;
}

/* Checks @text as a document of @wiki (may be NULL), reported as @path. */
static void
check_text (Tally      *tally,
            CtWiki     *wiki,
            const char *path,
            const char *text,
            gsize       length)
{
  CtRenderOptions options = { .mode = CT_RENDER_FRAGMENT, .wiki = wiki, .check_prose = TRUE };
  g_autoptr(CtRenderResult) result = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  result = ct_render (text, length, &options, &error);
  if (result == NULL)
    {
      /* not UTF-8: the message says where */
      printf ("%s: error: %s\n", path, error->message);
      tally->errors++;
      return;
    }
  /* hints (unlinked mentions) are offers, not problems: printed when
   * asked for, in document order, and never counted */
  shown = g_ptr_array_new ();
  problems = g_ptr_array_new ();
  for (guint i = 0; i < result->diagnostics->len; i++)
    {
      CtDiagnostic *d = g_ptr_array_index (result->diagnostics, i);

      if (d->severity != CT_SEVERITY_HINT)
        g_ptr_array_add (problems, d);
      if (d->severity != CT_SEVERITY_HINT || tally->mentions)
        g_ptr_array_add (shown, d);
    }
  count (tally, problems, ct_cli_print_diagnostics (stdout, path, shown));

  if (tally->spelling != NULL
      && !ct_cli_spelling_check (tally->spelling, wiki, path, text, length, &tally->misspelt, &error))
    {
      /* no dictionary for the post's language: say so where it applies */
      printf ("%s: error: %s\n", path, error->message);
      tally->errors++;
    }
}

static gboolean
check_file (Tally       *tally,
            CtWiki      *wiki,
            const char  *path,
            const char  *shown,
            GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;

  text = ct_cli_read_input (path, &length, error);
  if (text == NULL)
    return FALSE;
  check_text (tally, wiki, shown, text, length);
  return TRUE;
}

static int
compare_posts (gconstpointer a,
               gconstpointer b)
{
  const CtPost *pa = *(CtPost * const *) a;
  const CtPost *pb = *(CtPost * const *) b;

  return strcmp (pa->path, pb->path);
}

/* The films' set_after/set_before order and the events' chronos: problems
 * of the data, not of a text, so they have no line and column:
 * "wiki:TITLE: error|warning: MESSAGE" (docs/cli.md). */
static int
check_timeline (Tally  *tally,
                CtWiki *wiki)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = ct_timeline_check_wiki (wiki, &error);

  if (problems == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      CtTimelineProblem *problem = g_ptr_array_index (problems, i);

      printf ("wiki:%s: %s: %s\n", problem->title, ct_severity_to_string (problem->diagnostic->severity),
              problem->diagnostic->message);
      if (problem->diagnostic->severity == CT_SEVERITY_ERROR)
        tally->errors++;
      else
        tally->warnings++;
    }
  return CT_EXIT_OK;
}

/* Every post of the wiki (by path), then every entity's notes (by title),
 * then the timeline. */
static int
check_wiki (Tally      *tally,
            const char *wiki_dir)
{
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GError) error = NULL;

  wiki = ct_cli_open_wiki_indexed (wiki_dir, NULL, &error);
  if (wiki == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }

  posts = ct_wiki_list_posts (wiki, &error);
  if (posts == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }
  g_ptr_array_sort (posts, compare_posts);
  for (guint i = 0; i < posts->len; i++)
    {
      CtPost *post = g_ptr_array_index (posts, i);
      g_autofree char *path = g_build_filename (wiki_dir ? wiki_dir : ct_wiki_get_folder (wiki),
                                                post->path, NULL);

      if (!check_file (tally, wiki, path, path, &error))
        {
          ct_cli_fail ("%s", error->message);
          return CT_EXIT_FAILURE;
        }
    }

  entities = ct_wiki_list_entities (wiki, -1, &error);
  if (entities == NULL)
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }
  for (guint i = 0; i < entities->len; i++)
    {
      CtEntity *entity = g_ptr_array_index (entities, i);
      g_autofree char *shown = NULL;

      if (entity->notes == NULL || *entity->notes == '\0')
        continue;
      shown = g_strdup_printf ("wiki:%s", entity->title);
      check_text (tally, wiki, shown, entity->notes, strlen (entity->notes));
    }
  return check_timeline (tally, wiki);
}

/* `check --integrity`: the whole-file check that opening a wiki skips to
 * stay O(1) (docs/decisions.md). Read-only, so it never writes to the file
 * it judges. */
static int
check_integrity (const char *wiki_dir)
{
  g_autoptr(CtWiki) wiki = NULL;
  g_autoptr(GError) error = NULL;

  wiki = ct_cli_open_wiki (wiki_dir, CT_WIKI_OPEN_READ_ONLY, &error);
  if (wiki == NULL || !ct_wiki_check_integrity (wiki, &error))
    {
      ct_cli_fail ("%s", error->message);
      return CT_EXIT_FAILURE;
    }
  printf (_("%s: no damage found\n"), ct_wiki_get_folder (wiki));
  return CT_EXIT_OK;
}

int
ct_cli_check (int    argc,
              char **argv)
{
  g_autofree char *wiki_dir = NULL;
  g_autoptr(CtCliSpelling) spelling = NULL;
  gboolean with_spelling = FALSE;
  Tally tally = { 0 };
  gboolean integrity = FALSE;
  GOptionEntry entries[] = {
    { "wiki", 0, 0, G_OPTION_ARG_FILENAME, &wiki_dir, N_("The wiki folder (default: found from each file, or from the current folder)"), N_("DIR") },
    { "mentions", 0, 0, G_OPTION_ARG_NONE, &tally.mentions, N_("Also list names of the wiki's entities written as plain text (PATH:LINE:COL: hint: …)"), NULL },
    { "integrity", 0, 0, G_OPTION_ARG_NONE, &integrity, N_("Instead of references, check every page of the wiki database for damage"), NULL },
    { "spelling", 0, 0, G_OPTION_ARG_NONE, &with_spelling, N_("Also report misspelt words, as PATH:LINE:COL: spelling: WORD (suggestions: …)"), NULL },
    { NULL }
  };

  if (!ct_cli_parse ("check", "[FILE.md…]",
                     _("Report broken references and prose the wiki contradicts, as PATH:LINE:COL: error|warning: MESSAGE.\n"
                       "Without files, checks every post of the wiki and every entity's notes.\n"
                       "Exits with 1 when there is an error (or, with --spelling, a misspelt word)."),
                     entries, &argc, &argv))
    return CT_EXIT_USAGE;

  if (integrity)
    {
      if (argc > 1)
        {
          ct_cli_fail (_("--integrity checks the wiki database and takes no files"));
          return CT_EXIT_USAGE;
        }
      return check_integrity (wiki_dir);
    }
  if (with_spelling)
    tally.spelling = spelling = ct_cli_spelling_new ();

  if (argc == 1)
    {
      int status = check_wiki (&tally, wiki_dir);
      if (status != CT_EXIT_OK)
        return status;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CtWiki) wiki = ct_cli_find_wiki (wiki_dir, argv[i], &error);

      if (error != NULL)
        {
          ct_cli_fail ("%s", error->message);
          return CT_EXIT_FAILURE;
        }
      if (!check_file (&tally, wiki, argv[i], g_str_equal (argv[i], "-") ? "<stdin>" : argv[i], &error))
        {
          ct_cli_fail ("%s", error->message);
          return CT_EXIT_FAILURE;
        }
    }

  if (tally.errors + tally.warnings > 0)
    fprintf (stderr, _("continuity: %u error(s), %u warning(s)\n"), tally.errors, tally.warnings);
  if (tally.misspelt > 0)
    fprintf (stderr, _("continuity: %u misspelt word(s)\n"), tally.misspelt);
  return tally.errors + tally.misspelt > 0 ? CT_EXIT_FAILURE : CT_EXIT_OK;
}
