"""Starting translations: an editor's decision, into every other language at once."""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object

from translations.notifications import notify_translators


def missing_locales(instance):
    """The locales ``instance`` has no translation of its own in (an alias does not count)."""
    translations = instance.get_translations(inclusive=True)
    if isinstance(instance, Page):
        translations = translations.exclude(alias_of__isnull=False)
    return Locale.objects.exclude(pk__in=translations.values("locale_id"))


@transaction.atomic
def translate_into_all_languages(instance, user):
    """Create the translations of ``instance`` (a French page or snippet) into every language that lacks one.

    The new pages are drafts (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` is off) holding the French text
    until translated; their translators are notified. Returns the language codes translated into.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    locales = list(missing_locales(instance))
    if not locales:
        return []
    translate_object(instance, locales, user=user)
    languages = [locale.language_code for locale in locales]
    transaction.on_commit(lambda: notify_translators(instance, languages, reason="new"))
    return languages
