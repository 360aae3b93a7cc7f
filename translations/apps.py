from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """The translation workflow on top of wagtail-localize: translators confined to their language, translations
    started by editors and handed to partner approval, out-of-date tracking, status report, glossary, RTL editing."""

    name = "translations"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Translations"

    def ready(self):
        from translations import signals  # noqa: F401 (connects the page_published receiver)
