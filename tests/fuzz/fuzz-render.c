/* libFuzzer target: the reference scanner and the renderer, in every mode,
 * over arbitrary input and a small real wiki (tests/fixtures/wiki/refs.json,
 * hostile entities included). Besides crashes and AddressSanitizer reports
 * it checks what must always hold: references lie inside the text in
 * order, valid UTF-8 always renders, and no HTML mode lets a <script> tag
 * or a javascript: link through when raw HTML is off.
 *
 * Build with -Dfuzzing=true and CC=clang; run build-aux/run-fuzz. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ct-render.h"
#include "ct-scanner.h"
#include "ct-wiki.h"

static CtWiki *wiki;

static void
open_wiki (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  char *folder;

  folder = g_dir_make_tmp ("ct-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  wiki = ct_wiki_open (folder, CT_WIKI_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_file_get_contents (CT_FUZZ_FIXTURE, &json, NULL, &error);
  g_assert_no_error (error);
  ct_wiki_import (wiki, json, -1, &error);
  g_assert_no_error (error);
  /* the folder stays for the life of the process: libFuzzer never returns */
  g_free (folder);
}

static void
check_references (const char *text,
                  gsize       length)
{
  g_autoptr(GPtrArray) refs = ct_scan_references (text, length);
  gsize last = 0;

  for (guint i = 0; i < refs->len; i++)
    {
      CtReference *ref = g_ptr_array_index (refs, i);

      if (ref->start < last || ref->end <= ref->start || ref->end > length || ref->line < 1 || ref->column < 1)
        abort ();
      last = ref->start + 1;
    }
}

static void
check_html (const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);

  if (strstr (lower, "<script") != NULL || strstr (lower, "href=\"javascript:") != NULL
      || strstr (lower, "src=\"javascript:") != NULL)
    abort ();
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const CtRenderMode modes[] = {
    CT_RENDER_PREVIEW, CT_RENDER_STANDALONE, CT_RENDER_FRAGMENT, CT_RENDER_SITE, CT_RENDER_MARKDOWN,
  };
  CtRenderOptions options = { 0 };
  g_autoptr(CtRenderResult) result = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (wiki == NULL)
    open_wiki ();
  if (size == 0)
    return 0;

  /* the scanner takes any bytes, as the editor may hand it */
  check_references ((const char *) data + 1, size - 1);

  /* the first byte picks the mode and the site URL; the rest is the text */
  options.mode = modes[data[0] % G_N_ELEMENTS (modes)];
  options.site_url = (data[0] & 0x80) ? "https://example.org/wiki" : NULL;
  options.wiki = (data[0] & 0x40) ? NULL : wiki;
  text = g_utf8_make_valid ((const char *) data + 1, size - 1);
  length = strlen (text);

  result = ct_render (text, length, &options, NULL);
  if (result == NULL)
    abort ();

  if (options.mode != CT_RENDER_MARKDOWN)
    {
      check_html (result->output);
      for (guint i = 0; i < result->blocks->len; i++)
        check_html (((CtRenderBlock *) g_ptr_array_index (result->blocks, i))->html);
    }
  return 0;
}
