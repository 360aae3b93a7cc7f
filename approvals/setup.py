"""The "Validation tripartite" workflow, set up idempotently by ``bootstrap_portal``.

It holds one "Partner approval" task and covers every language's tree (its home page) and every publishable snippet
model that supports workflows. Wagtail's default "Moderators approval" workflow is deactivated: a single group's
approval must never be enough.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    DraftStateMixin,
    GroupApprovalTask,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

from approvals.models import PartnerApprovalTask
from approvals.names import TASK_NAME, WORKFLOW_NAME

WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def publishable_snippet_models():
    return [
        model
        for model in get_snippet_models()
        if issubclass(model, WorkflowMixin) and issubclass(model, DraftStateMixin)
    ]


def ensure_partner_workflow(home_pages):
    """Create or repair the workflow; return a list of the changes made (empty when nothing changed)."""
    changes = []
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        workflow.deactivate()
        changes.append(f"deactivated Wagtail's default workflow {WAGTAIL_DEFAULT_WORKFLOW!r}")
    for task in GroupApprovalTask.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        task.deactivate()
        changes.append(f"deactivated Wagtail's default task {WAGTAIL_DEFAULT_WORKFLOW!r}")

    task = PartnerApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = PartnerApprovalTask.objects.create(name=TASK_NAME)
        changes.append(f"created the task {TASK_NAME!r}")
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
        changes.append(f"reactivated the task {TASK_NAME!r}")

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        changes.append(f"created the workflow {WORKFLOW_NAME!r}")
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
        changes.append(f"reactivated the workflow {WORKFLOW_NAME!r}")
    workflow_tasks = WorkflowTask.objects.filter(workflow=workflow)
    if list(workflow_tasks.values_list("task_id", flat=True)) != [task.pk]:
        workflow_tasks.delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        changes.append(f"set {TASK_NAME!r} as the only task of {WORKFLOW_NAME!r}")

    for page in home_pages:
        current = WorkflowPage.objects.filter(page=page).first()
        if current is None or current.workflow_id != workflow.pk:
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
            changes.append(f"assigned {WORKFLOW_NAME!r} to the {page.locale.language_code} pages")

    for model in publishable_snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        current = WorkflowContentType.objects.filter(content_type=content_type).first()
        if current is None or current.workflow_id != workflow.pk:
            WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
            changes.append(f"assigned {WORKFLOW_NAME!r} to {model._meta.verbose_name_plural}")
    return changes
