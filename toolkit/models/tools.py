"""The toolkit's own content: tools, the guides that explain them and the experiences of regions that used them.

They name one another (a tool lists its guides and experiences; guides and experiences list their tools), so they
share one module.
"""

from django import forms
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.base import BasePage
from home.prepared import prepared
from toolkit import blocks
from toolkit.lookups import links_by_type, links_query, relation_links
from toolkit.models.adoption import Adoption
from toolkit.models.pages import (
    ToolkitDetailPage,
    related_pages_field,
    related_values,
    source_locale_only,
    themes_field,
)


class ToolType(models.TextChoices):
    METHOD = "method", _("Method")
    TEMPLATE = "template", _("Template")
    CHECKLIST = "checklist", _("Checklist")
    PLATFORM = "platform", _("Platform")
    TRAINING = "training", _("Training")
    FRAMEWORK = "framework", _("Framework")


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
    api_fields = [
        *ToolkitDetailPage.api_fields,
        APIField("tool_type"),
        APIField("audience"),
    ]
    api_prefetch = ["themes", "developed_by_regions"]
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
        return _tool_adoptions(self.translation_key)

    def related_context(self, catalogue):
        regions = catalogue.regions
        developer_codes = related_values(self, "developed_by_regions", "code")
        return {
            "partners": catalogue.localize(related_values(self, "developed_by_partners", "slug"), "partners"),
            "developer_regions": [regions[code] for code in developer_codes if code in regions],
            "adoptions": [(adoption, regions.get(adoption.region_code)) for adoption in self.adoptions()],
            **links_by_type(
                _guides_and_experiences_using(self.translation_key, self.locale_id),
                related_guides=GuidePage,
                related_experiences=ExperiencePage,
            ),
        }


class GuidePage(ToolkitDetailPage):
    """A guide or framework ("référentiel"): chapters with an automatic table of contents, a version, a date and a
    PDF per language (translators choose their language's PDF in the translation editor)."""

    template = "pages/guide_page.html"
    parent_page_types = ["toolkit.GuideIndexPage"]
    serve_select_related = ("pdf",)

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
    api_fields = [*ToolkitDetailPage.api_fields, APIField("version"), APIField("publication_date")]
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
            **relation_links(self, related_tools="related_tools"),
        }


class ExperiencePage(ToolkitDetailPage):
    """A successful experience of a regional council: its context, what was done, the results, the lessons."""

    template = "pages/experience_page.html"
    parent_page_types = ["toolkit.ExperienceIndexPage"]
    listing_annotations = {"listed_region_code": F("region__code")}  # a card names the region in its language
    api_select = ["region"]
    api_fields = [*ToolkitDetailPage.api_fields, APIField("year")]

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
            **relation_links(self, tools="tools_used"),
        }


# The tool page's queries differ from one tool and language to the next only by their values: compiled once.
@prepared
def _tool_adoptions(translation_key):
    return Adoption.objects.filter(live=True, tool__translation_key=translation_key).order_by("region_code")


@prepared
def _guides_and_experiences_using(translation_key, locale_id):
    guides = GuidePage.objects.filter(related_tools__translation_key=translation_key)
    experiences = ExperiencePage.objects.filter(tools_used__translation_key=translation_key)
    keys = Q(translation_key__in=guides.order_by().values("translation_key"))
    return links_query(keys | Q(translation_key__in=experiences.order_by().values("translation_key")), locale_id)
