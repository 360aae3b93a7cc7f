from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """The translation workflow on top of wagtail-localize: how translated texts are applied to pages."""

    name = "translations"
    default_auto_field = "django.db.models.BigAutoField"
