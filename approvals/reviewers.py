"""Reviewers decide, they do not write; and a page in partner review is locked to its translators.

Wagtail lets a workflow's reviewers into the editor of the object under review (``Task.user_can_access_editor``) and,
unless the task says otherwise (``Task.locked_for_user``), lets them save it: a save, an autosave, a submission or the
translation editor's button would then create a revision under the reviewer's name, restart the review and leave the
reviewer approving text they wrote. Here:

- a partner reviewer opens the editor read-only (the task's lock, ``PartnerReviewLock``), approves or requests changes
  from it, and every other write of theirs is refused (``approvals.decisions.refuse_reviewer_writes``, a
  ``before_edit_page`` / ``before_edit_snippet`` hook, and ``refuse_reviewer_creation`` /
  ``refuse_reviewer_deletion`` here);
- a translator cannot change content in partner review until the partners decide (a request for changes unlocks it)
  or the submission is withdrawn; editors still may, and their edit restarts the review (``approvals.workflow``).

The translation editor's own endpoints honour the same lock (``translations.guards``).
"""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.locks import WorkflowLock

from approvals.objects import edit_url, is_page
from approvals.partners import partner_for_user
from translations.roles import translator_languages


def is_reviewer(user):
    """A partner reviewer (superusers never review for a partner: ``approvals.partners``)."""
    return partner_for_user(user) is not None


def is_translator(user):
    return translator_languages(user) is not None


def reviewers_do_not_write_message():
    return gettext("Reviewers decide, they do not write: you can approve or request changes, not change the content.")


def in_review_message():
    return gettext(
        "This translation is in partner review: it is locked until the partners decide or the submission is withdrawn."
    )


def review_lock_message(user):
    """Why content under review is locked to ``user``, or None when it is not."""
    if is_reviewer(user):
        return reviewers_do_not_write_message()
    if is_translator(user):
        return in_review_message()
    return None


class PartnerReviewLock(WorkflowLock):
    """The partner review's lock, with the portal's own words (Wagtail's say "only reviewers can edit")."""

    def get_message(self, user):
        """A reviewer with nothing to decide reads why (already decided, their own version...)."""
        if not self.for_user(user):
            return None
        if is_reviewer(user):
            task_state = self.object.current_workflow_task_state
            reason = self.task.specific.why_user_cannot_decide(task_state, user) if task_state else None
            if reason:
                return reason
        return review_lock_message(user)

    def get_description(self, user, can_lock=False):
        return review_lock_message(user) or gettext("Editors may still edit it: their edit restarts the review.")


def may_resubmit_as_own(user, obj):
    """Who may restart a review on a version of their own: whoever may edit ``obj``, reviewers excepted (they never
    write). Used when a partner cannot decide on a version its own reviewers wrote."""
    if not getattr(user, "is_authenticated", False) or is_reviewer(user) or is_translator(user):
        return False
    if is_page(obj):
        return obj.permissions_for_user(user).can_edit()
    meta = type(obj)._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


# Refusing writes where the request enters --------------------------------------------------------------------------
def back_to(obj, user):
    """Where a reviewer goes after a decision or a refusal: the read-only editor while the object is still in their
    review, else the dashboard. After the third approval (or a change request) the review is over and the editor
    would only answer Wagtail's "you do not have permission" beside the decision's message."""
    fresh = type(obj)._default_manager.filter(pk=obj.pk).first()
    task = fresh.current_workflow_task if fresh is not None else None
    if task is not None and task.specific.user_can_access_editor(fresh, user):
        return redirect(edit_url(fresh) or "wagtailadmin_home")
    return redirect("wagtailadmin_home")


def refuse(request, obj, message):
    """A refusal the person reads: JSON for the editor's autosave, else back to the (read-only) editor."""
    if not request.accepts("text/html"):
        return JsonResponse({"success": False, "error_code": "locked", "error_message": message}, status=403)
    messages.error(request, message)
    return back_to(obj, request.user)


def refuse_reviewer_creation(request, model):
    """``before_create_snippet``: reviewers add nothing (nor copy, which creates)."""
    if is_reviewer(request.user):
        messages.error(request, reviewers_do_not_write_message())
        return redirect("wagtailadmin_home")
    return None


def refuse_reviewer_deletion(request, instances):
    """``before_delete_snippet`` (delete view and bulk action): reviewers take content down by unpublishing it."""
    if is_reviewer(request.user):
        messages.error(request, reviewers_do_not_write_message())
        return redirect("wagtailadmin_home")
    return None
