"""The security log's actions, named in the admin's site history (Reports → Site history), and the two-factor pages:
their URLs, the account menu's entry and a superuser's "Reset two-factor" in the user list."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from security import audit
from security.two_factor import rules, urls


@hooks.register("register_log_actions")
def register_security_actions(actions):
    actions.register_action(audit.LOGIN, _("Signed in"), _("Signed in"))
    actions.register_action(audit.LOGIN_FAILED, _("Failed sign-in"), _("Failed sign-in"))
    actions.register_action(audit.LOCKOUT, _("Locked out after failed sign-ins"), _("Locked out after failed sign-ins"))
    actions.register_action(audit.UNLOCK, _("Sign-in lockout lifted"), _("Sign-in lockout lifted"))
    actions.register_action(audit.GROUPS_CHANGED, _("Groups changed"), _("Groups changed"))
    actions.register_action(audit.EXPORT, _("Report exported"), _("Report exported"))
    two_factor = [
        (audit.TWO_FACTOR_ENROLLED, _("Two-factor authentication enrolled")),
        (audit.TWO_FACTOR_VERIFIED, _("Two-factor code accepted")),
        (audit.TWO_FACTOR_FAILED, _("Wrong two-factor code")),
        (audit.TWO_FACTOR_RECOVERY_CODES, _("New two-factor recovery codes")),
        (audit.TWO_FACTOR_REMOVED, _("Two-factor authentication turned off")),
        (audit.TWO_FACTOR_RESET, _("Two-factor authentication reset")),
    ]
    for action, label in two_factor:
        actions.register_action(action, label, label)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("portal_2fa_account"),
        "label": _("Two-factor authentication"),
        "help_text": _("A code from an app on your phone at each sign-in, and recovery codes for when it is lost."),
    }


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if request_user.is_superuser and rules.has_device(user):
        yield Button(_("Reset two-factor"), reverse("portal_2fa_reset", args=[user.pk]), icon_name="key", priority=90)
