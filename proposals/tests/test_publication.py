"""From the form to the public page: the editors complete and submit the draft, the three partners approve it through
the admin, and only then is it live; the proposer is told once, and credited on the page when they consented. The
editors' listing of proposals is theirs alone."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from approvals.tests.helpers import refused, submit
from proposals.models import Proposal
from proposals.tests.conftest import proposal_data
from translations.tests.factories import approve_until_finished

pytestmark = pytest.mark.django_db

COMPLETION = {"year": "2024", "actions": "Des assemblées.", "results": "Des projets.", "lessons": "Écouter."}


def propose(**changes):
    response = Client(REMOTE_ADDR="203.0.113.7").post("/fr/propose/", proposal_data(**changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Proposal.objects.get(title=changes.get("title", proposal_data()["title"]))


def complete_and_submit(clients, proposal, toolkit, **changes):
    page = proposal.page.specific
    data = {
        **COMPLETION,
        "context": page.context,
        "region": str(toolkit["regions"]["04"].pk),
        "themes": [str(toolkit["themes"]["participation"].pk)],
        **changes,
    }
    response = submit(clients["editor"], page, **data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return page


def told(proposal):
    return [
        m
        for m in mail.outbox
        if m.to == [proposal.email] and m.extra_headers.get("X-Portal-Notification") == "proposal-published"
    ]


def test_the_draft_goes_live_only_after_the_three_approvals_and_the_proposer_is_told_once(
    client, clients, users, toolkit
):
    proposal = propose()
    page = complete_and_submit(clients, proposal, toolkit)
    page.refresh_from_db()
    assert not page.live and page.current_workflow_state is not None
    assert not told(proposal)

    approve_until_finished(Client(), page, users)

    page.refresh_from_db()
    proposal.refresh_from_db()
    assert page.live
    assert proposal.status == "published" and proposal.published_notified_at is not None
    [message] = told(proposal)
    assert page.url in message.body and "Budget participatif des jeunes" in message.subject
    public = Client().get(page.url)
    assert public.status_code == 200
    assert "Amina Alaoui (Conseil régional de Rabat-Salé-Kénitra)" in public.content.decode()

    # A later version, approved and published in its turn, tells nobody again.
    complete_and_submit(clients, proposal, toolkit, lessons="Écouter, puis rendre compte.")
    approve_until_finished(Client(), page, users)
    assert len(told(proposal)) == 1


def test_no_credit_on_the_page_without_the_proposers_consent(client, clients, users, toolkit):
    proposal = propose(credit_consent=None, title="Sans mention du nom")
    page = complete_and_submit(clients, proposal, toolkit)
    approve_until_finished(Client(), page, users)

    html = Client().get(page.specific.url).content.decode()
    assert "Amina Alaoui" not in html and "data-proposal-credit" not in html


def test_editors_read_the_proposals_and_others_are_refused(clients, toolkit):
    propose()
    url = reverse("proposals:index")

    response = clients["editor"].get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Amina Alaoui" in html and "amina@example.ma" in html
    assert clients["admin"].get(url).status_code == 200
    for username in ("dgct", "translator_ar", "council_04"):
        denied = clients[username].get(url)
        assert refused(denied), username
        assert "amina@example.ma" not in denied.content.decode()


def test_reviewers_see_the_proposal_behind_a_page_and_its_region(clients, toolkit):
    proposal = propose(region="09")
    page = complete_and_submit(clients, proposal, toolkit, region=str(toolkit["regions"]["09"].pk))

    dashboard = clients["dgct"].get(reverse("wagtailadmin_home")).content.decode()
    panel = clients["dgct"].get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    for html in (dashboard, panel):
        assert 'data-provenance-region="09"' in html
        assert "Amina Alaoui (Conseil régional de Rabat-Salé-Kénitra)" in html
    assert clients["dgct"].post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", page.current_workflow_task_state.pk])
    ).status_code in (200, 302)
    results = reverse("approvals:report_results")
    assert proposal.title in clients["editor"].get(results, {"region": "09"}).content.decode()
    assert proposal.title not in clients["editor"].get(results, {"region": "04"}).content.decode()
