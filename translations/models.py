"""The translation workflow's own records: the programme glossary and the French pages queued for translation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """A programme term and how the partnership renders it in each language.

    One record per language, linked by wagtail-localize's translation key: editors enter the French term, start its
    translation, and each language's translators fix their rendering in the translation editor, like any other
    content. Translators consult the glossary while they work; `export_glossary` writes it in the format DeepL's
    glossary API accepts, one file per language pair.
    """

    term = models.CharField(_("term"), max_length=255)
    note = models.TextField(
        _("note"), blank=True, help_text=_("Where the term is used, or what to avoid when translating it.")
    )

    panels = [FieldPanel("term"), FieldPanel("note")]
    translatable_fields = [TranslatableField("term"), TranslatableField("note")]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]

    def __str__(self):
        return self.term


class QueuedTranslation(models.Model):
    """A French page an editor asked to translate as soon as partner approval publishes it.

    Translating a draft would hand translators text that may still change in review; the queue waits for the
    approved, published revision, then translates it into every other language (see ``translations.signals``).
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("queued translation")
        verbose_name_plural = _("queued translations")

    def __str__(self):
        return str(self.page)


class SourceTextChange(models.Model):
    """When the French text of a page last changed in a published revision: its translations made before that are
    out of date (see ``translations.status``).

    Kept here rather than read from wagtail-localize's ``TranslationSource.last_updated_at``, which moves whenever
    the source is re-read, even when no text changed (for instance each time another language is added).
    """

    translation_key = models.UUIDField(unique=True)
    changed_at = models.DateTimeField()
    revision = models.ForeignKey("wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("French text change")
        verbose_name_plural = _("French text changes")

    def __str__(self):
        return f"{self.translation_key} @ {self.changed_at:%Y-%m-%d %H:%M}"
