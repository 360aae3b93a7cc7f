"""A visitor's search request, read from the URL and made safe before any engine sees it.

Nothing a visitor types can reach an engine as syntax: the words are normalised (search/text.py), which keeps only
letters and digits, and filters must match a strict pattern or are ignored.
"""

import re
from dataclasses import dataclass, field

from search import text

MAX_QUERY_CHARS = 200
MAX_TERMS = 16
MAX_PAGE = 1000
PER_PAGE = 10

TYPE_PATTERN = re.compile(r"^[a-z_]{1,50}\.[a-z_]{1,60}$")
THEME_PATTERN = re.compile(r"^[a-z0-9-]{1,50}$")
REGION_PATTERN = re.compile(r"^[0-9]{2}$")


@dataclass
class SearchQuery:
    language: str
    raw: str = ""
    terms: list[str] = field(default_factory=list)
    page_type: str = ""
    theme: str = ""
    region: str = ""
    page: int = 1

    @property
    def normalized(self):
        return " ".join(self.terms)

    @property
    def is_empty(self):
        return not self.terms

    def filters(self, without=None):
        """The active filters as {facet: value}, optionally leaving one facet out (for that facet's counts)."""
        active = {"type": self.page_type, "themes": self.theme, "regions": self.region}
        return {k: v for k, v in active.items() if v and k != without}


def page_count(total):
    """How many result pages ``total`` matches fill: at least one."""
    return max(1, -(-total // PER_PAGE))


def _clean(value):
    # Drop control characters and surrogates left by broken percent-encoding; keep everything else for display.
    return "".join(ch for ch in value if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF)


def _page_number(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def _match(pattern, value):
    value = (value or "").strip()
    return value if pattern.match(value) else ""


def parse(params, language):
    """Build a SearchQuery from GET parameters; invalid values are ignored, never raised."""
    raw = _clean(params.get("q", ""))[:MAX_QUERY_CHARS].strip()
    terms = text.normalize(raw).split()[:MAX_TERMS]
    return SearchQuery(
        language=language,
        raw=raw,
        terms=terms,
        page_type=_match(TYPE_PATTERN, params.get("type")),
        theme=_match(THEME_PATTERN, params.get("theme")),
        region=_match(REGION_PATTERN, params.get("region")),
        page=_page_number(params.get("page")),
    )
