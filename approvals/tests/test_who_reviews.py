"""Who reviews for a partner is decided in one place (``approvals.partners.reviewer_memberships``): the decisions, the
mail of a submission and the editor's warning about a partner nobody can decide for all follow it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from approvals.notifications import HEADER
from approvals.tests.helpers import current_task_state, decide, decisions, edit_url, refused, submit

pytestmark = pytest.mark.django_db


def mailed_for_review():
    return sorted(
        address for message in mail.outbox if message.extra_headers.get(HEADER) == "review" for address in message.to
    )


def test_only_active_reviewers_who_are_not_superusers_are_mailed_when_a_revision_enters_review(clients, users, article):
    users["admin"].groups.add(Group.objects.get(name="DGCT reviewers"))  # a superuser never decides for a partner
    users["embassy"].is_active = False
    users["embassy"].save()
    mail.outbox.clear()

    submit(clients["editor"], article)

    assert current_task_state(article) is not None
    assert mailed_for_review() == sorted([users["dgct"].email, users["arm"].email])


def test_an_account_in_two_partner_groups_reviews_for_neither(clients, users, article):
    """Two partner groups are refused whenever membership is saved (``approvals.signals``); written behind the
    model's back (a bulk insert sends no signal), the account reviews for neither partner: fail closed."""
    membership = get_user_model().groups.through
    membership.objects.bulk_create([membership(user=users["arm"], group=Group.objects.get(name="DGCT reviewers"))])
    mail.outbox.clear()

    submit(clients["editor"], article)
    response = decide(clients["arm"], article)

    assert refused(response)
    assert decisions(article) == {}
    assert users["arm"].email not in mailed_for_review()
    html = clients["editor"].get(edit_url(article)).content.decode()
    assert 'data-blocked-partner="arm"' in html  # ARM's only reviewer reviews for none
    assert 'data-blocked-partner="dgct"' not in html  # DGCT keeps its own reviewer
