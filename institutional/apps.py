from django.apps import AppConfig


class InstitutionalConfig(AppConfig):
    """The portal's institutional pages: legal notice, accessibility statement, privacy notice and contact, which
    the footer of every page links to."""

    name = "institutional"
    verbose_name = "Institutional pages"
    default_auto_field = "django.db.models.BigAutoField"
