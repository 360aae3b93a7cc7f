"""Atom feeds of new and updated content, per language, narrowed by page type, theme and region.

``/<lang>/feed/`` lists the live public pages of that language only (``home.privacy.live_public``), most recently
published first: tools, guides, experiences, recommendations, benchmarks and regions. ``?type=guide``,
``?theme=<slug>`` and ``?region=<code>`` narrow it, as the listings' filters do and with the same values (the same in
every language). A region narrows tools (developed or adopted there), experiences (of that region) and the region's own
page; a theme, the pages that carry it. An unknown value is a 404 that says which parameter is wrong.

An entry is published when its page first went live and updated when it last did (Atom's ``published`` and
``updated``), so a reader's feed reader shows a new guide and a revised one alike. Its summary ends with the change
note of the published revision (``BasePage.change_note``, approved with the rest of the revision), unless it only
repeats the previous publication's note, as the page's public history and the subscription digests show it
(``home.history.current_change_notes``).

Cost: one query per page type in the feed, one for the Site (the entries' addresses), one for the change notes, one
for the theme when narrowed by one: fixed whatever the number of pages. The feed sits
under its language's prefix, so the page cache keeps it and the language's new generation at each publication makes
it stale (pagecache/invalidation.py); the unfiltered feed of each language is purged from a front-end cache with the
pages (pagecache/frontend.py).

Each page advertises the feeds that concern it in its head (``feeds_for``): the whole language, and its type's feed
(with a listing's theme and region, a region page's own region).
"""

import heapq
from dataclasses import dataclass

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.db.models import F, Q
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext, gettext_lazy

from dissemination.metadata import page_address, site_name
from home import page_urls
from home.history import current_change_notes
from home.privacy import live_public
from toolkit.reference import reference_data

ENTRIES = 50

# The page types a feed may hold, by the value of ``?type=``: their model and their name in a feed's title.
TYPES = {
    "tool": ("ToolPage", gettext_lazy("Tools")),
    "guide": ("GuidePage", gettext_lazy("Guides and frameworks")),
    "experience": ("ExperiencePage", gettext_lazy("Successful experiences")),
    "recommendation": ("RecommendationPage", gettext_lazy("Recommendations")),
    "benchmark": ("BenchmarkPage", gettext_lazy("British benchmark")),
    "region": ("RegionPage", gettext_lazy("Regions")),
}
# The feed each index page and detail page belongs to.
TYPE_OF_PAGE = {
    **{f"toolkit.{model.lower()}": kind for kind, (model, _label) in TYPES.items()},
    "toolkit.toolindexpage": "tool",
    "toolkit.guideindexpage": "guide",
    "toolkit.experienceindexpage": "experience",
    "toolkit.recommendationindexpage": "recommendation",
    "toolkit.benchmarkindexpage": "benchmark",
    "toolkit.regionindexpage": "region",
}


def region_names(language):
    """Region names by code in ``language``, from the programme's reference sheet (no query)."""
    return {region["code"]: region.get(language) or region["fr"] for region in reference_data()["regions"]}


