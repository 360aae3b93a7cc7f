from django import template

from approvals import objects
from approvals.guard import is_guarded_model
from approvals.permissions import may_emergency_publish, may_unpublish_snippet
from approvals.status import emergency_publication, partner_statuses

register = template.Library()


@register.inclusion_tag("approvals/partner_status.html", takes_context=True)
def partner_approval_status(context, obj):
    """The editor's view of the partners' decisions on the current revision of a page or snippet."""
    if obj is None or not obj.pk or not is_guarded_model(type(obj)):
        return {"show": False}
    user = context["request"].user
    if objects.is_page(obj):
        can_unpublish = obj.permissions_for_user(user).can_unpublish()
    else:
        can_unpublish = may_unpublish_snippet(user, obj)
    return {
        "show": True,
        "statuses": partner_statuses(obj),
        "emergency": emergency_publication(obj),
        "can_emergency_publish": may_emergency_publish(user, obj),
        "emergency_url": objects.emergency_publish_url(obj),
        "can_unpublish": can_unpublish,
        "unpublish_url": objects.unpublish_url(obj) if can_unpublish else "",
    }
