"""The review screen of a translation: what the partners' reviewers read before deciding, and who may do what there.

What is reviewed is what is published: the screen shows the revision the partner task state points to, which is the
one the third approval publishes (``approvals.finish``), and a decision posted from it names that revision, so a
decision never lands on a version the reviewer did not see (``approvals.decisions``). Next to it: the source (the
version first written, French or Arabic: ``translations.sources``), what changed since the translation's live
version, and the partners' decisions. A source page itself is reviewed in the page editor, like any page.

Rules kept here: who may open the screen (``may_view``) and who may withdraw a submission (``may_withdraw``).
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.admin.utils import quote, unquote
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from wagtail.models import Page, TaskState, TranslatableMixin, WorkflowState
from wagtail.snippets.permissions import get_permission_name

from approvals import objects
from approvals.decisions import offered_actions
from approvals.guard import is_guarded_model, is_guarded_snippet
from approvals.reviewers import is_reviewer
from approvals.status import review_restart
from translations.comparison import compare_fields
from translations.roles import may_manage_translations, may_work_in
from translations.sources import is_source, source_version


# What is a translation, and where its screen is ---------------------------------------------------------------------
def is_translation(obj):
    """A page or toolkit snippet under partner approval that is not its source version (one query, cached on
    ``obj``, once the cheap checks pass)."""
    locale = getattr(obj, "locale", None)
    model = obj.specific_class if isinstance(obj, Page) else type(obj)  # the dashboard loads base pages
    return (
        isinstance(obj, TranslatableMixin)
        and model is not None
        and is_guarded_model(model)
        and locale is not None
        and not is_source(obj)
    )


def review_url(obj):
    if objects.is_page(obj):
        return reverse("portal_translations:review", args=[obj.pk])
    meta = type(obj)._meta
    return reverse("portal_translations:review_snippet", args=[meta.app_label, meta.model_name, quote(obj.pk)])


def withdraw_url(obj):
    if objects.is_page(obj):
        return reverse("portal_translations:withdraw", args=[obj.pk])
    meta = type(obj)._meta
    return reverse("portal_translations:withdraw_snippet", args=[meta.app_label, meta.model_name, quote(obj.pk)])


def get_translation(page_id=None, app_label=None, model_name=None, pk=None):
    """The page or translatable toolkit snippet the URL names, or 404."""
    if page_id is not None:
        obj = get_object_or_404(Page.objects.select_related("locale"), pk=page_id).specific
    else:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError as exc:
            raise Http404 from exc
        if not is_guarded_snippet(model) or not issubclass(model, TranslatableMixin):
            raise Http404
        obj = get_object_or_404(model.objects.select_related("locale"), pk=unquote(pk))
    if not is_translation(obj):
        raise Http404
    return obj


# Who may do what ----------------------------------------------------------------------------------------------------
def may_view(user, obj):
    """The partners' reviewers, and whoever may edit the translation (its language's translators, editors)."""
    if is_reviewer(user):
        return True
    if objects.is_page(obj):
        return obj.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(obj))) and may_work_in(user, obj.locale.language_code)


def may_withdraw(user, obj):
    """Whoever submitted it, editors and superusers withdraw a submission; never a partner reviewer (they decide for
    their partner and never stop the review for the others), nor another translator."""
    state = obj.current_workflow_state
    if state is None or state.status not in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES):
        return False
    if user.is_superuser:
        return True
    if is_reviewer(user) or not may_view(user, obj):
        return False
    return user.pk == state.requested_by_id or may_manage_translations(user)


# What the screen shows ----------------------------------------------------------------------------------------------
@dataclass
class ReviewScreen:
    obj: object
    source: object
    revision: object
    task_state: object
    in_review: bool
    published_revision: object
    rows: list
    actions: list
    restart: object
    why_no_decision: str | None = None

    @property
    def first_version(self):
        return self.published_revision is None


def source_as_published(obj):
    """The source version of ``obj``, as the public reads it (else its latest draft), or None."""
    source = source_version(obj)
    if source is None or source.pk == obj.pk:
        return None
    if source.live and source.live_revision_id:
        return source.live_revision.as_object()
    return source.get_latest_revision_as_object()


def build_screen(obj, user):
    """The revision under review (the task state's), else the latest one; its source; its changes since live."""
    task_state = obj.current_workflow_task_state
    in_review = task_state is not None and task_state.status == TaskState.STATUS_IN_PROGRESS
    revision = task_state.revision if in_review else obj.get_latest_revision()
    reviewed = revision.as_object() if revision is not None else obj
    published_revision = obj.live_revision if obj.live else None
    published = published_revision.as_object() if published_revision is not None else None
    source = source_as_published(obj)
    actions = [name for name, _label, _modal in offered_actions(obj, user)] if in_review else []
    return ReviewScreen(
        obj=obj,
        source=source,
        revision=revision,
        task_state=task_state if in_review else None,
        in_review=in_review,
        published_revision=published_revision,
        rows=compare_fields(source, reviewed, published=published, first_version=published is None),
        actions=actions,
        restart=review_restart(obj) if in_review else None,
        why_no_decision=why_no_decision(task_state, user) if in_review and not actions else None,
    )


def why_no_decision(task_state, user):
    task = task_state.task.specific
    return task.why_user_cannot_decide(task_state, user) if hasattr(task, "why_user_cannot_decide") else None
