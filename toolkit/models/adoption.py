"""Which region uses which tool: entered once, shown on the tool, the region and the adoption overview; and the
history of each row's approved statuses, which shows the programme's spread over time."""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Locale

from toolkit.models.approval import ApprovalSnippet
from toolkit.reference import REGION_CHOICES


class AdoptionStatus(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    PILOTING = "piloting", _("Piloting")
    PLANNED = "planned", _("Planned")


class Adoption(ApprovalSnippet, models.Model):
    """A region's adoption of a tool, with its status and date.

    One row per tool and region, whatever the language: the row points at the tool's source (French) page and
    names the region by its official code. The tool's translations and the region pages of every language find it
    through the tool's ``translation_key`` and the region code, so an adoption is never typed twice nor copied into
    each translation. A new or changed adoption is public once the three partners have approved it (only live rows
    are shown).
    """

    tool = models.ForeignKey(
        "toolkit.ToolPage", verbose_name=_("tool"), on_delete=models.CASCADE, related_name="adoption_records"
    )
    region_code = models.CharField(_("region"), max_length=2, choices=REGION_CHOICES)
    status = models.CharField(_("status"), max_length=10, choices=AdoptionStatus.choices)
    since = models.DateField(_("date"), help_text=_("When the status was reached (or is planned)."))
    evidence_url = models.URLField(
        _("evidence link"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Optional: a public web page that shows the adoption (a council decision, a news item...)."),
    )
    # The document is public once this row is live (mediafiles.usage counts a live adoption as a use), never before.
    evidence_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("evidence document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a document that shows the adoption; it becomes public with this row."),
    )

    panels = [
        PageChooserPanel("tool", "toolkit.ToolPage"),
        FieldPanel("region_code"),
        FieldPanel("status"),
        FieldPanel("since"),
        FieldPanel("evidence_url"),
        FieldPanel("evidence_document"),
    ]

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["region_code"]
        constraints = [models.UniqueConstraint(fields=["tool", "region_code"], name="one_adoption_per_tool_region")]

    def __str__(self):
        return f"{self.tool.title} · {self.region_code} · {self.get_status_display()}"

    def save(self, *args, **kwargs):
        self.use_source_tool()
        super().save(*args, **kwargs)

    def clean(self):
        """Validate against the tool's source page, so a second entry through a translation is caught as a duplicate."""
        super().clean()
        self.use_source_tool()

    def use_source_tool(self):
        """Point at the tool's source (default language) page, even when an editor picked a translation."""
        if self.tool_id is None:
            return
        default = Locale.get_default()
        if self.tool.locale_id != default.pk:
            source = self.tool.get_translation_or_none(default)
            if source is not None:
                self.tool = source


class AdoptionHistory(models.Model):
    """One approved status of an adoption row, as it went live: the record of the programme's spread over time.

    Written only when a revision of the row is published (after the three partners' approval, or an operator's
    sanctioned publication), never on a draft: the history holds approved facts only (``toolkit.adoption_history``).
    ``since`` is the date of the fact (when the status was reached); ``recorded_at`` is when it went live. The author
    is the person who wrote the approved revision, kept by name too so that deleting the account keeps the record.
    """

    adoption = models.ForeignKey(Adoption, verbose_name=_("adoption"), on_delete=models.CASCADE, related_name="history")
    status = models.CharField(_("status"), max_length=10, choices=AdoptionStatus.choices)
    since = models.DateField(_("date"))
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    evidence_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("evidence document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revision_id = models.PositiveIntegerField(_("revision"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField(_("author name"), max_length=255, blank=True)
    recorded_at = models.DateTimeField(_("approved at"), default=timezone.now)

    # A past status's document is not a use that makes it public: only the live row is (mediafiles.usage).
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("adoption history entry")
        verbose_name_plural = _("adoption history")
        ordering = ["since", "recorded_at", "pk"]

    def __str__(self):
        return f"{self.adoption_id} · {self.status} · {self.since:%Y-%m-%d}"
