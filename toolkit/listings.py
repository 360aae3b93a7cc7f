"""Filtered, counted and paginated listings of the index pages, driven by plain GET parameters.

A filter is a ``Facet``: a GET parameter, its allowed values and how it narrows the queryset. A value outside the
allowed ones is ignored (and reported to the reader), never an error; the page number goes through Django's
``Paginator.get_page``, which falls back to the first or last page. Counts per option take one query per facet; the
total then comes from the pairs of a facet the reader left unset, without a count query.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Q

PAGE_SIZE = 12


@dataclass
class Facet:
    """One filter of a listing: ``name`` is the GET parameter, ``path`` the lookup its value matches.

    A facet not on one path (a tool's regions: where it was developed or adopted) gives instead ``condition(value)``,
    a Q on the listed model, and ``pairs(queryset)``, the (item, value) pairs of ``queryset`` in one query, an item
    being anything that tells the listed pages apart.
    """

    name: str
    label: str
    options: list  # [(value, label)]
    path: str = ""
    pairs: object = None
    condition: object = None
    selected: str = ""
    counts: dict = field(default_factory=dict)

    def values_for(self, queryset):
        if self.pairs is not None:
            return self.pairs(queryset)
        return queryset.values_list("pk", self.path)

    def apply(self, queryset, value):
        """A subquery, so a many-to-many path cannot repeat rows."""
        condition = self.condition(value) if self.condition is not None else Q(**{self.path: value})
        return queryset.filter(pk__in=queryset.model.objects.filter(condition).values("pk"))

    @property
    def option_rows(self):
        return [
            {"value": value, "label": label, "count": self.counts.get(value, 0), "selected": value == self.selected}
            for value, label in self.options
        ]


@dataclass
class Listing:
    page: object
    facets: list
    total: int
    ignored: list
    query_string: str


def build_listing(request, queryset, facets, page_size=PAGE_SIZE):
    """Apply the request's filters to ``queryset``; return the page of results, the facets with counts, etc."""
    ignored = []
    for facet in facets:
        raw = request.GET.get(facet.name, "")
        if raw and raw in {str(value) for value, _label in facet.options}:
            facet.selected = raw
        elif raw:
            ignored.append(facet.label)
    filtered = queryset
    total = None
    for facet in facets:
        if facet.selected:
            filtered = facet.apply(filtered, facet.selected)
    for facet in facets:
        # Counts under the other active filters: what the reader would get by picking that option.
        narrowed = queryset
        for other in facets:
            if other is not facet and other.selected:
                narrowed = other.apply(narrowed, other.selected)
        pairs = set(facet.values_for(narrowed))
        facet.counts = Counter(str(value) for _item, value in pairs if value is not None)
        if not facet.selected:  # narrowed is then filtered itself, every item in a pair (outer joins): its size
            total = len({item for item, _value in pairs})
    paginator = Paginator(filtered, page_size)
    if total is not None:
        paginator.count = total  # the count query Paginator would make, already answered
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return Listing(page=page, facets=facets, total=paginator.count, ignored=ignored, query_string=params.urlencode())
