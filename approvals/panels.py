"""The reviewer's dashboard panel: what awaits their partner's decision, oldest first, with its age, and the
decision itself (Approve, or Request changes with a comment) on each row.

It is the reviewer's one panel: Wagtail's own "Awaiting your review" panel is taken off their dashboard
(``approvals.wagtail_hooks``), since its buttons decide without a message and offer actions in another order.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from approvals import objects
from approvals.models import PartnerApprovalTask, awaiting_decision
from approvals.partners import partner_for_user
from approvals.provenance import provenances


def awaiting_partner(user):
    """In-progress partner reviews the user's partner has not decided, excluding revisions the user wrote."""
    partner = partner_for_user(user)
    if partner is None:
        return None, []
    in_review = TaskState.objects.filter(
        task__in=PartnerApprovalTask.objects.all(), workflow_state__status="in_progress"
    )
    task_states = (
        awaiting_decision(in_review, user, partner)
        .select_related("workflow_state")
        .order_by("workflow_state__created_at", "pk")
    )
    task_states = list(task_states[:100])
    found = _objects_under_review(task_states)
    objects.prepare_review_urls(list(found.values()))
    rows = []
    for state in task_states:
        obj = found.get((state.workflow_state.base_content_type_id, state.workflow_state.object_id))
        if obj is not None:
            rows.append(
                {
                    "title": objects.admin_title(obj),
                    "url": objects.review_url(obj),
                    "language_code": objects.language_code(obj),
                    "language": objects.language_name(obj),
                    "since": state.workflow_state.created_at,
                    "revision_id": state.revision_id,
                    "decide_url": reverse("approvals:decide", args=[state.workflow_state.base_content_type_id, obj.pk]),
                    "key": f"{state.workflow_state.base_content_type_id}-{obj.pk}",
                    "object": obj,
                }
            )
    # Where each change comes from (the author, their council's region, or the public proposal behind it).
    origins = provenances((row["key"], row["revision_id"], row.pop("object")) for row in rows)
    for row in rows:
        row["provenance"] = origins[row["key"]]
    return partner, rows


def _objects_under_review(task_states):
    """The pages and snippets the task states are about, one query per kind of object."""
    wanted = {}
    for state in task_states:
        wanted.setdefault(state.workflow_state.base_content_type_id, set()).add(state.workflow_state.object_id)
    found = {}
    for content_type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        queryset = model._default_manager.filter(pk__in=ids)
        if issubclass(model, Page) or hasattr(model, "locale"):
            queryset = queryset.select_related("locale")
        for obj in queryset:
            found[(content_type_id, str(obj.pk))] = obj
    return found


def recently_published(limit=10):
    """The latest live pages: a reviewer's way to reach the unpublish action fast (they cannot browse the tree)."""
    return list(
        Page.objects.live().filter(depth__gt=1).select_related("locale").order_by("-last_published_at", "-pk")[:limit]
    )


class AwaitingPartnerPanel(Component):
    name = "awaiting_partner_decision"
    template_name = "approvals/dashboard_panel.html"
    order = 50

    def __init__(self, user):
        self.partner, self.rows = awaiting_partner(user)
        self.live_pages = recently_published()

    def get_context_data(self, parent_context):
        return {
            "partner": self.partner,
            "rows": self.rows,
            "live_pages": self.live_pages,
            "csrf_token": parent_context.get("csrf_token"),  # the decision forms post
            "request": parent_context.get("request"),
        }
