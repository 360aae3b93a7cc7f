"""A proposal received through the public form: who proposed what, what they consented to, and the draft it became.

The content itself lives in a draft page (an experience or a tool) that editors complete and submit to the three
partners like any other page; this record keeps what is not content: the proposer's contact details (personal data
under law 09-08, read only by editors and superusers), their consents, the language they wrote in, and whether they
were told of the publication. Pages are named by string (``wagtailcore.Page``): this module imports no content app,
so the approval app can read a proposal's region without importing the toolkit (``approvals.provenance``).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ProposalKind(models.TextChoices):
    EXPERIENCE = "experience", _("A successful experience")
    TOOL = "tool", _("A tool")


class ProposalStatus(models.TextChoices):
    RECEIVED = "received", _("Received (draft for the editors)")
    PUBLISHED = "published", _("Published (proposer told)")


class Proposal(models.Model):
    """One proposal from the public form and the draft page made from it."""

    kind = models.CharField(_("kind"), max_length=20, choices=ProposalKind.choices)
    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(_("language"), max_length=10)
    region_code = models.CharField(_("region"), max_length=10)
    theme_slug = models.SlugField(_("theme"), max_length=60)
    proposer_name = models.CharField(_("proposer's name"), max_length=200)
    council = models.CharField(_("council or organisation"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    telephone = models.CharField(_("telephone"), max_length=30, blank=True)
    credit_consent = models.BooleanField(_("may be credited publicly"), default=False)
    processing_consent = models.BooleanField(_("consented to processing (law 09-08)"), default=False)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("draft page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    documents = models.ManyToManyField(
        "wagtaildocs.Document", verbose_name=_("attachments"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.RECEIVED
    )
    published_notified_at = models.DateTimeField(_("proposer told of publication at"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title
