#define G_LOG_DOMAIN "ct-reference-edit"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ct-error.h"
#include "ct-render-private.h"
#include "ct-scanner-private.h"

/* ---- what the caret is in ----
 *
 * The scanner scans the block around the caret, keeping the ranges that
 * hide text (code spans, HTML, link destinations): then the caret is in a
 * reference exactly when the scanner would say so of the finished text,
 * and a half-typed one counts because an unclosed opener is a reference
 * too (to the end of its line). */

static const char *
find_byte (const char *p,
           const char *end,
           char        c)
{
  const char *hit = memchr (p, c, end - p);
  return hit ? hit : end;
}

void
ct_reference_context_free (CtReferenceContext *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->target);
  g_free (self);
}

static gboolean
in_hidden (Scanner *self,
           gsize    offset)
{
  for (guint i = 0; i + 1 < self->hidden->len; i += 2)
    if (g_array_index (self->hidden, gsize, i) < offset && offset < g_array_index (self->hidden, gsize, i + 1))
      return TRUE;
  return FALSE;
}

/* The start of the part that begins at @p, blanks skipped: blanks after
 * the opener, ':' or '|' are not part of a name. */
static gsize
part_start (const char *text,
            const char *p,
            const char *caret)
{
  while (p < caret && (*p == ' ' || *p == '\t'))
    p++;
  return p - text;
}

/* Splits what is typed of a reference, [content, caret), into its parts
 * the way scan_reference splits a whole one. */
static void
fill_context (CtReferenceContext *context,
              const char         *text,
              const CtReference  *ref,
              const char         *caret)
{
  const char *content = text + ref->start + 2;
  const char *colon, *bar;

  if (ref->type == CT_REF_LINK)
    {
      bar = find_byte (content, caret, '|');
      context->kind = bar < caret ? CT_REFERENCE_CONTEXT_LINK_LABEL : CT_REFERENCE_CONTEXT_LINK_TITLE;
      context->prefix_start = part_start (text, bar < caret ? bar + 1 : content, caret);
      return;
    }

  colon = find_byte (content, caret, ':');
  if (colon == caret)
    {
      context->kind = CT_REFERENCE_CONTEXT_TEMPLATE_NAME;
      context->prefix_start = part_start (text, content, caret);
      return;
    }
  {
    g_autofree char *name = _ct_scanner_trimmed (content, colon);
    context->name = g_utf8_strdown (name, -1);
  }
  bar = find_byte (colon + 1, caret, '|');
  if (bar == caret)
    {
      context->kind = CT_REFERENCE_CONTEXT_TEMPLATE_TARGET;
      context->prefix_start = part_start (text, colon + 1, caret);
      return;
    }
  context->kind = CT_REFERENCE_CONTEXT_TEMPLATE_KEY;
  context->target = _ct_scanner_trimmed (colon + 1, bar);
  context->prefix_start = part_start (text, bar + 1, caret);
}

CtReferenceContext *
ct_reference_context_at (const char *text,
                         gsize       length,
                         gsize       caret)
{
  CtReferenceContext *context = g_new0 (CtReferenceContext, 1);
  const CtReference *around = NULL;
  const char *line;
  Scanner self;
  gsize block_start, block_end;

  g_return_val_if_fail (caret <= length, context);

  context->kind = CT_REFERENCE_CONTEXT_NONE;
  context->prefix_start = context->prefix_end = caret;

  /* Cheap first: a reference the caret is in opens on its line, before it. */
  line = text + caret;
  while (line > text && line[-1] != '\n')
    line--;
  if (!ct_text_has_reference_opener (line, text + caret - line))
    return context;

  _ct_scanner_init (&self, text, length);
  self.hidden = g_array_new (FALSE, FALSE, sizeof (gsize));
  if (_ct_scanner_scan_blocks (&self, &caret, &block_start, &block_end) && !in_hidden (&self, caret))
    {
      /* The last reference opened before the caret holds it, unless it
       * closed before it or opened on an earlier line. */
      for (guint i = self.refs->len; i > 0 && around == NULL; i--)
        {
          const CtReference *ref = g_ptr_array_index (self.refs, i - 1);

          if (ref->start + 2 <= caret)
            around = ref;
        }
      if (around != NULL
          && (!around->closed || caret + 2 <= around->end)
          && text + around->start >= line)
        {
          context->start = around->start;
          fill_context (context, text, around, text + caret);
        }
    }
  _ct_scanner_clear (&self);
  return context;
}

/* ---- writing a link ----
 *
 * The other way round from the scanner. The reference
 * language has no escapes inside `[[…]]` (docs/reference-syntax.md): a
 * link ends at the first `]]`, its name at the first `|`, and it cannot
 * hold a line break or another opener. So a title is written as it is,
 * with a blank between it and the brackets when it starts with `[` or ends
 * with `]` (blanks around a name don't count, brackets do); what no link
 * can say is refused rather than written as a link to something else. The
 * scanner itself has the last word: the text is scanned back before it is
 * handed out. */

