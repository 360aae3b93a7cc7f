"""``manage.py send_subscriptions``: partner-approved publications reach matching subscribers once, through the mail
queue, with the one-click unsubscribe headers; nothing else does."""

import io
import threading

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from mailer.models import Message
from wagtail.models import Page, PageViewRestriction

from approvals.tests.helpers import decide
from subscriptions.models import SentItem, Subscriber
from subscriptions.tests.helpers import link_path
from toolkit.tests import factories

pytestmark = pytest.mark.django_db

READER = "lectrice@region.example.ma"


@pytest.fixture(autouse=True)
def queued_mail(settings):
    """Mail goes through the portal's real queue (cms/mail.py, django-mailer), as in production."""
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"


@pytest.fixture
def site(portal, themes):
    tree = factories.toolkit_tree(portal["fr"])
    for index in tree.values():
        factories.translate(index, "en")
    return {"tree": tree, "themes": themes, "homes": portal}


def subscribe(language="fr", **filters):
    """A confirmed subscriber, confirmed before the publications of the test."""
    return Subscriber.objects.create(email=f"{Subscriber.objects.count()}-{READER}", language=language, **filters)


def start_review(page, users, note=""):
    """The editor's change (with its public change note) entering partner review."""
    page = Page.objects.get(pk=page.pk).specific
    page.change_note = note
    page.save_revision(user=users["editor"])
    page.get_workflow().start(page, users["editor"])
    return page


def approve(clients, users, page, note="", partners=("dgct", "arm", "embassy")):
    page = start_review(page, users, note)
    for reviewer in partners:
        assert decide(clients[reviewer], page).status_code == 302
    return Page.objects.get(pk=page.pk).specific


def run():
    out = io.StringIO()
    call_command("send_subscriptions", stdout=out)
    return out.getvalue()


def digests(address=None):
    """The digests in the mail queue (django-mailer's rows), as the messages the worker will send."""
    found = [m.email for m in Message.objects.all()]
    found = [m for m in found if m.extra_headers.get("X-Portal-Subscription") == "digest"]
    return [m for m in found if address is None or m.to == [address]]


def publish_in_an_emergency(clients, tool):
    """A superuser's emergency publication, outside partner approval (approvals.views)."""
    response = clients["admin"].post(
        reverse("approvals:emergency_publish", args=[tool.pk]), {"reason": "Erreur de chiffres à corriger."}
    )
    assert response.status_code == 302
    assert Page.objects.get(pk=tool.pk).live


def new_tool(site, theme="participation", **kwargs):
    tool = factories.ToolPageFactory(parent=site["tree"]["tools"], live=False, **kwargs)
    tool.themes.set([site["themes"][theme]])
    return factories.save_live(tool)  # a draft: saving it publishes nothing


