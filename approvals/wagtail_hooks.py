from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from approvals.audit import LOG_ACTIONS
from approvals.operator import OPERATOR_PUBLISH_ACTION


@hooks.register("register_log_actions")
def register_operator_publish(actions):
    actions.register_action(
        OPERATOR_PUBLISH_ACTION,
        _("Published by an operator command"),
        _("Published by an operator command (outside partner approval)"),
    )
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
