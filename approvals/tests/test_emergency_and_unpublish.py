"""The two sanctioned exceptions: a superuser's reasoned emergency publication, and reviewers' unpublishing."""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from approvals.audit import EMERGENCY_PUBLISH_ACTION
from approvals.models import EmergencyPublication
from approvals.operator import publish_as_operator
from approvals.tests.helpers import NON_SUPERUSER_ROLES, decide, edit_url, refused, state, submit
from tests.testapp.models import ArticlePage

pytestmark = pytest.mark.django_db

REASON = "Correction urgente d'un numéro de téléphone erroné."


def emergency_url(page):
    return reverse("approvals:emergency_publish", args=[page.pk])


@pytest.mark.parametrize("role", NON_SUPERUSER_ROLES)
def test_emergency_publication_is_refused_to_non_superusers(clients, article, role):
    response = clients[role].post(emergency_url(article), {"reason": REASON})
    assert refused(response) or response.status_code == 403
    assert state(article) == {"live": False, "live_revision_id": None}
    assert not EmergencyPublication.objects.exists()


def test_emergency_publication_is_refused_without_a_reason(clients, article):
    response = clients["admin"].post(emergency_url(article), {"reason": ""})
    assert response.status_code == 200
    assert "A written reason is required" in response.content.decode() or response.context["form"].errors
    assert state(article) == {"live": False, "live_revision_id": None}
    assert not EmergencyPublication.objects.exists()


def test_emergency_publication_is_flagged_logged_and_reviewed(clients, users, article):
    submit(clients["editor"], article)
    decide(clients["dgct"], article)
    revision_id = Page.objects.get(pk=article.pk).latest_revision_id

    response = clients["admin"].post(emergency_url(article), {"reason": REASON})
    assert response.status_code == 302

    assert state(article) == {"live": True, "live_revision_id": revision_id}
    record = EmergencyPublication.objects.get()
    assert (record.revision_id, record.reason, record.user) == (revision_id, REASON, users["admin"])
    assert PageLogEntry.objects.filter(page=article, action=EMERGENCY_PUBLISH_ACTION).exists()

    # The partners' review of the live revision starts at once, from scratch.
    task_state = Page.objects.get(pk=article.pk).current_workflow_task_state
    assert task_state is not None and task_state.revision_id == revision_id

    # The editor shows the flag and the pending decisions.
    page_html = clients["admin"].get(edit_url(article)).content.decode()
    assert "data-emergency-flag" in page_html
    # The report shows it too, once a partner has decided.
    decide(clients["arm"], article)
    report = clients["dgct"].get(reverse("approvals:report")).content.decode()
    assert "Budget participatif" in report

    # Once the three partners approve the live revision, the flag goes.
    decide(clients["dgct"], article)
    decide(clients["embassy"], article)
    assert "data-emergency-flag" not in clients["admin"].get(edit_url(article)).content.decode()
    assert state(article) == {"live": True, "live_revision_id": revision_id}


@pytest.fixture
def live_page(portal):
    page = ArticlePage(title="Page publiée", slug="page-publiee", body="Approuvé.")
    portal["fr"].add_child(instance=page)
    publish_as_operator(page, "test")
    return Page.objects.get(pk=page.pk)


@pytest.mark.parametrize("role", ["dgct", "arm", "embassy"])
def test_reviewers_can_unpublish_and_it_is_logged(clients, users, live_page, role):
    dashboard = clients[role].get("/admin/").content.decode()
    unpublish_url = reverse("wagtailadmin_pages:unpublish", args=[live_page.pk])
    assert unpublish_url in dashboard[dashboard.index("data-recently-published") :]
    assert clients[role].get(unpublish_url).status_code == 200
    response = clients[role].post(reverse("wagtailadmin_pages:unpublish", args=[live_page.pk]))
    assert response.status_code == 302
    assert state(live_page)["live"] is False
    entry = PageLogEntry.objects.filter(page=live_page, action="wagtail.unpublish").get()
    assert entry.user == users[role]


@pytest.mark.parametrize(
    "role", ["editor", "translator_ar", "translator_en", "translator_fr", "council_04", "council_09"]
)
def test_editors_and_translators_cannot_unpublish(clients, live_page, role):
    before = state(live_page)
    clients[role].post(reverse("wagtailadmin_pages:unpublish", args=[live_page.pk]))
    assert state(live_page) == before and before["live"] is True
