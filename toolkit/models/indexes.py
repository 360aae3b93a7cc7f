"""The toolkit's index pages, one of each per language under the home page, and the adoption overview.

Each index lists its children, filtered by plain GET parameters (``toolkit.listings``), counted and paginated. The
adoption overview shows every tool against the 12 regions, in a fixed number of queries.
"""

from collections import Counter

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.base import BasePage
from home.privacy import live_public
from toolkit.listings import Facet, build_listing
from toolkit.lookups import Catalogue
from toolkit.models.adoption import Adoption
from toolkit.models.colloquium import BenchmarkPage, RecommendationPage, RecommendationStatus
from toolkit.models.regions import RegionPage
from toolkit.models.tools import ExperiencePage, GuidePage, ToolPage, ToolType
from toolkit.reference import region_short_name


# Index pages ----------------------------------------------------------------------------------------------------
class ToolkitIndexPage(BasePage):
    """What every index page shares: an introduction, its place under a home page, a filtered listing."""

    introduction = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    child_model = None
    ordering = ["title"]

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("introduction")]

    class Meta:
        abstract = True

    def listed_pages(self):
        return live_public(self.child_model.objects.child_of(self)).order_by(*self.ordering)

    def facets(self, catalogue, pages):
        """The listing's filters; ``pages`` are the listed pages, for options drawn from them."""
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        catalogue = Catalogue.for_request(request, self.locale)
        pages = self.listed_pages()
        queryset = self.child_model.for_listing(pages)
        listing = build_listing(request, queryset, self.facets(catalogue, pages))
        context.update(listing=listing, catalogue=catalogue)
        context["cards"] = [item.card(catalogue) for item in listing.page.object_list]
        return context


def theme_facet(catalogue):
    return Facet("theme", _("Theme"), [(slug, theme.name) for slug, theme in catalogue.themes.items()], "themes__slug")


def region_options(catalogue):
    return [(code, region.title) for code, region in catalogue.regions.items()]


class ToolIndexPage(ToolkitIndexPage):
    """The list of tools, filterable by theme, region (developed or used there) and type of tool."""

    template = "pages/tool_index_page.html"
    subpage_types = ["toolkit.ToolPage"]

    class Meta:
        verbose_name = _("tool index")

    child_model = ToolPage

    def facets(self, catalogue, pages):
        return [
            theme_facet(catalogue),
            Facet(
                "region",
                _("Region"),
                region_options(catalogue),
                pairs=ToolPage.region_pairs,
                condition=ToolPage.in_region,
            ),
            Facet("type", _("Type of tool"), list(ToolType.choices), "tool_type"),
        ]


class GuideIndexPage(ToolkitIndexPage):
    """The guides and frameworks ("référentiels"), newest first, filterable by theme."""

    template = "pages/guide_index_page.html"
    subpage_types = ["toolkit.GuidePage"]
    ordering = ["-publication_date", "title"]

    class Meta:
        verbose_name = _("guide index")

    child_model = GuidePage

    def facets(self, catalogue, pages):
        return [theme_facet(catalogue)]


class ExperienceIndexPage(ToolkitIndexPage):
    """The successful experiences of the regional councils, filterable by theme, region and year."""

    template = "pages/experience_index_page.html"
    subpage_types = ["toolkit.ExperiencePage"]
    ordering = ["-year", "title"]

    class Meta:
        verbose_name = _("experience index")

    child_model = ExperiencePage

    def facets(self, catalogue, pages):
        years = pages.order_by("-year").values_list("year", flat=True).distinct()
        return [
            theme_facet(catalogue),
            Facet("region", _("Region"), region_options(catalogue), "region__code"),
            Facet("year", _("Year"), [(str(year), str(year)) for year in years], "year"),
        ]


