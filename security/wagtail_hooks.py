"""The security log's actions, named in the admin's site history (Reports → Site history)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from security import audit


@hooks.register("register_log_actions")
def register_security_actions(actions):
    actions.register_action(audit.LOGIN, _("Signed in"), _("Signed in"))
    actions.register_action(audit.LOGIN_FAILED, _("Failed sign-in"), _("Failed sign-in"))
    actions.register_action(audit.LOCKOUT, _("Locked out after failed sign-ins"), _("Locked out after failed sign-ins"))
    actions.register_action(audit.UNLOCK, _("Sign-in lockout lifted"), _("Sign-in lockout lifted"))
    actions.register_action(audit.GROUPS_CHANGED, _("Groups changed"), _("Groups changed"))
    actions.register_action(audit.EXPORT, _("Report exported"), _("Report exported"))
