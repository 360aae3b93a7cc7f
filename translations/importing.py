"""Applying known translations to an object through wagtail-localize.

Operators' commands (bootstrap_portal, load_demo_content) author content in French and hold its Arabic and English
text. They go through wagtail-localize's own records (TranslationSource, Translation, StringTranslation) rather than
creating translated pages by hand, so that the translation relations, the translation editor and the "out of date"
tracking work on that content exactly as on content a translator made.
"""

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from translations.submission import save_translation_draft


class MissingTranslation(Exception):
    """A source string had no translation in the texts given."""


@transaction.atomic
def translate_with_texts(instance, locale, texts, user=None, publish=False):
    """Translate ``instance`` into ``locale`` using ``texts``, a mapping of source text to translated text.

    Keys and values are plain text, or HTML for rich-text segments. Every translatable string of the source must be
    found in ``texts``; otherwise MissingTranslation is raised and nothing is saved. Returns the translated instance.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    missing = []
    for segment in segments:
        value = StringValue(segment.string.data)
        translated = texts.get(value.render_text())
        if translated is None:
            translated = texts.get(segment.string.data)
            translated_value = StringValue.from_source_html(translated)[0] if translated else None
        else:
            translated_value = StringValue.from_plaintext(translated)
        if translated_value is None:
            missing.append(value.render_text())
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated_value.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
    if missing:
        raise MissingTranslation(
            f"{instance!r} into {locale.language_code}: no translation for {len(missing)} string(s): "
            + "; ".join(m[:60] for m in missing[:5])
        )
    if publish:
        translation.save_target(user=user, publish=True)
    else:
        # A draft must not overwrite what a live translation shows (see save_translation_draft).
        save_translation_draft(translation, user)
    return instance.get_translation(locale)
