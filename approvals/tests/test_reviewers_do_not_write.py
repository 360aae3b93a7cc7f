"""Reviewers decide, they do not write; a superuser never decides for a partner; an emergency needs a real reason.

Through the real admin URLs. Each refusal asserts the message and that nothing was written: no new revision, none in
the reviewer's name, the public content as it was.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation as i18n
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation

from approvals.models import EmergencyPublication, PartnerDecision
from approvals.operator import publish_as_operator
from approvals.reviewers import reviewers_do_not_write_message
from approvals.tests.helpers import (
    current_task_state,
    decide,
    edit_url,
    form_data,
    post_edit,
    refused,
    snippet_url,
    state,
    submit,
)
from toolkit.models import Theme
from translations.starting import translate_into_all_languages
from translations.tests.factories import french_page, put_string, segment, translation_editor_writes, translation_of

pytestmark = pytest.mark.django_db

REVIEWERS = ["dgct", "arm", "embassy"]
DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator", "OPTIONS": {}}


@pytest.fixture
def in_review(clients, article):
    """The editor's article, submitted: the three partners' review is in progress."""
    assert submit(clients["editor"], article, summary="Résumé soumis.").status_code == 302
    assert current_task_state(article) is not None
    return Page.objects.get(pk=article.pk).specific


def in_every_language(message):
    """``message()`` as each user reads it (the demo accounts' admins are in French or English, translators' in
    their language)."""
    texts = set()
    for language in ("fr", "ar", "en"):
        with i18n.override(language):
            texts.add(message())
    return texts


NO_WRITE = in_every_language(reviewers_do_not_write_message)


def says(text, messages):
    return any(message in text for message in messages)


def written_by(user):
    return Revision.objects.filter(user=user).count()


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


# The page editor ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", REVIEWERS)
def test_a_reviewer_opens_the_editor_read_only_with_the_decisions_and_without_autosave(clients, in_review, role):
    response = clients[role].get(edit_url(in_review))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-workflow-action-name="approve"' in content
    assert 'data-workflow-action-name="reject"' in content
    assert "content-locked" in content
    assert "data-w-autosave-interval-value" not in content  # the locked editor has no autosave controller
    assert "w-unsaved w-autosave" not in content
    assert 'name="action-submit"' not in content


@pytest.mark.parametrize("role", REVIEWERS)
@pytest.mark.parametrize("action", [None, "action-submit", "action-publish", "action-restart-workflow"])
def test_a_reviewer_cannot_save_or_submit_from_the_page_editor(clients, users, in_review, role, action):
    revisions = in_review.revisions.count()
    response = post_edit(clients[role], in_review, action, title="Titre du relecteur")

    assert response.status_code == 302 and response.url == edit_url(in_review)
    assert says(" ".join(messages_of(response)), NO_WRITE)
    assert in_review.revisions.count() == revisions
    assert written_by(users[role]) == 0
    assert Page.objects.get(pk=in_review.pk).get_latest_revision_as_object().title != "Titre du relecteur"
    assert current_task_state(in_review).revision_id == in_review.latest_revision_id


@pytest.mark.parametrize("role", REVIEWERS)
def test_a_reviewers_autosave_is_refused(clients, users, in_review, role):
    """The request Wagtail's autosave sends: the edit form, posted with ``Accept: application/json``."""
    revisions = in_review.revisions.count()
    data = form_data(in_review, title="Autosauvegarde")
    data.update(
        loaded_revision_id=str(in_review.latest_revision_id),
        loaded_revision_created_at=in_review.latest_revision.created_at.isoformat(),
        overwrite_revision_id=str(in_review.latest_revision_id),
    )

    response = clients[role].post(edit_url(in_review), data, HTTP_ACCEPT="application/json")

    assert response.status_code == 403
    assert response.json()["success"] is False and says(response.json()["error_message"], NO_WRITE)
    assert in_review.revisions.count() == revisions
    assert written_by(users[role]) == 0
    assert Revision.objects.get(pk=in_review.latest_revision_id).content["title"] != "Autosauvegarde"


