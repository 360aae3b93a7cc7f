"""wagtail-localize's translation editor, made to submit a translation for partner approval instead of publishing.

The translation editor keeps translated strings in its own records and only writes them into the page when the
translator presses "Publish in <language>". Publication is refused here (``approvals.guard``), so that button, for a
page extending BasePage, saves the translation as a new draft revision and submits it to the "Validation
tripartite" workflow: the translation goes live once DGCT, ARM and the British Embassy approve it, like any page.

The translations app (translator workflow) may register its own submission hook for that button at a lower order;
it then answers the POST first and this one only keeps the button visible (the GET branch). Without it, this one
submits.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.models import Page, TranslatableMixin, WorkflowState
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation

from approvals.guard import is_guarded_model, is_guarded_snippet

EDITOR_FLAG = "_portal_translation_editor_page_id"


def enabled_translation(instance):
    """The enabled wagtail-localize Translation whose target is ``instance`` (a page or snippet), or None."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def submit_for_review(page, user):
    """Start the page's workflow on its latest revision, or resume it after a request for changes.

    A review already in progress restarted itself on the new revision (``approvals.workflow``).
    """
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user)
    elif workflow_state is None and (workflow := page.get_workflow()) is not None:
        workflow.start(page, user)


def before_translation_editor(request, page):
    """``before_edit_page`` hook, ordered before wagtail-localize's own."""
    if not is_guarded_model(page.specific_class):
        return None
    translation = enabled_translation(page)
    if translation is None or not page.permissions_for_user(request.user).can_edit():
        return None
    if request.method != "POST" or request.POST.get("action") != "publish":
        # The editor's publish button (its "canPublish") stands for "submit for partner approval" on this page.
        setattr(request.user, EDITOR_FLAG, page.pk)
        return None
    try:
        with transaction.atomic():
            translation.save_target(user=request.user, publish=False)
            submit_for_review(Page.objects.get(pk=page.pk).specific, request.user)
    except ValidationError:
        messages.error(request, gettext("The translation could not be saved: please fix the errors shown."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.success(
        request,
        gettext(
            "The translation was saved and submitted for partner approval: it goes live once DGCT, ARM and the "
            "British Embassy have approved it."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


SNIPPET_EDITOR_PERMISSION = "_portal_translation_editor_snippet_permission"


def before_snippet_translation_editor(request, instance):
    """``before_edit_snippet`` hook: keep the translation editor's main button for whoever may edit the snippet.

    For a draftable snippet wagtail-localize shows that button only to holders of the model's ``publish``
    permission. Here the button submits the translation for partner approval (``translations.wagtail_hooks``), so
    anyone the snippet edit view let in (its ``change`` permission, and the translators' language rule) may use it.
    The grant is this request's alone (``approvals.backends.TranslationEditorBackend``) and publishes nothing.
    """
    if not is_guarded_snippet(type(instance)) or not isinstance(instance, TranslatableMixin):
        return None
    if enabled_translation(instance) is not None:
        setattr(request.user, SNIPPET_EDITOR_PERMISSION, get_permission_name("publish", type(instance)))
    return None
