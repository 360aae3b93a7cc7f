"""After submitting, the editor reads that the content went to the partners for approval, in their admin language:
Wagtail's "submitted for moderation" messages in the portal's words (approvals/wording.py), through the real views."""

from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from approvals.tests.helpers import snippet_url, speaking, submit
from approvals.tests.test_snippets import theme  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

SUBMITTED = {
    "fr": "La page « Budget participatif » a été soumise à l’approbation des partenaires.",
    "ar": "أُرسلت الصفحة «Budget participatif» لمصادقة الشركاء.",
    "en": "Page 'Budget participatif' has been submitted for partner approval.",
}


def messages_of(response):
    """The messages' text, without the buttons Wagtail appends to them ("View draft", "Edit")."""
    return [unescape(str(message)).split("<", 1)[0].strip() for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_editor_reads_that_the_page_went_to_the_partners(clients, users, article, language):
    speaking(users["editor"], language)
    response = submit(clients["editor"], article)
    assert response.status_code == 302
    assert messages_of(response) == [SUBMITTED[language]]
    assert not any("moderation" in text or "modération" in text for text in messages_of(response))


def test_a_snippet_submission_says_the_same(clients, users, theme):  # noqa: F811 (the fixture)
    speaking(users["editor"], "fr")
    url = snippet_url(theme, "edit", theme.pk)
    data = {"name": "Coopération décentralisée", "slug": theme.slug, "description": "", "action-submit": "1"}
    response = clients["editor"].post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert messages_of(response) == [
        "Soumission à l’approbation des partenaires : Thème « Coopération décentralisée »."
    ]


STATUS = {"fr": "en attente des partenaires", "ar": "بانتظار مصادقة الشركاء", "en": "awaiting the partners"}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_explorer_marks_a_submitted_page_as_awaiting_the_partners(clients, users, article, language):
    speaking(users["editor"], language)
    submit(clients["editor"], article)
    listing = clients["editor"].get(reverse("wagtailadmin_explore", args=[article.get_parent().pk]))
    html = unescape(listing.content.decode())
    assert STATUS[language] in html
    assert "moderation" not in html.lower() and "modération" not in html and "قيد المراجعة" not in html


def test_the_french_status_label_is_spelled_statut(clients, users, article):
    """Wagtail's French catalogue reads "Status actuel de la page" for the status tag's screen-reader label."""
    speaking(users["editor"], "fr")
    listing = clients["editor"].get(reverse("wagtailadmin_explore", args=[article.get_parent().pk]))
    html = unescape(listing.content.decode())
    assert "Statut actuel de la page" in html and "Status actuel" not in html
