"""bootstrap_portal sets up the "Validation tripartite" workflow on every language's tree, idempotently."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage

from approvals.models import PartnerApprovalTask

pytestmark = pytest.mark.django_db


def test_every_language_tree_uses_the_partner_approval_workflow(portal):
    workflow = Workflow.objects.get(name="Validation tripartite", active=True)
    assert [task.specific.__class__ for task in workflow.tasks] == [PartnerApprovalTask]
    for home in portal.values():
        assert home.get_workflow() == workflow
        assert WorkflowPage.objects.get(page=home).workflow == workflow
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert not GroupApprovalTask.objects.filter(active=True).exists()


def test_a_second_bootstrap_changes_nothing_and_repairs_a_removed_assignment(portal):
    out = io.StringIO()
    call_command("bootstrap_portal", stdout=out)
    assert "nothing changed" in out.getvalue()

    WorkflowPage.objects.filter(page=portal["ar"]).delete()
    out = io.StringIO()
    call_command("bootstrap_portal", stdout=out)
    assert "assigned 'Validation tripartite' to the ar pages" in out.getvalue()
    assert portal["ar"].get_workflow().name == "Validation tripartite"
