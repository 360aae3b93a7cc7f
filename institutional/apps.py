from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstitutionalConfig(AppConfig):
    """The portal's institutional pages: legal notice, accessibility statement, privacy notice and contact, which
    the footer of every page links to."""

    name = "institutional"
    verbose_name = _("Institutional pages")
    default_auto_field = "django.db.models.BigAutoField"
