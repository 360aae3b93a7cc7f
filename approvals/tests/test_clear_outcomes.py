"""Clear outcomes (issue 11 point 4), through the real admin views: one message per decision naming what comes next,
decisions from the reviewer's one dashboard panel, Approve as the reviewer's main action, the change request's banner,
one submit action, the partners' states only once submitted, a history that names each decision, and the workflow's
names in the reader's language."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageLogEntry, Revision, Task, Workflow

from approvals.models import PartnerDecision
from approvals.names import TASK_NAME, WORKFLOW_NAME
from approvals.tests.helpers import current_task_state, decide, edit_url, post_edit, speaking, state, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(clients, article):
    assert submit(clients["editor"], article).status_code == 302
    clients["editor"].get("/admin/")  # read the submission's message
    return Page.objects.get(pk=article.pk).specific


def decide_url(page):
    return reverse("approvals:decide", args=[ContentType.objects.get_for_model(Page).pk, page.pk])


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def reviewer_revisions(page):
    return Revision.objects.filter(object_id=str(page.pk), user__username__in=["dgct", "arm", "embassy"]).count()


# Decisions from the dashboard --------------------------------------------------------------------------------------
def test_reviewers_dashboard_has_one_panel_with_the_decisions(clients, in_review):
    html = clients["dgct"].get("/admin/").content.decode()
    assert html.count("data-awaiting-partner") == 1
    assert "Awaiting your review" not in html and "En attente de votre relecture" not in html
    assert f'action="{decide_url(in_review)}"' in html
    assert f'name="revision" value="{current_task_state(in_review).revision_id}"' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            "Vous avez approuvé cette version au nom de : DGCT. "
            "Décision encore attendue de : ARM, Ambassade britannique.",
        ),
        (
            "ar",
            "وافقتَ على هذه النسخة باسم المديرية العامة للجماعات الترابية. "
            "ما زال القرار منتظرًا من: جمعية جهات المغرب، السفارة البريطانية.",
        ),
        ("en", "You approved this version for DGCT. Still awaited: ARM, British Embassy."),
    ],
)
def test_an_approval_from_the_dashboard_says_who_is_still_awaited(clients, users, in_review, language, expected):
    speaking(users["dgct"], language)
    revision_id = current_task_state(in_review).revision_id
    response = clients["dgct"].post(decide_url(in_review), {"action": "approve", "revision": revision_id})
    assert response.status_code == 302 and response.url == "/admin/"
    assert messages_of(response) == [expected]
    assert PartnerDecision.objects.for_revision(revision_id).get().partner == "dgct"
    assert reviewer_revisions(in_review) == 0


def test_the_third_approval_from_the_dashboard_publishes_and_says_so(clients, users, in_review):
    revision_id = current_task_state(in_review).revision_id
    for role in ("dgct", "arm"):
        clients[role].post(decide_url(in_review), {"action": "approve", "revision": revision_id})
    speaking(users["embassy"], "en")
    response = clients["embassy"].post(decide_url(in_review), {"action": "approve", "revision": revision_id})
    assert messages_of(response) == [
        "You approved this version for British Embassy. The three partners approved it: it is now live."
    ]
    assert state(in_review) == {"live": True, "live_revision_id": revision_id}
    assert reviewer_revisions(in_review) == 0


def test_a_request_for_changes_from_the_dashboard_needs_a_comment(clients, users, in_review):
    speaking(users["arm"], "en")
    revision_id = current_task_state(in_review).revision_id
    response = clients["arm"].post(decide_url(in_review), {"action": "reject", "revision": revision_id, "comment": " "})
    assert messages_of(response) == ["Say what must change: the editor receives this comment."]
    assert not PartnerDecision.objects.filter(revision_id=revision_id).exists()
    assert current_task_state(in_review).status == "in_progress"
    clients["arm"].get("/admin/")  # the refusal was read

    response = clients["arm"].post(
        decide_url(in_review), {"action": "reject", "revision": revision_id, "comment": "Citer la loi organique."}
    )
    assert messages_of(response) == ["You requested changes for ARM: the author receives your comment."]
    assert PartnerDecision.objects.get(revision_id=revision_id).comment == "Citer la loi organique."
    assert state(in_review)["live"] is False


def test_a_decision_on_a_version_that_changed_is_refused_and_records_nothing(clients, users, in_review):
    speaking(users["dgct"], "en")
    old_revision = current_task_state(in_review).revision_id
    assert post_edit(clients["editor"], in_review, summary="Nouvelle version.").status_code == 302
    assert current_task_state(in_review).revision_id != old_revision
    response = clients["dgct"].post(decide_url(in_review), {"action": "approve", "revision": old_revision})
    assert messages_of(response) == [
        "This version changed since you opened it: review the new version before deciding."
    ]
    assert not PartnerDecision.objects.exists()
    json_response = clients["dgct"].post(
        decide_url(in_review), {"action": "approve", "revision": old_revision}, HTTP_ACCEPT="application/json"
    )
    assert json_response.status_code == 409


@pytest.mark.parametrize("role", ["editor", "translator_ar", "admin"])
def test_who_is_not_a_partner_reviewer_cannot_decide_from_the_dashboard_url(clients, users, in_review, role):
    client = clients[role]
    revision_id = current_task_state(in_review).revision_id
    response = client.post(
        decide_url(in_review), {"action": "approve", "revision": revision_id}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 403
    assert not PartnerDecision.objects.exists()
    assert state(in_review)["live"] is False


def test_the_dashboard_decision_answers_bad_requests_with_a_message(clients, in_review):
    url = decide_url(in_review)
    assert clients["dgct"].get(url).status_code == 405
    missing = clients["dgct"].post(url, {"action": "approve"}, HTTP_ACCEPT="application/json")
    assert missing.status_code == 400 and missing.json()["message"]
    unknown = reverse("approvals:decide", args=[ContentType.objects.get_for_model(Page).pk, 999999])
    assert clients["dgct"].post(unknown, {"action": "approve", "revision": "1"}, follow=True).status_code == 404
    assert not PartnerDecision.objects.exists()


# The page editor ----------------------------------------------------------------------------------------------------
def test_approve_is_the_reviewers_main_action_in_the_editor(clients, users, in_review):
    speaking(users["dgct"], "en")
    html = clients["dgct"].get(edit_url(in_review)).content.decode()
    menu = html[html.index("<footer") :]
    approve = menu.index(">Approve<") if ">Approve<" in menu else menu.index("Approve\n")
    assert approve < menu.index("Request changes")


def test_a_decision_from_the_editor_leads_to_the_dashboard_with_one_message(clients, users, in_review):
    speaking(users["dgct"], "ar")
    task_state = current_task_state(in_review)
    data = {"action-workflow-action": "true", "workflow-action-name": "approve", "workflow-action-extra-data": "{}"}
    response = clients["dgct"].post(edit_url(in_review), data)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert len(messages_of(response)) == 1
    assert messages_of(response)[0].startswith("وافقتَ على هذه النسخة")
    assert PartnerDecision.objects.for_revision(task_state.revision_id).count() == 1
    assert reviewer_revisions(in_review) == 0


def test_the_partners_states_show_once_submitted(clients, users, article):
    speaking(users["editor"], "en")
    before = clients["editor"].get(edit_url(article)).content.decode()
    assert "data-not-submitted" in before and 'data-partner="dgct"' not in before
    submit(clients["editor"], article)
    after = clients["editor"].get(edit_url(article)).content.decode()
    assert "data-not-submitted" not in after and 'data-partner="dgct"' in after


def test_a_request_for_changes_shows_its_banner_to_the_author_not_to_reviewers(clients, users, in_review):
    decide(clients["arm"], in_review, "reject", comment="Citer la loi organique 111-14.")
    html = clients["editor"].get(edit_url(in_review)).content.decode()
    assert "data-change-request-banner" in html
    assert "Citer la loi organique 111-14." in html[html.index("data-change-request-banner") :][:2000]
    assert "data-change-request-banner" not in clients["dgct"].get("/admin/").content.decode()


def test_editors_have_one_submit_then_one_resubmit_and_a_withdrawal(clients, users, article, in_review):
    speaking(users["editor"], "en")
    decide(clients["dgct"], in_review, "reject", comment="Préciser.")
    html = clients["editor"].get(edit_url(in_review)).content.decode()
    assert html.count('name="action-submit"') == 1
    assert ">Resubmit for partner approval</button>" in html
    assert "action-restart-workflow" not in html
    assert "Withdraw the submission" in html


def test_a_new_french_page_has_one_submit_that_names_the_translations(clients, users, portal):
    speaking(users["editor"], "en")
    from toolkit.tests.factories import ToolIndexPageFactory

    tools = ToolIndexPageFactory(parent=portal["fr"])
    url = reverse("wagtailadmin_pages:add", args=["toolkit", "toolpage", tools.pk])
    html = clients["editor"].get(url).content.decode()
    assert html.count('name="action-submit"') == 1
    assert "Submit for partner approval, then translation into Arabic, English" in html


# History and names --------------------------------------------------------------------------------------------------
def test_the_history_names_each_partners_decision_and_comment(clients, users, in_review):
    decide(clients["dgct"], in_review, "approve")
    decide(clients["arm"], in_review, "reject", comment="Citer la loi organique.")
    speaking(users["editor"], "en")
    html = clients["editor"].get(reverse("wagtailadmin_pages:history", args=[in_review.pk])).content.decode()
    assert "DGCT approved" in html
    assert "ARM requested changes" in html and "Citer la loi organique." in html
    assert "Review ended: changes requested" in html and "Submitted for partner approval" in html
    assert "Partner approval" not in re.sub(r"<[^>]+>", "", html).replace("Submitted for partner approval", "")
    entry = PageLogEntry.objects.filter(page=in_review, action="wagtail.workflow.start").get()
    assert entry.data["workflow"]["title"] == WORKFLOW_NAME  # stored as it was


@pytest.mark.parametrize(
    ("language", "workflow", "task"),
    [
        ("fr", "Validation tripartite", "Approbation des partenaires"),
        ("ar", "المصادقة الثلاثية", "موافقة الشركاء"),
        ("en", "Three-partner approval", "Partner approval"),
    ],
)
def test_the_workflow_and_task_names_read_in_the_admin_language(clients, users, in_review, language, workflow, task):
    speaking(users["editor"], language)
    html = clients["editor"].get(edit_url(in_review)).content.decode()
    assert task in html
    with translation.override(language):
        assert str(Workflow.objects.get(name=WORKFLOW_NAME).name) == workflow
        assert f"{Task.objects.get(name=TASK_NAME).specific.name}" == task


def test_a_workflow_saved_with_its_translated_name_keeps_the_stored_name(portal):
    with translation.override("ar"):
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        workflow.name = str(workflow.name)  # what the workflow form shows and posts back
        workflow.save()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1


# When a partner cannot decide ---------------------------------------------------------------------------------------
def test_a_reviewer_whose_partner_decided_reads_why_there_is_no_button(clients, users, in_review):
    speaking(users["dgct"], "en")
    decide(clients["dgct"], in_review, "approve")
    html = clients["dgct"].get(edit_url(in_review)).content.decode()
    assert "DGCT already approved this version (dgct): nothing awaits your decision." in html
    data = {"action-workflow-action": "true", "workflow-action-name": "approve", "workflow-action-extra-data": "{}"}
    response = clients["dgct"].post(edit_url(in_review), data)
    assert messages_of(response) == ["DGCT already approved this version (dgct): nothing awaits your decision."]
    assert PartnerDecision.objects.count() == 1


@pytest.fixture
def arm_blocked(clients, users, in_review, django_user_model):
    """The review waits on ARM, whose only active reviewer is now the editor who wrote the version under review."""
    from django.contrib.auth.models import Group

    users["arm"].is_active = False
    users["arm"].save()
    users["editor"].groups.set([Group.objects.get(name="ARM reviewers")])
    second_editor = django_user_model.objects.create_user("editor2", "editor2@example.org", "x")
    second_editor.groups.set([Group.objects.get(name="Editors")])
    speaking(second_editor, "en")
    client = type(clients["editor"])()
    client.force_login(second_editor)
    return client


def test_the_author_reads_which_partner_cannot_decide_and_may_resubmit(arm_blocked, in_review):
    html = arm_blocked.get(edit_url(in_review)).content.decode()
    assert 'data-blocked-partner="arm"' in html
    assert "No ARM reviewer can decide on this version: its only reviewers wrote it." in html
    before = current_task_state(in_review)
    response = arm_blocked.post(
        reverse("approvals:resubmit", args=[ContentType.objects.get_for_model(Page).pk, in_review.pk])
    )
    assert messages_of(response) == ["The review restarted on your version: the three partners can decide on it."]
    after = current_task_state(in_review)
    assert after.pk != before.pk and after.revision.user.username == "editor2"
    assert state(in_review)["live"] is False
    assert 'data-blocked-partner="arm"' not in arm_blocked.get(edit_url(in_review)).content.decode()


@pytest.mark.parametrize("role", ["translator_fr", "dgct"])
def test_only_editors_resubmit_as_their_version(clients, arm_blocked, in_review, role):
    before = current_task_state(in_review)
    revisions = Revision.objects.filter(object_id=str(in_review.pk)).count()
    url = reverse("approvals:resubmit", args=[ContentType.objects.get_for_model(Page).pk, in_review.pk])
    response = clients[role].post(url)
    assert response.status_code in (302, 403)
    assert current_task_state(in_review).pk == before.pk
    assert Revision.objects.filter(object_id=str(in_review.pk)).count() == revisions


def test_resubmitting_when_every_partner_can_decide_changes_nothing(clients, users, in_review):
    speaking(users["editor"], "en")
    before = current_task_state(in_review)
    url = reverse("approvals:resubmit", args=[ContentType.objects.get_for_model(Page).pk, in_review.pk])
    response = clients["editor"].post(url)
    assert messages_of(response) == ["Every partner can decide on this version: there is nothing to resubmit."]
    assert current_task_state(in_review).pk == before.pk
