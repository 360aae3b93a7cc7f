"""A page's public history: the change notes of the revisions that went live, newest first.

Only publications count: Wagtail logs each partner-approved one as a "wagtail.publish" entry carrying the published
revision, and an operator's command logs its own (``approvals.operator``), so drafts and revisions still awaiting
partner approval never appear. One query, whatever the number of publications: the
note is read from the revision's JSON content in the same query (no revision is loaded whole).
"""

from wagtail.models import PageLogEntry

from approvals.operator import OPERATOR_PUBLISH_ACTION
from home.prepared import prepared

PUBLISH_ACTIONS = ("wagtail.publish", OPERATOR_PUBLISH_ACTION)


def change_notes(page):
    """[{"date": datetime, "note": str}] newest first, for the page's publications that carried a note.

    A note left unchanged from one published version to the next is shown once, at its first publication: the editor
    did not describe a new change, the page's form simply kept the previous text.
    """
    if page is None or not page.pk:
        return []
    notes, previous = [], ""
    for timestamp, note in _publications(page.pk):
        note = (note or "").strip() if isinstance(note, str) else ""
        if note and note != previous:
            notes.append({"date": timestamp, "note": note})
        previous = note
    notes.reverse()
    return notes


@prepared
def _publications(page_id):
    """(timestamp, change note) of a page's publications, oldest first: compiled once (home/prepared.py)."""
    return (
        PageLogEntry.objects.filter(page_id=page_id, action__in=PUBLISH_ACTIONS, revision__isnull=False)
        .order_by("timestamp", "pk")
        .values_list("timestamp", "revision__content__change_note")
    )


def current_change_notes(page_ids):
    """{page id: note} of what each page's latest publication changed, for the feeds and the subscription digests.

    The note of the latest publication, or "" when that publication repeated the previous one's note (the same rule
    as ``change_notes``: an unchanged note describes an older change, not this one). One query for all the pages.
    """
    rows = (
        PageLogEntry.objects.filter(page_id__in=list(page_ids), action__in=PUBLISH_ACTIONS, revision__isnull=False)
        .order_by("page_id", "timestamp", "pk")
        .values_list("page_id", "revision__content__change_note")
    )
    latest, previous = {}, {}
    for page_id, note in rows:
        note = (note or "").strip() if isinstance(note, str) else ""
        previous[page_id] = latest.get(page_id, "")
        latest[page_id] = note
    return {page_id: note if note != previous[page_id] else "" for page_id, note in latest.items()}
