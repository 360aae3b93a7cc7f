"""Template tags of the page head: the metadata of the response (dissemination.metadata) and the page title."""

from django import template

from dissemination import metadata

register = template.Library()


@register.simple_tag(takes_context=True)
def page_metadata(context, alternates, title=None, description=None):
    """Canonical, hreflang, Open Graph, Twitter card and JSON-LD of the response (``dissemination.metadata``).
    ``title`` and ``description`` name a view that is not a Wagtail page (search); a page names itself."""
    request = context.get("request")
    if request is None:
        return None
    return metadata.head_metadata(request, context, alternates or [], title=title, description=description)


@register.filter(is_safe=True)
def with_site_name(title):
    """The title element's text: ``title | site name``, without the name twice (``metadata.title_with_site_name``)."""
    return metadata.title_with_site_name(title)
