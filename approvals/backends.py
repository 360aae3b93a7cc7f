"""An authentication backend that grants nothing but the translation editor's one request-scoped permission.

See ``approvals.translation_editor.before_snippet_translation_editor``: while the snippet translation editor is
rendered, its submit button (which wagtail-localize ties to the model's ``publish`` permission) is kept for the user
who may edit the translation. Publication itself stays refused to everyone by ``approvals.guard``.
"""

from django.contrib.auth.backends import BaseBackend

from approvals.translation_editor import SNIPPET_EDITOR_PERMISSION


class TranslationEditorBackend(BaseBackend):
    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        granted = getattr(user_obj, SNIPPET_EDITOR_PERMISSION, None)
        return granted is not None and perm == granted and user_obj.is_active
