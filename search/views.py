"""The public search page and its suggestions, for the visitor's language only."""

import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from search import query as search_query
from search.engines import get_engine
from search.results import SearchUnavailable

logger = logging.getLogger(__name__)


def search(request):
    query = search_query.parse(request.GET, translation.get_language())
    context = {"search_query": query.raw, "query": query, "results": None}
    if query.is_empty:
        return render(request, "search/search.html", context)
    engine = get_engine()
    try:
        results = engine.search(query)
        pages = search_query.page_count(results.total)
        if query.page > pages:  # a page past the end (a stale or edited link): show the last one, whatever the engine
            query.page = pages
            if results.total:
                results = engine.search(query)
    except SearchUnavailable as exc:
        logger.error("Search unavailable: %s", exc)
        context["unavailable"] = True
        return render(request, "search/search.html", context, status=503)
    current = query.page
    context.update(
        results=results,
        current_page=current,
        page_count=pages,
        previous_url=_page_url(request, current - 1) if current > 1 else "",
        next_url=_page_url(request, current + 1) if current < pages else "",
        facet_groups=_facet_groups(request, query, results),
        active_filters=_active_filters(request, query, results),
    )
    return render(request, "search/search.html", context)


def suggest(request):
    """JSON title suggestions for the search box: {"query": ..., "suggestions": [{"title", "url"}]}."""
    prefix = search_query.parse(request.GET, translation.get_language())
    if len(prefix.raw) < 2 or prefix.is_empty:
        return JsonResponse({"query": prefix.raw, "suggestions": []})
    try:
        suggestions = get_engine().suggest(prefix.language, prefix.raw)
    except SearchUnavailable as exc:
        logger.error("Search suggestions unavailable: %s", exc)
        return JsonResponse({"error": _("Search is temporarily unavailable.")}, status=503)
    return JsonResponse({"query": prefix.raw, "suggestions": suggestions})


def _page_url(request, number, **changes):
    params = request.GET.copy()
    params["page"] = str(number)
    for key, value in changes.items():
        if value:
            params[key] = value
        else:
            params.pop(key, None)
    return "?" + params.urlencode()


FACET_PARAMS = {"type": "type", "themes": "theme", "regions": "region"}


def _facet_groups(request, query, results):
    titles = {"type": _("Type of content"), "themes": _("Theme"), "regions": _("Region")}
    active = query.filters()
    groups = []
    for facet, values in results.facets.items():
        param = FACET_PARAMS[facet]
        options = [
            {
                "label": v.label,
                "count": v.count,
                "selected": active.get(facet) == v.value,
                "url": _page_url(request, 1, **{param: "" if active.get(facet) == v.value else v.value}),
            }
            for v in values
        ]
        if options:
            groups.append({"title": titles[facet], "param": param, "options": options})
    return groups


def _active_filters(request, query, results):
    labels = {facet: {v.value: v.label for v in values} for facet, values in results.facets.items()}
    active = []
    for facet, value in query.filters().items():
        param = FACET_PARAMS[facet]
        active.append(
            {"label": labels.get(facet, {}).get(value, value), "remove_url": _page_url(request, 1, **{param: ""})}
        )
    return active
