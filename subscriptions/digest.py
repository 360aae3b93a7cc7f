"""Which pages each subscriber is told about, and sending their digests once.

What goes into a digest: the live public pages (``home.privacy.live_public``) of the subscriber's language, of the
feeds' page types, that went live or were updated since the subscriber's previous digest (``last_published_at``),
whose published revision a reviewer of each partner approved (``approvals.models.approved_revision_ids``) and that
match the subscriber's filters (``subscriptions.filters``); each with the change note of that revision, unless it
only repeats the previous publication's (``home.history.current_change_notes``, as the page's history and the feeds).

Never a draft, a revision awaiting approval (it is not the live one), a private page or another language's page.
An emergency publication (a superuser's, without the partners) is not announced: subscribers are promised
partner-approved content, and the revision it published has no approvals. If the partners approve the same content
later, their approved revision goes live and is announced then. A publication by an operator's command (the demo
content) is not announced either.

Once: each (subscriber, revision) sent is a ``SentItem`` row, written in the same transaction that queues the
message (the mail queue is a table, cms/mail.py), with the subscriber's row locked for update; a second run, or
one running at the same time, finds the rows and sends nothing more. The window starts ``OVERLAP`` before the end of
the previous one, so a publication whose transaction committed during a run is still found by the next; the rows
keep that overlap from sending anything twice. A subscriber's first window starts when they confirmed: they are not
sent what went live before.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from approvals.models import approved_revision_ids
from dissemination.feeds import TYPES
from home.history import current_change_notes
from home.privacy import live_public
from subscriptions import filters
from subscriptions.messages import digest_message, public_address
from subscriptions.models import SentItem, Subscriber

OVERLAP = datetime.timedelta(hours=6)


@dataclass
class Report:
    subscribers: int = 0
    messages: int = 0
    items: int = 0


def window_start(subscriber):
    if subscriber.sent_until is None:
        return subscriber.confirmed_at
    return max(subscriber.confirmed_at, subscriber.sent_until - OVERLAP)


def candidates(language, since, until, region_codes):
    """The approved live public pages of ``language`` published in (since, until], newest first, as Candidates."""
    found = []
    for kind in TYPES:
        pages = list(
            live_public(filters.model_of(kind).objects)
            .filter(locale__language_code=language, last_published_at__gt=since, last_published_at__lte=until)
            .exclude(live_revision__isnull=True)
            .select_related("locale")
        )
        approved = approved_revision_ids(page.live_revision_id for page in pages)
        kept = [filters.Candidate(kind, page) for page in pages if page.live_revision_id in approved]
        filters.describe(kept, kind, region_codes)
        found.extend(kept)
    found.sort(key=lambda candidate: (candidate.page.last_published_at, candidate.page.pk), reverse=True)
    return found


def send_all(now=None):
    """One digest per confirmed subscriber with something new; returns what was sent. Safe to run twice at once."""
    now = now or timezone.now()
    report = Report()
    subscribers = list(Subscriber.objects.values_list("pk", "language", "confirmed_at", "sent_until", "regions"))
    pools = {}
    for language in {row[1] for row in subscribers}:
        rows = [row for row in subscribers if row[1] == language]
        since = min(window_start(Subscriber(confirmed_at=row[2], sent_until=row[3])) for row in rows)
        regions = {code for row in rows for code in row[4]}
        pools[language] = candidates(language, since, now, regions)
    for pk, language, *_rest in subscribers:
        report.subscribers += 1
        sent = send_one(pk, pools[language], now)
        if sent:
            report.messages += 1
            report.items += sent
    return report


def send_one(pk, pool, now):
    """Queue one subscriber's digest and record its items, in one transaction with their row locked."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
        if subscriber is None:  # cancelled meanwhile, or another run holds it
            return 0
        start = window_start(subscriber)
        wanted = [c for c in pool if c.page.last_published_at > start and c.matches(subscriber)]
        already = set(
            SentItem.objects.filter(
                subscriber=subscriber, revision_id__in=[c.page.live_revision_id for c in wanted]
            ).values_list("revision_id", flat=True)
        )
        items = [c for c in wanted if c.page.live_revision_id not in already]
        if items:
            notes = current_change_notes(c.page.pk for c in items)
            digest_message(subscriber, [describe_item(c, notes) for c in items]).send()
            SentItem.objects.bulk_create(
                SentItem(subscriber=subscriber, page_id=c.page.pk, revision_id=c.page.live_revision_id, sent_at=now)
                for c in items
            )
        subscriber.sent_until = now
        subscriber.save(update_fields=["sent_until"])
        return len(items)


def describe_item(candidate, notes):
    page = candidate.page
    return {
        "title": page.title,
        "url": public_address(page.get_url_parts()[2]),
        "note": notes.get(page.pk, ""),
        "summary": page.get_meta_description(),
        "new": page.first_published_at is not None and page.first_published_at == page.last_published_at,
        "kind": str(TYPES[candidate.kind][1]),
    }
