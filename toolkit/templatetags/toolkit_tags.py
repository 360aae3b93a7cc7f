"""Template tags of the toolkit's pages: the region map with its list of regions, the adoption progress chart."""

from django import template
from django.template.loader import render_to_string
from django.utils import numberformat, translation
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from pagecache import memo
from toolkit.adoption_progress import adoption_progress, legend
from toolkit.geo import region_map_svg

register = template.Library()


@register.simple_tag(takes_context=True)
def region_map(context, regions, current_code=None, with_list=True):
    """The inline SVG map of the 12 regions, each a link to its page in the reader's language, followed by the
    numbered list of the regions (the map's text alternative: its labels are the region numbers).

    Drawn once per process for each language generation (pagecache/memo.py), host, highlighted region and set of
    regions: the same map shows on the home page, the regions' index and every region page, and drawing it (twelve
    paths, twelve page URLs) was the largest part of a region page's templates (docs/benchmarks.md).
    """
    request = context.get("request")
    regions = list(regions)
    language = translation.get_language()
    key = (
        "region_map",
        language,
        request.get_host() if request is not None else "",
        current_code,
        bool(with_list),
        tuple((region.pk, region.code, region.title, region.url_path) for region in regions),
    )
    return memo.remember(request, language, key, lambda: _draw_region_map(request, regions, current_code, with_list))


def _draw_region_map(request, regions, current_code, with_list):
    items = [
        {"code": region.code, "number": int(region.code), "name": region.title, "url": region.get_url(request=request)}
        for region in regions
    ]
    svg = region_map_svg(items, current_code=current_code, title=_("Map of the 12 regions of Morocco"))
    context = {"svg": svg, "items": items, "current_code": current_code, "with_list": with_list}
    return render_to_string("components/region_map.html", context)


@register.filter
def figure(value):
    """A whole number with its thousands grouped by threes in the page's language (5 132 639, 5,132,639...).

    Django's Arabic format sets no grouping, which leaves census figures as unreadable runs of digits.
    """
    return numberformat.format(
        value, get_format("DECIMAL_SEPARATOR"), 0, 3, get_format("THOUSAND_SEPARATOR"), force_grouping=True
    )


@register.simple_tag(takes_context=True)
def adoption_progress_chart(context, locale, caption, region_code=None):
    """The progress of generalisation over time (toolkit/adoption_progress.py), or nothing before the first fact.

    Drawn once per process for each language generation, as its figures are computed (``adoption_progress``): the
    same chart shows on every request of a region page and of the overview, and drawing its bars and its table
    (some 250 template variables) was the largest part of a region page's templates (docs/benchmarks.md).
    """
    request = context.get("request")
    language = translation.get_language()
    key = ("adoption-progress-html", language, locale.language_code, region_code or "all", str(caption))

    def draw():
        progress = {
            "progress": adoption_progress(request, locale, region_code),
            "progress_legend": legend(),
            "caption": caption,
        }
        return render_to_string("components/adoption_progress.html", progress)

    return memo.remember(request, language, key, draw)


@register.simple_tag
def status_badge(status, label):
    """An adoption's or a recommendation's status as a badge: its label, styled by its code
    (``.status--<code>``, assets/css/portal.css)."""
    return format_html('<span class="status status--{}">{}</span>', status, label)
