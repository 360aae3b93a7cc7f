"""One writer at a time on a page or snippet under partner approval: the editor's save meets the third approval.

Why: the editor's save and a reviewer's decision write the same rows in opposite orders.

- The edit view: the page row (``form.save()`` of a draft), the new revision row, then, in its ``post_save``
  (``approvals.workflow``), the task state (cancelled), the workflow state and a new task state, and the page row
  again (``latest_revision``).
- The workflow action (``PartnerApprovalTask.on_action``): the task state (``SELECT ... FOR UPDATE``), the decision,
  the task state and workflow state (approved), then the publication: the page row and the page's revision rows.

On PostgreSQL the two requests deadlock (page row against task state): one answers 500 and its work is lost. Even
without a deadlock, an edit view that loaded a draft before the publication committed would write its stale row back
(``live = False``) and take the approved page offline.

The rule: both requests lock the object's row (``SELECT ... FOR UPDATE`` on ``wagtailcore_page``, or the snippet's
table) first, before the view reads anything, and keep it until their transaction ends. The second one waits for the
first, then reads what it did: an edit after the publication is a new draft of a live page; an approval after the
edit finds the review restarted on the new revision and is refused with Wagtail's message.

Where: no Wagtail hook runs inside the view's transaction before the view reads the object (``before_edit_page``
runs after the page is loaded, and the edit view opens its transaction only around ``save_revision``), so
``SerialisedEditsMiddleware`` runs the few write views below in one transaction that starts with the lock. Any other
writer that creates a revision takes the same lock in ``approvals.workflow`` before reading the task state.

If PostgreSQL still reports a deadlock or a serialization failure (a writer outside these views), the whole request
is rolled back and run once more; if it fails again, the person gets a 409 page saying nothing was saved, and the
browser's Back button returns to their form with their text.
"""

import logging
from functools import cache

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.db import OperationalError, transaction
from django.http import HttpResponse
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Page

from approvals.guard import is_guarded_snippet

logger = logging.getLogger(__name__)

# PostgreSQL's SQLSTATEs for "deadlock detected" and "could not serialize access".
RETRYABLE_SQLSTATES = {"40P01", "40001"}
PAGE_VIEWS = {"wagtailadmin_pages:edit", "wagtailadmin_pages:workflow_action"}
SNIPPET_VIEWS = {"edit", "workflow_action"}


def lock_row(model, pk):
    """Lock one row of ``model``'s table until the transaction ends; for pages, the ``wagtailcore_page`` row."""
    if issubclass(model, Page):
        model = Page
    list(model._base_manager.select_for_update().filter(pk=pk).values_list("pk", flat=True))


def lock_for_revision(revision):
    """Lock the row of the object a revision belongs to (its base content type, the same row for every writer)."""
    lock_row(ContentType.objects.get_for_id(revision.base_content_type_id).model_class(), revision.object_id)


def object_to_lock(match, kwargs):
    """The (model, pk) a POST to this admin view writes, or None when the view is not one of the serialised ones."""
    if match.view_name in PAGE_VIEWS:
        return Page, kwargs["page_id"]
    if match.namespace.startswith("wagtailsnippets_") and match.url_name in SNIPPET_VIEWS:
        model = guarded_snippets_by_namespace().get(match.namespace)
        if model is not None:
            return model, unquote(str(kwargs["pk"]))
    return None


@cache
def guarded_snippets_by_namespace():
    return {
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}": model
        for model in apps.get_models()
        if is_guarded_snippet(model)
    }


def is_retryable(error):
    return getattr(error.__cause__, "pgcode", None) in RETRYABLE_SQLSTATES


class SerialisedEditsMiddleware:
    """Runs a POST to a page's or guarded snippet's edit view or workflow action in one transaction that first locks
    the object's row (see the module docstring). Listed last in ``MIDDLEWARE``: a ``process_view`` that answers
    skips the ones after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        target = object_to_lock(request.resolver_match, view_kwargs)
        if target is None:
            return None
        for attempt in (1, 2):
            try:
                with transaction.atomic():
                    lock_row(*target)
                    return view_func(request, *view_args, **view_kwargs)
            except OperationalError as error:
                if not is_retryable(error):
                    raise
                if attempt == 2:
                    logger.warning(
                        "%s %s: %s again, answered 409", request.method, request.path, error.__cause__.pgcode
                    )
                    return conflict_response()
                logger.warning("%s %s: %s, running it once more", request.method, request.path, error.__cause__.pgcode)
        return None  # not reached


def conflict_response():
    message = gettext(
        "Someone else changed this content at the same moment, so nothing was saved. "
        "Go back to keep your text in the form, then save again."
    )
    return HttpResponse(f"<!doctype html><title>409</title><p>{escape(message)}</p>", status=409)
