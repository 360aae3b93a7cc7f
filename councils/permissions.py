"""What the page admin lets a council contributor do: write its own region's pages, propose new ones, nothing else.

``bootstrap_portal`` grants each council group, in the French and Arabic trees only (``councils.grants``), "change"
on its region page and "add" on the experience and tool indexes (Wagtail's "add" lets its holder edit the pages it
created there, nobody else's). The tester below narrows those grants to the region: a council edits a page only when
the page belongs to its region (``councils.scope``), on the stored page and on the draft alike, and it never deletes,
copies, moves, locks, reorders, restricts, schedules or unpublishes. Publishing is refused to everyone by the parent
tester (``approvals.permissions``): a council submits, the three partners approve.

Wagtail builds its own tester for a plain ``Page`` in the copy and move views; ``councils.wagtail_hooks`` refuses
those views and bulk actions to council members where the request enters.
"""

from approvals.permissions import PartnerApprovalPermissionTester
from approvals.translation_editor import enabled_translation
from councils.membership import council_region_for
from councils.scope import PROPOSAL_INDEXES, REGION_PAGE, is_in_region, label_of


class CouncilPermissionTester(PartnerApprovalPermissionTester):
    """The portal's page tester (``home.base.BasePage.permissions_for_user``); for anyone outside a council it is
    exactly ``PartnerApprovalPermissionTester``."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.council_region = council_region_for(user)

    def _in_region(self):
        if not is_in_region(self.page, self.council_region):
            return False
        stored = type(self.page).objects.filter(pk=self.page.pk).first() if self.page.pk else None
        return stored is None or is_in_region(stored, self.council_region)

    def can_edit(self):
        """Its region's pages; of those, a translation only when it is the region page (the council writes its own
        sections there, ``councils.guards``): the translations of its proposals are the translators' work."""
        if self.council_region is None:
            return super().can_edit()
        if not (super().can_edit() and self._in_region()):
            return False
        return label_of(self.page) == REGION_PAGE or enabled_translation(self.page) is None

    def can_add_subpage(self):
        if self.council_region is None:
            return super().can_add_subpage()
        return label_of(self.page.specific_class) in PROPOSAL_INDEXES and super().can_add_subpage()


def _refused_to_councils(name):
    def tester_method(self, *args, **kwargs):
        if self.council_region is not None:
            return False
        return getattr(super(CouncilPermissionTester, self), name)(*args, **kwargs)

    tester_method.__name__ = name
    tester_method.__doc__ = f"Never for a council contributor; otherwise the parent's {name}."
    return tester_method


COUNCIL_NEVER = (
    "can_delete",
    "can_copy",
    "can_copy_to",
    "can_move",
    "can_move_to",
    "can_lock",
    "can_unlock",
    "can_reorder_children",
    "can_set_view_restrictions",
    "can_unschedule",
    "can_unpublish",
    "can_publish_subpage",
    "can_emergency_publish",
)
for _name in COUNCIL_NEVER:
    setattr(CouncilPermissionTester, _name, _refused_to_councils(_name))
