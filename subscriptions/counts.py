"""How many subscribers chose each filter: what editors and the partners' reviewers may see (never an address).

A subscriber who left a kind of filter empty receives everything of that kind: they are counted on the line
"all" of that kind, not on each value. One query for the subscribers' choices (no address is read), one for the
themes' names.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from subscriptions import filters
from subscriptions.models import Subscriber


@dataclass
class Table:
    title: str
    rows: list  # [(label, count)]


def _table(title, choices, counter, everything):
    rows = [(label, counter.get(value, 0)) for value, label in choices]
    if everything is not None:
        rows.insert(0, (_("All (no filter chosen)"), everything))
    return Table(title, rows)


def subscriber_counts():
    """(total, [Table]) per language, page type, theme and region."""
    language = translation.get_language() or "fr"
    choices = list(Subscriber.objects.values_list("language", "page_types", "themes", "regions"))
    by_language = Counter(row[0] for row in choices)
    tallies, unfiltered = [], []
    for position in (1, 2, 3):
        tallies.append(Counter(value for row in choices for value in row[position]))
        unfiltered.append(sum(1 for row in choices if not row[position]))
    theme_choices = filters.theme_choices("fr")  # the source language's names: every theme has one
    tables = [
        _table(_("Language"), filters.language_choices(), by_language, None),
        _table(_("Types of content"), filters.type_choices(), tallies[0], unfiltered[0]),
        _table(_("Themes"), theme_choices, tallies[1], unfiltered[1]),
        _table(_("Regions"), filters.region_choices(language), tallies[2], unfiltered[2]),
    ]
    return len(choices), tables
