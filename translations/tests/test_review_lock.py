"""Once submitted, a translation's strings are locked to its translators until the partners decide or the submission
is withdrawn; a manual lock ("Lock" in the page editor) holds in every write path of the translation editor.

Each write endpoint is taken through its real URL; each refusal asserts the message and that nothing changed.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils import translation as i18n
from django.utils.translation import gettext
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation

from approvals.reviewers import in_review_message, reviewers_do_not_write_message
from approvals.tests.helpers import decide
from approvals.tests.test_guard_paths import record_approvals
from translations.localize_internals import PUBLISH_TRANSLATIONS_FIELD
from translations.starting import translate_into_all_languages
from translations.tests.factories import (
    edit_string_url,
    french_page,
    put_string,
    segment,
    translation_editor_writes,
    translation_of,
)

pytestmark = pytest.mark.django_db

DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator", "OPTIONS": {}}


def in_every_language(message):
    texts = set()
    for language in ("fr", "ar", "en"):
        with i18n.override(language):
            texts.add(message())
    return texts


IN_REVIEW = in_every_language(in_review_message)
LOCKED = in_every_language(
    lambda: gettext("This content is locked by someone else: it cannot be changed until it is unlocked.")
)


@pytest.fixture
def arabic(portal, users, client, settings):
    """A French page translated into Arabic (a draft); the Arabic translator is logged in."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR
    source = french_page(portal, "Coopération interrégionale")
    translate_into_all_languages(source, users["editor"])
    page = Page.objects.get(translation_key=source.translation_key, locale__language_code="ar")
    client.force_login(users["translator_ar"])
    return page, translation_of(source, "ar")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submitted(client, page, translation):
    put_string(client, translation, segment(translation, "Coopération interrégionale"), "التعاون بين الجهات")
    client.post(edit_url(page), {"action": "publish"})
    page = Page.objects.get(pk=page.pk)
    assert page.current_workflow_task_state is not None
    return page


def arabic_strings():
    return list(StringTranslation.objects.filter(locale__language_code="ar").values_list("pk", "data"))


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def assert_all_refused(responses, message):
    for endpoint, response in responses.items():
        if endpoint == "submit":
            assert response.status_code == 302, endpoint
            assert any(text in " ".join(messages_of(response)) for text in message), endpoint
        else:
            assert response.status_code == 403, endpoint
            assert response.content.decode() in message, endpoint  # the refusal is the message, word for word


def test_a_translator_cannot_change_a_translation_in_partner_review(client, arabic):
    page = submitted(client, *arabic)
    translation = arabic[1]
    strings, revisions, task_state = arabic_strings(), page.revisions.count(), page.current_workflow_task_state

    assert_all_refused(translation_editor_writes(client, page, translation, "نص آخر"), IN_REVIEW)

    page = Page.objects.get(pk=page.pk)
    assert arabic_strings() == strings
    assert page.revisions.count() == revisions
    assert page.current_workflow_task_state.pk == task_state.pk
    assert page.get_latest_revision_as_object().title == "التعاون بين الجهات"


def test_a_translator_in_review_sees_the_editor_read_only_without_its_submit_button(client, arabic):
    page = submitted(client, *arabic)
    content = client.get(edit_url(page)).content.decode()
    assert '"canSubmit": false' in content and '"locked": true' in content


def test_the_translation_unlocks_when_the_partners_request_changes(client, clients, arabic):
    page = submitted(client, *arabic)
    translation = arabic[1]

    decide(clients["dgct"], page, "reject", comment="Revoir le titre.")
    assert Page.objects.get(pk=page.pk).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    response = put_string(client, translation, segment(translation, "Coopération interrégionale"), "عنوان جديد")

    assert response.status_code == 200
    assert StringTranslation.objects.filter(locale__language_code="ar", data="عنوان جديد").exists()


def test_the_translation_unlocks_when_the_submission_is_withdrawn(client, users, arabic):
    page = submitted(client, *arabic)
    translation = arabic[1]

    page.current_workflow_state.cancel(user=users["translator_ar"])
    response = put_string(client, translation, segment(translation, "Coopération interrégionale"), "عنوان جديد")

    assert response.status_code == 200
    assert StringTranslation.objects.filter(locale__language_code="ar", data="عنوان جديد").exists()


def test_an_editor_may_still_correct_a_translation_in_review_and_restarts_the_review(client, clients, users, arabic):
    page = submitted(client, *arabic)
    translation = arabic[1]
    reviewed = page.current_workflow_task_state.revision_id

    response = put_string(clients["editor"], translation, segment(translation, "Coopération interrégionale"), "نص")
    clients["editor"].post(edit_url(page), {"action": "publish"})

    assert response.status_code == 200
    page = Page.objects.get(pk=page.pk)
    assert page.current_workflow_task_state.revision_id != reviewed
    assert page.current_workflow_task_state.revision_id == page.latest_revision_id
    assert not page.live


