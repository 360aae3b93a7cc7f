"""/ar/ and /en/ pages get addresses in their own language, reviewed with the text, and old addresses redirect."""

from urllib.parse import unquote

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from approvals.operator import publish_as_operator
from translations.starting import translate_into_all_languages
from translations.tests.factories import approve_until_finished, french_page, put_string, segment
from translations.tests.test_review_screen import ARABIC, arabic, translate_and_submit  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
ARABIC_SLUG = "التعاون-بين-الجهات"


@pytest.fixture
def translated(arabic):  # noqa: F811 (the review screen tests' fixture, imported above)
    """The review screen tests' Arabic draft, with its French source."""
    page, translation = arabic
    source = Page.objects.get(translation_key=page.translation_key, locale__language_code="fr").specific
    return source, page, translation


def test_an_untranslated_slug_is_made_from_the_translated_title_and_published_after_review(clients, users, translated):
    source, page, translation = translated
    assert page.slug == source.slug  # wagtail-localize copies the French address
    page = translate_and_submit(clients["translator_ar"], page, translation)
    reviewed = page.current_workflow_task_state.revision.as_object()
    assert reviewed.slug == ARABIC_SLUG
    assert Page.objects.get(pk=page.pk).live is False  # nothing public before the partners decide

    approve_until_finished(Client(), page, users)
    page = Page.objects.get(pk=page.pk)
    assert page.live and page.slug == ARABIC_SLUG
    response = Client().get(page.url)
    assert response.status_code == 200
    assert unquote(page.url) == f"/ar/{ARABIC_SLUG}/"


def test_a_slug_the_translator_chose_is_kept(clients, users, translated):
    source, page, translation = translated
    response = put_string(clients["translator_ar"], translation, segment(translation, source.slug), "التعاون-الجهوي")
    assert response.status_code in (200, 201)
    page = translate_and_submit(clients["translator_ar"], page, translation)
    assert page.current_workflow_task_state.revision.as_object().slug == "التعاون-الجهوي"


def test_a_published_translation_with_the_french_address_moves_and_the_old_address_redirects(
    clients, users, translated, django_capture_on_commit_callbacks
):
    _source, page, translation = translated
    publish_as_operator(page, "tests")  # published earlier with the French address
    old_url = Page.objects.get(pk=page.pk).url
    assert Client().get(old_url).status_code == 200

    page = translate_and_submit(clients["translator_ar"], page, translation)
    assert Page.objects.get(pk=page.pk).url == old_url  # still the old address until the partners approve
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail announces the new address once committed
        approve_until_finished(Client(), page, users)

    new_url = Page.objects.get(pk=page.pk).url
    assert unquote(new_url) == f"/ar/{ARABIC_SLUG}/"
    response = Client().get(old_url)
    assert response.status_code in (301, 302) and response["Location"].endswith(new_url)
    assert Redirect.objects.filter(redirect_page_id=page.pk).exists()


def test_a_sibling_with_the_same_address_gets_a_numbered_one(clients, users, portal, translated):
    _source, page, translation = translated
    other = french_page(portal, "Autre page")
    translate_into_all_languages(other, users["editor"])
    other_arabic = Page.objects.get(translation_key=other.translation_key, locale__language_code="ar")
    other_arabic.slug = ARABIC_SLUG
    other_arabic.save()
    page = translate_and_submit(clients["translator_ar"], page, translation, texts=ARABIC)
    assert page.current_workflow_task_state.revision.as_object().slug == f"{ARABIC_SLUG}-2"
