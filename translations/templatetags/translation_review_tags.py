"""The translation editor's way to the review screen, and the withdrawal of a submission from there."""

from django import template

from approvals.reviewers import is_reviewer
from translations.review import is_translation, may_view, may_withdraw, review_url, withdraw_url

register = template.Library()


@register.inclusion_tag("translations/includes/review_links.html", takes_context=True)
def review_links(context, instance):
    """ "Review this translation" for a reviewer (the editor is read-only to them and offers no decision), "Compare
    with the French text" for the others, and "Withdraw the submission" for whoever may withdraw it."""
    user = context["request"].user
    if instance is None or not is_translation(instance) or not may_view(user, instance):
        return {"show": False}
    task_state = instance.current_workflow_task_state
    return {
        "show": True,
        "reviewer": is_reviewer(user),
        "in_review": task_state is not None and task_state.status == "in_progress",
        "review_url": review_url(instance),
        "may_withdraw": may_withdraw(user, instance),
        "withdraw_url": withdraw_url(instance),
        "csrf_token": context.get("csrf_token"),
    }
