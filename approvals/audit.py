"""The approval trail in Wagtail's audit log: partner decisions, emergency publications, reviewers' unpublishing."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

DECISION_ACTION = "portal.partner_decision"
EMERGENCY_PUBLISH_ACTION = "portal.emergency_publish"

LOG_ACTIONS = [
    (DECISION_ACTION, _("Partner decision"), _("A partner decided on a revision")),
    (EMERGENCY_PUBLISH_ACTION, _("Emergency publication"), _("Published without partner approval")),
]


def _specific(obj):
    return getattr(obj, "specific", obj)  # a page's specific instance; a snippet is itself


def log_decision(obj, decision, user, revision):
    data = {"partner": decision.partner, "decision": decision.decision, "comment": decision.comment}
    log(instance=_specific(obj), action=DECISION_ACTION, user=user, revision=revision, data=data)


def log_emergency_publication(obj, record, user, revision):
    log(
        instance=_specific(obj),
        action=EMERGENCY_PUBLISH_ACTION,
        user=user,
        revision=revision,
        data={"reason": record.reason},
    )
