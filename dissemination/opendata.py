"""The adoption matrix as open data: ``/open-data/adoptions.csv`` and ``/open-data/adoptions.json``; its history,
every approved status of those rows (the progress over time), as ``/open-data/adoption-history.csv|json``.

One row per live adoption of a tool live and public both in its source language (where adoptions are stored) and
in the language asked for (``?lang=fr|ar|en``, French by default), as the adoption overview of that language shows
it. Tool titles, addresses and region names are in that language; codes (translation key, slug, region code,
status) are the same in every language, so files of different languages join on them.

Licence: Creative Commons Attribution 4.0 (CC BY 4.0), chosen because its deed and legal code exist in French,
Arabic and English. The JSON carries it in ``licence``; the CSV in a ``Link: <…>; rel="license"`` header (a comment
line would break CSV readers). The CSV starts with a UTF-8 byte order mark: Excel, what most readers of this file
open it with, otherwise reads Arabic and accented French as Latin-1; Python's ``utf-8-sig``, pandas and LibreOffice
skip the mark.

``evidence_url`` is the row's evidence: the link the council gave, else the address of its evidence document, which
is public because the row is live (mediafiles/usage.py); empty when there is none.

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
from toolkit.models import Adoption, AdoptionHistory, AdoptionStatus, ToolPage
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
    "evidence_url",
]
HISTORY_COLUMNS = [*COLUMNS, "approved_at"]


def _live_adoptions(language):
    """The live rows the overview of ``language`` shows, with that language's tools by translation key."""
    locale = Locale.objects.get(language_code=language)
    tools = {
        tool.translation_key: tool
        for tool in live_public(ToolPage.objects).filter(locale=locale).select_related("locale")
    }
    source_tools = live_public(ToolPage.objects).filter(translation_key__in=list(tools))
    adoptions = (
        Adoption.objects.filter(live=True, tool__in=source_tools)
        .annotate(tool_key=F("tool__translation_key"))
        .select_related("evidence_document")
    )
    return tools, adoptions


def _row(request, tool, region_names, adoption, status, since):
    """The columns every download shares, for one status of one row (``status_label`` in the active language)."""
    return {
        "tool_key": str(tool.translation_key),
        "tool_slug": tool.slug,
        "tool_title": tool.title,
        "tool_url": request.build_absolute_uri(tool.get_url(request)),
        "region_code": adoption.region_code,
        "region_name": region_names.get(adoption.region_code, ""),
        "status": status,
        "status_label": str(AdoptionStatus(status).label),
        "since": since.isoformat(),
    }


def _region_names(language):
    return {region["code"]: region[language] for region in reference_data()["regions"]}


def adoption_rows(request, language):
    """The rows of the download in ``language``, ordered by tool title then region code."""
    tools, adoptions = _live_adoptions(language)
    region_names = _region_names(language)
    rows = []
    with translation.override(language):
        for adoption in adoptions:
            tool = tools[adoption.tool_key]
            row = _row(request, tool, region_names, adoption, adoption.status, adoption.since)
            rows.append({**row, "evidence_url": evidence_url(request, adoption)})
    rows.sort(key=lambda row: (row["tool_title"], row["region_code"]))
    return rows


def history_rows(request, language):
    """Every approved status of the rows of ``adoption_rows``, oldest first per row: the progress over time.

    A past entry's evidence document is given only while it is still the live row's (else it is not public); its
    link, a public address the council gave, always. Who wrote the change is not published (personal data).
    """
    tools, adoptions = _live_adoptions(language)
    by_pk = {adoption.pk: adoption for adoption in adoptions}
    entries = AdoptionHistory.objects.filter(adoption_id__in=list(by_pk)).order_by("adoption_id", "since", "pk")
    region_names = _region_names(language)
    rows = []
    with translation.override(language):
        for entry in entries:
            adoption = by_pk[entry.adoption_id]
            tool = tools[adoption.tool_key]
            link = entry.evidence_url
            if not link and entry.evidence_document_id and entry.evidence_document_id == adoption.evidence_document_id:
                link = request.build_absolute_uri(adoption.evidence_document.url)
            row = _row(request, tool, region_names, adoption, entry.status, entry.since)
            rows.append({**row, "evidence_url": link, "approved_at": entry.recorded_at.date().isoformat()})
    rows.sort(key=lambda row: (row["tool_title"], row["region_code"]))  # stable: each row's entries keep their order
    return rows


def evidence_url(request, adoption):
    """The row's evidence link, else the public address of its evidence document (public because the row is live:
    mediafiles.usage), else empty."""
    if adoption.evidence_url:
        return adoption.evidence_url
    if adoption.evidence_document is not None:
        return request.build_absolute_uri(adoption.evidence_document.url)
    return ""


def _language(request):
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    return language if language in dict(settings.LANGUAGES) else None


def _bad_language():
    codes = ", ".join(code for code, _name in settings.LANGUAGES)
    return HttpResponseBadRequest(f"lang must be one of: {codes}", content_type="text/plain; charset=utf-8")


def _csv(rows, columns, name, language):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{language}.csv"'
    return _licensed(response, language)


def _json(rows, columns, key, language):
    document = {"language": language, "licence": LICENCE, "columns": columns, key: rows}
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=1), content_type="application/json")
    return _licensed(response, language)


def _licensed(response, language):
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    response["Content-Language"] = language
    return response


def download(build_rows, columns, name, key, as_csv):
    """A read-only view of ``build_rows`` in the language asked for, as CSV or JSON, open to any origin."""

    @open_to_any_origin
    @require_safe
    def view(request):
        language = _language(request)
        if language is None:
            return _bad_language()
        rows = build_rows(request, language)
        return _csv(rows, columns, name, language) if as_csv else _json(rows, columns, key, language)

    return view


adoptions_csv = download(adoption_rows, COLUMNS, "adoptions", "adoptions", as_csv=True)
adoptions_json = download(adoption_rows, COLUMNS, "adoptions", "adoptions", as_csv=False)
history_csv = download(history_rows, HISTORY_COLUMNS, "adoption-history", "history", as_csv=True)
history_json = download(history_rows, HISTORY_COLUMNS, "adoption-history", "history", as_csv=False)
