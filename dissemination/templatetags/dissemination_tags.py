"""Template tags of the page head: the metadata of the response (dissemination.metadata) and the page title."""

from django import template
from django.utils import translation

from dissemination import feeds, metadata

register = template.Library()


@register.simple_tag(takes_context=True)
def page_metadata(context, alternates, title=None, description=None):
    """Canonical, hreflang, Open Graph, Twitter card and JSON-LD of the response (``dissemination.metadata``), and
    the feeds it advertises (``dissemination.feeds``).
    ``title`` and ``description`` name a view that is not a Wagtail page (search); a page names itself."""
    request = context.get("request")
    if request is None:
        return None
    data = metadata.head_metadata(request, context, alternates or [], title=title, description=description)
    page = context.get("page")
    page = page if getattr(page, "pk", None) else None
    data["feeds"] = feeds.feeds_for(request, page, context.get("listing"), translation.get_language())
    return data


@register.filter(is_safe=True)
def with_site_name(title):
    """The title element's text: ``title | site name``, without the name twice (``metadata.title_with_site_name``)."""
    return metadata.title_with_site_name(title)
