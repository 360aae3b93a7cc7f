"""What the admin offers each user on partner-approved pages, so nobody is shown a button that would be refused.

Nobody publishes from the editor, the revision history, bulk actions, copy or the translation editor: publication
happens when the third partner approves. Unpublishing, a safety action, stays with superusers and partner reviewers.
"""

from wagtail.models import PagePermissionTester

from approvals.guard import is_guarded_model
from approvals.partners import partner_for_user
from approvals.reviewers import PartnerReviewLock
from approvals.translation_editor import EDITOR_FLAG


class PartnerApprovalPermissionTester(PagePermissionTester):
    def _wagtail_can_publish(self):
        return super().can_publish()

    def can_publish(self):
        """Nobody publishes directly. In wagtail-localize's translation editor only, the publish button is kept for
        whoever may edit the translation: there it submits the translation for approval
        (``approvals.translation_editor``), unless the page is locked to the user (a reviewer, a translator of a page
        in review, someone else's manual lock: ``approvals.reviewers``)."""
        return getattr(self.user, EDITOR_FLAG, None) == self.page.pk and self.can_edit() and not self.page_locked()

    def can_publish_subpage(self):
        return False

    def can_emergency_publish(self):
        return may_emergency_publish(self.user, self.page)

    def can_unpublish(self):
        """The review's own lock (reviewers never write) does not stop its reviewers' safety action."""
        if not self.user.is_active or not self.page.live or self.page_is_root:
            return False
        lock = self.page.get_lock()
        if lock is not None and not isinstance(lock, PartnerReviewLock) and lock.for_user(self.user):
            return False
        return self.user.is_superuser or partner_for_user(self.user) is not None

    def can_set_view_restrictions(self):
        return self._wagtail_can_publish()

    def can_unschedule(self):
        return self._wagtail_can_publish()


def may_emergency_publish(user, obj):
    """Superusers only, on content under partner approval (never the tree's root)."""
    if not (user.is_active and user.is_superuser and is_guarded_model(type(obj))):
        return False
    return getattr(obj, "depth", None) != 1


def may_unpublish_snippet(user, obj):
    """Taking a live snippet down is a safety action, as for pages: superusers and partner reviewers. Wagtail's
    snippet unpublish view checks the model's ``publish`` permission, which ``bootstrap_portal`` grants the reviewer
    groups for that reason; publishing itself is refused by ``approvals.guard`` and its button removed."""
    return bool(obj.live) and user.is_active and (user.is_superuser or partner_for_user(user) is not None)