def test_a_manual_lock_holds_in_every_write_of_the_translation_editor(client, clients, arabic):
    """Wagtail's "Lock" (the portal grants the lock permission to no group: a superuser locks here)."""
    page, translation = arabic
    assert clients["admin"].post(reverse("wagtailadmin_pages:lock", args=[page.pk])).status_code == 302
    assert Page.objects.get(pk=page.pk).locked
    strings, revisions = arabic_strings(), page.revisions.count()

    assert_all_refused(translation_editor_writes(client, page, translation, "نص آخر"), LOCKED)

    page = Page.objects.get(pk=page.pk)
    assert arabic_strings() == strings
    assert page.revisions.count() == revisions
    assert page.current_workflow_state is None


def test_a_reviewer_writes_no_string_even_outside_partner_review(clients, arabic):
    """Reviewers decide, they do not write: the translation editor refuses their writes with that reason even when
    nothing is under review (no lock to meet), and writes nothing."""
    _page, translation = arabic
    strings = arabic_strings()
    response = put_string(clients["dgct"], translation, segment(translation, "Coopération interrégionale"), "نص")
    assert response.status_code == 403
    assert response.content.decode() in in_every_language(reviewers_do_not_write_message)
    assert arabic_strings() == strings


def test_a_translation_scheduled_for_publication_is_locked_to_its_editor_too(clients, arabic):
    """Wagtail locks content whose publication is scheduled, for everyone: an editor's write is refused, with the
    general reason (they are not under partner review), and changes nothing."""
    page, translation = arabic
    revision = page.get_latest_revision()
    record_approvals(revision, 3)  # only an approved revision may be scheduled (approvals.guard)
    revision.approved_go_live_at = timezone.now() + timedelta(days=1)
    revision.save(update_fields=["approved_go_live_at"])
    strings = arabic_strings()
    response = put_string(clients["editor"], translation, segment(translation, "Coopération interrégionale"), "نص")
    assert response.status_code == 403
    assert response.content.decode() in in_every_language(
        lambda: gettext("This content is locked: it cannot be changed now.")
    )
    assert arabic_strings() == strings


# Reading is not writing: the guard refuses writes only, so a read of a write endpoint, or a write-shaped request to a
# view that reads, gets the view's own answer (405 where the view takes no such method), never the guard's refusal.
def test_a_reviewer_reading_a_write_endpoint_gets_the_views_answer_not_a_refusal(clients, arabic):
    _page, translation = arabic
    string_url = edit_string_url(translation, segment(translation, "Coopération interrégionale"))
    strings = arabic_strings()
    for method in ("get", "head"):
        for url in (string_url, reverse("wagtail_localize:machine_translate", args=[translation.pk])):
            response = getattr(clients["dgct"], method)(url)
            assert response.status_code == 405, (method, url, response.status_code)
    assert arabic_strings() == strings


def test_a_translator_reading_a_write_endpoint_of_locked_content_gets_the_views_answer(client, clients, arabic):
    page, translation = arabic
    assert clients["admin"].post(reverse("wagtailadmin_pages:lock", args=[page.pk])).status_code == 302
    string_url = edit_string_url(translation, segment(translation, "Coopération interrégionale"))
    for method in ("get", "head"):
        assert getattr(client, method)(string_url).status_code == 405, method
    # As a browser asks, the address typed in the address bar: a 405 in JSON, not the browsable API's missing template.
    response = client.get(string_url, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert response.status_code == 405 and response["Content-Type"].startswith("application/json")
    assert client.put(string_url, data="value=x", content_type="application/x-www-form-urlencoded").status_code == 403


def test_a_post_to_a_view_that_only_reads_is_not_refused_as_a_write(clients):
    """A reviewer's POST to a reading view, or a form field named like the publish checkbox sent elsewhere, is the
    view's business (405): the guard's refusals are kept for writes and for publishing from the update form."""
    reads = [reverse("wagtail_localize:javascript_catalog"), reverse("wagtail_localize:translations_report")]
    for url in reads:
        response = clients["dgct"].post(url, {"x": "1"})
        assert response.status_code == 405, (url, response.status_code)
    response = clients["editor"].post(
        reverse("wagtail_localize:javascript_catalog"), {PUBLISH_TRANSLATIONS_FIELD: "on"}
    )
    assert response.status_code == 405