class RecommendationIndexPage(ToolkitIndexPage):
    """The recommendations of the first national colloquium, filterable by theme and implementation status."""

    template = "pages/recommendation_index_page.html"
    subpage_types = ["toolkit.RecommendationPage"]
    ordering = ["number"]

    class Meta:
        verbose_name = _("recommendation index")

    child_model = RecommendationPage

    def facets(self, catalogue, pages):
        return [
            theme_facet(catalogue),
            Facet("status", _("Implementation status"), list(RecommendationStatus.choices), "status"),
        ]


class BenchmarkIndexPage(ToolkitIndexPage):
    """The British practices set against the Moroccan context."""

    template = "pages/benchmark_index_page.html"
    subpage_types = ["toolkit.BenchmarkPage"]

    class Meta:
        verbose_name = _("benchmark index")

    child_model = BenchmarkPage

    def facets(self, catalogue, pages):
        return [theme_facet(catalogue)]


class RegionIndexPage(ToolkitIndexPage):
    """The 12 regions: a map and a list, each leading to the region's page."""

    template = "pages/region_index_page.html"
    subpage_types = ["toolkit.RegionPage"]
    ordering = ["code"]

    class Meta:
        verbose_name = _("region index")

    child_model = RegionPage


class AdoptionOverviewPage(BasePage):
    """The programme's spread at a glance: every tool against the 12 regions, filterable by theme."""

    template = "pages/adoption_overview_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("introduction")]

    class Meta:
        verbose_name = _("adoption overview")

    # ``?view=list``: the same matrix read region by region, for screens too narrow for twelve columns.
    VIEWS = ("table", "list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        catalogue = Catalogue.for_request(request, self.locale)
        context.update(adoption_matrix(request, self.locale, catalogue), catalogue=catalogue)
        context.update(overview_views(request))
        return context


def overview_views(request):
    """The display asked for (``?view=``; an unknown value shows the table) and the address of each, filters kept;
    the filters' form keeps the display too (``listing_kept``)."""
    view = request.GET.get("view")
    view = view if view in AdoptionOverviewPage.VIEWS else "table"
    addresses = {}
    for name in AdoptionOverviewPage.VIEWS:
        params = request.GET.copy()
        params.pop("view", None)
        if name != "table":
            params["view"] = name
        addresses[name] = f"{request.path}?{params.urlencode()}" if params else request.path
    kept = [("view", view)] if view != "table" else []
    return {"display": view, "display_urls": addresses, "listing_kept": kept}


def adoption_matrix(request, locale, catalogue):
    """Rows of (tool, [status per region in code order]) for the live tools of ``locale``, filterable by theme.

    Adoptions are stored once against the source tool; each row finds its cells by the tool's translation key.
    """
    tools = live_public(ToolPage.objects).filter(locale=locale).order_by("title")
    listing = build_listing(request, tools, [theme_facet(catalogue)], page_size=1000)
    shown = list(listing.page.object_list)
    statuses = {}
    adoptions = Adoption.objects.filter(
        live=True, tool__translation_key__in=[t.translation_key for t in shown]
    ).values_list("tool__translation_key", "region_code", "status")
    for key, code, status in adoptions:
        statuses[(key, code)] = status
    regions = list(catalogue.regions.values())
    rows = [
        (tool, [(region, statuses.get((tool.translation_key, region.code))) for region in regions]) for tool in shown
    ]
    tools_used = Counter(code for _key, code in statuses)  # one status per shown tool and region
    language = locale.language_code
    return {
        "listing": listing,
        "regions": regions,
        # Each column's heading: the short name shown, the official name for screen readers and on hover.
        "region_headings": [(region, region_short_name(region.code, language, region.title)) for region in regions],
        "rows": rows,
        "region_totals": [tools_used[region.code] for region in regions],
        # The list view: per region, the tools it uses, pilots or plans, in the table's order.
        "by_region": [
            (region, [(tool, cells[i][1]) for tool, cells in rows if cells[i][1]]) for i, region in enumerate(regions)
        ],
    }
