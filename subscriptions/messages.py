"""The messages subscriptions send, queued through the portal's mail queue (cms/mail.py) like every other message.

Addresses in messages are built from ``WAGTAILADMIN_BASE_URL``, never from the request's Host header, which a client
writes: a forged host must not turn a confirmation message into a link to someone else's site.

Every digest carries a link to the subscriber's page (change or cancel) and RFC 8058's one-click unsubscribe: the
``List-Unsubscribe`` header with the HTTPS address (a POST there unsubscribes, ``subscriptions.views``) and a mailto
address, and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``.
"""

from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from subscriptions.tokens import confirmation_token, subscriber_token

KIND_HEADER = "X-Portal-Subscription"


def public_address(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def absolute(language, name, *args):
    with translation.override(language):
        return public_address(reverse(name, args=args))


def unsubscribe_mailto():
    return getattr(settings, "SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO", settings.DEFAULT_FROM_EMAIL)


def send_confirmation(request_data):
    """The one message an unconfirmed address ever gets: the signed link that confirms the request."""
    language = request_data["language"]
    with translation.override(language):
        context = {"confirm_url": absolute(language, "subscriptions:confirm", confirmation_token(request_data))}
        message = EmailMessage(
            subject=gettext("Confirm your subscription to the portal of advanced regionalisation"),
            body=render_to_string("subscriptions/email/confirm.txt", context),
            to=[request_data["email"]],
            headers={KIND_HEADER: "confirm", "Auto-Submitted": "auto-generated"},
        )
        message.send()


def digest_message(subscriber, items):
    """The digest of ``items`` (pages with their address and change note) for ``subscriber``, in their language."""
    language = subscriber.language
    token = subscriber_token(subscriber)
    unsubscribe_url = absolute(language, "subscriptions:unsubscribe", token)
    with translation.override(language):
        context = {
            "items": items,
            "manage_url": absolute(language, "subscriptions:manage", token),
            "unsubscribe_url": unsubscribe_url,
        }
        mailto = f"mailto:{unsubscribe_mailto()}?subject={quote('unsubscribe')}"
        return EmailMessage(
            subject=gettext("New and updated content on the portal of advanced regionalisation"),
            body=render_to_string("subscriptions/email/digest.txt", context),
            to=[subscriber.email],
            headers={
                KIND_HEADER: "digest",
                "Auto-Submitted": "auto-generated",
                "List-Unsubscribe": f"<{unsubscribe_url}>, <{mailto}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
