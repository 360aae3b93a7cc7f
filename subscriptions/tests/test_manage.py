"""The pages reached from a message's signed links: change the choices, cancel, one-click unsubscribe (RFC 8058)."""

import pytest
from django.test import Client

from subscriptions.models import Subscriber
from subscriptions.tokens import subscriber_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(themes):
    return Subscriber.objects.create(email="reader@example.ma", language="fr", themes=["participation"])


def test_one_click_post_unsubscribes_without_a_csrf_token(subscriber):
    mail_client = Client(enforce_csrf_checks=True)  # a mail client: no cookie, no token
    url = f"/fr/subscribe/unsubscribe/{subscriber_token(subscriber)}/"

    response = mail_client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert mail_client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 404


def test_opening_the_unsubscribe_link_only_shows_the_button(client, subscriber):
    url = f"/fr/subscribe/unsubscribe/{subscriber_token(subscriber)}/"
    for _ in range(2):  # a link scanner opens it, then the reader
        response = client.get(url)
        assert response.status_code == 200
        assert '<form method="post"><button type="submit" class="button">Se désabonner</button></form>' in (
            response.content.decode()
        )
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


@pytest.mark.parametrize("name", ["unsubscribe", "manage"])
def test_a_forged_or_old_link_changes_nothing(client, subscriber, name):
    forged = subscriber_token(subscriber)[:-4] + "AAAA"
    other_key = subscriber_token(Subscriber(pk=subscriber.pk, key="old-key"))
    for token in (forged, other_key, "nothing"):
        response = client.post(f"/fr/subscribe/{name}/{token}/", {"cancel": "1"})
        assert response.status_code == 404
        assert "Aucun abonnement pour ce lien" in response.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk, themes=["participation"]).exists()


def test_the_manage_page_changes_the_choices(client, subscriber):
    url = f"/fr/subscribe/manage/{subscriber_token(subscriber)}/"
    page = client.get(url).content.decode()
    assert 'value="participation" checked' in page.replace(' id="id_themes_0"', "").replace("\n", "")

    response = client.post(url, {"save": "", "language": "ar", "themes": ["cooperation"], "regions": ["01", "09"]})

    assert response.status_code == 200
    assert "Vos choix sont enregistrés." in response.content.decode()
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.themes, subscriber.regions) == ("ar", ["cooperation"], ["01", "09"])


def test_the_manage_page_refuses_an_unknown_theme(client, subscriber):
    url = f"/fr/subscribe/manage/{subscriber_token(subscriber)}/"
    response = client.post(url, {"save": "", "language": "fr", "themes": ["unknown"]})
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.themes == ["participation"]


def test_the_manage_page_cancels(client, subscriber):
    response = client.post(f"/fr/subscribe/manage/{subscriber_token(subscriber)}/", {"cancel": "1"})
    assert response.status_code == 200
    assert "Abonnement annulé" in response.content.decode()
    assert not Subscriber.objects.exists()
