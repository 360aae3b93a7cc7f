"""Taxonomies and site-wide texts, edited as translatable snippets.

Each exists once per language (TranslatableMixin); its ``slug`` is the same in every language, so pages refer to a
theme or partner by the source (French) row and templates show the row of the page's language with that slug.

They are public content, so they pass partner approval like pages (``ApprovalSnippet``): an editor's change is a
draft revision until DGCT, ARM and the British Embassy have each approved it, and the public site reads only live
rows (``live=True``), whose content is the last approved revision.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from toolkit.models.approval import ApprovalSnippet


class Theme(ApprovalSnippet, TranslatableMixin, index.Indexed, models.Model):
    """One of the programme's three themes (cooperation, communication, citizen participation)."""

    slug = models.SlugField(_("slug"), max_length=60, help_text=_("Same in every language; used in filter links."))
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [TranslatableField("name"), TranslatableField("description"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")]

    def __str__(self):
        return self.name


class Partner(ApprovalSnippet, TranslatableMixin, models.Model):
    """A partner institution of the programme (DGCT, ARM, British Embassy), credited on the tools it developed."""

    slug = models.SlugField(_("slug"), max_length=60)
    acronym = models.CharField(_("acronym"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("acronym"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_partner_slug_per_locale")]

    def __str__(self):
        return f"{self.acronym} · {self.name}"


class SiteFooter(ApprovalSnippet, TranslatableMixin, models.Model):
    """The footer shown on every public page of one language: who runs the programme and how to reach it."""

    about = models.TextField(_("about the programme"))
    contact = models.TextField(_("contact"), blank=True)

    panels = [FieldPanel("about"), FieldPanel("contact")]
    translatable_fields = [TranslatableField("about"), TranslatableField("contact")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site footer")
        verbose_name_plural = _("site footers")

    def __str__(self):
        return f"{self._meta.verbose_name} ({self.locale.language_code})"
