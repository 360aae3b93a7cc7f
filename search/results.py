"""What an engine answers: hits with excerpts, facet counts, and whether all or any of the words matched."""

import html
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
    excerpt = excerpt_html(document.excerpt_source, is_match)
    return hit_from_labels(document.page_id, document.title, document.url, document.page_type, document.labels, excerpt)


# A word is letters and digits with the Arabic diacritics (harakat, shadda, superscript alef...) they carry: those
# are combining marks, not \w, and splitting "مُشارَكة" at them would leave pieces that never match.
WORD_SPAN = re.compile(rf"(?:\w|{text.ARABIC_DIACRITICS.pattern})+", re.UNICODE)


def excerpt_html(source, is_match):
    """A window of about EXCERPT_WORDS words around the first matched word, matches wrapped in <mark>.

    ``is_match(word)`` decides per original word; everything else is escaped. The source is read only as far as the
    window needs (up to the first match, then EXCERPT_WORDS words from 8 before it): results pages build ten excerpts
    per request, and the words past the window are most of each source.
    """
    if not source:
        return ""
    spans, first, wanted, read_to_the_end = [], None, EXCERPT_WORDS, True
    for found in WORD_SPAN.finditer(source):
        spans.append(found.span())
        if first is None and is_match(found.group()):
            first = len(spans) - 1
            wanted = max(first - 8, 0) + EXCERPT_WORDS
        if first is not None and len(spans) >= wanted:
            read_to_the_end = False
            break
    if not spans:
        return escape(source[:200])
    start_word = max((first or 0) - 8, 0)
    end_word = min(start_word + EXCERPT_WORDS, len(spans))
    # The window runs from the source's very start, or to its very end, when it holds the first or the last word: so
    # punctuation around the text (« », parentheses, a final full stop) is kept.
    start = spans[start_word][0] if start_word else 0
    end = len(source) if read_to_the_end and end_word == len(spans) else spans[end_word - 1][1]
    pieces, cursor = [], start
    for a, b in spans[start_word:end_word]:
        pieces.append(html.escape(source[cursor:a]))
        word = source[a:b]
        pieces.append(f"<mark>{html.escape(word)}</mark>" if is_match(word) else html.escape(word))
        cursor = b
    pieces.append(html.escape(source[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(source) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped above


EXCERPT_SOURCE_CHARS = 1500


def excerpt_source(summary, body):
    """What an excerpt is cut from: the start of summary and body. Stored in the index (SearchDocument)."""
    return f"{summary} {body}".strip()[:EXCERPT_SOURCE_CHARS]


def excerpt_words(source):
    """The distinct normalised words of an excerpt source, sorted; a word is highlighted when its normalised form
    stems like a query word, so these are all a search needs to stem."""
    return sorted({n for n in (text.normalize_token(m.group()) for m in WORD_SPAN.finditer(source)) if n})


def word_matcher(matched):
    """``is_match(word)`` for excerpt_html: whether the word's normalised form is one of ``matched``.

    Remembers each word's normalised form, as excerpt_html asks twice about the words of its window."""
    matched, seen = frozenset(matched), {}

    def is_match(word):
        if word not in seen:
            seen[word] = text.normalize_token(word) in matched
        return seen[word]

    return is_match
