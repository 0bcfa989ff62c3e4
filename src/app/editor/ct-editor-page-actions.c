/* ct-editor-page-actions.c — the page.* actions: what the banner buttons
 * do, and moving between problems. Installed on the class, so every page
 * has them and the banner table only names them. */
#define G_LOG_DOMAIN "ct-editor-page"

#include "config.h"

#include "ct-editor-page-private.h"
#include "ct-problems.h"

static void
page_reload_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _ct_editor_page_reload (CT_EDITOR_PAGE (widget));
}

static void
page_keep_mine_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  self->keep_mine = TRUE;
  _ct_editor_page_set_banner (self, BANNER_NONE, NULL);
}

static void
page_dismiss_banner_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  _ct_editor_page_set_banner (CT_EDITOR_PAGE (widget), BANNER_NONE, NULL);
}

static void
page_discard_changes_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  _ct_editor_page_discard_draft (self);
  _ct_editor_page_reload (self);
}

static void
page_discard_draft_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  _ct_editor_page_discard_draft (self);
  g_clear_pointer (&self->offered_draft, ct_draft_free);
  _ct_editor_page_set_banner (self, BANNER_NONE, NULL);
}

static void
page_restore_draft_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  if (self->offered_draft != NULL)
    {
      _ct_editor_page_apply_draft_text (self, self->offered_draft->text);
      /* Another program changed the file after this draft: Save must ask
       * before the draft's text replaces that change. */
      ct_document_mark_diverged (self->document);
    }
  g_clear_pointer (&self->offered_draft, ct_draft_free);
  _ct_editor_page_set_banner (self, BANNER_NONE, NULL);
}

static void
page_next_problem_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CtEditorPage *self = CT_EDITOR_PAGE (widget);

  ct_problems_go_next (self->problems, g_str_equal (action_name, "page.previous-problem"));
}

void
_ct_editor_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.reload", NULL, page_reload_action);
  gtk_widget_class_install_action (widget_class, "page.keep-mine", NULL, page_keep_mine_action);
  gtk_widget_class_install_action (widget_class, "page.dismiss-banner", NULL, page_dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "page.discard-changes", NULL, page_discard_changes_action);
  gtk_widget_class_install_action (widget_class, "page.discard-draft", NULL, page_discard_draft_action);
  gtk_widget_class_install_action (widget_class, "page.restore-draft", NULL, page_restore_draft_action);
  /* F8 / Shift+F8 (application accels). */
  gtk_widget_class_install_action (widget_class, "page.next-problem", NULL, page_next_problem_action);
  gtk_widget_class_install_action (widget_class, "page.previous-problem", NULL, page_next_problem_action);
}
