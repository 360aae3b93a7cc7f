"""The adoption matrix as open data: ``/open-data/adoptions.csv`` and ``/open-data/adoptions.json``.

One row per live adoption of a tool live and public both in its source language (where adoptions are stored) and
in the language asked for (``?lang=fr|ar|en``, French by default), as the adoption overview of that language shows
it. Tool titles, addresses and region names are in that language; codes (translation key, slug, region code,
status) are the same in every language, so files of different languages join on them.

Licence: Creative Commons Attribution 4.0 (CC BY 4.0), chosen because its deed and legal code exist in French,
Arabic and English. The JSON carries it in ``licence``; the CSV in a ``Link: <…>; rel="license"`` header (a comment
line would break CSV readers). The CSV starts with a UTF-8 byte order mark: Excel, what most readers of this file
open it with, otherwise reads Arabic and accented French as Latin-1; Python's ``utf-8-sig``, pandas and LibreOffice
skip the mark.

Neither file is kept by the page cache (it answers only under a language prefix); each costs a fixed handful of
queries whatever the number of adoptions, so a change shows in the next download.
"""

import csv
import io
import json

from django.conf import settings
from django.db.models import F
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from dissemination.cors import open_to_any_origin
from home.privacy import live_public
from toolkit.models import Adoption, ToolPage
from toolkit.reference import reference_data

LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "Portail de la régionalisation avancée (DGCT, ARM, British Embassy Rabat)",
}
COLUMNS = [
    "tool_key",
    "tool_slug",
    "tool_title",
    "tool_url",
    "region_code",
    "region_name",
    "status",
    "status_label",
    "since",
]


def adoption_rows(request, language):
    """The rows of the download in ``language``, ordered by tool title then region code."""
    locale = Locale.objects.get(language_code=language)
    tools = {
        tool.translation_key: tool
        for tool in live_public(ToolPage.objects).filter(locale=locale).select_related("locale")
    }
    source_tools = live_public(ToolPage.objects).filter(translation_key__in=list(tools))
    adoptions = Adoption.objects.filter(live=True, tool__in=source_tools).annotate(tool_key=F("tool__translation_key"))
    region_names = {region["code"]: region[language] for region in reference_data()["regions"]}
    rows = []
    with translation.override(language):
        for adoption in adoptions:
            tool = tools[adoption.tool_key]
            rows.append(
                {
                    "tool_key": str(tool.translation_key),
                    "tool_slug": tool.slug,
                    "tool_title": tool.title,
                    "tool_url": request.build_absolute_uri(tool.get_url(request)),
                    "region_code": adoption.region_code,
                    "region_name": region_names.get(adoption.region_code, ""),
                    "status": adoption.status,
                    "status_label": str(adoption.get_status_display()),
                    "since": adoption.since.isoformat(),
                }
            )
    rows.sort(key=lambda row: (row["tool_title"], row["region_code"]))
    return rows


def _language(request):
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    return language if language in dict(settings.LANGUAGES) else None


def _bad_language():
    codes = ", ".join(code for code, _name in settings.LANGUAGES)
    return HttpResponseBadRequest(f"lang must be one of: {codes}", content_type="text/plain; charset=utf-8")


@open_to_any_origin
@require_safe
def adoptions_csv(request):
    language = _language(request)
    if language is None:
        return _bad_language()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(adoption_rows(request, language))
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="adoptions-{language}.csv"'
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    response["Content-Language"] = language
    return response


@open_to_any_origin
@require_safe
def adoptions_json(request):
    language = _language(request)
    if language is None:
        return _bad_language()
    document = {
        "language": language,
        "licence": LICENCE,
        "columns": COLUMNS,
        "adoptions": adoption_rows(request, language),
    }
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=1), content_type="application/json")
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    response["Content-Language"] = language
    return response
