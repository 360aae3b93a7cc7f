"""Translator confinement and the editors' control of translations, enforced where requests enter.

wagtail-localize checks one thing before its views write: "may this user edit the target object?" For pages that
is the per-language page tree permission, which bootstrap_portal grants to each translator group on its own tree
only; for snippets it is a per-model permission, blind to the language. This middleware adds the portal's rules in
front of every wagtail-localize view and every snippet view, keyed on the language of the object the URL names:

- a translator writes only in their own language (strings, overrides, machine translation, PO upload and download,
  preview, snippet edit / add / delete / history and any other per-object snippet view);
- only editors start, stop, restart, sync or convert translations;
- syncing translations never publishes;
- partner reviewers write nothing here: they decide, they do not write (``approvals.reviewers``);
- nothing writes into a page or snippet locked for the user: Wagtail's manual lock ("Lock" in the editor) by someone
  else, and partner review, which locks it to its translators until the partners decide (a request for changes
  unlocks it) or the submission is withdrawn. Editors may still correct it; their edit restarts the review.

The translation editor's submit button (a POST to the page or snippet edit view) meets the same lock in
``translations.submission.submit_translation``. Refusals are 403s with the reason, answered before the view runs,
so they change nothing.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.locks import BasicLock
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation

from approvals.reviewers import is_reviewer, review_lock_message, reviewers_do_not_write_message
from security.refusals import admin_language, forbidden
from translations.localize_internals import PUBLISH_TRANSLATIONS_FIELD
from translations.po import upload_po
from translations.roles import may_manage_translations, may_work_in

# wagtail-localize views that take a translation_id, and whether they write.
TRANSLATION_VIEWS = {
    "edit_string_translation": True,
    "edit_override": True,
    "upload_pofile": True,
    "machine_translate": True,
    "stop_translation": True,
    "download_pofile": False,
    "preview_translation": False,
}
# Views that manage the translation relation itself: editors only.
MANAGEMENT_VIEWS = {
    "submit_page_translation",
    "submit_snippet_translation",
    "update_translations",
    "convert_to_alias",
    "stop_translation",
}


def refuse_language(language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    raise PermissionDenied(
        _("You translate into another language: you cannot change content in %(language)s.")
        % {"language": locale.get_display_name() if locale else language_code}
    )


def check_language(user, instance):
    locale = getattr(instance, "locale", None)
    if locale is not None and not may_work_in(user, locale.language_code):
        refuse_language(locale.language_code)


def check_not_locked(user, instance):
    """Refuse a write into ``instance`` (a page or a snippet) when it is locked to ``user``, saying why."""
    get_lock = getattr(instance, "get_lock", None)
    lock = get_lock() if get_lock is not None else None
    if lock is None or not lock.for_user(user):
        return
    if isinstance(lock, BasicLock):
        raise PermissionDenied(_("This content is locked by someone else: it cannot be changed until it is unlocked."))
    raise PermissionDenied(review_lock_message(user) or _("This content is locked: it cannot be changed now."))


class TranslationGuardMiddleware:
    """Runs the checks above in ``process_view``, after URL resolution and before the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.user.is_authenticated:
            return None
        with admin_language(request):
            try:
                return self.check(request, match, view_kwargs)
            except PermissionDenied as refusal:
                return forbidden(request, str(refusal) or _("You do not have permission to do this."))

    def check(self, request, match, view_kwargs):
        if "wagtail_localize" in match.namespaces:
            self.check_localize_view(request, match.url_name, view_kwargs)
            if match.url_name == "upload_pofile":
                return upload_po(request, **view_kwargs)
        elif match.namespace.startswith("wagtailsnippets_"):
            self.check_snippet_view(request, match, view_kwargs)
        elif match.view_name == "wagtailadmin_pages:convert_alias" and not may_manage_translations(request.user):
            raise PermissionDenied(_("Only editors can turn an alias into a translation."))
        return None

    def check_localize_view(self, request, url_name, kwargs):
        user = request.user
        writes = url_name in MANAGEMENT_VIEWS or TRANSLATION_VIEWS.get(url_name, False)
        if writes and request.method not in ("GET", "HEAD") and is_reviewer(user):
            raise PermissionDenied(reviewers_do_not_write_message())
        if url_name in MANAGEMENT_VIEWS and not may_manage_translations(user):
            raise PermissionDenied(_("Only editors can start, stop or synchronise translations."))
        if (
            url_name == "update_translations"
            and request.method == "POST"
            and request.POST.get(PUBLISH_TRANSLATIONS_FIELD)
        ):
            raise PermissionDenied(
                _("Translations are never published from here: each one goes through partner approval.")
            )
        if url_name in TRANSLATION_VIEWS:
            translation = get_object_or_404(
                Translation.objects.select_related("target_locale", "source"), pk=kwargs["translation_id"]
            )
            if not may_work_in(user, translation.target_locale.language_code):
                refuse_language(translation.target_locale.language_code)
            if TRANSLATION_VIEWS[url_name] and request.method not in ("GET", "HEAD"):
                target = translation.source.get_translated_instance(translation.target_locale)
                check_not_locked(user, target)

    def check_snippet_view(self, request, match, kwargs):
        model = snippet_model_for_namespace(match.namespace)
        if model is None or not issubclass(model, TranslatableMixin):
            return
        if "pk" in kwargs:
            check_language(request.user, get_object_or_404(model, pk=kwargs["pk"]))
        elif match.url_name in ("add", "preview_on_add"):
            # The language Wagtail's add view creates in: the URL's ``locale``, or the default. A ``locale`` in the
            # posted form is not read by Wagtail, so it must not decide here either.
            code = request.GET.get("locale") or Locale.get_default().language_code
            if not may_work_in(request.user, code):
                refuse_language(code)


def snippet_model_for_namespace(namespace):
    for model in get_snippet_models():
        if namespace == f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}":
            return model
    return None
