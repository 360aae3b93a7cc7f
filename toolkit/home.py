"""What the home page shows of the toolkit, in a fixed number of queries."""

from home.privacy import live_public
from toolkit.lookups import Catalogue
from toolkit.models import ExperiencePage, GuidePage, RegionIndexPage, ToolPage

FEATURED = 3
LATEST_EXPERIENCES = 3


def home_context(home, request):
    catalogue = Catalogue.for_request(request, home.locale)

    def live(model):
        return live_public(model.objects).filter(locale=home.locale)

    def cards(model):
        """Live pages of ``model`` with what their cards read, as the index pages prefetch it."""
        return model.for_listing(live(model))

    tools = list(cards(ToolPage).filter(featured=True).order_by("title")[:FEATURED])
    guides = list(cards(GuidePage).filter(featured=True).order_by("-publication_date")[:FEATURED])
    experiences = cards(ExperiencePage).order_by("-year", "-first_published_at")
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
