"""Email notifications of partner approval, each in the recipient's admin language.

- Each partner's reviewers, when a revision enters review (submission or resubmission; a review restarted by an
  edit during review is not mailed again: the reviewers' dashboards list it).
- The revision's author, on each partner decision and on publication.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext
from wagtail.admin.utils import get_admin_base_url
from wagtail.users.models import UserProfile

from approvals import objects
from approvals.partners import reviewers

HEADER = "X-Portal-Notification"
_quiet = ContextVar("portal_quiet_review_restart", default=False)


class quiet_restart:
    """Within this block, a review restarted on a new revision mails nobody."""

    def __enter__(self):
        self._token = _quiet.set(True)

    def __exit__(self, *exc):
        _quiet.reset(self._token)


# Wagtail mails the requester when a workflow is approved or rejected. Partner approval already tells the author of
# each partner's decision (with the comment) and of the publication, in their own language; Wagtail's mails would
# repeat them. This app is installed before wagtail.admin, so these no-op receivers take Wagtail's dispatch_uids
# first and Django then ignores Wagtail's own connections. (Wagtail's mail to superusers on submission stays.)
WAGTAIL_MAILS_TAKEN_OVER = (
    "workflow_state_approved_email_notification",
    "workflow_state_rejected_email_notification",
)


def _already_mailed_by_partner_approval(sender, **kwargs):
    return None


def take_over_wagtail_workflow_mails():
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_approved, workflow_rejected

    for signal, uid in zip((workflow_approved, workflow_rejected), WAGTAIL_MAILS_TAKEN_OVER, strict=True):
        signal.connect(_already_mailed_by_partner_approval, sender=WorkflowState, dispatch_uid=uid, weak=False)


def _send(user, kind, subject_builder, body_builder):
    if not user or not user.email or not user.is_active:
        return
    language = UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        message = EmailMessage(
            subject_builder(), body_builder(), settings.DEFAULT_FROM_EMAIL, [user.email], headers={HEADER: kind}
        )
        message.send(fail_silently=True)


def _absolute(path):
    return f"{get_admin_base_url()}{path}" if path else ""


def revision_entered_review(task_state):
    if _quiet.get():
        return
    revision = task_state.revision
    obj = revision.content_object
    recipients = reviewers().exclude(email="").exclude(pk=revision.user_id)
    title = objects.admin_title(obj)
    language = objects.language_name(obj)
    url = _absolute(objects.review_url(obj))
    for reviewer in recipients:
        _send(
            reviewer,
            "review",
            lambda: gettext("Awaiting your partner's approval: %(title)s") % {"title": title},
            lambda: (
                gettext("“%(title)s” (%(language)s) awaits your partner's decision.\n\nReview it: %(url)s\n")
                % {"title": title, "language": language, "url": url}
            ),
        )


def decision_made(decision):
    from wagtail.models import Revision

    revision = Revision.objects.filter(pk=decision.revision_id).select_related("user").first()
    if revision is None or revision.user_id is None or revision.user_id == decision.user_id:
        return
    obj = decision.get_object()
    url = _absolute(objects.edit_url(obj)) if obj is not None else ""

    def subject():
        if decision.decision == decision.APPROVED:
            return gettext("%(partner)s approved “%(title)s”") % {
                "partner": decision.get_partner_display(),
                "title": decision.page_title,
            }
        return gettext("%(partner)s requested changes to “%(title)s”") % {
            "partner": decision.get_partner_display(),
            "title": decision.page_title,
        }

    def body():
        text = gettext("Reviewer: %(reviewer)s\nComment: %(comment)s\n\nOpen it: %(url)s\n") % {
            "reviewer": decision.reviewer_name,
            "comment": decision.comment or "-",
            "url": url,
        }
        return text

    _send(revision.user, "decision", subject, body)


def revision_published(obj, revision):
    if revision is None or revision.user is None:
        return
    title = objects.admin_title(obj)

    def body():
        if objects.is_page(obj):
            return gettext("The page “%(title)s” is live: %(url)s\n") % {"title": title, "url": objects.public_url(obj)}
        return gettext("“%(title)s” is live on the portal: %(url)s\n") % {
            "title": title,
            "url": _absolute(objects.edit_url(obj)),
        }

    _send(revision.user, "published", lambda: gettext("Published: %(title)s") % {"title": title}, body)
