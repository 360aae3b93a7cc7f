"""What the toolkit's detail pages share: ``ToolkitDetailPage`` and the relation fields their families declare.

The detail pages themselves live by family: tools, guides and experiences (``toolkit.models.tools``), the
colloquium's recommendations and the British benchmarks (``toolkit.models.colloquium``), regions
(``toolkit.models.regions``). Each sits under its index page (``toolkit.models.indexes``) and has no children.
Translation policy: on top of ``BasePage``'s, text is translated; codes, statuses, dates, numbers and relations are
synchronised from the French source. Relations point at source (French) objects; templates show their versions in
the page's language through ``toolkit.lookups``. (Migrations name ``source_locale_only`` here: it stays in this
module.)
"""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.api import APIField
from wagtail.models import Page

from home.base import BasePage
from home.prepared import prepared
from toolkit.lookups import Catalogue, held_in_memory


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


def related_values(page, relation, column):
    """``page.<relation>.values_list(column, flat=True)`` as a list, in the same order: compiled once per process
    (``home.prepared``) when the relation is read from the database; a preview's relations, held in memory by
    modelcluster, are read as they are."""
    if held_in_memory(page, relation):
        return list(getattr(page, relation).values_list(column, flat=True))
    related = page._meta.get_field(relation).related_model
    ordering = related._meta.ordering or (["path"] if issubclass(related, Page) else ["pk"])
    return _related_values(type(page), relation, page.pk, column, tuple(ordering))


@prepared(fixed=("relation", "column", "ordering"))
def _related_values(model, relation, pk, column, ordering):
    rows = model.objects.filter(pk=pk, **{f"{relation}__isnull": False})
    rows = rows.order_by(*(f"{relation}__{field}" for field in ordering))
    return rows.values_list(f"{relation}__{column}", flat=True)


class ToolkitDetailPage(BasePage):
    """What every detail page shares: its index as only parent, no children, a card for listings."""

    subpage_types = []
    listing_prefetch = ["themes"]
    listing_annotations = {}
    # The open API (dissemination/api.py): lean fields, relations by code (theme slug, region code), never by id;
    # what they read is fetched once per listing (``api_prefetch``, ``api_select``).
    api_fields = [APIField("summary"), APIField("theme_codes"), APIField("region_codes")]
    api_prefetch = ["themes"]
    api_select = []

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

    @property
    def theme_codes(self):
        """The slugs of this page's themes (the same in every language), for the open API."""
        return sorted(theme.slug for theme in self.themes.all())

    @property
    def region_codes(self):
        """The official codes of the regions this page names (``search_region_codes``), for the open API."""
        return self.search_region_codes()

    def localized_themes(self, catalogue):
        """This page's themes in the catalogue's language: as listings prefetched them, else their slugs alone."""
        prefetched = "themes" in getattr(self, "_prefetched_objects_cache", {})
        themes = self.themes.all() if prefetched else related_values(self, "themes", "slug")
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
