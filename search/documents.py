"""What a page contributes to the public search index.

The text comes from the page's own ``search_fields`` (the same declaration Wagtail's admin search uses), so a page
type says once what is searchable. A page may add facets by defining ``search_facets()``, returning
``{"themes": {slug: label}, "regions": {code: label}}`` with labels in the page's language.
"""

import html
from collections.abc import Iterable

from django.utils import translation
from django.utils.html import strip_tags
from wagtail.search import index

from search import text
from search.results import excerpt_source, excerpt_words

BODY_LIMIT = 20_000  # characters of body text kept per page: enough for any real page, bounded for the index


def is_public(page):
    """Live, and not behind a view restriction on itself or an ancestor."""
    return page.live and not page.get_view_restrictions().exists()


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        out = []
        for item in value:
            out.extend(_flatten(item))
        return out
    return [str(value)]


def _plain(value):
    return html.unescape(strip_tags(value)).strip()


def searchable_text(page):
    """The page's searchable text beyond title and summary, from its declared search fields."""
    parts = []
    for field in page.search_fields:
        if isinstance(field, index.SearchField) and field.field_name not in {"title", "summary"}:
            parts.extend(_flatten(field.get_value(page)))
        elif isinstance(field, index.RelatedFields):
            related = getattr(page, field.field_name, None)
            objects = related.all() if hasattr(related, "all") else [related] if related is not None else []
            for obj in objects:
                for sub in field.fields:
                    if isinstance(sub, index.SearchField):
                        parts.extend(_flatten(sub.get_value(obj)))
    return " ".join(p for p in (_plain(part) for part in parts) if p)[:BODY_LIMIT]


def build_document(page):
    """The index row's values for ``page`` (a dict), or None when the page must not be found by the public."""
    page = page.specific
    if not is_public(page):
        return None
    language = page.locale.language_code
    with translation.override(language):
        url = page.get_url()
        facets = page.search_facets() if hasattr(page, "search_facets") else {}
        labels = {
            "type": {page._meta.label_lower: str(page._meta.verbose_name)},
            "themes": {k: str(v) for k, v in facets.get("themes", {}).items()},
            "regions": {k: str(v) for k, v in facets.get("regions", {}).items()},
        }
    if not url:
        return None
    summary = _plain(getattr(page, "summary", "") or getattr(page, "search_description", "") or "")
    body = searchable_text(page)
    source = excerpt_source(summary, body)
    return {
        "language": language,
        "page_type": page._meta.label_lower,
        "url": url,
        "title": page.title,
        "summary": summary,
        "body": body,
        "themes": " " + " ".join(sorted(labels["themes"])) + " ",
        "regions": " " + " ".join(sorted(labels["regions"])) + " ",
        "labels": labels,
        "title_norm": text.normalize(page.title),
        "text_norm": text.normalize(f"{summary} {body}"),
        "excerpt_source": source,
        "excerpt_words": excerpt_words(source),
    }