@dataclass
class Selection:
    """What one feed holds: its language and its filters, checked."""

    language: str
    types: list
    theme: object = None  # the Theme row of the feed's language
    region: str = ""

    @classmethod
    def from_request(cls, request):
        language = translation.get_language()
        kind, theme_slug, region = (request.GET.get(name, "") for name in ("type", "theme", "region"))
        if kind and kind not in TYPES:
            raise Http404("There is no feed of this type.")
        if region and region not in region_names(language):
            raise Http404("There is no region with this code.")
        theme = None
        if theme_slug:
            theme = (
                apps.get_model("toolkit", "Theme")
                .objects.filter(locale__language_code=language, live=True, slug=theme_slug)
                .first()
            )
            if theme is None:
                raise Http404("There is no theme with this name.")
        return cls(language=language, types=[kind] if kind else list(TYPES), theme=theme, region=region)

    def query(self):
        """The normalised query of this feed (parameters sorted), as its own address carries it."""
        pairs = sorted(
            (name, value)
            for name, value in (
                ("region", self.region),
                ("theme", self.theme.slug if self.theme else ""),
                ("type", self.types[0] if len(self.types) == 1 else ""),
            )
            if value
        )
        return "&".join(f"{name}={value}" for name, value in pairs)

    def subject(self):
        parts = [str(TYPES[self.types[0]][1])] if len(self.types) == 1 else [gettext("New and updated content")]
        if self.theme is not None:
            parts.append(self.theme.name)
        if self.region:
            parts.append(region_names(self.language)[self.region])
        return " · ".join(parts)

    def pages(self):
        """The feed's entries: the most recently published live public pages of its types, language and filters."""
        found = []
        for kind in self.types:
            model = apps.get_model("toolkit", TYPES[kind][0])
            pages = live_public(model.objects).filter(locale__language_code=self.language)
            if self.theme is not None:
                if not any(field.name == "themes" for field in model._meta.get_fields()):
                    continue
                pages = pages.filter(pk__in=model.objects.filter(themes__slug=self.theme.slug).values("pk"))
            if self.region:
                condition = region_condition(kind, self.region)
                if condition is None:
                    continue
                pages = pages.filter(pk__in=model.objects.filter(condition).values("pk"))
            found.append(pages.order_by(F("last_published_at").desc(nulls_last=True), "pk")[:ENTRIES])
        newest = heapq.merge(*found, key=published_timestamp, reverse=True)
        return list(newest)[:ENTRIES]


def published_timestamp(page):
    return page.last_published_at.timestamp() if page.last_published_at else 0


def region_condition(kind, code):
    """The pages of ``kind`` that concern region ``code``, or None for kinds that concern no region."""
    if kind == "tool":
        adopted = apps.get_model("toolkit", "Adoption").objects.filter(live=True, region_code=code)
        return Q(developed_by_regions__code=code) | Q(translation_key__in=adopted.values("tool__translation_key"))
    if kind == "experience":
        return Q(region__code=code)
    if kind == "region":
        return Q(code=code)
    return None


class PortalFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return Selection.from_request(request)

    def title(self, selection):
        return f"{selection.subject()} | {site_name()}"

    def subtitle(self, selection):
        return gettext("What went live on the portal of advanced regionalisation, newest first.")

    def link(self, selection):
        with translation.override(selection.language):
            return self.request.build_absolute_uri(reverse("wagtail_serve", args=("",)))

    def feed_url(self, selection):
        return feed_address(self.request, selection.language, selection.query())

    def items(self, selection):
        pages = selection.pages()
        self.notes = current_change_notes(page.pk for page in pages)
        return pages

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        """The page's description, then the change note of its published revision (what the partners approved)."""
        return with_change_note(page.get_meta_description(), self.notes.get(page.pk, ""))

    def item_link(self, page):
        return page_address(self.request, page)

    def item_pubdate(self, page):
        return page.first_published_at or page.last_published_at

    def item_updateddate(self, page):
        return page.last_published_at


def with_change_note(text, note):
    if not note:
        return text
    return f"{text}\n\n{gettext('What changed:')} {note}".strip()


def feed_address(request, language, query=""):
    url = request.build_absolute_uri(page_urls.localized_reverse("feed", language))
    return f"{url}?{query}" if query else url


def feeds_for(request, page, listing, language):
    """The feeds a page advertises: its language's whole feed, then its type's (narrowed like the page: a listing's
    theme and region, a region page's region). [{"title", "url"}]."""
    feeds = [{"title": f"{gettext('New and updated content')} | {site_name()}", "url": feed_address(request, language)}]
    kind = TYPE_OF_PAGE.get(page._meta.label_lower) if page is not None else None
    if kind is None:
        return feeds
    params, names = {"type": kind}, [str(TYPES[kind][1])]
    if listing is not None:
        for facet in listing.facets:
            if facet.name in ("theme", "region") and facet.selected:
                params[facet.name] = facet.selected
                names.append(str(dict(facet.options).get(facet.selected, facet.selected)))
    if kind == "region" and getattr(page, "code", ""):  # a region page: everything about its region
        params, names = {"region": page.code}, [page.title]
    query = "&".join(f"{name}={value}" for name, value in sorted(params.items()))
    feeds.append({"title": f"{' · '.join(names)} | {site_name()}", "url": feed_address(request, language, query)})
    return feeds
