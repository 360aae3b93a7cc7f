"""The institutional pages (legal notice, accessibility, privacy, contact) pass the partner approval like every page:
an editor cannot publish one, and it goes live, in any language, only once DGCT, ARM and the British Embassy have
each approved it."""

import pytest
from wagtail.models import Page

from approvals.names import WORKFLOW_NAME
from approvals.tests.helpers import decide, decisions, refused, state
from institutional.models import InformationPage
from institutional.tests.forms import add_url, information_form
from pagecache.tests.content import draft_translation

pytestmark = pytest.mark.django_db

PARTNERS = ("dgct", "arm", "embassy")


def test_an_editor_cannot_publish_an_institutional_page(clients, portal):
    response = clients["editor"].post(add_url(portal["fr"]), information_form(action="action-publish"))
    page = InformationPage.objects.get(locale=portal["fr"].locale, kind="legal_notice")
    assert response.status_code == 302  # back to the editor: the text is kept as a draft...
    assert state(page) == {"live": False, "live_revision_id": None}  # ...and nothing went live
    assert page.current_workflow_state is None  # nor was it submitted on the editor's behalf
    assert 'data-kind="legal_notice"' not in clients["editor"].get("/fr/").content.decode()


def test_a_reviewer_cannot_create_nor_publish_one(clients, portal):
    response = clients["dgct"].post(add_url(portal["fr"]), information_form(action="action-publish"))
    assert refused(response)  # reviewers decide, they do not write
    assert not InformationPage.objects.exists()


def test_an_institutional_page_goes_live_only_after_the_three_partners_approve(client, clients, portal):
    response = clients["editor"].post(add_url(portal["fr"]), information_form(action="action-submit"))
    assert response.status_code == 302
    page = InformationPage.objects.get(locale=portal["fr"].locale, kind="legal_notice")
    assert page.get_workflow().name == WORKFLOW_NAME  # bootstrap_portal's workflow covers each home page's tree
    submitted = Page.objects.get(pk=page.pk).latest_revision_id

    for reviewer in PARTNERS[:2]:
        assert decide(clients[reviewer], page).status_code == 302
        assert state(page) == {"live": False, "live_revision_id": None}
        assert 'data-kind="legal_notice"' not in client.get("/fr/").content.decode()

    assert decide(clients[PARTNERS[2]], page).status_code == 302
    assert state(page) == {"live": True, "live_revision_id": submitted}
    assert decisions(page) == {"arm": "approved", "dgct": "approved", "embassy": "approved"}
    page.refresh_from_db()
    assert f'<a href="{page.url}" data-kind="legal_notice">Mentions légales</a>' in client.get("/fr/").content.decode()


def test_its_arabic_translation_needs_the_three_approvals_too(client, clients, users, portal):
    clients["editor"].post(add_url(portal["fr"]), information_form(action="action-submit"))
    french = InformationPage.objects.get(locale=portal["fr"].locale, kind="legal_notice")
    for reviewer in PARTNERS:
        decide(clients[reviewer], french)
    arabic = draft_translation(french, "ar", users, "الإشعار القانوني")
    arabic.get_workflow().start(arabic, users["translator_ar"])

    for reviewer in PARTNERS[:2]:
        assert decide(clients[reviewer], arabic).status_code == 302
        assert state(arabic)["live"] is False
    assert 'data-kind="legal_notice"' not in client.get("/ar/").content.decode()

    assert decide(clients[PARTNERS[2]], arabic).status_code == 302
    assert state(arabic)["live"] is True
    assert 'data-kind="legal_notice">الإشعار القانوني</a>' in client.get("/ar/").content.decode()
