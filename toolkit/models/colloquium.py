"""The colloquium's recommendations and the British benchmarks they draw on (each names the other)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.base import BasePage
from toolkit import blocks
from toolkit.lookups import localized_link_groups, relation_links
from toolkit.models.pages import ToolkitDetailPage, related_pages_field, themes_field


class RecommendationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")


class RecommendationPage(ToolkitDetailPage):
    """A recommendation of the first national colloquium on advanced regionalisation, the operational solutions
    proposed to implement it, the British practice it draws on and where its implementation stands."""

    template = "pages/recommendation_page.html"
    parent_page_types = ["toolkit.RecommendationIndexPage"]

    number = models.PositiveSmallIntegerField(_("number"))
    recommendation = models.TextField(_("recommendation"))
    solutions = StreamField(blocks.SolutionsBlock(), verbose_name=_("operational solutions"), blank=True)
    british_practice = models.TextField(_("British practice it draws on"), blank=True)
    status = models.CharField(_("implementation status"), max_length=20, choices=RecommendationStatus.choices)
    api_fields = [*ToolkitDetailPage.api_fields, APIField("number"), APIField("status")]
    themes = themes_field()
    benchmarks = related_pages_field("toolkit.BenchmarkPage", _("benchmarks"))
    tools = related_pages_field("toolkit.ToolPage", _("tools"))

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("status")]),
        FieldPanel("recommendation"),
        FieldPanel("solutions"),
        FieldPanel("british_practice"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("benchmarks"),
        FieldPanel("tools"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("recommendation"),
        index.SearchField("solutions"),
        index.SearchField("british_practice"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("recommendation"),
        TranslatableField("solutions"),
        TranslatableField("british_practice"),
        SynchronizedField("number"),
        SynchronizedField("status"),
        SynchronizedField("themes"),
        SynchronizedField("benchmarks"),
        SynchronizedField("tools"),
    ]

    class Meta:
        verbose_name = _("recommendation")

    def card_facts(self, catalogue):
        return [_("Recommendation %(number)s") % {"number": self.number}, self.get_status_display()]

    def related_context(self, catalogue):
        return {
            **relation_links(self, benchmarks="benchmarks", tools="tools"),
        }


class BenchmarkPage(ToolkitDetailPage):
    """A British practice set against the Moroccan context: how it works in the UK, what transfers, how it adapts."""

    template = "pages/benchmark_page.html"
    parent_page_types = ["toolkit.BenchmarkIndexPage"]

    uk_practice = models.TextField(_("how it works in the United Kingdom"))
    transfers = models.TextField(_("what transfers"))
    adaptation = models.TextField(_("how it adapts to Morocco"))
    themes = themes_field()
    tools = related_pages_field("toolkit.ToolPage", _("tools"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("uk_practice"),
        FieldPanel("transfers"),
        FieldPanel("adaptation"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tools"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("uk_practice"),
        index.SearchField("transfers"),
        index.SearchField("adaptation"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("uk_practice"),
        TranslatableField("transfers"),
        TranslatableField("adaptation"),
        SynchronizedField("themes"),
        SynchronizedField("tools"),
    ]

    class Meta:
        verbose_name = _("benchmark")

    def related_context(self, catalogue):
        return {
            **localized_link_groups(
                self.locale,
                ["recommendationpage__number", "path"],  # recommendations by number, tools in tree order
                recommendations=RecommendationPage.objects.filter(benchmarks__translation_key=self.translation_key),
                tools=self.tools.all(),
            ),
        }
