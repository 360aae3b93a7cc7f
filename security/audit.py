"""The security log: logins, failed logins, lockouts, unlocks, group changes and two-factor changes, with the user
and the address.

Each event is written twice: to Wagtail's audit log against the user account (so a superuser reads it in the admin's
site history, filtered by action), and to the ``portal.security`` logger (so the server's log collector keeps it
whatever happens to the database). Failed logins name the username that was typed, which may not exist; those go to
the logger only, and to the audit log when the account exists.
"""

import logging
from contextvars import ContextVar

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject
from wagtail.log_actions import log

from security.network import client_ip

logger = logging.getLogger("portal.security")
_request = ContextVar("portal_security_request", default=None)

LOGIN = "portal.login"
LOGIN_FAILED = "portal.login_failed"
LOCKOUT = "portal.lockout"
UNLOCK = "portal.unlock"
GROUPS_CHANGED = "portal.groups_changed"
EXPORT = "portal.export"
# Two-factor authentication (security/two_factor/).
TWO_FACTOR_ENROLLED = "portal.2fa_enrolled"
TWO_FACTOR_VERIFIED = "portal.2fa_verified"
TWO_FACTOR_FAILED = "portal.2fa_failed"
TWO_FACTOR_RECOVERY_CODES = "portal.2fa_recovery_codes"
TWO_FACTOR_REMOVED = "portal.2fa_removed"
TWO_FACTOR_RESET = "portal.2fa_reset"


def _unwrapped(user):
    """The user model instance behind ``request.user``'s lazy wrappers (django-otp adds one): Wagtail's audit log
    finds its log model by the instance's class, and silently writes nothing for a wrapper."""
    while isinstance(user, LazyObject):
        user.pk  # noqa: B018  (evaluates the wrapper)
        user = user._wrapped
    return user


def record(action, *, user=None, account=None, request=None, **data):
    """Write one security event. ``user`` did it; ``account`` is the account it concerns (default ``user``)."""
    request = request if request is not None else _request.get()
    if user is None and request is not None and getattr(request, "user", None) and request.user.is_authenticated:
        user = request.user
    address = client_ip(request) if request is not None else ""
    user = _unwrapped(user)
    account = _unwrapped(account) or user
    data = {"ip": address, **data}
    account_name, user_name = getattr(account, "username", None), getattr(user, "username", None)
    logger.info("%s account=%s by=%s %s", action, account_name, user_name, data)
    if account is not None and getattr(account, "pk", None):
        log(instance=account, action=action, user=user, data=data)


def log_export(request, report, export_format):
    """A report exported to a file leaves the admin with its data: say who took what, and from where."""
    record(EXPORT, user=request.user, request=request, report=report, format=export_format or "")


def _account(username):
    if not username:
        return None
    return get_user_model()._default_manager.filter(**{get_user_model().USERNAME_FIELD: username}).first()


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    record(LOGIN, user=user, request=request)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    record(LOGIN_FAILED, account=_account(username), request=request, username=username)


@receiver(user_locked_out)
def on_lockout(sender, request, username, ip_address, **kwargs):
    record(LOCKOUT, account=_account(username), request=request, username=username or "")


@receiver(m2m_changed, sender=get_user_model().groups.through)
def on_groups_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    from django.contrib.auth.models import Group

    names = sorted(Group.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
    record(GROUPS_CHANGED, account=instance, change=action.removeprefix("post_"), groups=names)


class SecurityContextMiddleware:
    """Lets events raised deep in a request (a group change saved by the admin's user form) name who and where."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
