"""Editors and the partners' reviewers see how many subscribed per filter; only superusers see addresses."""

import re

import pytest
from django.urls import reverse

from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db
COUNTS = reverse("subscriptions_admin:counts")
ADDRESSES = reverse("subscriptions_admin:addresses")


@pytest.fixture
def subscribers(themes):
    Subscriber.objects.create(email="one@example.ma", language="fr", themes=["participation"], regions=["09"])
    Subscriber.objects.create(email="two@example.ma", language="ar", page_types=["guide"], regions=["09", "01"])
    Subscriber.objects.create(email="three@example.ma", language="fr")
    return list(Subscriber.objects.values_list("email", "language", "themes", "regions"))


def rows(html):
    return dict(re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', html))


# The admin speaks each account's language: the embassy's reviewer reads English.
GUIDES = {"editor": "Guides et référentiels", "dgct": "Guides et référentiels", "arm": "Guides et référentiels"}
GUIDES["embassy"] = "Guides and frameworks"
TOTAL = dict.fromkeys(GUIDES, "3 abonnés confirmés") | {"embassy": "3 confirmed subscribers"}


@pytest.mark.parametrize("username", ["editor", "dgct", "arm", "embassy"])
def test_editors_and_reviewers_see_counts_but_no_address(clients, subscribers, username):
    response = clients[username].get(COUNTS)
    assert response.status_code == 200
    html = response.content.decode()
    counted = rows(html)
    assert counted["Français"] == "2" and counted["العربية"] == "1"
    assert counted["Participation citoyenne"] == "1"
    assert counted["09 · Souss-Massa"] == "2"
    assert counted[GUIDES[username]] == "1"
    assert TOTAL[username] in html
    assert "@example.ma" not in html

    refused = clients[username].get(ADDRESSES)
    assert refused.status_code == 403
    assert "@example.ma" not in refused.content.decode()
    assert clients[username].post(ADDRESSES, {"email": "one@example.ma"}).status_code in (403, 405)
    assert list(Subscriber.objects.values_list("email", "language", "themes", "regions")) == subscribers


@pytest.mark.parametrize("username", ["translator_ar", "council_09"])
def test_others_see_neither(clients, subscribers, username):
    assert clients[username].get(COUNTS).status_code in (302, 403)
    assert clients[username].get(ADDRESSES).status_code in (302, 403)


def test_superuser_sees_addresses(clients, subscribers):
    response = clients["admin"].get(ADDRESSES)
    assert response.status_code == 200
    html = response.content.decode()
    for email, *_rest in subscribers:
        assert email in html
    assert clients["admin"].get(COUNTS).status_code == 200
