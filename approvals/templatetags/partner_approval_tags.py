from django import template

from approvals import objects
from approvals.guard import is_guarded_model
from approvals.models import PartnerDecision
from approvals.permissions import may_emergency_publish, may_unpublish_snippet
from approvals.provenance import provenance_of
from approvals.reviewers import is_reviewer, may_resubmit_as_own
from approvals.status import blocked_partners, emergency_publication, partner_statuses

register = template.Library()


@register.inclusion_tag("approvals/partner_status.html", takes_context=True)
def partner_approval_status(context, obj):
    """The editor's view of the partners' decisions on the current revision of a page or snippet."""
    if obj is None or not obj.pk or not is_guarded_model(type(obj)):
        return {"show": False}
    user = context["request"].user
    if objects.is_page(obj):
        can_unpublish = obj.permissions_for_user(user).can_unpublish()
    else:
        can_unpublish = may_unpublish_snippet(user, obj)
    statuses = partner_statuses(obj)
    # Before a submission nothing is "pending": the partners have not been asked. Their states show once the
    # revision is in review, or when they decided on it (a request for changes, an approval that published it).
    submitted = bool(getattr(obj, "workflow_in_progress", False)) or any(not status.pending for status in statuses)
    blocked = blocked_partners(obj) if submitted else []
    return {
        "show": True,
        "submitted": submitted,
        "blocked": blocked,
        "may_resubmit": any(item.author_only for item in blocked) and may_resubmit_as_own(user, obj),
        "resubmit_url": objects.resubmit_url(obj),
        "csrf_token": context.get("csrf_token"),
        "statuses": statuses,
        "provenance": provenance_of(obj, reviewed_revision_id(obj)),
        "emergency": emergency_publication(obj),
        "can_emergency_publish": may_emergency_publish(user, obj),
        "emergency_url": objects.emergency_publish_url(obj),
        "can_unpublish": can_unpublish,
        "unpublish_url": objects.unpublish_url(obj) if can_unpublish else "",
    }


def reviewed_revision_id(obj):
    """The revision under review, else the latest: the change whose origin the panel names."""
    task_state = getattr(obj, "current_workflow_task_state", None)
    return task_state.revision_id if task_state is not None else obj.latest_revision_id


@register.inclusion_tag("approvals/change_request_banner.html", takes_context=True)
def change_request_banner(context, obj):
    """Above the editor of content whose review asked for changes: who asked, when, and their comment, so the author
    reads it without opening the history. Reviewers are not shown it (they decided, or will on the next version)."""
    from wagtail.models import WorkflowState

    obj = getattr(obj, "specific", obj)
    if obj is None or not getattr(obj, "pk", None) or not is_guarded_model(type(obj)):
        return {"requests": []}
    if is_reviewer(context["request"].user):
        return {"requests": []}
    state = obj.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES or state.current_task_state is None:
        return {"requests": []}
    requests = PartnerDecision.objects.for_revision(state.current_task_state.revision_id).filter(
        decision=PartnerDecision.CHANGES_REQUESTED
    )
    return {"requests": list(requests.order_by("decided_at", "pk"))}
