"""Subscribing through the public form: double opt-in, refusals that store nothing, rate limits, no enumeration."""

import base64

import pytest
from django.core import mail, signing
from django.db import connection
from django.test.utils import CaptureQueriesContext

from subscriptions.models import Subscriber
from subscriptions.tests.helpers import form_data, link_path, sent_to
from subscriptions.tokens import CONFIRM_SALT, confirmation_token

pytestmark = pytest.mark.django_db
URL = "/fr/subscribe/"
ADDRESS = "officer@region.example.ma"


def confirm(client, message):
    path = link_path(message, "confirm")
    before = list(Subscriber.objects.values())
    page = client.get(path)
    assert page.status_code == 200
    assert list(Subscriber.objects.values()) == before, "opening the link must not confirm (link scanners)"
    return client.post(path)


def test_subscribe_then_confirm(client, themes):
    response = client.post(URL, form_data(page_types=["guide", "tool"], themes=["participation"], regions=["09"]))
    assert response.status_code == 302 and response.url == "/fr/subscribe/sent/"
    assert "Consultez votre messagerie" in client.get(response.url).content.decode()
    assert Subscriber.objects.count() == 0, "nothing is stored before confirmation"
    [message] = sent_to(ADDRESS, "confirm")
    assert "Confirmez votre abonnement" in message.subject
    assert "List-Unsubscribe" not in message.extra_headers

    response = confirm(client, message)

    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language) == (ADDRESS, "fr")
    assert subscriber.page_types == ["guide", "tool"]
    assert (subscriber.themes, subscriber.regions) == (["participation"], ["09"])
    assert "/fr/subscribe/manage/" in response.content.decode()


def test_resubscribing_changes_the_filters_only_once_confirmed(client, themes):
    client.post(URL, form_data(themes=["participation"]))
    confirm(client, sent_to(ADDRESS, "confirm")[0])
    mail.outbox.clear()

    response = client.post(URL, form_data(email="  OFFICER@region.example.ma ", themes=["cooperation"], language="ar"))

    assert response.status_code == 302, "the same answer whether or not the address is subscribed"
    assert Subscriber.objects.get().themes == ["participation"]
    [message] = sent_to(ADDRESS, "confirm")
    assert "/ar/subscribe/confirm/" in message.body
    confirm(client, message)
    subscriber = Subscriber.objects.get()
    assert (subscriber.themes, subscriber.language) == (["cooperation"], "ar")
    assert Subscriber.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "not-an-address"}, "Saisissez une adresse de courriel valide."),
        ({"themes": ["no-such-theme"]}, "no-such-theme"),
        ({"regions": ["13"]}, "13"),
        ({"page_types": ["event"]}, "event"),
        ({"consent": None}, "cocher la case"),
    ],
)
def test_bad_input_is_a_400_with_a_message_and_stores_nothing(client, themes, changes, message):
    response = client.post(URL, form_data(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert Subscriber.objects.count() == 0
    assert not mail.outbox


def test_honeypot_is_refused_and_sends_nothing(client, themes):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert "automatisée" in response.content.decode()
    assert Subscriber.objects.count() == 0
    assert not mail.outbox


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, themes):
    html = client.get(URL).content.decode()
    assert '<div class="subscribe-form__trap" aria-hidden="true">' in html
    assert 'name="website" id="id_website" value="" tabindex="-1" autocomplete="off"' in html


def test_consent_states_law_09_08_and_the_cndp(client, themes):
    html = client.get(URL).content.decode()
    for words in ("09-08", "CNDP", "DGCT", "opposition", "rectification"):
        assert words in html
    html = client.get("/ar/subscribe/").content.decode()
    assert "09.08" in html and 'dir="rtl"' in html  # the Moroccan spelling of the law in Arabic


@pytest.mark.parametrize(
    "token",
    [
        "garbage",
        confirmation_token({"email": "x@example.ma", "language": "fr"})[:-3] + "abc",
        signing.dumps({"email": "x@example.ma", "language": "fr"}, salt="another.salt"),
        signing.dumps({"email": "x@example.ma", "language": "fr"}, salt=CONFIRM_SALT),  # the old signed-only form
    ],
)
def test_a_forged_confirmation_link_is_refused(client, themes, token):
    for method in (client.get, client.post):
        response = method(f"/fr/subscribe/confirm/{token}/")
        assert response.status_code == 400
        assert "Ce lien n’est pas valide" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_an_expired_confirmation_link_is_refused(client, themes, monkeypatch):
    token = confirmation_token({"email": ADDRESS, "language": "fr", "page_types": [], "themes": [], "regions": []})
    monkeypatch.setattr("subscriptions.tokens.CONFIRMATION_MAX_AGE", -1)
    response = client.post(f"/fr/subscribe/confirm/{token}/")
    assert response.status_code == 400
    assert "expiré" in response.content.decode()
    assert Subscriber.objects.count() == 0
    monkeypatch.setattr("subscriptions.tokens.CONFIRMATION_MAX_AGE", 3600)
    assert client.get(f"/fr/subscribe/confirm/{token}/").status_code == 200  # genuine, only too old


def test_the_confirmation_link_does_not_reveal_the_address(client, themes):
    """The link ends up in web server and mail scanner logs: the address must not be readable from it."""
    token = confirmation_token({"email": ADDRESS, "language": "fr", "page_types": [], "themes": [], "regions": []})
    decoded = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert ADDRESS not in token
    assert ADDRESS.encode() not in decoded
    assert ADDRESS.split("@")[0].encode() not in decoded


def test_too_many_requests_from_one_client_is_a_429(client, themes, settings):
    settings.SUBSCRIPTIONS_RATE_PER_CLIENT = (2, 3600)
    for n in range(2):
        assert client.post(URL, form_data(email=f"p{n}@example.ma")).status_code == 302
    response = client.post(URL, form_data(email="p9@example.ma"))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Trop de tentatives" in response.content.decode()
    assert not sent_to("p9@example.ma", "confirm")
    other = client.post(URL, form_data(email="p9@example.ma"), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_too_many_confirmations_for_one_address_is_a_429(client, themes, settings):
    settings.SUBSCRIPTIONS_RATE_PER_ADDRESS = (2, 86400)
    for n in range(3):
        response = client.post(URL, form_data(email=ADDRESS.upper()), REMOTE_ADDR=f"198.51.100.{n}")
    assert response.status_code == 429
    assert len(sent_to(ADDRESS, "confirm")) == 2


def test_the_form_is_never_cached_and_carries_its_csrf_token(client, themes):
    response = client.get(URL)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    strict = type(client)(enforce_csrf_checks=True)
    assert strict.post(URL, form_data()).status_code == 403
    assert not mail.outbox


# The subscribe page: the frame's queries (memoised per process after the first request) and one for the themes.
SUBSCRIBE_PAGE_QUERIES = 1


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_subscribe_page_query_count(client, themes, language):
    client.get(f"/{language}/subscribe/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/{language}/subscribe/")
    assert response.status_code == 200
    assert len(captured) == SUBSCRIBE_PAGE_QUERIES, [q["sql"] for q in captured]
