"""Template tags of the toolkit's pages: the region map with its list of regions, the adoption progress chart."""

import datetime
from functools import lru_cache

from django import template
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import numberformat, translation
from django.utils.autoreload import file_changed
from django.utils.formats import date_format, get_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from home import page_urls
from pagecache import memo
from toolkit.adoption_progress import adoption_progress, legend
from toolkit.geo import region_map_svg
from toolkit.models.adoption import AdoptionStatus

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


STATUS_LABELS = dict(AdoptionStatus.choices)  # status -> its label, translated when read


@register.simple_tag(takes_context=True)
def adoption_rows(context, adoptions):
    """The rows of an adoption table, from ``[(adoption, page)]`` (the page: the region's on a tool page, the tool's
    on a region page, or None): each page's URL and title, the status and its label, the date and its month in the
    page's language. Read here once per row rather than through a dozen template lookups and tags per row, which made
    the adoption table a quarter of a region page's CPU (docs/benchmarks.md)."""
    request = context.get("request")
    language = translation.get_language()
    return [
        {
            "code": adoption.region_code,
            "status": adoption.status,
            "status_label": str(STATUS_LABELS.get(adoption.status, adoption.status)),
            "since": adoption.since.isoformat(),
            "since_label": month_and_year(adoption.since.year, adoption.since.month, language),
            "slug": page.slug if page is not None else "",
            "title": page.title if page is not None else "",
            "url": page_urls.url(page, request) if page is not None else None,
        }
        for adoption, page in adoptions
    ]


@lru_cache(maxsize=1024)
def month_and_year(year, month, language):
    """``date:"F Y"`` of that month in ``language``: the same few months recur on every adoption table."""
    with translation.override(language):
        return date_format(datetime.date(year, month, 1), "F Y")


@receiver(file_changed)
def _forget_months(file_path, **kwargs):
    """A translation catalogue changed under the development server: its month names may have too."""
    if file_path.suffix == ".mo":
        month_and_year.cache_clear()
