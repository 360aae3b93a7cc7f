"""Wagtail wiring of the translation workflow: editor actions, the submission that replaces "Publish in <locale>",
the translators' to-do panel, the status report, the review screen and the glossary snippet."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import register_snippet

from approvals.action_menus import PartnerSubmitPageMenuItem
from approvals.objects import REVIEW_URL_HOOK, REVIEW_URLS_PREPARE_HOOK
from approvals.reviewers import is_reviewer
from approvals.translation_editor import enabled_translation
from approvals.workflow import REVIEW_BEFORE_ATTR, restart_message, review_restarted_since
from security.refusals import admin_language, forbidden
from translations import urls
from translations.localize_internals import PUBLISH_ACTION, RESTART_FIELD
from translations.models import QueuedTranslation
from translations.po import PO_IMPORT_ACTION
from translations.review import is_translation, may_view, review_url
from translations.roles import may_manage_translations, may_work_in, translator_languages
from translations.snippets import GlossaryTermViewSet
from translations.sources import is_source, remember_sources
from translations.starting import missing_locales
from translations.status import todo_for
from translations.submission import NoWorkflowError, submit_translation

QUEUE_TRANSLATION_VALUE = "queue-translation"

register_snippet(GlossaryTermViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("portal-translations/", include((urls.urlpatterns, "portal_translations")))]


# Submitting from the translation editor -----------------------------------------------------------------------------
def submit_from_translation_editor(request, instance):
    """The translation editor's main action posts ``action=publish``; here it saves a draft and starts approval.

    Registered before wagtail-localize's own hook, so its publishing branch is never reached, whoever clicks.
    """
    if request.method != "POST":
        return None
    if RESTART_FIELD in request.POST and not may_manage_translations(request.user):
        raise PermissionDenied(_("Only editors can start, stop or synchronise translations."))
    field, value = PUBLISH_ACTION
    if request.POST.get(field) != value:
        return None
    translation = enabled_translation(instance)
    if translation is None or not isinstance(instance, DraftStateMixin):
        return None
    try:
        target, _state = submit_translation(translation, request.user)
    except PermissionDenied as refusal:  # locked: in partner review, or by someone else (translations.guards)
        messages.error(request, str(refusal))
    except ValidationError as error:
        messages.error(request, _("This translation cannot be saved yet: %(errors)s") % {"errors": "; ".join(error)})
    except NoWorkflowError as error:
        messages.error(request, str(error))
    else:
        if review_restarted_since(getattr(request, REVIEW_BEFORE_ATTR, None)):
            messages.warning(request, restart_message())  # an editor's correction during review
        else:
            messages.success(
                request,
                _("“%(title)s” in %(language)s was submitted for partner approval. It is not public yet.")
                % {"title": target, "language": translation.target_locale.get_display_name()},
            )
    return redirect(request.get_full_path())


hooks.register("before_edit_page", submit_from_translation_editor, order=-10)
hooks.register("before_edit_snippet", submit_from_translation_editor, order=-10)


@hooks.register("before_bulk_action")
def confine_bulk_actions(request, action_type, objects, action_class_instance):
    for obj in objects:
        if isinstance(obj, TranslatableMixin) and not may_work_in(request.user, obj.locale.language_code):
            with admin_language(request):
                return forbidden(request, _("You translate into another language: you cannot change this content."))
    return None


# Starting translations ----------------------------------------------------------------------------------------------
@hooks.register("register_page_header_buttons")
def translation_header_buttons(page, user, view_name=None, next_url=None):
    if page.is_root():
        return
    if may_manage_translations(user) and is_source(page) and missing_locales(page).exists():
        yield Button(
            _("Translate into all languages"),
            reverse("portal_translations:translate_all", args=[page.pk]),
            icon_name="wagtail-localize-language",
            priority=55,
        )
    specific = page.specific_deferred
    if is_translation(specific) and may_view(user, specific):
        yield Button(
            _("Review this translation") if is_reviewer(user) else _("Compare with the source text"),
            review_url(specific),
            icon_name="doc-full",
            priority=56,
        )


@hooks.register(REVIEW_URL_HOOK)
def translations_are_reviewed_on_their_screen(obj):
    """Reviewers' dashboard and e-mails lead to the review screen of a translation (``approvals.objects``)."""
    return review_url(obj) if is_translation(obj) else None


hooks.register(REVIEW_URLS_PREPARE_HOOK, remember_sources)


@hooks.register("construct_page_action_menu")
def submitting_queues_the_translations(menu_items, request, context):
    """The editor's one submit action on a source page (French, or Arabic written first: ``translations.sources``)
    says that the translations into the languages it lacks follow once it is published, and queues them
    (``queue_translation``); there is no second submit button for it."""
    if context.get("view") not in ("create", "edit") or not may_manage_translations(request.user):
        return
    if context["view"] == "create":
        # A new page has no translation yet: it is the source of those to come, in whichever tree it is written.
        languages = list(Locale.objects.exclude(pk=context["parent_page"].locale_id))
    else:
        page = context["page"]
        languages = list(missing_locales(page)) if is_source(page) else []
    for item in menu_items:
        if isinstance(item, PartnerSubmitPageMenuItem) and languages:
            item.queued_languages = [locale.get_display_name() for locale in languages]
            item.submit_value = QUEUE_TRANSLATION_VALUE


def queue_translation(request, page):
    if request.method == "POST" and request.POST.get("action-submit") == QUEUE_TRANSLATION_VALUE:
        page = Page.objects.get(pk=page.pk)
        if page.workflow_in_progress and may_manage_translations(request.user):
            QueuedTranslation.objects.get_or_create(page=page, defaults={"requested_by": request.user})


hooks.register("after_create_page", queue_translation)
hooks.register("after_edit_page", queue_translation)


# The translators' to-do ---------------------------------------------------------------------------------------------
class TranslatorTodoPanel(Component):
    """The dashboard panel of a translator: the pages in their language(s) that await translation."""

    name = "translator_todo"
    order = 90
    template_name = "translations/todo_panel.html"

    def __init__(self, languages):
        self.languages = languages

    def get_context_data(self, parent_context):
        items = [
            {"locale": target.locale, "source": source, "target": target, "cell": cell}
            for _code, source, target, cell in todo_for(self.languages)
        ]
        return {"items": items}


@hooks.register("construct_homepage_panels")
def add_translator_todo(request, panels):
    languages = translator_languages(request.user)
    if languages:
        panels.append(TranslatorTodoPanel(languages))


# Report, audit log, editor assets -----------------------------------------------------------------------------------
@hooks.register("register_reports_menu_item")
def register_status_report():
    return MenuItem(
        _("Translation status"),
        reverse("portal_translations:status"),
        icon_name="wagtail-localize-language",
        order=9010,
    )


@hooks.register("register_log_actions")
def register_po_import(actions):
    actions.register_action(
        PO_IMPORT_ACTION, gettext_lazy("PO file imported"), gettext_lazy("Translations imported from a PO file")
    )


@hooks.register("insert_global_admin_css")
def content_direction_css():
    return format_html('<link rel="stylesheet" href="{}">', static("translations/css/content-direction.css"))
