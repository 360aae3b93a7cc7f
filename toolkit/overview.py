"""The adoption overview: every tool against the 12 regions, in a fixed number of queries."""

from collections import Counter

from home.privacy import live_public
from toolkit.listings import build_listing
from toolkit.models import Adoption, ToolPage
from toolkit.models.indexes import theme_facet


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
    return {
        "listing": listing,
        "regions": regions,
        "rows": rows,
        "region_totals": [tools_used[region.code] for region in regions],
    }