@pytest.mark.parametrize("role", REVIEWERS)
def test_a_reviewer_approves_from_the_editor_without_writing_a_revision(clients, users, in_review, role):
    revisions = in_review.revisions.count()
    data = form_data(in_review, title="Changé en approuvant")
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})

    response = clients[role].post(edit_url(in_review), data)

    assert response.status_code == 302
    assert in_review.revisions.count() == revisions
    assert written_by(users[role]) == 0
    decision = PartnerDecision.objects.get(revision_id=in_review.latest_revision_id)
    assert (decision.partner, decision.decision, decision.user) == (role, "approved", users[role])
    assert Page.objects.get(pk=in_review.pk).get_latest_revision_as_object().title == in_review.title


def test_a_reviewer_requests_changes_from_the_editor_with_the_modals_comment(clients, users, in_review):
    data = form_data(in_review)
    data.update(
        {
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": '{"comment": "Préciser le budget."}',
        }
    )
    clients["arm"].post(edit_url(in_review), data)

    decision = PartnerDecision.objects.get(revision_id=in_review.latest_revision_id)
    assert (decision.partner, decision.decision, decision.comment) == (
        "arm",
        "changes_requested",
        "Préciser le budget.",
    )
    assert written_by(users["arm"]) == 0


# The translation editor -------------------------------------------------------------------------------------------
@pytest.fixture
def arabic_in_review(portal, users, clients):
    """A French page translated into Arabic; the Arabic translator submitted the translation."""
    source = french_page(portal, "Coopération interrégionale")
    translate_into_all_languages(source, users["editor"])
    arabic = Page.objects.get(translation_key=source.translation_key, locale__language_code="ar")
    translation = translation_of(source, "ar")
    put_string(clients["translator_ar"], translation, segment(translation, source.title), "التعاون بين الجهات")
    clients["translator_ar"].post(edit_url(arabic), {"action": "publish"})
    assert Page.objects.get(pk=arabic.pk).workflow_in_progress
    return Page.objects.get(pk=arabic.pk), translation


@pytest.mark.parametrize("role", REVIEWERS)
def test_a_reviewer_writes_nothing_through_the_translation_editor(clients, users, settings, arabic_in_review, role):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR
    arabic, translation = arabic_in_review
    strings = list(StringTranslation.objects.filter(locale__language_code="ar").values_list("pk", "data"))
    revisions, task_state = arabic.revisions.count(), current_task_state(arabic)

    responses = translation_editor_writes(clients[role], arabic, translation)

    for endpoint, response in responses.items():
        if endpoint == "submit":
            assert response.status_code == 302 and says(" ".join(messages_of(response)), NO_WRITE), endpoint
        else:
            assert response.status_code == 403, endpoint
            assert says(response.content.decode(), NO_WRITE), endpoint
    assert list(StringTranslation.objects.filter(locale__language_code="ar").values_list("pk", "data")) == strings
    assert arabic.revisions.count() == revisions
    assert written_by(users[role]) == 0
    assert current_task_state(arabic).pk == task_state.pk


@pytest.mark.parametrize("role", REVIEWERS)
def test_a_reviewer_opens_a_translation_without_the_submit_button(clients, arabic_in_review, role):
    arabic, _translation = arabic_in_review
    response = clients[role].get(edit_url(arabic))
    content = response.content.decode()
    assert response.status_code == 200
    assert "&quot;canPublish&quot;: false" in content  # wagtail-localize's button (the permission tester)
    assert '"canSubmit": false' in content and '"locked": true' in content  # the portal's (strings read-only too)


# Snippets ----------------------------------------------------------------------------------------------------------
@pytest.fixture
def theme_in_review(portal, users):
    theme = Theme(locale=portal["fr"].locale, slug="cooperation-test", name="Coopération")
    theme.save()
    theme = publish_as_operator(theme, "test")
    theme.name = "Nom proposé"
    theme.save_revision(user=users["editor"])
    theme.get_workflow().start(theme, users["editor"])
    return Theme.objects.get(pk=theme.pk)


