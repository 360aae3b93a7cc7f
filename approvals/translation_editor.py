"""wagtail-localize's translation editor keeps its main button, which submits for partner approval here.

The translation editor offers its main button ("Publish in <language>") only to whoever may publish. Nobody
publishes outside partner approval (``approvals.guard``); in the translation editor that button submits the
translation for approval instead (``translations.wagtail_hooks.submit_from_translation_editor``, a hook ordered before
these, answers its POST through ``translations.submission``). So the button is kept for whoever may edit the
translation: on a page through the permission tester (``approvals.permissions``, which reads ``EDITOR_FLAG``), on a
snippet through a permission granted for this request alone (``approvals.backends``). Neither publishes anything.
"""

from wagtail.models import TranslatableMixin
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation

from approvals.guard import is_guarded_model, is_guarded_snippet

EDITOR_FLAG = "_portal_translation_editor_page_id"
SNIPPET_EDITOR_PERMISSION = "_portal_translation_editor_snippet_permission"


def enabled_translation(instance):
    """The enabled wagtail-localize Translation whose target is ``instance`` (a page or snippet), or None."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def before_translation_editor(request, page):
    """``before_edit_page`` hook, before wagtail-localize's own: on a translation the user may edit, the editor's
    publish button ("canPublish") stands for "submit for partner approval"."""
    if not is_guarded_model(page.specific_class):
        return None
    if enabled_translation(page) is not None and page.permissions_for_user(request.user).can_edit():
        setattr(request.user, EDITOR_FLAG, page.pk)
    return None


def before_snippet_translation_editor(request, instance):
    """``before_edit_snippet`` hook: keep the translation editor's main button for whoever may edit the snippet.

    For a draftable snippet wagtail-localize shows that button only to holders of the model's ``publish``
    permission. Anyone the snippet edit view let in (its ``change`` permission, and the translators' language rule)
    may use it here. The grant is this request's alone (``approvals.backends.TranslationEditorBackend``).
    """
    if not is_guarded_snippet(type(instance)) or not isinstance(instance, TranslatableMixin):
        return None
    if enabled_translation(instance) is not None:
        setattr(request.user, SNIPPET_EDITOR_PERMISSION, get_permission_name("publish", type(instance)))
    return None
