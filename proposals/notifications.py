"""The proposal's e-mails, all queued through the portal's mail queue (``cms.mail``), never sent in the request.

- The proposer: an acknowledgement in the language they wrote in, when the proposal is received; and once, with the
  link, when its page first goes live (``proposals.publication``).
- The editors (the ``Editors`` group's active members with an address), each in their admin language: a proposal
  awaits them, with the link to the draft.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.admin.utils import get_admin_base_url
from wagtail.users.models import UserProfile

from approvals.objects import public_url
from cms.roles import EDITORS

HEADER = "X-Portal-Notification"


def _queue(address, kind, subject, body):
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address], headers={HEADER: kind}).send(fail_silently=True)


def acknowledge(proposal):
    with translation.override(proposal.language):
        subject = gettext("Your proposal was received: %(title)s") % {"title": proposal.title}
        body = gettext(
            "Hello %(name)s,\n\nThank you for proposing “%(title)s” to the advanced regionalisation portal. The "
            "editors will review it and may contact you. It will be published only after the three partners (DGCT, "
            "ARM and the British Embassy) have approved it; we will write to you then, with the link.\n\nYour "
            "details are used only to process this proposal (law 09-08); to consult or correct them, reply to this "
            "message.\n"
        ) % {"name": proposal.proposer_name, "title": proposal.title}
    _queue(proposal.email, "proposal-received", subject, body)


def tell_editors(proposal):
    editors = get_user_model().objects.filter(groups__name=EDITORS, is_active=True).exclude(email="").distinct()
    link = f"{get_admin_base_url()}{reverse('wagtailadmin_pages:edit', args=[proposal.page_id])}"
    listing = f"{get_admin_base_url()}{reverse('proposals:index')}"
    for editor in editors:
        language = UserProfile.get_for_user(editor).get_preferred_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            subject = gettext("New public proposal: %(title)s") % {"title": proposal.title}
            body = gettext(
                "%(name)s (%(council)s) proposed “%(title)s” through the public form. It is a draft: complete it, "
                "then submit it for the partners' approval.\n\nDraft: %(link)s\nAll proposals: %(listing)s\n"
            ) % {
                "name": proposal.proposer_name,
                "council": proposal.council,
                "title": proposal.title,
                "link": link,
                "listing": listing,
            }
        _queue(editor.email, "proposal-editors", subject, body)


def tell_published(proposal, page):
    with translation.override(proposal.language):
        subject = gettext("Your proposal is published: %(title)s") % {"title": page.title}
        body = gettext(
            "Hello %(name)s,\n\nThe proposal you sent, “%(title)s”, is now published on the advanced "
            "regionalisation portal, approved by the three partners: %(url)s\n\nThank you for your contribution.\n"
        ) % {"name": proposal.proposer_name, "title": page.title, "url": public_url(page)}
    _queue(proposal.email, "proposal-published", subject, body)
