"""The signed links of subscriptions (django.core.signing, keyed by SECRET_KEY).

- A confirmation token carries the whole request (address, language, filters) and expires after
  ``CONFIRMATION_MAX_AGE``: nothing is stored before its owner follows it.
- A subscriber token names a stored subscriber and its secret ``key``; it does not expire (a message read months
  later must still unsubscribe), and deleting the subscriber or renewing its key voids it.

A token that is forged, altered, expired or names nobody is ``None`` here; the views answer it with a 400 or 404
that says so.
"""

from django.core import signing
from django.utils.crypto import constant_time_compare

from subscriptions.models import Subscriber

CONFIRMATION_MAX_AGE = 3 * 24 * 3600
CONFIRM_SALT = "subscriptions.confirm"
SUBSCRIBER_SALT = "subscriptions.subscriber"


class Expired(Exception):
    """A confirmation link that was genuine but is too old."""


def confirmation_token(request_data):
    """``request_data``: {"email", "language", "page_types", "themes", "regions"}."""
    return signing.dumps(request_data, salt=CONFIRM_SALT, compress=True)


def read_confirmation(token):
    """The request a confirmation token carries, None when forged; raises ``Expired`` when too old."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise Expired from exc
    except signing.BadSignature:
        return None
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
