"""Template tags for the site's frame: language alternates, text direction and breadcrumbs."""

from django import template
from django.conf import settings
from django.utils import translation

from home import breadcrumbs
from home.history import change_notes
from home.languages import alternates, direction

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The current page in every language it is live in (see home.languages.alternates)."""
    request = context.get("request")
    if request is None:
        return []
    return alternates(request, context.get("page"))


@register.simple_tag(takes_context=True)
def x_default_url(context, links):
    """The hreflang x-default target: the default language's version if it is live, else the first one."""
    for link in links:
        if link["code"] == settings.LANGUAGE_CODE:
            return link["absolute_url"]
    return links[0]["absolute_url"] if links else ""


@register.simple_tag
def text_direction(language_code=None):
    return direction(language_code or translation.get_language())


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The current page's breadcrumbs (home/breadcrumbs.py); [] on the home page and on views without a page."""
    return breadcrumbs.trail(context.get("page"), context.get("site_frame"), context.get("request"))


@register.simple_tag(takes_context=True)
def section_breadcrumbs(context, title, url):
    """The breadcrumbs of a view outside the page tree, such as search: home > ``title``."""
    return breadcrumbs.for_section(title, url, context.get("site_frame"))


@register.simple_tag
def page_change_notes(page):
    """The change notes of the page's published revisions, newest first (home/history.py): one query."""
    return change_notes(page)
