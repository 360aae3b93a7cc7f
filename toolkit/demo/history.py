"""The demo's adoption history: the earlier steps of each demo adoption, so the progress chart shows a spread.

Publishing a demo adoption records its current status (``toolkit.adoption_history``); a tool adopted in the demo
data was first planned, then piloted, a year apart each, and a tool in pilot was planned a year before. These past
entries are demonstration facts like the rest of the demo content: no author, approved on the day they are dated.
"""

import datetime

from django.utils import timezone

from toolkit.models import AdoptionHistory, AdoptionStatus

# Status reached -> the steps before it, each with how many years before the reached status.
EARLIER_STEPS = {
    AdoptionStatus.ADOPTED: [(AdoptionStatus.PLANNED, 2), (AdoptionStatus.PILOTING, 1)],
    AdoptionStatus.PILOTING: [(AdoptionStatus.PLANNED, 1)],
    AdoptionStatus.PLANNED: [],
}


def years_before(date, years):
    return date.replace(year=date.year - years, day=min(date.day, 28))


def add_earlier_steps(adoption):
    """Record the steps before ``adoption``'s status, once (an adoption that has them already is left alone)."""
    if AdoptionHistory.objects.filter(adoption=adoption, since__lt=adoption.since).exists():
        return []
    entries = []
    for status, years in EARLIER_STEPS[AdoptionStatus(adoption.status)]:
        since = years_before(adoption.since, years)
        approved = timezone.make_aware(datetime.datetime.combine(since, datetime.time(12)))
        entries.append(AdoptionHistory(adoption=adoption, status=status, since=since, recorded_at=approved))
    return AdoptionHistory.objects.bulk_create(entries)
