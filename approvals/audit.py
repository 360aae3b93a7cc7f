"""The approval trail in Wagtail's audit log: partner decisions, emergency publications, reviewers' unpublishing."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from approvals.names import WORKFLOW_NAME
from approvals.partners import PARTNERS

DECISION_ACTION = "portal.partner_decision"
EMERGENCY_PUBLISH_ACTION = "portal.emergency_publish"

LOG_ACTIONS = [
    (EMERGENCY_PUBLISH_ACTION, _("Emergency publication"), _("Published without partner approval")),
]


class PartnerDecisionFormatter(LogFormatter):
    """The history names the partner and the decision ("DGCT approved", "ARM requested changes"); the comment shows
    in the history's comment column. Entries are formatted when read, so each reader sees their admin language."""

    label = _("Partner decision")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        names = {partner.code: partner.name for partner in PARTNERS}
        partner = names.get(data.get("partner"), data.get("partner") or "?")
        if data.get("decision") == "changes_requested":
            return gettext("%(partner)s requested changes") % {"partner": partner}
        return gettext("%(partner)s approved") % {"partner": partner}

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


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


# Wagtail's own workflow entries name the workflow and the task by the titles stored in the entry ("Rejected at
# 'Partner approval'"), in English whatever the reader's language. For the portal's workflow they say what happened
# in the reader's language; entries of any other workflow keep Wagtail's wording.
WORKFLOW_MESSAGES = {
    "wagtail.workflow.start": _("Submitted for partner approval"),
    "wagtail.workflow.approve": _("The three partners approved: review complete"),
    "wagtail.workflow.reject": _("Review ended: changes requested"),
    "wagtail.workflow.resume": _("Resubmitted for partner approval"),
    "wagtail.workflow.cancel": _("Submission withdrawn"),
}


class PortalWorkflowFormatter(LogFormatter):
    stock = None  # Wagtail's formatter of the same action
    message = ""

    def format_message(self, log_entry):
        workflow = (log_entry.data or {}).get("workflow") or {}
        if workflow.get("title") == WORKFLOW_NAME:
            return str(self.message)
        return self.stock.format_message(log_entry)

    def format_comment(self, log_entry):
        return self.stock.format_comment(log_entry)


def portal_workflow_formatters(registry):
    """``register_log_actions`` (after Wagtail's): wrap Wagtail's workflow formatters."""
    for action, message in WORKFLOW_MESSAGES.items():
        stock = registry.formatters.get(action)
        if stock is None or isinstance(stock, PortalWorkflowFormatter):
            continue
        attrs = {"label": stock.label, "stock": stock, "message": message}
        registry.register_action(action)(type("PortalWorkflowFormatter", (PortalWorkflowFormatter,), attrs))
