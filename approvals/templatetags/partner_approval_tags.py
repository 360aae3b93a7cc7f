from django import template

from approvals.guard import is_guarded_model
from approvals.status import emergency_publication, partner_statuses

register = template.Library()


@register.inclusion_tag("approvals/partner_status.html", takes_context=True)
def partner_approval_status(context, page):
    """The editor's view of the partners' decisions on the page's current revision."""
    if page is None or not page.pk or not is_guarded_model(type(page)):
        return {"show": False}
    user = context["request"].user
    perms = page.permissions_for_user(user)
    return {
        "show": True,
        "page": page,
        "statuses": partner_statuses(page),
        "emergency": emergency_publication(page),
        "can_emergency_publish": getattr(perms, "can_emergency_publish", lambda: False)(),
        "can_unpublish": perms.can_unpublish(),
    }
