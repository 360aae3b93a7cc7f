"""Template tags for the site's frame: language alternates, text direction, breadcrumbs and the parts of the frame
that are the same on every page of a language."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import template_localtime

from home import breadcrumbs
from home.history import change_notes
from home.languages import alternates, direction
from pagecache import memo

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


# The parts of the frame that read nothing but the language and these context values (the site frame's, remembered
# per generation: home/context_processors.py), so their HTML is the same on every page of a language.
FRAME_PARTS = {
    "includes/footer.html": ("site_footer", "footer_partners", "footer_pages"),
    "includes/font_preloads.html": (),
}


@register.simple_tag(takes_context=True)
def frame_part(context, template_name):
    """``template_name`` rendered once per process for each language generation and host (pagecache/memo.py), then
    reused by every page of the language: rendering the footer on each request was a tenth of a page's templates.
    Only the templates of FRAME_PARTS, whose inputs are listed there; the rest of the frame (navigation, language
    switcher, breadcrumbs) depends on the page and is rendered with it."""
    reads = FRAME_PARTS[template_name]
    request = context.get("request")
    language = translation.get_language()

    def render():
        values = {name: context.get(name) for name in reads}
        return render_to_string(template_name, {"LANGUAGE_CODE": language, **values})

    host = request.get_host() if request is not None else ""
    return memo.remember(request, language, ("frame_part", template_name, language, host), render)


@register.simple_tag
def time_element(value, display_format):
    """``<time datetime="YYYY-MM-DD">`` around ``value`` (a date or datetime) as ``display_format`` shows it in the
    page's language, as ``|date`` would (datetimes in the current time zone); nothing without a value. One template
    node instead of two ``|date`` variables: a page shows a dozen dates (adoptions, publication, changes)."""
    if not value:
        return ""
    value = template_localtime(value)
    return format_html('<time datetime="{}">{}</time>', value.isoformat()[:10], date_format(value, display_format))
