from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.action_menu import WorkflowMenuItem as PageWorkflowMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem
from wagtail.snippets.action_menu import WorkflowMenuItem as SnippetWorkflowMenuItem

from approvals import urls
from approvals.action_menus import page_submit_in_portal_words, snippet_submit_in_portal_words
from approvals.audit import DECISION_ACTION, LOG_ACTIONS, PartnerDecisionFormatter, portal_workflow_formatters
from approvals.decisions import refuse_reviewer_writes
from approvals.guard import is_guarded_model, is_guarded_snippet
from approvals.objects import emergency_publish_url, unpublish_url
from approvals.operator import OPERATOR_PUBLISH_ACTION
from approvals.panels import AwaitingPartnerPanel
from approvals.partners import partner_for_user
from approvals.permissions import may_emergency_publish, may_unpublish_snippet
from approvals.reviewers import is_reviewer, refuse_reviewer_creation, refuse_reviewer_deletion
from approvals.translation_editor import before_snippet_translation_editor, before_translation_editor
from approvals.workflow import note_review_before_edit, tell_editor_the_review_restarted


@hooks.register("register_log_actions")
def register_operator_publish(actions):
    actions.register_action(
        OPERATOR_PUBLISH_ACTION,
        _("Published by an operator command"),
        _("Published by an operator command (outside partner approval)"),
    )
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
    actions.register_action(DECISION_ACTION)(PartnerDecisionFormatter)


# After Wagtail's own (order 0): they wrap its workflow formatters.
hooks.register("register_log_actions", portal_workflow_formatters, order=100)


# Before wagtail-localize's (order 0), which renders the translation editor: they keep its submit button
# (approvals.translation_editor). The button's POST is answered earlier by the translations app's hook (order -10).
hooks.register("before_edit_page", before_translation_editor, order=-5)
hooks.register("before_edit_snippet", before_snippet_translation_editor, order=-5)


@hooks.register("register_admin_urls")
def register_approvals_urls():
    return [path("approvals/", include((urls, "approvals"), namespace="approvals"))]


class ApprovalTrailMenuItem(MenuItem):
    """Shown to whoever may read the trail (the report's own rule, ``approvals.view_partnerdecision``)."""

    def is_shown(self, request):
        return request.user.has_perm("approvals.view_partnerdecision")


@hooks.register("register_reports_menu_item")
def register_approvals_report_menu_item():
    return ApprovalTrailMenuItem(
        _("Approvals"), reverse("approvals:report"), name="approvals", icon_name="tasks", order=50
    )


@hooks.register("construct_homepage_panels")
def add_awaiting_partner_panel(request, panels):
    """A partner reviewer's one panel is the portal's (``approvals.panels``): Wagtail's "Awaiting your review" lists
    the same reviews with buttons that decide without saying what the decision did."""
    if partner_for_user(request.user) is not None:
        panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "workflow_objects_to_moderate"]
        panels.append(AwaitingPartnerPanel(request.user))


@hooks.register("register_page_action_menu_item")
def register_emergency_publish_menu_item():
    return EmergencyPublishMenuItem(order=200)


class EmergencyPublishMenuItem(ActionMenuItem):
    """For superusers only, in the editor's action menu: the emergency publication (a separate, reasoned step)."""

    name = "action-emergency-publish"
    label = _("Emergency publication…")
    icon_name = "warning"

    def is_shown(self, context):
        page = context.get("page")
        if context.get("view") != "edit" or page is None or not is_guarded_model(type(page)):
            return False
        return may_emergency_publish(context["request"].user, page)

    def get_url(self, context):
        return emergency_publish_url(context["page"])


@hooks.register("register_snippet_action_menu_item")
def register_snippet_emergency_publish_menu_item(model):
    if is_guarded_snippet(model):
        return SnippetEmergencyPublishMenuItem(order=200)
    return None


class SnippetEmergencyPublishMenuItem(SnippetActionMenuItem):
    """The same superuser-only emergency publication, in a toolkit snippet's action menu."""

    name = "action-emergency-publish"
    label = _("Emergency publication…")
    icon_name = "warning"

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context.get("view") == "edit"
            and instance is not None
            and may_emergency_publish(context["request"].user, instance)
        )

    def get_url(self, context):
        return emergency_publish_url(context["instance"])


@hooks.register("construct_snippet_action_menu")
def no_direct_snippet_publication(menu_items, request, context):
    """Nobody publishes a toolkit snippet from its editor: the third partner approval publishes it (the model
    refuses anything else, ``approvals.guard``). Unpublishing stays with superusers and partner reviewers."""
    model = context.get("model")
    if not is_guarded_snippet(model):
        return
    instance = context.get("instance")
    may_unpublish = instance is not None and may_unpublish_snippet(request.user, instance)
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "action-publish" and (item.name != "action-unpublish" or may_unpublish)
    ]


# One submit, one resubmit, one withdrawal, in the portal's words (approvals.action_menus). Registered before the
# other apps' menu hooks, which may refine the submit item (the translations app names the queued languages).
hooks.register("construct_page_action_menu", page_submit_in_portal_words, order=-50)
hooks.register("construct_snippet_action_menu", snippet_submit_in_portal_words, order=-50)


