"""What the home page shows of the toolkit, in a fixed number of queries.

The home page's ways in (by task, by audience) lead to the index pages under it. They are found by their type among
the home page's children, in one query, so they follow whatever slug and title the editors give them in each
language, and a section whose page is missing or unpublished simply loses that link.
"""

from django.db.models import F, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.prepared import prepared
from home.privacy import live_public
from toolkit.lookups import Catalogue
from toolkit.models import (
    AdoptionOverviewPage,
    BenchmarkIndexPage,
    BenchmarkPage,
    ExperienceIndexPage,
    ExperiencePage,
    GuideIndexPage,
    GuidePage,
    RecommendationIndexPage,
    RecommendationPage,
    RegionIndexPage,
    ToolIndexPage,
    ToolPage,
)

FEATURED = 3
LATEST = 6

# The home page's children the entry points link to, by the name the template uses.
ENTRY_PAGES = {
    ToolIndexPage: "tools",
    GuideIndexPage: "guides",
    ExperienceIndexPage: "experiences",
    RecommendationIndexPage: "recommendations",
    BenchmarkIndexPage: "benchmarks",
    RegionIndexPage: "regions",
    AdoptionOverviewPage: "overview",
}
# The ways in by task: (the entry page, what the reader wants to do, what they find there).
TASKS = [
    ("tools", _("Find a tool"), _("Methods, models and templates that a regional council can adapt.")),
    ("guides", _("Read a guide"), _("Guides and frameworks that set out how to go about it, step by step.")),
    ("overview", _("See what a region adopted"), _("Which tools each region uses, is piloting or plans to use.")),
    (
        "experiences",
        _("Learn from the regions"),
        _("Successful experiences of the regional councils, region by region."),
    ),
]
# The ways in by audience: (who, what the portal offers them, the entry pages that serve them, in order).
AUDIENCES = [
    (
        _("Regional councils"),
        _("Tools ready to adapt, what other regions have done, and where each region stands."),
        ("tools", "experiences", "overview"),
    ),
    (
        _("Partners and institutions"),
        _("How far the tools have spread, and how the colloquium's recommendations are being implemented."),
        ("overview", "recommendations", "benchmarks"),
    ),
    (
        _("Citizens"),
        _("What your region does, and the guides that explain how to take part in its decisions."),
        ("regions", "guides", "experiences"),
    ),
]
# The pages "latest publications" lists: the content itself, not its indexes or the regions' reference pages.
LATEST_TYPES = (ToolPage, GuidePage, ExperiencePage, RecommendationPage, BenchmarkPage)


def entry_points(home, request):
    """``{"tools": {"title", "url"}, ...}``: the live public children of ``home`` by role, in one query.

    A page's type is read from its content type (Django keeps content types in memory), so no page is loaded twice.
    """
    found = {}
    for page in _public_children(home.path, home.depth + 1):
        role = ENTRY_PAGES.get(page.specific_class)
        url = page.get_url(request=request)
        if role and url and role not in found:
            found[role] = {"title": page.title, "url": url}
    return found


def ways_in(entries):
    """The tasks and audiences whose entry pages exist, each with its links (``entries`` from ``entry_points``)."""
    tasks = [
        {"role": role, "title": title, "text": text, "url": entries[role]["url"]}
        for role, title, text in TASKS
        if role in entries
    ]
    audiences = [
        {"title": title, "text": text, "links": [entries[role] for role in roles if role in entries]}
        for title, text, roles in AUDIENCES
    ]
    return tasks, [audience for audience in audiences if audience["links"]]


def latest_publications(home, request):
    """The last ``LATEST`` live public pages of content in ``home``'s language, by their last publication: what the
    partners most recently approved. One query, whatever their types."""
    return [
        {
            "title": page.title,
            "url": page.get_url(request=request),
            "kind": page.specific_class._meta.verbose_name,
            "published": page.last_published_at,
        }
        for page in _latest(home.locale_id)
    ]


def home_context(home, request):
    catalogue = Catalogue.for_request(request, home.locale)

    tools = _featured(ToolPage, home.locale_id, "title")
    guides = _featured(GuidePage, home.locale_id, "-publication_date")
    entries = entry_points(home, request)
    tasks, audiences = ways_in(entries)
    return {
        "catalogue": catalogue,
        "entries": entries,
        "tasks": tasks,
        "audiences": audiences,
        "themes": list(catalogue.themes.values()),
        "partners": list(catalogue.partners.values()),
        "featured_tools": [tool.card(catalogue) for tool in tools],
        "featured_guides": [guide.card(catalogue) for guide in guides],
        "latest": latest_publications(home, request),
        "regions": list(catalogue.regions.values()),
    }


# The home page's queries differ from one language to the next only by their values: compiled once per process
# (home/prepared.py).
@prepared
def _public_children(path, depth):
    return live_public(Page.objects.filter(path__startswith=path, depth=depth)).order_by("path")


@prepared
def _latest(locale_id):
    pages = live_public(Page.objects.type(*LATEST_TYPES)).filter(locale_id=locale_id)
    return pages.order_by(F("last_published_at").desc(nulls_last=True), "-pk")[:LATEST]


def _featured(model, locale_id, ordering):
    """The featured live pages of ``model`` with what their cards read, as the index pages prefetch it."""
    pages = _featured_rows(model, locale_id, ordering)
    prefetch_related_objects(pages, *model.listing_prefetch)
    return pages


@prepared(fixed=("ordering",))
def _featured_rows(model, locale_id, ordering):
    pages = model.for_listing(live_public(model.objects).filter(locale_id=locale_id, featured=True))
    return pages.prefetch_related(None).order_by(ordering)[:FEATURED]  # prefetched after, on the rows
