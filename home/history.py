"""A page's public history: the change notes of the revisions that went live, newest first.

Only publications count: Wagtail logs each partner-approved one as a "wagtail.publish" entry carrying the published
revision, and an operator's command logs its own (``approvals.operator``), so drafts and revisions still awaiting
partner approval never appear. One query, whatever the number of publications: the
note is read from the revision's JSON content in the same query (no revision is loaded whole).
"""

from wagtail.models import PageLogEntry

from approvals.operator import OPERATOR_PUBLISH_ACTION

PUBLISH_ACTIONS = ("wagtail.publish", OPERATOR_PUBLISH_ACTION)


def change_notes(page):
    """[{"date": datetime, "note": str}] newest first, for the page's publications that carried a note.

    A note left unchanged from one published version to the next is shown once, at its first publication: the editor
    did not describe a new change, the page's form simply kept the previous text.
    """
    if page is None or not page.pk:
        return []
    rows = (
        PageLogEntry.objects.filter(page_id=page.pk, action__in=PUBLISH_ACTIONS, revision__isnull=False)
        .order_by("timestamp", "pk")
        .values_list("timestamp", "revision__content__change_note")
    )
    notes, previous = [], ""
    for timestamp, note in rows:
        note = (note or "").strip() if isinstance(note, str) else ""
        if note and note != previous:
            notes.append({"date": timestamp, "note": note})
        previous = note
    notes.reverse()
    return notes
