"""How partner approval moves: the finish action that publishes, and the reset on every new revision.

- Finishing the "Validation tripartite" workflow (``approvals.finish``) publishes, or schedules, the revision the three
  partners approved, on the partners' authority: the last approver needs no publish permission
  (``WAGTAIL_FINISH_WORKFLOW_ACTION``).
- Any new revision of a page under review, autosave included, restarts the partner review on that revision; an
  autosave that overwrites the revision under review supersedes its decisions. The new content has no decisions yet.
- A scheduled revision must be approved: ``approved_go_live_at`` is refused on an unapproved revision.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.models import Revision, TaskState
from wagtail.signals import page_published, published

from approvals import notifications
from approvals.guard import current_sanction, ensure_may_go_live, is_guarded_model, is_guarded_snippet
from approvals.locking import lock_for_revision
from approvals.models import PartnerApprovalTask, PartnerDecision
from approvals.notifications import quiet_restart


def _guarded_revision(revision):
    # get_for_id is served from ContentType's cache: no query per saved revision (autosave included).
    return is_guarded_model(ContentType.objects.get_for_id(revision.content_type_id).model_class())


@receiver(pre_save, sender=Revision)
def refuse_unapproved_schedule_and_note_overwrites(sender, instance, update_fields=None, **kwargs):
    if not _guarded_revision(instance):
        return
    if instance.approved_go_live_at is not None and not current_sanction():
        ensure_may_go_live(instance.pk)
    instance._portal_content_overwritten = False
    if instance.pk and (update_fields is None or "content" in update_fields):
        stored = Revision.objects.filter(pk=instance.pk).values_list("content", flat=True).first()
        instance._portal_content_overwritten = stored is not None and stored != instance.content


@receiver(post_save, sender=Revision)
def restart_review_on_new_content(sender, instance, created, **kwargs):
    if not _guarded_revision(instance):
        return
    if not created and not getattr(instance, "_portal_content_overwritten", False):
        return
    # The object's row first, as every writer of a review does (approvals.locking): a concurrent third approval
    # either finished (no review left to restart: this revision is a new draft) or waits for this one.
    lock_for_revision(instance)
    if not created:
        PartnerDecision.objects.for_revision(instance.pk).update(superseded_at=timezone.now())
    task_state = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__status="in_progress",
            workflow_state__base_content_type_id=instance.base_content_type_id,
            workflow_state__object_id=str(instance.object_id),
        )
        .select_related("task")
        .first()
    )
    if task_state is None or not isinstance(task_state.task.specific, PartnerApprovalTask):
        return
    if created and task_state.revision_id == instance.pk:
        return
    with quiet_restart():
        task_state.cancel(user=instance.user, resume=True, comment="")
    # Wagtail starts the new task state on the page's latest revision, which the page row does not point to yet
    # while this revision is being saved: point it at this revision.
    workflow_state = task_state.workflow_state
    workflow_state.refresh_from_db(fields=["current_task_state"])
    TaskState.objects.filter(pk=workflow_state.current_task_state_id).update(revision=instance)


@receiver(page_published)
def tell_the_author(sender, instance, revision=None, alias=False, **kwargs):
    if not alias and is_guarded_model(type(instance)):
        transaction.on_commit(lambda: notifications.revision_published(instance, revision))


@receiver(published)
def tell_the_author_of_a_snippet(sender, instance, revision=None, **kwargs):
    if is_guarded_snippet(type(instance)):
        transaction.on_commit(lambda: notifications.revision_published(instance, revision))


# Telling the editor whose change restarted the review ---------------------------------------------------------------
REVIEW_BEFORE_ATTR = "_portal_review_task_state_before"


def restart_message():
    return gettext("The review restarted on your new version; the partners' earlier decisions no longer count.")


def note_review_before_edit(request, obj):
    """``before_edit_page`` / ``before_edit_snippet``: remember which review the object was in before this POST."""
    if request.method == "POST":
        task_state = getattr(obj, "current_workflow_task_state", None)
        setattr(request, REVIEW_BEFORE_ATTR, task_state.pk if task_state is not None else None)


def review_restarted_since(task_state_id):
    """Whether the review that was at ``task_state_id`` restarted since (on a new version, in the same workflow)."""
    if task_state_id is None:
        return False
    return (
        TaskState.objects.filter(
            pk=task_state_id, status=TaskState.STATUS_CANCELLED, workflow_state__status="in_progress"
        )
        .exclude(workflow_state__current_task_state_id=task_state_id)
        .exists()
    )


def tell_editor_the_review_restarted(request, obj):
    """``after_edit_page`` / ``after_edit_snippet``: the editor's change restarted the review: say so."""
    if review_restarted_since(getattr(request, REVIEW_BEFORE_ATTR, None)):
        messages.warning(request, restart_message())
