"""What the subscription tests share: the form's data, the links read from queued messages, the mail queue."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

VALID = {"email": "Officer@Region.example.ma", "language": "fr", "consent": "on", "website": ""}


def form_data(**changes):
    data = {**VALID, **changes}
    return {name: value for name, value in data.items() if value is not None}


def sent_to(address, kind):
    return [m for m in mail.outbox if m.to == [address] and m.extra_headers.get("X-Portal-Subscription") == kind]


def link_path(message, name):
    """The path of the ``/subscribe/<name>/<token>/`` link in ``message``'s body."""
    match = re.search(rf"https?://\S+/subscribe/{name}/\S+/", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


@pytest.fixture
def themes(portal):
    from toolkit.tests import factories

    made = {}
    for slug, name_fr, name_ar in (
        ("participation", "Participation citoyenne", "المشاركة المواطنة"),
        ("cooperation", "Coopération", "التعاون"),
    ):
        made[slug] = factories.ThemeFactory(slug=slug, name=name_fr)
        factories.ThemeFactory(slug=slug, name=name_ar, locale=portal["ar"].locale)
    return made
