"""Which content uses a document or image: the one place that answers "is this file public?" and "is it frozen?".

Wagtail's ``ReferenceIndex`` records the references of each *saved row* (foreign keys, chooser blocks, rich text
links), never of revisions. Here a page's or toolkit snippet's row holds its live content (the partner-approval guard
keeps a live row's content unchanged until an approved revision is published), so the index answers for live content:
a live row that references the file. Content under review, or approved and waiting for its go-live date, exists only
in a revision; its references are read from the revision's content with the index's own extractor
(``ReferenceIndex._extract_references_from_object``, the internal this module relies on, pinned by
``mediafiles/tests/test_usage.py``).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from wagtail.models import DraftStateMixin, Page, ReferenceIndex, Revision, WorkflowState


class LiveUsers:
    """The live pages whose row references a file, and whether a live snippet does (snippets have no view
    restrictions): a live tool adoption's evidence document, for one. Content that is neither a page nor a
    draft-state snippet never makes a file public (an adoption's history keeps past evidence without publishing it)."""

    def __init__(self, pages, snippet):
        self.pages = pages
        self.snippet = snippet

    def __bool__(self):
        return bool(self.pages) or self.snippet


def live_users(obj):
    """Who uses ``obj`` in live content, in a bounded number of queries: one on the index, one for the pages, one per
    snippet model referencing it (not per page or snippet)."""
    ids_by_type = defaultdict(set)
    for type_id, object_id in (
        ReferenceIndex.get_references_to(obj).values_list("base_content_type_id", "object_id").distinct()
    ):
        ids_by_type[type_id].add(object_id)
    pages, snippet = [], False
    for type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            pages = list(Page.objects.live().filter(pk__in=ids).only("id", "path", "depth", "content_type_id"))
        elif issubclass(model, DraftStateMixin) and not snippet:
            snippet = model._base_manager.filter(pk__in=ids, live=True).exists()
    return LiveUsers(pages, snippet)


def pending_revisions():
    """Revisions that may still go live without a new submission: those under an in-progress review (pages and
    snippets alike) and those approved with a go-live date still to come."""
    in_review = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).values(
        "current_task_state__revision_id"
    )
    return Revision.objects.filter(Q(pk__in=in_review) | Q(approved_go_live_at__isnull=False))


def used_by_pending_revision(obj):
    target = (ContentType.objects.get_for_model(obj).pk, str(obj.pk))
    for revision in pending_revisions():
        try:
            content = revision.as_object()
        except (ObjectDoesNotExist, LookupError):  # its object or model is gone: nothing of it can go live
            continue
        for type_id, object_id, _model_path, _content_path in ReferenceIndex._extract_references_from_object(content):
            if (type_id, object_id) == target:
                return True
    return False


def is_frozen(obj):
    """True when live content or content under review (or approved, awaiting its date) uses ``obj``: its file must
    not change, nor may it be deleted."""
    if obj.pk is None:
        return False
    return bool(live_users(obj)) or used_by_pending_revision(obj)
