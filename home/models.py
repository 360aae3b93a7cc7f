"""The abstract base page every public page extends, and the home page of each language."""

from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from approvals.guard import PartnerApprovalGuardMixin
from toolkit.blocks import ProgrammeStrandsBlock


class BasePage(PartnerApprovalGuardMixin, Page):
    """What every public page shares: a summary for listings and search results, and the translation policy.

    Publication policy, inherited from ``PartnerApprovalGuardMixin``: a revision goes live only once DGCT, ARM and
    the British Embassy have each approved it (``approvals.guard``).

    Translation policy, declared once here: the title, slug, summary and SEO fields are translated per language;
    flags that govern the page's place on the site are synchronised from the French source. Page types add their own
    fields with ``translatable_fields = [*BasePage.translatable_fields, ...]``.
    """

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown in listings, search results and link previews."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary

    def serve(self, request, *args, **kwargs):
        """Serve the page only under its own language's prefix.

        When a home page has no live translation, Wagtail's router falls back to the French tree, which would show
        French pages under /en/ or /ar/ URLs labelled as English or Arabic. Such a request is a 404 instead.
        """
        if self.locale.language_code != translation.get_language():
            raise Http404("This page is not published in this language.")
        return super().serve(request, *args, **kwargs)


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
        from toolkit.home import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self, request))
        return context

    @classmethod
    def can_create_at(cls, parent):
        """One home page per language: a new one only while some locale has none."""
        if not super().can_create_at(parent):
            return False
        return cls.objects.values("locale").distinct().count() < Locale.objects.count()
