"""Where a page stands in partner approval: each partner's decision on its latest revision, and its flags.

One function answers for the editor's status panel, the reviewers' dashboard and the tests.
"""

from dataclasses import dataclass

from approvals.models import EmergencyPublication, PartnerDecision
from approvals.partners import PARTNERS, Partner


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
    from approvals.guard import revision_is_approved

    if not page.live or page.live_revision_id is None:
        return None
    record = EmergencyPublication.objects.filter(revision_id=page.live_revision_id).first()
    if record is None or revision_is_approved(page.live_revision_id):
        return None
    return record
