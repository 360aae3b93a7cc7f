"""Who must have a second factor, and what a signed-in session still has to do before the admin opens.

One rule: with ``PORTAL_REQUIRE_2FA`` on, the three partners' reviewers (``approvals.partners``) and superusers must
enrol. Everyone else may. Whoever enrolled is asked for a code at each sign-in, whatever the setting says: a second
factor someone chose is never skipped.
"""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from approvals.partners import partner_for_user

VERIFY = "verify"
ENROL = "enrol"


def is_required(user):
    """True when ``user`` may not use the admin without a second factor."""
    if not getattr(settings, "PORTAL_REQUIRE_2FA", False) or not user.is_authenticated:
        return False
    return user.is_superuser or partner_for_user(user) is not None


def has_device(user):
    """True when ``user`` has a confirmed authenticator app (recovery codes alone do not count)."""
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def next_step(user):
    """What the session of ``user`` must do before the admin opens: VERIFY, ENROL, or None (nothing)."""
    if not user.is_authenticated or user.is_verified():
        return None
    if has_device(user):
        return VERIFY
    if is_required(user):
        return ENROL
    return None
