"""The rule: a revision goes live only once DGCT, ARM and the British Embassy have each approved that revision."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Revision, TaskState, WorkflowState
from wagtail.signals import task_submitted
from wagtail.users.models import UserProfile

from approvals.models import PartnerDecision
from approvals.notifications import HEADER
from approvals.tests.helpers import (
    current_task_state,
    decide,
    decide_snippet,
    decisions,
    edit_url,
    post_edit,
    refused,
    snippet_url,
    state,
    submit,
)
from approvals.tests.test_snippets import theme, theme_with_draft  # noqa: F401
from tests.testapp.models import ArticlePage

pytestmark = pytest.mark.django_db

PARTNER_OF = {"dgct": "dgct", "arm": "arm", "embassy": "embassy"}


@pytest.mark.parametrize("order", [("dgct", "arm", "embassy"), ("embassy", "dgct", "arm")])
def test_page_goes_live_only_after_the_third_partner_approves(clients, article, order):
    response = submit(clients["editor"], article)
    assert response.status_code == 302
    submitted_revision = Page.objects.get(pk=article.pk).latest_revision_id

    for reviewer in order[:2]:
        assert decide(clients[reviewer], article).status_code == 302
        assert state(article) == {"live": False, "live_revision_id": None}

    assert decide(clients[order[2]], article).status_code == 302
    assert state(article) == {"live": True, "live_revision_id": submitted_revision}
    assert decisions(article) == {"arm": "approved", "dgct": "approved", "embassy": "approved"}
    assert Page.objects.get(pk=article.pk).current_workflow_state is None


def test_scheduled_go_live_date_schedules_the_approved_revision(clients, article):
    submit(clients["editor"], article, go_live_at="2099-01-01 10:00")
    for reviewer in ("dgct", "arm", "embassy"):
        decide(clients[reviewer], article)
    page = Page.objects.get(pk=article.pk)
    assert state(article)["live"] is False
    assert page.get_latest_revision().approved_go_live_at is not None


def test_an_edit_after_two_approvals_resets_them(clients, article):
    submit(clients["editor"], article)
    decide(clients["dgct"], article)
    decide(clients["arm"], article)
    approved_revision = Page.objects.get(pk=article.pk).latest_revision_id

    post_edit(clients["editor"], article, body="Texte modifié après deux approbations.")
    new_revision = Page.objects.get(pk=article.pk).latest_revision_id
    assert new_revision != approved_revision
    assert decisions(article) == {}
    assert current_task_state(article).revision_id == new_revision

    decide(clients["embassy"], article)
    assert state(article) == {"live": False, "live_revision_id": None}
    decide(clients["dgct"], article)
    assert state(article)["live"] is False
    decide(clients["arm"], article)
    assert state(article) == {"live": True, "live_revision_id": new_revision}
    assert Page.objects.get(pk=article.pk).specific.body == "Texte modifié après deux approbations."


def test_an_autosave_overwriting_the_revision_under_review_supersedes_its_decisions(clients, users, article):
    submit(clients["editor"], article)
    decide(clients["dgct"], article)
    decide(clients["arm"], article)
    revision_id = Page.objects.get(pk=article.pk).latest_revision_id

    response = post_edit(clients["editor"], article, overwrite_revision_id=str(revision_id), body="Autosauvegarde.")
    assert response.status_code in (200, 302)
    assert Page.objects.get(pk=article.pk).latest_revision_id == revision_id
    assert decisions(article) == {}
    assert PartnerDecision.objects.filter(revision_id=revision_id, superseded_at__isnull=False).count() == 2

    decide(clients["embassy"], article)
    assert state(article) == {"live": False, "live_revision_id": None}


def test_a_dgct_reviewer_cannot_decide_for_arm_or_the_embassy(clients, article):
    submit(clients["editor"], article)
    decide(clients["dgct"], article)
    before = decisions(article)

    assert refused(decide(clients["dgct"], article))
    assert refused(decide(clients["dgct"], article, "reject", comment="Non"))
    assert decisions(article) == before == {"dgct": "approved"}
    assert state(article) == {"live": False, "live_revision_id": None}


def test_the_author_cannot_approve_their_own_revision(clients, users, article):
    # A revision written by a DGCT reviewer (say, before they joined the group: reviewers write nothing now), then
    # submitted by the editor without a new revision.
    author = users["dgct"]
    article.body = "Écrit par un relecteur de la DGCT."
    article.save_revision(user=author)
    article.get_workflow().start(Page.objects.get(pk=article.pk).specific, users["editor"])
    assert Page.objects.get(pk=article.pk).get_latest_revision().user == author

    assert refused(decide(clients["dgct"], article))
    decide(clients["arm"], article)
    decide(clients["embassy"], article)
    assert decisions(article) == {"arm": "approved", "embassy": "approved"}
    assert state(article) == {"live": False, "live_revision_id": None}


@pytest.mark.parametrize("username", ["editor", "translator_fr", "translator_ar", "admin"])
def test_nobody_outside_the_partner_groups_can_decide(clients, article, username):
    submit(clients["editor"], article)
    assert refused(decide(clients[username], article))
    assert decisions(article) == {}
    assert state(article) == {"live": False, "live_revision_id": None}


def test_a_request_for_changes_sends_the_page_back_with_the_comment(
    clients, users, article, django_capture_on_commit_callbacks
):
    submit(clients["editor"], article)
    decide(clients["dgct"], article)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(clients["arm"], article, "reject", comment="Précisez les régions concernées.")
    assert response.status_code == 302

    workflow_state = Page.objects.get(pk=article.pk).current_workflow_state
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert decisions(article) == {"arm": "changes_requested", "dgct": "approved"}
    assert PartnerDecision.objects.get(partner="arm").comment == "Précisez les régions concernées."
    assert state(article) == {"live": False, "live_revision_id": None}
    to_editor = [m for m in mail.outbox if m.to == [users["editor"].email]]
    assert any("Précisez les régions concernées." in m.body and "ARM" in m.subject for m in to_editor)

    # The editor resubmits with changes: a new revision, three fresh approvals.
    submit(clients["editor"], article, body="Les 12 régions.")
    assert decisions(article) == {}
    for reviewer in ("arm", "dgct", "embassy"):
        decide(clients[reviewer], article)
    assert state(article)["live"] is True


def test_a_request_for_changes_needs_a_comment(clients, article):
    submit(clients["editor"], article)
    decide(clients["arm"], article, "reject", comment="")
    assert decisions(article) == {}
    assert current_task_state(article) is not None


def test_reviewers_are_mailed_when_a_revision_enters_review_and_the_author_on_publication(
    clients, users, article, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    submit(clients["editor"], article)
    for reviewer in ("dgct", "arm", "embassy"):
        received = [m for m in mail.outbox if m.to == [users[reviewer].email] and HEADER in m.extra_headers]
        assert len(received) == 1
        assert "Budget participatif" in received[0].subject
    assert not [m for m in mail.outbox if m.to == [users["editor"].email] and HEADER in m.extra_headers]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for reviewer in ("dgct", "arm", "embassy"):
            decide(clients[reviewer], article)
    to_editor = [m for m in mail.outbox if m.to == [users["editor"].email]]
    # Ours only: Wagtail's own "approved" mail would repeat the decisions (approvals.notifications).
    assert [m.extra_headers.get(HEADER) for m in to_editor] == ["decision", "decision", "decision", "published"]
    assert all("Budget participatif" in m.subject for m in to_editor)
    # Links use the portal's configured address, never the Site record's "localhost".
    assert f"{settings.WAGTAILADMIN_BASE_URL}/fr/budget-participatif/" in to_editor[-1].body
    assert "localhost" not in to_editor[-1].body


def test_each_reviewer_is_offered_the_decision_only_while_their_partner_has_not_decided(clients, article):
    submit(clients["editor"], article)
    decide(clients["dgct"], article)

    def offered(username):
        html = clients[username].get(edit_url(article)).content.decode()
        return 'data-workflow-action-name="approve"' in html

    assert not offered("dgct")
    assert offered("arm") and offered("embassy")
    assert not offered("editor")


def test_a_reviewer_is_offered_approve_first_then_approve_with_comment_then_request_changes(clients, article):
    """The editor's action menu for a reviewer: the main button approves at once; the other two open the comment
    modal. Names, labels (French, the reviewers' admin language here) and order, as Wagtail renders them."""
    import re

    submit(clients["editor"], article)
    html = clients["dgct"].get(edit_url(article)).content.decode()
    button = r'<button[^>]*data-workflow-action-name="([^"]*)"([^>]*)>.*?</svg>([^<]*)</button>'
    buttons = re.findall(button, html, re.S)
    assert [(name, "modal-url" in attrs, label.strip()) for name, attrs, label in buttons] == [
        ("approve", False, "Approuver"),
        ("approve", True, "Approuver avec un commentaire"),
        ("reject", True, "Demander des modifications"),
    ]


@pytest.mark.parametrize("reviewer", ["dgct", "arm", "embassy"])
def test_a_reviewer_cannot_cancel_the_review_for_the_other_partners(clients, article, reviewer):
    submit(clients["editor"], article)
    decide(clients["dgct" if reviewer != "dgct" else "arm"], article)
    before = decisions(article), current_task_state(article).pk

    assert "action-cancel-workflow" not in clients[reviewer].get(edit_url(article)).content.decode()
    response = post_edit(clients[reviewer], article, "action-cancel-workflow")
    assert refused(response) or (response.status_code == 302 and response.url == edit_url(article))
    fresh = Page.objects.get(pk=article.pk)
    assert fresh.current_workflow_state is not None and fresh.current_workflow_state.status == "in_progress"
    assert (decisions(article), current_task_state(article).pk) == before
    assert state(article) == {"live": False, "live_revision_id": None}


def test_the_editor_who_submitted_may_cancel_the_review(clients, article):
    submit(clients["editor"], article)
    assert "action-cancel-workflow" in clients["editor"].get(edit_url(article)).content.decode()
    assert post_edit(clients["editor"], article, "action-cancel-workflow").status_code == 302
    assert Page.objects.get(pk=article.pk).current_workflow_state is None
    assert state(article) == {"live": False, "live_revision_id": None}


def test_each_reviewer_is_offered_what_awaits_their_own_partner(clients, users, article, portal):
    """Wagtail's own "awaiting your review" list and the portal's dashboard panel both ask the task
    (``get_task_states_user_can_moderate``): a review is offered to each partner's reviewers until their partner
    decides, and never to the editor, a translator or the superuser."""
    submit(clients["editor"], article)
    task_state = current_task_state(article)
    task = task_state.task.specific

    def awaiting(role):
        return set(task.get_task_states_user_can_moderate(users[role]).values_list("pk", flat=True))

    def on_dashboard(role):
        html = clients[role].get("/admin/").content.decode()
        return "Budget participatif" in html[html.index("data-awaiting-partner") :].split("</section>")[0]

    assert {role: awaiting(role) for role in ("dgct", "arm", "embassy")} == {
        "dgct": {task_state.pk},
        "arm": {task_state.pk},
        "embassy": {task_state.pk},
    }
    assert awaiting("editor") == awaiting("translator_ar") == awaiting("admin") == set()
    assert on_dashboard("dgct") and on_dashboard("arm")
    decide(clients["dgct"], article)
    assert awaiting("dgct") == set() and awaiting("arm") == {task_state.pk}
    assert not on_dashboard("dgct") and on_dashboard("arm")

    # DGCT's decision on that revision leaves another page's review awaiting DGCT.
    other = ArticlePage(title="Cartographie", slug="cartographie", summary="Un autre outil.", body="Texte.")
    portal["fr"].add_child(instance=other)
    other.save_revision(user=users["editor"])
    submit(clients["editor"], other)
    assert awaiting("dgct") == {current_task_state(other).pk}


def test_a_reviewer_is_not_offered_a_revision_they_wrote(clients, users, article):
    """The author of a revision never decides on it, even when they review for a partner."""
    submit(clients["editor"], article)
    task_state = current_task_state(article)
    # As if a DGCT reviewer had written the revision under review (written behind the views, which refuse it).
    Revision.objects.filter(pk=task_state.revision_id).update(user=users["dgct"])
    task = task_state.task.specific
    assert not task.get_task_states_user_can_moderate(users["dgct"]).exists()
    assert task.get_task_states_user_can_moderate(users["arm"]).filter(pk=task_state.pk).exists()


def test_the_admin_describes_the_partner_approval_task(clients):
    """Who sets up workflows reads what the task requires, in the admin's language (French here)."""
    html = clients["admin"].get(reverse("wagtailadmin_workflows:select_task_type")).content.decode()
    assert "Un relecteur de chaque partenaire (DGCT, ARM, Ambassade britannique) doit approuver la version exacte." in (
        html.replace("\n", " ")
    )


def test_each_decision_mails_the_author_a_link_to_what_was_decided(
    clients,
    users,
    article,
    theme_with_draft,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    """The decision's record finds its page or snippet again (``RevisionRecord.get_object``) for the mail's link."""
    submit(clients["editor"], article)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(clients["dgct"], article)
        decide_snippet(clients["dgct"], theme_with_draft)
    bodies = [m.body for m in mail.outbox if m.to == [users["editor"].email]]
    page_link = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[article.pk])
    snippet_link = settings.WAGTAILADMIN_BASE_URL + snippet_url(theme_with_draft, "edit", theme_with_draft.pk)
    assert len(bodies) == 2
    assert any(f"{page_link}\n" in body for body in bodies)
    assert any(f"{snippet_link}\n" in body for body in bodies)


def test_a_reviewer_reads_why_there_is_no_decision_to_take(clients, users, article):
    """The sentence the reviewer's editor shows instead of the buttons, for each reason (in English here)."""
    profile = UserProfile.get_for_user(users["dgct"])
    profile.preferred_language = "en"
    profile.save()

    def shown():
        return clients["dgct"].get(edit_url(article)).content.decode().replace("&#x27;", "'")

    submit(clients["editor"], article)
    task_state = current_task_state(article)
    assert "You cannot decide on this revision." not in shown()  # a decision awaits: the buttons, no sentence
    Revision.objects.filter(pk=task_state.revision_id).update(user=users["dgct"])
    assert (
        "You wrote this version, so another DGCT reviewer decides on it. Its author can resubmit it as their own "
        "version to restart the review."
    ) in shown()
    Revision.objects.filter(pk=task_state.revision_id).update(user=users["editor"])
    assert "You wrote this version" not in shown()

    decide(clients["dgct"], article)
    assert "DGCT already approved this version (dgct): nothing awaits your decision." in shown()
    with translation.override("en"):
        reason = task_state.task.specific.why_user_cannot_decide(current_task_state(article), users["dgct"])
    assert reason == "DGCT already approved this version (dgct): nothing awaits your decision."

    # Once ARM requests changes the review is over; the editor is closed to reviewers, the reason stays.
    decide(clients["arm"], article, "reject", comment="Précisez les régions concernées.")
    with translation.override("en"):
        reason = task_state.task.specific.why_user_cannot_decide(TaskState.objects.get(pk=task_state.pk), users["dgct"])
    assert reason == "This is not in partner review: there is nothing to decide."


def test_a_decision_records_who_decided_on_whose_version_and_logs_it(clients, users, article):
    """The trail keeps the reviewer and the author by name (cut to the field's 255 characters, however long the
    account's full name) and links the reviewer; the audit log names the page, the reviewer and the revision."""
    from wagtail.models import PageLogEntry

    from approvals.audit import DECISION_ACTION

    users["editor"].first_name, users["editor"].last_name = "É" * 150, "A" * 150
    users["editor"].save()
    users["dgct"].first_name, users["dgct"].last_name = "R" * 150, "S" * 150
    users["dgct"].save()
    submit(clients["editor"], article)
    revision_id = current_task_state(article).revision_id
    assert decide(clients["dgct"], article).status_code == 302

    [record] = PartnerDecision.objects.filter(revision_id=revision_id)
    assert record.user == users["dgct"]
    assert record.reviewer_name == ("R" * 150 + " " + "S" * 150)[:255]
    assert record.revision_author == ("É" * 150 + " " + "A" * 150)[:255]
    [entry] = PageLogEntry.objects.filter(action=DECISION_ACTION)
    assert (entry.page_id, entry.user_id, entry.revision_id) == (article.pk, users["dgct"].pk, revision_id)


def test_the_partners_task_tells_wagtails_listeners_who_submitted(clients, users, article):
    """``PartnerApprovalTask.start`` hands the submitter to Wagtail's ``task_submitted`` signal, as Wagtail's own
    tasks do: its listeners (Wagtail's, or an integration's) learn who sent the revision to the partners."""
    heard = []

    def listener(sender, instance, user=None, **kwargs):
        heard.append((instance.revision_id, user))

    task_submitted.connect(listener)
    try:
        assert submit(clients["editor"], article).status_code == 302
    finally:
        task_submitted.disconnect(listener)
    assert heard == [(Page.objects.get(pk=article.pk).latest_revision_id, users["editor"])]
    assert state(article) == {"live": False, "live_revision_id": None}


def test_a_revision_saved_without_an_author_is_recorded_with_no_author_name(clients, users, article):
    """A revision a command saved (no user), sent to the partners through Wagtail's workflow API: the decision's
    record leaves the author's name empty rather than inventing one."""
    revision = Page.objects.get(pk=article.pk).specific.save_revision(user=None)
    article.get_workflow().start(Page.objects.get(pk=article.pk).specific, users["editor"])
    assert current_task_state(article).revision_id == revision.pk
    assert decide(clients["dgct"], article).status_code == 302

    [record] = PartnerDecision.objects.filter(revision_id=revision.pk)
    assert (record.revision_author, record.partner, record.decision) == ("", "dgct", "approved")
    assert state(article) == {"live": False, "live_revision_id": None}
