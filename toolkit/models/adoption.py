"""Which region uses which tool: entered once, shown on the tool, the region and the adoption overview."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
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

    panels = [
        PageChooserPanel("tool", "toolkit.ToolPage"),
        FieldPanel("region_code"),
        FieldPanel("status"),
        FieldPanel("since"),
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