@pytest.mark.parametrize("role", REVIEWERS)
def test_a_reviewer_cannot_edit_add_copy_or_delete_a_snippet(clients, users, theme_in_review, role):
    client, theme = clients[role], theme_in_review
    revisions, themes = Revision.objects.count(), Theme.objects.count()

    assert client.get(snippet_url(theme, "edit", theme.pk)).status_code == 200  # read-only, to decide from it
    edit = client.post(snippet_url(theme, "edit", theme.pk), {"name": "Nom du relecteur", "slug": theme.slug})
    autosave = client.post(
        snippet_url(theme, "edit", theme.pk), {"name": "Auto", "slug": theme.slug}, HTTP_ACCEPT="application/json"
    )
    add = client.post(snippet_url(Theme, "add") + "?locale=fr", {"name": "Nouveau", "slug": "nouveau"})
    copy = client.get(snippet_url(theme, "copy", theme.pk))
    delete = client.post(snippet_url(theme, "delete", theme.pk))

    assert edit.status_code == 302 and says(" ".join(messages_of(edit)), NO_WRITE)
    assert autosave.status_code == 403 and says(autosave.json()["error_message"], NO_WRITE)
    assert add.status_code == 302 and copy.status_code == 302 and delete.status_code == 302
    assert Revision.objects.count() == revisions and Theme.objects.count() == themes
    assert written_by(users[role]) == 0
    fresh = Theme.objects.get(pk=theme.pk)
    assert (fresh.name, fresh.live) == ("Coopération", True)


def test_a_reviewer_approves_a_snippet_from_its_editor(clients, users, theme_in_review):
    theme = theme_in_review
    response = clients["dgct"].post(
        snippet_url(theme, "edit", theme.pk),
        {"name": "Ignoré", "slug": theme.slug, "action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert response.status_code == 302
    assert PartnerDecision.objects.filter(revision_id=theme.latest_revision_id, partner="dgct").exists()
    assert written_by(users["dgct"]) == 0


# A superuser never decides for a partner ---------------------------------------------------------------------------
def test_a_superuser_in_a_partner_group_is_offered_no_decision_and_cannot_decide(clients, users, in_review):
    users["admin"].groups.add(Group.objects.get(name="DGCT reviewers"))
    decisions = PartnerDecision.objects.count()

    editor = clients["admin"].get(edit_url(in_review))
    response = decide(clients["admin"], in_review)

    assert editor.status_code == 200
    assert 'data-workflow-action-name="approve"' not in editor.content.decode()
    assert refused(response)
    assert PartnerDecision.objects.count() == decisions
    assert current_task_state(in_review).revision_id == in_review.latest_revision_id


# Emergency publication reasons --------------------------------------------------------------------------------------
def emergency(clients, page, reason):
    return clients["admin"].post(reverse("approvals:emergency_publish", args=[page.pk]), {"reason": reason})


@pytest.mark.parametrize(
    "reason",
    [
        "\u200b" * 20,
        "\ufeff" * 20,
        "\u2060" * 20,
        "\u200b \u2060\ufeff\u00a0\u3000" * 10,
        "Quatorze signes",  # 14 visible characters
        "a\u200bb\u200bc d e f g h i j k l m n",  # 14 visible characters
    ],
)
def test_an_emergency_reason_needs_fifteen_visible_characters(clients, article, reason):
    response = emergency(clients, article, reason)

    assert response.status_code == 200
    assert "15" in str(response.context["form"].errors["reason"])
    assert response.context["form"].errors.as_data()["reason"][0].code == "too_short"
    assert state(article) == {"live": False, "live_revision_id": None}
    assert not EmergencyPublication.objects.exists()


def test_an_emergency_reason_of_fifteen_visible_characters_is_accepted(clients, article):
    response = emergency(clients, article, "Quinze\u200b signes, ok")  # 15 visible characters

    assert response.status_code == 302
    assert state(article)["live"] is True
    assert EmergencyPublication.objects.get().reason == "Quinze\u200b signes, ok"
