"""The progress of generalisation over time: how many adoptions stood adopted, piloting or planned at each year's end.

Read from the live adoption rows and their history (``toolkit.models.AdoptionHistory``): each row's status at a
year's end is the last approved fact dated on or before it (the current year: today). A row's current live status
counts as a fact too, so a row published before the history existed still shows. The rows counted are those the
tables beside the chart list: live rows whose tool is live and public in its source language and in the page's.

One query whatever the number of rows and entries (``events``); the overview, the region pages and a council's
dashboard share the result, remembered per language generation (``pagecache.memo``): every publication of an
adoption renews the generation of every language (``pagecache.invalidation``), so a new approved fact shows at
once. The chart itself is an inline SVG (``components/adoption_progress.html``), readable without JavaScript, with
a table equivalent for screen readers; in Arabic the years run from right to left.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language_info

from home.privacy import live_public
from pagecache import memo
from toolkit.models import Adoption, AdoptionStatus, ToolPage

# Bottom to top in each bar, and left to right in the table: the most advanced status first.
STATUSES = (AdoptionStatus.ADOPTED, AdoptionStatus.PILOTING, AdoptionStatus.PLANNED)
# Same-day facts are ordered by how far along they are (a row planned and piloted on one day is piloting).
RANK = {AdoptionStatus.PLANNED: 0, AdoptionStatus.PILOTING: 1, AdoptionStatus.ADOPTED: 2}
MAX_YEARS = 10  # the chart stays legible on a phone; the open data keeps the whole history

# Geometry of the SVG, in its own units (it scales to the width available).
BAR, GAP, PLOT, TOP, BOTTOM = 34, 22, 120, 22, 26
COLOURS = {AdoptionStatus.ADOPTED: "#0b5d3b", AdoptionStatus.PILOTING: "#b36200", AdoptionStatus.PLANNED: "#6d7f92"}


@dataclass(frozen=True)
class Year:
    year: int
    counts: dict  # status -> number of rows

    @property
    def total(self):
        return sum(self.counts.values())

    def cells(self):
        return [self.counts[status] for status in STATUSES]


def counted_adoptions(locale, region_code=None):
    """The live rows the adoption tables of ``locale`` show (optionally of one region)."""
    shown_keys = live_public(ToolPage.objects).filter(locale=locale).values("translation_key")
    rows = Adoption.objects.filter(
        live=True, tool__in=live_public(ToolPage.objects), tool__translation_key__in=shown_keys
    )
    return rows.filter(region_code=region_code) if region_code else rows


def events(adoptions):
    """``{row id: [(date, status)...]}`` in order, from the rows and their history, in one query."""
    found = defaultdict(set)
    for pk, status, since, past_status, past_since in adoptions.values_list(
        "pk", "status", "since", "history__status", "history__since"
    ):
        found[pk].add((since, status))
        if past_status:
            found[pk].add((past_since, past_status))
    return {pk: sorted(facts, key=lambda fact: (fact[0], RANK[fact[1]])) for pk, facts in found.items()}


def yearly(facts_by_row, today=None):
    """[Year] from the first fact's year to this year (at most ``MAX_YEARS``): each row counted at its status of the
    year's end (this year: of today). Facts dated after today are not counted yet."""
    today = today or timezone.localdate()
    dates = [date for facts in facts_by_row.values() for date, _status in facts if date <= today]
    if not dates:
        return []
    first = max(min(dates).year, today.year - MAX_YEARS + 1)
    years = []
    for year in range(first, today.year + 1):
        end = min(datetime.date(year, 12, 31), today)
        counts = dict.fromkeys(STATUSES, 0)
        for facts in facts_by_row.values():
            reached = [status for date, status in facts if date <= end]
            if reached:
                counts[reached[-1]] += 1
        years.append(Year(year, counts))
    return years


def bars(years, rtl):
    """The SVG's geometry: per year its x, its stacked segments (status, y, height) and where its labels go."""
    highest = max((year.total for year in years), default=0) or 1
    width = GAP + len(years) * (BAR + GAP)
    shapes = []
    for index, year in enumerate(years):
        slot = len(years) - 1 - index if rtl else index
        x = GAP + slot * (BAR + GAP)
        y = TOP + PLOT
        segments = []
        for status in STATUSES:
            height = round(PLOT * year.counts[status] / highest, 2)
            if height:
                y = round(y - height, 2)
                segments.append({"status": status, "y": y, "height": height, "colour": COLOURS[status]})
        shapes.append(
            {
                "year": str(year.year),
                "total": year.total,
                "x": x,
                "middle": x + BAR / 2,
                "top": y - 6,
                "segments": segments,
            }
        )
    return {
        "width": width,
        "height": TOP + PLOT + BOTTOM,
        "baseline": TOP + PLOT,
        "label_y": TOP + PLOT + 18,
        "bars": shapes,
    }


def adoption_progress(request, locale, region_code=None):
    """What ``components/adoption_progress.html`` draws for ``locale`` (and one region), or None without facts."""
    language = locale.language_code

    def compute():
        years = yearly(events(counted_adoptions(locale, region_code)))
        return {"years": years, "chart": bars(years, rtl=get_language_info(language)["bidi"])} if years else None

    return memo.remember(request, language, ("adoption-progress", language, region_code or "all"), compute)


def legend():
    """The statuses in the bars' order, with their colour (the labels translate when rendered)."""
    return [{"status": status, "label": status.label, "colour": COLOURS[status]} for status in STATUSES]
