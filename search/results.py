"""What an engine answers: hits with excerpts, facet counts, and whether all or any of the words matched."""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import text

EXCERPT_WORDS = 32


class SearchUnavailable(Exception):
    """The search engine did not answer, or failed: the search page says so with a 503."""


@dataclass
class Hit:
    page_id: int
    title: str
    url: str
    page_type: str
    type_label: str
    theme_labels: list[str]
    region_labels: list[str]
    excerpt: str = ""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Results:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    matched_any: bool = False  # True when no page had all the words and pages with any of them are shown


def hit_from_labels(page_id, title, url, page_type, labels, excerpt=""):
    return Hit(
        page_id=page_id,
        title=title,
        url=url,
        page_type=page_type,
        type_label=labels.get("type", {}).get(page_type, ""),
        theme_labels=sorted(labels.get("themes", {}).values()),
        region_labels=sorted(labels.get("regions", {}).values()),
        excerpt=excerpt,
    )


def hit_from_document(document, is_match):
    """A Hit from an index row, its excerpt highlighted where ``is_match(word)``."""
    excerpt = excerpt_html(excerpt_source(document.summary, document.body), is_match)
    return hit_from_labels(document.page_id, document.title, document.url, document.page_type, document.labels, excerpt)


WORD_SPAN = re.compile(r"\w+", re.UNICODE)


def excerpt_html(source, is_match):
    """A window of about EXCERPT_WORDS words around the first matched word, matches wrapped in <mark>.

    ``is_match(word)`` decides per original word; everything else is escaped.
    """
    if not source:
        return ""
    spans = [(m.start(), m.end()) for m in WORD_SPAN.finditer(source)]
    if not spans:
        return escape(source[:200])
    first = next((i for i, (a, b) in enumerate(spans) if is_match(source[a:b])), 0)
    start_word = max(first - 8, 0)
    end_word = min(start_word + EXCERPT_WORDS, len(spans))
    start, end = spans[start_word][0], spans[end_word - 1][1]
    pieces, cursor = [], start
    for a, b in spans[start_word:end_word]:
        pieces.append(escape(source[cursor:a]))
        word = source[a:b]
        pieces.append(f"<mark>{escape(word)}</mark>" if is_match(word) else escape(word))
        cursor = b
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(source) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped above


def excerpt_source(summary, body):
    return f"{summary} {body}".strip()[:1500]


def words_of(source):
    return {source[a:b] for a, b in (m.span() for m in WORD_SPAN.finditer(source))}


def normalized_word(word):
    return text.normalize_token(word)
