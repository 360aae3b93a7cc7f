"""What the home page shows of the toolkit, in a fixed number of queries."""

from toolkit.lookups import Catalogue
from toolkit.models import ExperiencePage, GuidePage, RegionIndexPage, ToolPage

FEATURED = 3
LATEST_EXPERIENCES = 3


def home_context(home, request):
    catalogue = Catalogue(home.locale)

    def live(model):
        return model.objects.live().public().filter(locale=home.locale)

    tools = list(live(ToolPage).filter(featured=True).prefetch_related("themes").order_by("title")[:FEATURED])
    guides = list(
        live(GuidePage).filter(featured=True).prefetch_related("themes").order_by("-publication_date")[:FEATURED]
    )
    experiences = live(ExperiencePage).prefetch_related("themes", "region").order_by("-year", "-first_published_at")
    return {
        "catalogue": catalogue,
        "themes": list(catalogue.themes.values()),
        "partners": list(catalogue.partners.values()),
        "featured_tools": [tool.card(catalogue) for tool in tools],
        "featured_guides": [guide.card(catalogue) for guide in guides],
        "latest_experiences": [experience.card(catalogue) for experience in experiences[:LATEST_EXPERIENCES]],
        "regions": list(catalogue.regions.values()),
        "region_index": live(RegionIndexPage).first(),
    }
