"""A new French revision makes its translations out of date, tells their translators, and publishes nothing."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from translations.status import IN_REVIEW, MISSING, OUT_OF_DATE, UP_TO_DATE, status_rows
from translations.tests.factories import approve_until_finished, page_form_data, translation_of

pytestmark = pytest.mark.django_db


def statuses(page):
    (row,) = status_rows([page])
    return {code: cell.status for code, cell in row.cells.items()}


def publish_french_revision(client, users, page, **changes):
    """The editor submits a change to the French page in the page editor; the reviewers approve it."""
    client.force_login(users["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), page_form_data(page, **changes, **{"action-submit": "1"})
    )
    assert response.status_code == 302, response.content[:2000]
    assert Page.objects.get(pk=page.pk).workflow_in_progress
    approve_until_finished(client, page, users)
    assert Page.objects.get(pk=page.pk).specific.summary == changes.get("summary", page.summary)


@pytest.fixture
def french_change(client, users, portal, mailoutbox, django_capture_on_commit_callbacks):
    ar_live = Page.objects.get(pk=portal["ar"].pk).live_revision_id
    en_live = Page.objects.get(pk=portal["en"].pk).live_revision_id
    assert statuses(portal["fr"]) == {"ar": UP_TO_DATE, "en": UP_TO_DATE}
    with django_capture_on_commit_callbacks(execute=True):
        publish_french_revision(client, users, portal["fr"], summary="Un nouveau résumé du programme.")
    return {"ar": ar_live, "en": en_live}


def test_publishing_a_french_revision_marks_its_translations_out_of_date(portal, french_change):
    assert statuses(portal["fr"]) == {"ar": OUT_OF_DATE, "en": OUT_OF_DATE}


def test_translations_are_not_touched_when_the_french_text_changes(portal, french_change):
    for code in ("ar", "en"):
        page = Page.objects.get(pk=portal[code].pk).specific
        assert page.live_revision_id == french_change[code]
        assert "Un nouveau résumé" not in page.summary


def test_the_translators_of_each_language_are_emailed(portal, french_change, mailoutbox):
    by_recipient = {address: message for message in mailoutbox for address in message.to}
    assert {"translator_ar@example.org", "translator_en@example.org"} <= set(by_recipient)
    assert "translator_fr@example.org" not in by_recipient
    arabic = by_recipient["translator_ar@example.org"]
    assert reverse("wagtailadmin_pages:edit", args=[portal["ar"].pk]) in arabic.body
    assert "الترجمة" in arabic.subject  # translator_ar's admin language is Arabic


def test_the_new_french_text_is_offered_in_the_translation_editor(portal, french_change):
    source = translation_of(portal["fr"], "ar").source
    assert source.stringsegment_set.filter(string__data="Un nouveau résumé du programme.").exists()


def test_translators_see_the_out_of_date_page_on_their_dashboard(client, users, portal, french_change):
    client.force_login(users["translator_ar"])
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="portal-translator-todo-heading"' in content
    assert reverse("wagtailadmin_pages:edit", args=[portal["ar"].pk]) in content
    assert reverse("wagtailadmin_pages:edit", args=[portal["en"].pk]) not in content


def test_submitting_the_update_moves_it_to_review_then_up_to_date(client, users, portal, french_change):
    client.force_login(users["translator_ar"])
    client.post(reverse("wagtailadmin_pages:edit", args=[portal["ar"].pk]), {"action": "publish"})
    assert statuses(portal["fr"]) == {"ar": IN_REVIEW, "en": OUT_OF_DATE}

    approve_until_finished(client, portal["ar"], users)

    assert statuses(portal["fr"]) == {"ar": UP_TO_DATE, "en": OUT_OF_DATE}


def test_syncing_from_the_source_publishes_nothing(client, users, portal, french_change):
    client.force_login(users["editor"])
    source = translation_of(portal["fr"], "ar").source
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    for code in ("ar", "en"):
        assert Page.objects.get(pk=portal[code].pk).live_revision_id == french_change[code]


def test_an_untranslated_page_is_missing(portal):
    from translations.tests.factories import french_page

    page = french_page(portal, "Pétition")
    assert statuses(page) == {"ar": MISSING, "en": MISSING}
