"""Where a page stands in partner approval: each partner's decision on its latest revision, and its flags.

One function answers for the editor's status panel, the reviewers' dashboard and the tests.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import TaskState

from approvals.models import EmergencyPublication, PartnerDecision, revision_is_approved
from approvals.partners import PARTNERS, Partner, reviewer_ids_by_partner


@dataclass
class PartnerStatus:
    partner: Partner
    decision: PartnerDecision | None

    @property
    def pending(self):
        return self.decision is None


def partner_statuses(page):
    """Each partner's standing decision on ``page``'s latest revision (None: pending)."""
    decided = {d.partner: d for d in PartnerDecision.objects.for_revision(page.latest_revision_id)}
    return [PartnerStatus(partner, decided.get(partner.code)) for partner in PARTNERS]


def emergency_publication(page):
    """The emergency publication behind ``page``'s live revision, while the partners have not all approved it."""
    if not page.live or page.live_revision_id is None:
        return None
    record = EmergencyPublication.objects.filter(revision_id=page.live_revision_id).first()
    if record is None or revision_is_approved(page.live_revision_id):
        return None
    return record


@dataclass
class ReviewRestart:
    """The review in progress restarted on a new version: when, by whose change, and the decisions that no longer
    count (those taken on the earlier version, or on this one before its content was overwritten)."""

    at: object
    by: object
    earlier_decisions: list


def review_restart(obj):
    """The latest restart of ``obj``'s review in progress (``approvals.workflow``), or None if it never restarted.

    A restart cancels the task state and starts a new one in the same workflow state; a request for changes ends the
    task state as rejected instead, and a withdrawal ends the whole workflow state: neither is a restart.
    """
    current = obj.current_workflow_task_state
    if current is None:
        return None
    previous = (
        TaskState.objects.filter(workflow_state_id=current.workflow_state_id, status=TaskState.STATUS_CANCELLED)
        .exclude(pk=current.pk)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if previous is None:
        return None
    overwritten = Q(revision_id=current.revision_id, superseded_at__isnull=False)
    if previous.revision_id != current.revision_id:
        overwritten |= Q(revision_id=previous.revision_id, superseded_at__isnull=True)
    earlier = PartnerDecision.objects.filter(overwritten).order_by("decided_at", "pk")
    return ReviewRestart(previous.finished_at, previous.finished_by, list(earlier))


@dataclass
class BlockedPartner:
    """A partner none of whose reviewers can decide on the revision under review, and why."""

    partner: Partner
    author_only: bool  # its only active reviewers wrote the revision (a new version by someone else unblocks it)


def blocked_partners(obj):
    """The partners still awaited on ``obj``'s revision under review that no one can decide for.

    A reviewer never decides on a revision they wrote, and only the partner's reviewers decide (active accounts, no
    superuser: ``approvals.partners.reviewer_memberships``): when those rules leave a partner without anyone, the
    review would wait forever.
    """
    task_state = getattr(obj, "current_workflow_task_state", None)
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return []
    decided = set(PartnerDecision.objects.for_revision(task_state.revision_id).values_list("partner", flat=True))
    awaited = [partner for partner in PARTNERS if partner.code not in decided]
    if not awaited:
        return []
    author_id = task_state.revision.user_id
    members = reviewer_ids_by_partner(awaited)
    blocked = []
    for partner in awaited:
        reviewers = members.get(partner.code, set())
        if not reviewers - {author_id}:
            blocked.append(BlockedPartner(partner, author_only=author_id in reviewers))
    return blocked
