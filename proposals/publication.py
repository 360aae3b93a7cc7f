"""The proposer is told once, with the link, when the page made from their proposal first goes live.

Wagtail sends ``page_published`` on every publication, whatever the path (the last partner's approval, an operator's
command, a superuser's emergency publication). The record is marked in the same statement that checks it was not
yet (an UPDATE ... WHERE not yet told): a second publication, or two at once, finds nothing to mark and mails no one.
"""

from django.utils import timezone
from wagtail.signals import page_published

from proposals import notifications
from proposals.models import Proposal, ProposalStatus


def proposer_told_on_first_publication(sender, instance, revision=None, **kwargs):
    waiting = Proposal.objects.filter(page_id=instance.pk, published_notified_at__isnull=True)
    proposal = waiting.first()
    if proposal is None:
        return
    marked = waiting.filter(pk=proposal.pk).update(
        published_notified_at=timezone.now(), status=ProposalStatus.PUBLISHED
    )
    if marked:
        notifications.tell_published(proposal, instance)


def connect():
    page_published.connect(proposer_told_on_first_publication, dispatch_uid="proposals-told-on-publication")
