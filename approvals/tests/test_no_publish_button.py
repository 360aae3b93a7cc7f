"""Editors and translators are never offered a Publish button in the page editor, and posting one publishes nothing."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from approvals.tests.helpers import edit_url, post_edit, state

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic(clients, article):
    """The article's Arabic translation, created by the editor through wagtail-localize: a draft."""
    ar = Locale.objects.get(language_code="ar")
    response = clients["editor"].post(
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]), {"locales": [ar.pk]}
    )
    assert response.status_code == 302
    return article.get_translation(ar).specific


# The editor gets Wagtail's page editor; the Arabic translator, on a translation, wagtail-localize's translation editor
# (whose one button submits for approval, approvals/translation_editor.py). Each marker proves the editor rendered.
EDITORS = [("editor", "article", 'name="action-submit"'), ("translator_ar", "arabic", "data-props")]


@pytest.mark.parametrize(("role", "page_name", "marker"), EDITORS)
def test_the_page_editor_offers_no_publish_button(clients, request, role, page_name, marker):
    page = request.getfixturevalue(page_name)
    response = clients[role].get(edit_url(page))
    html = response.content.decode()
    assert response.status_code == 200
    assert marker in html
    assert "action-publish" not in html


@pytest.mark.parametrize(("role", "page_name", "marker"), EDITORS)
def test_a_posted_publish_publishes_nothing(clients, request, role, page_name, marker):
    page = request.getfixturevalue(page_name)
    response = post_edit(clients[role], page, "action-publish", title="Publié directement ?")
    assert response.status_code in (200, 302, 403)
    assert state(page) == {"live": False, "live_revision_id": None}
    assert not Page.objects.filter(live=True, translation_key=page.translation_key).exists()


def test_an_editors_posted_publish_keeps_the_text_as_a_draft(clients, article):
    before = Page.objects.get(pk=article.pk).latest_revision_id
    post_edit(clients["editor"], article, "action-publish", body="Publié directement ?")
    fresh = Page.objects.get(pk=article.pk)
    assert fresh.latest_revision_id != before
    assert fresh.get_latest_revision_as_object().body == "Publié directement ?"
