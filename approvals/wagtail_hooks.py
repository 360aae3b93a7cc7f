from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem

from approvals import urls
from approvals.audit import LOG_ACTIONS
from approvals.guard import is_guarded_model
from approvals.operator import OPERATOR_PUBLISH_ACTION
from approvals.panels import AwaitingPartnerPanel
from approvals.partners import partner_for_user
from approvals.translation_editor import before_translation_editor


@hooks.register("register_log_actions")
def register_operator_publish(actions):
    actions.register_action(
        OPERATOR_PUBLISH_ACTION,
        _("Published by an operator command"),
        _("Published by an operator command (outside partner approval)"),
    )
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


# After the translations app's own submission hook (order -10), before wagtail-localize's (order 0): see
# approvals.translation_editor.
hooks.register("before_edit_page", before_translation_editor, order=-5)


@hooks.register("register_admin_urls")
def register_approvals_urls():
    return [path("approvals/", include((urls, "approvals"), namespace="approvals"))]


@hooks.register("register_reports_menu_item")
def register_approvals_report_menu_item():
    return MenuItem(_("Approvals"), reverse("approvals:report"), name="approvals", icon_name="tasks", order=50)


@hooks.register("construct_homepage_panels")
def add_awaiting_partner_panel(request, panels):
    if partner_for_user(request.user) is not None:
        panels.append(AwaitingPartnerPanel(request.user))


@hooks.register("register_page_action_menu_item")
def register_emergency_publish_menu_item():
    return EmergencyPublishMenuItem(order=200)


class EmergencyPublishMenuItem(ActionMenuItem):
    """For superusers only, in the editor's action menu: the emergency publication (a separate, reasoned step)."""

    name = "action-emergency-publish"
    label = _("Emergency publication…")
    icon_name = "warning"

    def is_shown(self, context):
        page = context.get("page")
        if context.get("view") != "edit" or page is None or not is_guarded_model(type(page)):
            return False
        perms = context.get("user_page_permissions_tester") or page.permissions_for_user(context["request"].user)
        return getattr(perms, "can_emergency_publish", lambda: False)()

    def get_url(self, context):
        return reverse("approvals:emergency_publish", args=[context["page"].pk])
