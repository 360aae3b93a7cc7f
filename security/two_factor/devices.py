"""The second factor of one account: its authenticator app (a django-otp TOTP device) and its recovery codes (a
django-otp static device holding single-use tokens).

An account has at most one authenticator. Enrolment creates it unconfirmed (the secret shown to the person) and
confirms it with a first valid code; until then it opens nothing (django-otp ignores unconfirmed devices).
Wrong codes are throttled by django-otp on the device they were tried against: each failure doubles the wait before
the next try (1, 2, 4... seconds, ``OTP_TOTP_THROTTLE_FACTOR``), so guessing a 6-digit code is out of reach.
"""

import re
from base64 import b32encode

import segno
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"
_TOTP_CODE = re.compile(r"^\d{6}$")


class Throttled(Exception):
    """Too many wrong codes in a row: no code is checked until ``seconds`` have passed."""

    def __init__(self, seconds):
        super().__init__(seconds)
        self.seconds = seconds


def normalise(code):
    """What people type, as the devices compare it: spaces and dashes dropped, lower case."""
    return re.sub(r"[\s-]", "", code or "").lower()


def pending_authenticator(user):
    """The authenticator being enrolled, created on first need and kept until confirmed, so that reloading the page
    shows the same secret the person may already have scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def secret_text(device):
    """The secret in base32, in groups of four, for typing into an app that cannot scan."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def qr_code_data_uri(device):
    """The otpauth:// address of ``device`` as a QR code, an SVG data URI drawn here (the admin's CSP allows data:
    images; no outside service ever sees the secret). White behind it, so it scans in the admin's dark theme too."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2, dark="black", light="white")


def _check(device, code):
    """Check ``code`` against ``device`` inside a transaction that locks the device (a code is good once)."""
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, info = locked.verify_is_allowed()
        if not allowed:
            until = (info or {}).get("locked_until")
            seconds = max(1, int((until - timezone.now()).total_seconds()) + 1) if until else 1
            raise Throttled(seconds)
        return locked if locked.verify_token(code) else None


def confirm_authenticator(device, code):
    """Confirm the pending ``device`` with a first valid code; True when it is now the account's authenticator."""
    code = normalise(code)
    if not _TOTP_CODE.match(code) or _check(device, code) is None:
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.refresh_from_db()
    return True


def verify(user, code):
    """The device of ``user`` that accepts ``code``, or None. Six digits are an app code; anything else is tried as
    a recovery code, which is then used up. Raises Throttled while wrong codes must wait."""
    code = normalise(code)
    if _TOTP_CODE.match(code):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    else:
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    return _check(device, code)


def new_recovery_codes(user):
    """Replace the recovery codes of ``user`` by RECOVERY_CODE_COUNT new ones and return them (shown once)."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_all(user):
    """Delete the authenticator and the recovery codes of ``user``; returns how many devices were removed."""
    with transaction.atomic():
        removed, _by_model = TOTPDevice.objects.filter(user=user).delete()
        static = StaticDevice.objects.filter(user=user)
        count = static.count()
        static.delete()
    return removed + count
