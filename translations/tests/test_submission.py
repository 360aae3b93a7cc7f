"""The translation editor's main action submits for partner approval; nothing a translator does publishes."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation

from translations.starting import translate_into_all_languages
from translations.tests.factories import (
    approve_until_finished,
    french_page,
    page_form_data,
    put_string,
    segment,
    translation_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_translation(portal, users):
    """A French page an editor has just had translated: its Arabic version is a draft holding the French text."""
    source = french_page(portal, "Coopération interrégionale")
    translate_into_all_languages(source, users["editor"])
    arabic = Page.objects.get(translation_key=source.translation_key, locale__language_code="ar")
    return source, arabic, translation_of(source, "ar")


def translate_all_strings(client, translation, texts):
    for source_text, translated in texts.items():
        assert put_string(client, translation, segment(translation, source_text), translated).status_code in (200, 201)


ARABIC = {
    "Coopération interrégionale": "التعاون بين الجهات",
    "cooperation-interregionale": "التعاون-بين-الجهات",
    "Résumé : Coopération interrégionale.": "ملخص: التعاون بين الجهات.",
    "Introduction : Coopération interrégionale.": "مقدمة: التعاون بين الجهات.",
}


def test_translation_editor_offers_submission_not_publication(client, users, new_translation):
    _source, arabic, _translation = new_translation
    client.force_login(users["translator_ar"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "portal-translation-editor-config" in content
    assert "translations/js/translation-editor.js" in content


def test_submitting_from_the_translation_editor_starts_the_workflow_and_publishes_nothing(
    client, users, new_translation
):
    _source, arabic, translation = new_translation
    client.force_login(users["translator_ar"])
    translate_all_strings(client, translation, ARABIC)
    revisions = arabic.revisions.count()

    response = client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})

    assert response.status_code == 302
    arabic = Page.objects.get(pk=arabic.pk)
    assert not arabic.live
    assert arabic.live_revision_id is None
    assert arabic.revisions.count() == revisions + 1
    assert arabic.get_latest_revision_as_object().title == "التعاون بين الجهات"
    state = arabic.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == users["translator_ar"]


def test_a_live_translation_stays_as_it_was_while_its_update_is_reviewed(client, users, portal):
    arabic = Page.objects.get(pk=portal["ar"].pk)
    live_revision, title = arabic.live_revision_id, arabic.title
    translation = translation_of(portal["fr"], "ar")
    client.force_login(users["translator_ar"])
    put_string(client, translation, segment(translation, portal["fr"].title), "الجهوية المتقدمة بالمغرب")

    client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})

    arabic = Page.objects.get(pk=arabic.pk)
    assert arabic.live_revision_id == live_revision
    assert arabic.title == title
    assert arabic.workflow_in_progress
    public = client.get(arabic.url)
    assert "الجهوية المتقدمة بالمغرب" not in public.content.decode()


def test_an_editor_clicking_the_translation_editors_main_action_does_not_publish_either(client, users, new_translation):
    _source, arabic, _translation = new_translation
    client.force_login(users["admin"])  # a superuser may publish anywhere else: not from the translation editor
    client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})
    arabic = Page.objects.get(pk=arabic.pk)
    assert not arabic.live
    assert arabic.workflow_in_progress


def test_a_submitted_translation_goes_live_only_when_its_review_is_complete(client, users, new_translation):
    """Re-check after the partner approval merge: DGCT, ARM and the Embassy then approve in turn."""
    _source, arabic, translation = new_translation
    client.force_login(users["translator_ar"])
    translate_all_strings(client, translation, ARABIC)
    client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})
    submitted = Page.objects.get(pk=arabic.pk).latest_revision_id

    approved_by = approve_until_finished(client, arabic, users)

    arabic = Page.objects.get(pk=arabic.pk)
    assert approved_by
    assert arabic.live
    assert arabic.live_revision_id == submitted
    assert client.get(arabic.url).status_code == 200


def test_translator_cannot_change_strings_during_review_and_nothing_goes_live(client, users, new_translation):
    """Once submitted, a translation's strings are locked to its translators until the partners decide or the
    submission is withdrawn (docs/translation.md; every write path: test_review_lock.py)."""
    _source, arabic, translation = new_translation
    client.force_login(users["translator_ar"])
    translate_all_strings(client, translation, ARABIC)
    client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})
    submitted = Page.objects.get(pk=arabic.pk).latest_revision_id
    string_segment = segment(translation, "Coopération interrégionale")

    response = put_string(client, translation, string_segment, "عنوان آخر")

    assert response.status_code == 403
    assert not StringTranslation.objects.filter(data="عنوان آخر").exists()
    arabic = Page.objects.get(pk=arabic.pk)
    assert not arabic.live
    assert arabic.latest_revision_id == submitted
    assert arabic.get_latest_revision_as_object().title == "التعاون بين الجهات"


def test_the_translation_editors_preview_is_right_to_left_with_the_admin_in_french(client, users, portal):
    client.force_login(users["editor"])  # admin language: French
    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation_of(portal["fr"], "ar").pk]))
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_the_page_editors_preview_of_an_arabic_page_is_right_to_left_with_the_admin_in_french(client, users, portal):
    client.force_login(users["editor"])
    arabic = portal["ar"]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[arabic.pk])
    assert client.post(url, page_form_data(arabic)).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_a_translation_sent_back_for_changes_is_on_its_translators_to_do(client, users, new_translation):
    """Re-check after the partner approval merge: the reviewer's "request changes" action must be named "reject"."""
    _source, arabic, translation = new_translation
    client.force_login(users["translator_ar"])
    translate_all_strings(client, translation, ARABIC)
    client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})
    task_state = Page.objects.get(pk=arabic.pk).current_workflow_state.current_task_state
    reviewer = next(
        users[name]
        for name in ("dgct", "arm", "embassy", "admin")
        if "reject" in [action for action, *_ in task_state.task.specific.get_actions(arabic, users[name])]
    )
    client.force_login(reviewer)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[arabic.pk, "reject", task_state.pk]),
        {"comment": "Le titre doit reprendre le terme du glossaire."},
    )
    assert Page.objects.get(pk=arabic.pk).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(users["translator_ar"])
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[arabic.pk]) in content
    assert "طُلبت تعديلات" in content  # "Changes requested", translator_ar's admin is in Arabic

    client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})
    arabic = Page.objects.get(pk=arabic.pk)
    assert arabic.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not arabic.live
