"""A reviewer's decision taken outside Wagtail's workflow action view: the page editor's action menu (the locked
editor, ``approvals.reviewers``; a reviewer's POST there is their decision or a refusal: ``refuse_reviewer_writes``),
the dashboard and the translation review screen (``translations.review``).

Both go through the task exactly as Wagtail's ``WorkflowAction`` view does: the action must be one the task offers
the user (``get_actions``), its form (``get_form_for_action``) must be valid, then ``on_action`` decides. Unlike that
view, an invalid form or a refusal is reported (Wagtail's view silently redirects), and a decision may be tied to the
revision the reviewer saw: if the review restarted on another revision meanwhile, nothing is recorded.
"""

import json

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.models import TaskState

from approvals.models import awaited_partners
from approvals.partners import partner_for_user
from approvals.reviewers import is_reviewer, refuse, reviewers_do_not_write_message

WORKFLOW_ACTION_FIELD = "action-workflow-action"


class DecisionRefused(Exception):
    """Nothing was recorded; ``message`` says why, ``status`` is the HTTP status to answer with."""

    def __init__(self, message, status=403, form=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.form = form


def offered_actions(obj, user):
    """The actions the current task offers ``user`` on ``obj`` (empty when none, or when not in review)."""
    task_state = obj.current_workflow_task_state
    if task_state is None:
        return []
    return task_state.task.specific.get_actions(obj, user)


def take_decision(obj, user, action, data, revision_id=None):
    """Record ``user``'s decision on ``obj``'s revision under review; return the message to show them.

    ``revision_id``, when given, is the revision the reviewer was shown: a decision never applies to another one.
    Raises ``DecisionRefused`` when nothing was recorded.
    """
    task_state = obj.current_workflow_task_state
    if task_state is None:
        raise DecisionRefused(gettext("This is not in partner review: there is nothing to decide."), status=409)
    if revision_id is not None and str(task_state.revision_id) != str(revision_id):
        raise DecisionRefused(
            gettext("This version changed since you opened it: review the new version before deciding."), status=409
        )
    task = task_state.task.specific
    if action not in {name for name, _label, _modal in task.get_actions(obj, user)}:
        reason = task.why_user_cannot_decide(task_state, user) if hasattr(task, "why_user_cannot_decide") else None
        raise DecisionRefused(reason or gettext("You cannot decide on this revision."))
    form = task.get_form_for_action(action)(data)
    if not form.is_valid():
        errors = " ".join(str(error) for errors in form.errors.values() for error in errors)
        raise DecisionRefused(errors, status=400, form=form)
    partner = partner_for_user(user)
    try:
        task.on_action(task_state, user, action, **form.cleaned_data)
    except PermissionDenied as refusal:
        raise DecisionRefused(str(refusal) or gettext("You cannot decide on this revision.")) from refusal
    return decision_message(obj, task_state, action, partner)


def name_list(partners):
    """The partners' names as a list in the admin language ("ARM, British Embassy"; Arabic uses its own comma)."""
    return gettext(", ").join(str(partner.name) for partner in partners)


def decision_message(obj, task_state, action, partner):
    """One sentence saying what the decision did and what comes next, in the reviewer's admin language."""
    params = {"partner": partner.name}
    if action == "reject":
        text = gettext("You requested changes for %(partner)s: the author receives your comment.")
        return text % params
    task_state = TaskState.objects.get(pk=task_state.pk)
    if task_state.status != TaskState.STATUS_APPROVED:
        params["awaited"] = name_list(awaited_partners(task_state.revision_id))
        text = gettext("You approved this version for %(partner)s. Still awaited: %(awaited)s.")
        return text % params
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    if fresh.live and fresh.live_revision_id == task_state.revision_id:
        text = gettext("You approved this version for %(partner)s. The three partners approved it: it is now live.")
        return text % params
    text = gettext(
        "You approved this version for %(partner)s. The three partners approved it: it goes live at its scheduled date."
    )
    return text % params


# From the locked editor -----------------------------------------------------------------------------------------------
def perform_decision(request, obj):
    """The editor's Approve / Request changes buttons post the whole edit form. For a reviewer the decision alone
    is taken, as the workflow action URL takes it: the form's content is never saved (no revision in their name)."""
    try:
        extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        extra = {}
    try:
        message = take_decision(
            obj, request.user, request.POST.get("workflow-action-name"), extra if isinstance(extra, dict) else {}
        )
    except DecisionRefused as refusal:
        return refuse(request, obj, refusal.message)
    # The dashboard, where the next review waits: back in the read-only editor the lock's notice would stand beside
    # the decision's message, and after the third approval the editor is no longer theirs to open.
    messages.success(request, message)
    return redirect("wagtailadmin_home")


def refuse_reviewer_writes(request, obj):
    """``before_edit_page`` / ``before_edit_snippet``: a reviewer's POST is their decision, or nothing."""
    if request.method != "POST" or not is_reviewer(request.user):
        return None
    obj = getattr(obj, "specific", obj)
    if request.POST.get(WORKFLOW_ACTION_FIELD):
        return perform_decision(request, obj)
    return refuse(request, obj, reviewers_do_not_write_message())