char *
ct_reference_format_link (const char  *title,
                          GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *link = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  const CtReference *ref;
  const char *bad = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  if (!g_utf8_validate (title, -1, NULL))
    {
      g_set_error_literal (error, CT_ERROR, CT_ERROR_ENCODING, _("The title is not valid UTF-8 text."));
      return NULL;
    }
  name = g_strstrip (g_strdup (title));
  if (*name == '\0')
    {
      g_set_error_literal (error, CT_ERROR, CT_ERROR_INVALID, _("An empty title cannot be linked to."));
      return NULL;
    }

  if (strpbrk (name, "\r\n") != NULL)
    bad = _("a line break");
  else if (strchr (name, '|') != NULL)
    bad = "|";
  else if (strstr (name, "]]") != NULL)
    bad = "]]";
  else if (strstr (name, "[[") != NULL)
    bad = "[[";
  else if (strstr (name, "{{") != NULL)
    bad = "{{";
  if (bad != NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("“%s” cannot be written as a link: a link cannot hold “%s”. Rename the entity or link to one of its aliases."),
                   name, bad);
      return NULL;
    }

  link = g_strdup_printf ("[[%s%s%s]]", name[0] == '[' ? " " : "", name,
                          g_str_has_suffix (name, "]") ? " " : "");

  /* Whatever the rules above missed, the scanner would not miss. */
  refs = ct_scan_references (link, strlen (link));
  ref = refs->len == 1 ? g_ptr_array_index (refs, 0) : NULL;
  if (ref == NULL || !ref->closed || ref->start != 0 || ref->end != strlen (link)
      || ref->label != NULL || g_strcmp0 (ref->target, name) != 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("“%s” cannot be written as a link. Rename the entity or link to one of its aliases."), name);
      return NULL;
    }
  return g_steal_pointer (&link);
}

/* What a template's target or key may not hold: the characters that end
 * or split a template, and line breaks (references never span lines). */
static gboolean
check_template_part (const char  *part,
                     GError     **error)
{
  const char *bad = NULL;

  if (!g_utf8_validate (part, -1, NULL))
    {
      g_set_error_literal (error, CT_ERROR, CT_ERROR_ENCODING, _("The title is not valid UTF-8 text."));
      return FALSE;
    }
  if (strpbrk (part, "\r\n") != NULL)
    bad = _("a line break");
  else if (strchr (part, '|') != NULL)
    bad = "|";
  else if (strstr (part, "}}") != NULL)
    bad = "}}";
  else if (strstr (part, "{{") != NULL)
    bad = "{{";
  else if (*part == '\0')
    {
      g_set_error_literal (error, CT_ERROR, CT_ERROR_INVALID, _("A template needs the name of an entity."));
      return FALSE;
    }
  if (bad != NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("“%s” cannot be written in a template: a template cannot hold “%s”."), part, bad);
      return FALSE;
    }
  return TRUE;
}

char *
ct_reference_format_template (const char  *name,
                              const char  *target,
                              const char  *key,
                              GError     **error)
{
  g_autofree char *clean_target = NULL;
  g_autofree char *clean_key = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  const CtReference *ref;

  g_return_val_if_fail (name != NULL && target != NULL, NULL);

  clean_target = g_strstrip (g_strdup (target));
  if (!check_template_part (clean_target, error))
    return NULL;
  if (key != NULL)
    {
      clean_key = g_strstrip (g_strdup (key));
      if (!check_template_part (clean_key, error))
        return NULL;
    }
  text = clean_key ? g_strdup_printf ("{{%s: %s | %s}}", name, clean_target, clean_key)
                   : g_strdup_printf ("{{%s: %s}}", name, clean_target);

  /* Whatever the rules above missed, the scanner would not miss. */
  refs = ct_scan_references (text, strlen (text));
  ref = refs->len == 1 ? g_ptr_array_index (refs, 0) : NULL;
  if (ref == NULL || !ref->closed || ref->type != CT_REF_TEMPLATE || ref->end != strlen (text)
      || g_strcmp0 (ref->target, clean_target) != 0 || g_strcmp0 (ref->key, clean_key) != 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID,
                   _("“%s” cannot be written in a template."), clean_target);
      return NULL;
    }
  return g_steal_pointer (&text);
}

gboolean
ct_reference_is_block (const char *text)
{
  g_autoptr(GPtrArray) refs = NULL;
  const CtReference *ref;

  g_return_val_if_fail (text != NULL, FALSE);

  refs = ct_scan_references (text, strlen (text));
  if (refs->len != 1)
    return FALSE;
  ref = g_ptr_array_index (refs, 0);
  return ref->type == CT_REF_TEMPLATE && ref->closed && ct_template_is_block (ref->name);
}

/* ---- what is under the pointer ---- */

char *
ct_reference_at (const char *text,
                 gsize       length,
                 gsize       offset,
                 gsize      *start,
                 gsize      *end)
{
  g_autoptr(GPtrArray) refs = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  /* Only a finished reference names an entity; the scanner's rules say
   * what is one (nothing in code, nothing after a backslash). */
  if (!ct_text_has_reference_opener (text, length))
    return NULL;
  refs = ct_scan_references (text, length);
  for (guint i = 0; i < refs->len; i++)
    {
      const CtReference *ref = g_ptr_array_index (refs, i);

      if (ref->start > offset)
        break;
      if (!ref->closed || ref->target == NULL || *ref->target == '\0' || offset >= ref->end)
        continue;
      if (start != NULL)
        *start = ref->start;
      if (end != NULL)
        *end = ref->end;
      return g_strdup (ref->target);
    }
  return NULL;
}
