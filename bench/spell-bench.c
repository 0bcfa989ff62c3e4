/* spell-bench — core's spelling engine on a generated 3 MB review, against
 * plain enchant asked about every blank-separated word (what a checker
 * that knows nothing of Markdown does). Prints times and ratios; asserts
 * nothing (bench/README.md). Uses the installed en_US dictionary and an
 * empty ENCHANT_CONFIG_DIR. */
#include "config.h"

#include <string.h>
#include <enchant.h>
#include <glib/gstdio.h>

#include "ct-spell.h"

static const char paragraph[] =
  "The *Ruska Roma* scenes trade speed for choreography: a long take by Laustsen, "
  "a [reflection](https://example.org/shot), `two cameras`, and a cut that lands "
  "on the beat. [[Rooney]] moves like a dancer first, and Stahelski lets the "
  "fight breathe in {{fact: Ballerina | release_date}}; one tpyo here.\n";

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config = g_dir_make_tmp ("spell-bench-XXXXXX", NULL);
  g_autoptr(GString) doc = g_string_new ("---\ntitle: Bench\n---\n");
  const char *names[] = { "Rooney", "Dan Laustsen", "Chad Stahelski", "Ruska Roma", NULL };
  g_autoptr(CtSpellChecker) checker = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) prose = NULL;
  g_autoptr(GError) error = NULL;
  EnchantBroker *broker;
  EnchantDict *dict;
  g_auto(GStrv) words = NULL;
  double t0, t_prose, t_full, t_window, t_enchant;
  guint flagged = 0, i = 0, misspelt;
  gsize middle;

  g_setenv ("ENCHANT_CONFIG_DIR", config, TRUE);
  while (doc->len < 3 * 1024 * 1024)
    {
      g_string_append_printf (doc, "\n## Sequence %u\n\n%s\n```\ncode_block(%u)\n```\n", i, paragraph, i);
      i++;
    }

  checker = ct_spell_checker_new ("en_US", &error);
  if (checker == NULL)
    g_error ("%s", error->message);
  ct_spell_checker_set_wiki_names (checker, names);

  t0 = now_ms ();
  prose = ct_spell_prose_ranges (doc->str, doc->len);
  t_prose = now_ms () - t0;

  t0 = now_ms ();
  found = ct_spell_checker_check (checker, doc->str, doc->len, 0, &error);
  t_full = now_ms () - t0;
  misspelt = found->len;

  /* what the editor does after a pause: the prose pass, then ~150 lines */
  middle = doc->len / 2;
  g_clear_pointer (&prose, g_array_unref);
  t0 = now_ms ();
  prose = ct_spell_prose_ranges (doc->str, doc->len);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ct_spell_checker_check_ranges (checker, doc->str, doc->len, prose,
                                         middle, middle + 150 * 60, 0, NULL, &error);
  t_window = now_ms () - t0;

  /* the peer: every blank-separated token to enchant, no memo */
  broker = enchant_broker_init ();
  dict = enchant_broker_request_dict (broker, "en_US");
  words = g_strsplit_set (doc->str, " \n\t", -1);
  t0 = now_ms ();
  for (guint k = 0; words[k] != NULL; k++)
    if (*words[k] != '\0' && enchant_dict_check (dict, words[k], -1) != 0)
      flagged++;
  t_enchant = now_ms () - t0;
  enchant_broker_free_dict (broker, dict);
  enchant_broker_free (broker);

  g_print ("spelling, %.1f MB post (%u sections):\n", doc->len / 1048576.0, i);
  g_print ("  prose pass (cmark + scanner)        %8.1f ms\n", t_prose);
  g_print ("  whole post, ct_spell_checker_check  %8.1f ms  (%u misspelt)\n", t_full, misspelt);
  g_print ("  editor window (prose + 150 lines)   %8.1f ms\n", t_window);
  g_print ("  plain enchant, every token          %8.1f ms  (%u flagged: code, URLs, names, markup)\n",
           t_enchant, flagged);
  g_print ("  ratio whole post / plain enchant    x%.2f\n", t_full / t_enchant);

  {
    g_autofree char *pwl = g_build_filename (config, "en_US.dic", NULL);
    g_unlink (pwl);
    g_rmdir (config);
  }
  return 0;
}
