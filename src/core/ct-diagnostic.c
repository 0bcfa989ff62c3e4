#define G_LOG_DOMAIN "ct-diagnostic"

#include "config.h"

#include "ct-diagnostic.h"

/* Computes the 1-based line and character column of byte @offset in @text. */
static void
locate (const char *text,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  const char *line_start = text;
  guint l = 1;

  for (const char *p = text; p < text + offset && *p; p++)
    if (*p == '\n')
      {
        l++;
        line_start = p + 1;
      }

  *line = l;
  *column = 1 + (guint) g_utf8_pointer_to_offset (line_start, text + offset);
}

/**
 * ct_diagnostic_new:
 * @text: the whole document, to compute line and column from @start
 *
 * Returns: (transfer full): a new diagnostic
 */
CtDiagnostic *
ct_diagnostic_new (CtSeverity  severity,
                   const char *text,
                   gsize       start,
                   gsize       end,
                   const char *message)
{
  CtDiagnostic *self = g_new0 (CtDiagnostic, 1);

  self->severity = severity;
  self->start = start;
  self->end = MAX (start, end);
  self->message = g_strdup (message);
  locate (text, start, &self->line, &self->column);

  return self;
}

CtDiagnostic *
ct_diagnostic_new_at (CtSeverity  severity,
                      gsize       start,
                      gsize       end,
                      guint       line,
                      guint       column,
                      const char *message)
{
  CtDiagnostic *self = g_new0 (CtDiagnostic, 1);

  self->severity = severity;
  self->start = start;
  self->end = MAX (start, end);
  self->line = line;
  self->column = column;
  self->message = g_strdup (message);

  return self;
}

CtDiagnostic *
ct_diagnostic_copy (const CtDiagnostic *self)
{
  CtDiagnostic *copy = g_memdup2 (self, sizeof *self);

  copy->message = g_strdup (self->message);
  if (self->fixes != NULL)
    copy->fixes = g_ptr_array_copy (self->fixes, (GCopyFunc) ct_quick_fix_copy, NULL);
  return copy;
}

void
ct_diagnostic_free (CtDiagnostic *self)
{
  if (self == NULL)
    return;
  g_free (self->message);
  g_clear_pointer (&self->fixes, g_ptr_array_unref);
  g_free (self);
}

const char *
ct_severity_to_string (CtSeverity severity)
{
  switch (severity)
    {
    case CT_SEVERITY_ERROR:
      return "error";
    case CT_SEVERITY_HINT:
      return "hint";
    case CT_SEVERITY_WARNING:
    default:
      return "warning";
    }
}

CtQuickFix *
ct_quick_fix_copy (const CtQuickFix *self)
{
  CtQuickFix *copy = g_new0 (CtQuickFix, 1);

  copy->label = g_strdup (self->label);
  copy->start = self->start;
  copy->end = self->end;
  copy->replacement = g_strdup (self->replacement);
  return copy;
}

void
ct_quick_fix_free (CtQuickFix *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self->replacement);
  g_free (self);
}

void
ct_diagnostic_add_fix (CtDiagnostic *self,
                       const char   *label,
                       gsize         start,
                       gsize         end,
                       const char   *replacement)
{
  CtQuickFix fix = { (char *) label, start, MAX (start, end), (char *) replacement };

  if (self->fixes == NULL)
    self->fixes = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_quick_fix_free);
  g_ptr_array_add (self->fixes, ct_quick_fix_copy (&fix));
}
