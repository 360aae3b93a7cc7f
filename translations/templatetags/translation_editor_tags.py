"""What the admin's editors need to know about the language of the content they show."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin

from translations.memory import translation_aids
from translations.navigation import navigable
from translations.roles import may_manage_translations

register = template.Library()


@register.simple_tag
def content_language(locale):
    """{"lang", "dir"} of the content in ``locale`` (not of the admin interface)."""
    if locale is None:
        return None
    code = locale.language_code
    return {"lang": code, "dir": "rtl" if get_language_info(code)["bidi"] else "ltr"}


@register.simple_tag(takes_context=True)
def translation_editor_config(context, translation, instance):
    """Settings read by translation-editor.js before the React editor starts.

    ``canSubmit`` turns the editor's main action into "Submit for partner approval" (the server turns its post into
    a draft and a workflow, see ``translations.wagtail_hooks``); ``canManage`` keeps "Stop synced translation" and
    "Convert to alias" for editors, whom the server alone allows to use them. ``locked`` shows the strings read-only
    and hides the submit button when the content is locked to the user (a partner reviewer; a translator while it is
    in partner review; someone else's manual lock): the server refuses those writes anyway (``translations.guards``).
    """
    user = context["request"].user
    locked = is_locked_for(user, instance)
    return {
        **content_language(translation.target_locale),
        "canSubmit": isinstance(instance, DraftStateMixin) and not locked,
        "locked": locked,
        "submitLabel": _("Submit for partner approval"),
        "submittingLabel": _("Submitting…"),
        "canManage": may_manage_translations(user),
    }


@register.simple_tag(takes_context=True)
def translation_lock_message(context, instance):
    """Why the translation is read-only for this user (partner review, someone else's lock), or "" when it is not:
    the editor shows it above the strings, so a locked translator is told why there is nothing to type into."""
    user = context["request"].user
    get_lock = getattr(instance, "get_lock", None)
    lock = get_lock() if get_lock is not None else None
    if lock is None or not lock.for_user(user):
        return ""
    return lock.get_message(user) or ""


def is_locked_for(user, instance):
    get_lock = getattr(instance, "get_lock", None)
    lock = get_lock() if get_lock is not None else None
    return bool(lock is not None and lock.for_user(user))


@register.inclusion_tag("translations/includes/translation_aids.html", takes_context=True)
def translation_aids_panel(context, translation, instance):
    """The panel under the translation editor: previous translations, exact matches and glossary terms per string
    (``translations.memory``). Its "Use as a starting point" buttons are offered only to whoever may write here."""
    user = context["request"].user
    return {
        "aids": translation_aids(translation),
        "can_use": not is_locked_for(user, instance),
        "source_language": content_language(translation.source.locale),
        "target_language": content_language(translation.target_locale),
        "glossary_url": reverse("wagtailsnippets_translations_glossaryterm:list")
        + f"?locale={translation.target_locale.language_code}",
    }


@register.simple_tag(takes_context=True)
def navigable_editor_context(context):
    """The translation editor's links for this person (``translations.navigation``)."""
    return navigable(context)
