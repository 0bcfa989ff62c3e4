#include "config.h"

#include "ct-text-stats.h"

static void
test_words (void)
{
  static const struct { const char *text; guint words; } cases[] = {
    { "", 0 },
    { "   \n\n", 0 },
    { "one", 1 },
    { "# Heading\n\nTwo *words*.", 3 },
    { "don't well-known co-op", 3 },
    { "- list\n- items > quoted | piped", 4 },
    { "Émilie’s café, 2025", 3 },
    { "映画 は", 2 },
    { "---\ntitle: Not counted\n---\nCounted words", 2 },
    { "trailing-", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpuint (ct_text_count_words (cases[i].text, -1), ==, cases[i].words);
    }
}

static void
test_reading_time (void)
{
  g_assert_cmpuint (ct_text_reading_time (0), ==, 0);
  g_assert_cmpuint (ct_text_reading_time (1), ==, 1);
  g_assert_cmpuint (ct_text_reading_time (230), ==, 1);
  g_assert_cmpuint (ct_text_reading_time (231), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-stats/words", test_words);
  g_test_add_func ("/text-stats/reading-time", test_reading_time);
  return g_test_run ();
}
