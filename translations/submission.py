"""Handing a translation to the partners: save a draft revision, then start (or resume) the object's workflow.

Nothing here publishes. It uses Wagtail's generic workflow API (``get_workflow()``, ``Workflow.start``,
``WorkflowState.resume``), so it works with whichever task the workflow assigned to each language's tree runs
(the partner approval task in production).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Page, WorkflowState

from translations.guards import check_not_locked
from translations.slugs import apply_translated_slug


class NoWorkflowError(Exception):
    """The object has no workflow: it could only be published directly, which a translation never is."""


def submit_for_approval(instance, user):
    """Start the workflow on ``instance``'s latest revision, or resume it after a request for changes.

    Returns the workflow state. While a review is already in progress the new revision simply joins it (the
    approval task decides whether earlier decisions still stand).
    """
    if isinstance(instance, Page):
        instance = instance.specific
    state = instance.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        return state
    workflow = instance.get_workflow()
    if workflow is None:
        raise NoWorkflowError(_("No approval workflow applies to “%(object)s”.") % {"object": instance})
    return workflow.start(instance, user)


def submit_translation(translation, user):
    """Apply the translated strings to the target as a draft revision and send it to partner approval.

    Objects without drafts (the glossary) have no publication: saving them is the whole action, and they are
    returned without a workflow.
    """
    target = translation.get_target_instance()
    check_not_locked(user, target)
    if isinstance(target, DraftStateMixin):
        target = save_translation_draft(translation, user)
        apply_translated_slug(translation, target)  # an address in the page's own language (translations.slugs)
        return target, submit_for_approval(target, user)
    translation.save_target(user=user, publish=True)
    return translation.get_target_instance(), None


@transaction.atomic
def save_translation_draft(translation, user):
    """Save the translation as a new draft revision of its target, leaving the live version as it was.

    wagtail-localize's ``save_target(publish=False)`` writes the translated content into the target's own row
    before saving the revision. On a live page that row is what the public site serves, so the unreviewed text
    would be public at once (and a live draftable snippet would be marked not live). Here the row is put back to
    the live revision's content; the new text stays in the draft revision that goes to partner approval.
    """
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        target = None  # a first translation: nothing is live yet
    live_revision = target.live_revision if target is not None and target.live else None
    translation.save_target(user=user, publish=False)
    if live_revision is None:
        return translation.get_target_instance()
    current = type(target).objects.get(pk=target.pk)
    restored = live_revision.as_object()
    restored.live = True
    restored.live_revision = live_revision
    restored.last_published_at = current.last_published_at
    restored.latest_revision = current.latest_revision
    restored.has_unpublished_changes = True
    if isinstance(restored, Page):
        restored.draft_title = current.draft_title
        restored.latest_revision_created_at = current.latest_revision_created_at
        restored.save(clean=False)
    else:
        restored.save()
    return type(target).objects.get(pk=target.pk)