def test_an_approved_publication_reaches_a_matching_subscriber_once(client, clients, users, site):
    subscriber = subscribe(page_types=["tool"], themes=["participation"])
    tool = approve(clients, users, new_tool(site, title="Budget participatif"), note="Première publication.")
    assert tool.live

    assert "1 digest(s)" in run()

    [message] = digests(subscriber.email)
    assert "Budget participatif" in message.body
    assert "Première publication." in message.body
    assert tool.full_url.split("/fr/", 1)[1] in message.body
    unsubscribe_path = link_path(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<http://127.0.0.1:8000{unsubscribe_path}>, <mailto:")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/fr/subscribe/manage/" in message.body
    assert list(SentItem.objects.values_list("page_id", "revision_id")) == [(tool.pk, tool.live_revision_id)]

    assert "0 digest(s)" in run()
    assert len(digests()) == 1


def test_an_update_is_sent_with_its_change_note_and_once(client, clients, users, site):
    tool = approve(clients, users, new_tool(site, title="Registre des doléances"), note="Nouvelle fiche.")
    subscriber = subscribe()  # subscribed after the first publication: not told about it
    run()
    assert not digests()

    approve(clients, users, tool, note="Ajout des contacts régionaux.")
    run()
    run()

    [message] = digests(subscriber.email)
    assert "Ajout des contacts régionaux." in message.body
    assert "Nouvelle fiche." not in message.body


def test_drafts_reviews_private_pages_and_other_languages_never_reach_anyone(client, clients, users, site):
    subscriber = subscribe()
    draft = new_tool(site, title="Brouillon")
    draft.save_revision(user=users["editor"])
    awaiting = start_review(new_tool(site, title="En attente"), users)
    for reviewer in ("dgct", "arm"):
        decide(clients[reviewer], awaiting)
    private = approve(clients, users, new_tool(site, title="Réservé"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    english_source = factories.ToolPageFactory(parent=site["tree"]["tools"], title="Source")
    english = approve(clients, users, factories.translate(english_source, "en"), note="English only.")
    operator = factories.ToolPageFactory(parent=site["tree"]["tools"], title="Par commande")  # not partner-approved
    assert english.live and private.live and operator.live and not Page.objects.get(pk=awaiting.pk).live

    run()

    assert not digests(subscriber.email)
    english_reader = subscribe(language="en", page_types=["tool"])
    english_reader.confirmed_at = subscriber.confirmed_at
    english_reader.save()
    run()
    [message] = digests(english_reader.email)
    assert "English only." in message.body and "Source" not in message.body.split("English only.")[1]


def test_an_emergency_publication_is_not_announced(client, clients, users, site):
    subscriber = subscribe()
    tool = new_tool(site, title="Urgence")
    tool.save_revision(user=users["editor"])
    publish_in_an_emergency(clients, tool)

    run()

    assert not digests(subscriber.email)


def test_an_emergency_publication_after_a_request_for_changes_is_not_announced(client, clients, users, site):
    """Two approvals and a request for changes are three decisions, not three approvals: the revision a superuser
    then publishes in an emergency is not partner-approved, and no digest announces it."""
    subscriber = subscribe()
    tool = approve(clients, users, new_tool(site, title="Contestée"), partners=("dgct", "arm"))
    assert decide(clients["embassy"], tool, "reject", comment="Chiffres à vérifier.").status_code == 302
    publish_in_an_emergency(clients, tool)

    run()

    assert not digests(subscriber.email)


def test_filters_choose_who_is_told(client, clients, users, site):
    by_theme = subscribe(themes=["cooperation"])
    by_region = subscribe(regions=["09"])
    by_type = subscribe(page_types=["guide"])
    everything = Subscriber.objects.create(email="tout@example.ma", language="fr")
    tool = new_tool(site, theme="participation", title="Outil de Souss-Massa")
    region = factories.RegionPageFactory(parent=site["tree"]["regions"], code="09", title="Souss-Massa")
    tool.developed_by_regions.set([region])
    factories.save_live(tool)
    approve(clients, users, tool)

    run()

    assert digests(everything.email) and digests(by_region.email)
    assert not digests(by_theme.email) and not digests(by_type.email)


def test_cancelling_deletes_the_address_and_what_was_sent(client, clients, users, site):
    subscriber = subscribe()
    approve(clients, users, new_tool(site))
    run()
    [message] = digests(subscriber.email)
    assert SentItem.objects.filter(subscriber=subscriber).exists()

    response = client.post(link_path(message, "manage"), {"cancel": "1"})

    assert response.status_code == 200
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert not SentItem.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_run_skips_a_subscriber_another_run_is_sending_to(client, clients, users, site):
    """Two runs at once: while one holds a subscriber's row (sending their digest), the other leaves them alone
    instead of sending the same items; the next run finds them already sent."""
    subscriber = subscribe()
    approve(clients, users, new_tool(site))
    locked, release, done = threading.Event(), threading.Event(), threading.Event()

    def other_run():
        try:
            with transaction.atomic():
                Subscriber.objects.select_for_update().get(pk=subscriber.pk)
                locked.set()
                release.wait(30)
        finally:
            connection.close()
            done.set()

    thread = threading.Thread(target=other_run)
    thread.start()
    assert locked.wait(30)
    try:
        assert "0 digest(s)" in run()  # does not wait for the lock, sends nothing
    finally:
        release.set()
        thread.join(30)
    assert done.is_set() and not digests()

    assert "1 digest(s)" in run()
    assert "0 digest(s)" in run()
    assert len(digests(subscriber.email)) == 1
