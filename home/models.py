"""The home page of each language (every public page extends ``home.base.BasePage``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.base import BasePage
from toolkit.blocks import ProgrammeStrandsBlock
from toolkit.home import home_context


class HomePage(BasePage):
    """The portal's front page, one per language: the programme at a glance and the ways into the content.

    It sits directly under Wagtail's root page; the French home page is the Site's root and Wagtail serves its Arabic
    and English translations under /ar/ and /en/.
    """

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "toolkit.ToolIndexPage",
        "toolkit.GuideIndexPage",
        "toolkit.ExperienceIndexPage",
        "toolkit.RecommendationIndexPage",
        "toolkit.BenchmarkIndexPage",
        "toolkit.RegionIndexPage",
        "toolkit.AdoptionOverviewPage",
        "institutional.InformationPage",
    ]

    introduction = models.TextField(_("introduction"), blank=True)
    strands = StreamField(ProgrammeStrandsBlock(), verbose_name=_("programme strands"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("strands")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("strands"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        """The ways into the toolkit: themes, featured tools and guides, latest experiences, regions, partners."""
        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self, request))
        return context

    @classmethod
    def can_create_at(cls, parent):
        """One home page per language: a new one only while some locale has none."""
        if not super().can_create_at(parent):
            return False
        return cls.objects.values("locale").distinct().count() < Locale.objects.count()
