"""A new French page can be queued for translation when it is submitted: it is translated once approved."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from translations.models import QueuedTranslation
from translations.tests.factories import approve_until_finished, french_page, page_form_data
from translations.wagtail_hooks import QUEUE_TRANSLATION_VALUE

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(portal):
    return french_page(portal, "Instances consultatives", publish=False)


def translations_of(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def test_editors_are_offered_submit_and_translate(client, users, draft):
    client.force_login(users["editor"])
    content = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert f'value="{QUEUE_TRANSLATION_VALUE}"' in content


def test_french_translators_are_not_offered_submit_and_translate(client, users, draft):
    client.force_login(users["translator_fr"])
    content = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert f'value="{QUEUE_TRANSLATION_VALUE}"' not in content


def test_a_queued_page_is_translated_when_approved_and_not_before(
    client, users, draft, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(users["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        page_form_data(draft, **{"action-submit": QUEUE_TRANSLATION_VALUE}),
    )
    assert response.status_code == 302
    assert QueuedTranslation.objects.filter(page_id=draft.pk).exists()
    assert not translations_of(draft).exists()

    with django_capture_on_commit_callbacks(execute=True):
        approve_until_finished(client, draft, users)

    assert Page.objects.get(pk=draft.pk).live
    translated = translations_of(draft)
    assert sorted(translated.values_list("locale__language_code", flat=True)) == ["ar", "en"]
    assert not translated.filter(live=True).exists()
    assert not QueuedTranslation.objects.exists()
    recipients = {address for message in mailoutbox for address in message.to}
    assert {"translator_ar@example.org", "translator_en@example.org"} <= recipients


def test_a_translator_cannot_queue_a_translation(client, users, draft):
    client.force_login(users["translator_fr"])
    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        page_form_data(draft, **{"action-submit": QUEUE_TRANSLATION_VALUE}),
    )
    assert not QueuedTranslation.objects.exists()


def test_editors_see_translate_into_all_languages_on_an_untranslated_french_page(client, users, draft):
    client.force_login(users["editor"])
    content = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert reverse("portal_translations:translate_all", args=[draft.pk]) in content