# Cancelling a review -------------------------------------------------------------------------------------------------
CANCEL_WORKFLOW = "action-cancel-workflow"


def may_cancel_review(user, obj):
    """Wagtail lets anyone who may approve cancel the whole workflow. Here a reviewer decides for their partner and
    never stops the review for the other two: cancelling stays with whoever submitted it, and superusers."""
    state = getattr(obj, "current_workflow_state", None)
    if state is None or user.is_superuser or user.pk == state.requested_by_id:
        return True
    return partner_for_user(user) is None


def _without_cancel(menu_items, user, obj):
    if obj is not None and is_guarded_model(type(obj)) and not may_cancel_review(user, obj):
        menu_items[:] = [item for item in menu_items if item.name != CANCEL_WORKFLOW]


@hooks.register("construct_page_action_menu")
def no_cancel_for_reviewers_on_pages(menu_items, request, context):
    _without_cancel(menu_items, request.user, context.get("page"))


@hooks.register("construct_snippet_action_menu")
def no_cancel_for_reviewers_on_snippets(menu_items, request, context):
    _without_cancel(menu_items, request.user, context.get("instance"))


def refuse_cancel_by_reviewers(request, obj):
    """``before_edit_page`` / ``before_edit_snippet``: the refusal where the request enters, not only in the menu."""
    obj = getattr(obj, "specific", obj)
    cancelling = request.method == "POST" and request.POST.get(CANCEL_WORKFLOW)
    if cancelling and is_guarded_model(type(obj)) and not may_cancel_review(request.user, obj):
        raise PermissionDenied(gettext("Reviewers decide for their partner; they cannot cancel the review."))
    return None


hooks.register("before_edit_page", refuse_cancel_by_reviewers, order=-20)
hooks.register("before_edit_snippet", refuse_cancel_by_reviewers, order=-20)


@hooks.register("register_snippet_listing_buttons")
def snippet_unpublish_button(snippet, user, next_url=None):
    """Reviewers reach a live snippet's unpublish action from its listing (they cannot open its editor outside a
    review): the same safety action as on pages."""
    if is_guarded_snippet(type(snippet)) and may_unpublish_snippet(user, snippet):
        yield Button(
            _("Unpublish"),
            unpublish_url(snippet),
            icon_name="download",
            attrs={"aria-label": _("Unpublish “%(title)s”") % {"title": str(snippet)}},
            priority=60,
        )


@hooks.register("before_delete_snippet")
def live_snippets_are_unpublished_before_deletion(request, instances):
    """Deleting a live snippet takes public content down, which is the reviewers' safety action (and superusers'),
    not an editor's: editors delete drafts, and live items once a reviewer has unpublished them. Runs for the delete
    view and the bulk delete action alike, before either shows its confirmation."""
    live = [obj for obj in instances if is_guarded_snippet(type(obj)) and obj.live]
    if any(not may_unpublish_snippet(request.user, obj) for obj in live):
        raise PermissionDenied(
            gettext("“%(title)s” is public: a partner reviewer must unpublish it before it can be deleted.")
            % {"title": str(live[0])}
        )
    return None


# Reviewers decide, they do not write (approvals.reviewers) ----------------------------------------------------------
# First of the editors' hooks: a reviewer's POST is their decision or a refusal, before any other hook saves anything.
hooks.register("before_edit_page", refuse_reviewer_writes, order=-30)
hooks.register("before_edit_snippet", refuse_reviewer_writes, order=-30)
hooks.register("before_create_snippet", refuse_reviewer_creation, order=-30)
hooks.register("before_delete_snippet", refuse_reviewer_deletion, order=-30)


def _decisions_in_locked_editor(menu_items, request, obj, item_class, locked):
    """The editor is locked to reviewers (read-only, no autosave), which hides Wagtail's workflow buttons: put back
    the decisions the task offers them. They post the edit form; ``refuse_reviewer_writes`` takes only the decision."""
    task = getattr(obj, "current_workflow_task", None) if obj is not None else None
    if not locked or task is None or not is_reviewer(request.user):
        return
    offered = [
        item_class(name, label, modal, icon_name="success" if name == "approve" else "edit")
        for name, label, modal in task.get_actions(obj, request.user)
    ]
    for position, item in enumerate(offered):
        item.order = position - 100
    menu_items[:0] = offered


@hooks.register("construct_page_action_menu")
def reviewers_decide_from_the_page_editor(menu_items, request, context):
    page = context.get("page")
    if context.get("view") == "edit":
        _decisions_in_locked_editor(menu_items, request, page, PageWorkflowMenuItem, context.get("locked_for_user"))


@hooks.register("construct_snippet_action_menu")
def reviewers_decide_from_the_snippet_editor(menu_items, request, context):
    instance = context.get("instance")
    if context.get("view") == "edit":
        _decisions_in_locked_editor(
            menu_items, request, instance, SnippetWorkflowMenuItem, context.get("locked_for_user")
        )


# An editor's change during review restarts it (approvals.workflow): tell them. Noted first, before any hook saves.
hooks.register("before_edit_page", note_review_before_edit, order=-40)
hooks.register("before_edit_snippet", note_review_before_edit, order=-40)
hooks.register("after_edit_page", tell_editor_the_review_restarted)
hooks.register("after_edit_snippet", tell_editor_the_review_restarted)
