"""What happens to translations when a revision of their source is published (French, or Arabic when it was written
first in Arabic: ``translations.sources``).

- The source is re-read into wagtail-localize (``TranslationSource.update_from_db``), so the translation
  editor shows the new and changed strings. When its texts changed, a ``SourceTextChange`` is recorded: every
  translation whose live revision is older becomes out of date (see ``translations.status``). No translated page
  is saved or published here: translators apply the changes and submit them for partner approval.
- The translators of each language concerned are told by email.
- A page queued for translation (``QueuedTranslation``) is translated into every other language now that the
  partners have approved its source text.
"""

import logging

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published
from wagtail_localize.models import TranslationSource

from translations.models import QueuedTranslation, SourceTextChange
from translations.notifications import notify_translators
from translations.sources import is_source
from translations.starting import translate_into_all_languages

logger = logging.getLogger(__name__)


@receiver(page_published)
def source_revision_published(sender, instance, revision=None, **kwargs):
    if kwargs.get("alias"):
        return
    page = instance.specific if isinstance(instance, Page) else instance
    if not is_source(page):
        return
    queued = QueuedTranslation.objects.filter(page_id=page.pk).first()
    if queued is not None:
        translate_into_all_languages(page, queued.requested_by)
        queued.delete()
        return
    mark_translations_out_of_date(page, revision)


def texts_of(source):
    """What translators translate in ``source``: its strings and overridable values, by position."""
    strings = source.stringsegment_set.values_list("context__path", "string__data")
    overrides = source.overridablesegment_set.values_list("context__path", "data_json")
    return set(strings) | set(overrides)


def mark_translations_out_of_date(page, revision=None):
    """Re-read the source; when its texts changed, record the change and notify the translators."""
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return
    before = texts_of(source)
    source.update_from_db()
    if texts_of(source) == before:
        return
    SourceTextChange.objects.update_or_create(
        translation_key=page.translation_key, defaults={"changed_at": timezone.now(), "revision": revision}
    )
    languages = sorted(source.translations.filter(enabled=True).values_list("target_locale__language_code", flat=True))
    if languages:
        transaction.on_commit(lambda: notify_translators(page, languages, reason="out_of_date"))
