"""The signed links of subscriptions (django.core.signing, keyed by SECRET_KEY).

- A confirmation token carries the whole request (address, language, filters) and expires after
  ``CONFIRMATION_MAX_AGE``: nothing is stored before its owner follows it. It is encrypted as well as authenticated
  (Fernet: AES-128-CBC and HMAC-SHA256, key derived from SECRET_KEY), because the link travels in URLs that proxies,
  web servers and mail scanners write to their logs: a signed-only token would put the address there in clear
  (base64), which law 09-08's proportionality rules out for data kept nowhere else. Rotating SECRET_KEY voids the
  links not yet followed (people ask again).
- A subscriber token names a stored subscriber and its secret ``key``; it does not expire (a message read months
  later must still unsubscribe), and deleting the subscriber or renewing its key voids it.

A token that is forged, altered, expired or names nobody is ``None`` here; the views answer it with a 400 or 404
that says so.
"""

import base64
import hashlib
import json
import time

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare

from subscriptions.models import Subscriber

CONFIRMATION_MAX_AGE = 3 * 24 * 3600
CONFIRM_SALT = "subscriptions.confirm"
SUBSCRIBER_SALT = "subscriptions.subscriber"


class Expired(Exception):
    """A confirmation link that was genuine but is too old."""


def _confirmation_cipher():
    key = hashlib.sha256(f"{CONFIRM_SALT}:{settings.SECRET_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def confirmation_token(request_data):
    """``request_data``: {"email", "language", "page_types", "themes", "regions"}, encrypted (padding dropped)."""
    plain = json.dumps(request_data, separators=(",", ":")).encode()
    return _confirmation_cipher().encrypt(plain).decode().rstrip("=")


def read_confirmation(token):
    """The request a confirmation token carries, None when forged; raises ``Expired`` when too old."""
    cipher = _confirmation_cipher()
    raw = (token + "=" * (-len(token) % 4)).encode()
    try:
        data = json.loads(cipher.decrypt(raw))
        issued = cipher.extract_timestamp(raw)
    except (InvalidToken, ValueError, TypeError):
        return None
    if time.time() - issued > CONFIRMATION_MAX_AGE:
        raise Expired
    return data if isinstance(data, dict) and data.get("email") else None


def subscriber_token(subscriber):
    return signing.dumps([subscriber.pk, subscriber.key], salt=SUBSCRIBER_SALT)


def read_subscriber(token, lock=False):
    """The subscriber a token names (locked for update when ``lock``), or None."""
    try:
        pk, key = signing.loads(token, salt=SUBSCRIBER_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    subscribers = Subscriber.objects.select_for_update() if lock else Subscriber.objects
    subscriber = subscribers.filter(pk=pk).first() if isinstance(pk, int) else None
    if subscriber is None or not constant_time_compare(subscriber.key, str(key)):
        return None
    return subscriber
